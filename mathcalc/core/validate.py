"""Input checks shared by the modules: every bad input becomes a ``ValueError`` that names
the problem, never a silent wrong answer."""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import sympy as sp


def _vector_items(value, name: str, what: str) -> list:
    """The entries of a list, tuple or SymPy row/column; a matrix of both shapes > 1 raises."""
    if isinstance(value, sp.MatrixBase) and min(value.shape) > 1:
        raise ValueError(f"{name} must be {what}, got a {value.shape[0]}x{value.shape[1]} matrix")
    return list(value)


def as_symbols(xs, name: str = "xs") -> list[sp.Symbol]:
    """Return ``xs`` as a list of distinct SymPy symbols.

    Accepts one symbol, a list or tuple of symbols, or a SymPy column/row of symbols.
    Raises ``ValueError`` for anything that is not a symbol (a string, ``x**2``, a number)
    and for repeated symbols.
    """
    if isinstance(xs, sp.Symbol):
        items = [xs]
    elif isinstance(xs, (sp.MatrixBase, list, tuple)):
        items = _vector_items(xs, name, "a row or column of symbols")
    else:
        raise ValueError(f"{name} must be a SymPy symbol or a list/tuple/column of SymPy symbols, "
                         f"got {type(xs).__name__} {xs!r}")
    if not items:
        raise ValueError(f"{name} is empty: differentiate with respect to at least one symbol")
    for i, x in enumerate(items):
        if not isinstance(x, sp.Symbol):
            raise ValueError(f"{name}[{i}] = {x!r} is not a SymPy symbol "
                             f"(it is a {type(x).__name__}); create it with sympy.symbols")
    seen = set()
    for x in items:
        if x in seen:
            raise ValueError(f"{name} lists the symbol {x} twice")
        seen.add(x)
    return items


def as_expressions(fs, name: str = "fs") -> list[sp.Expr]:
    """Return ``fs`` as a list of scalar SymPy expressions (the outputs f_1 ... f_m).

    Accepts one expression (or number), a list or tuple of them, or a SymPy row/column.
    """
    if isinstance(fs, (sp.MatrixBase, list, tuple)):
        items = _vector_items(fs, name, "a vector of functions")
    elif isinstance(fs, Iterable) and not isinstance(fs, (str, sp.Basic)):
        items = list(fs)
    else:
        items = [fs]
    if not items:
        raise ValueError(f"{name} is empty: give at least one function")
    out = []
    for i, f in enumerate(items):
        if isinstance(f, str):
            raise ValueError(f"{name}[{i}] = {f!r} is a string; build expressions from SymPy symbols")
        try:
            expr = sp.sympify(f, strict=True)
        except (sp.SympifyError, TypeError) as err:
            raise ValueError(f"{name}[{i}] = {f!r} is not a SymPy expression") from err
        if isinstance(expr, sp.MatrixBase) or not isinstance(expr, sp.Expr):
            raise ValueError(f"{name}[{i}] = {f!r} is not a scalar SymPy expression")
        out.append(expr)
    return out


def as_point(x, name: str = "x") -> np.ndarray:
    """Return ``x`` as a finite float vector of shape (n,); a scalar gives shape (1,)."""
    try:
        arr = np.asarray(x, dtype=float)
    except (TypeError, ValueError) as err:
        raise ValueError(f"{name} must be a real number or a 1-D array of them, got {x!r}") from err
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D vector, got an array of shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} is empty")
    if not np.all(np.isfinite(arr)):
        bad = np.flatnonzero(~np.isfinite(arr)).tolist()
        raise ValueError(f"{name} has non-finite entries at positions {bad}: {arr.tolist()}")
    return arr


def check_finite(values: np.ndarray, what: str) -> None:
    """Raise ``ValueError`` naming ``what`` if ``values`` holds NaN or infinity."""
    if not np.all(np.isfinite(values)):
        raise ValueError(f"{what} is not finite ({np.asarray(values).tolist()}): "
                         "is the point outside the function's domain?")


def positive_int(value, name: str = "n") -> int:
    """``value`` as an int if it is a positive integer (not a bool), else ``ValueError``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)
