"""The artificial neuron of Parr & Howard §1: an affine function followed by a ReLU, and
the mean-squared-error loss over N samples.

Shapes (the paper's X = [x_1 ... x_N]ᵀ, one sample per row):

- ``w``: (n,) weights; ``b``: a scalar bias;
- ``X``: (N, n) samples, or one sample ``x`` of shape (n,);
- ``y``: (N,) targets (a scalar for one sample).

z(x) = w·x + b is the affine function; activation(x) = max(0, z(x)); the loss is
C(w, b) = (1/N) Σ_i (y_i − activation(x_i))².
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import sympy as sp


def _weights(w) -> np.ndarray:
    w = np.asarray(w, dtype=float)
    if w.ndim == 0:
        w = w.reshape(1)
    if w.ndim != 1 or w.size == 0:
        raise ValueError(f"w must be a non-empty 1-D vector of shape (n,), got shape {w.shape}")
    if not np.all(np.isfinite(w)):
        raise ValueError(f"w has non-finite entries: {w.tolist()}")
    return w


def _bias(b) -> float:
    b_arr = np.asarray(b, dtype=float)
    if b_arr.ndim != 0:
        raise ValueError(f"b must be a scalar, got shape {b_arr.shape}")
    if not np.isfinite(b_arr):
        raise ValueError(f"b is not finite: {float(b_arr)}")
    return float(b_arr)


def _samples(X, n: int) -> tuple[np.ndarray, bool]:
    """X as an (N, n) array, and whether a single sample of shape (n,) was given."""
    X = np.asarray(X, dtype=float)
    single = X.ndim <= 1
    if X.ndim == 0:
        X = X.reshape(1, 1)
    elif X.ndim == 1:
        X = X.reshape(1, -1)
    if X.ndim != 2:
        raise ValueError(f"X must have shape (N, n) or (n,), got shape {X.shape}")
    if X.shape[0] == 0:
        raise ValueError("X has no samples (N = 0)")
    if X.shape[1] != n:
        raise ValueError(f"shape mismatch: w has {n} weights but the samples have {X.shape[1]} "
                         f"features (X has shape {X.shape})")
    if not np.all(np.isfinite(X)):
        raise ValueError("X has non-finite entries")
    return X, single


def affine(w, b, X):
    """z = Xw + b: the affine function w·x_i + b of every sample (§1).

    Returns shape (N,) for X of shape (N, n), or a float for one sample x of shape (n,).
    """
    w = _weights(w)
    b = _bias(b)
    X, single = _samples(X, w.size)
    z = X @ w + b
    return float(z[0]) if single else z


def relu(z):
    """max(0, z), element-wise (§1): the rectified linear unit."""
    z_arr = np.asarray(z, dtype=float)
    out = np.maximum(0.0, z_arr)
    return float(out) if out.ndim == 0 else out


def activation(w, b, X):
    """activation(x) = max(0, w·x + b) for every sample (§1); shapes as :func:`affine`."""
    return relu(affine(w, b, X))


def mean_squared_error(y, a):
    """The paper's cost C = (1/N) Σ_i (y_i − a_i)² (§1, §6): the one place the book writes it.

    NumPy: ``y`` and ``a`` broadcast, with the N samples along the last axis; the result
    has the other axes (a float for 1-D input), so a whole grid of parameters is one call.
    SymPy: ``y`` and ``a`` are sequences (or columns) of N expressions; the result is an
    expression. :func:`loss`, :func:`loss_surface`, :mod:`mathcalc.paper.neuron_symbolic`
    and the layer loss of :mod:`mathcalc.paper.matrix_derivatives` all call this.
    """
    if isinstance(y, (sp.Basic, list, tuple)) or isinstance(a, (sp.Basic, list, tuple)):
        y, a = list(y), list(a)
        if len(y) != len(a) or not y:
            raise ValueError(f"need one target per activation, got {len(y)} and {len(a)}")
        return sp.Add(*[(y_i - a_i) ** 2 for y_i, a_i in zip(y, a)]) / len(y)
    C = np.mean((np.asarray(y, dtype=float) - np.asarray(a, dtype=float)) ** 2, axis=-1)
    return float(C) if np.ndim(C) == 0 else C


def loss(w, b, X, y) -> float:
    """The paper's MSE cost C(w, b) = (1/N) Σ_i (y_i − max(0, w·x_i + b))² (§1, §6).

    ``y`` has shape (N,), one target per row of X (a scalar for one sample x).
    """
    a = np.atleast_1d(activation(w, b, X))
    y = np.atleast_1d(np.asarray(y, dtype=float))
    if y.ndim != 1 or y.shape[0] != a.shape[0]:
        raise ValueError(f"shape mismatch: {a.shape[0]} samples but y has shape {y.shape}")
    if not np.all(np.isfinite(y)):
        raise ValueError("y has non-finite entries")
    return mean_squared_error(y, a)


@dataclass(frozen=True)
class LossGrid:
    """C(w, b) of a one-input neuron on a grid: ``w`` (k,), ``b`` (k,), ``C`` (k, k) with
    ``C[i, j]`` the loss at (w[j], b[i]) (rows are b, as ``contour`` wants), and ``dead``
    (k, k), True where no sample is active (the loss is flat there and its gradient 0)."""

    w: np.ndarray
    b: np.ndarray
    C: np.ndarray
    dead: np.ndarray


def loss_surface(X, y, wlim=(-1.5, 3.0), blim=(-2.5, 2.0), k: int = 91) -> LossGrid:
    """The loss C(w, b) of a one-input neuron (X of shape (N, 1)) on a k × k grid over
    ``wlim`` × ``blim``: :func:`mean_squared_error` of every grid point at once."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 1:
        raise ValueError(f"loss_surface needs a one-input data set X of shape (N, 1), got {X.shape}")
    y = np.asarray(y, dtype=float)
    if y.shape != (X.shape[0],):
        raise ValueError(f"shape mismatch: X has {X.shape[0]} samples but y has shape {y.shape}")
    w = np.linspace(*wlim, k)
    b = np.linspace(*blim, k)
    z = w[None, :, None] * X[None, None, :, 0] + b[:, None, None]  # (k_b, k_w, N)
    return LossGrid(w, b, mean_squared_error(y, relu(z)), np.all(z <= 0, axis=-1))


