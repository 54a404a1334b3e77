"""The running examples of Parr & Howard §3-§4.1, built once.

- f(x, y) = 3x²y (§3) and g(x, y) = 2x + y⁸ (§4), and the slopes of f's two slices;
- the four shapes of a Jacobian, *computed* with :func:`mathcalc.jacobian` (§4.1 figure);
- the identity's Jacobian ∂x/∂x = I (§4.1).

Numerator layout throughout: a Jacobian of m outputs in n variables is m x n, rows are
outputs.
"""
from __future__ import annotations

import sympy as sp

from ..core.symbolic import column, jacobian
from ..core.validate import positive_int

X, Y = sp.symbols("x y", real=True)
F_EXAMPLE = 3 * X**2 * Y  # §3
G_EXAMPLE = 2 * X + Y**8  # §4


def slice_slopes(x0: float, y0: float) -> tuple[float, float]:
    """The slopes at (x0, y0) of the two slices of f = 3x²y (§3): (∂f/∂x, ∂f/∂y).

    Read off SymPy's partial derivatives 6yx and 3x², evaluated at the point.
    """
    point = {X: float(x0), Y: float(y0)}
    return (float(sp.diff(F_EXAMPLE, X).subs(point)), float(sp.diff(F_EXAMPLE, Y).subs(point)))


def jacobian_shapes(m: int = 2, n: int = 3) -> dict[tuple[str, str], tuple[int, int]]:
    """The shape of ∂f/∂x for scalar or vector f (m outputs) and scalar or vector x (n).

    Each shape is measured on a Jacobian that :func:`mathcalc.jacobian` computes for an
    example function of that kind, not typed: keys ``(f_kind, x_kind)`` with kinds
    ``"scalar"`` and ``"vector"``; values ``(rows, columns)`` in numerator layout.
    """
    m, n = positive_int(m, "m"), positive_int(n, "n")
    x = sp.Symbol("x", real=True)
    xs = column("x", n)
    examples = {
        ("scalar", "scalar"): (x**2, [x]),
        ("scalar", "vector"): (sum(xs) ** 2, list(xs)),
        ("vector", "scalar"): ([x ** (k + 1) for k in range(m)], [x]),
        ("vector", "vector"): ([(k + 1) * sum(xs) for k in range(m)], list(xs)),
    }
    return {kinds: jacobian(f, v).shape for kinds, (f, v) in examples.items()}


_NOTATION = {("scalar", "scalar"): r"\frac{\partial f}{\partial x}",
             ("scalar", "vector"): r"\frac{\partial f}{\partial \mathbf{x}}",
             ("vector", "scalar"): r"\frac{\partial \mathbf{f}}{\partial x}",
             ("vector", "vector"): r"\frac{\partial \mathbf{f}}{\partial \mathbf{x}}"}


def _shape_name(rows: int, cols: int) -> str:
    """What an m x n Jacobian is called: a scalar, a row (gradient), a column or a matrix."""
    if rows == 1:
        return "a scalar" if cols == 1 else "a horizontal vector (gradient)"
    return "a vertical vector" if cols == 1 else "a matrix"


def jacobian_shape_grid(m: int = 2, n: int = 3) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the §4.1 figure of Jacobian shapes, for :func:`mathcalc.display.show.table`.

    Rows: scalar f, vector f (m functions); columns: scalar x, vector x (n variables).
    Each cell names the derivative and states the shape from :func:`jacobian_shapes`.
    """
    shapes = jacobian_shapes(m, n)
    headers = ["function (rows), variable (columns)", "scalar $x$",
               f"vector $\\mathbf{{x}}$ ($n = {n}$)"]
    rows = []
    for f_kind, f_label in (("scalar", "scalar $f$"), ("vector", f"vector $\\mathbf{{f}}$ ($m = {m}$)")):
        row = [f_label]
        for x_kind in ("scalar", "vector"):
            r, c = shapes[(f_kind, x_kind)]
            row.append(f"${_NOTATION[(f_kind, x_kind)]}$: {r} × {c}, {_shape_name(r, c)}")
        rows.append(row)
    return headers, rows


def identity_jacobian(n: int) -> sp.Matrix:
    """∂x/∂x for the column x = [x1 ... xn]ᵀ, computed by :func:`mathcalc.jacobian` (§4.1):
    the n x n identity."""
    xs = column("x", positive_int(n, "n"))
    return jacobian(xs, xs)
