"""Gradient descent, the recurrence of Parr & Howard §6.1 and §6.2:

    w_{t+1} = w_t − η ∂C/∂w,    b_{t+1} = b_t − η ∂C/∂b   (η: the learning rate ``lr``).

:func:`gradient_descent` is generic and pure (as autograd's ``sgd``): the objective comes
in as a function, the parameters as an array that is never modified, and the result is
the whole history. :func:`train_neuron` applies it to the neuron of :mod:`mathcalc.neuron`
with the parameters packed as the paper's ŵ = [wᵀ, b]ᵀ.

A run that diverges (the loss grows without bound, or a value stops being finite) is
never left to print NaN: it raises :class:`DivergenceError` naming the step, or, with
``on_divergence="stop"``, returns the history up to the last finite step with
``diverged_at`` set.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from numbers import Integral, Real

import numpy as np

from .neuron import loss, loss_gradient


class DivergenceError(ArithmeticError):
    """Gradient descent diverged; ``step`` is the first step whose result was unusable and
    ``history`` the :class:`DescentHistory` up to the step before."""

    def __init__(self, message: str, step: int, history: "DescentHistory"):
        super().__init__(message)
        self.step = step
        self.history = history


@dataclass(frozen=True)
class DescentHistory:
    """What a run of gradient descent visited.

    ``params``: shape (T + 1, p), row t the parameters after t steps (row 0 the start);
    ``losses``: shape (T + 1,), the loss at each row of ``params``; ``lr`` the learning
    rate; ``diverged_at``: the step at which the run diverged (then T + 1 = diverged_at),
    or None.
    """

    params: np.ndarray
    losses: np.ndarray
    lr: float
    diverged_at: int | None = None

    @property
    def steps(self) -> int:
        """The number of completed steps T."""
        return self.params.shape[0] - 1

    @property
    def status(self) -> str:
        """A one-line summary, with no NaN in it even for a divergent run."""
        if self.diverged_at is not None:
            return (f"lr = {self.lr:g}: diverged at step {self.diverged_at} "
                    f"(last finite loss {self.losses[-1]:.3g} at step {self.steps})")
        return f"lr = {self.lr:g}: {self.steps} steps, loss {self.losses[0]:.4g} -> {self.losses[-1]:.4g}"


def _check_lr(lr) -> float:
    if isinstance(lr, bool) or not isinstance(lr, Real):
        raise ValueError(f"the learning rate lr must be a positive number, got {lr!r}")
    if not (np.isfinite(lr) and lr > 0):
        raise ValueError(f"the learning rate lr must be a positive finite number, got {lr!r}")
    return float(lr)


def _check_steps(steps) -> int:
    if isinstance(steps, bool) or not isinstance(steps, Integral) or steps < 0:
        raise ValueError(f"steps must be a non-negative integer, got {steps!r}")
    return int(steps)


def gradient_descent(grad: Callable, params, lr, steps, callback: Callable | None = None, *,
                     on_divergence: str = "raise", blowup: float = 100.0) -> DescentHistory:
    """Run ``steps`` steps of θ_{t+1} = θ_t − lr · ∇C(θ_t) (§6.1) and return the history.

    Parameters
    ----------
    grad : callable ``θ -> (C(θ), ∇C(θ))``, θ and ∇C of shape (p,) (the gradient is the
        transpose of the paper's 1 × p row, numerator layout)
    params : array of shape (p,), the start θ_0 (copied, never modified)
    lr : positive number, the learning rate η
    steps : non-negative integer
    callback : optional ``callback(t, θ_t, C(θ_t))``, called for t = 0 ... T; its return
        value is ignored (use it to log, not to change the run)
    on_divergence : ``"raise"`` (default: :class:`DivergenceError`) or ``"stop"`` (return
        the history so far, with ``diverged_at`` set)
    blowup : the run has diverged when a loss exceeds ``blowup · (1 + C(θ_0))`` or a
        loss, gradient or parameter is not finite

    Pure: no globals, no randomness; the same arguments give the same history.
    """
    if not callable(grad):
        raise ValueError(f"grad must be a function θ -> (loss, gradient), got {grad!r}")
    theta = np.array(params, dtype=float)
    if theta.ndim != 1 or theta.size == 0:
        raise ValueError(f"params must be a non-empty 1-D array of shape (p,), got shape {theta.shape}")
    if not np.all(np.isfinite(theta)):
        raise ValueError("params has non-finite entries")
    lr, steps = _check_lr(lr), _check_steps(steps)
    if not (isinstance(blowup, Real) and blowup > 1):
        raise ValueError(f"blowup must be a number greater than 1, got {blowup!r}")
    if on_divergence not in ("raise", "stop"):
        raise ValueError(f'on_divergence must be "raise" or "stop", got {on_divergence!r}')

    thetas, losses = [], []
    limit = None
    diverged_at = None
    for t in range(steps + 1):
        with np.errstate(over="ignore", invalid="ignore"):
            value, g = grad(theta)
            value, g = float(value), np.asarray(g, dtype=float)
        if g.shape != theta.shape:
            raise ValueError(f"grad returned a gradient of shape {g.shape}, expected {theta.shape}")
        if limit is None:
            limit = blowup * (1.0 + abs(value))
        if not (np.isfinite(value) and np.all(np.isfinite(g))) or value > limit:
            diverged_at = t
            break
        thetas.append(theta)
        losses.append(value)
        if callback is not None:
            callback(t, theta.copy(), value)
        if t == steps:
            break
        with np.errstate(over="ignore", invalid="ignore"):
            theta = theta - lr * g  # the update: a new array, θ_t stays in the history
        if not np.all(np.isfinite(theta)):
            diverged_at = t + 1
            break

    history = DescentHistory(np.array(thetas), np.array(losses), lr, diverged_at)
    if diverged_at is not None and on_divergence == "raise":
        if not thetas:
            raise ValueError("the loss or its gradient is not finite at the starting parameters")
        raise DivergenceError(f"gradient descent diverged at step {diverged_at} with lr = {lr:g}: "
                              f"the loss grew past {limit:.3g} or stopped being finite "
                              "(try a smaller learning rate)", diverged_at, history)
    return history


def neuron_objective(X, y) -> Callable:
    """θ = ŵ = [wᵀ, b]ᵀ -> (C(w, b), [∂C/∂w, ∂C/∂b]) for the neuron of §6 on data X (N, n),
    y (N,): the function :func:`gradient_descent` needs."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)

    def objective(theta):
        w, b = theta[:-1], theta[-1]
        try:
            gw, gb = loss_gradient(w, b, X, y)
            return loss(w, b, X, y), np.append(gw, gb)
        except ValueError as error:
            if "overflow" in str(error) or "non-finite" in str(error):
                return np.inf, np.full(theta.shape, np.inf)  # reported as divergence
            raise

    return objective


def train_neuron(X, y, w0, b0, lr, steps, callback: Callable | None = None, *,
                 on_divergence: str = "raise") -> DescentHistory:
    """Train the neuron max(0, w·x + b) on X (N, n), y (N,) by gradient descent from
    (w0, b0) (§6). The history's ``params`` has shape (T + 1, n + 1): columns 0 ... n−1
    are w, the last column is b (the paper's ŵ = [wᵀ, b]ᵀ). Other arguments as for
    :func:`gradient_descent`; bad data raises ``ValueError`` before the first step."""
    w0 = np.atleast_1d(np.asarray(w0, dtype=float))
    loss_gradient(w0, b0, X, y)  # validates shapes and values up front
    return gradient_descent(neuron_objective(X, y), np.append(w0, b0), lr, steps, callback,
                            on_divergence=on_divergence)
