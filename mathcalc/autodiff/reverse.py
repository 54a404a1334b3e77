"""Reverse-mode automatic differentiation: vector-Jacobian products on a recorded graph
(Parr & Howard §4.5.1's "backward differentiation"), micrograd's design on NumPy vectors.

Evaluating f on :class:`Var` inputs records a graph: each node keeps its parents and a
closure that applies its rule's VJP. ``backward`` walks the graph from y to x in reverse
topological order: each node adds gᵀ ∂(node)/∂(parent) into its parents' ``grad``. A
node used twice receives two contributions that add up: the total-derivative rule
(§4.5.2) in code. A full m × n Jacobian takes m backward passes, one per row.
"""
from __future__ import annotations

import numpy as np

from .ops import Cost, Traced, value_of


class Var(Traced):
    """A value in a recorded graph, with ``grad`` = ∂(output)/∂(this value) after backward."""

    def __init__(self, value, parents: tuple = (), op: str = ""):
        self.value = np.asarray(value, dtype=float)
        self.grad = np.zeros_like(self.value)
        self.op = op
        self._parents = parents
        self._backward = lambda: None

    @classmethod
    def apply(cls, r, args):
        values = [value_of(a) for a in args]
        out = cls(r.forward(*values), tuple(a for a in args if isinstance(a, Var)), r.key)

        def _backward():
            # chain rule backwards: each parent a gets gᵀ ∂out/∂a, *added* to its grad
            for name, a in zip(r.args, args):
                if isinstance(a, Var):
                    a.grad += r.vjp[name](out.grad, *values)
        out._backward = _backward
        return out

    def graph(self) -> list[Var]:
        """Every node that this one depends on, in topological order (inputs first)."""
        order, seen = [], {id(self)}
        stack = [(self, iter(self._parents))]  # depth-first, without recursion limits
        while stack:
            node, parents = stack[-1]
            for p in parents:
                if id(p) not in seen:
                    seen.add(id(p))
                    stack.append((p, iter(p._parents)))
                    break
            else:
                stack.pop()
                order.append(node)
        return order

    def backward(self, seed=None) -> int:
        """Set every node's ``grad`` to ∂(seed · self)/∂(node); return the rules applied.

        ``seed`` is g in gᵀJ: default 1 for a scalar output; a vector output needs one
        (shape of this value). Gradients of an earlier backward are reset first.
        """
        if seed is None:
            if self.value.ndim:
                raise ValueError(f"backward of a vector output (shape {self.value.shape}) "
                                 "needs a seed g: it computes the row gᵀJ (use vjp)")
            seed = 1.0
        seed = np.asarray(seed, dtype=float)
        if seed.shape != self.value.shape:
            raise ValueError(f"seed shape {seed.shape} differs from output shape {self.value.shape}")
        order = self.graph()
        for v in order:
            v.grad = np.zeros_like(v.value)
        self.grad = seed.copy()
        for v in reversed(order):  # go one node at a time, outputs first
            v._backward()
        return sum(1 for v in order if v._parents)

    def __repr__(self):
        return f"Var(value={self.value!r}, grad={self.grad!r})"


def _record(f, x):
    x = np.asarray(x, dtype=float)
    if x.ndim > 1:
        raise ValueError(f"x must be a scalar or a vector, got shape {x.shape}")
    xv = Var(x)
    out = f(xv)
    return xv, out if isinstance(out, Var) else Var(out)


def vjp(f, x, g) -> tuple[np.ndarray, np.ndarray]:
    """One backward pass: (f(x), gᵀJ) where J = ∂f/∂x (m × n); gᵀJ has the shape of x."""
    xv, out = _record(f, x)
    out.backward(g)
    return out.value, xv.grad.copy()


def grad(f, x) -> np.ndarray:
    """∇f(x) for a scalar-valued f, shaped like x: one backward pass whatever n is."""
    return vjp(f, x, None)[1]


def jacobian_reverse(f, x) -> tuple[np.ndarray, Cost]:
    """The Jacobian (m × n, rows are outputs) by m backward passes over one recorded
    graph, one per basis vector e_i of the output (row i = e_iᵀ J); with the cost counted."""
    xv, out = _record(f, x)
    m = max(out.value.size, 1)
    rows, rules = [], 0
    for i in range(m):
        e = np.zeros(m)
        e[i] = 1.0
        rules += out.backward(e.reshape(out.value.shape))
        rows.append(np.atleast_1d(xv.grad).copy())
    return np.stack(rows), Cost("reverse", passes=m, rule_applications=rules, evaluations=1)
