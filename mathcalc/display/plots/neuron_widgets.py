"""The layers of the neuron widgets (§5, §6.1, §6.2) for :func:`mathcalc.display.widgets.layered`.

Each widget is a base plot helper (``ax=None``, returns the axes; it fixes every axes'
position and limits) and functions returning marks (:mod:`mathcalc.display.marks`) in
those axes' data coordinates, one per set of sliders they depend on. The numbers come
from :mod:`mathcalc.paper.neuron_lab` (and so :mod:`mathcalc.paper.neuron`).

- §5: :func:`plot_neuron_axes` (no slider), :func:`neuron_lines` (w, b),
  :func:`neuron_point` (w, b, x); :func:`neuron_gradient_layers` bundles them.
- §6: :func:`plot_loss_lab_axes` (the moved sample: the cost contours),
  :func:`loss_lab_fit` (w, b: the fitted activation), :func:`loss_lab_marks` (all three:
  samples, contributions, gradient arrows); :func:`loss_lab_layers` bundles them.
"""
from __future__ import annotations

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ...paper.neuron import activation, affine
from ...paper.neuron_lab import LossLab, read_neuron, sample_name
from ..marks import Bar, Dot, Line, Text
from ..layered import Layer
from .style import COLORS, new_axes
from .training import plot_loss_contours

PAPER = "#ff7f0e"      # the paper's form of the gradient (§6.1, §6.2)
GRADIENT = COLORS["tangent"]
NEURON_X = (-2.5, 2.5)
NEURON_Y = (-4.5, 6.5)
PLANE_W = (-4.5, 4.5)
PLANE_B = (-2.5, 3.5)


def _panels(ax, rects):
    """The widget's axes at fixed positions: ``ax`` moved to ``rects[0]``, one new axes per
    further rectangle; returns them all."""
    ax.set_position(rects[0])
    return [ax] + [ax.figure.add_axes(r) for r in rects[1:]]


def _line_through(w: float, b: float, xlim) -> tuple[tuple, tuple, tuple]:
    """x, z = wx + b and max(0, z) at the ends of ``xlim`` and at the kink (if inside)."""
    xs = {float(xlim[0]), float(xlim[1])}
    if w != 0 and xlim[0] < -b / w < xlim[1]:
        xs.add(-b / w)
    xs = np.array(sorted(xs))
    return tuple(xs), tuple(affine([w], b, xs[:, None])), tuple(activation([w], b, xs[:, None]))


# --- §5 ------------------------------------------------------------------------------------

# Panel positions per layout: side by side on a desktop (8 x 3.4 in), stacked on a phone
# (3.6 x 6.4 in: ``layout="stacked"``).
NEURON_PANELS = {"wide": [[0.07, 0.15, 0.53, 0.68], [0.70, 0.15, 0.27, 0.68]],
                 "stacked": [[0.15, 0.55, 0.81, 0.34], [0.15, 0.07, 0.81, 0.32]]}
NEURON_NARROW = {"figsize": (3.6, 6.4), "layout": "stacked"}


def plot_neuron_axes(ax=None, layout: str = "wide"):
    """The §5 widget's base: x against z and the activation (left, or top when
    ``layout="stacked"``), the (w, b) plane of the gradient (right, or below), with
    legends; no data (the marks layers draw it)."""
    ax = new_axes(ax, figsize=(8, 3.4))
    left, right = _panels(ax, NEURON_PANELS[layout])
    for a, (xl, yl) in [(left, (NEURON_X, NEURON_Y)), (right, (PLANE_W, PLANE_B))]:
        a.axhline(0, color="#bbbbbb", lw=0.8)
        a.axvline(0, color="#bbbbbb", lw=0.8)
        a.set_xlim(*xl)
        a.set_ylim(*yl)
    left.set_xlabel("x", labelpad=1)
    right.set_xlabel("w", labelpad=1)
    right.set_ylabel("b", labelpad=1)
    left.legend(handles=[
        Line2D([], [], ls="--", color=COLORS["z"], label="z = wx + b"),
        Line2D([], [], color=COLORS["act"], lw=2, label="max(0, wx + b)"),
        Line2D([], [], marker="o", ls="", mfc="white", color=COLORS["z"], label="z at x"),
        Line2D([], [], marker="o", ls="", color=COLORS["point"], label="activation at x")],
        loc="upper left", fontsize=9, framealpha=0.9)
    right.set_title("(w, b) and [∂a/∂w, ∂a/∂b]", fontsize=9.5, pad=16)
    return left


plot_neuron_axes.narrow = NEURON_NARROW  # the phone's layout (mathcalc.display.frames.narrow_layout)


def neuron_lines(w: float, b: float) -> list:
    """Marks for (w, b): z = wx + b, the activation, and the point (w, b) in its plane."""
    xs, z, a = _line_through(w, b, NEURON_X)
    return [Line(0, xs, z, COLORS["z"], 1.4, dashed=True), Line(0, xs, a, COLORS["act"], 2.6),
            Dot(1, w, b, COLORS["point"], radius=3.5)]


