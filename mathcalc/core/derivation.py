"""Derivations as data: a chain ``e_0 = e_1 = ... = e_k`` is checked one ``=`` at a time,
so a wrong middle step is named, not hidden by a right end (the equation ledger,
:mod:`mathcalc.content.ledger`, counts every ``=`` of the paper this way).

Each adjacent pair ``e_{i-1} = e_i`` is compared three ways, and refused if it compares
nothing:

1. **shape**: both sides are scalars, or matrices of one shape (an unevaluated
   ``MatMul`` keeps its shape). A 1 × n row (a gradient, numerator layout) is never equal
   to an n × 1 column, even with the same entries: give vectors as SymPy matrices of
   their component symbols (:func:`mathcalc.column`, ``.T`` for a row);
2. **symbolically**: SymPy proves ``e_{i-1} = e_i`` (the difference, with every
   ``sympy.Derivative`` evaluated by SymPy, expands or simplifies to 0), or the caller's
   ``equal(a, b)`` proves it, for expressions SymPy cannot simplify (ReLUs); a step whose
   difference is a rational other than 0 at a seeded rational point is refuted exactly,
   without a proof attempt;
3. **numerically**, independently of SymPy's differentiation: each side evaluated at
   seeded random points, every ``Derivative`` by finite differences of the function it
   differentiates (:mod:`mathcalc.core.compare`).

A step whose two sides are the same expression as encoded (after undoing
``UnevaluatedExpr`` and ``evaluate=False``) is reported as such: it cannot fail, so it
does not hold, and the ledger refuses to count it as checked. Where the two halves
disagree (SymPy says one thing, the numbers another) the report says so.

A step the paper gets wrong is named in ``errata={step: erratum_key}``: it must *fail*
(the check shows the erratum happen) and is reported as an erratum, not a pass.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import sympy as sp

from .check import CheckResult
from .compare import compare, explicit
from .validate import as_symbols


@dataclass(frozen=True)
class StepCheck:
    """One ``=`` of a derivation: its number in the equation (1-based), the two sides as
    the check received them, and the verdicts: ``shape`` (the shapes agree), ``symbolic``
    (SymPy proved it), ``numeric`` (the values agree at every point; None when a side
    cannot be evaluated, e.g. an undefined function), ``error`` the largest difference,
    ``erratum`` the erratum key when the step is expected to be wrong, ``same`` when the
    sides are one expression as encoded (a comparison that cannot fail), ``method`` how
    the numbers evaluated derivatives."""

    number: int
    left: object
    right: object
    shape: bool
    symbolic: bool
    numeric: bool | None
    error: float
    n_points: int
    erratum: str = ""
    same: bool = False
    method: str = ""

    @property
    def holds(self) -> bool:
        """The step is right and was tested: shapes agree, SymPy proves it, the numbers
        agree, and the two sides are not one expression."""
        return self.shape and self.symbolic and self.numeric is True and not self.same

    @property
    def as_expected(self) -> bool:
        """An erratum's step is shown wrong; any other step is not shown wrong (it holds,
        or SymPy proves it where numbers cannot evaluate it, or it compares an expression
        with itself: then it does not count as checked, but it is no failure)."""
        if self.erratum:
            return not self.holds and not self.same
        return self.shape and self.symbolic and self.numeric is not False

    @property
    def disagree(self) -> bool:
        """The two halves disagree: SymPy says one thing, the numbers the other."""
        return self.shape and self.numeric is not None and self.symbolic != self.numeric

    def line(self) -> str:
        """One line of the report; the ledger's test reads these (``step N: ...``)."""
        mark = lambda ok: "✓" if ok else ("–" if ok is None else "✗")  # noqa: E731
        if not self.shape:
            left, right = _shape(self.left), _shape(self.right)
            verdict = f"✗ shape: {left} = {right}"
            if "scalar" not in (left, right) and left == "×".join(right.split("×")[::-1]):
                vector = left.startswith("1×") or right.startswith("1×")
                verdict += " (a row is not a column)" if vector else " (the transpose)"
        elif self.same:
            verdict = ("– one expression on both sides once SymPy builds them: the check "
                       "compares nothing")
        else:
            numbers = ("numbers not evaluable" if self.numeric is None else
                       f"{mark(self.numeric)} numbers (largest difference {self.error:.1e}, "
                       f"{self.n_points} points{', ' + self.method if self.method else ''})")
            verdict = f"{mark(self.symbolic)} SymPy, {numbers}"
            if self.disagree:
                verdict += "  [the two halves disagree]"
        tail = ""
        if self.erratum:
            tail = (f"  [erratum {self.erratum}: shown wrong]" if not self.holds and not self.same
                    else f"  [erratum {self.erratum}: NOT shown wrong]")
        return f"step {self.number}: {verdict}{tail}"

    def sides(self) -> str:
        """The two sides as the check received them, compactly (a large matrix by its
        shape and first entries)."""
        return f"{_compact(self.left)}  =  {_compact(self.right)}"


