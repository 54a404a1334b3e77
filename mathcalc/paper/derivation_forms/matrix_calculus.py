"""The derivations of Parr & Howard §1-§4.4 as data: for each ledger key, the chain of
expressions ``e_0 = e_1 = ...`` that :func:`mathcalc.check_derivation` checks one ``=``
at a time (:mod:`mathcalc.content.ledger` says which ``=`` each pair is).

Each form keeps the paper's intermediate steps: an unevaluated ``sympy.Derivative`` where
the paper writes a derivative, the Jacobian as the matrix of unevaluated partials (numerator layout: rows are outputs, §4.1) where it
writes ∂y/∂x (never SymPy's computed Jacobian: the numbers must not depend on SymPy's
derivative), gradients as 1 × n rows,
vectors as n × 1 columns of real symbols (:func:`mathcalc.column`). Where the paper writes
``...`` the forms take a concrete n (``N = 3``); where it states a rule for any functions
f_i, g_i, the forms take one concrete instance (named in the docstring), so that the
numbers can be evaluated.

Two devices keep "one pair, one ``=``": where an equation holds several separate
equalities (``y_1 = f_1(x) = ...``, ``y_2 = f_2(x) = ...``), each side is a block of all of
them and each pair changes one block; an aside inside a chain (§4.1's "since
∂x_i/∂x_j = 0 for j ≠ i") rides along as an extra block of the same kind.

``form(key)`` returns ``(expressions, variables)``.
"""
from __future__ import annotations

import sympy as sp

from ...core.symbolic import column
from ..partials import F_EXAMPLE, G_EXAMPLE, X, Y

N = 3  # the concrete n of the forms with "..."

D = sp.Derivative


def _partials(fs, xs) -> sp.Matrix:
    """The m × n matrix of unevaluated partials ∂f_i/∂x_j (numerator layout)."""
    return sp.Matrix([[D(f, x) for x in xs] for f in fs])


def _stack(rows) -> sp.Matrix:
    """Rows (1 × n matrices) stacked into a matrix, top to bottom."""
    out = rows[0]
    for r in rows[1:]:
        out = out.col_join(r)
    return out


def _diag(entries) -> sp.Matrix:
    return sp.diag(*entries)


# --- §1-§2 ------------------------------------------------------------------------------

def form_1_1():
    """The mean squared error of one neuron over N = 2 inputs of n = 3 features:
    activation(x) = max(0, w·x + b) (the paper's §1 definition, w·x = wᵀx) against the
    written-out sum Σ_i w_i x_i + b. SymPy multiplies wᵀx out into that sum as it builds
    the left side, so the two sides are one expression: the '=' substitutes a definition."""
    w, b = column("w", N), sp.Symbol("b", real=True)
    samples = [column(f"x{k}_", N) for k in (1, 2)]
    targets = sp.symbols("t1 t2", real=True)
    activation = [sp.Max(0, (w.T * xk)[0, 0] + b) for xk in samples]
    by_sum = [sp.Max(0, sum(w[i] * xk[i] for i in range(N)) + b) for xk in samples]
    left = sum((t - a) ** 2 for t, a in zip(targets, activation)) / 2
    right = sum((t - a) ** 2 for t, a in zip(targets, by_sum)) / 2
    variables = [*w, b, *samples[0], *samples[1], *targets]
    return [left, right], variables


def form_2_1():
    """d/dx 9(x + x²), pulled apart as the paper does."""
    x = X
    times9 = lambda e: sp.Mul(9, e, evaluate=False)  # noqa: E731  (SymPy would expand 9(a + b))
    return [D(times9(x + x**2), x), times9(D(x + x**2, x)), times9(D(x, x) + D(x**2, x)),
            sp.Mul(9, 1 + 2 * x, evaluate=False), 9 + 18 * x], [x]


# --- §3-§4 ------------------------------------------------------------------------------

def form_3_1():
    """∇f(x, y) for f = 3x²y: the row of partials (pair 1 is the paper's step 2)."""
    return [sp.Matrix([[D(F_EXAMPLE, X), D(F_EXAMPLE, Y)]]),
            sp.Matrix([[6 * Y * X, 3 * X**2]])], [X, Y]


def form_4_1():
    """∂g/∂x for g = 2x + y⁸."""
    return [D(G_EXAMPLE, X), D(2 * X, X) + D(Y**8, X), 2 * D(X, X) + 0,
            sp.Mul(2, 1, evaluate=False), sp.Integer(2)], [X, Y]


