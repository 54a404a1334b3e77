"""Tests for mathcalc.descent: gradient descent (Parr & Howard §6.1-§6.2 recurrence),
divergence reporting, the neuron training helper and input validation."""
import re
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcalc.paper import descent, neuron


TARGET = np.array([1.0, -2.0])


def quadratic_loss(theta):
    """C(θ) = |θ − (1, −2)|²."""
    d = theta - TARGET
    return float(d @ d)


def quadratic_grad(theta):
    """∇C(θ)ᵀ = 2(θ − (1, −2)), the gradient only (autograd's sgd contract)."""
    return 2 * (theta - TARGET)


def test_quadratic_converges_and_history_shapes():
    h = descent.gradient_descent(quadratic_grad, [5.0, 5.0], lr=0.1, steps=50, loss=quadratic_loss)
    assert h.params.shape == (51, 2) and h.losses.shape == (51,)
    assert h.steps == 50 and h.diverged_at is None
    np.testing.assert_allclose(h.params[0], [5.0, 5.0])
    np.testing.assert_allclose(h.params[-1], [1.0, -2.0], atol=1e-4)
    # one step by hand: θ_1 = θ_0 − η ∇C(θ_0)ᵀ
    np.testing.assert_allclose(h.params[1], [5.0, 5.0] - 0.1 * quadratic_grad(np.array([5.0, 5.0])))
    assert np.all(np.diff(h.losses) < 0)
    assert "50 steps" in h.status


def test_without_a_loss_the_history_has_no_losses():
    h = descent.gradient_descent(quadratic_grad, [5.0, 5.0], lr=0.1, steps=50)
    assert h.losses is None and h.status == "lr = 0.1: 50 steps"
    np.testing.assert_allclose(h.params[-1], TARGET, atol=1e-4)


def test_value_and_grad_takes_the_pair_form():
    pair = lambda t: (quadratic_loss(t), quadratic_grad(t))  # noqa: E731
    a = descent.gradient_descent(None, [5.0, 5.0], 0.1, 20, value_and_grad=pair)
    b = descent.gradient_descent(quadratic_grad, [5.0, 5.0], 0.1, 20, loss=quadratic_loss)
    np.testing.assert_array_equal(a.params, b.params)
    np.testing.assert_array_equal(a.losses, b.losses)
    with pytest.raises(ValueError, match="not both"):
        descent.gradient_descent(quadratic_grad, [0.0], 0.1, 3, value_and_grad=pair)


def test_a_grad_that_returns_a_pair_is_told_about_value_and_grad():
    pair = lambda t: (quadratic_loss(t), quadratic_grad(t))  # noqa: E731
    with pytest.raises(ValueError, match=r"gradient only.*shape \(2,\).*value_and_grad="):
        descent.gradient_descent(pair, [0.0, 0.0], 0.1, 3)


def test_pure_input_not_modified_and_repeatable():
    start = np.array([3.0, 0.0])
    a = descent.gradient_descent(quadratic_grad, start, 0.2, 10)
    b = descent.gradient_descent(quadratic_grad, start, 0.2, 10)
    np.testing.assert_array_equal(start, [3.0, 0.0])
    np.testing.assert_array_equal(a.params, b.params)


def test_callback_sees_every_step():
    seen = []
    descent.gradient_descent(quadratic_grad, [0.0, 0.0], 0.1, 5, loss=quadratic_loss,
                             callback=lambda t, theta, c: seen.append((t, c)))
    assert [t for t, _ in seen] == [0, 1, 2, 3, 4, 5]
    assert seen[0][1] == quadratic_loss(np.zeros(2))


def test_zero_steps():
    h = descent.gradient_descent(quadratic_grad, [0.0, 0.0], 0.1, 0)
    assert h.params.shape == (1, 2)


def test_divergence_raises_naming_the_step():
    with pytest.raises(descent.DivergenceError, match=r"diverged at step \d+.*loss grew") as info:
        descent.gradient_descent(quadratic_grad, [2.0, 0.0], lr=1.5, steps=100, loss=quadratic_loss)
    err = info.value
    assert err.step >= 1
    assert err.history.steps == err.step - 1
    assert np.all(np.isfinite(err.history.losses))
    # the criterion: the loss exceeds 100 (1 + C_0), C_0 = 5 here
    assert err.history.losses[-1] <= 600 < quadratic_loss(err.history.params[-1] - 1.5 * quadratic_grad(err.history.params[-1]))


def test_without_a_loss_divergence_is_a_non_finite_gradient_or_parameter():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(descent.DivergenceError, match="gradient or the parameters"):
            descent.gradient_descent(quadratic_grad, [2.0, 0.0], lr=1.5, steps=2000)


def test_divergence_stop_returns_finite_history():
    h = descent.gradient_descent(quadratic_grad, [2.0, 0.0], lr=1.5, steps=100,
                                 loss=quadratic_loss, on_divergence="stop")
    assert h.diverged_at is not None and h.steps == h.diverged_at - 1
    assert np.all(np.isfinite(h.params)) and np.all(np.isfinite(h.losses))
    assert "diverged at step" in h.status and "nan" not in h.status.lower()


