"""The neuron and its loss in SymPy, with the paper's intermediate variables (Parr & Howard
§5-§6), so that every stated gradient can be compared with SymPy's own.

The ReLU has no derivative at z = 0. SymPy writes d max(0, z)/dz as ``Heaviside(z)``,
which it evaluates to 1/2 at z = 0; the paper takes 0 there, which is ``Heaviside(z, 0)``.
:func:`paper_convention` switches an expression to the paper's choice, after which the
paper's piecewise results and SymPy's derivatives are equal everywhere, z = 0 included.

Shapes follow :mod:`mathcalc.paper.neuron`: ``w`` and ``x`` are n × 1 columns, ``X`` is N × n
(row i is x_iᵀ), ``y`` is N × 1; gradients are 1 × n rows (numerator layout, §4.1).
"""
from __future__ import annotations

import numpy as np
import sympy as sp

from ..core.symbolic import column
from ..core.validate import positive_int
from .neuron import mean_squared_error


def neuron_symbols(n: int, N: int | None = None):
    """Real symbols: ``(w, b, x)`` with w, x columns w1..wn, x1..xn; or, given N,
    ``(w, b, X, y)`` with X[i, j] = x_{i+1,j+1} (row i is sample x_{i+1}) and y1..yN."""
    w = column("w", positive_int(n, "n"))
    b = sp.Symbol("b", real=True)
    if N is None:
        return w, b, column("x", n)
    N = positive_int(N, "N")
    X = sp.Matrix(N, n, lambda i, j: sp.Symbol(f"x_{i + 1}{j + 1}", real=True))
    y = column("y", N)
    return w, b, X, y


def activation_expr(w, b, x):
    """max(0, w·x + b) for columns w, x (§5)."""
    return sp.Max(0, w.dot(x) + b)


def loss_intermediates(w, b, X, y) -> dict:
    """The paper's chain-rule variables of the loss (§6), with the sample subscripts the
    paper drops: z_i = w·x_i + b, u_i = max(0, z_i), v_i = y_i − u_i, and C = (1/N) Σ v_i²
    (:func:`mathcalc.paper.neuron.mean_squared_error`). Returns ``{"z": [...], "u": [...],
    "v": [...], "C": C}``. (Not to be confused with :func:`mathcalc.paper.chain.intermediate_variables`,
    which names the operators of any one-variable expression.)"""
    N = X.shape[0]
    z = [X.row(i).dot(w) + b for i in range(N)]
    u = [sp.Max(0, zi) for zi in z]
    v = [y[i] - u[i] for i in range(N)]
    return {"z": z, "u": u, "v": v, "C": mean_squared_error(list(y), u)}


def paper_relu_derivative(z):
    """d max(0, z)/dz as the paper states it (§5): 0 for z ≤ 0, 1 for z > 0."""
    return sp.Piecewise((0, z <= 0), (1, True))


def paper_convention(expr):
    """``expr`` with every ``Heaviside(a)`` replaced by ``Heaviside(a, 0)``: the paper's
    value 0 for the ReLU's derivative at z = 0 instead of SymPy's 1/2."""
    return expr.replace(lambda e: isinstance(e, sp.Heaviside),
                        lambda e: sp.Heaviside(e.args[0], 0))


def _relu_normal_form(expr):
    """Rewrite max(0, a) as a·H(a) with H(a) = Heaviside(a, 0) (exact, a = 0 included),
    the paper's cases (0 if a ≤ 0, else e) as e·H(a), and H(a)^k as H(a), then expand:
    equal ReLU expressions get equal normal forms."""
    expr = sp.sympify(expr).replace(
        lambda e: isinstance(e, sp.Piecewise) and len(e.args) == 2 and e.args[0][0] == 0
        and isinstance(e.args[0][1], sp.core.relational.LessThan) and e.args[0][1].rhs == 0
        and e.args[1][1] == sp.true,
        lambda e: e.args[1][0] * sp.Heaviside(e.args[0][1].lhs, 0))
    expr = expr.replace(
        lambda e: isinstance(e, sp.Max) and len(e.args) == 2 and 0 in e.args,
        lambda e: (lambda a: a * sp.Heaviside(a, 0))([t for t in e.args if t != 0][0]))
    expr = sp.expand(expr)
    return sp.expand(expr.replace(
        lambda e: e.is_Pow and isinstance(e.base, sp.Heaviside) and len(e.base.args) == 2
        and e.base.args[1] == 0 and e.exp.is_positive, lambda e: e.base))


