"""Tests for mathcalc.paper.neuron_symbolic: the SymPy neuron of Parr & Howard §5-§6."""
import numpy as np
import pytest
import sympy as sp

import mathcalc as mc
from mathcalc.paper import neuron
from mathcalc.paper import neuron_symbolic as ns


def test_symbols_shapes_and_validation():
    w, b, x = ns.neuron_symbols(3)
    assert w.shape == (3, 1) and x.shape == (3, 1) and isinstance(b, sp.Symbol)
    w, b, X, y = ns.neuron_symbols(2, N=4)
    assert X.shape == (4, 2) and y.shape == (4, 1)
    with pytest.raises(ValueError, match="n must be"):
        ns.neuron_symbols(0)
    with pytest.raises(ValueError, match="N must be"):
        ns.neuron_symbols(2, N=0)


def test_relu_derivative_convention():
    z = sp.Symbol("z", real=True)
    d = sp.diff(sp.Max(0, z), z)
    assert not ns.same_expression(d, ns.paper_relu_derivative(z))  # SymPy: H(0) = 1/2
    assert ns.same_expression(ns.paper_convention(d), ns.paper_relu_derivative(z))
    assert ns.paper_convention(d).subs(z, 0) == 0


def test_same_expression_is_not_trivially_true():
    z = sp.Symbol("z", real=True)
    assert ns.same_expression(sp.Max(0, z) * sp.Heaviside(z, 0), z * sp.Heaviside(z, 0))
    assert not ns.same_expression(sp.Max(0, z), z)
    assert not ns.same_expression(sp.Piecewise((0, z <= 0), (2, True)),
                                  ns.paper_relu_derivative(z))
    with pytest.raises(ValueError, match="shapes differ"):
        ns.same_expression(sp.Matrix([1, 2]), sp.Matrix([[1, 2]]))


def test_loss_gradient_expr_masked_equals_sympy_and_numpy():
    w, b, X, y = ns.neuron_symbols(2, N=3)
    iv = ns.loss_intermediates(w, b, X, y)
    gw, gb = ns.loss_gradient_expr(w, b, X, y)
    assert ns.same_expression(ns.paper_convention(mc.gradient(iv["C"], list(w))), gw)
    assert ns.same_expression(ns.paper_convention(sp.diff(iv["C"], b)), gb)
    pw, pb = ns.loss_gradient_expr(w, b, X, y, form="paper")
    assert not ns.same_expression(ns.paper_convention(sp.diff(iv["C"], b)), pb)
    rng = np.random.default_rng(1)
    Xn, yn, wn = rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=2)
    vals = {**dict(zip(X, Xn.ravel())), **dict(zip(y, yn)), **dict(zip(w, wn)), b: 0.2}
    num_w, num_b = neuron.loss_gradient(wn, 0.2, Xn, yn)
    np.testing.assert_allclose(np.array(gw.subs(vals), dtype=float).ravel(), num_w, rtol=1e-12)
    assert float(gb.subs(vals)) == pytest.approx(num_b, rel=1e-12)
    with pytest.raises(ValueError, match="form"):
        ns.loss_gradient_expr(w, b, X, y, form="other")


def test_points_away_from_kink():
    X = np.random.default_rng(0).normal(size=(10, 2))
    pts = ns.points_away_from_kink(X, rng=0, n_points=5, margin=0.05)
    assert len(pts) == 5
    for p in pts:
        assert np.min(np.abs(X @ p[:-1] + p[-1])) >= 0.05
    with pytest.raises(ValueError, match="found only"):
        ns.points_away_from_kink(X, rng=0, n_points=2, margin=100.0, tries=10)
