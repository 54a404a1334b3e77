"""The formula each row of the reference tables prints, ``jacobian_latex``, equals the row's
closed form ``jacobian`` (which mathcalc.rules.verify checks against SymPy, finite
differences and JVP/VJP). The printed strings are typed by hand beside the closed forms, so
this is the check that ties what a reader sees to what is verified.

A small reader turns exactly the forms the table uses into SymPy matrices; a form it does not
know raises, so a new row with a new notation fails here until the reader learns it."""
from __future__ import annotations

import re

import numpy as np
import pytest
import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.parsing.sympy_parser import parse_expr, standard_transformations

from mathcalc.rules import VECTOR_RULES, rule, symbolic_args


class UnknownForm(ValueError):
    """A printed Jacobian the reader does not know."""


_DIAG_ENTRY = re.compile(r"\\operatorname\{diag\}\(\\dots (.+) \\dots\)")
_DIAG_VECTOR = re.compile(r"\\operatorname\{diag\}\(\\mathbf\{([wx])\}\)")
_VECTOR = re.compile(r"\\mathbf\{([wx])\}")
_VECTOR_T = re.compile(r"\\mathbf\{([wx])\}\^T")
_VECTOR_POWER_LN = re.compile(r"\\mathbf\{([wx])\}\^\{z\} \\otimes \\ln \\mathbf\{([wx])\}")

# The rewrites that turn an ENTRY of diag(... ENTRY ...) into SymPy syntax, in order.
_ENTRY_REWRITES = (
    (r"([wx])_\{i\}", r"\1_i"),
    (r"(\S+) \\text\{ if \} (.+?) \\text\{ else \} (\S+)", r"Piecewise((\1, \2), (\3, True))"),
    (r"\\t?frac\{([^{}]*)\}\{([^{}]*)\}", r"((\1)/(\2))"),
    (r"\\(sin|cos)\{\\left\((.+?) \\right\)\}", r"\1(\2)"),
    (r"e\^\{([^{}]*)\}", r"exp(\1)"),
    (r"\^\{([^{}]*)\}", r"**(\1)"),
    (r"\^(\d)", r"**\1"),
    (r"(\d|z) ([a-z])", r"\1*\2"),  # implicit products: "2 x_i", "z x_i"
)
_ENTRY_NAMES = {"x_i", "w_i", "z"}


def read_entry(tex: str) -> sp.Expr:
    """ENTRY of diag(... ENTRY ...) as a SymPy expression of the symbols x_i, w_i and z."""
    text = tex
    for pattern, replacement in _ENTRY_REWRITES:
        text = re.sub(pattern, replacement, text)
    if re.search(r"[\\{}]", text):
        raise UnknownForm(f"diagonal entry {tex!r}: no rewrite for {text!r}")
    names = {n: sp.Symbol(n, real=True) for n in _ENTRY_NAMES}
    names.update(exp=sp.exp, sin=sp.sin, cos=sp.cos, Piecewise=sp.Piecewise)
    expr = parse_expr(text, local_dict=names, transformations=standard_transformations)
    unknown = {str(s) for s in expr.free_symbols} - _ENTRY_NAMES
    if unknown or expr.atoms(AppliedUndef):
        raise UnknownForm(f"diagonal entry {tex!r}: unknown names {unknown or expr.atoms(AppliedUndef)}")
    return expr


