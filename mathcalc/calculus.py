"""The objects of the matrix-calculus chapters (Parr & Howard §3-§4.4), built once.

- the paper's running example f(x, y) = 3x²y and g(x, y) = 2x + y⁸ (§3, §4, §4.1);
- symbolic vectors x = [x1 ... xn]ᵀ (§4.1: vectors are n x 1 columns);
- the four shapes of a Jacobian, *computed* with :func:`mathcalc.jacobian` (§4.1 figure);
- the element-wise binary operators of §4.2, taken from :data:`mathcalc.rules.VECTOR_RULES`,
  and a counter-example that breaks the element-wise diagonal condition;
- the (i, j) entry of an element-wise Jacobian for *symbolic* i, j and n (§4.2).

Numerator layout throughout: a Jacobian of m outputs in n variables is m x n, rows are
outputs.
"""
from __future__ import annotations

import numpy as np
import sympy as sp

from .jacobian import jacobian
from .rules import VECTOR_RULES

X, Y = sp.symbols("x y", real=True)
F_EXAMPLE = 3 * X**2 * Y  # §3
G_EXAMPLE = 2 * X + Y**8  # §4

COUNTEREXAMPLE = "cumsum(w) ⊗ x"
_LABELS = {"add": "w + x", "sub": "w − x", "mul": "w ⊗ x", "div": "w ⊘ x"}
OPERATORS: dict[str, str] = {  # plain-text label -> rule key: the element-wise binary rules of §4.2
    _LABELS.get(r.key, r.key): r.key
    for r in VECTOR_RULES if r.kind == "element-wise" and "§4.2" in r.section
}
OPERATOR_NAMES: tuple[str, ...] = (*OPERATORS, COUNTEREXAMPLE)


def _check_n(n) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a positive integer, got {n!r}")
    return int(n)


def vector(name: str, n: int) -> sp.Matrix:
    """The n x 1 column [name1, ..., name_n]ᵀ of real SymPy symbols (§4.1).

    The symbols are the ones :func:`mathcalc.rules.symbolic_args` makes, so results built
    here and by the rules table can be compared directly.
    """
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"name must be an identifier such as 'x', got {name!r}")
    n = _check_n(n)
    return sp.Matrix(sp.symbols(f"{name}1:{n + 1}", real=True))


def jacobian_shapes(m: int = 2, n: int = 3) -> dict[tuple[str, str], tuple[int, int]]:
    """The shape of ∂f/∂x for scalar or vector f (m outputs) and scalar or vector x (n).

    Each shape is measured on a Jacobian that :func:`mathcalc.jacobian` computes for an
    example function of that kind, not typed: keys ``(f_kind, x_kind)`` with kinds
    ``"scalar"`` and ``"vector"``; values ``(rows, columns)`` in numerator layout.
    """
    m, n = _check_n(m), _check_n(n)
    x = sp.Symbol("x", real=True)
    xs = vector("x", n)
    examples = {
        ("scalar", "scalar"): (x**2, [x]),
        ("scalar", "vector"): (sum(xs) ** 2, list(xs)),
        ("vector", "scalar"): ([x ** (k + 1) for k in range(m)], [x]),
        ("vector", "vector"): ([(k + 1) * sum(xs) for k in range(m)], list(xs)),
    }
    return {kinds: jacobian(f, v).shape for kinds, (f, v) in examples.items()}


_NOTATION = {("scalar", "scalar"): r"\frac{\partial f}{\partial x}",
             ("scalar", "vector"): r"\frac{\partial f}{\partial \mathbf{x}}",
             ("vector", "scalar"): r"\frac{\partial \mathbf{f}}{\partial x}",
             ("vector", "vector"): r"\frac{\partial \mathbf{f}}{\partial \mathbf{x}}"}


