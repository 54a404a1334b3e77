"""Beyond vectors: derivatives of expressions with matrices (after Parr & Howard §7).

The paper stops at vectors and points to matrix derivatives as the next step. This module
takes it in the book's convention, the *numerator layout* (§4.1: rows are outputs):

- ∂(Ax)/∂x = A, ∂(xᵀAx)/∂x = xᵀ(A + Aᵀ), ∂(aᵀx)/∂x = aᵀ, with SymPy matrix expressions
  (:func:`matrix_expression_derivative`; SymPy's ``.diff`` answers in *denominator* layout,
  so it is transposed here);
- the softmax Jacobian diag(s) - s sᵀ;
- the linear layer y = Wx + b with respect to W (m x n) and b: W is flattened row-major,
  vec(W) = [W_11, ..., W_1n, W_21, ..., W_mn], so ∂y/∂vec(W) = I_m ⊗_K xᵀ (⊗_K the
  Kronecker product), an m x mn matrix (the usual vec stacks columns and gives xᵀ ⊗_K I_m);
- the MSE loss of a layer of m ReLU neurons and its gradient, the generalisation of §6.
"""
from __future__ import annotations

import numpy as np
import sympy as sp

from ..core.check import CheckResult, combine, check_derivative
from ..core.symbolic import column
from ..core.validate import positive_int
from .neuron import mean_squared_error


def matrix_symbols(name: str, m: int, n: int) -> sp.Matrix:
    """An m x n matrix of real symbols ``name_ij`` (1-based, as the paper indexes)."""
    positive_int(m, "m")
    positive_int(n, "n")
    return sp.Matrix(m, n, lambda i, j: sp.Symbol(f"{name}_{i + 1}{j + 1}", real=True))


def flatten_row_major(W: sp.Matrix) -> list:
    """The entries of W row by row: [W_11, ..., W_1n, W_21, ..., W_mn] (vec of W, row-major).

    This order matches NumPy's ``W.reshape(-1)``, so a Jacobian with respect to
    ``flatten_row_major(W)`` has column (i-1)·n + j for W_ij.
    """
    if not isinstance(W, sp.MatrixBase):
        raise ValueError(f"W must be a sympy Matrix, got {type(W).__name__}")
    return [W[i, j] for i in range(W.rows) for j in range(W.cols)]


def matrix_expression_derivative(expr, x: sp.MatrixSymbol):
    """∂expr/∂x in numerator layout, for a SymPy matrix expression and a column x (n x 1).

    SymPy's own ``expr.diff(x)`` follows the *denominator* layout (∂(Ax)/∂x gives Aᵀ, and
    the gradient of a scalar is a column); this returns its transpose, so ∂(Ax)/∂x = A and
    the gradient of a scalar is a 1 x n row, as in the paper.
    """
    if not isinstance(x, sp.MatrixSymbol) or x.shape[1] != 1:
        raise ValueError(f"x must be a column MatrixSymbol (n x 1), got {x!r}")
    if not isinstance(expr, sp.MatrixExpr):
        raise ValueError(f"expr must be a SymPy matrix expression, got {type(expr).__name__}")
    return expr.diff(x).T


def _operands(n: int):
    return sp.MatrixSymbol("A", n, n), sp.MatrixSymbol("x", n, 1), sp.MatrixSymbol("a", n, 1)


def verify_identity(expr, claim, ns=(1, 2, 3), rng=0) -> CheckResult:
    """Check the identity ∂expr/∂x = claim (numerator layout) for each n in ``ns``.

    ``expr`` and ``claim`` are functions of matrix symbols (A n x n, x and a n x 1), e.g.
    ``lambda A, x, a: x.T * A * x`` and ``lambda A, x, a: x.T * (A + A.T)``. Twice:

    1. symbolically: :func:`matrix_expression_derivative`, written out entry by entry,
       equals the claim written out;
    2. numerically: with A and a at seeded random numbers and x as explicit symbols,
       finite differences agree with the claim (:func:`mathcalc.check_derivative`).

    Returns the :class:`~mathcalc.core.check.CheckResult` of all sizes; raises
    :class:`~mathcalc.core.check.CheckError` if either check fails.
    """
    rng = np.random.default_rng(rng)
    results = []
    for n in ns:
        positive_int(n, "n")
        A, x, a = _operands(n)
        got = sp.Matrix(matrix_expression_derivative(expr(A, x, a), x).as_explicit())
        want = sp.Matrix(claim(A, x, a).as_explicit())
        if sp.simplify(got - want) != sp.zeros(*want.shape):
            CheckResult(f"n = {n}: the identity", False, symbolic=False,
                        failures=(f"SymPy gives {got}, the identity says {want}",)).raise_if_failed()
        xs = column("x", n)
        at = {A: sp.Matrix(rng.normal(size=(n, n))), a: sp.Matrix(rng.normal(size=(n, 1))), x: xs}
        f = sp.Matrix(expr(A, x, a).subs(at).as_explicit())
        J = sp.Matrix(claim(A, x, a).subs(at).as_explicit())
        results.append(check_derivative(list(f), list(xs), J, rng=rng))
    return combine(f"the identity, symbolically (SymPy) and by finite differences, n = "
                   f"{', '.join(map(str, ns))}",
                   [CheckResult("", True, symbolic=True), *results])


