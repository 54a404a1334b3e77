"""Plot helpers for the neuron of Parr & Howard §1 and §5: its diagram, and a one-input
neuron's z, activation and gradient. Each takes ``ax=None`` (a new figure when omitted),
draws, and returns the axes; axis limits are fixed by arguments so that widget frames
line up. The numbers come from :mod:`mathcalc.paper.neuron`; nothing here differentiates.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from ...core.validate import positive_int
from ...paper.neuron import activation, activation_gradient, affine
from .style import COLORS, new_axes


def plot_neuron_diagram(n_inputs: int = 3, ax=None):
    """The artificial neuron of Parr & Howard §1, drawn from its structure.

    Inputs x_1 ... x_n (n = ``n_inputs``) feed, with weights w_i on the edges, a node that
    computes the affine function z = Σ w_i x_i + b; z feeds max(0, z), the activation.
    Node positions are computed from ``n_inputs``: nothing is hand-placed.
    """
    n_inputs = positive_int(n_inputs, "n_inputs")
    ax = new_axes(ax, figsize=(7, 0.9 * n_inputs + 1.8))
    ys = np.linspace(n_inputs - 1, 0, n_inputs) - (n_inputs - 1) / 2
    sum_xy, relu_xy, out_xy = (3.0, 0.0), (5.4, 0.0), (7.4, 0.0)
    labels = [f"$x_{{{i + 1}}}$" for i in range(n_inputs)]
    if n_inputs > 4:  # x_1, x_2, ..., x_n: elide the middle as the paper's figure does
        labels = labels[:2] + [r"$\vdots$"] * (n_inputs - 3) + [r"$x_n$"]
    for i, (y, label) in enumerate(zip(ys, labels)):
        ax.add_patch(plt.Circle((0.0, y), 0.32, fc=COLORS["node"], ec=COLORS["edge"]))
        ax.text(0.0, y, label, ha="center", va="center", fontsize=13)
        ax.annotate("", xy=(sum_xy[0] - 0.62, sum_xy[1] + 0.12 * (y / max(1, abs(ys).max()))),
                    xytext=(0.34, y), arrowprops=dict(arrowstyle="-|>", color=COLORS["edge"]))
        if "vdots" not in label:
            w = label.replace("x", "w")
            ax.text(1.45, 0.55 * y + 0.18, w, ha="center", va="bottom", fontsize=11,
                    color=COLORS["edge"])
    ax.add_patch(plt.Circle(sum_xy, 0.6, fc=COLORS["node"], ec=COLORS["edge"]))
    ax.text(*sum_xy, r"$\Sigma$" + "\n" + r"$+\,b$", ha="center", va="center", fontsize=12)
    ax.add_patch(plt.Rectangle((relu_xy[0] - 0.8, -0.38), 1.6, 0.76, fc=COLORS["node"],
                               ec=COLORS["edge"]))
    ax.text(*relu_xy, r"$\max(0, z)$", ha="center", va="center", fontsize=12)
    ax.annotate("", xy=(relu_xy[0] - 0.8, 0), xytext=(sum_xy[0] + 0.6, 0),
                arrowprops=dict(arrowstyle="-|>", color=COLORS["edge"]))
    ax.text((sum_xy[0] + relu_xy[0]) / 2 - 0.1, 0.12, r"$z$", ha="center", fontsize=12)
    ax.annotate("", xy=out_xy, xytext=(relu_xy[0] + 0.8, 0),
                arrowprops=dict(arrowstyle="-|>", color=COLORS["edge"]))
    ax.text(out_xy[0] + 0.1, 0, r"activation", ha="left", va="center", fontsize=12)
    ax.set_xlim(-0.6, 9.4)
    ax.set_ylim(ys.min() - 0.7, ys.max() + 0.7)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def plot_relu_neuron(w: float = 1.0, b: float = 0.0, x: float | None = None, ax=None,
                     xlim=(-3.0, 3.0), ylim=(-3.0, 4.0), gradient: bool = False):
    """A one-input neuron: z = wx + b (dashed) and activation max(0, wx + b) (solid), §1.

    If ``x`` is given, marks z and the activation at x and says their values. With
    ``gradient=True`` (§5) it also shows, in an inset in the (w, b) plane, the gradient
    [∂a/∂w, ∂a/∂b] at x from :func:`mathcalc.paper.neuron.activation_gradient`
    ([x, 1] when z > 0, [0, 0] when z < 0, and 0 by the paper's convention at z = 0).
    """
    ax = new_axes(ax)
    xs = np.linspace(*xlim, 241)
    ax.axhline(0, color="#bbbbbb", lw=0.8)
    ax.axvline(0, color="#bbbbbb", lw=0.8)
    ax.plot(xs, affine([w], b, xs[:, None]), "--", color=COLORS["z"], label="z = wx + b")
    ax.plot(xs, activation([w], b, xs[:, None]), color=COLORS["act"], lw=2.2,
            label="max(0, wx + b)")
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_xlabel("x")
    ax.legend(loc="lower right", fontsize=8 if gradient else 9)
    if x is None:
        ax.set_title(f"w = {w:.2f}, b = {b:.2f}", fontsize=10)
        return ax
    z, a = affine([w], b, [x]), activation([w], b, [x])
    ax.plot([x], [z], "o", mfc="white", color=COLORS["z"])
    ax.plot([x], [a], "o", color=COLORS["point"])
    if not gradient:
        ax.set_title(f"w = {w:.2f}, b = {b:.2f}", fontsize=10)
        ax.text(0.02, 0.96, f"x = {x:.2f}, z = {z:.2f}, activation = {a:.2f}",
                transform=ax.transAxes, va="top", fontsize=9)
        return ax
    da_dw, da_db = activation_gradient([w], b, [x])
    ax.set_title(f"z = {z:.2f},  activation = {a:.2f},  "
                 f"[∂a/∂w, ∂a/∂b] = [{da_dw[0]:.2f}, {da_db:.2f}]", fontsize=9)
    inset = ax.inset_axes([0.02, 0.46, 0.4, 0.52])
    inset.axhline(0, color="#bbbbbb", lw=0.6)
    inset.axvline(0, color="#bbbbbb", lw=0.6)
    inset.plot([w], [b], "o", color=COLORS["point"], ms=5)
    if z > 0:
        inset.annotate("", xy=(w + da_dw[0], b + da_db), xytext=(w, b),
                       arrowprops=dict(arrowstyle="-|>", color=COLORS["tangent"], lw=1.6))
    else:
        note = "z = 0: gradient 0 by convention" if z == 0 else "gradient 0"
        inset.text(w, b + 0.4, note, ha="center", fontsize=8, color=COLORS["act"])
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
    ax = new_axes(ax)
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
    grad, _ = activation_gradient(w, b, x)
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
