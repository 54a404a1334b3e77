"""Derivatives of element-wise binary operators (Parr & Howard §4.2, §4.3-§4.4 examples).

- the element-wise binary operators of §4.2, taken from :data:`mathcalc.rules.VECTOR_RULES`,
  and a counter-example that breaks the element-wise diagonal condition;
- their Jacobians, computed with :func:`mathcalc.jacobian` from the scalar equations, and
  at seeded random points;
- the (i, j) entry of an element-wise Jacobian for *symbolic* i, j and n (§4.2);
- y = f(w) ◯ g(x) with undefined functions, with and without the diagonal condition.

Numerator layout throughout: a Jacobian of m outputs in n variables is m x n, rows are
outputs.
"""
from __future__ import annotations

import numpy as np
import sympy as sp

from ..core.symbolic import column, jacobian
from ..core.validate import positive_int
from ..rules import VECTOR_RULES

COUNTEREXAMPLE = "cumsum(w) ⊗ x"
_LABELS = {"add": "w + x", "sub": "w − x", "mul": "w ⊗ x", "div": "w ⊘ x"}
OPERATORS: dict[str, str] = {  # plain-text label -> rule key: the element-wise binary rules of §4.2
    _LABELS.get(r.key, r.key): r.key
    for r in VECTOR_RULES if r.kind == "element-wise" and "§4.2" in r.section
}
OPERATOR_NAMES: tuple[str, ...] = (*OPERATORS, COUNTEREXAMPLE)


def _rule_for(name: str):
    if name not in OPERATOR_NAMES:
        raise ValueError(f"unknown operator {name!r}; choose one of {list(OPERATOR_NAMES)}")
    return next((r for r in VECTOR_RULES if r.key == OPERATORS.get(name)), None)


def apply_operator(name: str, w: sp.Matrix, x: sp.Matrix) -> sp.Matrix:
    """y = w ◯ x for one of :data:`OPERATOR_NAMES`, on SymPy columns of equal length.

    The four operators of §4.2 come from the rules table. The counter-example
    ``cumsum(w) ⊗ x`` has y_i = (w_1 + ... + w_i) x_i: f_i(w) reads w_j for every j ≤ i,
    which breaks the element-wise diagonal condition.
    """
    r = _rule_for(name)
    if w.shape != x.shape or w.cols != 1:
        raise ValueError(f"w and x must be columns of one length, got {w.shape} and {x.shape}")
    if r is not None:
        return r.symbolic(w, x)
    return sp.Matrix([sum(w[: i + 1], sp.Integer(0)) * x[i] for i in range(w.rows)])


def operator_jacobian(name: str, wrt: str, n: int) -> sp.Matrix:
    """The n x n Jacobian ∂y/∂w or ∂y/∂x (``wrt`` = ``"w"`` or ``"x"``) of y = w ◯ x.

    Computed by :func:`mathcalc.jacobian` from the scalar equations, numerator layout.
    """
    if wrt not in ("w", "x"):
        raise ValueError(f"wrt must be 'w' or 'x', got {wrt!r}")
    w, x = column("w", n), column("x", n)
    return jacobian(apply_operator(name, w, x), w if wrt == "w" else x)


def entry_for_symbolic_n(name: str):
    """The entries ∂y_i/∂w_j and ∂y_i/∂x_j for symbolic indices i, j (any n), §4.2.

    y_i is built from indexed symbols w[i], x[i]; SymPy's derivative carries a
    ``KroneckerDelta(i, j)`` when the Jacobian is diagonal for every n. Returns
    ``(y_i, d/dw_j, d/dx_j, (i, j))``.
    """
    r = _rule_for(name)
    w, x = sp.IndexedBase("w"), sp.IndexedBase("x")
    i, j, k = sp.symbols("i j k", integer=True, positive=True)
    if r is not None:
        y_i = r.symbolic(sp.Matrix([w[i]]), sp.Matrix([x[i]]))[0]
    else:
        y_i = sp.Sum(w[k], (k, 1, i)) * x[i]
    return y_i, sp.diff(y_i, w[j]).doit(), sp.diff(y_i, x[j]).doit(), (i, j)


def sample_point(symbols, rng=0, domain=(0.5, 2.0)) -> dict:
    """A seeded random value in ``domain`` for every symbol: {symbol: float}.

    The default domain keeps away from 0, where w ⊘ x is undefined.
    """
    low, high = domain
    if not low < high:
        raise ValueError(f"domain must be (low, high) with low < high, got {domain!r}")
    rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    symbols = list(symbols)
    return dict(zip(symbols, rng.uniform(low, high, size=len(symbols)).tolist()))


def evaluate(J: sp.Matrix, point: dict) -> np.ndarray:
    """The matrix J with the values of ``point`` substituted, as a float array of J's shape."""
    missing = J.free_symbols - set(point)
    if missing:
        raise ValueError(f"no value for {', '.join(sorted(map(str, missing)))}")
    return np.array(J.subs(point).evalf(), dtype=float).reshape(J.shape)


def operator_jacobian_at(name: str, wrt: str, n: int, rng=0) -> np.ndarray:
    """:func:`operator_jacobian` evaluated at a seeded random w, x in [0.5, 2]: shape (n, n)."""
    J = operator_jacobian(name, wrt, n)
    return evaluate(J, sample_point([*column("w", n), *column("x", n)], rng=rng))


def generic_elementwise(key: str, n: int, diagonal_condition: bool = False):
    """y = f(w) ◯ g(x) with undefined functions f_i, g_i and ◯ the rule ``key`` (§4.2).

    Without the condition each f_i reads all of w and each g_i all of x, so the Jacobian
    is a full "furball"; with ``diagonal_condition`` f_i reads only w_i and g_i only x_i
    (the element-wise diagonal condition), and the Jacobians are diagonal.
    Returns ``(y, w, x)``: y an n x 1 column, w and x the columns of symbols.
    """
    r = next((r for r in VECTOR_RULES if r.key == key and r.kind == "element-wise"), None)
    if r is None:
        keys = [r.key for r in VECTOR_RULES if r.kind == "element-wise"]
        raise ValueError(f"no element-wise binary rule {key!r}; the rules are {keys}")
    n = positive_int(n, "n")
    w, x = column("w", n), column("x", n)
    f = sp.Matrix([sp.Function(f"f_{i + 1}")(*([w[i]] if diagonal_condition else w))
                   for i in range(n)])
    g = sp.Matrix([sp.Function(f"g_{i + 1}")(*([x[i]] if diagonal_condition else x))
                   for i in range(n)])
    return r.symbolic(f, g), w, x