def test_a_run_stopped_on_a_finite_loss_past_the_limit_says_so():
    # the loss that stopped the run is finite: the status names the last loss kept, not
    # the "last finite" one, and the error names the loss that passed the limit
    h = descent.gradient_descent(quadratic_grad, [2.0, 0.0], lr=1.5, steps=100,
                                 loss=quadratic_loss, on_divergence="stop")
    stopped = quadratic_loss(h.params[-1] - 1.5 * quadratic_grad(h.params[-1]))
    assert np.isfinite(stopped) and stopped > 600
    assert f"last loss kept {h.losses[-1]:.3g} at step {h.steps}" in h.status
    assert "finite" not in h.status
    with pytest.raises(descent.DivergenceError, match=re.escape(f"grew past 600 to {stopped:.3g} (")):
        descent.gradient_descent(quadratic_grad, [2.0, 0.0], lr=1.5, steps=100, loss=quadratic_loss)


def test_overflow_is_divergence_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        h = descent.gradient_descent(lambda t: 4 * t ** 3, [10.0], lr=1.0, steps=20,
                                     loss=lambda t: float(np.sum(t ** 4)),
                                     on_divergence="stop", blowup=1e300)
    assert h.diverged_at is not None and h.diverged_at < 20
    assert np.all(np.isfinite(h.params)) and np.all(np.isfinite(h.losses))


@pytest.mark.parametrize("lr", [0, -0.1, np.nan, np.inf, "0.1", None, True, [0.1]])
def test_bad_learning_rate(lr):
    with pytest.raises(ValueError, match="learning rate"):
        descent.gradient_descent(quadratic_grad, [0.0, 0.0], lr, 10)


@pytest.mark.parametrize("kwargs, message", [
    (dict(steps=-1), "steps"), (dict(steps=2.5), "steps"),
    (dict(params=[[0.0, 0.0]]), "1-D"), (dict(params=[np.nan, 0.0]), "non-finite"),
    (dict(grad=3), "grad must be"), (dict(on_divergence="ignore"), "on_divergence"),
    (dict(loss=3), "loss must be"),
])
def test_bad_arguments(kwargs, message):
    args = dict(grad=quadratic_grad, params=[0.0, 0.0], lr=0.1, steps=3) | kwargs
    on_div = args.pop("on_divergence", "raise")
    with pytest.raises(ValueError, match=message):
        descent.gradient_descent(**args, on_divergence=on_div)


def test_wrong_gradient_shape():
    with pytest.raises(ValueError, match=r"shape \(3,\), expected \(2,\)"):
        descent.gradient_descent(lambda t: np.zeros(3), [0.0, 0.0], 0.1, 3)


def neuron_data(seed=0, N=30):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 3, size=(N, 1))
    y = neuron.activation([1.5], -1.0, X) + 0.1 * rng.normal(size=N)
    return X, y


def test_train_neuron_reduces_loss_and_recovers_parameters():
    X, y = neuron_data()
    h = descent.train_neuron(X, y, [-0.5], 1.0, lr=0.2, steps=300)
    assert h.params.shape == (301, 2)
    assert h.losses[-1] < 0.02 < h.losses[0]
    np.testing.assert_allclose(h.params[-1], [1.5, -1.0], atol=0.15)
    # the loss recorded is the neuron's loss at the recorded parameters
    w, b = h.params[7, :-1], h.params[7, -1]
    assert h.losses[7] == pytest.approx(neuron.loss(w, b, X, y))


def test_train_neuron_dead_start_does_not_move():
    X, y = neuron_data()
    h = descent.train_neuron(X, y, [-1.0], -1.5, lr=0.2, steps=20)
    np.testing.assert_array_equal(h.params, np.tile([-1.0, -1.5], (21, 1)))


def test_train_neuron_divergent_learning_rate():
    X, y = neuron_data()
    with pytest.raises(descent.DivergenceError, match="diverged at step"):
        descent.train_neuron(X, y, [-0.5], 1.0, lr=10.0, steps=40)


def test_train_neuron_validates_data():
    X, y = neuron_data()
    with pytest.raises(ValueError, match="shape mismatch"):
        descent.train_neuron(X, y[:-1], [0.5], 0.0, 0.1, 5)
    with pytest.raises(ValueError, match="N = 0"):
        descent.train_neuron(X[:0], y[:0], [0.5], 0.0, 0.1, 5)
    with pytest.raises(ValueError, match="learning rate"):
        descent.train_neuron(X, y, [0.5], 0.0, -1, 5)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), lr=st.floats(1e-4, 0.05))
def test_small_steps_never_increase_the_neuron_loss(seed, lr):
    """For a small enough learning rate, each step decreases C (or leaves it unchanged when
    the neuron is dead), away from the kinks where the gradient jumps."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(15, 2))
    y = rng.uniform(0, 2, size=15)
    h = descent.train_neuron(X, y, rng.normal(size=2), float(rng.normal()), lr, 20)
    assert np.all(np.diff(h.losses) <= 1e-6 * (1 + h.losses[:-1]))