def form_4_2():
    """∂g/∂y for g = 2x + y⁸."""
    return [D(G_EXAMPLE, Y), D(2 * X, Y) + D(Y**8, Y), 0 + 8 * Y**7, 8 * Y**7], [X, Y]


def form_4_3():
    """J of (f, g): the stacked gradient rows (each a row of unevaluated partials), the
    matrix of partials, the paper's entries (pairs 1, 2 are the paper's steps 2, 3; the
    first pair is one expression on both sides, the Jacobian written out by its
    definition)."""
    xy = [X, Y]
    return [_stack([_partials([F_EXAMPLE], xy), _partials([G_EXAMPLE], xy)]),
            _partials([F_EXAMPLE, G_EXAMPLE], xy),
            sp.Matrix([[6 * Y * X, 3 * X**2], [2, 8 * Y**7]])], xy


# --- §4.1 --------------------------------------------------------------------------------

def form_4_1_3():
    """y_1 = f_1(x) = 3x_1²x_2, y_2 = f_2(x) = 2x_1 + x_2⁸: f and g of §3-§4 with x_1 for x,
    x_2 for y (the blocks are the two equations; pairs are the paper's steps 2 and 4)."""
    x1, x2 = column("x", 2)
    sub = {X: x1, Y: x2}
    f1, f2 = F_EXAMPLE.subs(sub, simultaneous=True), G_EXAMPLE.subs(sub, simultaneous=True)
    return [sp.Matrix([f1, f2]), sp.Matrix([3 * x1**2 * x2, f2]),
            sp.Matrix([3 * x1**2 * x2, 2 * x1 + x2**8])], [x1, x2]


def form_4_1_5():
    """The Jacobian as the stack of the gradients ∂f_i/∂x (rows of unevaluated partials) and
    as the m × n matrix of partials (one expression on both sides: notation), for an
    instance with m = 2, n = 3:
    f_1 = x_1 x_2² x_3, f_2 = sin(x_1) + x_2 x_3 (the pair is the paper's step 3)."""
    x = column("x", N)
    fs = [x[0] * x[1] ** 2 * x[2], sp.sin(x[0]) + x[1] * x[2]]
    return [_stack([_partials([f], x) for f in fs]), _partials(fs, x)], list(x)


def form_4_1_6():
    """The identity's Jacobian, n = 3 (f_i(x) = x_i). Each side is [Jacobian form | aside],
    the aside being the matrix of ∂x_i/∂x_j for j ≠ i (zero diagonal), which the paper's
    step 4 sets to 0; pairs are the paper's steps 2-7."""
    x = column("x", N)
    n = N
    fs = list(x)  # f_i(x) = x_i
    aside = sp.Matrix(n, n, lambda i, j: D(x[i], x[j]) if i != j else 0)
    zero = sp.zeros(n, n)
    stacked = _stack([_partials([f], x) for f in fs])
    diagonal = sp.Matrix(n, n, lambda i, j: D(x[i], x[i]) if i == j else 0)
    return [stacked.row_join(aside), _partials(fs, x).row_join(aside),
            _partials(x, x).row_join(aside), _partials(x, x).row_join(zero),
            diagonal.row_join(zero), sp.ones(n, n).multiply_elementwise(sp.eye(n)).row_join(zero),
            sp.eye(n).row_join(zero)], list(x)


# --- §4.2 --------------------------------------------------------------------------------

def _general_instance():
    """y = f(w) ⊗ g(x), n = 3, with f_i, g_i that read more than one element:
    f(w) = [w_1w_2, w_2w_3, w_3w_1], g(x) = [x_1 + x_2, x_2 + x_3, x_3 + x_1]."""
    w, x = column("w", N), column("x", N)
    f = [w[i] * w[(i + 1) % N] for i in range(N)]
    g = [x[i] + x[(i + 1) % N] for i in range(N)]
    return w, x, sp.Matrix([f[i] * g[i] for i in range(N)])


def form_4_2_2():
    """J_w = ∂y/∂w for the general instance, written out as the matrix of unevaluated
    partials ∂/∂w_j (f_i(w) ⊗ g_i(x)) on both sides (the pair is the paper's step 2, the
    Jacobian's definition: notation, one expression on both sides)."""
    w, x, y = _general_instance()
    return [_partials(y, w), _partials(y, w)], [*w, *x]


