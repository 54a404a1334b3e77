"""The helpers of the derivation forms: the paper's unevaluated ∂ (:func:`d`), its cases
(:func:`cases`), unevaluated products (:func:`times`), several-line equations as one
chain (:func:`block_chain`), and the equality used for ReLU expressions
(:func:`relu_equal`). Sizes: n = ``N_COMPONENTS`` components, N = ``N_SAMPLES`` samples."""
from __future__ import annotations

import sympy as sp

from ..neuron_symbolic import paper_convention, same_expression

N_COMPONENTS, N_SAMPLES = 3, 2


def relu_equal(a, b) -> bool:
    """True if SymPy proves ``a == b`` for expressions with ReLUs, steps and cases, with the
    paper's value 0 of d max(0, z)/dz at z = 0 (:func:`~.neuron_symbolic.paper_convention`)."""
    return same_expression(paper_convention(sp.sympify(a)), paper_convention(sp.sympify(b)))


def d(f, xs) -> sp.Matrix:
    """The paper's ∂f/∂x, unevaluated: for a scalar ``f`` the 1 × n row of
    ``Derivative(f, x_j)``, for a column ``f`` the m × n matrix of ``Derivative(f_i, x_j)``
    (numerator layout)."""
    xs = list(xs)
    fs = list(f) if isinstance(f, sp.MatrixBase) else [f]
    return sp.Matrix([[sp.Derivative(fi, xj) for xj in xs] for fi in fs])


def cases(z, low, high):
    """The paper's cases: ``low`` where z ≤ 0, ``high`` where z > 0 (entry by entry for
    matrices). ``z`` may be a condition (a SymPy relational or And) for the first case."""
    cond = z if isinstance(z, (sp.core.relational.Relational, sp.And)) else z <= 0
    if isinstance(high, sp.MatrixBase):
        low = low if isinstance(low, sp.MatrixBase) else sp.Matrix(*high.shape, [low] * len(high))
        return sp.Matrix(*high.shape, [sp.Piecewise((lo, cond), (hi, True))
                                       for lo, hi in zip(low, high)])
    return sp.Piecewise((low, cond), (high, True))


def times(*factors):
    """An unevaluated product, as the paper writes it (``0 ∂z/∂b``), entry by entry when
    the last factor is a matrix."""
    *scalars, last = factors
    if isinstance(last, sp.MatrixBase):
        return last.applyfunc(lambda e: sp.Mul(*scalars, e, evaluate=False))
    return sp.Mul(*scalars, last, evaluate=False)


def _block(side) -> sp.Matrix:
    return side if isinstance(side, sp.MatrixBase) else sp.Matrix([[side]])


def block_chain(lines, order=None) -> list:
    """One chain for an equation of several lines: side k is the block-diagonal matrix of
    every line's current expression; each step advances the line ``order[k]`` (default:
    the lines one after the other) to its next expression."""
    lines = [list(line) for line in lines]
    if order is None:
        order = [k for k, line in enumerate(lines) for _ in line[1:]]
    if sorted(order) != sorted(k for k, line in enumerate(lines) for _ in line[1:]):
        raise ValueError("order must advance each line once per '=' of that line")
    at = [0] * len(lines)
    sides = [sp.diag(*[_block(line[0]) for line in lines])]
    for k in order:
        at[k] += 1
        sides.append(sp.diag(*[_block(line[i]) for line, i in zip(lines, at)]))
    return sides


def add_all(terms):
    """The sum of ``terms`` (scalars or matrices of one shape)."""
    terms = list(terms)
    total = terms[0]
    for t in terms[1:]:
        total = total + t
    return total


def variables_of(expressions) -> list:
    """Every free symbol of ``expressions`` (the variables the numbers are drawn for)."""
    free = set()
    for e in expressions:
        free |= {s for s in sp.sympify(e).free_symbols if not isinstance(s, sp.Dummy)}
    return sorted(free, key=str)


def otimes(a, b) -> sp.Matrix:
    """The element-wise product a ⊗ b of two n × 1 columns, an n × 1 column."""
    return sp.Matrix([ai * bi for ai, bi in zip(a, b)])
