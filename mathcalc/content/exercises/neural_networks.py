"""Exercises of the part "Neural network gradients": chapters 12 (§5) to 14 (§6.2).

The ReLU max(0, z) has no derivative at z = 0, and the self-check compares answers at
random points, where z = 0 has probability zero. Two kinds of exercise follow from that:

* the whole piecewise answer, with real symbols drawn from (-2, 2) so that the points fall
  on both sides of the kink: the indicator [z > 0] is written ``sp.Heaviside(z)``, which is
  what SymPy's own d max(0, z)/dz is (a ``sp.Piecewise`` answer is compared numerically);
* the active region only (the paper's "nonzero activation case"), with positive symbols
  and the domain (0.5, 2): every z = w·x + b is then positive, max(0, z) is z, and SymPy
  simplifies it away.

Sample i's input is x_i (scalar inputs) or the column x_i = [x_i1, x_i2]^T (SymPy names
``x_11``, ``x_12``, as :func:`mathcalc.paper.neuron_symbolic.neuron_symbols` writes them); its
target is y_i (``y1``, ``y2``, ...). Gradients are 1 x n rows (numerator layout, §4.1).
"""
from __future__ import annotations

import sympy as sp

from .model import Worked, worked as _ex

ACTIVE = (0.5, 2.0)  # the domain of the active-region exercises: every z = w·x + b > 0
H = sp.Heaviside

# real symbols: both sides of the kink
w, b = sp.symbols("w b", real=True)
w1, w2, w3 = sp.symbols("w1 w2 w3", real=True)
x1, x2, x3 = sp.symbols("x1 x2 x3", real=True)
y1, y2 = sp.symbols("y1 y2", real=True)

# positive symbols: the active region
pw, pb, py = sp.symbols("w b y", positive=True)
pw1, pw2 = sp.symbols("w1 w2", positive=True)
px1, px2, px3 = sp.symbols("x1 x2 x3", positive=True)
py1, py2, py3 = sp.symbols("y1 y2 y3", positive=True)
pX = sp.Matrix(2, 2, lambda i, j: sp.Symbol(f"x_{i + 1}{j + 1}", positive=True))


def _sigmoid(z):
    return 1 / (1 + sp.exp(-z))


_z = w1 * x1 + w2 * x2 + b  # one neuron with two inputs
_dsig = _sigmoid(_z) * (1 - _sigmoid(_z))
_zs = [w * x1 + b, w * x2 + b]  # two samples, one input each
_e1 = pw1 * px1 + pw2 * px2 + pb - py  # one sample's error term, active region
_es = [pX.row(i).dot(sp.Matrix([pw1, pw2])) + pb - [py1, py2][i] for i in range(2)]
_es3 = [pw * xi + pb - yi for xi, yi in zip((px1, px2, px3), (py1, py2, py3))]

_CASES = (r" Write the cases with the indicator $[z > 0]$ as `sp.Heaviside(z)`, or as "
          r"`sp.Piecewise((0, z <= 0), (..., True))`.")


