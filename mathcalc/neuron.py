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

import numpy as np


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
    return float(np.mean((y - a) ** 2))
