"""Tests for mathcalc.autodiff: forward (JVP) and reverse (VJP) mode against SymPy and
finite differences, with hypothesis-generated compositions of the primitives."""
import numpy as np
import pytest
import sympy as sp
from hypothesis import example, given, settings, strategies as st

from mathcalc import autodiff as ad
from mathcalc import jacobian as sym_jacobian
from mathcalc.core.numerical import numerical_jacobian
from mathcalc.rules import VECTOR_RULES


def both(f, x):
    Jf, cf = ad.jacobian_forward(f, x)
    Jr, cr = ad.jacobian_reverse(f, x)
    return Jf, Jr, cf, cr


def test_paper_scalar_examples():
    for f, df, x0 in [(lambda x: ad.sin(x**2), lambda x: 2 * x * np.cos(x**2), 0.8),
                      (lambda x: ad.log(ad.sin(x**3) ** 2), lambda x: 6 * x**2 * np.cos(x**3) / np.sin(x**3), 0.9),
                      (lambda x: x + x**2, lambda x: 1 + 2 * x, 1.0),
                      (lambda x: ad.sin(x + x**2), lambda x: np.cos(x + x**2) * (1 + 2 * x), 0.3),
                      (lambda x: x * x**2, lambda x: 3 * x**2, -1.2)]:
        Jf, Jr, _, _ = both(f, x0)
        assert Jf.shape == (1, 1)
        np.testing.assert_allclose(Jf[0, 0], df(x0), rtol=1e-12)
        np.testing.assert_allclose(Jr[0, 0], df(x0), rtol=1e-12)


def test_node_used_twice_accumulates():
    x = ad.Var(1.0)
    y = x + x**2  # x feeds the sum directly and through the square
    y.backward()
    assert float(x.grad) == pytest.approx(3.0)  # 1 + 2x, not 2x (one path) or 1
    v = ad.Var(np.array([1.0, 2.0]))
    s = ad.sum(v * v) + ad.dot(v, v)
    s.backward()
    np.testing.assert_allclose(v.grad, 4 * v.value)


def test_vector_paper_example_jacobian():
    f = lambda x: ad.log(x**2) * np.array([1.0, 0.0]) + ad.sin(3 * x) * np.array([0.0, 1.0])
    x0 = 0.7
    y = lambda x: ad.log(ad.square(x))  # scalar route
    assert ad.grad(y, x0) == pytest.approx(2 / x0)
    J = ad.jacobian(f, x0)
    np.testing.assert_allclose(J[:, 0], [2 / x0, 3 * np.cos(3 * x0)], rtol=1e-12)


def test_jvp_vjp_single_pass_and_shapes():
    x = np.array([0.3, -0.4, 1.1])
    f = lambda x: ad.exp(x) * ad.sum(x)
    J = ad.jacobian(f, x)
    v, g = np.array([1.0, 2.0, -1.0]), np.array([0.5, 0.0, 2.0])
    y, Jv = ad.jvp(f, x, v)
    y2, gJ = ad.vjp(f, x, g)
    np.testing.assert_allclose(Jv, J @ v)
    np.testing.assert_allclose(gJ, g @ J)
    np.testing.assert_allclose(y, y2)


def test_pass_counts_many_inputs_one_output():
    n = 20
    f = lambda x: ad.sum(ad.sin(x) * x)
    _, _, cf, cr = both(f, np.linspace(-1, 1, n))
    assert cf.passes == n and cr.passes == 1
    assert cf.rule_applications == n * cr.rule_applications


def test_neuron_activation_gradient():
    rng = np.random.default_rng(5)
    w, x, b = rng.normal(size=4), rng.normal(size=4), 0.3
    wv = ad.Var(w)
    bv = ad.Var(np.array(b))
    a = ad.relu(ad.dot(wv, x) + bv)
    a.backward()
    z = w @ x + b
    assert z < 0  # the clipped branch: book/autodiff.ipynb checks the active one
    np.testing.assert_allclose(wv.grad, x * (z > 0))
    assert float(bv.grad) == (1.0 if z > 0 else 0.0)


def test_errors():
    with pytest.raises(ValueError, match="seed"):
        ad.Var(np.ones(3)).backward()
    with pytest.raises(ValueError, match="equal shapes"):
        ad.Var(np.ones(3)) + ad.Var(np.ones(2))
    with pytest.raises(ValueError, match="constant"):
        ad.Var(np.ones(2)) ** ad.Var(2.0)
    with pytest.raises(ValueError, match="mix"):
        ad.Var(1.0) + ad.Dual(1.0, 1.0)
    with pytest.raises(ValueError, match="mode"):
        ad.jacobian(lambda x: x, 1.0, mode="sideways")
    with pytest.raises(ValueError, match="scalar or a vector"):
        ad.grad(lambda x: ad.sum(x), np.ones((2, 2)))


def test_primitive_rules_come_from_table():
    from mathcalc.autodiff import ops
    keys = {r.key for r in VECTOR_RULES}
    for name in ["sin", "cos", "exp", "log", "square", "relu", "neg"]:
        assert name in keys and getattr(ops, name).__name__ == name