def explicit_derivative(expr, n: int = 2) -> sp.Matrix:
    """:func:`matrix_expression_derivative` of ``expr(A, x, a)`` written out at size n, with
    1-based entry symbols (A_11 ..., x1 ..., a1 ...) for display."""
    A, x, a = _operands(n)
    entries = {A: matrix_symbols("A", n, n), x: column("x", n), a: column("a", n)}
    J = matrix_expression_derivative(expr(A, x, a), x).subs(entries)
    return sp.Matrix(J.as_explicit()).applyfunc(sp.factor_terms)


def softmax(x: sp.Matrix) -> sp.Matrix:
    """softmax(x)_i = exp(x_i) / Σ_k exp(x_k), for a SymPy column x (n x 1)."""
    exps = sp.Matrix(x).applyfunc(sp.exp)
    return exps / sum(exps)


def softmax_jacobian(x: sp.Matrix) -> sp.Matrix:
    """The closed form ∂softmax(x)/∂x = diag(s) - s sᵀ with s = softmax(x) (n x n).

    Entry (i, j) is s_i(δ_ij - s_j): not diagonal, since every output depends on every
    input through the sum in the denominator (compare §4.2's element-wise condition).
    """
    s = softmax(x)
    return sp.diag(*s) - s * s.T


def linear_layer(W: sp.Matrix, x: sp.Matrix, b: sp.Matrix) -> sp.Matrix:
    """y = Wx + b for W (m x n), x (n x 1), b (m x 1); raises ValueError on mismatched shapes."""
    W, x, b = sp.Matrix(W), sp.Matrix(x), sp.Matrix(b)
    if x.shape != (W.cols, 1) or b.shape != (W.rows, 1):
        raise ValueError(f"shapes do not fit y = Wx + b: W {W.shape}, x {x.shape}, b {b.shape}; "
                         "need x (n, 1) and b (m, 1) for W (m, n)")
    return W * x + b


def linear_layer_jacobians(W: sp.Matrix, x: sp.Matrix, b: sp.Matrix) -> dict:
    """Closed-form Jacobians of y = Wx + b (numerator layout):

    - ``"W"``: ∂y/∂vec(W) = I_m ⊗_K xᵀ (Kronecker product), shape (m, m·n), vec row-major
      (:func:`flatten_row_major`):
      output y_i depends only on row i of W, with ∂y_i/∂W_ij = x_j;
    - ``"b"``: ∂y/∂b = I_m; ``"x"``: ∂y/∂x = W.
    """
    W, x = sp.Matrix(W), sp.Matrix(x)
    linear_layer(W, x, b)  # validates the shapes
    return {"W": sp.kronecker_product(sp.eye(W.rows), x.T), "b": sp.eye(W.rows), "x": W}


def _layer_arrays(W, b, X, Y):
    W, b, X, Y = (np.asarray(a, dtype=float) for a in (W, b, X, Y))
    if W.ndim != 2:
        raise ValueError(f"W must be a matrix (m, n), got shape {W.shape}")
    m, n = W.shape
    if b.shape != (m,) or X.ndim != 2 or X.shape[1] != n or Y.shape != (X.shape[0], m):
        raise ValueError(f"shapes do not fit a layer of {m} neurons with {n} inputs: need b ({m},), "
                         f"X (N, {n}), Y (N, {m}); got b {b.shape}, X {X.shape}, Y {Y.shape}")
    for name, a in (("W", W), ("b", b), ("X", X), ("Y", Y)):
        if not np.all(np.isfinite(a)):
            raise ValueError(f"{name} has non-finite entries")
    return W, b, X, Y


