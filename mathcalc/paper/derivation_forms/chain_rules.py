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
