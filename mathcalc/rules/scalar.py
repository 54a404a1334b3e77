"""The scalar derivative rules of Parr & Howard §2, as data.

Each rule states its general form (on undefined SymPy functions f(x), g(x) where the rule
has them; the constant and power rules on c and xⁿ), so that SymPy can confirm the rule
itself, and the paper's worked example with the paper's stated result
(so the example is checked symbolically and numerically, by :mod:`mathcalc.rules.verify`).
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

x = sp.Symbol("x", real=True)
c, n = sp.symbols("c n", real=True)
u = sp.Symbol("u", real=True)
f, g = sp.Function("f"), sp.Function("g")


@dataclass(frozen=True)
class ScalarRule:
    """One row of the §2 table.

    ``general`` is the rule's left side built from f(x), g(x), c, n; ``general_derivative``
    is the right side the paper states; ``example`` and ``example_derivative`` are the
    paper's example column, in the variable :data:`x`.
    """

    name: str
    f_latex: str
    rule_latex: str
    general: sp.Expr
    general_derivative: sp.Expr
    example: sp.Expr
    example_derivative: sp.Expr
    section: str = "§2"


SCALAR_RULES: tuple[ScalarRule, ...] = (
    ScalarRule("Constant", r"c", r"0",
               c, sp.Integer(0),
               sp.Integer(99), sp.Integer(0)),
    ScalarRule("Multiplication by constant", r"cf", r"c\frac{df}{dx}",
               c * f(x), c * sp.Derivative(f(x), x),
               3 * x, sp.Integer(3)),
    ScalarRule("Power Rule", r"x^n", r"nx^{n-1}",
               x**n, n * x**(n - 1),
               x**3, 3 * x**2),
    ScalarRule("Sum Rule", r"f + g", r"\frac{df}{dx} + \frac{dg}{dx}",
               f(x) + g(x), sp.Derivative(f(x), x) + sp.Derivative(g(x), x),
               x**2 + 3 * x, 2 * x + 3),
    ScalarRule("Difference Rule", r"f - g", r"\frac{df}{dx} - \frac{dg}{dx}",
               f(x) - g(x), sp.Derivative(f(x), x) - sp.Derivative(g(x), x),
               x**2 - 3 * x, 2 * x - 3),
    ScalarRule("Product Rule", r"fg", r"f\frac{dg}{dx} + \frac{df}{dx}g",
               f(x) * g(x), f(x) * sp.Derivative(g(x), x) + sp.Derivative(f(x), x) * g(x),
               # x²·x, written unevaluated as the paper does (SymPy would fold it to x³)
               sp.Mul(x**2, x, evaluate=False), 3 * x**2),
    ScalarRule("Chain Rule", r"f(g(x))", r"\frac{df(u)}{du}\frac{du}{dx},\ u = g(x)",
               f(g(x)), sp.Subs(sp.Derivative(f(u), u), u, g(x)) * sp.Derivative(g(x), x),
               sp.log(x**2), 2 / x),
)
