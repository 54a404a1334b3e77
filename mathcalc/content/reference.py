"""The reference pages (Parr & Howard §8-§9 and the errata), rendered from data.

- :func:`verify_rules` and :func:`rule_table` turn :data:`mathcalc.rules.VECTOR_RULES` into
  the tables of §8.2-§8.4, every row verified (SymPy, finite differences, JVP/VJP) for
  several vector lengths n when the page executes; a failing rule raises.
- :func:`errata_sections` and :func:`errata_markdown` render :data:`mathcalc.content.errata.ERRATA`
  grouped by section in paper order.
- :func:`notation_list` evaluates the code that computes each notation of §9
  (:data:`NOTATION`, :data:`NOTATION_NUMPY`).

Numerator layout throughout (§4.1): rows of a Jacobian are outputs.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
import sympy as sp

from ..core.check import combine
from ..core.validate import positive_int
from ..display import fit, show
from .ledger.page import entry_label, erratum_label
from ..rules.vector import VectorRule
from ..rules.verify import verify_vector_rule

# The tables of §8, keyed by the rules' ``kind``; a kind not listed here gets its own table.
KIND_TITLES = {
    "element-wise": "§8.2 Element-wise binary operators",
    "element-wise function": "Element-wise functions (beside §8.2: the paper's identity and "
                             "max, and rules the package adds)",
    "scalar expansion": "§8.3 Scalar expansion",
    "reduction": "§8.4 Vector reductions",
}


def verify_rules(rules: Iterable[VectorRule], ns: Sequence[int] = (1, 2, 5), rng=0) -> dict:
    """Run :func:`mathcalc.rules.verify.verify_vector_rule` on every rule for every n in
    ``ns``.

    Returns ``{key: CheckResult}``, one result per rule over all the n (its ``errors``:
    the largest finite-difference and JVP/VJP errors). Raises
    :class:`~mathcalc.core.check.CheckError` (naming the rule and n) if a rule fails, so a
    wrong row fails the chapter that shows it.
    """
    ns = tuple(positive_int(n, "n") for n in ns)
    if not ns:
        raise ValueError("ns must name at least one vector length")
    return {r.key: combine(f"rule {r.key!r}, n = {', '.join(map(str, ns))}",
                           [verify_vector_rule(r, n, rng=rng) for n in ns])
            for r in rules}


def _symbol(arg: str) -> str:
    """LaTeX for an argument: the scalar z in italics, vectors in bold (§9)."""
    return arg if arg == "z" else rf"\mathbf{{{arg}}}"


def _partial(r: VectorRule, arg: str) -> str:
    top = r"\partial y" if r.kind == "reduction" else r"\partial \mathbf{y}"
    wrt = _symbol(arg)
    return rf"$\frac{{{top}}}{{\partial {wrt}}} = {r.jacobian_latex[arg]}$"


def rule_table(rules: Iterable[VectorRule], results: dict):
    """One §8 table: the operation, each argument's Jacobian (numerator layout), the check.

    ``results`` is the output of :func:`verify_rules`; a rule missing from it raises
    ``ValueError`` (every row shown must have been verified).
    """
    rules = list(rules)
    if not rules:
        raise ValueError("rule_table needs at least one rule")
    width = max(len(r.args) for r in rules)
    rows = []
    for r in rules:
        if r.key not in results:
            raise ValueError(f"rule {r.key!r} was not verified: pass it to verify_rules first")
        res = results[r.key]
        y = "y" if r.kind == "reduction" else r"\mathbf{y}"
        name = f"${y} = {r.latex}$" + ("" if r.in_paper else " (not in the paper)")
        partials = [_partial(r, a) for a in r.args] + [""] * (width - len(r.args))
        check = (f"{show.check_mark(res.passed)} {res.what.split(', ', 1)[1]} · finite differences "
                 f"{res.errors['finite differences']:.0e} · JVP/VJP {res.errors['JVP/VJP']:.0e}")
        rows.append([name, *partials, check])
    arg_sets = {r.args for r in rules}
    if len(arg_sets) == 1:  # one table, one set of arguments: name the columns by them
        (args,) = arg_sets
        headers = ["Operation", *[f"With respect to ${_symbol(a)}$" for a in args], "Verified"]
    else:
        headers = ["Operation", *[f"Jacobian {k + 1}" for k in range(width)], "Verified"]
    return show.table(headers, rows)


def rules_by_kind(rules: Iterable[VectorRule]) -> list[tuple[str, list[VectorRule]]]:
    """Group rules into the §8 tables: known kinds in §8 order, then any other kind."""
    groups: dict[str, list[VectorRule]] = {}
    for r in rules:
        groups.setdefault(r.kind, []).append(r)
    order = [k for k in KIND_TITLES if k in groups] + sorted(k for k in groups if k not in KIND_TITLES)
    return [(KIND_TITLES.get(k, f"Other rules: {k}"), groups[k]) for k in order]


def section_key(section: str) -> tuple:
    """Paper order for a section label: "§4.5.1" -> (4, 5, 1); "§6" comes before "§6.1"."""
    numbers = re.findall(r"\d+", section)
    if not numbers:
        raise ValueError(f"section {section!r} has no section number (expected e.g. '§4.2')")
    return tuple(int(k) for k in numbers)


def errata_sections(errata) -> list[tuple[str, list]]:
    """The errata grouped by section, sections in paper order, entries in list order."""
    groups: dict[str, list] = {}
    for e in errata:
        groups.setdefault(e.section, []).append(e)
    return [(s, groups[s]) for s in sorted(groups, key=section_key)]


def errata_summary(errata):
    """A table of how many errata each section has, by kind (typo, error, misleading)."""
    kinds = sorted({e.kind for e in errata})

    def counts(entries):
        return [str(len(entries)), *[str(sum(e.kind == k for e in entries)) for k in kinds]]

    rows = [[s, *counts(es)] for s, es in errata_sections(errata)] + [["all", *counts(errata)]]
    return show.table(["Section", "Entries", *kinds], rows)


def _form(tex: str) -> str:
    """An erratum's form as Markdown: display math, or, where it quotes the paper's words
    (mostly ``\\text{…}``), a block quote with inline math, which wraps to the column."""
    words = fit.prose(tex)
    return f"> {words}\n" if words else f"$$\n{tex}\n$$\n"


def errata_markdown(errata):
    """The errata page body: per section, each entry's kind, summary, the paper's form and
    the correct form as display math, and what shows it."""
    lines = []
    for section, entries in errata_sections(errata):
        lines.append(f"### {section}\n")
        for e in entries:
            lines.append(f"({erratum_label(e.key)})=\n**{e.key}, {e.kind}.** {e.summary}\n")
            lines.append(f"The paper:\n\n{_form(e.paper)}")
            lines.append(f"Correct:\n\n{_form(e.correct)}")
            if e.shown_by:
                lines.append(f"Shown by: `{e.shown_by}`\n")
            if e.ledger:
                lines.append(f"In the ledger: [equation {e.ledger}](#{entry_label(e.ledger)})\n")
            lines.append("---\n")
    # no rule after the last entry: docutils moves a trailing transition out of the output
    return show.markdown("\n".join(lines[:-1]))


def errata_for(errata, *sections: str):
    """The errata of the given sections (e.g. "§6", "§6.1"), each as its key, kind, summary
    and the paper's and the correct form: for a chapter to show the errors of its section."""
    chosen = [e for e in errata if e.section in sections]
    if not chosen:
        raise ValueError(f"no errata for {', '.join(sections)}")
    return show.markdown("\n\n".join(
        f"**{e.key} ({e.section}), {e.kind}.** {e.summary}\n\n"
        f"The paper:\n\n{_form(e.paper)}\n"
        f"Correct:\n\n{_form(e.correct)}" for e in chosen))


