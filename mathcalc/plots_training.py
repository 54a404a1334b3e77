"""Plot helpers for the neural-network-gradient chapters (Parr & Howard §5-§6): the
neuron's activation and its gradient, the loss surface of a one-input neuron in (w, b),
and runs of gradient descent over it.

Like :mod:`mathcalc.plots`, each helper takes ``ax=None`` and returns the axes, with axis
limits fixed by arguments so that widget frames line up. The math comes from
:mod:`mathcalc.neuron` and :mod:`mathcalc.descent`; nothing here differentiates anything.
"""
from __future__ import annotations

from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np

from .descent import DescentHistory
from .neuron import activation, affine, loss_gradient
from .plots import COLORS

RUN_COLORS = ("#9467bd", "#2ca02c", "#ff7f0e", "#d62728")


def _axes(ax, figsize=(6, 4)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


@dataclass(frozen=True)
class LossGrid:
    """C(w, b) of a one-input neuron on a grid: ``w`` (k,), ``b`` (k,), ``C`` (k, k) with
    ``C[i, j]`` the loss at (w[j], b[i]) (rows are b, as ``contour`` wants), and ``dead``
    (k, k), True where no sample is active (the loss is flat there and its gradient 0)."""

    w: np.ndarray
    b: np.ndarray
    C: np.ndarray
    dead: np.ndarray


def loss_grid(X, y, wlim=(-1.5, 3.0), blim=(-2.5, 2.0), k: int = 91) -> LossGrid:
    """The loss (1/N) Σ_i (y_i − max(0, w x_i + b))² of a one-input neuron (X of shape
    (N, 1)) on a k × k grid over ``wlim`` × ``blim``, computed for all grid points at once."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 1:
        raise ValueError(f"loss_grid needs a one-input data set X of shape (N, 1), got {X.shape}")
    y = np.asarray(y, dtype=float)
    if y.shape != (X.shape[0],):
        raise ValueError(f"shape mismatch: X has {X.shape[0]} samples but y has shape {y.shape}")
    w = np.linspace(*wlim, k)
    b = np.linspace(*blim, k)
    z = w[None, :, None] * X[None, None, :, 0] + b[:, None, None]  # (k_b, k_w, N)
    C = np.mean((y - np.maximum(0.0, z)) ** 2, axis=-1)
    return LossGrid(w, b, C, np.all(z <= 0, axis=-1))


def plot_loss_contours(grid: LossGrid, ax=None, levels: int = 18):
    """Contours of C(w, b) (log-spaced levels) with the dead region, where no sample is
    active and C is flat at mean(y²), shaded grey; a star at the grid's minimum."""
    ax = _axes(ax)
    low, high = max(grid.C.min(), 1e-3), grid.C.max()
    ax.contour(grid.w, grid.b, grid.C, levels=np.geomspace(low * 1.05, high, levels),
               colors="#9aa7b8", linewidths=0.7)
    if grid.dead.any():
        ax.contourf(grid.w, grid.b, grid.dead.astype(float), levels=[0.5, 1.5],
                    colors=["#dddddd"])
    i, j = np.unravel_index(np.argmin(grid.C), grid.C.shape)
    ax.plot([grid.w[j]], [grid.b[i]], "*", color=COLORS["point"], ms=10)
    ax.set_xlim(grid.w[0], grid.w[-1])
    ax.set_ylim(grid.b[0], grid.b[-1])
    ax.set_xlabel("w")
    ax.set_ylabel("b")
    return ax


def plot_descent_path(grid: LossGrid, history: DescentHistory, step: int | None = None,
                      ax=None, color: str = RUN_COLORS[1], label: str | None = None,
                      contours: bool = True):
    """The path (w_t, b_t), t = 0 ... ``step`` (default: all), of a one-input neuron's
    gradient descent over the loss contours; the last point carries the step −η∇C."""
    ax = plot_loss_contours(grid, ax) if contours else _axes(ax)
    last = history.steps if step is None else min(int(step), history.steps)
    path = history.params[: last + 1]
    ax.plot(path[:, 0], path[:, 1], "-o", color=color, ms=3, lw=1.3, label=label)
    if last < history.steps:  # the step about to be taken: −η ∂C/∂(w, b)
        move = history.params[last + 1] - history.params[last]
        ax.annotate("", xy=path[-1] + move, xytext=path[-1],
                    arrowprops=dict(arrowstyle="-|>", color=color, lw=1.5))
    return ax


def plot_loss_curve(histories, ax=None, labels=None, max_steps: int | None = None,
                    colors=None):
    """The loss against the step for one or several runs, on a log scale. A diverged run
    ends where it was stopped, marked with an × and the step. A single run is drawn in
    the colour :func:`plot_descent_path` uses, unless ``colors`` says otherwise."""
    ax = _axes(ax)
    if isinstance(histories, DescentHistory):
        histories = [histories]
    labels = labels or [f"lr = {h.lr:g}" for h in histories]
    if colors is None:
        colors = [RUN_COLORS[1]] if len(histories) == 1 else list(RUN_COLORS) * 3
    for h, label, color in zip(histories, labels, colors):
        ax.semilogy(np.arange(h.steps + 1), h.losses, color=color, lw=1.8, label=label)
        if h.diverged_at is not None:
            ax.semilogy([h.steps], [h.losses[-1]], "x", color=color, ms=10, mew=2)
            ax.annotate(f"diverged at step {h.diverged_at}", (h.steps, h.losses[-1]),
                        textcoords="offset points", xytext=(6, 4), color=color, fontsize=8)
    if max_steps is not None:
        ax.set_xlim(0, max_steps)
    ax.set_xlabel("step t")
    ax.set_ylabel("loss C")
    ax.legend(fontsize=8, loc="upper right")
    return ax


def _two_panels(ax):
    """Split a widget frame's axes into a left and a right panel at fixed positions."""
    fig = ax.figure
    ax.set_position([0.08, 0.14, 0.4, 0.74])
    right = fig.add_axes([0.6, 0.14, 0.37, 0.74])
    return ax, right


def plot_descent_frame(step: int, grid: LossGrid, history: DescentHistory, ax=None):
    """One animation frame: the path up to ``step`` over the contours, the next step as
    an arrow, and (w, b) and the loss at ``step`` in the title. One panel, so that a
    frame is cheap to draw."""
    ax = plot_descent_path(grid, history, step, ax=ax)
    ax.set_title(f"step {step}:  w = {history.params[step, 0]:.3f},  "
                 f"b = {history.params[step, 1]:.3f},  loss C = {history.losses[step]:.4f}",
                 fontsize=9)
    return ax


def plot_lr_run(lr: float, runs: dict, grid: LossGrid, ax=None, max_steps: int | None = None):
    """One learning-rate widget frame: the run ``runs[lr]`` over the contours (left) and
    the loss curves of all runs with this one highlighted (right)."""
    ax = _axes(ax, figsize=(9, 3.6))
    left, right = _two_panels(ax)
    h = runs[lr]
    color = RUN_COLORS[list(runs).index(lr) % len(RUN_COLORS)]
    plot_descent_path(grid, h, ax=left, color=color)
    left.set_title(h.status, fontsize=8)
    for other, color in zip(runs.values(), RUN_COLORS * 3):
        right.semilogy(np.arange(other.steps + 1), other.losses, color=color,
                       lw=2.4 if other is h else 0.8, alpha=1.0 if other is h else 0.45,
                       label=f"lr = {other.lr:g}")
        if other.diverged_at is not None:
            right.semilogy([other.steps], [other.losses[-1]], "x", color=color, ms=8, mew=2)
    right.set_xlim(0, max_steps or max(r.steps for r in runs.values()))
    right.set_xlabel("step t")
    right.set_ylabel("loss C")
    right.legend(fontsize=7, loc="lower left")
    return left


def plot_neuron_one_input(w: float, b: float, x: float, ax=None, xlim=(-3.0, 3.0),
                          ylim=(-3.0, 4.0)):
    """A one-input neuron at input ``x`` (§5): z = wx + b (dashed), max(0, z) (solid), and,
    in an inset in the (w, b) plane, the gradient [∂a/∂w, ∂a/∂b] = [x, 1] when z > 0 and
    [0, 0] when z ≤ 0 (the paper takes the derivative at z = 0 as 0)."""
    ax = _axes(ax)
    xs = np.linspace(*xlim, 241)
    ax.axhline(0, color="#bbbbbb", lw=0.8)
    ax.axvline(0, color="#bbbbbb", lw=0.8)
    ax.plot(xs, affine([w], b, xs[:, None]), "--", color=COLORS["z"], label="z = wx + b")
    ax.plot(xs, activation([w], b, xs[:, None]), color=COLORS["act"], lw=2.2, label="max(0, z)")
    z = affine([w], b, [x])
    a = activation([w], b, [x])
    ax.plot([x], [z], "o", mfc="white", color=COLORS["z"])
    ax.plot([x], [a], "o", color=COLORS["point"])
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_xlabel("x")
    ax.legend(loc="lower right", fontsize=8)
    grad = np.array([x, 1.0]) if z > 0 else np.zeros(2)
    ax.set_title(f"z = {z:.2f},  activation = {a:.2f},  "
                 f"[∂a/∂w, ∂a/∂b] = [{grad[0]:.2f}, {grad[1]:.2f}]", fontsize=9)
    inset = ax.inset_axes([0.02, 0.46, 0.4, 0.52])
    inset.axhline(0, color="#bbbbbb", lw=0.6)
    inset.axvline(0, color="#bbbbbb", lw=0.6)
    inset.plot([w], [b], "o", color=COLORS["point"], ms=5)
    if z > 0:
        inset.annotate("", xy=(w + grad[0], b + grad[1]), xytext=(w, b),
                       arrowprops=dict(arrowstyle="-|>", color=COLORS["tangent"], lw=1.6))
    else:
        inset.text(w, b + 0.4, "gradient 0", ha="center", fontsize=8, color=COLORS["act"])
    inset.set_xlim(-4.0, 4.0)
    inset.set_ylim(-2.5, 2.5)
    inset.set_xticks([])
    inset.set_yticks([])
    inset.set_xlabel("w", fontsize=8, labelpad=1)
    inset.set_ylabel("b", fontsize=8, labelpad=1)
    inset.text(0.03, 0.97, "(w, b) and the gradient", transform=inset.transAxes,
               fontsize=7, va="top")
    return ax


def plot_neuron_two_inputs(w1: float, w2: float, b: float = -0.5, x=(1.0, 0.5), ax=None,
                           lim: float = 2.5):
    """A two-input neuron at a fixed input x, seen in the weight plane (§5): the
    activation max(0, w·x + b) as shading over (w1, w2), the line w·x + b = 0 where the
    ReLU kinks, the point w, and at w the gradient ∂a/∂w = xᵀ if z > 0, else 0ᵀ."""
    ax = _axes(ax)
    x = np.asarray(x, dtype=float)
    g = np.linspace(-lim, lim, 101)
    W1, W2 = np.meshgrid(g, g)
    A = np.maximum(0.0, W1 * x[0] + W2 * x[1] + b)
    ax.imshow(A, extent=(-lim, lim, -lim, lim), origin="lower", cmap="Reds", vmin=0,
              vmax=A.max(), alpha=0.75)
    if abs(x[1]) > 1e-12:
        ax.plot(g, -(b + x[0] * g) / x[1], color=COLORS["edge"], lw=1)
    w = np.array([w1, w2])
    z = affine(w, b, x)
    a = activation(w, b, x)
    grad = x if z > 0 else np.zeros(2)
    ax.plot(*w, "o", color=COLORS["point"])
    if z > 0:
        ax.annotate("", xy=w + grad, xytext=w,
                    arrowprops=dict(arrowstyle="-|>", color=COLORS["tangent"], lw=2))
    ax.set_xlim(-lim, lim)
    ax.set_ylim(-lim, lim)
    ax.set_aspect("equal")
    ax.set_xlabel("w1")
    ax.set_ylabel("w2")
    ax.set_title(f"x = ({x[0]:g}, {x[1]:g}), b = {b:g}:  z = {z:.2f}, activation = {a:.2f}, "
                 f"∂a/∂w = [{grad[0]:.2f}, {grad[1]:.2f}]", fontsize=8)
    return ax


def plot_fit(X, y, w: float, b: float, ax=None, xlim=(-1.5, 3.5), ylim=(-1.0, 4.5)):
    """The data (x_i, y_i) of a one-input neuron and its activation max(0, wx + b); active
    samples (z_i > 0) filled, inactive ones hollow: only the filled ones move the gradient."""
    ax = _axes(ax)
    X = np.asarray(X, dtype=float)
    z = affine([w], b, X)
    active = z > 0
    ax.plot(X[active, 0], np.asarray(y)[active], "o", color=COLORS["f"], label="active sample")
    ax.plot(X[~active, 0], np.asarray(y)[~active], "o", mfc="white", color=COLORS["f"],
            label="inactive sample")
    xs = np.linspace(*xlim, 200)
    ax.plot(xs, activation([w], b, xs[:, None]), color=COLORS["act"], lw=2,
            label=f"max(0, {w:.2f}x + {b:.2f})")
    gw, gb = loss_gradient([w], b, X, y)
    ax.set_title(f"{active.sum()} of {len(z)} samples active; ∂C/∂w = {gw[0]:.3f}, "
                 f"∂C/∂b = {gb:.3f}", fontsize=9)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_xlabel("x")
    ax.legend(fontsize=8, loc="upper left")
    return ax