def activation_gradient(w, b, x) -> tuple[np.ndarray, float]:
    """(∂a/∂w, ∂a/∂b) of the activation a = max(0, w·x + b) at one sample x (§5):
    (xᵀ, 1) when z = w·x + b > 0, else (0ᵀ, 0); at z = 0 the paper's convention, 0.

    ∂a/∂w has shape (n,), the transpose of the paper's 1 × n row (numerator layout).
    """
    w, b = _weights(w), _bias(b)
    X, single = _samples(x, w.size)
    if not single:
        raise ValueError(f"activation_gradient takes one sample x of shape (n,), got {X.shape}")
    active = affine(w, b, X[0]) > 0  # the ReLU's derivative: 1 if z > 0, else 0 (z = 0 too)
    return (X[0].copy() if active else np.zeros(w.size)), (1.0 if active else 0.0)


# --- §5-§6: the gradient of the loss ------------------------------------------------------

# Bytes of X per row block in loss_gradient: 512 kB, well inside L2 cache. Tuned for one
# BLAS thread; with two, larger blocks were sometimes faster and sometimes several times
# slower on a busy machine, so one fixed size is kept (benchmarks/README.md).
BLOCK_BYTES = 1 << 19


def _targets(y, N: int) -> np.ndarray:
    y = np.asarray(y, dtype=float)
    if y.ndim == 0:
        y = y.reshape(1)
    if y.ndim != 1 or y.shape[0] != N:
        raise ValueError(f"shape mismatch: X has {N} samples but y has shape {y.shape}")
    if not np.all(np.isfinite(y)):
        raise ValueError("y has non-finite entries")
    return y


class GradientOverflowError(ValueError, ArithmeticError):
    """The inputs are finite but the gradient is not: w, b, X or y are too large."""


def validate_data(w, b, X, y) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    """(w, b, X, y) as arrays of shapes (n,), float, (N, n), (N,), every value finite;
    one sample x of shape (n,) becomes X of shape (1, n). Raises ``ValueError`` naming
    the problem (a shape mismatch, N = 0, a non-finite value)."""
    w = _weights(w)
    b = _bias(b)
    X, _ = _samples(X, w.size)
    return w, b, X, _targets(y, X.shape[0])


def _diagnose(w, b, X, y) -> None:
    """Raise the ValueError that names what is wrong, once a cheap check has failed."""
    validate_data(w, b, X, y)
    raise GradientOverflowError("the gradient overflows: the entries of w, b, X or y are too large")


