"""Plot helpers for the chain-rule chapters (Parr & Howard §4.5): dataflow graphs drawn
from the expression tree (:mod:`mathcalc.paper.graph`), and the widget that splits a
tangent's slope into the contributions of the dataflow paths from x to y.

Each helper takes ``ax=None`` and returns the axes; axis limits depend only on the
expression, never on the slider value, so widget frames line up.
"""
from __future__ import annotations

import functools

import numpy as np
import sympy as sp

from ...paper.chain import intermediate_variables
from ...paper.graph import levels, paths
from ..show import tex
from .style import COLORS, PATH_COLORS, new_axes


@functools.lru_cache(maxsize=16)
def path_contributions(expr, x: sp.Symbol):
    """(labels, f, [contribution functions]) for y = expr(x): NumPy functions of x, one per
    dataflow path (longest first), whose sum is dy/dx (§4.5.2). Cached per expression."""
    found = paths(expr, x)
    labels = [r"$" + r" \to ".join(tex(n) for n in p.nodes) + "$" for p in found]
    f = sp.lambdify(x, expr, "numpy")
    parts = [sp.lambdify(x, p.contribution, "numpy") for p in found]
    return tuple(labels), f, tuple(parts), tuple(p.contribution for p in found)


def _limits(f, xlim):
    xs = np.linspace(*xlim, 241)
    ys = np.broadcast_to(f(xs), xs.shape)
    pad = 0.15 * (ys.max() - ys.min())
    return xs, ys, (ys.min() - pad - 0.5, ys.max() + pad + 0.5)


def plot_path_contributions(x: float = 1.0, expr=None, symbol: sp.Symbol | None = None,
                            ax=None, xlim=(-2.0, 2.0), step: float = 0.25):
    """y = expr(symbol) at the point ``x``, its tangent there, and the tangent's rise over
    ``step`` split by dataflow path.

    With x0 = ``x``: from (x0, y(x0)) a staircase goes ``step`` to the right (to the left
    where x0 + step would leave ``xlim``) and then up by each path's contribution × Δx,
    stacked: the stack ends on the tangent, because the contributions sum to dy/dx. The box
    lists each path's contribution at x0. Default: sin(x + x²).
    """
    x0 = float(x)
    x = symbol if symbol is not None else sp.Symbol("x", real=True)
    if expr is None:
        expr = sp.sin(x + x**2)
    if not xlim[0] <= x0 <= xlim[1]:
        raise ValueError(f"x0 = {x0} is outside xlim = {xlim}")
    if step <= 0:
        raise ValueError(f"step must be positive, got {step}")
    labels, f, parts, _ = path_contributions(expr, x)
    ax = new_axes(ax, figsize=(5.6, 3.6))
    xs, ys, ylim = _limits(f, xlim)
    y0 = float(f(x0))
    values = [float(np.broadcast_to(p(x0), ())) for p in parts]
    slope = sum(values)
    ax.plot(xs, ys, color=COLORS["f"], lw=2, label=f"$y = {tex(expr)}$")
    ax.plot(xs, y0 + slope * (xs - x0), color=COLORS["tangent"], lw=1.2,
            label=f"tangent, slope dy/dx = {slope:.2f}")
    dx = step if x0 + step <= xlim[1] else -step  # near the right edge, step to the left
    ax.plot([x0, x0 + dx], [y0, y0], color=COLORS["edge"], lw=1, ls=":")
    level = y0
    for k, v in enumerate(values):
        colour = PATH_COLORS[k % len(PATH_COLORS)]
        ax.annotate("", xy=(x0 + dx, level + v * dx), xytext=(x0 + dx, level),
                    arrowprops=dict(arrowstyle="-|>", color=colour, lw=2.2,
                                    shrinkA=0, shrinkB=0))
        level += v * dx
    ax.plot([x0], [y0], "o", color=COLORS["point"])
    lines = [f"{label}: {v:+.2f}" for label, v in zip(labels, values)]
    lines.append(f"sum = dy/dx = {slope:+.2f}")
    for k, line in enumerate(lines):
        colour = PATH_COLORS[k % len(PATH_COLORS)] if k < len(values) else COLORS["point"]
        ax.text(0.02, 0.96 - 0.085 * k, line, transform=ax.transAxes, va="top",
                fontsize=9, color=colour, bbox=dict(fc="white", ec="none", alpha=0.8, pad=1))
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_xlabel(f"${tex(x)}$")
    ax.set_title(f"x = {x0:.2f}: each path's contribution to dy/dx (arrows: × Δx = {dx:g})",
                 fontsize=9)
    ax.legend(loc="lower right", fontsize=8)
    return ax


