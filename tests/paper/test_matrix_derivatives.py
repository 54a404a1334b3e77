"""Tests for mathcalc.paper.matrix_derivatives: every closed form against SymPy's explicit
Jacobian and finite differences."""
import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import mathcalc as mc
from mathcalc import check_derivative, jacobian, numerical_jacobian
from mathcalc.paper import matrix_derivatives as md


@pytest.mark.parametrize("n", [1, 2, 4])
def test_matrix_expression_derivatives_numerator_layout(n):
    A, x, a = sp.MatrixSymbol("A", n, n), sp.MatrixSymbol("x", n, 1), sp.MatrixSymbol("a", n, 1)
    assert md.matrix_expression_derivative(A * x, x) == A
    got = sp.Matrix(md.matrix_expression_derivative(x.T * A * x, x).as_explicit())
    assert sp.simplify(got - sp.Matrix((x.T * (A + A.T)).as_explicit())) == sp.zeros(1, n)
    assert sp.Matrix(md.matrix_expression_derivative(a.T * x, x).as_explicit()) == sp.Matrix(a.T.as_explicit())


def test_matrix_expression_derivative_bad_input():
    A = sp.MatrixSymbol("A", 2, 2)
    with pytest.raises(ValueError, match="column"):
        md.matrix_expression_derivative(A, A)
    with pytest.raises(ValueError, match="matrix expression"):
        md.matrix_expression_derivative(sp.Symbol("t"), sp.MatrixSymbol("x", 2, 1))


def test_symbols_and_flatten():
    W = md.matrix_symbols("W", 2, 3)
    assert W.shape == (2, 3) and str(W[1, 2]) == "W_23"
    assert [str(s) for s in md.flatten_row_major(W)][:4] == ["W_11", "W_12", "W_13", "W_21"]
    assert mc.column("x", 3).shape == (3, 1)
    for bad in (0, -1, 2.5, True):
        with pytest.raises(ValueError):
            md.matrix_symbols("W", bad, 2)
    with pytest.raises(ValueError):
        md.flatten_row_major(np.eye(2))


@pytest.mark.parametrize("n", [1, 2, 3])
def test_softmax_jacobian(n):
    x = mc.column("x", n)
    s = md.softmax(x)
    J = md.softmax_jacobian(x)
    assert J.shape == (n, n)
    assert sp.simplify(jacobian(s, list(x)) - J) == sp.zeros(n, n)
    check_derivative(s, list(x), J, rng=0)
    # each row of the Jacobian sums to 0: the outputs always sum to 1
    assert sp.simplify(J * sp.ones(n, 1)) == sp.zeros(n, 1)


@pytest.mark.parametrize("m,n", [(1, 1), (2, 3), (3, 2)])
def test_linear_layer_jacobians(m, n):
    W, x, b = md.matrix_symbols("W", m, n), mc.column("x", n), mc.column("b", m)
    y = md.linear_layer(W, x, b)
    J = md.linear_layer_jacobians(W, x, b)
    assert J["W"].shape == (m, m * n)
    assert jacobian(y, md.flatten_row_major(W)) == J["W"]
    assert jacobian(y, list(b)) == J["b"] == sp.eye(m)
    assert jacobian(y, list(x)) == J["x"] == W
    # the Jacobian with respect to W still depends on x: check it with x fixed at numbers
    xv = sp.Matrix(np.arange(1, n + 1))
    yv = md.linear_layer(W, xv, b)
    Jv = md.linear_layer_jacobians(W, xv, b)
    check_derivative(yv, md.flatten_row_major(W) + list(b), sp.Matrix.hstack(Jv["W"], Jv["b"]), rng=1)


def test_linear_layer_shape_errors():
    W = md.matrix_symbols("W", 2, 3)
    with pytest.raises(ValueError, match="shapes"):
        md.linear_layer(W, mc.column("x", 2), mc.column("b", 2))
    with pytest.raises(ValueError, match="shapes"):
        md.linear_layer_jacobians(W, mc.column("x", 3), mc.column("b", 3))


def _data(m, n, N, seed):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(m, n)), rng.normal(size=m), rng.normal(size=(N, n)), rng.normal(size=(N, m))


