"""Derivations as data: a chain ``e_0 = e_1 = ... = e_k`` is checked one ``=`` at a time,
so a wrong middle step is named, not hidden by a right end (the equation ledger,
:mod:`mathcalc.content.ledger`, counts every ``=`` of the paper this way).

Each adjacent pair ``e_{i-1} = e_i`` is compared three ways:

1. **shape**: both sides are scalars, or SymPy matrices of one shape. A 1 × n row (a
   gradient, numerator layout) is never equal to an n × 1 column, even with the same
   entries: give vectors as SymPy matrices of their component symbols
   (:func:`mathcalc.column`, ``.T`` for a row) and an orientation mistake fails here;
2. **symbolically**: ``(e_{i-1} − e_i).doit()`` expands or simplifies to 0 (an
   unevaluated ``sympy.Derivative`` keeps the paper's intermediate forms and is evaluated
   here), or the caller's ``equal(a, b)`` proves it, for expressions SymPy cannot simplify
   (ReLUs);
3. **numerically**: both sides evaluated at seeded random points of ``domain`` (points
   where a side is not real and finite are skipped), with a tolerance.

A step the paper gets wrong is named in ``errata={step: erratum_key}``: it must *fail*
(the check shows the erratum happen) and is reported as an erratum, not a pass.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import sympy as sp

from .check import CheckResult
from .validate import as_symbols


@dataclass(frozen=True)
class StepCheck:
    """One ``=`` of a derivation: its number in the equation (1-based), the two sides, and
    the verdicts: ``shape`` (the shapes agree), ``symbolic`` (SymPy proved it), ``numeric``
    (the values agree at every point; None when a side cannot be evaluated, e.g. an
    undefined function), ``error`` the largest difference, ``erratum`` the erratum key when
    the step is expected to be wrong."""

    number: int
    left: object
    right: object
    shape: bool
    symbolic: bool
    numeric: bool | None
    error: float
    n_points: int
    erratum: str = ""

    @property
    def holds(self) -> bool:
        """The step is right: shapes agree, SymPy proves it and the numbers agree."""
        return self.shape and self.symbolic and self.numeric is True

    @property
    def as_expected(self) -> bool:
        """An erratum's step is shown wrong; any other step is not shown wrong (it holds,
        or SymPy proves it where numbers cannot evaluate it: then it does not count as
        checked both ways, but it is no failure)."""
        if self.erratum:
            return not self.holds
        return self.shape and self.symbolic and self.numeric is not False

    def line(self) -> str:
        """One line of the report; the ledger's test reads these (``step N: ...``)."""
        mark = lambda ok: "✓" if ok else ("–" if ok is None else "✗")  # noqa: E731
        if not self.shape:
            verdict = (f"✗ shape: {_shape(self.left)} = {_shape(self.right)} "
                       "(a row is not a column)")
        else:
            numbers = ("numbers not evaluable" if self.numeric is None else
                       f"{mark(self.numeric)} numbers (largest difference {self.error:.1e}, "
                       f"{self.n_points} points)")
            verdict = f"{mark(self.symbolic)} SymPy, {numbers}"
        tail = ""
        if self.erratum:
            tail = (f"  [erratum {self.erratum}: shown wrong]" if not self.holds
                    else f"  [erratum {self.erratum}: NOT shown wrong]")
        return f"step {self.number}: {verdict}{tail}"


@dataclass(frozen=True)
class DerivationCheck(CheckResult):
    """A :class:`~mathcalc.core.check.CheckResult` for a derivation, with each step's
    :class:`StepCheck` in ``steps`` and the ledger ``key`` it checks ('' for none)."""

    key: str = ""
    steps: tuple[StepCheck, ...] = field(default_factory=tuple)

    def __str__(self) -> str:
        head = CheckResult.__str__(self).split("\n", 1)[0]
        return "\n".join([head] + [f"  {s.line()}" for s in self.steps])

    __repr__ = __str__


def _shape(e) -> str:
    return "scalar" if not isinstance(e, sp.MatrixBase) else f"{e.rows}×{e.cols}"


def _as_side(e):
    if isinstance(e, sp.MatrixBase):
        return sp.Matrix(e)
    if isinstance(e, (list, tuple, np.ndarray)):
        raise ValueError("a side of a derivation is a SymPy expression or a sympy.Matrix "
                         f"(give vectors their shape), got {type(e).__name__}")
    if isinstance(e, str):
        raise ValueError(f"a side of a derivation is a SymPy expression, got the string {e!r}")
    return sp.sympify(e)


def _evaluate(e, symbols, point):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        value = sp.lambdify(symbols, e, modules="numpy")(*point)
    return np.array(value, dtype=complex).reshape(e.shape if isinstance(e, sp.MatrixBase) else ())


def _evaluable(e) -> bool:
    return not (e.atoms(sp.Derivative) or e.atoms(sp.core.function.AppliedUndef)
                or e.atoms(sp.Subs) or e.atoms(sp.Sum) and e.atoms(sp.Indexed))


def _is_zero(difference) -> bool:
    return bool(difference == 0 or (isinstance(difference, sp.MatrixBase)
                                    and difference.is_zero_matrix))