def layer_mse(W, b, X, Y) -> float:
    """C(W, b) = (1/N) Σ_i ‖y_i - max(0, W x_i + b)‖², a layer of m ReLU neurons: the
    neuron's cost (:func:`mathcalc.paper.neuron.mean_squared_error`) summed over the m
    outputs.

    W (m, n), b (m,), X (N, n) one sample per row, Y (N, m) the targets. With m = 1 this is
    the paper's §6 loss (1/N) Σ_i (y_i - max(0, w·x_i + b))².
    """
    W, b, X, Y = _layer_arrays(W, b, X, Y)
    A = np.maximum(0.0, X @ W.T + b)
    return float(np.sum(mean_squared_error(Y.T, A.T)))  # samples along the last axis


def layer_mse_gradient(W, b, X, Y) -> tuple[np.ndarray, np.ndarray]:
    """(∂C/∂W, ∂C/∂b) of :func:`layer_mse`, by the closed form that generalises §6.1-§6.2.

    With the error e_i = max(0, W x_i + b) - y_i and the mask 1[W x_i + b > 0] (ReLU's
    derivative, 0 at the kink as in §5):

        ∂C/∂W = (2/N) Σ_i (e_i ⊗ mask_i) x_iᵀ    (m, n), laid out like W
        ∂C/∂b = (2/N) Σ_i  e_i ⊗ mask_i           (m,)

    (⊗ the element-wise product; "laid out like W" is the denominator convention for a
    scalar by a matrix, whose numerator layout would be the n x m transpose.)

    Flattened row-major, ∂C/∂W is the 1 x mn numerator-layout gradient with respect to
    vec(W). For m = 1 it is §6.1's (2/N) Σ_i e_i x_iᵀ over the active samples (the paper's
    form with the mask restored, erratum E6.1-a).
    """
    W, b, X, Y = _layer_arrays(W, b, X, Y)
    Z = X @ W.T + b
    E = (np.maximum(0.0, Z) - Y) * (Z > 0)  # error where the neuron is active, else 0
    N = X.shape[0]
    return 2.0 / N * E.T @ X, 2.0 / N * E.sum(axis=0)


def layer_mse_symbolic(m: int, n: int, X, Y):
    """The loss of :func:`layer_mse` as a SymPy expression in W's and b's symbols.

    Returns ``(C, W, b)`` with W = :func:`matrix_symbols` ("W", m, n) and b a column; the
    data X (N, n) and Y (N, m) are numbers. ReLU is ``Max(0, z)``.
    """
    W, b = matrix_symbols("W", m, n), column("b", m)
    X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
    if X.ndim != 2 or X.shape[1] != n or Y.shape != (X.shape[0], m):
        raise ValueError(f"need X (N, {n}) and Y (N, {m}); got X {X.shape}, Y {Y.shape}")
    N = X.shape[0]
    C = sum((mean_squared_error([sp.Float(Y[i, k]) for i in range(N)],
                                [sp.Max(0, (W[k, :] * sp.Matrix(X[i]))[0] + b[k]) for i in range(N)])
             for k in range(m)), sp.Integer(0))
    return C, W, b


def layer_loss_and_gradient(X, Y, m: int, n: int):
    """(loss, grad) on θ = [vec(W) row-major, b] (length mn + m) for
    :func:`mathcalc.paper.descent.gradient_descent`: ``loss(θ)`` is :func:`layer_mse`,
    ``grad(θ)`` the closed form of :func:`layer_mse_gradient` flattened the same way (the
    transpose of the 1 × (mn + m) numerator-layout gradient)."""
    def split(theta):
        theta = np.asarray(theta, dtype=float)
        if theta.shape != (m * n + m,):
            raise ValueError(f"θ must have shape ({m * n + m},), got {theta.shape}")
        return theta[:m * n].reshape(m, n), theta[m * n:]

    def loss(theta):
        return layer_mse(*split(theta), X, Y)

    def grad(theta):
        dW, db = layer_mse_gradient(*split(theta), X, Y)
        return np.concatenate([dW.ravel(), db])

    return loss, grad


def layer_mse_flat(X, Y, m: int, n: int):
    """C as a function of θ = [vec(W) row-major, b] (length mn + m) returning a 1-vector,
    the form finite differences (:func:`mathcalc.numerical_jacobian`) take."""
    loss, _ = layer_loss_and_gradient(X, Y, m, n)
    return lambda theta: np.array([loss(theta)])