def form_4_2_3():
    """J_x = ∂y/∂x for the general instance (the pair is the paper's step 2)."""
    w, x, y = _general_instance()
    return [_partials(y, x), _partials(y, x)], [*w, *x]


def _diagonal_instance():
    """y = f(w) ⊗ g(x), n = 3, under the element-wise diagonal condition:
    f_i(w_i) = w_i², g_i(x_i) = sin(x_i)."""
    w, x = column("w", N), column("x", N)
    terms = [w[i] ** 2 * sp.sin(x[i]) for i in range(N)]
    return w, x, terms


def form_4_2_4():
    """∂y/∂w under the diagonal condition: the Jacobian against the diagonal matrix of
    ∂/∂w_i (f_i(w_i) ⊗ g_i(x_i)), zeros elsewhere."""
    w, x, terms = _diagonal_instance()
    return [_partials(terms, w), _diag([D(t, w[i]) for i, t in enumerate(terms)])], \
        [*w, *x]


def form_4_2_5():
    """∂y/∂w = diag(...) (the same instance as 4.2-4)."""
    return form_4_2_4()


def form_4_2_6():
    """∂y/∂x = diag(∂/∂x_i (f_i(w_i) ⊗ g_i(x_i)))."""
    w, x, terms = _diagonal_instance()
    return [_partials(terms, x), _diag([D(t, x[i]) for i, t in enumerate(terms)])], \
        [*w, *x]


def _scalar_pair():
    return sp.symbols("w_i x_i", real=True)


def form_4_2_7():
    """∂/∂w_i (f_i(w_i) + g_i(x_i)) with f_i(w_i) = w_i, g_i(x_i) = x_i."""
    w_i, x_i = _scalar_pair()
    f_i, g_i = sp.Lambda(w_i, w_i), sp.Lambda(x_i, x_i)
    return [D(f_i(w_i) + g_i(x_i), w_i), D(w_i + x_i, w_i),
            sp.Add(1, 0, evaluate=False), sp.Integer(1)], [w_i, x_i]


def form_4_2_8():
    """∂/∂x_i (f_i(w_i) + g_i(x_i)) with f_i(w_i) = w_i, g_i(x_i) = x_i."""
    w_i, x_i = _scalar_pair()
    f_i, g_i = sp.Lambda(w_i, w_i), sp.Lambda(x_i, x_i)
    return [D(f_i(w_i) + g_i(x_i), x_i), D(w_i + x_i, x_i),
            sp.Add(0, 1, evaluate=False), sp.Integer(1)], [w_i, x_i]


def _wx():
    return column("w", N), column("x", N)


def form_4_2_9():
    """∂(w + x)/∂w = diag(∂(w_i + x_i)/∂w_i) = diag(1) = I, n = 3."""
    w, x = _wx()
    return [_partials(w + x, w), _diag([D(w[i] + x[i], w[i]) for i in range(N)]),
            _diag([1] * N), sp.eye(N)], [*w, *x]


def form_4_2_10():
    """∂(w − x)/∂w = diag(∂(w_i − x_i)/∂w_i) = diag(1) = I, n = 3."""
    w, x = _wx()
    return [_partials(w - x, w), _diag([D(w[i] - x[i], w[i]) for i in range(N)]),
            _diag([1] * N), sp.eye(N)], [*w, *x]


def form_4_2_11():
    """∂(w ⊗ x)/∂w = diag(∂(w_i x_i)/∂w_i) = diag(x), n = 3."""
    w, x = _wx()
    return [_partials(w.multiply_elementwise(x), w),
            _diag([D(w[i] * x[i], w[i]) for i in range(N)]), _diag(list(x))], [*w, *x]


def form_4_2_12():
    """∂(w ⊘ x)/∂w = diag(∂(w_i/x_i)/∂w_i) = diag(1/x_i), n = 3 (x_i ≠ 0)."""
    w, x = _wx()
    quotient = sp.Matrix([w[i] / x[i] for i in range(N)])
    return [_partials(quotient, w), _diag([D(w[i] / x[i], w[i]) for i in range(N)]),
            _diag([1 / x[i] for i in range(N)])], [*w, *x]


def form_4_2_13():
    """∂(w + x)/∂x = I, n = 3."""
    w, x = _wx()
    return [_partials(w + x, x), sp.eye(N)], [*w, *x]


