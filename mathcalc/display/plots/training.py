"""Plot helpers for the loss and training chapters (Parr & Howard §6): the loss surface
of a one-input neuron in (w, b), the fit to the data, and runs of gradient descent.

Each helper takes ``ax=None`` and returns the axes, with axis limits fixed by arguments so
that widget frames line up. The math comes from :mod:`mathcalc.paper.neuron` and
:mod:`mathcalc.paper.descent`; nothing here differentiates anything.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from ...paper.descent import DescentHistory
from ...paper.neuron import LossGrid, activation, affine, loss_gradient
from .style import COLORS, RUN_COLORS, new_axes


def plot_loss_contours(grid: LossGrid, ax=None, levels: int = 18):
    """Contours of C(w, b) (log-spaced levels) with the dead region, where no sample is
    active and C is flat at mean(y²), shaded grey; a star at the grid's minimum."""
    ax = new_axes(ax)
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
    ax = plot_loss_contours(grid, ax) if contours else new_axes(ax)
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
    ax = new_axes(ax)
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


TWO_PANELS = {"wide": ([0.08, 0.14, 0.4, 0.74], [0.6, 0.14, 0.37, 0.74]),
              "stacked": ([0.17, 0.58, 0.79, 0.36], [0.17, 0.08, 0.79, 0.36])}


def _two_panels(ax, layout: str = "wide"):
    """Split a widget frame's axes into two panels at fixed positions: left and right, or
    top and bottom (``layout="stacked"``, a phone's frame)."""
    first, second = TWO_PANELS[layout]
    ax.set_position(first)
    return ax, ax.figure.add_axes(second)


def plot_descent_frame(step: int, grid: LossGrid, history: DescentHistory, ax=None):
    """One animation frame: the path up to ``step`` over the contours, the next step as
    an arrow, and (w, b) and the loss at ``step`` in the title. One panel, so that a
    frame is cheap to draw."""
    ax = plot_descent_path(grid, history, step, ax=ax)
    ax.set_title(f"step {step}:  w = {history.params[step, 0]:.3f},  "
                 f"b = {history.params[step, 1]:.3f},  loss C = {history.losses[step]:.4f}",
                 fontsize=9)
    return ax


def plot_lr_run(lr: float, runs: dict, grid: LossGrid, ax=None, max_steps: int | None = None,
                layout: str = "wide"):
    """One learning-rate widget frame: the run ``runs[lr]`` over the contours (left, or top
    with ``layout="stacked"``) and the loss curves of all runs with this one highlighted."""
    ax = new_axes(ax, figsize=(9, 3.6))
    left, right = _two_panels(ax, layout)
    h = runs[lr]
    color = RUN_COLORS[list(runs).index(lr) % len(RUN_COLORS)]
    plot_descent_path(grid, h, ax=left, color=color)
    left.set_title(h.status, fontsize=10)
    for other, color in zip(runs.values(), RUN_COLORS * 3):
        right.semilogy(np.arange(other.steps + 1), other.losses, color=color,
                       lw=2.4 if other is h else 0.8, alpha=1.0 if other is h else 0.45,
                       label=f"lr = {other.lr:g}")
        if other.diverged_at is not None:
            right.semilogy([other.steps], [other.losses[-1]], "x", color=color, ms=8, mew=2)
    right.set_xlim(0, max_steps or max(r.steps for r in runs.values()))
    right.set_xlabel("step t")
    right.set_ylabel("loss C")
    right.legend(fontsize=10, loc="lower left")
    return left


plot_lr_run.narrow = {"figsize": (3.6, 6.6), "layout": "stacked"}  # a phone's frame


def plot_fit(X, y, w: float, b: float, ax=None, xlim=(-1.5, 3.5), ylim=(-1.0, 4.5)):
    """The data (x_i, y_i) of a one-input neuron and its activation max(0, wx + b); active
    samples (z_i > 0) filled, inactive ones hollow: only the filled ones move the gradient."""
    ax = new_axes(ax)
    X = np.asarray(X, dtype=float)
    z = affine([w], b, X)
    active = z > 0
    ax.plot(X[active, 0], np.asarray(y)[active], "o", color=COLORS["f"], label="active sample")
    ax.plot(X[~active, 0], np.asarray(y)[~active], "o", mfc="white", color=COLORS["f"],
            label="inactive sample")
    xs = np.linspace(*xlim, 200)
    minus = "\u2212"  # a minus sign, not a hyphen: "x − 1.50", not "x + -1.50"
    w_text = f"{w:.2f}".replace("-", minus)
    b_text = f"{minus if b < 0 else '+'} {abs(b):.2f}"
    ax.plot(xs, activation([w], b, xs[:, None]), color=COLORS["act"], lw=2,
            label=f"max(0, {w_text}x {b_text})")
    gw, gb = loss_gradient([w], b, X, y)
    ax.set_title(f"{active.sum()} of {len(z)} samples active; ∂C/∂w = {gw[0]:.3f}, "
                 f"∂C/∂b = {gb:.3f}", fontsize=9)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_xlabel("x")
    ax.legend(fontsize=8, loc="upper left")
    return ax
