"""Dataflow graphs of scalar expressions, the diagrams of Parr & Howard §4.5.1-§4.5.2.

The graph comes from the expression tree itself (:func:`mathcalc.paper.chain.intermediate_variables`):
a node for x and one per intermediate variable u_i, an edge p → u_i for every distinct
operand p of u_i, labelled with the partial ∂u_i/∂p (an operand used twice, as x in x**x,
gives one edge, whose partial SymPy takes whole). x reaches y along one path (the single-variable
chain rule applies) or several (the total derivative is needed); :func:`paths` lists them
with each path's contribution, the product of its edge partials, and dy/dx is their sum.
:func:`mathcalc.display.plots.draw_dataflow` draws it, positions computed from the graph.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .chain import Intermediate, intermediate_variables, substitute


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
    """Every path from x to y through the edges of :func:`edges`, with its contribution
    ∏ ∂(target)/∂(source) (§4.5.2).

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