def same_expression(a, b) -> bool:
    """True if SymPy proves ``a == b``, False if it cannot (scalars or matrices of the same shape). ReLUs are
    compared through ``max(0, a) = a·Heaviside(a, 0)``; Heaviside(a) with SymPy's value
    1/2 at 0 is *not* Heaviside(a, 0), so the paper's convention must be chosen first
    (:func:`paper_convention`). Falls back on Piecewise rewriting and ``simplify``."""
    if isinstance(a, sp.MatrixBase) or isinstance(b, sp.MatrixBase):
        a, b = sp.Matrix(a), sp.Matrix(b)
        if a.shape != b.shape:
            raise ValueError(f"shapes differ: {a.shape} and {b.shape}")
        return all(same_expression(p, q) for p, q in zip(a, b))
    diff = sp.sympify(a) - sp.sympify(b)
    if sp.expand(diff) == 0 or _relu_normal_form(diff) == 0:
        return True
    if not diff.has(sp.Piecewise):
        return False  # not proven equal: a numerical counterexample shows the difference
    return sp.simplify(sp.piecewise_fold(diff.rewrite(sp.Piecewise))) == 0


def loss_gradient_expr(w, b, X, y, form: str = "masked"):
    """The closed forms of (∂C/∂w, ∂C/∂b), as a 1 × n row and a scalar (§6.1, §6.2).

    ``form="masked"``: (2/N) Σ_i [z_i > 0] e_i x_iᵀ and (2/N) Σ_i [z_i > 0] e_i, each
    sample masked by its own condition (the correct result; [z_i > 0] = Heaviside(z_i, 0)).
    ``form="paper"``: the paper's last line, the "nonzero activation case" (2/N) Σ_i e_i x_iᵀ
    and (2/N) Σ_i e_i with no mask: it holds when every sample is active (otherwise only if
    the inactive samples' terms happen to cancel).
    Here e_i = w·x_i + b − y_i is the paper's error term.
    """
    if form not in ("masked", "paper"):
        raise ValueError(f'form must be "masked" or "paper", got {form!r}')
    N = X.shape[0]
    gw, gb = sp.zeros(1, w.shape[0]), sp.Integer(0)
    for i in range(N):
        z_i = X.row(i).dot(w) + b
        e_i = z_i - y[i]
        mask = sp.Heaviside(z_i, 0) if form == "masked" else 1
        gw += sp.Rational(2, N) * mask * e_i * X.row(i)
        gb += sp.Rational(2, N) * mask * e_i
    return gw, gb


def points_away_from_kink(X, rng, n_points: int = 3, margin: float = 0.05,
                          domain=(-2.0, 2.0), tries: int = 1000) -> list[np.ndarray]:
    """Seeded random parameter points θ = (w_1 ... w_n, b) where every sample of the
    numeric data X (N, n) has |w·x_i + b| ≥ ``margin``: finite differences there do not
    straddle the ReLU's kink. ``rng`` is a seed or a ``numpy.random.Generator``."""
    X = np.atleast_2d(np.asarray(X, dtype=float))
    rng = np.random.default_rng(rng)
    points = []
    for _ in range(tries):
        theta = rng.uniform(*domain, size=X.shape[1] + 1)
        if np.min(np.abs(X @ theta[:-1] + theta[-1])) >= margin:
            points.append(theta)
            if len(points) == n_points:
                return points
    raise ValueError(f"found only {len(points)} of {n_points} points with |z_i| >= {margin}")
