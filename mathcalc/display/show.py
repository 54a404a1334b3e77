"""Display helpers for the chapters: equations and tables as the paper prints them.

Each returns an IPython display object (``Math`` or ``Markdown``), so a notebook cell ends
with one call and the book renders it with MathJax. Their text repr is stable, which
keeps nbval's comparison of stored outputs exact.
"""
from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Sequence

import sympy as sp
from IPython.display import Markdown, Math, Pretty


def tex(obj) -> str:
    """LaTeX for a SymPy object as the paper writes it (ln for the natural logarithm,
    matrices in square brackets), or a string passed through unchanged."""
    if isinstance(obj, str):
        return obj
    if isinstance(obj, sp.MatrixBase):
        return sp.latex(obj, mat_delim="[", mat_str="matrix", ln_notation=True)
    return sp.latex(obj, ln_notation=True)


def equation(*parts) -> Math:
    """A displayed chain of equalities: ``equation(r"\\nabla f", grad)`` shows ∇f = [...]."""
    if not parts:
        raise ValueError("equation needs at least one part")
    return Math(" = ".join(tex(p) for p in parts))


def _cell(value) -> str:
    text = value if isinstance(value, str) else f"${tex(value)}$"
    return text.replace("|", r"\|").replace("\n", " ")


_MATH = re.compile(r"\$\$.*?\$\$|\$.*?\$", re.S)


def _has_text(header: str) -> bool:
    """Whether a header has a letter or a digit outside its math: a header cell that is math
    only, or empty, has no visible text for a screen reader (axe-core's empty-table-header)."""
    return any(ch.isalnum() for ch in _MATH.sub("", header))


def table(headers: Sequence[str], rows: Sequence[Sequence]) -> Markdown:
    """A Markdown table; SymPy objects in cells are rendered as inline math.

    Every header needs a word outside its math (``"function $f(x)$"``, not ``"$f(x)$"``; not
    ``""``): ``ValueError`` names a header that has none.
    """
    if any(len(r) != len(headers) for r in rows):
        raise ValueError("every row needs one cell per header")
    for h in headers:
        if not _has_text(h):
            raise ValueError(f"the table header {h!r} has no text outside its math: give it a "
                             "word or two (e.g. 'function $f(x)$'), for a header cell that is "
                             "math only or empty has no text a screen reader can announce")
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return Markdown("\n".join(lines))


def markdown(text: str) -> Markdown:
    """Markdown (MyST in the book) to display, for the floors that must not import IPython."""
    return Markdown(text)


def source(obj) -> Markdown:
    """The source code of a function or class, as a Python code block (dedented, no
    trailing blank line): for a chapter to show the library's code it explains."""
    code = textwrap.dedent(inspect.getsource(obj)).rstrip()
    return Markdown(f"```python\n{code}\n```")


def pretty(text: str) -> Pretty:
    """Preformatted text to display (monospace, whitespace kept)."""
    return Pretty(text)


def check_mark(ok: bool) -> str:
    """✓ or ✗, for a table column of checks."""
    return "✓" if ok else "✗"


# --- the chain rules of §4.5.1-§4.5.2 (mathcalc.paper.chain), as the paper lays them out --

def _d(top, bottom, partial=False) -> str:
    d = r"\partial " if partial else "d"
    return rf"\frac{{{d}{tex(top)}}}{{{d}{tex(bottom)}}}"


def chain_rule_table(rule) -> Markdown:
    """Steps 1 and 2 of a :class:`~mathcalc.paper.chain.ChainRule`: u_i = ..., du_i/d(parameter)."""
    rows = [[f"${tex(s.name)} = {tex(s.expr)}$", s.op,
             f"${_d(s.name, s.operands[0])} = {tex(d)}$"]
            for s, d in zip(rule.steps, rule.derivatives)]
    return table(["step 1: intermediate variable", "operator", "step 2: derivative"], rows)


def chain_rule_product(rule) -> Math:
    """Step 3: dy/dx = du_N/du_{N-1} ... du_1/dx = (the factors) = product."""
    chain = " ".join(_d(s.name, s.operands[0]) for s in reversed(rule.steps))
    factors = r" \cdot ".join(rf"\left({tex(d)}\right)" for d in reversed(rule.derivatives))
    return equation(_d("y", rule.x), chain, factors, tex(rule.product))


def chain_rule_substitution(rule) -> Math:
    """Step 4: the product with u_{N-1}, ..., u_1 substituted back, stage by stage."""
    return equation(_d("y", rule.x), *map(tex, rule.stages))


def total_derivative_table(total) -> Markdown:
    """Each u_i of a :class:`~mathcalc.paper.chain.TotalDerivative`, its partials, and its
    total derivative du_i/dx as the sum over its operands p of ∂u_i/∂p · dp/dx."""
    rows = []
    for s, value in zip(total.steps, total.totals):
        partials = ", ".join(f"${_d(s.name, p, True)} = {tex(s.partials[p])}$"
                             for p in s.operands)
        terms = " + ".join(_d(s.name, p, True) + _d(p, total.x) for p in s.operands)
        rows.append([f"${tex(s.name)} = {tex(s.expr)}$", partials,
                     f"${_d(s.name, total.x)} = {terms} = {tex(value)}$"])
    return table(["intermediate variable", "partials",
                  "total derivative (sum over operands)"], rows)
