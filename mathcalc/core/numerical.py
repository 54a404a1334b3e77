"""Numerical Jacobians by finite differences: the independent check on every symbolic
derivative in the book (Parr & Howard §4.1 layout: rows are outputs).

Two methods:

- ``"central"``: (f(x + h e_j) - f(x - h e_j)) / 2h, error O(h²). With the default step
  h_j = ε^(1/3) · max(1, |x_j|) (ε the float64 machine epsilon) the truncation and rounding
  errors balance, giving about 10 correct digits for smooth f.
- ``"complex"``: Im f(x + i h e_j) / h with h = 1e-20, the complex-step derivative. There is
  no subtraction, hence no cancellation: the result is exact to machine precision. It needs
  ``f`` to be analytic and to accept complex input (``abs``, ``max`` and comparisons are not).
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .validate import as_point, check_finite

METHODS = ("central", "complex")
_EPS = np.finfo(float).eps


def _as_output(value, x, what: str) -> np.ndarray:
    """``f``'s value as a 1-D array of shape (m,)."""
    out = np.asarray(value)
    if out.ndim == 0:
        out = out.reshape(1)
    if out.ndim != 1:
        raise ValueError(f"f must return a scalar or a 1-D array, got shape {out.shape} at x = {x.tolist()}")
    if not np.issubdtype(out.dtype, np.number):
        raise ValueError(f"f must return numbers, got dtype {out.dtype}")
    check_finite(out, what)
    return out


def numerical_jacobian(f: Callable, x, method: str = "central", h: float | None = None) -> np.ndarray:
    """The Jacobian of ``f: R^n -> R^m`` at the point ``x``, by finite differences.

    Parameters
    ----------
    f : callable
        Takes a float array of shape (n,) and returns a scalar or an array of shape (m,).
    x : float or array_like of shape (n,)
        The point; every entry must be finite.
    method : ``"central"`` (default) or ``"complex"`` (complex step, needs complex input)
    h : float, optional
        The step. Default: ε^(1/3)·max(1, |x_j|) per coordinate for ``"central"``,
        1e-20 for ``"complex"``.

    Returns
    -------
    numpy.ndarray of shape (m, n)
        Numerator layout: entry (i, j) ≈ ∂f_i/∂x_j; a scalar ``f`` gives shape (1, n).

    Raises
    ------
    ValueError
        A non-finite point, an unknown method, a step that is not a positive number, or a
        function value that is not finite at or beside ``x`` (a point outside the domain,
        such as ``log`` at 0).
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    x = as_point(x)
    if h is not None and not (np.isscalar(h) and np.isfinite(h) and h > 0):
        raise ValueError(f"the step h must be a positive finite number, got {h!r}")
    f0 = _as_output(f(x.copy()), x, f"f(x) at x = {x.tolist()}")
    if np.iscomplexobj(f0) and np.any(f0.imag != 0):
        raise ValueError(f"f(x) is complex at the real point x = {x.tolist()}: {f0.tolist()}")
    n, m = x.size, f0.size
    J = np.empty((m, n))
    for j in range(n):
        if method == "central":
            step = h if h is not None else _EPS ** (1 / 3) * max(1.0, abs(x[j]))
            forward, backward = x.copy(), x.copy()
            forward[j] += step
            backward[j] -= step
            step = forward[j] - backward[j]  # the step actually taken, after rounding
            f_plus = _as_output(f(forward), forward, f"f(x + h e_{j})")
            f_minus = _as_output(f(backward), backward, f"f(x - h e_{j})")
            if f_plus.shape != f0.shape or f_minus.shape != f0.shape:
                raise ValueError("f returned outputs of different lengths at nearby points")
            # Central difference: the O(h) terms of the two Taylor expansions cancel.
            J[:, j] = np.real(f_plus - f_minus) / step
        else:
            step = h if h is not None else 1e-20
            z = x.astype(complex)
            z[j] += 1j * step
            try:
                f_z = _as_output(f(z), x, f"f(x + i h e_{j})")
            except TypeError as err:
                raise ValueError("method='complex' needs f to accept complex input; "
                                 "use method='central'") from err
            if f_z.shape != f0.shape:
                raise ValueError("f returned outputs of different lengths at nearby points")
            # Complex step: f(x + ih) = f(x) + ih f'(x) + O(h²), so Im/h is f'(x) to O(h²).
            J[:, j] = np.imag(f_z) / step
    if method == "complex":
        # The complex step is only right for analytic f: abs, max or a comparison give a
        # silently wrong answer. Guard it with the (less accurate) central difference.
        J_central = numerical_jacobian(f, x, method="central")
        if not np.allclose(J, J_central, rtol=1e-4, atol=1e-6):
            raise ValueError("the complex-step Jacobian disagrees with central differences: "
                             "f is not analytic in its complex input (abs, max, comparisons?); "
                             "use method='central'")
    return J
