"""Tests for mathcalc.neuron: the loss gradient of Parr & Howard §5-§6 against finite
differences, the per-sample loop, the augmented form, and the paper's wrong §6.1 form."""
import warnings

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import mathcalc as mc
from mathcalc.paper import neuron
from mathcalc.core.numerical import numerical_jacobian


def data(seed, N=20, n=3, margin=0.05):
    """Random w, b, X, y with every |z_i| >= margin (away from the ReLU's kink)."""
    rng = np.random.default_rng(seed)
    w, b = rng.normal(size=n), float(rng.normal())
    X = rng.normal(size=(N, n))
    z = X @ w + b
    X = X[np.abs(z) >= margin]
    y = rng.normal(size=X.shape[0])
    return w, b, X, y


def fd_gradient(w, b, X, y):
    f = lambda t: neuron.loss(t[:-1], t[-1], X, y)
    return numerical_jacobian(f, np.append(w, b))[0]


def test_gradient_matches_finite_differences():
    w, b, X, y = data(0)
    gw, gb = neuron.loss_gradient(w, b, X, y)
    assert gw.shape == (3,) and isinstance(gb, float)
    np.testing.assert_allclose(np.append(gw, gb), fd_gradient(w, b, X, y), rtol=1e-6, atol=1e-8)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), N=st.integers(1, 40), n=st.integers(1, 6))
def test_gradient_property_finite_differences(seed, N, n):
    w, b, X, y = data(seed, N, n, margin=0.05)
    assume(X.shape[0] > 0)  # every sample fell near the kink z = 0 and was dropped
    gw, gb = neuron.loss_gradient(w, b, X, y)
    np.testing.assert_allclose(np.append(gw, gb), fd_gradient(w, b, X, y), rtol=1e-5, atol=1e-7)
    lw, lb = neuron.loss_gradient_loop(w, b, X, y)
    np.testing.assert_allclose(gw, lw, rtol=1e-10, atol=1e-12)
    assert gb == pytest.approx(lb, rel=1e-10, abs=1e-12)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), N=st.integers(1, 30), n=st.integers(1, 5))
def test_augmented_form_property(seed, N, n):
    w, b, X, y = data(seed, N, n, margin=0.0)
    assume(X.shape[0] > 0)  # every sample fell near the kink z = 0 and was dropped
    w_hat, X_hat = neuron.augment(w, b, X)
    assert w_hat.shape == (n + 1,) and X_hat.shape == (X.shape[0], n + 1)
    np.testing.assert_allclose(X_hat @ w_hat, neuron.affine(w, b, X), rtol=1e-12, atol=1e-12)
    gw, gb = neuron.loss_gradient(w, b, X, y)
    np.testing.assert_allclose(neuron.loss_gradient_augmented(w_hat, X_hat, y),
                               np.append(gw, gb), rtol=1e-12, atol=1e-12)


def test_blocks_give_the_same_gradient(monkeypatch):
    w, b, X, y = data(3, N=1000, n=4)
    whole = neuron.loss_gradient(w, b, X, y)
    monkeypatch.setattr(neuron, "BLOCK_BYTES", 8 * 4 * 7)  # 7 rows per block
    blocked = neuron.loss_gradient(w, b, X, y)
    np.testing.assert_allclose(whole[0], blocked[0], rtol=1e-12)
    assert whole[1] == pytest.approx(blocked[1], rel=1e-12)


def test_single_sample_and_relu_derivative_zero_at_kink():
    w, b = np.array([1.0, -2.0]), 0.5
    x = np.array([1.0, 0.25])  # z = 1 - 0.5 + 0.5 = 1 > 0
    gw, gb = neuron.loss_gradient(w, b, x, 3.0)
    np.testing.assert_allclose(gw, 2 * (1.0 - 3.0) * x)
    assert gb == pytest.approx(2 * (1.0 - 3.0))
    x0 = np.array([0.5, 0.5])  # z = 0.5 - 1 + 0.5 = 0 exactly: the paper's derivative is 0
    gw, gb = neuron.loss_gradient(w, b, x0, 3.0)
    np.testing.assert_array_equal(gw, [0.0, 0.0])
    assert gb == 0.0


