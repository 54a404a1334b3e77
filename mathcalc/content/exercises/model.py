"""Exercises as data, and a self-check a reader calls on their own answer.

An :class:`Exercise` holds the prompt, the functions ``fs`` and variables ``xs`` whose
derivative is asked for, and the solution text. :func:`check_answer` compares a reader's
answer (a SymPy expression or matrix) with the expected derivative twice: symbolically,
against SymPy's Jacobian of the functions, and numerically at seeded random points,
against finite differences of the functions themselves (never SymPy's derivative:
:mod:`mathcalc.core.compare`). It says where they differ: which entry, at which point,
both values.

Numerator layout throughout (Parr & Howard §4.1): the expected derivative of m functions
of n variables is m x n, rows are outputs; a gradient is a 1 x n row. Entries are reported
1-based, as the paper indexes them (row i is f_i, column j is x_j).

>>> import sympy as sp
>>> x, y = sp.symbols("x y", real=True)
>>> check_answer(sp.Matrix([[2*x*y, x**2]]), (x**2 * y, [x, y])).correct
True
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import sympy as sp

from ...core.check import CheckResult as _Check
from ...core.compare import compare
from ...core.symbolic import jacobian
from ...core.validate import as_expressions, as_symbols


@dataclass(frozen=True)
class Exercise:
    """One exercise: find the derivative of ``fs`` with respect to ``xs``.

    ``prompt`` and ``solution`` are Markdown with ``$...$`` math; ``fs`` and ``xs`` are as
    for :func:`mathcalc.jacobian`; ``domain`` is where the numerical check draws its points
    (inside the functions' domain, e.g. (0.5, 2) for a logarithm); ``n_points`` how many:
    12 by default, so that an answer wrong on one side of a kink (a ReLU's z = 0) is met
    by some point with near certainty (a 1 in 4096 chance to miss, against 1 in 32 for 5).
    """

    key: str  # "2.1": chapter number and exercise number
    prompt: str
    fs: object
    xs: object
    solution: str
    domain: tuple[float, float] = (-2.0, 2.0)
    n_points: int = 12

    def expected(self) -> sp.Matrix:
        """The expected derivative: the numerator-layout Jacobian of ``fs`` (m x n)."""
        return jacobian(self.fs, self.xs)

    def check(self, answer, **kwargs) -> "AnswerCheck":
        """:func:`check_answer` of ``answer`` for this exercise (keyword arguments pass on)."""
        kwargs.setdefault("domain", self.domain)
        kwargs.setdefault("n_points", self.n_points)
        return check_answer(answer, (self.fs, self.xs), **kwargs)

    def markdown(self) -> str:
        """The exercise as MyST Markdown: the prompt, then the solution in a dropdown that
        the HTML shows closed (a toggle), with the self-check call the reader can run."""
        return (f"**Exercise {self.key}.** {self.prompt}\n\n"
                ":::{admonition} Solution\n:class: dropdown\n\n"
                f"{self.solution}\n:::\n")


@dataclass(frozen=True)
class Difference:
    """One entry where the answer differs: 1-based ``row``, ``column``, both expressions,
    and a point where their values differ (``point`` maps variable names to values)."""

    row: int
    column: int
    yours: sp.Expr
    expected: sp.Expr
    point: dict
    your_value: float
    expected_value: float

    def __str__(self) -> str:
        at = ", ".join(f"{k}={v:.6g}" for k, v in self.point.items())
        return (f"entry (row {self.row}, column {self.column}): yours {self.yours}, "
                f"expected {self.expected}; at {at}: yours {self.your_value + 0.0:.6g}, "
                f"expected {self.expected_value + 0.0:.6g}")  # + 0.0 prints -0.0 as 0


@dataclass(frozen=True)
class AnswerCheck(_Check):
    """The verdict of :func:`check_answer`: a :class:`mathcalc.core.check.CheckResult`
    (``passed``, ``errors``, ``n_points``, ``symbolic``) with what a reader needs to fix
    their answer: the ``shape`` of the derivative, the ``differences`` (the differing
    entries, each with a point and both values) and whether the answer is the expected one
    ``transposed`` (the other layout). ``bool(result)`` and ``result.correct`` are
    ``result.passed``; ``symbolic`` says whether SymPy proved the difference zero (it may
    fail to prove a true identity, so the numbers decide)."""

    shape: tuple[int, int] = (1, 1)
    differences: tuple[Difference, ...] = ()
    transposed: bool = False

    @property
    def correct(self) -> bool:
        return self.passed

    def __str__(self) -> str:
        m, n = self.shape
        if self.correct:
            how = "symbolically and" if self.symbolic else "(SymPy could not simplify the difference to 0, but)"
            return f"✓ correct: equals the expected {m}x{n} derivative {how} at {self.n_points} random points"
        lines = [f"✗ not correct: {len(self.differences)} of {m * n} entries differ"]
        lines += [f"  {d}" for d in self.differences]
        if self.transposed:
            lines.append("  your answer is the transpose of the expected one: this book uses "
                         "numerator layout (rows are outputs, §4.1)")
        return "\n".join(lines)

    __repr__ = __str__


def _as_matrix(value, what: str) -> sp.Matrix:
    if isinstance(value, str):
        raise ValueError(f"{what} is a string {value!r}: build it from SymPy symbols, "
                         "e.g. x = sympy.Symbol('x'); 2*x")
    if isinstance(value, np.ndarray):
        raise ValueError(f"{what} is a NumPy array: give a SymPy expression or sympy.Matrix, "
                         "so it can be compared at any point")
    if isinstance(value, sp.MatrixBase):
        return sp.Matrix(value)
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(r, (list, tuple)) for r in value):
            rows = [as_expressions(list(r), name=what) for r in value]
            if len({len(r) for r in rows}) != 1:
                raise ValueError(f"{what}: the rows have different lengths")
            return sp.Matrix(rows)
        return sp.Matrix([as_expressions(list(value), name=what)])  # a list is a 1 x n row
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (sp.Basic, int, float)):
        raise ValueError(f"{what} must be a SymPy expression or matrix, got "
                         f"{type(value).__name__} {value!r}")
    expr = sp.sympify(value)
    if not isinstance(expr, sp.Expr):
        raise ValueError(f"{what} = {value!r} is not a SymPy expression")
    return sp.Matrix([[expr]])


@functools.lru_cache(maxsize=1024)
def _simplifies_to_zero(difference: sp.ImmutableMatrix) -> bool:
    """SymPy proves every entry of ``difference`` zero (cached: a reader, or a test, checks
    the same answer at several seeds)."""
    return all(sp.simplify(e) == 0 for e in difference)


def check_answer(answer, expected, xs=None, *, rng=0, n_points: int = 5,
                 domain=(-2.0, 2.0), rtol: float = 1e-9, atol: float = 1e-9) -> AnswerCheck:
    """Is ``answer`` the right derivative? If not, where does it differ?

    Parameters
    ----------
    answer : SymPy expression, ``sympy.Matrix``, a list (a 1 x n row) or list of rows
        The reader's derivative, in numerator layout.
    expected : SymPy expression or matrix, or a pair ``(fs, xs)``
        The right derivative, or the functions and variables to differentiate (then the
        expected derivative is ``jacobian(fs, xs)``, m x n).
    xs : the variables, optional; default the ``xs`` of the pair, else all free symbols
        of both sides sorted by name.
    rng : seed or ``numpy.random.Generator`` for the ``n_points`` random points, drawn
        uniformly from ``domain`` in every variable (points where either side is not real
        and finite are skipped).

    Returns
    -------
    AnswerCheck
        ``correct``, ``symbolic`` and the differing entries with a point and both values.

    Raises
    ------
    ValueError
        A non-SymPy answer (a string, a NumPy array), a shape other than the expected one
        (the message says if it is the transpose), or an answer that uses a symbol that is
        not one of the variables.
    """
    fs_list = pair_xs = None
    if isinstance(expected, tuple) and len(expected) == 2:
        fs, pair_xs = expected
        xs = pair_xs if xs is None else xs
        expected_m = jacobian(fs, pair_xs)
        fs_list, pair_xs = as_expressions(fs), as_symbols(pair_xs)
    else:
        expected_m = _as_matrix(expected, "expected")
    answer_m = _as_matrix(answer, "answer")
    # A reader's sympy.Symbol("x") and the exercise's Symbol("x", real=True) are different
    # SymPy symbols: match them by name.
    known = {str(s): s for s in expected_m.free_symbols}
    if xs is not None:
        known.update({str(s): s for s in as_symbols(xs)})
    answer_m = answer_m.subs({s: known[str(s)] for s in answer_m.free_symbols
                              if str(s) in known and known[str(s)] != s})
    if answer_m.shape != expected_m.shape:
        hint = (" (that is the transposed, denominator layout; this book uses numerator "
                "layout: one row per function, one column per variable, §4.1)"
                if answer_m.shape == expected_m.T.shape else "")
        raise ValueError(f"the answer has shape {answer_m.shape[0]}x{answer_m.shape[1]} but the "
                         f"derivative is {expected_m.shape[0]}x{expected_m.shape[1]}{hint}")
    if xs is None:
        symbols = sorted(answer_m.free_symbols | expected_m.free_symbols, key=str)
    else:
        symbols = as_symbols(xs)
        extra = answer_m.free_symbols - set(symbols) - expected_m.free_symbols
        if extra:
            raise ValueError(f"the answer uses {', '.join(sorted(map(str, extra)))}, which is "
                             f"not a variable of the exercise ({', '.join(map(str, symbols))})")
        # parameters of the functions (a constant c, say) get random values too
        symbols += sorted(expected_m.free_symbols - set(symbols), key=str)
    low, high = domain
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise ValueError(f"domain must be (low, high) with low < high, got {domain!r}")

    symbolic = _simplifies_to_zero(sp.ImmutableMatrix(answer_m - expected_m))

    # the numbers: the answer against finite differences of the functions (an expected
    # matrix given as such is evaluated as it is)
    numeric_expected = (sp.Matrix([[sp.Derivative(f, x) for x in pair_xs] for f in fs_list])
                        if fs_list is not None else expected_m)
    # every symbol of the functions needs a value (one may vanish from the derivative)
    symbols += sorted(numeric_expected.free_symbols - set(symbols), key=str)
    try:
        numbers = compare(answer_m, numeric_expected, symbols, rng=rng, n_points=n_points,
                          domain=domain, rtol=rtol, atol=atol)
    except ValueError as error:
        raise ValueError(f"no point in {domain} where both sides are real and finite: "
                         "choose another domain") from error
    if numbers.agree is None:
        raise ValueError("the numbers cannot evaluate the answer or the functions (an "
                         "undefined function?): give SymPy expressions of the variables")
    found = {}
    for (i, j), point, mine, right in numbers.differences:
        found[(i, j)] = Difference(i + 1, j + 1, answer_m[i, j], expected_m[i, j], point,
                                   mine, right)
    checked = numbers.n_points
    differences = tuple(found[k] for k in sorted(found))
    transposed = (bool(differences) and answer_m.shape[0] == answer_m.shape[1]
                  and _simplifies_to_zero(sp.ImmutableMatrix(answer_m - expected_m.T)))
    largest = numbers.largest
    return AnswerCheck(f"the answer equals the expected {expected_m.shape[0]}x"
                       f"{expected_m.shape[1]} derivative", not differences,
                       {"values at random points": largest}, checked, symbolic,
                       tuple(str(d) for d in differences), shape=expected_m.shape,
                       differences=differences,
                       transposed=transposed)


@dataclass(frozen=True)
class Worked:
    """An exercise with its solution as SymPy (``answer``) and a typical ``mistake``."""

    exercise: Exercise
    answer: object
    mistake: object


def worked(key, prompt, fs, xs, solution, answer, mistake, domain=(-2.0, 2.0)) -> Worked:
    """One worked exercise: ``key`` is "chapter.number" (the book's chapter numbers)."""
    return Worked(Exercise(key, prompt, fs, xs, solution, domain), answer, mistake)