def neuron_point(w: float, b: float, x: float, layout: str = "wide") -> list:
    """Marks for (w, b, x): z and the activation at x, the gradient as an arrow from
    (w, b) (or what it is, where it is 0), and the numbers above the picture (on two
    lines when the panels are stacked)."""
    r = read_neuron(w, b, x)
    values = f"z = {r.z:.2f},  activation = {r.activation:.2f}"
    gradient = f"[∂a/∂w, ∂a/∂b] = [{r.da_dw:.2f}, {r.da_db:.2f}]"
    marks = [Line(0, (x, x), (0.0, r.z), COLORS["z"], 1.0, dashed=True),
             Dot(0, x, r.z, COLORS["z"], filled=False), Dot(0, x, r.activation, COLORS["point"])]
    if layout == "stacked":
        marks += [Text(0, 0.0, 1.13, values, size=12.5, fraction=True),
                  Text(0, 0.0, 1.04, gradient, size=12.5, fraction=True)]
    else:
        marks.append(Text(0, 0.0, 1.05, f"{values},  {gradient}", size=12.5, fraction=True))
    if r.state == "active":
        marks.append(Line(1, (w, w + r.da_dw), (b, b + r.da_db), GRADIENT, 2.0, arrow=True))
    else:
        note = "z = 0: 0 by convention" if r.state == "kink" else "gradient 0"
        marks.append(Text(1, 0.5, 1.03, note, COLORS["act"], size=12.5, anchor="middle",
                          fraction=True))
    return marks


def neuron_gradient_layers() -> list:
    """The §5 widget's layers: axes (no slider), lines (w, b), the point (w, b, x)."""
    return [Layer(plot_neuron_axes), Layer(neuron_lines, ("w", "b")),
            Layer(neuron_point, ("w", "b", "x"))]


# --- §6.1, §6.2 ----------------------------------------------------------------------------

LAB_X = (-2.5, 3.0)
LAB_Y = (-1.5, 4.5)


# Panel positions per layout: three side by side on a desktop (9 x 3.6 in), stacked on a
# phone (3.6 x 9.9 in: ``layout="stacked"``).
LAB_PANELS = {"wide": [[0.05, 0.14, 0.27, 0.62], [0.39, 0.14, 0.27, 0.62],
                       [0.72, 0.14, 0.26, 0.62]],
              "stacked": [[0.15, 0.72, 0.81, 0.21], [0.15, 0.405, 0.81, 0.21],
                          [0.15, 0.05, 0.81, 0.24]]}
LAB_NARROW = {"figsize": (3.6, 9.9), "layout": "stacked"}


def plot_loss_lab_axes(lab: LossLab, x_moved: float, which: str = "w", ax=None,
                       bar_limit: float | None = None, layout: str = "wide"):
    """The lab's base for one position of the moved sample: the data axes (left), the
    contributions' bar axes (middle, ±``bar_limit``) and the cost contours C(w, b) (right);
    top to bottom with ``layout="stacked"``."""
    ax = new_axes(ax, figsize=(9, 3.6))
    left, mid, right = _panels(ax, LAB_PANELS[layout])
    left.axhline(0, color="#bbbbbb", lw=0.8)
    left.set_xlim(*LAB_X)
    left.set_ylim(*LAB_Y)
    left.set_xlabel("x", labelpad=1)
    left.legend(handles=[
        Line2D([], [], marker="o", ls="", color=COLORS["f"], label="active sample"),
        Line2D([], [], marker="o", ls="", mfc="white", color=COLORS["f"], label="inactive"),
        Line2D([], [], color=COLORS["act"], lw=2, label="max(0, wx + b)")],
        loc="upper left", fontsize=10, framealpha=0.9)
    limit = bar_limit if bar_limit is not None else lab.bar_limit(which)
    n = len(lab.x)
    mid.axhline(0, color="#888888", lw=0.8)
    mid.set_xlim(0.3, n + 2.9)
    mid.set_ylim(-limit, limit)
    mid.set_xticks(list(range(1, n + 1)) + [n + 1.5, n + 2.5],
                   [sample_name(i) for i in range(n)] + [f"∂C/∂{which}", paper_section(which)],
                   fontsize=10)
    term = "(2/N)·eᵢxᵢ" if which == "w" else "(2/N)·eᵢ"
    mid.legend(handles=[Patch(color=COLORS["f"], alpha=0.85, label=f"{term}, active"),
                        Patch(fill=False, ec=PAPER, ls="--",
                              label=f"counted only by {paper_section(which)}")],
               loc="lower left", fontsize=10, framealpha=0.9)
    plot_loss_contours(lab.surface(x_moved), ax=right)
    right.set_xlabel("w", labelpad=1)
    right.set_ylabel("b", labelpad=1)
    right.legend(handles=[Line2D([], [], color=GRADIENT, lw=2, label="gradient × 0.3"),
                          Line2D([], [], color=PAPER, lw=2, ls="--",
                                 label="paper §6.1–§6.2 × 0.3")],
                 loc="lower right", fontsize=10, framealpha=0.9)
    for a, t in [(left, "data and fit"), (mid, f"contributions to ∂C/∂{which}"),
                 (right, "cost C(w, b)")]:
        a.set_title(t, fontsize=10.5, pad=17)
        a.tick_params(labelsize=10)
    return left


