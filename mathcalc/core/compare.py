"""Two sides compared at seeded random points, with numbers that owe nothing to SymPy's
differentiation: the second half of every double check.

Each side is evaluated on its own. A ``sympy.Derivative`` in it is evaluated by finite
differences of the function it differentiates (that function lambdified, never
differentiated by SymPy): by the complex step, exact to rounding, where the function is
analytic (no max, abs, cases or steps, no derivative inside), otherwise by central
differences with Richardson extrapolation, whose error (about 1e-10 for the book's smooth
functions) sets a looser tolerance. A ``sympy.Subs`` is evaluated by substituting the
value. Points closer than ``KINK_MARGIN`` to a kink (where a max, abs, step or case
changes) are skipped, so no difference straddles one. Only what SymPy *proves* uses its
derivative (:mod:`mathcalc.core.derivation`).

    >>> import sympy as sp
    >>> x = sp.Symbol("x")
    >>> compare(sp.Derivative(sp.sin(x**2), x), 2*x*sp.cos(x**2), [x]).agree
    True
"""
from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass, field

import numpy as np
import sympy as sp
from sympy.core.function import AppliedUndef

# Functions whose complex extension is not their derivative's friend (or not analytic):
# differentiated by central differences instead of the complex step.
NOT_ANALYTIC = (sp.Max, sp.Min, sp.Abs, sp.Piecewise, sp.Heaviside, sp.sign, sp.floor,
                sp.ceiling, sp.re, sp.im, sp.arg, sp.conjugate)
# A point this close to a kink (in the kink's own argument) is not used.
KINK_MARGIN = 0.05
# Tolerances of a comparison that used central differences (their error, with margin).
DIFFERENCE_RTOL = DIFFERENCE_ATOL = 1e-6
_COMPLEX_STEP = 1e-30
_STEP = 1e-3


class NotEvaluable(Exception):
    """A side holds something numbers cannot evaluate (an undefined function f(x), an
    indexed sum)."""


def _shape(e) -> tuple:
    return tuple(e.shape) if isinstance(e, (sp.MatrixBase, sp.MatrixExpr)) else ()


def explicit(e):
    """A side as a scalar or an explicit matrix, an unevaluated matrix product, sum or
    transpose multiplied out entry by entry, without evaluating any derivative
    (SymPy's ``as_explicit`` would)."""
    if isinstance(e, sp.MatrixBase):
        return sp.ImmutableMatrix(e)
    if isinstance(e, sp.MatMul):
        scalars = [a for a in e.args if not isinstance(a, (sp.MatrixBase, sp.MatrixExpr))]
        out = None
        for a in e.args:
            if isinstance(a, (sp.MatrixBase, sp.MatrixExpr)):
                m = sp.Matrix(explicit(a))
                out = m if out is None else out * m
        return sp.ImmutableMatrix(sp.Mul(*scalars) * out)
    if isinstance(e, sp.MatAdd):
        out = sp.zeros(*e.shape)
        for a in e.args:
            out += sp.Matrix(explicit(a))
        return sp.ImmutableMatrix(out)
    if isinstance(e, sp.Transpose):
        return sp.ImmutableMatrix(sp.Matrix(explicit(e.arg)).T)
    if isinstance(e, sp.MatrixExpr):
        raise NotEvaluable(f"a matrix expression of unknown entries: {e}")
    return sp.sympify(e)



def _is_special(node) -> bool:
    return isinstance(node, (sp.Derivative, sp.Subs))


def _outermost_special(e) -> list:
    """The Derivative and Subs nodes of ``e`` not inside another one, in a stable order."""
    found = []

    def walk(node):
        if _is_special(node):
            if node not in found:
                found.append(node)
            return
        for arg in node.args:
            walk(arg)
    walk(e)
    return found


@functools.lru_cache(maxsize=4096)
def _lambdified(e, args):
    """``e`` as a NumPy function of ``args`` (lambdify is slow; the same expressions recur
    across the points, the steps and the checks of a session)."""
    return sp.lambdify(args, e, modules="numpy")


class Evaluator:
    """Numbers for SymPy expressions: ``value(expr, env)`` with ``env`` a dict
    symbol -> number. ``used_differences`` records whether a central difference was needed
    (the tolerance depends on it)."""

    def __init__(self):
        self.used_differences = False

    def _function(self, e, args):
        return _lambdified(e, args)

    def value(self, e, env: dict):
        if e.atoms(AppliedUndef) or (e.atoms(sp.Indexed) and e.atoms(sp.Sum)):
            raise NotEvaluable(str(e))
        special = _outermost_special(e)
        # the same placeholders at every point, so that the lambdified function is reused
        dummies = [sp.Dummy(f"_special{i}", dummy_index=i) for i in range(len(special))]
        outer = e.xreplace(dict(zip(special, dummies))) if special else e
        free = sorted((s for s in outer.free_symbols if s not in dummies), key=str)
        missing = [s for s in free if s not in env]
        if missing:
            raise NotEvaluable(f"no value for {', '.join(map(str, missing))}")
        values = [env[s] for s in free] + [self._special(node, env) for node in special]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            result = self._function(outer, tuple(free) + tuple(dummies))(*values)
        return np.array(result, dtype=complex).reshape(_shape(outer))

    def _special(self, node, env):
        if isinstance(node, sp.Subs):
            inner = dict(env)
            for var, point in zip(node.variables, node.point):
                inner[var] = complex(self.value(sp.sympify(point), env))
            return complex(self.value(node.expr, inner))
        return self._derivative(node, env)

    def _derivative(self, node: sp.Derivative, env) -> complex:
        """∂ⁿf/∂x... at env, one variable at a time from the innermost: finite differences
        of f, never SymPy's derivative."""
        (var, count), *rest = node.variable_count
        inner = sp.Derivative(node.expr, *rest) if rest else node.expr
        if count > 1:
            inner = sp.Derivative(inner, (var, count - 1))
        if var not in env:
            raise NotEvaluable(f"no value for {var}")
        x = env[var]

        def f(t):
            return complex(self.value(inner, {**env, var: t}))
        if not (inner.has(*NOT_ANALYTIC) or inner.atoms(sp.Derivative, sp.Subs)):
            real = f(x.real)
            if not np.isfinite(real) or real.imag != 0:
                return complex("nan")
            return complex(f(complex(x.real, _COMPLEX_STEP)).imag / _COMPLEX_STEP)
        self.used_differences = True
        h = _STEP * max(1.0, abs(x))

        def central(step):
            return (f(x.real + step) - f(x.real - step)) / (2 * step)
        return (4 * central(h / 2) - central(h)) / 3


