"""Plot helpers for the book. Each takes ``ax=None`` (a new figure when omitted), draws,
and returns the axes; axis limits are fixed by arguments so that widget frames line up.

Colours come from :data:`COLORS`, one palette for the whole book, readable in light and
dark themes.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import sympy as sp

from .neuron import activation, affine

COLORS = {"f": "#1f77b4", "z": "#7f7f7f", "act": "#d62728", "tangent": "#2ca02c",
          "point": "#000000", "node": "#dbe9f6", "edge": "#4a4a4a"}


def _axes(ax, figsize=(6, 4)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def plot_neuron_diagram(n_inputs: int = 3, ax=None):
    """The artificial neuron of Parr & Howard §1, drawn from its structure.

    Inputs x_1 ... x_n (n = ``n_inputs``) feed, with weights w_i on the edges, a node that
    computes the affine function z = Σ w_i x_i + b; z feeds max(0, z), the activation.
    Node positions are computed from ``n_inputs``: nothing is hand-placed.
    """
    if not isinstance(n_inputs, (int, np.integer)) or n_inputs < 1:
        raise ValueError(f"n_inputs must be a positive integer, got {n_inputs!r}")
    ax = _axes(ax, figsize=(7, 0.9 * n_inputs + 1.8))
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
                     xlim=(-3.0, 3.0), ylim=(-3.0, 4.0)):
    """A one-input neuron: z = wx + b (dashed) and activation max(0, wx + b) (solid), §1.

    If ``x`` is given, marks the point (x, activation) and prints z and the activation.
    """
    ax = _axes(ax)
    xs = np.linspace(*xlim, 241)
    ax.axhline(0, color="#bbbbbb", lw=0.8)
    ax.axvline(0, color="#bbbbbb", lw=0.8)
    ax.plot(xs, affine([w], b, xs[:, None]), "--", color=COLORS["z"], label="z = wx + b")
    ax.plot(xs, activation([w], b, xs[:, None]), color=COLORS["act"], lw=2.2,
            label="max(0, wx + b)")
    if x is not None:
        z = affine([w], b, [x])
        a = activation([w], b, [x])
        ax.plot([x], [a], "o", color=COLORS["point"])
        ax.text(0.02, 0.96, f"x = {x:.2f}, z = {z:.2f}, activation = {a:.2f}",
                transform=ax.transAxes, va="top", fontsize=9)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_xlabel("x")
    ax.set_title(f"w = {w:.2f}, b = {b:.2f}", fontsize=10)
    ax.legend(loc="lower right", fontsize=9)
    return ax


def plot_tangent(expr, x: sp.Symbol, at: float = 1.0, ax=None, xlim=(-2.0, 2.0), ylim=None):
    """A function of one variable, its tangent line at ``x = at``, and the slope d expr/dx.

    The slope comes from SymPy's derivative; the tangent is y = f(a) + f'(a)(x − a).
    """
    if not isinstance(x, sp.Symbol):
        raise ValueError(f"x must be a SymPy symbol, got {x!r}")
    ax = _axes(ax)
    f = sp.lambdify(x, expr, "numpy")
    df = sp.lambdify(x, sp.diff(expr, x), "numpy")
    xs = np.linspace(*xlim, 241)
    ys = np.broadcast_to(f(xs), xs.shape)
    fa, slope = float(f(at)), float(df(at))
    ax.plot(xs, ys, color=COLORS["f"], lw=2, label=f"${sp.latex(expr)}$")
    ax.plot(xs, fa + slope * (xs - at), color=COLORS["tangent"], lw=1.4,
            label=f"tangent, slope {slope:.3g}")
    ax.plot([at], [fa], "o", color=COLORS["point"])
    ax.set_xlim(*xlim)
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_xlabel(str(x))
    ax.legend(loc="upper left", fontsize=9)
    return ax
