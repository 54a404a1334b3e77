"""Gradient descent, the recurrence of Parr & Howard §6.1 and §6.2:

    w_{t+1} = w_t − η (∂C/∂w)ᵀ,    b_{t+1} = b_t − η ∂C/∂b   (η: the learning rate ``lr``).

∂C/∂w is a 1 × n row in the paper's numerator layout and w an n × 1 column, so the step
subtracts the transpose; in NumPy both are arrays of shape (n,) and the transpose is
implicit, which is why every docstring here says which one is meant.

:func:`gradient_descent` is generic and pure (like autograd's ``sgd``, whose ``grad`` also
takes the iteration number, ``grad(x, i)``, and which adds momentum by default):
``grad(θ)`` returns the gradient only, the parameters come in as an array that is never
modified, and the result is the whole history. :func:`train_neuron` applies it to the
neuron of :mod:`mathcalc.paper.neuron` with the parameters packed as the paper's
ŵ = [wᵀ, b]ᵀ (an (n+1) × 1 column).

A run that diverges is never left to print NaN: it raises :class:`DivergenceError`
naming the step, or, with ``on_divergence="stop"``, returns the history up to the last
step whose loss (or, without a loss, gradient and parameters) was finite and within the
limit, with ``diverged_at`` set.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from numbers import Integral, Real

import numpy as np

from .neuron import (GradientOverflowError, loss, loss_gradient, validate_data)


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
    ``losses``: shape (T + 1,), the loss at each row of ``params``, or None when the run
    was given no loss function; ``lr`` the learning rate; ``diverged_at``: the step at
    which the run diverged (then T + 1 = diverged_at), or None.
    """

    params: np.ndarray
    losses: np.ndarray | None
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
            # the last loss kept: finite and within the limit (a run also stops on a
            # finite loss that passed the limit, so it need not be the last finite one)
            last = "" if self.losses is None else f"last loss kept {self.losses[-1]:.3g} "
            return (f"lr = {self.lr:g}: diverged at step {self.diverged_at} "
                    f"({last}at step {self.steps})")
        if self.losses is None:
            return f"lr = {self.lr:g}: {self.steps} steps"
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


def gradient_descent(grad: Callable | None, params, lr, steps, callback: Callable | None = None,
                     *, loss: Callable | None = None, value_and_grad: Callable | None = None,
                     on_divergence: str = "raise", blowup: float = 100.0) -> DescentHistory:
    """Run ``steps`` steps of θ_{t+1} = θ_t − lr · ∇C(θ_t)ᵀ (§6.1) and return the history.

    Parameters
    ----------
    grad : callable ``θ -> ∇C(θ)``, θ and the result of shape (p,) (the gradient is the
        transpose of the paper's 1 × p row, numerator layout). None when
        ``value_and_grad`` is given.
    params : array of shape (p,), the start θ_0 (copied, never modified)
    lr : positive number, the learning rate η
    steps : non-negative integer
    callback : optional ``callback(t, θ_t, C(θ_t))``, called for t = 0 ... T (the loss is
        None without ``loss``); its return value is ignored (log with it; it cannot change
        the run)
    loss : optional ``θ -> C(θ)``; the history then records the loss at every step
    value_and_grad : optional ``θ -> (C(θ), ∇C(θ))``, in place of ``grad`` and ``loss``,
        for an objective that computes both at once
    on_divergence : ``"raise"`` (default: :class:`DivergenceError`) or ``"stop"`` (return
        the history so far, with ``diverged_at`` set)
    blowup : with a loss, the run has diverged when the loss exceeds
        ``blowup · (1 + C(θ_0))`` (the criterion the training chapter prints) or a loss,
        gradient or parameter is not finite; without a loss, when a gradient or a
        parameter is not finite

    Raises ``ValueError`` for bad arguments, and when ``grad`` returns something other
    than an array of θ's shape (a tuple, say: then ``value_and_grad=`` is what was meant).
    Pure: no globals, no randomness; the same arguments give the same history.
    """
    if value_and_grad is not None:
        if grad is not None or loss is not None:
            raise ValueError("give either grad (and optionally loss) or value_and_grad, not both")
        if not callable(value_and_grad):
            raise ValueError(f"value_and_grad must be a function θ -> (loss, gradient), got {value_and_grad!r}")
    elif not callable(grad):
        raise ValueError(f"grad must be a function θ -> gradient, got {grad!r}")
    if loss is not None and not callable(loss):
        raise ValueError(f"loss must be a function θ -> C(θ), got {loss!r}")
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
    has_loss = loss is not None or value_and_grad is not None

    def evaluate(theta):
        with np.errstate(over="ignore", invalid="ignore"):
            if value_and_grad is not None:
                value, g = _loss_and_gradient(value_and_grad(theta))
            else:
                value = None if loss is None else float(loss(theta))
                g = grad(theta)
        return value, _as_gradient(g, theta.shape, value_and_grad is None)

    thetas, losses = [], []
    limit = None
    diverged_at = None
    why = ""
    for t in range(steps + 1):
        value, g = evaluate(theta)
        if has_loss and limit is None:
            limit = blowup * (1.0 + abs(value))
        finite = np.all(np.isfinite(g)) and (value is None or np.isfinite(value))
        if not finite or (value is not None and value > limit):
            diverged_at = t
            why = (f"the loss grew past {limit:.3g} to {value:.3g}" if finite
                   else "the loss or its gradient stopped being finite" if has_loss
                   else "the gradient or the parameters stopped being finite")
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
            why = ("the parameters stopped being finite" if has_loss
                   else "the gradient or the parameters stopped being finite")
            break

    history = DescentHistory(np.array(thetas), np.array(losses) if has_loss else None, lr,
                             diverged_at)
    if diverged_at is not None and on_divergence == "raise":
        if not thetas:
            raise ValueError("the loss or its gradient is not finite at the starting parameters")
        raise DivergenceError(f"gradient descent diverged at step {diverged_at} with lr = {lr:g}: "
                              f"{why} (try a smaller learning rate)", diverged_at, history)
    return history