def _proved_equal(a, b, equal) -> bool:
    """SymPy proves ``a == b``: the expanded difference is 0, or the caller's ``equal``
    says so, or ``simplify`` of the difference is 0. Any one is a proof; the cheap ones go
    first (``simplify`` of a difference of Piecewise cases takes seconds)."""
    difference = a - b
    expanded = difference.applyfunc(sp.expand) if isinstance(difference, sp.MatrixBase) \
        else sp.expand(difference)
    if _is_zero(expanded):
        return True
    if equal is not None and equal(a, b):
        return True
    return _is_zero(sp.simplify(difference))


def check_derivation(key: str, expressions, variables, *, steps=None, errata=None,
                     equal=None, rng=0, n_points: int = 3, domain=(-2.0, 2.0),
                     rtol: float = 1e-9, atol: float = 1e-9) -> DerivationCheck:
    """Check each ``=`` of the chain ``expressions[0] = expressions[1] = ...``.

    Parameters
    ----------
    key : the ledger entry this derivation checks (e.g. ``"4.5.1-3"``), or ``""``
    expressions : two or more SymPy expressions or matrices
    variables : the symbols the numbers are drawn for (every free symbol of the sides)
    steps : the number in the paper's equation of each adjacent pair (1-based; default
        1, 2, ...): a derivation may check only some of an equation's ``=`` (the others
        being definitions or notation, as the ledger says)
    errata : ``{step number: erratum key}`` for the steps the paper gets wrong
    equal : optional ``equal(a, b) -> bool``, a proof (True only when a == b) for what
        ``simplify`` cannot decide; tried after the expanded difference, before ``simplify``
    rng, n_points, domain, rtol, atol : the numerical check (seeded, reproducible)

    Returns a :class:`DerivationCheck`; raises
    :class:`~mathcalc.core.check.CheckError` when a step that should hold does not (or an
    erratum's step holds), naming the step.
    """
    sides = [_as_side(e) for e in expressions]
    if len(sides) < 2:
        raise ValueError("a derivation needs at least two expressions (one '=')")
    numbers = list(range(1, len(sides))) if steps is None else list(steps)
    if len(numbers) != len(sides) - 1 or any(not isinstance(k, int) or k < 1 for k in numbers):
        raise ValueError(f"steps must give one positive step number per '=' ({len(sides) - 1}), "
                         f"got {steps!r}")
    errata = dict(errata or {})
    unknown = set(errata) - set(numbers)
    if unknown:
        raise ValueError(f"errata name steps {sorted(unknown)} that are not in {numbers}")
    symbols = as_symbols(variables, "variables")
    free = set().union(*(s.free_symbols for s in sides)) - set(symbols)
    free = {s for s in free if not isinstance(s, sp.Dummy)}
    if free:
        raise ValueError(f"the derivation depends on {', '.join(sorted(map(str, free)))}, "
                         "which is not in variables")
    low, high = domain
    gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    points = [gen.uniform(low, high, size=len(symbols)) for _ in range(20 * n_points)]

    results = []
    for number, a, b in zip(numbers, sides, sides[1:]):
        a_val, b_val = a.doit(), b.doit()
        same_shape = _shape(a) == _shape(b)
        if not same_shape:
            results.append(StepCheck(number, a, b, False, False, False, float("inf"), 0,
                                     errata.get(number, "")))
            continue
        symbolic = _proved_equal(a_val, b_val, equal)
        numeric, worst, used = None, 0.0, 0
        if _evaluable(a_val) and _evaluable(b_val):
            numeric = True
            for point in points:
                va, vb = _evaluate(a_val, symbols, point), _evaluate(b_val, symbols, point)
                if not (np.all(np.isfinite(va)) and np.all(np.isfinite(vb))
                        and np.all(va.imag == 0) and np.all(vb.imag == 0)):
                    continue
                used += 1
                gap = np.abs(va.real - vb.real)
                worst = max(worst, float(np.max(gap)) if gap.size else 0.0)
                if np.any(gap > atol + rtol * np.abs(vb.real)):
                    numeric = False
                if used == n_points:
                    break
            if used == 0:
                raise ValueError(f"step {number}: no point in {domain} where both sides are "
                                 "real and finite: choose another domain")
        results.append(StepCheck(number, a, b, True, symbolic, numeric, worst, used,
                                 errata.get(number, "")))

    passed = all(s.as_expected for s in results)
    right = [s for s in results if not s.erratum]
    what = (f"derivation {key}: {sum(s.holds for s in right)} of {len(right)} steps hold "
            "(shape, SymPy, numbers)" if key else
            f"derivation: {sum(s.holds for s in right)} of {len(right)} steps hold")
    if errata:
        what += f"; {sum(not s.holds for s in results if s.erratum)} of {len(errata)} errata shown wrong"
    failures = tuple(s.line() for s in results if not s.as_expected)
    finite = [s.error for s in results if s.numeric is not None and np.isfinite(s.error)]
    return DerivationCheck(what, passed, {"numbers": max(finite, default=0.0)},
                           max((s.n_points for s in results), default=0),
                           all(s.symbolic for s in right) if right else None, failures,
                           key=key, steps=tuple(results)).raise_if_failed()
