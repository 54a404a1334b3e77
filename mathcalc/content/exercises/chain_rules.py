"""Exercises of the part "The chain rules": chapters 8 (§4.5.1) to 10 (§4.5.3).

Each exercise is solved the paper's way: introduce intermediate variables, differentiate
each with respect to its own parameters, combine (multiply along a path, sum over paths,
multiply Jacobians), substitute back. Its typical mistake is the one the paper warns
about in that section: a derivative taken with respect to the wrong variable, a forgotten
path, path terms multiplied instead of summed, Jacobians multiplied in the wrong order,
off-diagonal terms dropped, the transposed (denominator) layout.
"""
from __future__ import annotations

import sympy as sp

from .model import Worked, worked as _ex

x = sp.Symbol("x", real=True)
x1, x2 = sp.symbols("x1 x2", real=True)
w1, w2 = sp.symbols("w1 w2", real=True)

_sigmoid = 1 / (1 + sp.exp(-x))
_c = sp.cos(x1 * x2)


EXERCISES: dict[str, tuple[Worked, ...]] = {
    "8": (  # §4.5.1: one dataflow path from x to y, multiply the derivatives along it
        _ex("8.1",
            r"Find $\frac{dy}{dx}$ for $y = (3x^2 + 1)^4$ with the single-variable chain "
            r"rule: introduce $u = 3x^2 + 1$.",
            (3 * x**2 + 1)**4, [x],
            r"With $u = 3x^2 + 1$ and $y = u^4$: $\frac{du}{dx} = 6x$ and "
            r"$\frac{dy}{du} = 4u^3$, so $\frac{dy}{dx} = \frac{dy}{du}\frac{du}{dx} = "
            r"4u^3 \cdot 6x = 24x(3x^2 + 1)^3$. Stopping at $\frac{dy}{du}$ gives "
            r"$4(3x^2 + 1)^3$, the derivative with respect to $u$, not $x$. "
            "Check: `exercise(\"8.1\").check(24*x*(3*x**2 + 1)**3)`.",
            24 * x * (3 * x**2 + 1)**3, 4 * (3 * x**2 + 1)**3),
        _ex("8.2",
            r"Find $\frac{dy}{dx}$ for $y = e^{\sin(x^2)}$ with three intermediate "
            r"variables, innermost first.",
            sp.exp(sp.sin(x**2)), [x],
            r"$u_1 = x^2$, $u_2 = \sin(u_1)$, $u_3 = e^{u_2}$ ($y = u_3$). Derivatives, each "
            r"with respect to its own parameter: $\frac{du_1}{dx} = 2x$, "
            r"$\frac{du_2}{du_1} = \cos(u_1)$, $\frac{du_3}{du_2} = e^{u_2}$. Multiply and "
            r"substitute: $\frac{dy}{dx} = e^{u_2}\cos(u_1)\,2x = 2x\cos(x^2)\,e^{\sin(x^2)}$. "
            r"Writing $\frac{du_2}{du_1}$ as $\cos(x)$, the derivative of $\sin$ taken at "
            r"$x$ instead of at $u_1$, gives the wrong $2x\cos(x)\,e^{\sin(x^2)}$.",
            2 * x * sp.cos(x**2) * sp.exp(sp.sin(x**2)),
            2 * x * sp.cos(x) * sp.exp(sp.sin(x**2))),
        _ex("8.3",
            r"The logistic sigmoid, a common neuron activation, is "
            r"$\sigma(x) = \frac{1}{1 + e^{-x}}$. Find $\frac{d\sigma}{dx}$ with the chain "
            r"$u_1 = -x$, $u_2 = e^{u_1}$, $u_3 = 1 + u_2$, $u_4 = \frac{1}{u_3}$.",
            _sigmoid, [x],
            r"$\frac{du_1}{dx} = -1$, $\frac{du_2}{du_1} = e^{u_1}$, $\frac{du_3}{du_2} = 1$, "
            r"$\frac{du_4}{du_3} = -\frac{1}{u_3^2}$. The product of the four is "
            r"$-\frac{1}{u_3^2}\cdot 1 \cdot e^{u_1}\cdot(-1) = \frac{e^{-x}}{(1 + e^{-x})^2}$, "
            r"which is $\sigma(x)(1 - \sigma(x))$. Forgetting the first factor, "
            r"$\frac{du_1}{dx} = -1$, flips the sign.",
            sp.exp(-x) / (1 + sp.exp(-x))**2, -sp.exp(-x) / (1 + sp.exp(-x))**2),
    ),
    "9": (  # §4.5.2: several paths from x to y, sum the contributions of all of them
        _ex("9.1",
            r"Find $\frac{dy}{dx}$ for $y = x\sin(x^2)$ with the single-variable "
            r"total-derivative chain rule: $u_1 = x^2$, $u_2 = \sin(u_1)$, $u_3 = x u_2$ "
            r"($y = u_3$).",
            x * sp.sin(x**2), [x],
            r"$x$ reaches $y$ directly, as an operand of the product, and through $u_1$. "
            r"The total derivative sums both paths: $\frac{dy}{dx} = "
            r"\frac{\partial u_3}{\partial x} + \frac{\partial u_3}{\partial u_2}"
            r"\frac{du_2}{dx} = u_2 + x\cos(u_1)\,2x = \sin(x^2) + 2x^2\cos(x^2)$, with "
            r"the partials $\frac{\partial u_3}{\partial x} = u_2$, "
            r"$\frac{\partial u_3}{\partial u_2} = x$ and the total derivative "
            r"$\frac{du_2}{dx} = \cos(u_1)\,2x$. The single-variable chain rule follows "
            r"only the path through $u_1$ and gives $2x^2\cos(x^2)$.",
            sp.sin(x**2) + 2 * x**2 * sp.cos(x**2), 2 * x**2 * sp.cos(x**2)),
        _ex("9.2",
            r"Find $\frac{dy}{dx}$ for $y = \frac{x}{1 + x^2}$ with $u_1 = x^2$, "
            r"$u_2 = 1 + u_1$, $u_3 = \frac{x}{u_2}$ ($y = u_3$).",
            x / (1 + x**2), [x],
            r"The partials of $u_3(x, u_2)$ are $\frac{\partial u_3}{\partial x} = "
            r"\frac{1}{u_2}$ and $\frac{\partial u_3}{\partial u_2} = -\frac{x}{u_2^2}$, and "
            r"$\frac{du_2}{dx} = 2x$ (a total derivative: $u_2$ depends on $x$ through $u_1$). "
            r"The total derivative **sums** the two "
            r"paths' terms, whatever the operator: $\frac{dy}{dx} = \frac{1}{1 + x^2} - "
            r"\frac{2x^2}{(1 + x^2)^2} = \frac{1 - x^2}{(1 + x^2)^2}$. Multiplying the two "
            r"terms instead gives $-\frac{2x^2}{(1 + x^2)^3}$.",
            1 / (1 + x**2) - 2 * x**2 / (1 + x**2)**2, -2 * x**2 / (1 + x**2)**3),
        _ex("9.3",
            r"Find $\frac{dy}{dx}$ for $y = (x + x^2)^2$ with $u_1 = x^2$, "
            r"$u_2 = x + u_1$, $u_3 = u_2^2$ ($y = u_3$).",
            (x + x**2)**2, [x],
            r"$u_2$ depends on $x$ directly and through $u_1$, so its total derivative is "
            r"$\frac{du_2}{dx} = \frac{\partial u_2}{\partial x} + "
            r"\frac{\partial u_2}{\partial u_1}\frac{du_1}{dx} = 1 + 1 \cdot 2x = 1 + 2x$; "
            r"then $\frac{dy}{dx} = \frac{du_3}{du_2}\frac{du_2}{dx} = 2u_2 (1 + 2x) = "
            r"2(x + x^2)(1 + 2x)$. Using the partial $\frac{\partial u_2}{\partial x} = 1$ "
            r"(which holds $u_1$ constant) in place of $\frac{du_2}{dx}$, the paper's "
            r"“Ooops!”, gives $2(x + x^2)$.",
            2 * (x + x**2) * (1 + 2 * x), 2 * (x + x**2)),
    ),
    "10": (  # §4.5.3: the Jacobian of f(g(x)) is the product (∂f/∂g)(∂g/∂x)
        _ex("10.1",
            r"Let $\mathbf{g}(x) = [x^2, 3x]^T$ and $\mathbf{f}(\mathbf{g}) = [g_1 g_2,\ "
            r"g_1 + \sin(g_2)]^T$. Find $\frac{\partial}{\partial x}\mathbf{f}(\mathbf{g}(x))$, "
            r"a $2 \times 1$ column.",
            [x**2 * 3 * x, x**2 + sp.sin(3 * x)], [x],
            r"$\frac{\partial \mathbf{f}}{\partial \mathbf{g}} = \begin{bmatrix} g_2 & g_1 \\ "
            r"1 & \cos(g_2) \end{bmatrix}$ and $\frac{\partial \mathbf{g}}{\partial x} = "
            r"\begin{bmatrix} 2x \\ 3 \end{bmatrix}$; their product is "
            r"$\begin{bmatrix} 2x g_2 + 3g_1 \\ 2x + 3\cos(g_2) \end{bmatrix} = "
            r"\begin{bmatrix} 9x^2 \\ 2x + 3\cos(3x) \end{bmatrix}$. Here "
            r"$\frac{\partial \mathbf{f}}{\partial \mathbf{g}}$ is not diagonal: keeping only "
            r"its diagonal gives $[6x^2,\ 3\cos(3x)]^T$. Check: "
            "`exercise(\"10.1\").check(sp.Matrix([9*x**2, 2*x + 3*sp.cos(3*x)]))`.",
            sp.Matrix([9 * x**2, 2 * x + 3 * sp.cos(3 * x)]),
            sp.Matrix([6 * x**2, 3 * sp.cos(3 * x)])),
        _ex("10.2",
            r"Let $\mathbf{g}(\mathbf{x}) = [x_1 + x_2,\ x_1 x_2]^T$ and "
            r"$\mathbf{f}(\mathbf{g}) = [g_1^2,\ \sin(g_2)]^T$. Find the $2 \times 2$ "
            r"Jacobian $\frac{\partial}{\partial \mathbf{x}}\mathbf{f}(\mathbf{g}(\mathbf{x}))$.",
            [(x1 + x2)**2, sp.sin(x1 * x2)], [x1, x2],
            r"$\frac{\partial \mathbf{f}}{\partial \mathbf{g}} = \text{diag}(2g_1, \cos(g_2))$ "
            r"(element-wise) and $\frac{\partial \mathbf{g}}{\partial \mathbf{x}} = "
            r"\begin{bmatrix} 1 & 1 \\ x_2 & x_1 \end{bmatrix}$. In that order, "
            r"$\frac{\partial \mathbf{f}}{\partial \mathbf{g}}\frac{\partial \mathbf{g}}"
            r"{\partial \mathbf{x}} = \begin{bmatrix} 2(x_1 + x_2) & 2(x_1 + x_2) \\ "
            r"x_2\cos(x_1x_2) & x_1\cos(x_1x_2) \end{bmatrix}$. Matrix products do not "
            r"commute: $\frac{\partial \mathbf{g}}{\partial \mathbf{x}}"
            r"\frac{\partial \mathbf{f}}{\partial \mathbf{g}}$ is a different matrix.",
            sp.Matrix([[2 * (x1 + x2), 2 * (x1 + x2)], [x2 * _c, x1 * _c]]),
            sp.Matrix([[1, 1], [x2, x1]]) * sp.diag(2 * (x1 + x2), _c)),
        _ex("10.3",
            r"A preview of the neuron: $y = \text{sum}(e^{\mathbf{w} \otimes \mathbf{x}}) = "
            r"e^{w_1x_1} + e^{w_2x_2}$. With $\mathbf{u} = \mathbf{w} \otimes \mathbf{x}$, "
            r"$\mathbf{v} = e^{\mathbf{u}}$ (element-wise) and $y = \text{sum}(\mathbf{v})$, "
            r"find the gradient $\frac{\partial y}{\partial \mathbf{w}}$, a $1 \times 2$ row.",
            sp.exp(w1 * x1) + sp.exp(w2 * x2), [w1, w2],
            r"Three Jacobians: $\frac{\partial y}{\partial \mathbf{v}} = \vec{1}^T$, "
            r"$\frac{\partial \mathbf{v}}{\partial \mathbf{u}} = \text{diag}(e^{u_i})$, "
            r"$\frac{\partial \mathbf{u}}{\partial \mathbf{w}} = \text{diag}(\mathbf{x})$. "
            r"The two diagonal ones multiply entry by entry, and $\vec{1}^T$ turns the "
            r"diagonal into a row: $\frac{\partial y}{\partial \mathbf{w}} = "
            r"[x_1e^{w_1x_1},\ x_2e^{w_2x_2}]$. Dropping "
            r"$\frac{\partial \mathbf{u}}{\partial \mathbf{w}}$ gives "
            r"$[e^{w_1x_1},\ e^{w_2x_2}]$.",
            sp.Matrix([[x1 * sp.exp(w1 * x1), x2 * sp.exp(w2 * x2)]]),
            sp.Matrix([[sp.exp(w1 * x1), sp.exp(w2 * x2)]])),
        _ex("10.4",
            r"A layout question. Let $\mathbf{g}(\mathbf{x}) = [x_1^2,\ x_2]^T$ and "
            r"$\mathbf{f}(\mathbf{g}) = [g_1 + g_2,\ g_1 g_2]^T$. Find the Jacobian "
            r"$\frac{\partial}{\partial \mathbf{x}}\mathbf{f}(\mathbf{g}(\mathbf{x}))$ in "
            r"this book's numerator layout: row $i$ is $f_i$, column $j$ is $x_j$.",
            [x1**2 + x2, x1**2 * x2], [x1, x2],
            r"$\frac{\partial \mathbf{f}}{\partial \mathbf{g}} = \begin{bmatrix} 1 & 1 \\ "
            r"g_2 & g_1 \end{bmatrix}$, $\frac{\partial \mathbf{g}}{\partial \mathbf{x}} = "
            r"\text{diag}(2x_1, 1)$, so the Jacobian is $\begin{bmatrix} 2x_1 & 1 \\ "
            r"2x_1x_2 & x_1^2 \end{bmatrix}$: the first row is the gradient of $f_1$. Its "
            r"transpose, $\begin{bmatrix} 2x_1 & 2x_1x_2 \\ 1 & x_1^2 \end{bmatrix}$, is "
            r"the denominator layout, and the self-check says so.",
            sp.Matrix([[2 * x1, 1], [2 * x1 * x2, x1**2]]),
            sp.Matrix([[2 * x1, 2 * x1 * x2], [1, x1**2]])),
    ),
}
