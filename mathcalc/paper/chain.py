"""The chain rules of Parr & Howard §4.5.1-§4.5.2 carried out on any SymPy expression.

The paper's four-step procedure for dy/dx (§4.5.1):

1. introduce an intermediate variable for every operator, innermost first: u1, u2, ...;
2. differentiate each with respect to its parameter (du_i/du_{i-1}, not d/dx);
3. combine by multiplying the derivatives;
4. substitute the intermediate variables back.

:func:`intermediate_variables` does step 1 from the expression tree itself,
:func:`chain_rule` does all four (it refuses expressions in which an operator has two
different operands that depend on x, so that x reaches y along several paths, where the
single-variable rule gives wrong answers; an operator that uses one operand twice, as in
x**x, is one step, which SymPy differentiates whole) and :func:`total_derivative`
does the §4.5.2 form, which sums the contributions of every operand. Every result is data
(SymPy expressions); :mod:`mathcalc.display.show` renders it (``chain_rule_table``,
``chain_rule_product``, ``chain_rule_substitution``, ``total_derivative_table``). All
derivatives here are of one scalar y by one scalar x.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

_POWER_NAMES = {2: "square", 3: "cube", -1: "reciprocal", sp.Rational(1, 2): "sqrt"}


@dataclass(frozen=True)
class Intermediate:
    """One intermediate variable ``name = expr`` of §4.5.1 step 1.

    ``expr`` is written in the operands (x or earlier u's); ``operands`` lists them in
    order; ``partials[p]`` is ∂expr/∂p for each operand p; ``op`` names the operator
    ("sin", "square", "+", ...); ``value`` is the subexpression of x it stands for.
    """

    name: sp.Symbol
    expr: sp.Expr
    operands: tuple[sp.Symbol, ...]
    op: str
    partials: dict
    value: sp.Expr


def _op_label(e: sp.Expr) -> str:
    if isinstance(e, sp.Pow) and not e.exp.free_symbols:
        return _POWER_NAMES.get(e.exp, f"power {e.exp}")
    if isinstance(e, sp.Add):
        return "+"
    if isinstance(e, sp.Mul):
        return "×"
    if isinstance(e, sp.log):
        return "ln"
    return e.func.__name__


def _check(expr, x) -> sp.Expr:
    if not isinstance(x, sp.Symbol):
        raise ValueError(f"x must be a SymPy symbol, got {x!r}")
    expr = sp.sympify(expr)
    if not isinstance(expr, sp.Expr):
        raise ValueError(f"expr must be a scalar SymPy expression, got {type(expr).__name__}")
    others = expr.free_symbols - {x}
    if others:
        raise ValueError(f"expr depends on {', '.join(sorted(map(str, others)))} besides {x}: "
                         "substitute values or differentiate a function of x alone")
    if not expr.has(x):
        raise ValueError(f"expr = {expr} does not depend on {x}: its derivative is 0")
    return expr


def intermediate_variables(expr, x: sp.Symbol, prefix: str = "u") -> tuple[Intermediate, ...]:
    """Step 1 of §4.5.1: one intermediate variable per operator, innermost first.

    A post-order walk of SymPy's expression tree: constants stay inside their operator
    (3x is one variable), repeated subexpressions get one name. The last variable is y.
    ``ln(sin(x**3)**2)`` gives the paper's u1 = x³, u2 = sin(u1), u3 = u2², u4 = ln(u3).
    Returns an empty tuple for ``expr == x``.
    """
    expr = _check(expr, x)
    names: dict[sp.Expr, sp.Symbol] = {}
    steps: list[Intermediate] = []

    def visit(e):
        if e == x or not e.has(x):
            return e
        if e in names:
            return names[e]
        args = [visit(a) for a in e.args]
        local = e.func(*args)
        operands = tuple(dict.fromkeys(a for a in args if isinstance(a, sp.Symbol)
                                       and (a == x or a in names.values())))
        name = sp.Symbol(f"{prefix}{len(steps) + 1}", real=True)
        partials = {p: sp.diff(local, p) for p in operands}
        steps.append(Intermediate(name, local, operands, _op_label(e), partials, e))
        names[e] = name
        return name

    visit(expr)
    return tuple(steps)


def _back_substitution(expr, steps):
    """Substitute u_{N-1}, then u_{N-2}, ..., u_1 (step 4); every stage, in order."""
    stages = [expr]
    for s in reversed(steps[:-1]):
        if stages[-1].has(s.name):
            stages.append(stages[-1].subs(s.name, s.expr))
    return tuple(stages)


@dataclass(frozen=True)
class ChainRule:
    """The four steps of the single-variable chain rule for y = expr(x) (§4.5.1).

    ``derivatives[i]`` is du_{i+1}/d(parameter), in the intermediate variables;
    ``product`` their product (step 3); ``stages`` the back-substitution (step 4), ending
    in ``result``, dy/dx as a function of x.
    """

    x: sp.Symbol
    expr: sp.Expr
    steps: tuple[Intermediate, ...]
    derivatives: tuple[sp.Expr, ...]
    product: sp.Expr
    stages: tuple[sp.Expr, ...]

    @property
    def result(self) -> sp.Expr:
        return self.stages[-1]


def chain_rule(expr, x: sp.Symbol) -> ChainRule:
    """dy/dx for y = expr(x) by the paper's four-step single-variable chain rule (§4.5.1).

    Raises ``ValueError`` if some operator has more than one distinct operand that depends
    on x (x reaches y along several paths, as in x + x²; x**x, one operand used twice,
    is accepted as a single step): then the single-variable chain rule
    does not apply and :func:`total_derivative` is needed (§4.5.2).
    """
    steps = intermediate_variables(expr, x)
    for s in steps:
        if len(s.operands) > 1:
            raise ValueError(
                f"{s.name} = {s.expr} has {len(s.operands)} operands that depend on {x} "
                f"({', '.join(map(str, s.operands))}): {x} reaches y along more than one "
                "path, so the single-variable chain rule does not apply; use "
                "total_derivative (Parr & Howard §4.5.2)")
    derivatives = tuple(s.partials[s.operands[0]] for s in steps)
    product = sp.Mul(*derivatives) if steps else sp.Integer(1)
    stages = _back_substitution(product, steps) if steps else (product,)
    return ChainRule(x, sp.sympify(expr), steps, derivatives, product, stages)


@dataclass(frozen=True)
class TotalDerivative:
    """The single-variable total-derivative chain rule for y = expr(x) (§4.5.2).

    For each intermediate u_i: du_i/dx = Σ_p ∂u_i/∂p · dp/dx over its operands p (with
    dx/dx = 1). ``totals[i]`` is that sum for u_{i+1} as a function of x; ``result`` is
    the last one, dy/dx.
    """

    x: sp.Symbol
    expr: sp.Expr
    steps: tuple[Intermediate, ...]
    totals: tuple[sp.Expr, ...]

    @property
    def result(self) -> sp.Expr:
        return self.totals[-1]

    def total_of(self, p) -> sp.Expr:
        """d p/dx for an operand p: 1 for x itself, else the total derivative of p."""
        if p == self.x:
            return sp.Integer(1)
        return self.totals[[s.name for s in self.steps].index(p)]

    def dot_form(self) -> tuple[list, sp.Matrix, sp.Matrix]:
        """The final form of §4.5.2 with the alias u_{n+1} = x, as a dot product.

        For y = f(u_1, ..., u_n, u_{n+1} = x), with u_1 ... u_n the intermediate variables
        below y: returns (the names [u_1, ..., u_n, x], the row ∂f/∂u (1 × (n+1), in the
        names) and the column ∂u/∂x ((n+1) × 1, total derivatives as functions of x)).
        Their product, with the names substituted, is dy/dx.
        """
        top, below = self.steps[-1], self.steps[:-1]
        names = [s.name for s in below] + [self.x]
        row = sp.Matrix([[sp.diff(top.expr, u) for u in names]])
        column = sp.Matrix([self.total_of(u) for u in names])
        return names, row, column

    def dot_value(self) -> sp.Expr:
        """∂f/∂u · ∂u/∂x with the intermediate variables substituted: equals ``result``."""
        _, row, column = self.dot_form()
        value = (row * column)[0, 0]
        return substitute(value, self.steps)


def substitute(expr, steps) -> sp.Expr:
    """Replace every intermediate variable of ``steps`` in ``expr`` by its value in x."""
    return sp.sympify(expr).subs({s.name: s.value for s in steps})


def total_derivative(expr, x: sp.Symbol) -> TotalDerivative:
    """dy/dx by the single-variable total-derivative chain rule (§4.5.2), for any expr(x).

    Works whether x reaches y along one path or several; with one path it reduces to
    :func:`chain_rule`'s product.
    """
    steps = intermediate_variables(expr, x)
    totals: list[sp.Expr] = []
    lookup = {}
    for s in steps:
        total = sum((s.partials[p] * (sp.Integer(1) if p == x else lookup[p]) for p in s.operands),
                    sp.Integer(0))
        total = sp.factor(substitute(total, steps))
        lookup[s.name] = total
        totals.append(total)
    return TotalDerivative(x, sp.sympify(expr), steps, tuple(totals or [sp.Integer(1)]))
