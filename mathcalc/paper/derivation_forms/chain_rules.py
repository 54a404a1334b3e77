"""Derivation forms for the ledger entries of the chain rules (Parr & Howard §4.5), in the
shape :func:`mathcalc.check_derivation` takes: lists of SymPy expressions, one per side
of an ``=``, keeping the paper's intermediate forms as unevaluated ``Derivative`` and
``Subs``.

Two devices recur:

- an intermediate variable is a symbol (``u1``, ``g1``) inside the paper's expression and
  :func:`at` puts its definition in (``Subs``), so ``cos(u)2x`` stays the paper's form
  and still equals ``2x cos(x²)`` when ``u = x²``;
- a display of several lines (``du/dx = 2x`` over ``dy/du = cos(u)``) is no single chain
  ``e0 = e1 = ...``: :func:`line_by_line` stacks the lines as a column and moves one line
  one ``=`` at a time, so each step of the check is exactly one ``=`` of the paper and the
  other lines stay as they are.
"""
from __future__ import annotations

import sympy as sp

from .core import d as _d


def at(expr, variables, values):
    """``expr`` with the intermediate ``variables`` replaced by their ``values``, kept
    unevaluated (a ``sympy.Subs``; ``.doit()`` substitutes). ``variables`` and ``values``
    are a symbol and an expression, or sequences of them of one length. A matrix is
    substituted entry by entry (its shape kept)."""
    if isinstance(expr, sp.MatrixBase):
        return sp.Matrix(expr.rows, expr.cols, [at(e, variables, values) for e in expr])
    if isinstance(variables, sp.Basic):
        variables, values = (variables,), (values,)
    variables, values = tuple(variables), tuple(values)
    if len(variables) != len(values):
        raise ValueError(f"{len(variables)} variables but {len(values)} values")
    return sp.Subs(expr, variables, values)


def line_by_line(lines):
    """A multi-line display as one derivation: ``lines`` is a sequence of
    ``(first_step, [e0, e1, ...])``, one per line of scalar expressions, ``first_step`` the
    number in the paper's equation of the line's first ``=`` (its ``=`` are numbered on
    from there). Returns ``(expressions, steps)`` for :func:`mathcalc.check_derivation`:
    columns (len(lines) × 1) that start from every line's first expression and move one
    line one ``=`` at a time, in paper order, and the step number of each move."""
    lines = [(int(first), list(exprs)) for first, exprs in lines]
    if not lines or any(len(exprs) < 2 for _, exprs in lines):
        raise ValueError("each line needs at least two expressions (one '=')")
    current = [sp.sympify(exprs[0]) for _, exprs in lines]
    expressions, steps = [sp.Matrix(current)], []
    for row, (first, exprs) in enumerate(lines):
        for k, e in enumerate(exprs[1:]):
            current[row] = sp.sympify(e)
            expressions.append(sp.Matrix(current))
            steps.append(first + k)
    return expressions, steps


def total_derivative_sides(f, x, us, values, direct: bool = True):
    """The two sides of the single-variable total-derivative chain rule (§4.5.2) for
    ``f``, an expression in ``x`` and the intermediate variables ``us`` whose ``values``
    are expressions in ``x``:

    ``[d f(x, u(x)) / dx,  ∂f/∂x + Σ_i ∂f/∂u_i · du_i/dx]``

    with the partials taken with every other variable held constant and then evaluated at
    ``u = values`` (:func:`at`), and ``du_i/dx`` the total derivative of ``u_i(x)``
    (unevaluated). ``direct=False`` leaves out ``∂f/∂x``: the paper's final form, where
    ``x`` enters ``f`` only through an alias ``u_{n+1} = x``."""
    us, values = list(us), list(values)
    if len(us) != len(values):
        raise ValueError(f"{len(us)} intermediate variables but {len(values)} values")
    left = sp.Derivative(f.subs(dict(zip(us, values))), x)
    terms = [at(sp.Derivative(f, u), us, values) * sp.Derivative(v, x)
             for u, v in zip(us, values)]
    if direct:
        terms.insert(0, at(sp.Derivative(f, x), us, values))
    return [left, sp.Add(*terms, evaluate=False)]


# --- the forms of §4.5, by ledger key -----------------------------------------------------
# Each builder returns the keyword arguments of check_derivation but the variables:
# expressions, steps (the paper's number of each '='), and where needed errata and domain.
# Derivatives stay unevaluated (Derivative, Subs): the numbers evaluate them by finite
# differences of the functions, never with SymPy's derivative.

