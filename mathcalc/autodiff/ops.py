"""The primitives of the autodiff package and the operators that pick them.

Every primitive is a row of :data:`mathcalc.rules.VECTOR_RULES` (Parr & Howard §4.2-§4.4,
plus x^z for §4.5): its NumPy ``forward``, its ``jvp`` (forward mode) and its ``vjp``
(reverse mode). Nothing here re-types a derivative; :func:`apply` hands the rule to the
mode's class (:class:`~mathcalc.autodiff.forward.Dual` or
:class:`~mathcalc.autodiff.reverse.Var`), which applies it.

Values are NumPy vectors of shape (n,) or scalars of shape (). The arithmetic operators
choose the rule from the shapes: vector ∘ vector is element-wise (§4.2), vector ∘ scalar
is scalar expansion (§4.3), scalar ∘ scalar is the element-wise rule at n = 1.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..rules import rule


class Traced:
    """Arithmetic for traced values (``value`` holds the NumPy value); subclasses define
    ``apply(rule, args)``. ``__array_ufunc__ = None`` makes ``ndarray * traced`` call our
    ``__rmul__`` instead of NumPy's element-by-element object loop."""

    __array_ufunc__ = None
    value: np.ndarray

    @property
    def shape(self) -> tuple:
        return self.value.shape

    def __add__(self, other): return add(self, other)
    def __radd__(self, other): return add(other, self)
    def __sub__(self, other): return sub(self, other)
    def __rsub__(self, other): return sub(other, self)
    def __mul__(self, other): return mul(self, other)
    def __rmul__(self, other): return mul(other, self)
    def __truediv__(self, other): return div(self, other)
    def __rtruediv__(self, other): return div(other, self)
    def __neg__(self): return apply("neg", self)
    def __pow__(self, p): return power(self, p)


@dataclass
class Cost:
    """What computing a Jacobian took: ``passes`` derivative sweeps (JVPs or VJPs),
    ``rule_applications`` primitive derivative rules applied over all of them, and
    ``evaluations`` of the function itself."""

    mode: str
    passes: int
    rule_applications: int
    evaluations: int


def value_of(a) -> np.ndarray:
    """The NumPy value of a traced value or a constant; only scalars and vectors."""
    v = a.value if isinstance(a, Traced) else np.asarray(a, dtype=float)
    if v.ndim > 1:
        raise ValueError(f"autodiff values are scalars or vectors, got shape {v.shape}")
    return v


def apply(key: str, *args):
    """Apply the primitive ``key`` (a row of VECTOR_RULES) to traced values or constants."""
    r = rule(key)
    traced = [a for a in args if isinstance(a, Traced)]
    if not traced:
        return np.asarray(r.forward(*(value_of(a) for a in args)), dtype=float)
    kinds = {type(a) for a in traced}
    if len(kinds) > 1:
        raise ValueError(f"cannot mix {sorted(k.__name__ for k in kinds)} in one operation: "
                         "forward and reverse mode trace separately")
    return kinds.pop().apply(r, args)


def _binary(same: str, expanded: str, a, b, swap_ok: bool):
    va, vb = value_of(a), value_of(b)
    if va.ndim == vb.ndim:
        if va.shape != vb.shape:
            raise ValueError(f"element-wise operands need equal shapes, got {va.shape} and {vb.shape}")
        return apply(same, a, b)
    if va.ndim == 1:
        return apply(expanded, a, b)
    if swap_ok:
        return apply(expanded, b, a)
    return None


def add(a, b):
    """a + b: rule ``add`` (equal shapes) or ``add_scalar`` (a vector and a scalar)."""
    return _binary("add", "add_scalar", a, b, swap_ok=True)


def sub(a, b):
    """a − b: ``sub``, ``sub_scalar``, or −(b − a) for a scalar minus a vector."""
    out = _binary("sub", "sub_scalar", a, b, swap_ok=False)
    return apply("neg", apply("sub_scalar", b, a)) if out is None else out


def mul(a, b):
    """a ⊗ b: ``mul`` (equal shapes) or ``mul_scalar`` (a vector and a scalar)."""
    return _binary("mul", "mul_scalar", a, b, swap_ok=True)


def div(a, b):
    """a ⊘ b: ``div`` (equal shapes); a vector over a scalar is a ⊗ (1 / b)."""
    va, vb = value_of(a), value_of(b)
    if va.ndim == vb.ndim:
        return _binary("div", "div", a, b, swap_ok=False)
    if va.ndim == 1:
        return apply("mul_scalar", a, apply("div", 1.0, b))
    if isinstance(a, Traced):
        raise ValueError("a traced scalar divided by a vector has no rule; write "
                         "(scalar * ones) / vector with an explicit vector")
    return apply("div", np.full(vb.shape, float(va)), b)


def power(a, p):
    """a^p element-wise for a constant exponent p (rule ``pow``; no ∂/∂p is formed)."""
    if isinstance(p, Traced) or np.ndim(p) != 0:
        raise ValueError(f"the exponent must be a constant number, got {p!r}")
    return apply("pow", a, float(p))


def sin(a): return apply("sin", a)
def cos(a): return apply("cos", a)
def exp(a): return apply("exp", a)
def log(a): return apply("log", a)
def square(a): return apply("square", a)
def relu(a): return apply("relu", a)
def neg(a): return apply("neg", a)


def sum(a):  # noqa: A001 - the paper's name for the reduction
    """sum(a) over a vector (§4.4): a scalar."""
    return apply("sum", a)


def dot(a, b):
    """a · b of two vectors (§4.4): a scalar."""
    va, vb = value_of(a), value_of(b)
    if va.ndim != 1 or va.shape != vb.shape:
        raise ValueError(f"dot needs two vectors of equal length, got {va.shape} and {vb.shape}")
    return apply("dot", a, b)
