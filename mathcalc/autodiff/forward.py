"""Forward-mode automatic differentiation: Jacobian-vector products (Parr & Howard §4.5.1's
"forward differentiation", in vector form).

Each value carries a tangent ẋ = ∂(value)/∂x · v alongside it. A primitive y = op(a, b)
maps the tangents through its rule's JVP: ẏ = (∂y/∂a) ȧ + (∂y/∂b) ḃ, the vector chain
rule (§4.5.3) applied from x towards y, one direction v per pass. A full m × n Jacobian
takes n passes, one per column.
"""
from __future__ import annotations

import numpy as np

from .ops import Cost, Traced, value_of


class Trace:
    """Counts the primitive rules applied in one forward pass."""

    def __init__(self):
        self.rule_applications = 0


class Dual(Traced):
    """A value and its tangent (same shape), the pair forward mode propagates."""

    def __init__(self, value, tangent, trace: Trace | None = None):
        self.value = np.asarray(value, dtype=float)
        self.tangent = np.asarray(tangent, dtype=float)
        if self.value.shape != self.tangent.shape:
            raise ValueError(f"tangent shape {self.tangent.shape} differs from value shape "
                             f"{self.value.shape}")
        self.trace = trace if trace is not None else Trace()

    @classmethod
    def apply(cls, r, args):
        # the chain rule forwards: ẏ = Σ over traced arguments a of (∂y/∂a) ȧ, via r.jvp
        values = [value_of(a) for a in args]
        value = np.asarray(r.forward(*values), dtype=float)
        tangent = np.zeros_like(value)
        duals = [(name, a) for name, a in zip(r.args, args) if isinstance(a, Dual)]
        for name, a in duals:
            tangent = tangent + r.jvp[name](a.tangent, *values)
        trace = duals[0][1].trace
        trace.rule_applications += 1
        return cls(value, tangent, trace)

    def __repr__(self):
        return f"Dual(value={self.value!r}, tangent={self.tangent!r})"


def _as_input(x) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    if x.ndim > 1:
        raise ValueError(f"x must be a scalar or a vector, got shape {x.shape}")
    return x


def jvp(f, x, v) -> tuple[np.ndarray, np.ndarray]:
    """One forward pass: (f(x), J·v) where J = ∂f/∂x (numerator layout, m × n).

    ``x`` and ``v`` have the same shape, () or (n,); ``f`` is built from the primitives of
    :mod:`mathcalc.autodiff` and returns a scalar or a vector.
    """
    x, v = _as_input(x), np.asarray(v, dtype=float)
    if v.shape != x.shape:
        raise ValueError(f"v must have the shape of x, {x.shape}; got {v.shape}")
    out = f(Dual(x, v))
    if not isinstance(out, Dual):
        return np.asarray(out, dtype=float), np.zeros_like(np.asarray(out, dtype=float))
    return out.value, out.tangent


def jacobian_forward(f, x) -> tuple[np.ndarray, Cost]:
    """The Jacobian (m × n, rows are outputs) by n forward passes, one per basis vector
    e_j (column j = J e_j); with the cost counted."""
    x = _as_input(x)
    flat = np.atleast_1d(x)
    columns, rules = [], 0
    for j in range(flat.size):
        e = np.zeros_like(flat)
        e[j] = 1.0
        trace = Trace()
        out = f(Dual(x, e.reshape(x.shape), trace))
        tangent = out.tangent if isinstance(out, Dual) else np.zeros_like(np.asarray(out, float))
        columns.append(np.atleast_1d(tangent))
        rules += trace.rule_applications
    J = np.stack(columns, axis=1)
    return J, Cost("forward", passes=flat.size, rule_applications=rules, evaluations=flat.size)