D = sp.Derivative
X = sp.Symbol("x", real=True)
U = sp.Symbol("u", real=True)  # the paper's u = x² of sin(x²)
U1, U2, U3, U4 = sp.symbols("u1:5", real=True)
G1, G2 = sp.symbols("g1 g2", real=True)
LN_VALUES = [X**3, sp.sin(X**3), sp.sin(X**3) ** 2]  # u1, u2, u3 of ln(sin(x³)²)
LN_DOMAIN = (0.2, 1.4)  # sin(x³) > 0


def _4_5_1_1():
    return {"expressions": [D(sp.sin(X**2), X), at(D(sp.sin(U), U), U, X**2) * D(X**2, X)]}


def _4_5_1_2():
    return {"expressions": [sp.sin(X**2), at(sp.sin(U), U, X**2)], "steps": [3]}


def _4_5_1_3():
    exprs, steps = line_by_line([(1, [D(X**2, X), 2 * X]), (2, [D(sp.sin(U), U), sp.cos(U)])])
    return {"expressions": exprs, "steps": steps}


def _4_5_1_4():
    return {"expressions": [D(sp.sin(X**2), X), at(D(sp.sin(U), U), U, X**2) * D(X**2, X),
                            at(sp.cos(U) * 2 * X, U, X**2)]}


def _4_5_1_5():
    return {"expressions": [D(sp.sin(X**2), X), at(D(sp.sin(U), U), U, X**2) * D(X**2, X),
                            sp.cos(X**2) * 2 * X, 2 * X * sp.cos(X**2)]}


def _4_5_1_7():
    return {"expressions": [sp.log(sp.sin(X**3) ** 2), at(sp.log(U3), [U1, U2, U3], LN_VALUES)],
            "steps": [9], "domain": LN_DOMAIN}


def _4_5_1_8():
    """The four lines d/dx u₁ = d/dx x³ = 3x², ...: each line's first '=' substitutes the
    definition (u₁ = x³ and so on), written here as the derivative of the defined
    variable's own expression."""
    exprs, steps = line_by_line([
        (1, [D(U1, X).subs(U1, X**3), D(X**3, X), 3 * X**2]),
        (3, [D(U2, U1).subs(U2, sp.sin(U1)), D(sp.sin(U1), U1), sp.cos(U1)]),
        (5, [D(U3, U2).subs(U3, U2**2), D(U2**2, U2), 2 * U2]),
        (7, [D(U4, U3).subs(U4, sp.log(U3)), D(sp.log(U3), U3), 1 / U3]),
    ])
    return {"expressions": exprs, "steps": steps, "domain": LN_DOMAIN,
            "errata": {}}


def _4_5_1_9():
    paper_product = 6 * U2 * X**2 * sp.cos(U1) / U3
    return {"expressions": [
        D(sp.log(sp.sin(X**3) ** 2), X),
        D(sp.log(sp.sin(X**3) ** 2), X),
        at(D(sp.log(U3), U3) * D(U2**2, U2) * D(sp.sin(U1), U1) * D(X**3, X), [U1, U2, U3],
           LN_VALUES),
        at(1 / U3 * 2 * U2 * sp.cos(U1) * 3 * X**2, [U1, U2, U3], LN_VALUES),
        at(paper_product, [U1, U2, U3], LN_VALUES)], "domain": LN_DOMAIN}


def _4_5_1_10():
    return {"expressions": [
        D(sp.log(sp.sin(X**3) ** 2), X),
        at(6 * sp.sin(U1) * X**2 * sp.cos(X**3) / U2**2, [U1, U2], LN_VALUES[:2]),
        at(6 * sp.sin(X**3) * X**2 * sp.cos(X**3) / sp.sin(U1) ** 2, U1, X**3),
        6 * sp.sin(X**3) * X**2 * sp.cos(X**3) / sp.sin(X**3) ** 2,
        6 * X**2 * sp.cos(X**3) / sp.sin(X**3)], "domain": LN_DOMAIN}


def _4_5_2_1():
    return {"expressions": [X + X**2, at(X + U1, U1, X**2)], "steps": [4]}


def partials_4_5_2():
    """∂u₂/∂x and ∂u₂/∂u₁ of §4.5.2's y = x + x², at u₁ = x² (the total-derivative chapter
    shows them and asserts they are these)."""
    return [at(D(X + U1, X), U1, X**2), at(D(X + U1, U1), U1, X**2)]  # ∂u2/∂x, ∂u2/∂u1


def _4_5_2_5():
    partials = partials_4_5_2()
    return {"expressions": [
        D(X + X**2, X),  # dy/dx
        D(X + X**2, X),  # ∂f(x)/∂x: f has one parameter
        D(X + X**2, X),  # the paper's ∂u2(x, u1)/∂x: the total derivative of u2(x, u1(x))
        partials[0] * D(X, X) + partials[1] * D(X**2, X),
        partials[0] + partials[1] * D(X**2, X)]}