EXERCISES: dict[str, tuple[Worked, ...]] = {
    "12": (  # §5: the dot product, the affine function and the ReLU through the chain rule
        _ex("12.1",
            r"Back-propagation also needs the neuron's derivative with respect to its "
            r"*input*. For $n = 3$, find $\frac{\partial}{\partial \mathbf{x}}"
            r"(\mathbf{w} \cdot \mathbf{x} + b)$, a $1 \times 3$ row.",
            w1 * x1 + w2 * x2 + w3 * x3 + b, [x1, x2, x3],
            r"As in the paper, with $\mathbf{u} = \mathbf{w} \otimes \mathbf{x}$ and "
            r"$y = \text{sum}(\mathbf{u})$, but now $\frac{\partial \mathbf{u}}"
            r"{\partial \mathbf{x}} = \text{diag}(\mathbf{w})$, so $\frac{\partial y}"
            r"{\partial \mathbf{x}} = \vec{1}^T\text{diag}(\mathbf{w}) = \mathbf{w}^T = "
            r"[w_1, w_2, w_3]$, and $b$ adds $\vec{0}^T$. The paper's result, "
            r"$\mathbf{x}^T$, is the derivative with respect to $\mathbf{w}$. Check: "
            "`exercise(\"12.1\").check(sp.Matrix([[w1, w2, w3]]))`.",
            sp.Matrix([[w1, w2, w3]]), sp.Matrix([[x1, x2, x3]])),
        _ex("12.2",
            r"A ReLU neuron with two inputs, $a = \text{activation} = \max(0, w_1x_1 + w_2x_2 + b)$. "
            r"Find its gradient with respect to all three parameters, "
            r"$\left[\frac{\partial a}{\partial w_1}, \frac{\partial a}{\partial w_2}, "
            r"\frac{\partial a}{\partial b}\right]$, for every $z = w_1x_1 + w_2x_2 + b "
            r"\neq 0$." + _CASES,
            sp.Max(0, _z), [w1, w2, b],
            r"Chain rule through $z$: $\frac{\partial a}{\partial z} = [z > 0]$ and "
            r"$\frac{\partial z}{\partial [w_1, w_2, b]} = [x_1, x_2, 1]$, so the gradient is "
            r"$\vec{0}^T$ where $z < 0$ and $[x_1, x_2, 1]$ where $z > 0$: "
            r"$[z > 0]\,[x_1, x_2, 1]$. Dropping the factor $[z > 0]$ gives $[x_1, x_2, 1]$ "
            r"everywhere, wrong wherever the neuron is clipped. Check: `z = w1*x1 + w2*x2 + b; "
            "exercise(\"12.2\").check(sp.Heaviside(z) * sp.Matrix([[x1, x2, 1]]))`.",
            H(_z) * sp.Matrix([[x1, x2, 1]]), sp.Matrix([[x1, x2, 1]])),
        _ex("12.3",
            r"The paper notes that other activation functions follow similar logic. Find "
            r"$\frac{\partial a}{\partial \mathbf{w}}$ for a sigmoid neuron "
            r"$a = \sigma(w_1x_1 + w_2x_2 + b)$, $\sigma(z) = \frac{1}{1 + e^{-z}}$, "
            r"using $\frac{d\sigma}{dz} = \sigma(z)(1 - \sigma(z))$ (Exercise 8.3).",
            _sigmoid(_z), [w1, w2],
            r"The same chain as for the ReLU, with a smooth $\frac{da}{dz}$: "
            r"$\frac{\partial a}{\partial \mathbf{w}} = \frac{da}{dz}\frac{\partial z}"
            r"{\partial \mathbf{w}} = \sigma(z)(1 - \sigma(z))\,[x_1, x_2]$. Forgetting "
            r"$\frac{\partial z}{\partial \mathbf{w}} = \mathbf{x}^T$ leaves "
            r"$\sigma(z)(1 - \sigma(z))\,[1, 1]$.",
            _dsig * sp.Matrix([[x1, x2]]), _dsig * sp.Matrix([[1, 1]])),
    ),
    "13": (  # §6, §6.1: the loss gradient with respect to the weights
        _ex("13.1",
            r"One sample ($N = 1$) with two inputs, in the active region "
            r"($z = \mathbf{w} \cdot \mathbf{x} + b > 0$: the self-check draws every "
            r"variable from $(0.5, 2)$): $C = (y - \max(0, w_1x_1 + w_2x_2 + b))^2$. Find "
            r"$\frac{\partial C}{\partial \mathbf{w}}$.",
            (py - sp.Max(0, pw1 * px1 + pw2 * px2 + pb))**2, [pw1, pw2],
            r"With $u = \max(0, z)$, $v = y - u$, $C = v^2$: $\frac{\partial C}{\partial v} "
            r"= 2v$ and, for $z > 0$, $\frac{\partial v}{\partial \mathbf{w}} = "
            r"-\mathbf{x}^T$. So $\frac{\partial C}{\partial \mathbf{w}} = -2v\,\mathbf{x}^T "
            r"= 2e\,\mathbf{x}^T = 2(w_1x_1 + w_2x_2 + b - y)\,[x_1, x_2]$ with the error "
            r"$e = z - y$. Losing the minus sign of $\frac{\partial v}{\partial u} = -1$ gives "
            r"$2(y - z)\,\mathbf{x}^T$, a gradient that points downhill.",
            2 * _e1 * sp.Matrix([[px1, px2]]), -2 * _e1 * sp.Matrix([[px1, px2]]),
            domain=ACTIVE),
        _ex("13.2",
            r"Two samples with one input each, $(x_1, y_1)$ and $(x_2, y_2)$, a ReLU "
            r"neuron and $C = \frac{1}{2}\sum_{i=1}^{2}(y_i - \max(0, wx_i + b))^2$. Find "
            r"$\frac{\partial C}{\partial w}$ for every $z_i = wx_i + b \neq 0$, with the "
            r"error terms $e_i = wx_i + b - y_i$." + _CASES,
            sum((yi - sp.Max(0, zi))**2 for yi, zi in zip((y1, y2), _zs)) / 2, [w],
            r"The sum's derivative is the sum of each sample's, and each sample has its "
            r"own cases: $\frac{\partial C}{\partial w} = \frac{2}{N}\sum_i [z_i > 0]\,e_i x_i "
            r"= [z_1 > 0]\,e_1x_1 + [z_2 > 0]\,e_2x_2$. The paper's last line puts the cases "
            r"outside the sum (erratum E6.1-a): its “nonzero activation "
            r"case”, $e_1x_1 + e_2x_2$, is right when both samples are active (otherwise only "
            r"if the clipped samples' terms $e_ix_i$ happen to sum to 0), and its other "
            r"case, 0, when "
            r"both are clipped.",
            sum(H(zi) * (zi - yi) * xi for zi, yi, xi in zip(_zs, (y1, y2), (x1, x2))),
            sum((zi - yi) * xi for zi, yi, xi in zip(_zs, (y1, y2), (x1, x2)))),
        _ex("13.3",
            r"Two samples $\mathbf{x}_1 = [x_{11}, x_{12}]^T$ and $\mathbf{x}_2 = [x_{21}, "
            r"x_{22}]^T$ with targets $y_1, y_2$, both in the active region (the self-check "
            r"draws every variable from $(0.5, 2)$), and the mean squared error "
            r"$C = \frac{1}{N}\sum_{i=1}^{N}(y_i - \max(0, \mathbf{w} \cdot \mathbf{x}_i + "
            r"b))^2$ with $N = 2$. Find $\frac{\partial C}{\partial \mathbf{w}}$, a "
            r"$1 \times 2$ row (SymPy names `x_11`, `x_12`, `x_21`, `x_22`).",
            sum((yi - sp.Max(0, pX.row(i).dot(sp.Matrix([pw1, pw2])) + pb))**2
                for i, yi in enumerate((py1, py2))) / 2, [pw1, pw2],
            r"In the active region, $\frac{\partial C}{\partial \mathbf{w}} = \frac{2}{N}"
            r"\sum_i e_i\mathbf{x}_i^T$: with $N = 2$, $e_1[x_{11}, x_{12}] + "
            r"e_2[x_{21}, x_{22}]$, $e_i = \mathbf{w} \cdot \mathbf{x}_i + b - y_i$: twice "
            r"the mean of the error-weighted inputs $e_i\mathbf{x}_i^T$ (a weighted sum, not "
            r"a weighted average: the errors need not sum to 1). Forgetting the "
            r"$\frac{1}{N}$ doubles it.",
            sum((_es[i] * pX.row(i) for i in range(2)), sp.zeros(1, 2)),
            2 * sum((_es[i] * pX.row(i) for i in range(2)), sp.zeros(1, 2)),
            domain=ACTIVE),
    ),
    "14": (  # §6.2: the loss derivative with respect to the bias
        _ex("14.1",
            r"The samples and loss of Exercise 13.2: $C = \frac{1}{2}\sum_{i=1}^{2}(y_i - "
            r"\max(0, wx_i + b))^2$. Find $\frac{\partial C}{\partial b}$ for every "
            r"$z_i = wx_i + b \neq 0$." + _CASES,
            sum((yi - sp.Max(0, zi))**2 for yi, zi in zip((y1, y2), _zs)) / 2, [b],
            r"As for the weight, with $\frac{\partial z_i}{\partial b} = 1$ in place of "
            r"$x_i$: $\frac{\partial C}{\partial b} = \frac{2}{N}\sum_i [z_i > 0]\,e_i = "
            r"[z_1 > 0]\,e_1 + [z_2 > 0]\,e_2$: only the active samples' errors count. The "
            r"paper's “nonzero activation case”, $e_1 + e_2$, counts the errors of "
            r"clipped samples too (erratum E6.2-a, the same error as E6.1-a in §6.1).",
            sum(H(zi) * (zi - yi) for zi, yi in zip(_zs, (y1, y2))),
            sum(zi - yi for zi, yi in zip(_zs, (y1, y2)))),
        _ex("14.2",
            r"Three samples with one input each, all in the active region (the self-check "
            r"draws every variable from $(0.5, 2)$), and $C = \frac{1}{3}\sum_{i=1}^{3}"
            r"(y_i - \max(0, wx_i + b))^2$. Find $\frac{\partial C}{\partial b}$.",
            sum((yi - sp.Max(0, pw * xi + pb))**2
                for xi, yi in zip((px1, px2, px3), (py1, py2, py3))) / 3, [pb],
            r"$\frac{\partial C}{\partial b} = \frac{2}{N}\sum_i e_i = \frac{2}{3}(e_1 + "
            r"e_2 + e_3)$ with $e_i = wx_i + b - y_i$: the bias's input is the constant 1. "
            r"Copying the weight's formula gives $\frac{2}{3}\sum_i e_i x_i$, which is "
            r"$\frac{\partial C}{\partial w}$.",
            sp.Rational(2, 3) * sum(_es3),
            sp.Rational(2, 3) * sum(e * xi for e, xi in zip(_es3, (px1, px2, px3))),
            domain=ACTIVE),
        _ex("14.3",
            r"The paper's closing trick: $\hat{\mathbf{w}} = [w_1, w_2, b]^T$ and "
            r"$\hat{\mathbf{x}} = [x_1, x_2, 1]^T$, so that $z = \hat{\mathbf{w}} \cdot "
            r"\hat{\mathbf{x}}$. For one sample in the active region (the self-check draws "
            r"every variable from $(0.5, 2)$), find $\frac{\partial C}{\partial "
            r"\hat{\mathbf{w}}}$ of $C = (y - \max(0, \hat{\mathbf{w}} \cdot "
            r"\hat{\mathbf{x}}))^2$, a $1 \times 3$ row.",
            (py - sp.Max(0, pw1 * px1 + pw2 * px2 + pb))**2, [pw1, pw2, pb],
            r"Exercise 13.1 with one more weight: $\frac{\partial C}{\partial "
            r"\hat{\mathbf{w}}} = 2e\,\hat{\mathbf{x}}^T = 2e\,[x_1, x_2, 1]$, "
            r"$e = \hat{\mathbf{w}} \cdot \hat{\mathbf{x}} - y$. Its first two entries are "
            r"$\frac{\partial C}{\partial \mathbf{w}}$ and its last is "
            r"$\frac{\partial C}{\partial b}$: one gradient instead of two. Forgetting "
            r"that $b$'s input is 1 and treating it as fixed gives $2e\,[x_1, x_2, 0]$.",
            2 * _e1 * sp.Matrix([[px1, px2, 1]]), 2 * _e1 * sp.Matrix([[px1, px2, 0]]),
            domain=ACTIVE),
    ),
}