def _loss_and_gradient(out):
    """The (loss, gradient) pair that ``value_and_grad`` returns, checked."""
    if not (isinstance(out, tuple) and len(out) == 2):
        raise ValueError("value_and_grad must return a pair (loss, gradient), got "
                         f"{type(out).__name__}")
    return float(out[0]), out[1]


def _as_gradient(g, shape, from_grad: bool) -> np.ndarray:
    """``g`` as a float array of the parameters' shape, or a ValueError that says what was expected."""
    if from_grad and isinstance(g, tuple):
        raise ValueError(f"grad returned a tuple of {len(g)}; it must return the gradient only, "
                         f"an array of shape {shape} (for a function that returns "
                         "(loss, gradient), pass it as value_and_grad=)")
    g = np.asarray(g, dtype=float)
    if g.shape != shape:
        raise ValueError(f"the gradient has shape {g.shape}, expected {shape} (the shape of the "
                         "parameters)" + (" ; a function that returns (loss, gradient) goes in "
                                          "value_and_grad=" if from_grad else ""))
    return g


def neuron_gradient(X, y) -> Callable:
    """θ = ŵ = [wᵀ, b]ᵀ -> [∂C/∂w, ∂C/∂b]ᵀ, shape (n + 1,), for the neuron of §6 on data
    X (N, n), y (N,): the ``grad`` that :func:`gradient_descent` needs. Where the gradient
    overflows (the weights have grown huge), it returns inf, which the descent reports as
    divergence."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)

    def grad(theta):
        try:
            gw, gb = loss_gradient(theta[:-1], theta[-1], X, y)
        except GradientOverflowError:
            return np.full(theta.shape, np.inf)
        return np.append(gw, gb)

    return grad


def neuron_loss(X, y) -> Callable:
    """θ = ŵ = [wᵀ, b]ᵀ -> C(w, b) for the neuron of §6 on data X (N, n), y (N,)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    return lambda theta: loss(theta[:-1], theta[-1], X, y)


def train_neuron(X, y, w0, b0, lr, steps, callback: Callable | None = None, *,
                 on_divergence: str = "raise") -> DescentHistory:
    """Train the neuron max(0, w·x + b) on X (N, n), y (N,) by gradient descent from
    (w0, b0) (§6), recording the loss. The history's ``params`` has shape (T + 1, n + 1):
    columns 0 ... n−1 are w, the last column is b (the paper's ŵ = [wᵀ, b]ᵀ). Other
    arguments as for :func:`gradient_descent`; bad data raises ``ValueError`` before the
    first step."""
    w0, b0, X, y = validate_data(w0, b0, X, y)
    return gradient_descent(neuron_gradient(X, y), np.append(w0, b0), lr, steps, callback,
                            loss=neuron_loss(X, y), on_divergence=on_divergence)