def _4_5_2_6():
    partials = partials_4_5_2()
    return {"expressions": [D(X + X**2, X), D(X + X**2, X),
                            partials[0] + partials[1] * D(X**2, X), 1 + 1 * 2 * X, 1 + 2 * X]}


RULE_F, RULE_US = X * U3 + U1 * U2, [U1, U2, U3]
RULE_VALUES = [X**2, X + X**2, sp.sin(X + X**2)]  # u1, u2, u3 as functions of x


def _4_5_2_7():
    return {"expressions": total_derivative_sides(RULE_F, X, RULE_US, RULE_VALUES)}


def _4_5_2_8():
    return {"expressions": [sp.sin(X + X**2), at(sp.sin(U2), U2, X + X**2)], "steps": [5]}


def _4_5_2_9():
    paper = sp.cos(X + X**2) * (1 + 2 * X)
    du2_dx = D(X + X**2, X)  # the paper's ∂u2/∂x in this example: a total derivative
    cos_u2 = at(D(sp.sin(U2), U2), U2, X + X**2)  # ∂u3/∂u2 at u2 = x + x²
    exprs, steps = line_by_line([
        (1, [D(X**2, X), 2 * X]),
        (2, [du2_dx, D(X, X) + D(U1, U1) * D(X**2, X), 1 + 1 * 2 * X, 1 + 2 * X]),
        (5, [D(sp.sin(X + X**2), X), D(sp.sin(U2), X) + cos_u2 * du2_dx,
             0 + at(sp.cos(U2), U2, X + X**2) * du2_dx, paper]),
    ])
    return {"expressions": exprs, "steps": steps}


X_TIMES_X2 = sp.Mul(X, X**2, evaluate=False)


def _4_5_2_10():
    exprs, steps = line_by_line([
        (4, [X_TIMES_X2, at(X * U1, U1, X**2)]),  # f(x) = u2(x, u1)
        (5, [D(X**2, X), 2 * X]),
        (6, [D(X * U1, X), U1]),
        (8, [D(X + U1, X), 1]),  # for u2 = x + u1
        (9, [D(X * U1, U1), X]),
        (11, [D(X + U1, U1), 1]),  # for u2 = x + u1
    ])
    return {"expressions": exprs, "steps": steps}


def _4_5_2_11():
    return {"expressions": [
        D(X_TIMES_X2, X),
        at(D(X * U1, X), U1, X**2) + at(D(X * U1, U1), U1, X**2) * D(X**2, X),
        at(U1 + X * 2 * X, U1, X**2),
        X**2 + 2 * X**2,
        3 * X**2]}


def _4_5_2_12():
    return {"expressions": total_derivative_sides(RULE_F, X, RULE_US, RULE_VALUES)}


def _4_5_2_13():
    alias_f = RULE_F.subs(X, U4)  # f(u1, ..., u4) with u4 = x
    return {"expressions": total_derivative_sides(alias_f, X, [*RULE_US, U4],
                                                  [*RULE_VALUES, X], direct=False)}


VECTOR_DOMAIN = (0.3, 2.0)  # ln(x²): x away from 0
G_VALUES = [X**2, 3 * X]  # g1, g2 as functions of x
F1, F2 = sp.log(G1), sp.sin(G2)


def _4_5_3_4():
    paper = sp.Matrix([2 / X, 3 * sp.cos(3 * X)])
    return {"expressions": [
        _partials([sp.log(X**2), sp.sin(3 * X)], [X]),
        sp.Matrix([D(sp.log(X**2), X), D(sp.sin(3 * X), X)]),
        at(sp.Matrix([D(F1, G1) * D(X**2, X) + D(F1, G2) * D(3 * X, X),
                      D(F2, G1) * D(X**2, X) + D(F2, G2) * D(3 * X, X)]), [G1, G2], G_VALUES),
        at(sp.Matrix([1 / G1 * 2 * X + 0, 0 + sp.cos(G2) * 3]), [G1, G2], G_VALUES),
        sp.Matrix([2 * X / X**2, 3 * sp.cos(3 * X)]),
        paper], "domain": VECTOR_DOMAIN}


