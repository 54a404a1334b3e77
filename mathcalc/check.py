"""Check a symbolic Jacobian against finite differences, as autograd's ``check_grads``
does: every derivative in the book is verified twice, by SymPy and by numbers.
"""
from __future__ import annotations

import warnings

import numpy as np
import sympy as sp

from ._validate import as_expressions, as_point, as_symbols, check_finite
from .jacobian import jacobian
from .numerical import numerical_jacobian


def lambdify_vector(fs, xs):
    """A NumPy function ``x -> array of shape (m,)`` for the expressions ``fs`` in ``xs``.

    Raises ``ValueError`` if ``fs`` has free symbols that are not in ``xs``: every symbol
    needs a value before the function can be evaluated.
    """
    exprs, symbols = as_expressions(fs), as_symbols(xs)
    free = set().union(*(e.free_symbols for e in exprs)) - set(symbols)
    if free:
        names = ", ".join(sorted(str(s) for s in free))
        raise ValueError(f"the functions depend on {names}, which is not in xs: "
                         "add it to xs or substitute a value with .subs()")
    raw = sp.lambdify(symbols, exprs, modules="numpy")

    def f(x):
        x = np.asarray(x)
        if x.shape != (len(symbols),):
            raise ValueError(f"expected a point of shape ({len(symbols)},), got {x.shape}")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # log(0) etc.: reported below
            values = raw(*x)
        return np.array([np.broadcast_to(v, ()) for v in values]).reshape(len(exprs))

    return f


def _points(symbols, at, rng, n_points, domain):
    """The points to check at: ``at`` (a dict or a sequence, one point) or random ones."""
    if at is not None:
        if isinstance(at, dict):
            missing = [s for s in symbols if s not in at]
            if missing:
                raise ValueError(f"at= gives no value for {', '.join(map(str, missing))}")
            at = [at[s] for s in symbols]
        point = as_point(at, name="at")
        if point.size != len(symbols):
            raise ValueError(f"at= has {point.size} values but there are {len(symbols)} variables")
        return [point]
    low, high = domain
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise ValueError(f"domain must be (low, high) with low < high, got {domain!r}")
    rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(0 if rng is None else rng)
    return [rng.uniform(low, high, size=len(symbols)) for _ in range(n_points)]


def check_jacobian(fs, xs, at=None, rng=None, *, n_points: int = 3, domain=(-2.0, 2.0),
                   method: str = "central", rtol: float = 1e-6, atol: float = 1e-7,
                   layout: str = "numerator") -> float:
    """Compare the SymPy Jacobian of ``fs`` with finite differences; return the largest error.

    Parameters
    ----------
    fs, xs : as for :func:`mathcalc.jacobian` (m functions of n symbols)
    at : dict ``{symbol: value}`` or a sequence of n values, optional
        The point to check at. Default: ``n_points`` random points drawn uniformly from
        ``domain`` in every coordinate.
    rng : int seed or ``numpy.random.Generator``, optional
        Source of the random points; default seed 0, so a check is reproducible.
    method : ``"central"`` or ``"complex"`` (see :func:`mathcalc.numerical_jacobian`)
    rtol, atol : entries agree when |symbolic - numerical| <= atol + rtol·|symbolic|
    layout : the layout to build the symbolic Jacobian in; it is compared entry by entry
        against the numerical Jacobian in the same layout.

    Returns
    -------
    float
        The largest absolute difference over all entries and points.

    Raises
    ------
    AssertionError
        With a table of the disagreeing entries (row, column, derivative, both values, point).
    ValueError
        Bad input, or a point where the function or its derivative is undefined.
    """
    J = jacobian(fs, xs, layout=layout)
    return check_derivative(fs, xs, J if layout == "numerator" else J.T, at, rng,
                            n_points=n_points, domain=domain, method=method,
                            rtol=rtol, atol=atol, layout=layout)


def check_derivative(fs, xs, claimed, at=None, rng=None, *, n_points: int = 3,
                     domain=(-2.0, 2.0), method: str = "central", rtol: float = 1e-6,
                     atol: float = 1e-7, layout: str = "numerator") -> float:
    """Check a *claimed* derivative of ``fs`` (the paper's, or a reader's) by finite differences.

    ``claimed`` is a SymPy expression (m = n = 1), a list (a 1 x n gradient) or a Matrix of
    shape (m, n) in numerator layout. Arguments and result as for :func:`check_jacobian`,
    which is this function with SymPy's own Jacobian as the claim; ``layout`` only changes
    how disagreeing entries are reported.

    Raises ``ValueError`` if ``claimed`` does not have the Jacobian's shape (m, n).
    """
    symbols = as_symbols(xs)
    exprs = as_expressions(fs)
    f = lambdify_vector(exprs, symbols)
    shape = (len(exprs), len(symbols))
    if isinstance(claimed, sp.MatrixBase):
        J = sp.Matrix(claimed)
    elif isinstance(claimed, (list, tuple)):
        J = sp.Matrix([list(claimed)])
    else:
        J = sp.Matrix([[sp.sympify(claimed)]])
    if J.shape != shape:
        raise ValueError(f"the claimed derivative has shape {J.shape}, but {len(exprs)} functions "
                         f"of {len(symbols)} variables have a {shape[0]}x{shape[1]} Jacobian "
                         "(numerator layout: rows are outputs)")
    extra = J.free_symbols - set(symbols)
    if extra:
        raise ValueError("the claimed derivative depends on "
                         f"{', '.join(sorted(map(str, extra)))}, which is not in xs")
    J_num = sp.lambdify(symbols, J, modules="numpy")
    flip = layout == "denominator"
    worst = 0.0
    for point in _points(symbols, at, rng, n_points, domain):
        where = ", ".join(f"{s}={v:.6g}" for s, v in zip(symbols, point))
        check_finite(f(point), f"f at ({where})")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            symbolic = np.array(J_num(*point), dtype=complex).reshape(J.shape)
        if np.any(symbolic.imag != 0):
            raise ValueError(f"the derivative is complex at ({where}): outside the real domain")
        symbolic = symbolic.real
        check_finite(symbolic, f"the symbolic derivative at ({where})")
        numeric = numerical_jacobian(f, point, method=method)
        error = np.abs(symbolic - numeric)
        worst = max(worst, float(error.max()))
        bad = np.argwhere(error > atol + rtol * np.abs(symbolic))
        if bad.size:
            lines = [f"symbolic and numerical derivatives ({layout} layout) disagree at ({where}):",
                     f"{'entry':>8}  {'symbolic':>14}  {'numerical':>14}  derivative"]
            for i, j in bad[:10]:
                r, k = (j, i) if flip else (i, j)
                lines.append(f"({r}, {k}):  {symbolic[i, j]:14.8g}  {numeric[i, j]:14.8g}  {J[i, j]}")
            raise AssertionError("\n".join(lines))
    return worst