def form_4_2_14():
    """∂(w − x)/∂x = diag(∂(w_i − x_i)/∂x_i) = diag(−1) = −I, n = 3."""
    w, x = _wx()
    return [_partials(w - x, x), _diag([D(w[i] - x[i], x[i]) for i in range(N)]),
            _diag([-1] * N), -sp.eye(N)], [*w, *x]


def form_4_2_15():
    """∂(w ⊗ x)/∂x = diag(w), n = 3."""
    w, x = _wx()
    return [_partials(w.multiply_elementwise(x), x), _diag(list(w))], [*w, *x]


def form_4_2_16():
    """∂(w ⊘ x)/∂x = diag(−w_i/x_i²), n = 3 (x_i ≠ 0)."""
    w, x = _wx()
    quotient = sp.Matrix([w[i] / x[i] for i in range(N)])
    return [_partials(quotient, x), _diag([-w[i] / x[i] ** 2 for i in range(N)])], [*w, *x]


# --- §4.3 --------------------------------------------------------------------------------

def form_4_3_1():
    """∂y/∂x = diag(∂/∂x_i (f_i(x_i) ∘ g_i(z))) for both of §4.3's operators, n = 3, as one
    block [x + 1z | x ⊗ 1z]: the Jacobians against the diagonal matrices of partials."""
    x, z = column("x", N), sp.Symbol("z", real=True)
    ones_z = sp.ones(N, 1) * z
    added, multiplied = x + ones_z, x.multiply_elementwise(ones_z)
    left = _partials(added, x).row_join(_partials(multiplied, x))
    right = _diag([D(x[i] + z, x[i]) for i in range(N)]).row_join(
        _diag([D(x[i] * z, x[i]) for i in range(N)]))
    return [left, right], [*x, z]


def _xz():
    return sp.symbols("x_i z", real=True)


def form_4_3_2():
    """∂/∂x_i (f_i(x_i) + g_i(z)), f_i(x_i) = x_i, g_i(z) = z."""
    x_i, z = _xz()
    return [D(sp.Lambda(x_i, x_i)(x_i) + sp.Lambda(z, z)(z), x_i), D(x_i + z, x_i),
            D(x_i, x_i) + D(z, x_i), sp.Add(1, 0, evaluate=False), sp.Integer(1)], [x_i, z]


def form_4_3_3():
    """∂/∂z (f_i(x_i) + g_i(z)), f_i(x_i) = x_i, g_i(z) = z."""
    x_i, z = _xz()
    return [D(sp.Lambda(x_i, x_i)(x_i) + sp.Lambda(z, z)(z), z), D(x_i + z, z),
            D(x_i, z) + D(z, z), sp.Add(0, 1, evaluate=False), sp.Integer(1)], [x_i, z]


def form_4_3_4():
    """∂/∂x_i (f_i(x_i) ⊗ g_i(z)) by the product rule."""
    x_i, z = _xz()
    return [D(x_i * z, x_i), x_i * D(z, x_i) + z * D(x_i, x_i),
            sp.Add(0, z, evaluate=False), z], [x_i, z]


def form_4_3_5():
    """∂/∂z (f_i(x_i) ⊗ g_i(z)) by the product rule."""
    x_i, z = _xz()
    return [D(x_i * z, z), x_i * D(z, z) + z * D(x_i, z),
            sp.Add(x_i, 0, evaluate=False), x_i], [x_i, z]


# --- §4.4 --------------------------------------------------------------------------------

def form_4_4_1():
    """∂y/∂x for y = sum(f(x)), n = 3, with f(x) = [x_1x_2, x_2x_3, x_3x_1] (each f_i reads
    two elements): ∂y/∂x as the 1 × n row of unevaluated partials ∂y/∂x_j, the same row
    (the paper's step 1 writes ∂y/∂x out as it), the row of ∂/∂x_j Σ_i f_i (y substituted,
    the same expression again) and the row of Σ_i ∂f_i/∂x_j."""
    x = column("x", N)
    f = [x[i] * x[(i + 1) % N] for i in range(N)]
    y = sum(f)
    return [_partials([y], x), sp.Matrix([[D(y, xj) for xj in x]]),
            sp.Matrix([[D(sp.Add(*f), xj) for xj in x]]),
            sp.Matrix([[sp.Add(*[D(fi, xj) for fi in f]) for xj in x]])], list(x)


def form_4_4_2():
    """∇y for y = sum(x), n = 3 (f_i(x) = x_i)."""
    x = column("x", N)
    f = list(x)
    return [_partials([sum(x)], x), sp.Matrix([[sp.Add(*[D(fi, xj) for fi in f]) for xj in x]]),
            sp.Matrix([[sp.Add(*[D(x[i], xj) for i in range(N)]) for xj in x]])], list(x)