@np.errstate(over="ignore", invalid="ignore")
def loss_gradient(w, b, X, y) -> tuple[np.ndarray, float]:
    """The gradient of the loss C(w, b) = (1/N) Σ_i (y_i − max(0, w·x_i + b))² (§6.1, §6.2).

    Each sample is masked by its *own* condition z_i = w·x_i + b > 0 (the paper's §6.1
    result pulls the sum inside one case instead: :func:`loss_gradient_paper_61`):

        ∂C/∂w = (2/N) Σ_{i: z_i > 0} e_i x_iᵀ,    ∂C/∂b = (2/N) Σ_{i: z_i > 0} e_i,

    with the error term e_i = w·x_i + b − y_i. The derivative of max(0, z) at z = 0 is
    taken as 0, as in the paper (§5), so samples with z_i = 0 contribute nothing.

    Shapes: ``w`` (n,), ``b`` scalar, ``X`` (N, n) with one sample per row (or one
    sample x of shape (n,), N = 1), ``y`` (N,) (a scalar for one sample). Returns
    ``(grad_w, grad_b)``: ``grad_w`` of shape (n,) (the transpose of the paper's 1 × n
    row ∂C/∂w, numerator layout) and ``grad_b`` a float.

    Raises ``ValueError`` for mismatched shapes, N = 0, or non-finite values.

    The body is the paper's three lines (z, the masked error terms e, the two sums); two
    implementation notes, both for speed on large X (see ``benchmarks/``):

    - X is read in row blocks of :data:`BLOCK_BYTES`, so that the second product,
      X_blockᵀ·e, finds its block still in cache after the first, X_block·w, brought it
      from memory. For small X there is one block. The measured effect (modest, and
      tuned for one BLAS thread) is in ``benchmarks/README.md``.
    - Finiteness is checked on the results, not by scanning the inputs: a NaN or inf in
      w, b, X or y makes some z_i − y_i non-finite (inf·0 is NaN) and, since the mask
      multiplies, the sums too; checking the gradient (which also catches overflow) is
      enough. Only when it fails are the inputs examined, to say which one is bad. (So
      that inf·0 and overflow print no RuntimeWarning first, the body runs under
      ``np.errstate``: its decorator form costs half the ``with`` form per call.)
    """
    w, b, X, y = _gradient_inputs(w, b, X, y)
    N, n = X.shape
    rows = N if 8 * X.size <= BLOCK_BYTES else max(1, BLOCK_BYTES // (8 * n))
    grad_w, grad_b = np.zeros(n), 0.0
    for start in range(0, N, rows):  # one block of rows unless X is large
        X_i, y_i = X[start:start + rows], y[start:start + rows]
        z = X_i @ w + b                # z_i = w·x_i + b
        e = (z - y_i) * (z > 0)        # e_i = z_i − y_i, masked by the sample's own z_i > 0
        grad_w += X_i.T @ e            # Σ e_i x_i   (the mask multiplies: a NaN or inf in
        grad_b += float(e.sum())       # Σ e_i        any z_i or y_i reaches these sums)
    # one Python sum is cheaper than np.sum for the small vectors this is called with
    if not math.isfinite(grad_b + sum(grad_w.tolist())):
        _diagnose(w, b, X, y)
    return (2.0 / N) * grad_w, 2.0 / N * grad_b


def _gradient_inputs(w, b, X, y):
    """(w, b, X, y) as arrays of shapes (n,), float, (N, n), (N,); one sample x of shape
    (n,) becomes X of shape (1, n). Shape errors raise; values are checked on the result."""
    w = np.asarray(w, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if w.ndim != 1 or X.ndim != 2 or y.ndim != 1:      # one sample, or a wrong shape
        w, X, y = _reshape_one_sample(w, X, y)
    N, n = X.shape
    if n != w.shape[0] or y.shape[0] != N or N == 0 or n == 0:
        _raise_shape_error(w, X, y)
    if type(b) is not float:
        b = _bias(b)
    return w, b, X, y


def _reshape_one_sample(w, X, y):
    """(w, X, y) with one sample x of shape (n,) as X of shape (1, n) and y as shape (1,)."""
    w = w.reshape(1) if w.ndim == 0 else w
    X = X.reshape(1, -1) if X.ndim == 1 else X
    y = y.reshape(1) if y.ndim == 0 else y
    if w.ndim != 1 or X.ndim != 2 or y.ndim != 1:
        _raise_shape_error(w, X, y)
    return w, X, y


def _raise_shape_error(w, X, y):
    """Raise the ValueError that names the shape problem among w (n,), X (N, n), y (N,)."""
    if w.ndim != 1 or X.ndim != 2 or X.shape[1] != w.shape[0]:
        raise ValueError(f"shape mismatch: w has shape {w.shape} but X has shape {X.shape} "
                         f"(expected w of shape (n,) and X of shape (N, n) or (n,))")
    if X.shape[0] == 0 or w.shape[0] == 0:
        raise ValueError(f"X has no samples (N = 0) or no features: shape {X.shape}")
    raise ValueError(f"shape mismatch: X has {X.shape[0]} samples but y has shape {y.shape}")


def loss_gradient_loop(w, b, X, y) -> tuple[np.ndarray, float]:
    """:func:`loss_gradient` written as the paper's sum, one sample at a time (§6.1, §6.2).

    The chain rule per sample: ∂C/∂w = (1/N) Σ_i 2 v_i ∂v_i/∂w with v_i = y_i − u_i,
    u_i = max(0, z_i) and ∂v_i/∂w = −x_iᵀ if z_i > 0 else 0ᵀ (0 at z_i = 0, as the paper).
    Slow; a reference implementation for tests and the benchmark. Same shapes.
    """
    w, b = _weights(w), _bias(b)
    X, _ = _samples(X, w.size)
    y = _targets(y, X.shape[0])
    N = X.shape[0]
    grad_w, grad_b = np.zeros(w.size), 0.0
    for x_i, y_i in zip(X, y):
        z_i = float(x_i @ w + b)
        if z_i > 0:
            v_i = y_i - z_i
            grad_w += 2 * v_i * (-x_i) / N
            grad_b += 2 * v_i * (-1.0) / N
    return grad_w, float(grad_b)


def error_terms(w, b, X, y) -> tuple[np.ndarray, np.ndarray]:
    """The paper's error terms e_i = w·x_i + b − y_i (§6.1), shape (N,), and the boolean
    mask z_i > 0 of the active samples: only those enter the gradient."""
    z = np.atleast_1d(affine(w, b, X))
    y = _targets(y, z.shape[0])
    return z - y, z > 0


def loss_gradient_paper_61(w, b, X, y) -> tuple[np.ndarray, float]:
    """The paper's printed result of §6.1 and §6.2, which is WRONG when samples differ.

    The paper pulls the sum over samples inside one branch of the cases,

        ∂C/∂w = 0ᵀ if w·x_i + b ≤ 0,  (2/N) Σ_i e_i x_iᵀ if w·x_i + b > 0,

    as if all samples were active, or all inactive, together. Read the only way that
    makes sense of the unbound i: when every sample is inactive the result is 0, and
    otherwise it is the unmasked sum (2/N) Σ_i e_i x_iᵀ, "for the nonzero activation
    case". This agrees with :func:`loss_gradient` when all samples are active or all
    inactive, and otherwise only if the inactive samples' terms happen to sum to zero.
    Kept for the errata demonstration (``mathcalc.errata``). Same shapes.
    """
    e, active = error_terms(w, b, X, y)
    X = np.atleast_2d(np.asarray(X, dtype=float))
    N = e.shape[0]
    if not active.any():
        return np.zeros(X.shape[1]), 0.0
    return (2.0 / N) * (X.T @ e), float(2.0 / N * e.sum())


def augment(w, b, X) -> tuple[np.ndarray, np.ndarray]:
    """The paper's augmented forms (§6.2): ŵ = [wᵀ, b]ᵀ of shape (n+1,) and X̂ with a
    column of ones appended, rows x̂_i = [x_iᵀ, 1]ᵀ, shape (N, n+1); ŵ·x̂_i = w·x_i + b."""
    w, b = _weights(w), _bias(b)
    X, _ = _samples(X, w.size)
    return np.append(w, b), np.hstack([X, np.ones((X.shape[0], 1))])


def loss_gradient_augmented(w_hat, X_hat, y) -> np.ndarray:
    """∂C/∂ŵ = (2/N) Σ_{i: ŵ·x̂_i > 0} e_i x̂_iᵀ (§6.2): the gradient for ŵ = [wᵀ, b]ᵀ, shape
    (n+1,). Its last entry is ∂C/∂b, since the last entry of every x̂_i is 1."""
    w_hat = _weights(w_hat)
    X_hat, _ = _samples(X_hat, w_hat.size)
    z = X_hat @ w_hat
    y = _targets(y, z.shape[0])
    e = np.where(z > 0, z - y, 0.0)
    return (2.0 / z.shape[0]) * (X_hat.T @ e)