def read_jacobian(tex: str, args: dict, n: int) -> sp.Matrix:
    """The printed Jacobian ``tex`` as a SymPy matrix, for the rule's SymPy arguments
    ``args`` (name -> column, or the Symbol z) at length n; :class:`UnknownForm` otherwise."""
    tex = tex.strip()
    fixed = {"I": lambda: sp.eye(n), "-I": lambda: -sp.eye(n), "Iz": lambda: sp.eye(n) * args["z"],
             r"\vec{1}": lambda: sp.ones(n, 1), r"-\vec{1}": lambda: -sp.ones(n, 1),
             r"\vec{1}^T": lambda: sp.ones(1, n),
             r"[z, z, \dots, z]": lambda: sp.Matrix([[args["z"]] * n]),
             r"\operatorname{sum}(\mathbf{x})": lambda: sp.Matrix([[sum(args["x"])]])}
    if tex in fixed:
        return fixed[tex]()
    if m := _VECTOR_T.fullmatch(tex):
        return args[m[1]].T
    if m := _VECTOR.fullmatch(tex):
        return args[m[1]]
    if m := _DIAG_VECTOR.fullmatch(tex):
        return sp.diag(*args[m[1]])
    if m := _VECTOR_POWER_LN.fullmatch(tex):
        base, arg = args[m[1]], args[m[2]]
        return sp.Matrix([b ** args["z"] * sp.log(a) for b, a in zip(base, arg)])
    if m := _DIAG_ENTRY.fullmatch(tex):
        entry = read_entry(m[1])
        x_i, w_i, z = (sp.Symbol(s, real=True) for s in ("x_i", "w_i", "z"))
        values = []
        for i in range(n):
            subs = {x_i: args["x"][i] if "x" in args else x_i,
                    w_i: args["w"][i] if "w" in args else w_i,
                    z: args.get("z", z)}
            values.append(entry.subs(subs))
        return sp.diag(*values)
    raise UnknownForm(f"printed Jacobian {tex!r}: not a form the reader knows")


def printed_matches_closed_form(r, a: str, tex: str, n: int, seed: int = 0, points: int = 3) -> bool:
    """True when ``tex``, read at length n, equals ``r.jacobian[a]`` at seeded points of the
    rule's domain (same shape, equal values to 1e-12 relative)."""
    args = symbolic_args(r, n)
    named = dict(zip(r.args, args))
    printed = read_jacobian(tex, named, n)
    closed = r.jacobian[a](*args)
    if printed.shape != closed.shape:
        return False
    symbols = [s for arg in args for s in ([arg] if isinstance(arg, sp.Symbol) else list(arg))]
    rng = np.random.default_rng(seed)
    for _ in range(points):
        subs = dict(zip(symbols, rng.uniform(*r.domain, size=len(symbols))))
        p = np.array(printed.subs(subs).evalf(), dtype=float)
        c = np.array(closed.subs(subs).evalf(), dtype=float)
        if not np.allclose(p, c, rtol=1e-12, atol=1e-12):
            return False
    return True


CASES = [(r, a) for r in VECTOR_RULES for a in r.args]


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("r,a", CASES, ids=[f"{r.key}-d{a}" for r, a in CASES])
def test_printed_jacobian_equals_the_closed_form(r, a, n):
    assert printed_matches_closed_form(r, a, r.jacobian_latex[a], n, seed=10 * n), (
        f"rule {r.key!r}: the printed ∂y/∂{a} = {r.jacobian_latex[a]} is not the closed form")


@pytest.mark.parametrize("key,a,wrong", [
    ("mul", "w", r"\operatorname{diag}(\mathbf{w})"),
    ("cos", "x", r"\operatorname{diag}(\dots \sin{\left(x_{i} \right)} \dots)"),
    ("sub", "x", "I"),
    ("div", "x", r"\operatorname{diag}(\dots \tfrac{w_i}{x_i^2} \dots)"),
    ("relu", "x", r"\operatorname{diag}(\dots 1 \text{ if } x_i > 1 \text{ else } 0 \dots)"),
    ("pow", "x", r"\operatorname{diag}(\dots z x_i^{z} \dots)"),
    ("sum", "x", r"\vec{1}"),
    ("dot", "w", r"\mathbf{w}^T"),
    ("sum_mul_scalar", "z", r"[z, z, \dots, z]"),
])
def test_a_wrong_printed_formula_fails(key, a, wrong):
    r = rule(key)
    assert not all(printed_matches_closed_form(r, a, wrong, n) for n in (1, 2, 3))


@pytest.mark.parametrize("tex", [r"\operatorname{diag}(\mathbf{z})", r"\mathbf{1}",
                                 r"\operatorname{diag}(\dots \tan{\left(x_{i} \right)} \dots)",
                                 r"\operatorname{diag}(\dots y_i \dots)", "J", ""])
def test_an_unknown_form_fails_rather_than_passes(tex):
    with pytest.raises(UnknownForm):
        printed_matches_closed_form(rule("mul"), "w", tex, 2)

