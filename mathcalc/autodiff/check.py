"""One check of the two modes against the two independent answers: forward mode = reverse
mode = SymPy's Jacobian = finite differences, at one point. The autodiff chapter and the
tests call the same :func:`check_modes`."""
from __future__ import annotations

import numpy as np
import sympy as sp

from ..core.check import CheckResult
from ..core.numerical import numerical_jacobian
from ..core.symbolic import jacobian as sympy_jacobian
from ..core.validate import as_expressions, as_point, as_symbols
from .forward import jacobian_forward
from .ops import value_of
from .reverse import jacobian_reverse


def check_modes(f, x, exprs, symbols, *, rtol: float = 1e-12, atol: float = 1e-12,
                fd_rtol: float = 1e-6, fd_atol: float = 1e-8) -> CheckResult:
    """Check ``f`` (written with :mod:`mathcalc.autodiff`'s primitives) at ``x``.

    ``exprs`` are the same function's outputs as SymPy expressions in ``symbols`` (n of
    them, the components of x; a scalar x is n = 1). Forward and reverse mode must equal
    SymPy's numerator-layout Jacobian to ``rtol``/``atol`` (both are exact up to rounding),
    and central finite differences of ``f``'s value to ``fd_rtol``/``fd_atol``.

    Returns a :class:`~mathcalc.core.check.CheckResult` whose ``errors`` has the largest
    difference from SymPy of each of "forward", "reverse" and "finite differences";
    raises :class:`~mathcalc.core.check.CheckError` if any disagrees.
    """
    symbols = as_symbols(symbols, "symbols")
    exprs = as_expressions(exprs, "exprs")
    point = as_point(x)
    if point.size != len(symbols):
        raise ValueError(f"x has {point.size} components but there are {len(symbols)} symbols")
    scalar = np.ndim(x) == 0
    x0 = float(point[0]) if scalar else point
    J_sympy = np.array(sympy_jacobian(exprs, symbols).subs(dict(zip(symbols, point))),
                       dtype=float)
    found = {"forward": jacobian_forward(f, x0)[0], "reverse": jacobian_reverse(f, x0)[0],
             "finite differences": numerical_jacobian(
                 lambda z: np.asarray(value_of(f(z[0] if scalar else z))), point)}
    errors, failures = {}, []
    for name, J in found.items():
        J = np.asarray(J, dtype=float).reshape(J_sympy.shape)
        errors[name] = float(np.max(np.abs(J - J_sympy)))
        r, a = (fd_rtol, fd_atol) if name == "finite differences" else (rtol, atol)
        if not np.allclose(J, J_sympy, rtol=r, atol=a):
            failures.append(f"{name}: {np.array2string(J.ravel(), precision=8)} vs SymPy "
                            f"{np.array2string(J_sympy.ravel(), precision=8)}")
    where = ", ".join(f"{s}={v:.4g}" for s, v in zip(symbols, point))
    return CheckResult(f"forward = reverse = SymPy = finite differences at ({where})",
                       not failures, errors, 1, failures=tuple(failures)).raise_if_failed()