def _value_cell(value) -> str:
    if isinstance(value, (sp.Basic, sp.MatrixBase)):
        return f"${show.tex(value)}$"
    if isinstance(value, np.ndarray):
        return "`" + np.array2string(value, precision=4, separator=", ").replace("\n", "") + "`"
    if isinstance(value, (float, np.floating)):
        return f"`{float(value):.6g}`"
    return f"`{value!r}`"


def notation_list(entries: Sequence[tuple[str, str, str]], namespace: dict):
    """§9 as a definition list: each ``(notation, meaning, code)`` with the code's value.

    ``notation`` is LaTeX, ``meaning`` Markdown, ``code`` a Python expression evaluated in
    ``namespace``. The value is computed when the page's notebook is executed, not typed. Raises
    ``ValueError`` naming the entry if its code fails.
    """
    items = []
    for notation, meaning, code in entries:
        try:
            value = eval(code, dict(namespace))  # the code shown is the code run
        except Exception as err:
            raise ValueError(f"the code for {notation!r} fails: {code!r}: {err}") from err
        items.append(f"${notation}$\n: {meaning}. `{code}` gives {_value_cell(value)}\n")
    return show.markdown("\n".join(items))


def notation_namespace() -> dict:
    """The symbols :data:`NOTATION` uses: x, y, z scalars; f = 3x²y, g = 2x + y⁸ (§3);
    x_vec, w_vec SymPy columns of length 3; x_num, w_num the same at numbers; i = 2, a = 1,
    b = 3."""
    import mathcalc as mc  # the face, for the page's code (mc.gradient, ...); deferred

    x, y, z = sp.symbols("x y z", real=True)
    return dict(sp=sp, np=np, mc=mc, x=x, y=y, z=z, f=3 * x**2 * y, g=2 * x + y**8,
                i=2, a=1, b=3,
                x_vec=sp.Matrix(sp.symbols("x1:4", real=True)),
                w_vec=sp.Matrix(sp.symbols("w1:4", real=True)),
                x_num=np.array([1.0, -2.0, 0.5]), w_num=np.array([3.0, 1.0, -1.0]))