@dataclass(frozen=True)
class DerivationCheck(CheckResult):
    """A :class:`~mathcalc.core.check.CheckResult` for a derivation, with each step's
    :class:`StepCheck` in ``steps`` and the ledger ``key`` it checks ('' for none)."""

    key: str = ""
    steps: tuple[StepCheck, ...] = field(default_factory=tuple)

    def __str__(self) -> str:
        # ✓ only over a check that confirmed something: a step that holds, or an erratum
        # shown wrong; a check that passed but compared nothing gets "–"
        confirmed = any(s.holds or (s.erratum and s.as_expected) for s in self.steps)
        mark = "✗" if not self.passed else ("✓" if confirmed else "–")
        lines = [f"{mark} {self.what}"]
        for s in self.steps:
            lines += [f"  {s.line()}", f"      {s.sides()}"]
        return "\n".join(lines)

    __repr__ = __str__


def _shape(e) -> str:
    if isinstance(e, (sp.MatrixBase, sp.MatrixExpr)):
        return f"{e.shape[0]}×{e.shape[1]}"
    return "scalar"


def _sstr(e) -> str:
    # the order the form was built in (the paper's: 1 + 0, 0 + z), not SymPy's sorted order
    return sp.sstr(e, order="none")


def _compact(e, width: int = 40) -> str:
    if isinstance(e, sp.MatMul):
        text = " · ".join(_compact(a, width) for a in e.args)
        return text if len(text) <= width else f"{_shape(e)} product [{text[:width - 14]}…]"
    if isinstance(e, (sp.MatrixBase, sp.MatrixExpr)):
        text = _sstr(e)
        if isinstance(e, sp.MatrixBase):
            text = _sstr(e.tolist())
        if len(text) > width:
            entries = ", ".join(_sstr(v) for v in list(sp.Matrix(e))[:2]) \
                if isinstance(e, sp.MatrixBase) else _sstr(e)
            text = f"{_shape(e)} matrix [{entries}, ...]"
    else:
        text = _sstr(e)
    return text if len(text) <= width else text[: width - 1] + "…"


def _as_side(e):
    if isinstance(e, sp.MatrixBase):
        return sp.ImmutableMatrix(e)
    if isinstance(e, sp.MatrixExpr):
        return e
    if isinstance(e, (list, tuple, np.ndarray)):
        raise ValueError("a side of a derivation is a SymPy expression or a sympy.Matrix "
                         f"(give vectors their shape), got {type(e).__name__}")
    if isinstance(e, str):
        raise ValueError(f"a side of a derivation is a SymPy expression, got the string {e!r}")
    return sp.sympify(e)


def as_encoded(e):
    """``e`` with every ``UnevaluatedExpr`` and ``evaluate=False`` undone (products, sums,
    powers and unevaluated matrix products evaluated), every ``Derivative`` and ``Subs``
    kept as written: two sides that are equal here are one expression."""
    if isinstance(e, sp.MatrixExpr) and not isinstance(e, sp.MatrixBase):
        e = explicit(e)
    if isinstance(e, sp.MatrixBase):
        return sp.ImmutableMatrix(e.shape[0], e.shape[1], [as_encoded(v) for v in e])
    if isinstance(e, sp.UnevaluatedExpr):
        return as_encoded(e.args[0])
    if not isinstance(e, sp.Basic) or e.is_Atom or not e.args:
        return e
    args = [as_encoded(a) for a in e.args]
    if isinstance(e, (sp.Derivative, sp.Subs)):
        return e.func(*args, evaluate=False) if isinstance(e, sp.Derivative) else e.func(*args)
    try:
        return e.func(*args)
    except TypeError:
        return e


def same_expression(a, b) -> bool:
    """The two sides are one expression as encoded (:func:`as_encoded`)."""
    return sp.srepr(as_encoded(a)) == sp.srepr(as_encoded(b))