def form_4_4_3():
    """∇y = [∂x_j/∂x_j] = [1, ..., 1] = 1ᵀ, n = 3."""
    x = column("x", N)
    return [_partials([sum(x)], x), sp.Matrix([[D(xj, xj) for xj in x]]),
            sp.Matrix([[1] * N]), sp.ones(N, 1).T], list(x)


def form_4_4_4():
    """∂y/∂x for y = sum(xz), n = 3."""
    x, z = column("x", N), sp.Symbol("z", real=True)
    y = sum(x * z)
    return [_partials([y], x), sp.Matrix([[sp.Add(*[D(x[i] * z, xj) for i in range(N)]) for xj in x]]),
            sp.Matrix([[D(xj * z, xj) for xj in x]]), sp.Matrix([[z] * N])], [*x, z]


def form_4_4_5():
    """∂y/∂z for y = sum(xz), n = 3 (a 1 × 1 Jacobian, here a scalar; pairs are the
    paper's steps 1, 3, 4, 5: step 2 is the '=' of the index i = 1)."""
    x, z = column("x", N), sp.Symbol("z", real=True)
    terms = [x[i] * z for i in range(N)]
    return [D(sum(x * z), z), D(sp.Add(*terms), z), sp.Add(*[D(t, z) for t in terms]),
            sp.Add(*x), sum(x)], [*x, z]


FORMS = {
    "1-1": form_1_1, "2-1": form_2_1, "3-1": form_3_1, "4-1": form_4_1, "4-2": form_4_2,
    "4-3": form_4_3, "4.1-3": form_4_1_3, "4.1-5": form_4_1_5, "4.1-6": form_4_1_6,
    "4.2-2": form_4_2_2, "4.2-3": form_4_2_3, "4.2-4": form_4_2_4, "4.2-5": form_4_2_5,
    "4.2-6": form_4_2_6, "4.2-7": form_4_2_7, "4.2-8": form_4_2_8, "4.2-9": form_4_2_9,
    "4.2-10": form_4_2_10, "4.2-11": form_4_2_11, "4.2-12": form_4_2_12,
    "4.2-13": form_4_2_13, "4.2-14": form_4_2_14, "4.2-15": form_4_2_15,
    "4.2-16": form_4_2_16, "4.3-1": form_4_3_1, "4.3-2": form_4_3_2, "4.3-3": form_4_3_3,
    "4.3-4": form_4_3_4, "4.3-5": form_4_3_5, "4.4-1": form_4_4_1, "4.4-2": form_4_4_2,
    "4.4-3": form_4_4_3, "4.4-4": form_4_4_4, "4.4-5": form_4_4_5,
}


# The paper's number of the '=' each pair of a form checks (1-based), by key.
STEPS = {
    "1-1": [1], "2-1": [1, 2, 3, 4], "3-1": [2], "4-1": [1, 2, 3, 4], "4-2": [1, 2, 3],
    "4-3": [2, 3], "4.1-3": [2, 4], "4.1-5": [3], "4.1-6": [2, 3, 4, 5, 6, 7], "4.2-2": [2],
    "4.2-3": [2], "4.2-4": [1], "4.2-5": [1], "4.2-6": [1], "4.2-7": [1, 2, 3],
    "4.2-8": [1, 2, 3], "4.2-9": [1, 2, 3], "4.2-10": [1, 2, 3], "4.2-11": [1, 2],
    "4.2-12": [1, 2], "4.2-13": [1], "4.2-14": [1, 2, 3], "4.2-15": [1], "4.2-16": [1],
    "4.3-1": [1], "4.3-2": [1, 2, 3, 4], "4.3-3": [1, 2, 3, 4], "4.3-4": [1, 2, 3],
    "4.3-5": [1, 2, 3], "4.4-1": [1, 2, 3], "4.4-2": [1, 2], "4.4-3": [1, 2, 3],
    "4.4-4": [1, 2, 3], "4.4-5": [1, 3, 4, 5],
}


def form(key: str):
    """``(expressions, variables)`` of the derivation of ledger entry ``key`` (§1-§4.4)."""
    if key not in FORMS:
        raise KeyError(f"no derivation form for {key!r}; the forms of §1-§4.4 are "
                       f"{', '.join(FORMS)}")
    return FORMS[key]()
