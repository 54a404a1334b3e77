"""Verifying the rules tables: every rule checked against SymPy's own derivative and
finite differences (and, for the vector rules, their JVP and VJP against the Jacobian).

The tables (:mod:`.scalar`, :mod:`.vector`) are data and import no checker; this module
sits beside them and is what the tests, the chapters and the reference page call.
"""
from __future__ import annotations

import numpy as np
import sympy as sp

from ..core.check import CheckError, CheckResult, check_derivative
from ..core.symbolic import jacobian
from .scalar import ScalarRule, x
from .vector import VectorRule, symbolic_args


def rule_holds(rule: ScalarRule) -> bool:
    """True when SymPy's derivative of the general form equals the rule's right side."""
    return sp.simplify((sp.diff(rule.general, x) - rule.general_derivative).doit()) == 0


def example_holds(rule: ScalarRule) -> bool:
    """True when SymPy's derivative of the example equals the paper's stated result."""
    return sp.simplify(sp.diff(rule.example, x) - rule.example_derivative) == 0


def check_example_numerically(rule: ScalarRule, rng=None) -> CheckResult:
    """Finite differences against the paper's *stated* derivative of the example, at seeded
    random points in [0.5, 2] (inside the domain of ln(x²)); raises :class:`CheckError`
    if they disagree. A wrong entry in the paper would fail here even though
    SymPy's own derivative is right.
    """
    return check_derivative(rule.example, [x], rule.example_derivative, rng=rng,
                            domain=(0.5, 2.0))


def _flat(arg) -> list[sp.Symbol]:
    return [arg] if isinstance(arg, sp.Symbol) else list(arg)


def verify_vector_rule(r: VectorRule, n: int, rng=0) -> CheckResult:
    """Check rule ``r`` at vector length ``n``; raise :class:`CheckError` if a check fails.

    Returns a :class:`CheckResult` with ``errors["finite differences"]`` and
    ``errors["JVP/VJP"]``, the largest error of each comparison.

    1. symbolic: SymPy's Jacobian of ``r.symbolic`` equals the closed form, per argument;
    2. numerical: finite differences agree with the closed form (seeded random points);
    3. JVP and VJP: equal (∂y/∂a)·v and gᵀ·(∂y/∂a) for random v and g.
    """
    rng = np.random.default_rng(rng)
    args = symbolic_args(r, n)
    y = r.symbolic(*args)
    outputs = list(y) if isinstance(y, sp.MatrixBase) else [y]
    closed = {a: r.jacobian[a](*args) for a in r.args}
    for a, arg in zip(r.args, args):
        J = jacobian(outputs, _flat(arg))
        diff = (J - closed[a]).applyfunc(lambda e: sp.simplify(sp.expand(e)))
        if r.key == "relu":  # SymPy's d max(0, t)/dt is Heaviside(t): compare off t = 0
            diff = diff.applyfunc(lambda e: sp.simplify(e.rewrite(sp.Piecewise)))
        if any(e != 0 for e in diff):
            raise CheckError(f"rule {r.key!r} at n = {n}: SymPy's ∂y/∂{a} differs from the "
                             f"rule: {diff}",
                             CheckResult(f"rule {r.key!r} at n = {n}", False, symbolic=False))
    all_symbols = [s for arg in args for s in _flat(arg)]
    stacked = sp.Matrix.hstack(*(closed[a] for a in r.args))
    fd_error = check_derivative(outputs, all_symbols, stacked, rng=rng,
                                domain=r.domain).errors["finite differences"]
    point = {a: (rng.uniform(*r.domain) if r.is_scalar(a) else rng.uniform(*r.domain, size=n))
             for a in r.args}
    values = [point[a] for a in r.args]
    subs = {s: v for arg, a in zip(args, r.args) for s, v in zip(_flat(arg), np.atleast_1d(point[a]))}
    product_error = 0.0
    for a in r.args:
        J = np.array(closed[a].subs(subs).evalf(), dtype=float)
        v = rng.normal() if r.is_scalar(a) else rng.normal(size=n)
        g = rng.normal(size=n) if isinstance(y, sp.MatrixBase) else rng.normal()
        jvp = np.atleast_1d(r.jvp[a](v, *values))
        vjp = np.atleast_1d(r.vjp[a](g, *values))
        product_error = max(product_error,
                            float(np.max(np.abs(jvp - J @ np.atleast_1d(v)))),
                            float(np.max(np.abs(vjp - np.atleast_1d(g) @ J))))
    passed = product_error <= 1e-10
    return CheckResult(f"rule {r.key!r} at n = {n}: SymPy = closed form = finite differences"
                       + (" = JVP/VJP" if passed else "; JVP/VJP disagree with the Jacobian"),
                       passed, {"finite differences": fd_error, "JVP/VJP": product_error},
                       symbolic=True).raise_if_failed()
