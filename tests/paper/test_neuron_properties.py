"""Property tests: for random compositions of smooth element-wise functions, the symbolic
Jacobian agrees with finite differences, the layouts are transposes, element-wise maps
have diagonal Jacobians, and bad inputs always raise ValueError."""
import numpy as np
import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mathcalc as mc
from mathcalc.core.check import lambdify_vector

SYMBOLS = sp.symbols("x1:5", real=True)
UNARY = [sp.sin, sp.cos, sp.tanh, lambda e: e**2, lambda e: sp.exp(e / 4), lambda e: 3 * e]
BINARY = [sp.Add, sp.Mul, lambda a, b: a - b]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def expressions(n):
    leaves = st.sampled_from(SYMBOLS[:n]) | st.integers(-3, 3).map(sp.Integer)
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.tuples(st.sampled_from(UNARY), inner).map(lambda t: t[0](t[1])),
            st.tuples(st.sampled_from(BINARY), inner, inner).map(lambda t: t[0](t[1], t[2]))),
        max_leaves=6)


@st.composite
def problems(draw):
    n = draw(st.integers(1, 4))
    m = draw(st.integers(1, 3))
    fs = [draw(expressions(n)) for _ in range(m)]
    return fs, list(SYMBOLS[:n])


@SETTINGS
@given(problems(), st.integers(0, 2**16))
def test_symbolic_and_numerical_jacobians_agree(problem, seed):
    fs, xs = problem
    assert mc.check_jacobian(fs, xs, rng=seed, n_points=2, domain=(-1.0, 1.0),
                             rtol=1e-5, atol=1e-6).max_error < 1e-3


@SETTINGS
@given(problems())
def test_numerator_is_transpose_of_denominator(problem):
    fs, xs = problem
    J = mc.jacobian(fs, xs)
    assert J.shape == (len(fs), len(xs))
    assert mc.jacobian(fs, xs, layout="denominator") == J.T


@SETTINGS
@given(problems(), st.integers(0, 2**16))
def test_complex_step_agrees_with_central_difference(problem, seed):
    fs, xs = problem
    f = lambdify_vector(fs, xs)
    point = np.random.default_rng(seed).uniform(-1, 1, size=len(xs))
    np.testing.assert_allclose(mc.numerical_jacobian(f, point, method="complex"),
                               mc.numerical_jacobian(f, point), rtol=1e-5, atol=1e-6)


@SETTINGS
@given(st.integers(1, 4), st.lists(st.sampled_from(UNARY), min_size=1, max_size=3))
def test_element_wise_maps_have_diagonal_jacobians(n, chain):
    """§4.2's element-wise diagonal condition: f_i depends on x_i only."""
    xs = SYMBOLS[:n]
    fs = []
    for x in xs:
        e = x
        for g in chain:
            e = g(e)
        fs.append(e)
    assert mc.is_diagonal(mc.jacobian(fs, xs))


@SETTINGS
@given(problems(), st.sampled_from([sp.Integer(2), sp.Symbol("x1") ** 2, "x1", 1.5]))
def test_a_non_symbol_variable_always_raises(problem, bad):
    fs, xs = problem
    with pytest.raises(ValueError, match="not a SymPy symbol|SymPy symbol"):
        mc.jacobian(fs, xs + [bad])


@SETTINGS
@given(problems(), st.sampled_from([np.nan, np.inf, -np.inf]))
def test_a_non_finite_point_always_raises(problem, bad):
    fs, xs = problem
    at = [0.5] * (len(xs) - 1) + [bad]
    with pytest.raises(ValueError, match="non-finite"):
        mc.check_jacobian(fs, xs, at=at)
