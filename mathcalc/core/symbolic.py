"""Symbolic gradients and Jacobians (Parr & Howard §3, §4, §4.1).

The paper's convention is the *numerator layout*: one row per output function, one column
per input variable, so for ``f: R^n -> R^m`` the Jacobian is m x n and row i is the
gradient of f_i. The *denominator layout* used by some papers and software is its
transpose (n x m).

>>> import sympy as sp
>>> x, y = sp.symbols("x y")
>>> gradient(3*x**2*y, [x, y])
Matrix([[6*x*y, 3*x**2]])
>>> jacobian([3*x**2*y, 2*x + y**8], [x, y])
Matrix([
[6*x*y,  3*x**2],
[    2, 8*y**7]])
"""
from __future__ import annotations

import sympy as sp

from .validate import as_expressions, as_symbols, positive_int

LAYOUTS = ("numerator", "denominator")


def jacobian(fs, xs, layout: str = "numerator") -> sp.Matrix:
    """The Jacobian of the functions ``fs`` with respect to the variables ``xs``.

    Parameters
    ----------
    fs : a SymPy expression, a list/tuple of them, or a SymPy row/column vector
        The m output functions f_1 ... f_m (a single expression is m = 1).
    xs : a SymPy symbol, a list/tuple of symbols, or a column of symbols
        The n input variables x_1 ... x_n.
    layout : ``"numerator"`` (default, the paper's) or ``"denominator"``

    Returns
    -------
    sympy.Matrix
        Numerator layout: shape (m, n) with entry (i, j) = ∂f_i/∂x_j, rows are outputs
        (Parr & Howard §4.1). Denominator layout: the transpose, shape (n, m).

    Raises
    ------
    ValueError
        If an entry of ``xs`` is not a SymPy symbol, ``fs`` is not a vector of scalar
        expressions, or ``layout`` is not one of ``"numerator"``, ``"denominator"``.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}, got {layout!r}")
    exprs = as_expressions(fs)
    symbols = as_symbols(xs)
    # Row i is the gradient of f_i: the partials of one function, one column per variable.
    J = sp.Matrix([[sp.diff(f, x) for x in symbols] for f in exprs])
    return J if layout == "numerator" else J.T


def gradient(f, xs) -> sp.Matrix:
    """The gradient of one scalar function ``f`` as a 1 x n row (Parr & Howard §3).

    The paper writes gradients as horizontal vectors: ∇f = [∂f/∂x_1, ..., ∂f/∂x_n]. This is
    the single row of the numerator-layout Jacobian of ``f``.

    Raises ``ValueError`` if ``f`` has more than one output (use :func:`jacobian`) or an
    entry of ``xs`` is not a SymPy symbol.
    """
    exprs = as_expressions(f, name="f")
    if len(exprs) != 1:
        raise ValueError(f"gradient needs one scalar function, got {len(exprs)} functions; "
                         "stack their gradients with jacobian()")
    return jacobian(exprs, xs)


def is_diagonal(J: sp.Matrix) -> bool:
    """True when the square matrix ``J`` has zeros off the diagonal (after simplification).

    The element-wise condition of Parr & Howard §4.2 makes a Jacobian diagonal.
    """
    if J.rows != J.cols:
        return False
    return all(sp.simplify(J[i, j]) == 0
               for i in range(J.rows) for j in range(J.cols) if i != j)


def column(name: str, n: int) -> sp.Matrix:
    """The n x 1 column [name1, ..., name_n]ᵀ of real SymPy symbols (§4.1: vectors are
    columns). Every column of symbols in the book is made here, so results built in two
    places can be compared directly."""
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"name must be an identifier such as 'x', got {name!r}")
    n = positive_int(n, "n")
    return sp.Matrix(sp.symbols(f"{name}1:{n + 1}", real=True))