def test_dead_neuron_has_zero_gradient():
    X = np.array([[1.0], [2.0], [3.0]])
    gw, gb = neuron.loss_gradient([-1.0], -0.5, X, [1.0, 2.0, 3.0])
    np.testing.assert_array_equal(gw, [0.0])
    assert gb == 0.0


def mixed_data():
    """Two active and two inactive samples at w = [1], b = 0."""
    X = np.array([[-2.0], [-1.0], [1.0], [2.0]])
    y = np.array([1.0, 1.0, 0.5, 3.0])
    return np.array([1.0]), 0.0, X, y


def test_paper_61_form_is_wrong_when_samples_differ():
    w, b, X, y = mixed_data()
    right = np.append(*neuron.loss_gradient(w, b, X, y))
    paper = np.append(*neuron.loss_gradient_paper_61(w, b, X, y))
    fd = fd_gradient(w, b, X, y)
    np.testing.assert_allclose(right, fd, rtol=1e-6)
    assert np.max(np.abs(paper - fd)) > 0.5


def test_paper_61_form_agrees_when_all_active_or_all_inactive():
    X = np.array([[1.0], [2.0], [3.0]])
    y = np.array([0.0, 1.0, 5.0])
    for w, b in [([1.0], 0.5), ([-1.0], -0.5)]:
        np.testing.assert_allclose(np.append(*neuron.loss_gradient_paper_61(w, b, X, y)),
                                   np.append(*neuron.loss_gradient(w, b, X, y)))


def test_error_terms():
    w, b, X, y = mixed_data()
    e, active = neuron.error_terms(w, b, X, y)
    np.testing.assert_allclose(e, [-3.0, -2.0, 0.5, -1.0])
    np.testing.assert_array_equal(active, [False, False, True, True])


@pytest.mark.parametrize("args, message", [
    (([1.0, 2.0], 0.0, np.ones((4, 3)), np.ones(4)), "shape mismatch"),
    (([1.0, 2.0], 0.0, np.ones((4, 2)), np.ones(3)), "shape mismatch"),
    (([1.0, 2.0], 0.0, np.ones((0, 2)), np.ones(0)), "N = 0"),
    (([1.0, np.nan], 0.0, np.ones((4, 2)), np.ones(4)), "w has non-finite"),
    (([1.0, 2.0], np.inf, np.ones((4, 2)), np.ones(4)), "b is not finite"),
    (([1.0, 2.0], 0.0, [[1.0, np.inf]] * 4, np.ones(4)), "X has non-finite"),
    (([1.0, 0.0], 0.0, [[1.0, np.inf]] * 4, np.ones(4)), "X has non-finite"),
    (([1.0, 2.0], 0.0, np.ones((4, 2)), [1.0, 2.0, np.nan, 0.0]), "y has non-finite"),
    (([1.0, 2.0], [0.0, 1.0], np.ones((4, 2)), np.ones(4)), "b must be a scalar"),
    (([1e300, 1e300], 0.0, np.full((4, 2), 1e300), np.ones(4)), "overflow"),
])
def test_bad_input_raises_value_error(args, message):
    with pytest.raises(ValueError, match=message):
        neuron.loss_gradient(*args)


@pytest.mark.parametrize("f", [neuron.loss_gradient_loop, neuron.loss_gradient_paper_61])
def test_other_forms_validate_too(f):
    with pytest.raises(ValueError, match="shape mismatch"):
        f([1.0, 2.0], 0.0, np.ones((4, 2)), np.ones(5))
    with pytest.raises(ValueError, match="N = 0"):
        f([1.0, 2.0], 0.0, np.ones((0, 2)), np.ones(0))


def test_augmented_validates():
    with pytest.raises(ValueError, match="shape mismatch"):
        neuron.loss_gradient_augmented([1.0, 2.0, 3.0], np.ones((4, 2)), np.ones(4))


def test_existing_functions_unchanged():
    w, b = np.array([2.0, -1.0]), 0.5
    X = np.array([[1.0, 1.0], [0.0, 3.0]])
    np.testing.assert_allclose(neuron.affine(w, b, X), [1.5, -2.5])
    np.testing.assert_allclose(neuron.activation(w, b, X), [1.5, 0.0])
    assert neuron.relu(-1.0) == 0.0
    assert neuron.loss(w, b, X, [1.5, 1.0]) == pytest.approx(0.5)


