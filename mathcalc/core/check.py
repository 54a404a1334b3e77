"""Check a symbolic Jacobian against finite differences, as autograd's ``check_grads``
does: every derivative in the book is verified twice, by SymPy and by numbers.

One result convention for every check of the package (this module's, the rules',
autodiff's, the matrix identities', a derivation's steps, a reader's exercise answer):
a :class:`CheckResult` says what was compared, the largest error of each comparison and
whether it passed. A check of the book's own claims raises :class:`CheckError` (an
``AssertionError``) with the result's text when it fails, so a wrong claim fails the
chapter that makes it; a check of a reader's answer returns the failing result instead.
"""
from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import sympy as sp

from .validate import as_expressions, as_point, as_symbols, check_finite
from .symbolic import jacobian
from .numerical import numerical_jacobian


@dataclass(frozen=True)
class CheckResult:
    """The verdict of a check: ``bool(result)`` is ``result.passed``.

    ``what``: what was compared (one line); ``errors``: for each comparison made (e.g.
    ``"finite differences"``, ``"JVP/VJP"``), the largest absolute difference found;
    ``n_points``: how many points were tried; ``symbolic``: True when SymPy proved the
    two sides equal, False when it did not, None when no symbolic comparison was made;
    ``failures``: one line for each disagreement (entry, point, both values).
    """

    what: str
    passed: bool
    errors: Mapping[str, float] = field(default_factory=dict)
    n_points: int = 0
    symbolic: bool | None = None
    failures: tuple[str, ...] = ()

    @property
    def max_error(self) -> float:
        """The largest error over all comparisons (0.0 when none were numerical)."""
        return max(self.errors.values(), default=0.0)

    def __bool__(self) -> bool:
        return self.passed

    def __str__(self) -> str:
        mark = "✓" if self.passed else "✗"
        how = []
        if self.symbolic is not None:
            how.append("SymPy: equal" if self.symbolic else "SymPy: not proven equal")
        how += [f"{name}: largest error {err:.1e}" for name, err in self.errors.items()]
        if self.n_points:
            how.append(f"{self.n_points} point{'s' if self.n_points != 1 else ''}")
        lines = [f"{mark} {self.what}" + (f" ({'; '.join(how)})" if how else "")]
        lines += [f"  {line}" for line in self.failures]
        return "\n".join(lines)

    __repr__ = __str__

    def raise_if_failed(self) -> "CheckResult":
        """Raise :class:`CheckError` with this result's text if it failed; else return it."""
        if not self.passed:
            raise CheckError(str(self), self)
        return self


class CheckError(AssertionError):
    """A check of a claim failed; ``result`` is its :class:`CheckResult`."""

    def __init__(self, message: str, result: CheckResult):
        super().__init__(message)
        self.result = result


def combine(what: str, results) -> CheckResult:
    """One result for several checks: passed if all passed, each comparison's largest error
    over all of them, the points and failures added up, symbolic if all were."""
    results = list(results)
    errors: dict[str, float] = {}
    for r in results:
        for name, err in r.errors.items():
            errors[name] = max(errors.get(name, 0.0), err)
    symbolic = [r.symbolic for r in results if r.symbolic is not None]
    return CheckResult(what, all(r.passed for r in results), errors,
                       sum(r.n_points for r in results), all(symbolic) if symbolic else None,
                       tuple(line for r in results for line in r.failures))


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
                   layout: str = "numerator") -> CheckResult:
    """Compare the SymPy Jacobian of ``fs`` with finite differences.

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
    layout : the layout to build the symbolic Jacobian in; it is transposed back and
        compared with the numerical Jacobian in numerator layout (``layout`` only changes
        how disagreeing entries are reported).

    Returns
    -------
    CheckResult
        ``errors["finite differences"]``: the largest absolute difference over all entries
        and points.

    Raises
    ------
    CheckError (an AssertionError)
        With the disagreeing entries (row, column, derivative, both values, point).
    ValueError
        Bad input, or a point where the function or its derivative is undefined.
    """
    J = jacobian(fs, xs, layout=layout)
    return check_derivative(fs, xs, J if layout == "numerator" else J.T, at, rng,
                            n_points=n_points, domain=domain, method=method,
                            rtol=rtol, atol=atol, layout=layout)


def check_derivative(fs, xs, claimed, at=None, rng=None, *, n_points: int = 3,
                     domain=(-2.0, 2.0), method: str = "central", rtol: float = 1e-6,
                     atol: float = 1e-7, layout: str = "numerator") -> CheckResult:
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
    points = _points(symbols, at, rng, n_points, domain)
    what = (f"∂f/∂x of {len(exprs)} function{'s' if len(exprs) != 1 else ''} of "
            f"{len(symbols)} variable{'s' if len(symbols) != 1 else ''} ({layout} layout) "
            "agrees with finite differences")
    for number, point in enumerate(points, 1):
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
            lines = [f"disagree at ({where}):",
                     f"{'entry':>8}  {'symbolic':>14}  {'numerical':>14}  derivative"]
            for i, j in bad[:10]:
                r, k = (j, i) if flip else (i, j)
                lines.append(f"({r}, {k}):  {symbolic[i, j]:14.8g}  {numeric[i, j]:14.8g}  {J[i, j]}")
            # The check stops at the first point that disagrees: it reports the points
            # it compared, not the ones it drew.
            stopped = (f" at point {number} of {len(points)}, where the check stopped"
                       if len(points) > 1 else "")
            return CheckResult(what.replace("agrees", "does not agree") + stopped, False,
                               {"finite differences": worst}, number,
                               failures=tuple(lines)).raise_if_failed()
    return CheckResult(what, True, {"finite differences": worst}, len(points))
