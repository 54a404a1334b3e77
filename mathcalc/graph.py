"""Dataflow graphs of scalar expressions, the diagrams of Parr & Howard §4.5.1-§4.5.2.

The graph comes from the expression tree itself (:func:`mathcalc.chain.intermediate_variables`):
a node for x and one per intermediate variable u_i, an edge p → u_i for every operand p of
u_i, labelled with the partial ∂u_i/∂p. x reaches y along one path (the single-variable
chain rule applies) or several (the total derivative is needed); :func:`paths` lists them
with each path's contribution, the product of its edge partials, and dy/dx is their sum.
:func:`draw_dataflow` draws it with matplotlib, positions computed from the graph.
"""
from __future__ import annotations

from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
import sympy as sp

from .chain import Intermediate, intermediate_variables, substitute, tex
from .plots import COLORS

PATH_COLORS = ("#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")


@dataclass(frozen=True)
class Edge:
    """Operand ``source`` feeds intermediate variable ``target``; ``partial`` = ∂target/∂source."""

    source: sp.Symbol
    target: sp.Symbol
    partial: sp.Expr


@dataclass(frozen=True)
class Path:
    """One dataflow path x → ... → y: its ``nodes`` (x first), the edge partials along it
    (``factors``, in the intermediate variables) and its ``contribution`` to dy/dx, the
    product of the factors as a function of x."""

    nodes: tuple[sp.Symbol, ...]
    factors: tuple[sp.Expr, ...]
    contribution: sp.Expr


def edges(expr, x: sp.Symbol) -> tuple[Edge, ...]:
    """Every edge of the dataflow graph of ``expr``, innermost variables first."""
    return tuple(Edge(p, s.name, s.partials[p])
                 for s in intermediate_variables(expr, x) for p in s.operands)


def paths(expr, x: sp.Symbol) -> tuple[Path, ...]:
    """Every path from x to y with its contribution ∏ ∂(target)/∂(source) (§4.5.2).

    The contributions sum to dy/dx (the total derivative); a single path means the
    single-variable chain rule applies. Longest paths first, then in operand order.
    """
    steps = intermediate_variables(expr, x)
    if not steps:
        return (Path((x,), (), sp.Integer(1)),)
    by_name = {s.name: s for s in steps}

    def down(node) -> list[tuple[list, list]]:  # paths from x up to node
        if node == x:
            return [([x], [])]
        s = by_name[node]
        return [(nodes + [node], factors + [s.partials[p]])
                for p in s.operands for nodes, factors in down(p)]

    found = sorted(down(steps[-1].name), key=lambda nf: -len(nf[0]))
    return tuple(Path(tuple(n), tuple(f), sp.factor(substitute(sp.Mul(*f), steps)))
                 for n, f in found)


def levels(steps: tuple[Intermediate, ...], x: sp.Symbol) -> dict:
    """Height of each node: x is 0, u_i is one more than its highest operand."""
    level = {x: 0}
    for s in steps:
        level[s.name] = 1 + max(level[p] for p in s.operands)
    return level


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
    if ax is None:
        _, ax = plt.subplots(figsize=(5.2, 1.2 + 1.1 * height))
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