def kinks(e) -> list:
    """The expressions whose zero is a kink of ``e``: the difference of a max's or min's
    arguments, an abs's or step's argument, a case's condition (``lhs - rhs``)."""
    found = []
    for node in sp.preorder_traversal(e):
        if isinstance(node, (sp.Max, sp.Min)) and len(node.args) == 2:
            found.append(node.args[0] - node.args[1])
        elif isinstance(node, (sp.Abs, sp.Heaviside, sp.sign)):
            found.append(node.args[0])
        elif isinstance(node, sp.Piecewise):
            for _, cond in node.args:
                for rel in ([cond] if isinstance(cond, sp.core.relational.Relational)
                            else cond.atoms(sp.core.relational.Relational)):
                    found.append(rel.lhs - rel.rhs)
    return [k for k in found if k.free_symbols and not k.has(sp.Derivative, sp.Subs)]


@dataclass(frozen=True)
class Comparison:
    """Two sides at seeded points: ``agree`` (None when a side cannot be evaluated),
    the ``largest`` difference, the number of points used, how derivatives were evaluated
    (``method``), the tolerances, and each differing entry at the first point where it
    differs (index, point, left value, right value), in the order found."""

    agree: bool | None
    largest: float
    n_points: int
    method: str
    rtol: float
    atol: float
    differences: tuple = field(default_factory=tuple)


def _points(symbols, rng, n_points, domain, kink_exprs, evaluator):
    low, high = domain
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise ValueError(f"domain must be (low, high) with low < high, got {domain!r}")
    gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    for _ in range(40 * n_points):
        point = gen.uniform(low, high, size=len(symbols))
        env = {s: complex(v) for s, v in zip(symbols, point)}
        try:
            near = any(abs(complex(evaluator.value(k, env))) < KINK_MARGIN for k in kink_exprs)
        except NotEvaluable:
            near = False
        if not near:
            yield point, env


def compare(left, right, symbols, *, rng=0, n_points: int = 3, domain=(-2.0, 2.0),
            rtol: float = 1e-9, atol: float = 1e-9) -> Comparison:
    """Compare ``left`` and ``right`` (SymPy scalars or matrices of one shape) at
    ``n_points`` seeded points of ``domain`` in every symbol; points where a side is not
    real and finite, or that lie near a kink, are skipped. Tolerances widen to
    ``DIFFERENCE_RTOL``/``DIFFERENCE_ATOL`` where a central difference was used.

    Raises ``ValueError`` when no point of the domain gives both sides real and finite."""
    a, b = explicit(left), explicit(right)
    if _shape(a) != _shape(b):
        raise ValueError(f"the sides have shapes {_shape(a)} and {_shape(b)}")
    evaluator = Evaluator()
    kink_exprs = kinks(a) + kinks(b)
    worst, used, differences = 0.0, 0, []
    agree = True
    try:
        for point, env in _points(list(symbols), rng, n_points, domain, kink_exprs, evaluator):
            va, vb = evaluator.value(a, env), evaluator.value(b, env)
            if not (np.all(np.isfinite(va)) and np.all(np.isfinite(vb))
                    and np.all(va.imag == 0) and np.all(vb.imag == 0)):
                continue
            used += 1
            va, vb = va.real, vb.real
            r, t = ((DIFFERENCE_RTOL, DIFFERENCE_ATOL) if evaluator.used_differences
                    else (rtol, atol))
            gap = np.abs(va - vb)
            worst = max(worst, float(np.max(gap)) if gap.size else 0.0)
            bad = np.argwhere(gap > t + r * np.abs(vb)) if gap.ndim else (
                [()] if gap > t + r * abs(vb) else [])
            for index in bad:
                agree = False
                index = tuple(int(i) for i in index)
                if index not in {d[0] for d in differences}:  # each entry at its first point
                    differences.append((index, {str(s): float(v) for s, v in zip(symbols, point)},
                                        float(va[index]), float(vb[index])))
            if used == n_points:
                break
    except NotEvaluable:
        return Comparison(None, 0.0, 0, "not evaluable", rtol, atol)
    if used == 0:
        raise ValueError(f"no point in {domain} where both sides are real and finite "
                         "(away from kinks): choose another domain")
    method = "central differences" if evaluator.used_differences else "complex step or exact"
    r, t = (DIFFERENCE_RTOL, DIFFERENCE_ATOL) if evaluator.used_differences else (rtol, atol)
    return Comparison(agree, worst, used, method, r, t, tuple(differences))