@pytest.mark.parametrize("X, message", [
    ([[1.0, np.inf]] * 4, "X has non-finite"),          # inf·0 and inf − inf on the way
    (np.full((4, 2), 1e300), "overflow"),               # overflow in X·w
])
def test_bad_input_raises_before_any_runtime_warning(X, message):
    """Non-finite values reach the user as the ValueError, even with warnings as errors
    (the sums run under np.errstate), and the caller's error state is left as it was."""
    before = np.geterr()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match=message):
            neuron.loss_gradient([1.0, 0.0], 0.0, X, np.ones(4))
    assert np.geterr() == before


def test_one_sample_and_many_samples_agree():
    w, b, X, y = mixed_data()
    for x_i, y_i, i in zip(X, y, range(len(y))):
        gw, gb = neuron.loss_gradient(w, b, x_i, y_i)
        gw_row, gb_row = neuron.loss_gradient(w, b, X[i:i + 1], y[i:i + 1])
        np.testing.assert_allclose(gw, gw_row)
        assert gb == pytest.approx(gb_row)
    assert isinstance(neuron.loss_gradient(w, b, X, y)[1], float)


def test_mean_squared_error_is_one_formula_for_numbers_grids_and_sympy():
    import sympy as sp
    y, a = np.array([1.0, 2.0, 4.0]), np.array([1.0, 0.0, 1.0])
    assert neuron.mean_squared_error(y, a) == pytest.approx((0 + 4 + 9) / 3)
    grid = neuron.mean_squared_error(y, np.stack([a, y]))  # two rows of activations
    np.testing.assert_allclose(grid, [13 / 3, 0.0])
    s, t = sp.symbols("s t")
    assert sp.simplify(neuron.mean_squared_error([s, t], [0, 1]) - (s**2 + (t - 1) ** 2) / 2) == 0
    with pytest.raises(ValueError, match="one target per activation"):
        neuron.mean_squared_error([s], [0, 1])


def test_loss_surface_matches_loss_at_every_grid_point():
    rng = np.random.default_rng(3)
    X, y = rng.uniform(-1, 2, size=(6, 1)), rng.uniform(0, 2, size=6)
    g = neuron.loss_surface(X, y, wlim=(-1, 2), blim=(-1, 1), k=5)
    for i, b in enumerate(g.b):
        for j, w in enumerate(g.w):
            assert g.C[i, j] == pytest.approx(neuron.loss([w], b, X, y), rel=1e-12)
            assert g.dead[i, j] == bool(np.all(w * X[:, 0] + b <= 0))


@pytest.mark.parametrize("w, b, x, expected", [
    ([2.0], 1.0, [0.5], ([0.5], 1.0)),     # z = 2 > 0: (xᵀ, 1)
    ([2.0], -3.0, [0.5], ([0.0], 0.0)),    # z = -2 < 0: zero
    ([2.0], -1.0, [0.5], ([0.0], 0.0)),    # z = 0: the paper's convention, zero
])
def test_activation_gradient_cases(w, b, x, expected):
    dw, db = neuron.activation_gradient(w, b, x)
    np.testing.assert_array_equal(dw, expected[0])
    assert db == expected[1]


def test_activation_gradient_agrees_with_finite_differences_off_the_kink():
    rng = np.random.default_rng(4)
    for _ in range(5):
        w, b, x = rng.normal(size=3), float(rng.normal()), rng.normal(size=3)
        dw, db = neuron.activation_gradient(w, b, x)
        J = mc.numerical_jacobian(lambda t: neuron.activation(t[:3], t[3], x), np.append(w, b))
        np.testing.assert_allclose(np.append(dw, db), J[0], atol=1e-7)
    with pytest.raises(ValueError, match="one sample"):
        neuron.activation_gradient([1.0], 0.0, [[1.0], [2.0]])


def test_overflow_raises_its_own_error_class():
    with pytest.raises(neuron.GradientOverflowError, match="overflows"):
        neuron.loss_gradient([1e200], 0.0, [[1e200]], [0.0])
    with pytest.raises(ValueError, match="non-finite"):
        neuron.loss_gradient([np.inf], 0.0, [[1.0]], [0.0])