def _4_5_3_7():
    paper = sp.Matrix([2 / X, 3 * sp.cos(3 * X)])
    return {"expressions": [
        sp.MatMul(at(_partials([F1, F2], [G1, G2]), [G1, G2], G_VALUES),
                  sp.Matrix([D(X**2, X), D(3 * X, X)]), evaluate=False),
        sp.MatMul(at(sp.Matrix([[1 / G1, 0], [0, sp.cos(G2)]]), [G1, G2], G_VALUES),
                  sp.Matrix([2 * X, 3]), evaluate=False),
        at(sp.Matrix([1 / G1 * 2 * X + 0, 0 + sp.cos(G2) * 3]), [G1, G2], G_VALUES),
        paper], "domain": VECTOR_DOMAIN}


def _4_5_3_8():
    composed = [sp.log(X**2), sp.sin(3 * X)]
    return {"expressions": [
        _partials(composed, [X]),
        sp.MatMul(at(_partials([F1, F2], [G1, G2]), [G1, G2], G_VALUES),
                  _partials(G_VALUES, [X]), evaluate=False)], "domain": VECTOR_DOMAIN}


def _4_5_3_9():
    return {"expressions": [D(sp.log(X**2), X), at(D(sp.log(G1), G1), G1, X**2) * D(X**2, X)],
            "domain": VECTOR_DOMAIN}


def _composition(diagonal=False):
    from ..vector_chain import random_composition
    if diagonal:
        return random_composition(3, 3, 3, rng=4532, diagonal=True)
    return random_composition(2, 3, 4, rng=234)


def _4_5_3_10():
    c = _composition()
    return {"expressions": [
        _partials(list(c.composed), list(c.xs)),
        sp.MatMul(at(_partials(list(c.f), list(c.gs)), c.gs, c.g),
                  _partials(list(c.g), list(c.xs)), evaluate=False)], "domain": (-1, 1)}


def _4_5_3_11():
    # the paper's 4.5.3-11 writes the two Jacobians of 4.5.3-10 out entry by entry; the
    # forms write every Jacobian as its matrix of partials, so the two forms are one
    return _4_5_3_10()


def _4_5_3_12():
    comp = _composition(diagonal=True)
    return {"expressions": [_partials(list(comp.f), list(comp.gs)),
                            sp.diag(*[D(comp.f[i], comp.gs[i]) for i in range(3)])], "domain": (-1, 1)}


def _4_5_3_13():
    comp = _composition(diagonal=True)
    return {"expressions": [_partials(list(comp.g), list(comp.xs)),
                            sp.diag(*[D(comp.g[i], comp.xs[i]) for i in range(3)])], "domain": (-1, 1)}


def _4_5_3_14():
    comp = _composition(diagonal=True)
    df_dg = sp.diag(*[D(comp.f[i], comp.gs[i]) for i in range(3)])
    dg_dx = sp.diag(*[D(comp.g[i], comp.xs[i]) for i in range(3)])
    single = [at(D(comp.f[i], comp.gs[i]), comp.gs, comp.g) * D(comp.g[i], comp.xs[i]) for i in range(3)]
    return {"expressions": [_partials(list(comp.composed), list(comp.xs)),
                            sp.MatMul(at(df_dg, comp.gs, comp.g), dg_dx, evaluate=False),
                            sp.diag(*single)], "domain": (-1, 1)}


def _partials(fs, xs) -> sp.Matrix:
    """∂f/∂x unevaluated (:func:`.core.d` of the column of ``fs``): m × n."""
    return _d(sp.Matrix(list(fs)), list(xs))


FORMS = {
    "4.5.1-1": _4_5_1_1, "4.5.1-2": _4_5_1_2, "4.5.1-3": _4_5_1_3, "4.5.1-4": _4_5_1_4,
    "4.5.1-5": _4_5_1_5, "4.5.1-7": _4_5_1_7, "4.5.1-8": _4_5_1_8, "4.5.1-9": _4_5_1_9,
    "4.5.1-10": _4_5_1_10, "4.5.2-1": _4_5_2_1, "4.5.2-5": _4_5_2_5, "4.5.2-6": _4_5_2_6,
    "4.5.2-7": _4_5_2_7, "4.5.2-8": _4_5_2_8, "4.5.2-9": _4_5_2_9, "4.5.2-10": _4_5_2_10,
    "4.5.2-11": _4_5_2_11, "4.5.2-12": _4_5_2_12, "4.5.2-13": _4_5_2_13,
    "4.5.3-4": _4_5_3_4, "4.5.3-7": _4_5_3_7, "4.5.3-8": _4_5_3_8,
    "4.5.3-9": _4_5_3_9, "4.5.3-10": _4_5_3_10, "4.5.3-11": _4_5_3_11, "4.5.3-12": _4_5_3_12,
    "4.5.3-13": _4_5_3_13, "4.5.3-14": _4_5_3_14,
}
