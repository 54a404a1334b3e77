"""The vector chain rule of Parr & Howard §4.5.3: ∂f(g(x))/∂x = ∂f/∂g · ∂g/∂x.

Numerator layout throughout (rows are outputs): for m = |f|, k = |g| and n = |x|, the
product is (m × k)(k × n) = m × n. This module composes SymPy vector functions, computes
both Jacobians and their product, builds random compositions of any shape for checking,
recreates the paper's summary table (which components to multiply for each mix of
scalar and vector f, g, x; lost in the text of the paper used here, and extended from its
six shapes to all eight) with shapes computed, and counts the scalar multiplications of
the two orders (forward from x, backward from y) in which a chain of Jacobians can be
multiplied.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp

from ..core.symbolic import column, jacobian
from ..core.validate import positive_int


@dataclass(frozen=True)
class VectorChain:
    """y = f(g(x)) with ``df_dg`` (m × k, in g), ``dg_dx`` (k × n, in x), ``product``
    = df_dg · dg_dx with g substituted (m × n, in x) and ``direct``, SymPy's Jacobian of the
    composed function (m × n)."""

    f: sp.Matrix
    g: sp.Matrix
    gs: tuple[sp.Symbol, ...]
    xs: tuple[sp.Symbol, ...]
    df_dg: sp.Matrix
    dg_dx: sp.Matrix
    product: sp.Matrix
    direct: sp.Matrix

    def agrees(self) -> bool:
        """True if the product of the two Jacobians equals the direct Jacobian."""
        return all(sp.simplify(e) == 0 for e in self.product - self.direct)

    @property
    def composed(self) -> sp.Matrix:
        """f(g(x)) as a column of expressions in x."""
        return self.f.subs(dict(zip(self.gs, self.g)))


def _column(v) -> sp.Matrix:
    if isinstance(v, sp.MatrixBase):
        if min(v.shape) != 1:
            raise ValueError(f"expected a vector, got a {v.shape[0]}x{v.shape[1]} matrix")
        return sp.Matrix(list(v))
    if isinstance(v, (list, tuple)):
        return sp.Matrix(list(v))
    return sp.Matrix([v])


def vector_chain(f, gs, g, xs) -> VectorChain:
    """The vector chain rule for f(g(x)): f in the symbols ``gs``, g in the symbols ``xs``.

    ``f`` and ``g`` are expressions, lists or SymPy vectors (a scalar is length 1);
    ``len(gs)`` must equal the length of ``g``.
    """
    f, g = _column(f), _column(g)
    gs, xs = tuple(_column(gs)), tuple(_column(xs))
    if len(gs) != g.rows:
        raise ValueError(f"g has {g.rows} components but gs names {len(gs)} symbols")
    df_dg = jacobian(list(f), list(gs))
    dg_dx = jacobian(list(g), list(xs))
    at_g = dict(zip(gs, g))
    product = (df_dg * dg_dx).subs(at_g)
    direct = jacobian(list(f.subs(at_g)), list(xs))
    return VectorChain(f, g, gs, xs, df_dg, dg_dx, product, direct)


_UNARY = (sp.sin, sp.cos, lambda t: t**2, lambda t: sp.exp(t / 3), lambda t: t**3 / 3)


def random_vector_function(inputs, size: int, rng, diagonal: bool = False) -> list:
    """``size`` functions of the symbols ``inputs``: each a sum of smooth unary functions
    (sin, cos, square, exp, cube) of some inputs times small integers, plus a product of
    two inputs. ``diagonal=True`` makes component i a function of input i only (needs
    ``size == len(inputs)``), the §4.5.3 special case with diagonal Jacobians."""
    inputs = list(inputs)
    if diagonal and size != len(inputs):
        raise ValueError("a diagonal function needs as many outputs as inputs")
    out = []
    for i in range(size):
        if diagonal:
            out.append(_UNARY[int(rng.integers(len(_UNARY)))](inputs[i]) + int(rng.integers(1, 4)) * inputs[i])
            continue
        picked = rng.choice(len(inputs), size=int(rng.integers(1, len(inputs) + 1)), replace=False)
        term = sum((int(rng.integers(1, 4)) * _UNARY[int(rng.integers(len(_UNARY)))](inputs[j])
                    for j in sorted(picked)), sp.Integer(0))
        a, b = rng.integers(len(inputs), size=2)
        out.append(term + inputs[int(a)] * inputs[int(b)] / 2)
    return out


def random_composition(m: int, k: int, n: int, rng=0, diagonal: bool = False) -> VectorChain:
    """A random y = f(g(x)) with |f| = m, |g| = k, |x| = n (seeded ``rng``), as a
    :class:`VectorChain`."""
    m, k, n = positive_int(m, "m"), positive_int(k, "k"), positive_int(n, "n")
    rng = np.random.default_rng(rng)
    xs = tuple(column("x", n))
    gs = tuple(column("g", k))
    g = random_vector_function(xs, k, rng, diagonal)
    f = random_vector_function(gs, m, rng, diagonal)
    return vector_chain(f, gs, g, xs)


def _kind(rows: int, cols: int, row_is_vector: bool, col_is_vector: bool) -> str:
    if not row_is_vector and not col_is_vector:
        return "scalar"
    if not col_is_vector:
        return "column vector"
    if not row_is_vector:
        return "row vector"
    return "matrix"


def summary_table(m: int = 3, k: int = 2, n: int = 4, rng=0) -> list[dict]:
    """The §4.5.3 summary (lost in the text of the paper used here), for all eight shapes.

    One row per combination of scalar or vector f, g and x (a vector f has m components,
    g k, x n): the shapes of ∂f/∂g, ∂g/∂x and their product, each named (scalar, row or
    column vector, matrix), and whether the product equals the direct Jacobian for a random
    composition of those shapes.
    """
    rows = []
    for f_vec in (False, True):
        for g_vec in (False, True):
            for x_vec in (False, True):
                mm, kk, nn = (m if f_vec else 1), (k if g_vec else 1), (n if x_vec else 1)
                chain = random_composition(mm, kk, nn, rng=rng)
                rows.append({
                    "f": "vector" if f_vec else "scalar", "g": "vector" if g_vec else "scalar",
                    "x": "vector" if x_vec else "scalar",
                    "df_dg": chain.df_dg.shape, "df_dg_kind": _kind(mm, kk, f_vec, g_vec),
                    "dg_dx": chain.dg_dx.shape, "dg_dx_kind": _kind(kk, nn, g_vec, x_vec),
                    "product": chain.product.shape, "product_kind": _kind(mm, nn, f_vec, x_vec),
                    "agrees": chain.agrees()})
    return rows


def multiplication_cost(widths, order: str) -> int:
    """Scalar multiplications to multiply out a chain of Jacobians J_L ⋯ J_2 J_1.

    ``widths`` = [d_0, d_1, ..., d_L]: J_i is d_i × d_{i-1} (x has d_0 = n components, y
    has d_L = m). ``order="forward"`` multiplies from x (J_2 J_1 first, the paper's
    forward differentiation), ``"backward"`` from y (J_L J_{L-1} first). An (a × b)(b × c)
    product costs a·b·c multiplications.
    """
    widths = [int(w) for w in widths]
    if len(widths) < 3 or min(widths) < 1:
        raise ValueError("widths needs at least three positive sizes (two Jacobians)")
    if order == "forward":
        cost, cols = 0, widths[0]
        for i in range(2, len(widths)):
            cost += widths[i] * widths[i - 1] * cols
        return cost
    if order == "backward":
        cost, rows = 0, widths[-1]
        for i in range(len(widths) - 3, -1, -1):
            cost += rows * widths[i + 1] * widths[i]
        return cost
    raise ValueError(f"order must be 'forward' or 'backward', got {order!r}")