def _shape_name(rows: int, cols: int) -> str:
    """What an m x n Jacobian is called: a scalar, a row (gradient), a column or a matrix."""
    if rows == 1:
        return "a scalar" if cols == 1 else "a horizontal vector (gradient)"
    return "a vertical vector" if cols == 1 else "a matrix"


def jacobian_shape_grid(m: int = 2, n: int = 3) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the §4.1 figure of Jacobian shapes, for :func:`mathcalc.show.table`.

    Rows: scalar f, vector f (m functions); columns: scalar x, vector x (n variables).
    Each cell names the derivative and states the shape from :func:`jacobian_shapes`.
    """
    shapes = jacobian_shapes(m, n)
    headers = ["", "scalar $x$", f"vector $\\mathbf{{x}}$ ($n = {n}$)"]
    rows = []
    for f_kind, f_label in (("scalar", "scalar $f$"), ("vector", f"vector $\\mathbf{{f}}$ ($m = {m}$)")):
        row = [f_label]
        for x_kind in ("scalar", "vector"):
            r, c = shapes[(f_kind, x_kind)]
            row.append(f"${_NOTATION[(f_kind, x_kind)]}$: {r} × {c}, {_shape_name(r, c)}")
        rows.append(row)
    return headers, rows


def _rule_for(name: str):
    if name not in OPERATOR_NAMES:
        raise ValueError(f"unknown operator {name!r}; choose one of {list(OPERATOR_NAMES)}")
    return next((r for r in VECTOR_RULES if r.key == OPERATORS.get(name)), None)


def apply_operator(name: str, w: sp.Matrix, x: sp.Matrix) -> sp.Matrix:
    """y = w ∘ x for one of :data:`OPERATOR_NAMES`, on SymPy columns of equal length.

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
    """The n x n Jacobian ∂y/∂w or ∂y/∂x (``wrt`` = ``"w"`` or ``"x"``) of y = w ∘ x.

    Computed by :func:`mathcalc.jacobian` from the scalar equations, numerator layout.
    """
    if wrt not in ("w", "x"):
        raise ValueError(f"wrt must be 'w' or 'x', got {wrt!r}")
    w, x = vector("w", n), vector("x", n)
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
    return evaluate(J, sample_point([*vector("w", n), *vector("x", n)], rng=rng))


def slice_slopes(x0: float, y0: float) -> tuple[float, float]:
    """The slopes at (x0, y0) of the two slices of f = 3x²y (§3): (∂f/∂x, ∂f/∂y).

    Read off SymPy's partial derivatives 6yx and 3x², evaluated at the point.
    """
    point = {X: float(x0), Y: float(y0)}
    return (float(sp.diff(F_EXAMPLE, X).subs(point)), float(sp.diff(F_EXAMPLE, Y).subs(point)))


def generic_elementwise(key: str, n: int, diagonal_condition: bool = False):
    """y = f(w) ∘ g(x) with undefined functions f_i, g_i and ∘ the rule ``key`` (§4.2).

    Without the condition each f_i reads all of w and each g_i all of x, so the Jacobian
    is a full "furball"; with ``diagonal_condition`` f_i reads only w_i and g_i only x_i
    (the element-wise diagonal condition), and the Jacobians are diagonal.
    Returns ``(y, w, x)``: y an n x 1 column, w and x the columns of symbols.
    """
    r = next((r for r in VECTOR_RULES if r.key == key and r.kind == "element-wise"), None)
    if r is None:
        keys = [r.key for r in VECTOR_RULES if r.kind == "element-wise"]
        raise ValueError(f"no element-wise binary rule {key!r}; the rules are {keys}")
    n = _check_n(n)
    w, x = vector("w", n), vector("x", n)
    f = sp.Matrix([sp.Function(f"f_{i + 1}")(*([w[i]] if diagonal_condition else w))
                   for i in range(n)])
    g = sp.Matrix([sp.Function(f"g_{i + 1}")(*([x[i]] if diagonal_condition else x))
                   for i in range(n)])
    return r.symbolic(f, g), w, x