def paper_section(which: str) -> str:
    """The paper's section whose form of the gradient the lab shows: §6.1 for ∂C/∂w, §6.2
    for ∂C/∂b."""
    return "§6.1" if which == "w" else "§6.2"


def loss_lab_fit(w: float, b: float) -> list:
    """Marks for (w, b): the fitted activation max(0, wx + b) and (w, b) on the contours."""
    xs, _, a = _line_through(w, b, LAB_X)
    return [Line(0, xs, a, COLORS["act"], 2.4), Dot(2, w, b, COLORS["point"], radius=3.5)]


ARROW_SCALE = 0.3


def loss_lab_marks(lab: LossLab, w: float, b: float, x_moved: float, which: str = "w") -> list:
    """Marks for (w, b, x₃): the samples (filled if active) with their errors, each
    contribution as a bar (outlined where only the paper's form counts it), the two
    totals, and the gradient (and the paper's form, where it differs) as arrows."""
    r = lab.read(w, b, x_moved)
    X, y = lab.data(x_moved)
    n = len(y)
    marks = []
    for i, (xi, yi, ei, act) in enumerate(zip(X[:, 0], y, r.e, r.active)):
        if act:
            marks.append(Line(0, (xi, xi), (yi, yi + ei), COLORS["f"], 1.0, dashed=True))
        marks.append(Dot(0, xi, yi, COLORS["f"], filled=bool(act), radius=4.0))
        scale = xi if which == "w" else 1.0
        if act:
            marks.append(Bar(1, i + 1, 2.0 / n * ei * scale, color=COLORS["f"]))
        elif r.active.any():  # with no sample active the paper's form is 0 too: no bars
            marks.append(Bar(1, i + 1, 2.0 / n * ei * scale, color=PAPER, filled=False,
                             dashed=True))
    xm = X[lab.moved, 0]
    marks.append(Text(0, xm, lab.y[lab.moved] - 0.55, lab.moved_name, COLORS["f"], 13.5,
                      anchor="middle"))
    grad, paper = (r.grad_w, r.paper_w) if which == "w" else (r.grad_b, r.paper_b)
    marks += [Bar(1, n + 1.5, grad, color=GRADIENT),
              Bar(1, n + 2.5, paper, color=PAPER, filled=r.paper_agrees, dashed=True),
              Text(1, 0.5, 1.03, f"∂C/∂{which} = {grad:.2f}   {paper_section(which)}: {paper:.2f}", size=13.5,
                   anchor="middle", fraction=True),
              Text(0, 0.5, 1.03, f"{int(r.active.sum())} of {n} samples active", size=13.5,
                   anchor="middle", fraction=True),
              # at a kink C has no gradient (the caption gives the convention's values)
              Text(2, 0.5, 1.03, ("no ∇C: a sample at z = 0" if r.kink.any()
                                  else f"∇C = ({r.grad_w:.2f}, {r.grad_b:.2f})"),
                   size=13.5, anchor="middle", fraction=True)]
    if not r.paper_agrees:
        marks.append(Line(2, (w, w + ARROW_SCALE * r.paper_w), (b, b + ARROW_SCALE * r.paper_b),
                          PAPER, 1.8, dashed=True, arrow=True))
    if r.grad_w or r.grad_b:
        marks.append(Line(2, (w, w + ARROW_SCALE * r.grad_w), (b, b + ARROW_SCALE * r.grad_b),
                          GRADIENT, 2.2, arrow=True))
    return marks


def loss_lab_layers(lab: LossLab, which: str = "w") -> list:
    """The lab's layers: contours (the moved sample), the fit (w, b), the marks (all)."""
    name, limit = lab.moved_name, lab.bar_limit(which)

    def contours(ax, layout="wide", **values):
        return plot_loss_lab_axes(lab, values[name], which, ax=ax, bar_limit=limit, layout=layout)

    def marks(w, b, **values):
        return loss_lab_marks(lab, w, b, values[name], which)

    contours.__name__, marks.__name__ = "plot_loss_lab_axes", "loss_lab_marks"
    contours.narrow = LAB_NARROW
    return [Layer(contours, (name,)), Layer(loss_lab_fit, ("w", "b")),
            Layer(marks, ("w", "b", name))]