@pytest.mark.parametrize("m,n,N", [(1, 2, 4), (3, 2, 5), (2, 4, 3)])
def test_layer_gradient_matches_finite_differences_and_sympy(m, n, N):
    W, b, X, Y = _data(m, n, N, seed=m * 10 + n)
    dW, db = md.layer_mse_gradient(W, b, X, Y)
    assert dW.shape == (m, n) and db.shape == (m,)
    theta = np.concatenate([W.ravel(), b])
    numeric = numerical_jacobian(md.layer_mse_flat(X, Y, m, n), theta)[0]
    np.testing.assert_allclose(np.concatenate([dW.ravel(), db]), numeric, atol=1e-7)
    C, Ws, bs = md.layer_mse_symbolic(m, n, X, Y)
    symbols = md.flatten_row_major(Ws) + list(bs)
    assert float(C.subs(dict(zip(symbols, theta)))) == pytest.approx(md.layer_mse(W, b, X, Y))
    G = np.array(jacobian(C, symbols).subs(dict(zip(symbols, theta))).evalf(), dtype=float)[0]
    np.testing.assert_allclose(G, np.concatenate([dW.ravel(), db]), atol=1e-12)


def test_one_neuron_is_the_papers_section_6():
    W, b, X, Y = _data(1, 3, 6, seed=5)
    dW, db = md.layer_mse_gradient(W, b, X, Y)
    z = X @ W[0] + b[0]
    e = z - Y[:, 0]
    active = z > 0
    np.testing.assert_allclose(dW[0], 2 / 6 * (e[active] @ X[active]))
    assert db[0] == pytest.approx(2 / 6 * e[active].sum())


def test_layer_shape_errors():
    W, b, X, Y = _data(2, 3, 4, seed=0)
    with pytest.raises(ValueError, match="shapes"):
        md.layer_mse(W, b[:1], X, Y)
    with pytest.raises(ValueError, match="matrix"):
        md.layer_mse(b, b, X, Y)
    with pytest.raises(ValueError, match="non-finite"):
        md.layer_mse(W * np.nan, b, X, Y)
    with pytest.raises(ValueError, match="θ"):
        md.layer_mse_flat(X, Y, 2, 3)(np.zeros(3))
    with pytest.raises(ValueError):
        md.layer_mse_symbolic(2, 2, X, Y)


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 3), st.integers(1, 3), st.integers(1, 5), st.integers(0, 10_000))
def test_layer_gradient_property(m, n, N, seed):
    W, b, X, Y = _data(m, n, N, seed)
    dW, db = md.layer_mse_gradient(W, b, X, Y)
    numeric = numerical_jacobian(md.layer_mse_flat(X, Y, m, n), np.concatenate([W.ravel(), b]))[0]
    np.testing.assert_allclose(np.concatenate([dW.ravel(), db]), numeric, atol=1e-6)


def test_verify_identity_and_explicit_derivative():
    err = md.verify_identity(lambda A, x, a: x.T * A * x, lambda A, x, a: x.T * (A + A.T), ns=(1, 2))
    assert err.passed and err.symbolic and err.max_error < 1e-6
    with pytest.raises(AssertionError):  # the denominator-layout answer is not the identity
        md.verify_identity(lambda A, x, a: A * x, lambda A, x, a: A.T, ns=(2,))
    J = md.explicit_derivative(lambda A, x, a: A * x, 2)
    assert J == md.matrix_symbols("A", 2, 2)


def test_layer_loss_and_gradient_agree_with_finite_differences():
    rng = np.random.default_rng(8)
    m, n = 2, 3
    X, Y = rng.normal(size=(10, n)), rng.uniform(0, 1, size=(10, m))
    loss, grad = md.layer_loss_and_gradient(X, Y, m, n)
    theta = rng.normal(size=m * n + m)
    assert loss(theta) == md.layer_mse(theta[:6].reshape(2, 3), theta[6:], X, Y)
    numeric = mc.numerical_jacobian(md.layer_mse_flat(X, Y, m, n), theta)[0]
    np.testing.assert_allclose(grad(theta), numeric, atol=1e-6)
    with pytest.raises(ValueError, match=r"shape \(8,\)"):
        grad(theta[:-1])