# The notation of §9, each with the code that computes it in :func:`notation_namespace`.
NOTATION: tuple[tuple[str, str, str], ...] = (
    (r"\mathbf{x}", "a vector (bold): a column", "x_vec"),
    (r"x", "a scalar (italics)", "x"),
    (r"x_i", r"the $i$-th element of $\mathbf{x}$, a scalar (here $i = 2$; Python counts from 0)",
     "x_vec[i - 1]"),
    (r"\lvert \mathbf{x} \rvert", r"the length of $\mathbf{x}$ (not its norm)", "len(x_vec)"),
    (r"\mathbf{x}^T", "the transpose: a row", "x_vec.T"),
    (r"\sum_{i=a}^b x_i", r"a for-loop from $a$ to $b$ summing the $x_i$ (here $a = 1$, $b = 3$)",
     "sum(x_vec[i - 1] for i in range(a, b + 1))"),
    (r"f(x)", r"the function $f$ applied to $x$ (here $f(x) = x^3$ at $x = 2$)",
     "(x**3).subs(x, 2)"),
    (r"I", "the identity matrix of the size needed", "sp.eye(3)"),
    (r"\operatorname{diag}(\mathbf{x})", r"a matrix with $\mathbf{x}$ on its diagonal",
     "sp.diag(*x_vec)"),
    (r"\mathbf{w} \otimes \mathbf{x}",
     r"the element-wise (Hadamard) product (§4.2; most texts write it $\odot$ or $\circ$ and "
     r"use $\otimes$ for the Kronecker product)",
     "w_vec.multiply_elementwise(x_vec)"),
    (r"\mathbf{w} \oslash \mathbf{x}", "element-wise division (§4.2)",
     "sp.Matrix([wi / xi for wi, xi in zip(w_vec, x_vec)])"),
    (r"\mathbf{w} \cdot \mathbf{x}", r"the dot product $\sum_{i=1}^n w_i x_i$", "w_vec.dot(x_vec)"),
    (r"\mathbf{w}^T\mathbf{x}", "the same dot product as a matrix product",
     "(w_vec.T * x_vec)[0]"),
    (r"\operatorname{sum}(\mathbf{w} \otimes \mathbf{x})", "the same again, as a reduction",
     "sum(w_vec.multiply_elementwise(x_vec))"),
    (r"\frac{d}{dx}f(x)", r"the derivative operator, applied here to $x^3$", "sp.diff(x**3, x)"),
    (r"\frac{\partial}{\partial x}f(x, y)", r"the partial derivative: $y$ held constant",
     "sp.diff(f, x)"),
    (r"\nabla f(\mathbf{x})", "the gradient: all partials of one function, a row",
     "mc.gradient(f, [x, y])"),
    (r"J = \frac{\partial \mathbf{f}}{\partial \mathbf{x}}",
     r"the Jacobian: the gradients stacked, $m \times n$ (numerator layout)",
     "mc.jacobian([f, g], [x, y])"),
    (r"y = \begin{cases} a & \text{condition}_1 \\ b & \text{condition}_2 \end{cases}",
     r"$y$ is $a$ when condition 1 holds and $b$ when condition 2 holds (here the paper's "
     r"$\frac{\partial}{\partial z}\max(0, z)$ of §5; its value $0$ at $z = 0$ is a "
     r"convention, for there the "
     r"derivative does not exist: erratum E5-b)", "sp.Piecewise((0, z <= 0), (1, True))"),
)

# The same operations at numbers, in NumPy.
NOTATION_NUMPY: tuple[tuple[str, str, str], ...] = (
    (r"\lvert \mathbf{x} \rvert", "length", "x_num.size"),
    (r"\mathbf{x}^T", "a 1-D array has no orientation; a one-row matrix is",
     "x_num.reshape(1, -1)"),
    (r"I", "identity", "np.eye(3)"),
    (r"\operatorname{diag}(\mathbf{x})", "diagonal matrix", "np.diag(x_num)"),
    (r"\mathbf{w} \otimes \mathbf{x}", "element-wise product", "w_num * x_num"),
    (r"\mathbf{w} \oslash \mathbf{x}", "element-wise division", "w_num / x_num"),
    (r"\mathbf{w} \cdot \mathbf{x}", "dot product", "w_num @ x_num"),
    (r"\frac{\partial (\mathbf{w} \otimes \mathbf{x})}{\partial \mathbf{x}}",
     r"a Jacobian by finite differences, $\operatorname{diag}(\mathbf{w})$",
     "mc.numerical_jacobian(lambda v: w_num * v, x_num).round(6)"),
)