def test_against_sympy_on_a_composition():
    xs = sp.symbols("x1:4", real=True)
    X = sp.Matrix(xs)
    expr = [sp.sin(xs[i]) * sum(xi**2 for xi in xs) + sp.exp(xs[i] / 2) for i in range(3)]
    f = lambda x: ad.sin(x) * ad.sum(x**2) + ad.exp(x * 0.5)
    x0 = np.array([0.2, -0.9, 1.3])
    J_sym = np.array(sym_jacobian(expr, list(X)).subs(dict(zip(xs, x0))), dtype=float)
    Jf, Jr, _, _ = both(f, x0)
    np.testing.assert_allclose(Jf, J_sym, rtol=1e-12)
    np.testing.assert_allclose(Jr, J_sym, rtol=1e-12)


# --- property tests: random compositions of primitives -------------------------------------
UNARY = [ad.sin, ad.cos, ad.square, lambda a: ad.exp(a * 0.3), lambda a: -a,
         lambda a: a**3 * 0.2, lambda a: ad.log(a * a + 1.0)]
BINARY = [lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b,
          lambda a, b: a / (b * b + 1.0), lambda a, b: a * ad.sum(b),
          lambda a, b: a + ad.dot(a, b)]


def build(program):
    """A function of x from a program: a list of (unary k) or (binary k, operand index)."""
    def f(x):
        values = [x]
        for op, k, j in program:
            a = values[-1]
            values.append(UNARY[k](a) if op == "u" else BINARY[k](a, values[j % len(values)]))
        return values[-1]
    return f


step = st.one_of(st.tuples(st.just("u"), st.integers(0, len(UNARY) - 1), st.just(0)),
                 st.tuples(st.just("b"), st.integers(0, len(BINARY) - 1), st.integers(0, 10)))


@settings(max_examples=60, deadline=None)
@given(st.lists(step, min_size=1, max_size=6), st.integers(1, 4), st.integers(0, 2**16))
@example(program=[("b", 0, 0), ("b", 0, 1), ("u", 2, 0), ("u", 2, 0), ("u", 0, 0),
                  ("u", 1, 0)], n=1, seed=23199)  # plain central differences were off by 2e-5
def test_forward_reverse_numerical_agree(program, n, seed):
    f = build(program)
    x0 = np.random.default_rng(seed).uniform(-1.0, 1.0, size=n)
    Jf, Jr, cf, cr = both(f, x0)
    f_np = lambda x: np.asarray(ad.value_of(f(x)))
    # Richardson: (4 J(h/2) − J(h)) / 3 cancels the h² error of central differences, which
    # steep compositions (0.2a³ of 0.2a³ of a sum ...) push past the tolerance otherwise
    h = np.finfo(float).eps ** (1 / 3) * np.maximum(1.0, np.abs(x0)).max()
    Jn = (4 * numerical_jacobian(f_np, x0, h=h / 2) - numerical_jacobian(f_np, x0, h=h)) / 3
    scale = 1.0 + np.abs(Jn).max()
    assert np.allclose(Jf, Jr, rtol=1e-10, atol=1e-10 * scale)
    assert np.allclose(Jr, Jn, rtol=1e-5, atol=1e-6 * scale)
    assert cf.passes == n and cr.passes == Jr.shape[0]


@settings(max_examples=30, deadline=None)
@given(st.lists(step, min_size=1, max_size=5), st.integers(0, 2**16))
def test_jvp_vjp_duality(program, seed):
    """gᵀ(Jv) = (gᵀJ)v: forward and reverse compute the same bilinear form."""
    f = build(program)
    rng = np.random.default_rng(seed)
    x0, v = rng.uniform(-1, 1, size=3), rng.normal(size=3)
    y, Jv = ad.jvp(f, x0, v)
    g = rng.normal(size=np.shape(y))
    _, gJ = ad.vjp(f, x0, g)
    assert np.isclose(np.sum(g * Jv), np.dot(gJ, v), rtol=1e-9, atol=1e-9)


def test_long_chain_has_no_recursion_limit():
    x = ad.Var(0.5)
    y = x
    for _ in range(3000):  # y = x + 3000·0.001... built one node at a time
        y = y + x * 0.001
    y.backward()
    assert float(x.grad) == pytest.approx(1 + 3000 * 0.001)
    assert len(y.graph()) == 6001


def test_check_modes_passes_right_functions_and_names_a_wrong_one():
    import sympy as sp
    from mathcalc.core.check import CheckError
    t = sp.Symbol("x", real=True)
    result = ad.check_modes(lambda x: ad.sin(x**2), 0.7, [sp.sin(t**2)], [t])
    assert result.passed and set(result.errors) == {"forward", "reverse", "finite differences"}
    assert result.errors["reverse"] < 1e-12 and result.errors["finite differences"] < 1e-7
    with pytest.raises(CheckError, match="forward"):  # the SymPy side is a different function
        ad.check_modes(lambda x: ad.sin(x**2), 0.7, [sp.cos(t**2)], [t])
    xs = sp.symbols("x1:3", real=True)
    vec = ad.check_modes(lambda x: ad.exp(x) * ad.sum(x), np.array([0.1, -0.4]),
                         [sp.exp(xi) * sum(xs) for xi in xs], xs)
    assert vec.passed
    with pytest.raises(ValueError, match="components"):
        ad.check_modes(lambda x: x, np.array([1.0, 2.0]), [t], [t])