def _evaluated(e):
    """A side with SymPy's derivatives done (for the symbolic half only)."""
    if isinstance(e, sp.MatrixExpr) and not isinstance(e, sp.MatrixBase):
        return sp.Matrix(e.doit())
    if isinstance(e, sp.MatrixBase):
        return sp.Matrix(e.doit())
    return e.doit()


def _is_zero(difference) -> bool:
    return bool(difference == 0 or (isinstance(difference, sp.MatrixBase)
                                    and difference.is_zero_matrix))


def _refuted_exactly(difference, symbols, seed, domain=(-2.0, 2.0), n_points: int = 3) -> bool:
    """SymPy refutes ``difference == 0`` exactly: at one of ``n_points`` seeded points of
    rationals inside ``domain`` (the numbers' domain: a step may hold only there) the
    difference (SymPy's derivatives done) is a rational number other than 0,
    in some entry for matrices. A counterexample in exact arithmetic, so it needs no
    ``simplify``; where a side is not rational there (sin, exp, an undefined function, a
    pole), it refutes nothing."""
    gen = np.random.default_rng(seed)
    entries = list(difference) if isinstance(difference, sp.MatrixBase) else [difference]
    for _ in range(n_points):
        lo, hi = (sp.nsimplify(v) for v in domain)
        point = {s: lo + (hi - lo) * sp.Rational(int(gen.integers(1, 97)), 97) for s in symbols}
        for entry in entries:
            value = entry.xreplace(point).doit()
            if isinstance(value, sp.Rational) and value != 0:
                return True
    return False


def _proved_equal(a, b, equal, symbols=(), seed=0, domain=(-2.0, 2.0)) -> bool:
    """SymPy proves ``a == b``: the expanded difference is 0, or the caller's ``equal``
    says so, or ``simplify`` of the difference is 0. Any one is a proof; the cheap ones go
    first (``simplify`` of a difference of Piecewise cases takes seconds). A difference
    SymPy refutes exactly (:func:`_refuted_exactly`) is not tried further."""
    difference = a - b
    expanded = difference.applyfunc(sp.expand) if isinstance(difference, sp.MatrixBase) \
        else sp.expand(difference)
    if _is_zero(expanded):
        return True
    if _refuted_exactly(difference, symbols, seed, domain):
        return False
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
    gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    seed = int(gen.integers(2**32))  # one stream of points, the same for every step

    results = []
    for number, a, b in zip(numbers, sides, sides[1:]):
        erratum = errata.get(number, "")
        if _shape(a) != _shape(b):
            results.append(StepCheck(number, a, b, False, False, False, float("inf"), 0,
                                     erratum))
            continue
        if same_expression(a, b):
            results.append(StepCheck(number, a, b, True, True, None, 0.0, 0, erratum,
                                     same=True))
            continue
        symbolic = _proved_equal(_evaluated(a), _evaluated(b), equal, symbols, seed, domain)
        try:
            numbers_ = compare(a, b, symbols, rng=seed, n_points=n_points, domain=domain,
                               rtol=rtol, atol=atol)
        except ValueError as error:
            raise ValueError(f"step {number}: {error}") from None
        results.append(StepCheck(number, a, b, True, symbolic, numbers_.agree, numbers_.largest,
                                 numbers_.n_points, erratum, method=numbers_.method
                                 if numbers_.agree is not None else ""))

    passed = all(s.as_expected for s in results)
    right = [s for s in results if not s.erratum]
    tested = [s for s in right if not s.same]
    what = (f"derivation {key}: {sum(s.holds for s in tested)} of {len(tested)} steps "
            "confirmed (shape, SymPy, numbers)" if key else
            f"derivation: {sum(s.holds for s in tested)} of {len(tested)} steps confirmed")
    if errata:
        what += (f"; {sum(not s.holds and not s.same for s in results if s.erratum)} of "
                 f"{len(errata)} errata shown wrong")
    same = [s.number for s in results if s.same]
    if same:
        what += (f"; step {same[0]} is one expression on both sides, not tested" if len(same) == 1
                 else f"; steps {', '.join(map(str, same))} are one expression on both sides, "
                 "not tested")
    failures = tuple(s.line() for s in results if not s.as_expected)
    finite = [s.error for s in results if s.numeric is not None and np.isfinite(s.error)]
    return DerivationCheck(what, passed, {"numbers": max(finite, default=0.0)} if finite else {},
                           max((s.n_points for s in results), default=0),
                           all(s.symbolic for s in right if not s.same) if right else None,
                           failures, key=key, steps=tuple(results)).raise_if_failed()
