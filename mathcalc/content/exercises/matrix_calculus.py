"""Exercises of the part "Matrix calculus": chapters 3 (§3) to 7 (§4.4).

Numerator layout throughout (Parr & Howard §4.1): an answer has one row per function and
one column per variable. Vectors are written out with n = 2 or 3 explicit symbols (x1, x2,
x3, w1, ...: the names :func:`mathcalc.column` uses), so the self-check can name
the entry where an answer goes wrong.
"""
from __future__ import annotations

import sympy as sp

from .model import Worked, worked as _ex

x, y, z = sp.symbols("x y z", real=True)
x1, x2, x3 = sp.symbols("x1 x2 x3", real=True)
w1, w2, w3 = sp.symbols("w1 w2 w3", real=True)
_POSITIVE = (0.5, 2.0)  # away from 0, where a division is undefined


EXERCISES: dict[str, tuple[Worked, ...]] = {
    "3": (  # §3: partial derivatives and the gradient
        _ex("3.1",
            r"Find the gradient of $f(x, y) = 4x^3y^2 - 2y$, "
            r"$\nabla f(x, y) = \left[\frac{\partial f}{\partial x}, "
            r"\frac{\partial f}{\partial y}\right]$.",
            4 * x**3 * y**2 - 2 * y, [x, y],
            r"For $\frac{\partial}{\partial x}$, $y$ is a constant, but of two kinds: "
            r"$-2y$ is a constant *term*, whose derivative is 0, while $y^2$ in $4x^3y^2$ "
            r"is a constant *factor*, which stays: "
            r"$\frac{\partial f}{\partial x} = 4y^2 \cdot 3x^2 = 12x^2y^2$. For "
            r"$\frac{\partial}{\partial y}$, $4x^3$ is the constant factor: "
            r"$\frac{\partial f}{\partial y} = 4x^3 \cdot 2y - 2 = 8x^3y - 2$. So "
            r"$\nabla f = [12x^2y^2,\ 8x^3y - 2]$, a $1 \times 2$ row. Dropping the "
            r"constant factor along with the constant term, "
            r"$\frac{\partial f}{\partial x} = 12x^2$, is the typical slip. Check: "
            "`exercise(\"3.1\").check(sp.Matrix([[12*x**2*y**2, 8*x**3*y - 2]]))`.",
            sp.Matrix([[12 * x**2 * y**2, 8 * x**3 * y - 2]]),
            sp.Matrix([[12 * x**2, 8 * x**3 * y - 2]])),
        _ex("3.2",
            r"The squared difference $f(x, y) = (x - y)^2$ is the loss of §1 in "
            r"miniature. Find $\nabla f(x, y)$.",
            (x - y)**2, [x, y],
            r"Chain rule with $u = x - y$: $\frac{df}{du} = 2u$, "
            r"$\frac{\partial u}{\partial x} = 1$ and $\frac{\partial u}{\partial y} = -1$, "
            r"so $\nabla f = [2(x - y),\ -2(x - y)]$. The two partials are opposites, "
            r"because $x$ and $y$ enter the difference with opposite signs: a small step "
            r"up in $y$ changes $f$ as much as the same step down in $x$. Forgetting the "
            r"factor $\frac{\partial u}{\partial y} = -1$ gives $2(x - y)$ for both.",
            sp.Matrix([[2 * (x - y), -2 * (x - y)]]),
            sp.Matrix([[2 * (x - y), 2 * (x - y)]])),
        _ex("3.3",
            r"A function of three parameters, $f(x, y, z) = x e^{yz}$. Find its gradient "
            r"$\left[\frac{\partial f}{\partial x}, \frac{\partial f}{\partial y}, "
            r"\frac{\partial f}{\partial z}\right]$.",
            x * sp.exp(y * z), [x, y, z],
            r"One partial per parameter, the other two held constant. "
            r"$\frac{\partial f}{\partial x} = e^{yz}$. With respect to $y$, $x$ is a "
            r"constant factor and the chain rule with $u = yz$ gives "
            r"$\frac{\partial u}{\partial y} = z$: $\frac{\partial f}{\partial y} = xze^{yz}$; "
            r"likewise $\frac{\partial f}{\partial z} = xye^{yz}$. So "
            r"$\nabla f = [e^{yz},\ xze^{yz},\ xye^{yz}]$, a $1 \times 3$ row. Leaving out "
            r"the inner derivatives $z$ and $y$ is the typical slip.",
            sp.Matrix([[sp.exp(y * z), x * z * sp.exp(y * z), x * y * sp.exp(y * z)]]),
            sp.Matrix([[sp.exp(y * z), x * sp.exp(y * z), x * sp.exp(y * z)]])),
    ),
    "4": (  # §4 and §4.1: the Jacobian, its layouts and shapes
        _ex("4.1",
            r"Find the Jacobian of the two functions $f(x, y) = x^2y$ and "
            r"$g(x, y) = x + \sin y$ in the paper's numerator layout, "
            r"$J = \begin{bmatrix} \nabla f(x, y) \\ \nabla g(x, y) \end{bmatrix}$. "
            r"What is it in the denominator layout?",
            [x**2 * y, x + sp.sin(y)], [x, y],
            r"The rows are the gradients: $\nabla f = [2xy,\ x^2]$ and "
            r"$\nabla g = [1,\ \cos y]$, so "
            r"$J = \begin{bmatrix} 2xy & x^2 \\ 1 & \cos y \end{bmatrix}$. The denominator "
            r"layout is its transpose, one row per *variable*: "
            r"$\begin{bmatrix} 2xy & 1 \\ x^2 & \cos y \end{bmatrix}$. The self-check "
            r"expects the numerator layout, and when it is handed the transpose it says so.",
            sp.Matrix([[2 * x * y, x**2], [1, sp.cos(y)]]),
            sp.Matrix([[2 * x * y, 1], [x**2, sp.cos(y)]])),
        _ex("4.2",
            r"A vector of three functions of one scalar, "
            r"$\mathbf{f}(x) = [x^2,\ \sin x,\ e^{2x}]^T$. Find "
            r"$\frac{\partial \mathbf{f}}{\partial x}$. What shape is it?",
            [x**2, sp.sin(x), sp.exp(2 * x)], [x],
            r"One row per function, one column for the one variable: a $3 \times 1$ "
            r'column, the "vector $\mathbf{f}$, scalar $x$" cell of the table of shapes. '
            r"Row by row: $2x$, $\cos x$, and by the chain rule with $u = 2x$, $2e^{2x}$: "
            r"$\frac{\partial \mathbf{f}}{\partial x} = [2x,\ \cos x,\ 2e^{2x}]^T$. "
            r"Forgetting the inner factor 2 of $e^{2x}$ is the typical slip. To check it, "
            r"give a column: `sp.Matrix([2*x, sp.cos(x), 2*sp.exp(2*x)])` (a flat list "
            r"makes a `sympy.Matrix` column, while `check` reads a plain list as a row).",
            sp.Matrix([2 * x, sp.cos(x), 2 * sp.exp(2 * x)]),
            sp.Matrix([2 * x, sp.cos(x), sp.exp(2 * x)])),
        _ex("4.3",
            r"The identity $\mathbf{f}(\mathbf{x}) = \mathbf{x}$ has the Jacobian $I$. "
            r"Find the Jacobian of the reversal "
            r"$\mathbf{f}(\mathbf{x}) = [x_3,\ x_2,\ x_1]^T$ for $n = 3$.",
            [x3, x2, x1], [x1, x2, x3],
            r"Row $i$ is $\nabla f_i$. $f_1 = x_3$ has partial 1 with respect to $x_3$ and "
            r"0 with respect to the others, so row 1 is $[0, 0, 1]$; row 2 is "
            r"$[0, 1, 0]$ and row 3 is $[1, 0, 0]$: "
            r"$\frac{\partial \mathbf{f}}{\partial \mathbf{x}} = "
            r"\begin{bmatrix} 0 & 0 & 1 \\ 0 & 1 & 0 \\ 1 & 0 & 0 \end{bmatrix}$, the "
            r"identity with its rows reversed. It is not $I$: the identity's Jacobian is "
            r"diagonal because each $f_i$ reads only $x_i$, but here $f_1$ reads $x_3$ (and "
            r"$f_3$ reads $x_1$). (The next "
            r"chapter names that property: the element-wise diagonal condition.)",
            sp.Matrix([[0, 0, 1], [0, 1, 0], [1, 0, 0]]),
            sp.eye(3)),
    ),
    "5": (  # §4.2: element-wise binary operators
        _ex("5.1",
            r"For $\mathbf{y} = \mathbf{w} \otimes \mathbf{x}$ with $n = 2$, find the "
            r"Jacobian with respect to all four inputs at once, "
            r"$\frac{\partial \mathbf{y}}{\partial [w_1, w_2, x_1, x_2]}$, a $2 \times 4$ "
            r"matrix.",
            [w1 * x1, w2 * x2], [w1, w2, x1, x2],
            r"It is the two Jacobians side by side, "
            r"$[J_\mathbf{w}\ \ J_\mathbf{x}]$. $y_i = w_ix_i$ reads only $w_i$ and $x_i$, "
            r"so both blocks are diagonal, with "
            r"$\frac{\partial (w_ix_i)}{\partial w_i} = x_i$ and "
            r"$\frac{\partial (w_ix_i)}{\partial x_i} = w_i$: "
            r"$[\operatorname{diag}(\mathbf{x})\ \ \operatorname{diag}(\mathbf{w})] = "
            r"\begin{bmatrix} x_1 & 0 & w_1 & 0 \\ 0 & x_2 & 0 & w_2 \end{bmatrix}$. "
            r"The derivative with respect to $\mathbf{w}$ holds $\mathbf{x}$, and the other "
            r"way round: swapping the blocks is the typical slip.",
            sp.Matrix([[x1, 0, w1, 0], [0, x2, 0, w2]]),
            sp.Matrix([[w1, 0, x1, 0], [0, w2, 0, x2]])),
        _ex("5.2",
            r"For element-wise division $\mathbf{y} = \mathbf{w} \oslash \mathbf{x}$ with "
            r"$n = 3$, find $\frac{\partial \mathbf{y}}{\partial \mathbf{x}}$ "
            r"(take every $x_i \neq 0$).",
            [w1 / x1, w2 / x2, w3 / x3], [x1, x2, x3],
            r"$y_i = w_ix_i^{-1}$ reads only $x_i$ (and $w_i$), so the Jacobian is "
            r"diagonal. The power rule gives "
            r"$\frac{\partial}{\partial x_i} w_ix_i^{-1} = -w_ix_i^{-2}$: "
            r"$\frac{\partial \mathbf{y}}{\partial \mathbf{x}} = \operatorname{diag}\left("
            r"-\frac{w_1}{x_1^2}, -\frac{w_2}{x_2^2}, -\frac{w_3}{x_3^2}\right)$. Losing the "
            r"minus sign that the exponent $-1$ brings down is the typical slip.",
            sp.diag(-w1 / x1**2, -w2 / x2**2, -w3 / x3**2),
            sp.diag(w1 / x1**2, w2 / x2**2, w3 / x3**2),
            domain=_POSITIVE),
        _ex("5.3",
            r"Take $\mathbf{y} = \mathbf{f}(\mathbf{w}) \otimes \mathbf{g}(\mathbf{x})$ "
            r"with $f_i(\mathbf{w}) = w_i^2$ and $g_i(\mathbf{x}) = \sin x_i$, $n = 2$. Find "
            r"$\frac{\partial \mathbf{y}}{\partial \mathbf{w}}$.",
            [w1**2 * sp.sin(x1), w2**2 * sp.sin(x2)], [w1, w2],
            r"$f_i$ reads only $w_i$ and $g_i$ only $x_i$: the element-wise diagonal "
            r"condition holds, and the Jacobian is "
            r"$\operatorname{diag}\left(\frac{\partial}{\partial w_1}(w_1^2 \sin x_1), "
            r"\frac{\partial}{\partial w_2}(w_2^2 \sin x_2)\right)$. For "
            r"$\frac{\partial}{\partial w_i}$, $\sin x_i$ is a constant factor, so the "
            r"result is $\operatorname{diag}(2w_1\sin x_1,\ 2w_2\sin x_2)$. The derivative "
            r"of $f_i \otimes g_i$ is not the product of each function's derivative with "
            r"respect to its own argument, $\frac{\partial f_i}{\partial w_i}\frac{\partial g_i}{\partial x_i} = 2w_i\cos x_i$: "
            r"that is the typical slip.",
            sp.diag(2 * w1 * sp.sin(x1), 2 * w2 * sp.sin(x2)),
            sp.diag(2 * w1 * sp.cos(x1), 2 * w2 * sp.cos(x2))),
        _ex("5.4",
            r"When the condition fails: $\mathbf{y} = \mathbf{w} \otimes "
            r"\mathbf{g}(\mathbf{x})$ with $\mathbf{g}(\mathbf{x}) = [x_2,\ x_3,\ x_1]^T$ "
            r"(the elements of $\mathbf{x}$ rotated), so "
            r"$\mathbf{y} = [w_1x_2,\ w_2x_3,\ w_3x_1]^T$. Find "
            r"$\frac{\partial \mathbf{y}}{\partial \mathbf{x}}$.",
            [w1 * x2, w2 * x3, w3 * x1], [x1, x2, x3],
            r"$g_1$ reads $x_2$, not $x_1$: the element-wise diagonal condition fails, so "
            r"the rule $\operatorname{diag}(\mathbf{w})$ for $\mathbf{w} \otimes \mathbf{x}$ "
            r"does not apply. Go entry by entry: $y_1 = w_1x_2$ has its one non-zero partial "
            r"in column 2, $y_2 = w_2x_3$ in column 3, $y_3 = w_3x_1$ in column 1: "
            r"$\frac{\partial \mathbf{y}}{\partial \mathbf{x}} = \begin{bmatrix} 0 & w_1 & 0 "
            r"\\ 0 & 0 & w_2 \\ w_3 & 0 & 0 \end{bmatrix}$. Reaching for "
            r"$\operatorname{diag}(\mathbf{w})$ is the typical slip.",
            sp.Matrix([[0, w1, 0], [0, 0, w2], [w3, 0, 0]]),
            sp.diag(w1, w2, w3)),
    ),
    "6": (  # §4.3: scalar expansion
        _ex("6.1",
            r"For $\mathbf{y} = \mathbf{x}z$ with $n = 3$, find the Jacobian with respect "
            r"to all four variables, $\frac{\partial \mathbf{y}}{\partial [x_1, x_2, x_3, z]}$, "
            r"a $3 \times 4$ matrix.",
            [x1 * z, x2 * z, x3 * z], [x1, x2, x3, z],
            r"The first three columns are $\frac{\partial \mathbf{y}}{\partial \mathbf{x}} "
            r"= Iz$ (the product rule with $\frac{\partial z}{\partial x_i} = 0$ leaves $z$ "
            r"on the diagonal), the last is the vertical vector "
            r"$\frac{\partial \mathbf{y}}{\partial z} = \mathbf{x}$: "
            r"$\begin{bmatrix} z & 0 & 0 & x_1 \\ 0 & z & 0 & x_2 \\ 0 & 0 & z & x_3 "
            r"\end{bmatrix}$. Writing $I$ for the first block, as for $\mathbf{x} + z$, is "
            r"the typical slip.",
            sp.Matrix([[z, 0, 0, x1], [0, z, 0, x2], [0, 0, z, x3]]),
            sp.Matrix([[1, 0, 0, x1], [0, 1, 0, x2], [0, 0, 1, x3]])),
        _ex("6.2",
            r"Dividing a vector by a scalar expands the scalar too: "
            r"$\mathbf{y} = \mathbf{x} / z = \mathbf{x} \oslash \vec{1}z$. For $n = 3$ "
            r"(and $z \neq 0$), find $\frac{\partial \mathbf{y}}{\partial z}$.",
            [x1 / z, x2 / z, x3 / z], [z],
            r"The derivative with respect to a scalar is a vertical vector, one row per "
            r"$y_i$: $\frac{\partial}{\partial z} x_iz^{-1} = -x_iz^{-2}$, so "
            r"$\frac{\partial \mathbf{y}}{\partial z} = -\frac{\mathbf{x}}{z^2} = "
            r"\left[-\frac{x_1}{z^2},\ -\frac{x_2}{z^2},\ -\frac{x_3}{z^2}\right]^T$, a "
            r"$3 \times 1$ column. Each $y_i$ moves with $z$ in proportion to $x_i$: "
            r"dropping that factor, $-\frac{\vec{1}}{z^2}$, is the typical slip.",
            sp.Matrix([-x1 / z**2, -x2 / z**2, -x3 / z**2]),
            sp.Matrix([-1 / z**2, -1 / z**2, -1 / z**2]),
            domain=_POSITIVE),
        _ex("6.3",
            r"An element-wise function of an expanded product: "
            r"$\mathbf{y} = \exp(\mathbf{x}z)$, that is $y_i = e^{x_iz}$, with $n = 3$. "
            r"Find $\frac{\partial \mathbf{y}}{\partial \mathbf{x}}$.",
            [sp.exp(x1 * z), sp.exp(x2 * z), sp.exp(x3 * z)], [x1, x2, x3],
            r"$y_i$ reads only $x_i$ (and the scalar $z$), so the Jacobian is diagonal. The "
            r"chain rule with $u = x_iz$, $\frac{\partial u}{\partial x_i} = z$, gives "
            r"$\frac{\partial y_i}{\partial x_i} = ze^{x_iz}$: "
            r"$\frac{\partial \mathbf{y}}{\partial \mathbf{x}} = "
            r"\operatorname{diag}(ze^{x_1z},\ ze^{x_2z},\ ze^{x_3z})$. Forgetting the "
            r"inner factor $z$ is the typical slip.",
            sp.diag(*[z * sp.exp(v * z) for v in (x1, x2, x3)]),
            sp.diag(*[sp.exp(v * z) for v in (x1, x2, x3)])),
    ),
    "7": (  # §4.4: vector sum reduction
        _ex("7.1",
            r"The dot product is a sum reduction: "
            r"$y = \operatorname{sum}(\mathbf{w} \otimes \mathbf{x}) = \sum_i w_ix_i$. "
            r"For $n = 3$, find the gradient $\frac{\partial y}{\partial \mathbf{w}}$.",
            w1 * x1 + w2 * x2 + w3 * x3, [w1, w2, w3],
            r"Move the derivative inside the sum: "
            r"$\frac{\partial y}{\partial w_j} = \sum_i \frac{\partial (w_ix_i)}{\partial w_j}$, "
            r"and only the term $i = j$ depends on $w_j$, so entry $j$ is $x_j$: "
            r"$\frac{\partial y}{\partial \mathbf{w}} = [x_1, x_2, x_3] = \mathbf{x}^T$, a "
            r"horizontal vector. Keeping every term of the inner sum, "
            r"$\operatorname{sum}(\mathbf{x})$ in each entry, is the typical slip.",
            sp.Matrix([[x1, x2, x3]]),
            sp.Matrix([[x1 + x2 + x3] * 3])),
        _ex("7.2",
            r"The sum runs over the functions' results: take "
            r"$\mathbf{f}(\mathbf{x}) = [x_1x_2,\ x_2^2,\ x_1 + x_3]^T$ and "
            r"$y = \operatorname{sum}(\mathbf{f}(\mathbf{x}))$. Find $\nabla y$.",
            x1 * x2 + x2**2 + x1 + x3, [x1, x2, x3],
            r"Entry $j$ is $\sum_i \frac{\partial f_i}{\partial x_j}$, the sum of column $j$ "
            r"of $\frac{\partial \mathbf{f}}{\partial \mathbf{x}} = \begin{bmatrix} x_2 & x_1 "
            r"& 0 \\ 0 & 2x_2 & 0 \\ 1 & 0 & 1 \end{bmatrix}$: "
            r"$\nabla y = [x_2 + 1,\ x_1 + 2x_2,\ 1] = \vec{1}^T "
            r"\frac{\partial \mathbf{f}}{\partial \mathbf{x}}$. Keeping only "
            r"$\frac{\partial f_j}{\partial x_j}$, $[x_2,\ 2x_2,\ 1]$, as if the sum ran "
            r"over the parameters, is the typical slip: here every $f_i$ but $f_2$ reads "
            r"two parameters.",
            sp.Matrix([[x2 + 1, x1 + 2 * x2, 1]]),
            sp.Matrix([[x2, 2 * x2, 1]])),
        _ex("7.3",
            r"Fit one scalar $z$ to three values: "
            r"$y = \operatorname{sum}((\mathbf{x} - z)^2) = \sum_{i=1}^3 (x_i - z)^2$, where "
            r"$z$ is expanded to $\vec{1}z$ and the square is element-wise. Find the gradient "
            r"with respect to all four variables, "
            r"$\frac{\partial y}{\partial [x_1, x_2, x_3, z]}$.",
            sum((v - z)**2 for v in (x1, x2, x3)), [x1, x2, x3, z],
            r"With respect to $x_j$ only the term $i = j$ survives: $2(x_j - z)$. With "
            r"respect to $z$ every term depends on $z$, and the chain rule gives a factor "
            r"$-1$ in each: $\frac{\partial y}{\partial z} = -2\sum_i (x_i - z) = "
            r"-2(\operatorname{sum}(\mathbf{x}) - 3z)$. So the gradient is "
            r"$[2(x_1 - z),\ 2(x_2 - z),\ 2(x_3 - z),\ -2(x_1 + x_2 + x_3 - 3z)]$. "
            r"Writing $-2(\operatorname{sum}(\mathbf{x}) - z)$, as if $z$ were subtracted "
            r"once rather than from each of the three elements, is the typical slip.",
            sp.Matrix([[2 * (x1 - z), 2 * (x2 - z), 2 * (x3 - z),
                        -2 * (x1 + x2 + x3 - 3 * z)]]),
            sp.Matrix([[2 * (x1 - z), 2 * (x2 - z), 2 * (x3 - z),
                        -2 * (x1 + x2 + x3 - z)]])),
    ),
}
