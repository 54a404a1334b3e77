"""Exercises of the part "Getting started": chapter 1 (§1) and chapter 2 (§2)."""
from __future__ import annotations

import sympy as sp

from .model import Worked, worked as _ex

x, y, w, b = sp.symbols("x y w b", real=True)
x1, x2, w1, w2 = sp.symbols("x1 x2 w1 w2", real=True)
xa, ya, xb, yb = sp.symbols("x_a y_a x_b y_b", real=True)


EXERCISES: dict[str, tuple[Worked, ...]] = {
    "1": (  # §1: the neuron's affine function and loss
        _ex("1.1",
            r"A neuron with two inputs computes $z = w_1x_1 + w_2x_2 + b$. Find the gradient "
            r"of $z$ with respect to its parameters, $\left[\frac{\partial z}{\partial w_1}, "
            r"\frac{\partial z}{\partial w_2}, \frac{\partial z}{\partial b}\right]$.",
            w1 * x1 + w2 * x2 + b, [w1, w2, b],
            r"Each term is a constant times one parameter, so "
            r"$\nabla z = [x_1, x_2, 1]$: the weights' derivatives are the inputs, and the "
            "bias's is 1. Check: `exercise(\"1.1\").check(sp.Matrix([[x1, x2, 1]]))`.",
            sp.Matrix([[x1, x2, 1]]), sp.Matrix([[x1, x2, 0]])),
        _ex("1.2",
            r"One sample $(x, y)$, a neuron without activation, $\hat{y} = wx + b$, and the "
            r"squared error $C = (y - (wx + b))^2$. Find $\left[\frac{\partial C}{\partial w}, "
            r"\frac{\partial C}{\partial b}\right]$.",
            (y - (w * x + b))**2, [w, b],
            r"Chain rule with $u = y - (wx + b)$: $\frac{dC}{du} = 2u$ ($C = u^2$ is a function of "
            r"$u$ alone), "
            r"$\frac{\partial u}{\partial w} = -x$, $\frac{\partial u}{\partial b} = -1$, so "
            r"$\nabla C = [-2x(y - wx - b),\ -2(y - wx - b)]$.",
            sp.Matrix([[-2 * x * (y - w * x - b), -2 * (y - w * x - b)]]),
            sp.Matrix([[2 * x * (y - w * x - b), 2 * (y - w * x - b)]])),
        _ex("1.3",
            r"Two samples $(x_a, y_a)$ and $(x_b, y_b)$ and the mean squared error "
            r"$C = \frac{1}{2}\left[(y_a - wx_a - b)^2 + (y_b - wx_b - b)^2\right]$. "
            r"Find $\frac{\partial C}{\partial w}$.",
            ((ya - w * xa - b)**2 + (yb - w * xb - b)**2) / 2, [w],
            r"The derivative of a sum is the sum of the derivatives, and the constant "
            r"$\frac{1}{2}$ stays: $\frac{\partial C}{\partial w} = -x_a(y_a - wx_a - b) "
            r"- x_b(y_b - wx_b - b)$, the average of the two samples' derivatives from "
            r"Exercise 1.2.",
            -xa * (ya - w * xa - b) - xb * (yb - w * xb - b),
            -2 * xa * (ya - w * xa - b) - 2 * xb * (yb - w * xb - b)),
    ),
    "2": (  # §2: the scalar rules
        _ex("2.1",
            r"Find $\frac{d}{dx}(5x^4 - 3x^2 + 7)$.",
            5 * x**4 - 3 * x**2 + 7, [x],
            r"Sum and difference rules, then the power rule and multiplication by a "
            r"constant on each term; the constant 7 has derivative 0: $20x^3 - 6x$.",
            20 * x**3 - 6 * x, 20 * x**3 - 6 * x + 7),
        _ex("2.2",
            r"Find $\frac{d}{dx}\,x^2\sin(x)$.",
            x**2 * sp.sin(x), [x],
            r"Product rule, $f\frac{dg}{dx} + \frac{df}{dx}g$ with $f = x^2$, "
            r"$g = \sin(x)$: $x^2\cos(x) + 2x\sin(x)$. (The derivative of a product is "
            r"*not* the product of the derivatives, $2x\cos(x)$.)",
            x**2 * sp.cos(x) + 2 * x * sp.sin(x), 2 * x * sp.cos(x)),
        _ex("2.3",
            r"Find $\frac{d}{dx}\ln(1 + x^2)$.",
            sp.log(1 + x**2), [x],
            r"Chain rule with $u = 1 + x^2$: $\frac{d}{du}\ln(u) = \frac{1}{u}$ and "
            r"$\frac{du}{dx} = 2x$, so the derivative is $\frac{2x}{1 + x^2}$. Forgetting "
            r"$\frac{du}{dx}$ gives $\frac{1}{1 + x^2}$.",
            2 * x / (1 + x**2), 1 / (1 + x**2)),
    ),
}