def _positions(steps, x):
    level = levels(steps, x)
    rows: dict[int, list] = {}
    for node in [x] + [s.name for s in steps]:
        rows.setdefault(level[node], []).append(node)
    pos = {}
    for h, nodes in rows.items():
        for k, node in enumerate(nodes):
            pos[node] = (2.2 * (k - (len(nodes) - 1) / 2), 1.3 * h)
    return pos


def draw_dataflow(expr, x: sp.Symbol, ax=None, title: str | None = None):
    """Draw the dataflow graph of y = expr(x), x at the bottom, y on top (§4.5.1).

    Each box shows u_i = (its operator applied to its operands); each arrow p → u_i is
    labelled with ∂u_i/∂p. Arrows that skip a level curve around the nodes in between.
    Edges are coloured by the first path (longest first) that uses them; the default
    title counts the paths from x to y. Returns the axes.
    """
    steps = intermediate_variables(expr, x)
    pos = _positions(steps, x)
    all_paths = paths(expr, x)
    colour = {}
    for i, path in enumerate(all_paths):
        for a, b in zip(path.nodes, path.nodes[1:]):
            colour.setdefault((a, b), PATH_COLORS[i % len(PATH_COLORS)])
    height = max(p[1] for p in pos.values())
    ax = new_axes(ax, figsize=(5.2, 1.2 + 1.1 * height))
    for s in steps:
        for p in s.operands:
            (x0, y0), (x1, y1) = pos[p], pos[s.name]
            rad = 0.0 if abs((y1 - y0) - 1.3) < 1e-9 else -0.45
            ax.annotate("", xy=(x1, y1 - 0.28), xytext=(x0, y0 + 0.28),
                        arrowprops=dict(arrowstyle="-|>", color=colour[(p, s.name)], lw=1.6,
                                        connectionstyle=f"arc3,rad={rad}"))
            dx, dy = x1 - x0, y1 - y0
            mx, my = (x0 + x1) / 2 + 0.5 * rad * dy, (y0 + y1) / 2 - 0.5 * rad * dx
            ax.text(mx + (0.12 if rad == 0 else -0.1), my,
                    f"${_partial_label(s.name, p)} = {tex(s.partials[p])}$",
                    ha="left" if rad == 0 else "right", va="center", fontsize=12,
                    color=colour[(p, s.name)],
                    bbox=dict(fc="white", ec="none", alpha=0.85, pad=1.0))
    for node, (px, py) in pos.items():
        s = next((t for t in steps if t.name == node), None)
        if s is None:
            label = f"${tex(x)}$"
        else:
            prefix = "y = " if s is steps[-1] else ""
            label = f"${prefix}{tex(s.name)} = {tex(s.expr)}$"
        ax.text(px, py, label, ha="center", va="center", fontsize=12,
                bbox=dict(boxstyle="round,pad=0.35", fc=COLORS["node"], ec=COLORS["edge"]))
    n = len(all_paths)
    if title is None:
        title = (f"${tex(expr)}$: " + ("one path from x to y" if n == 1
                                       else f"{n} paths from x to y"))
    ax.set_title(title, fontsize=11)
    xs = np.array([p[0] for p in pos.values()])
    ax.set_xlim(xs.min() - 2.6, xs.max() + 2.6)
    ax.set_ylim(-0.5, height + 0.5)
    ax.axis("off")
    return ax


def _partial_label(target, source) -> str:
    return rf"\dfrac{{\partial {tex(target)}}}{{\partial {tex(source)}}}"
