"""mathcalc.paper.neuron_lab: the widgets' readings are the neuron functions' numbers, and
the captions say them (the z = 0 frames as the paper's convention; the §6.1 form beside
the correct one exactly where they differ)."""
import itertools

import numpy as np
import pytest

from mathcalc.paper import neuron
from mathcalc.paper.neuron_lab import NEURON_GRID, LossLab, neuron_caption, read_neuron, sample_name


def test_neuron_reading_is_the_neuron_functions_on_the_whole_grid():
    kinks = 0
    for w, b, x in itertools.product(*NEURON_GRID.values()):
        r = read_neuron(w, b, x)
        gw, gb = neuron.activation_gradient([w], b, [x])
        np.testing.assert_allclose([r.z, r.activation, r.da_dw, r.da_db], [
            neuron.affine([w], b, [x]), neuron.activation([w], b, [x]), gw[0], gb], atol=1e-12)
        kinks += r.state == "kink"
        assert ("convention" in r.caption()) == (w * x + b == 0)
    assert kinks == 53 and len(NEURON_GRID["w"]) == len(NEURON_GRID["x"]) == 9


def test_neuron_caption_says_each_case():
    assert neuron_caption(1.0, 1.0, 1.0) == ("z = wx + b = 2.00, activation = 2.00, "
                                            "[∂a/∂w, ∂a/∂b] = [1.00, 1.00] (z > 0, so the gradient is [x, 1])")
    assert "z < 0" in neuron_caption(1.0, -2.0, 1.0) and "[0.00, 0.00]" in neuron_caption(1.0, -2.0, 1.0)
    assert "convention" in neuron_caption(2.0, -2.0, 1.0)


def test_lab_contributions_sum_to_the_gradient_and_the_paper_form_is_the_papers():
    lab = LossLab()
    for w, b, xm in itertools.product(lab.w_values, lab.b_values, lab.x_values):
        X, y = lab.data(xm)
        r = lab.read(w, b, xm)
        gw, gb = neuron.loss_gradient([w], b, X, y)
        pw, pb = neuron.loss_gradient_paper_61([w], b, X, y)
        np.testing.assert_allclose([r.contrib_w.sum(), r.contrib_b.sum()], [gw[0], gb], atol=1e-12)
        np.testing.assert_allclose([r.grad_w, r.grad_b, r.paper_w, r.paper_b],
                                   [gw[0], gb, pw[0], pb], atol=1e-12)
        assert r.paper_agrees == (r.active.all() or not r.active.any())


def test_lab_moves_only_its_sample_and_names_it():
    lab = LossLab()
    X, y = lab.data(2.5)
    assert X.shape == (5, 1) and X[2, 0] == 2.5 and list(np.delete(X[:, 0], 2)) == [-2, -1, 1, 2]
    assert lab.moved_name == "x₃" == sample_name(2) and list(lab.params) == ["w", "b", "x₃"]
    assert len(lab.params["w"]) == len(lab.params["b"]) == 9 and len(lab.params["x₃"]) == 5


def test_lab_caption_shows_the_erratum_where_it_happens():
    lab = LossLab()
    mixed = lab.caption("w")(w=1.0, b=0.0, **{"x₃": 0.5})
    assert mixed.startswith("3 of 5 samples active;") and "x₁ inactive" in mixed
    assert "the paper's §6.1 form gives ∂C/∂w = 1.58, wrong" in mixed
    everyone = lab.caption("b")(w=0.5, b=2.0, **{"x₃": 0.5})
    assert "5 of 5" in everyone and "agrees here (every sample is active)" in everyone
    with pytest.raises(ValueError, match="which"):
        lab.read(1.0, 0.0, 0.5).caption("x")


def test_lab_caption_flags_exactly_the_frames_where_a_sample_sits_on_its_kink():
    """Where some zᵢ = w xᵢ + b is exactly 0 (and yᵢ ≠ 0), C has no gradient: the caption
    says so and calls its numbers the paper's convention; nowhere else does it."""
    lab = LossLab()
    flagged = 0
    for w, b, xm in itertools.product(lab.w_values, lab.b_values, lab.x_values):
        X, y = lab.data(xm)
        on_kink = (w * X[:, 0] + b == 0) & (y != 0)
        r = lab.read(w, b, xm)
        assert list(r.kink) == list(on_kink)
        caption = r.caption("w")
        assert ("C has no gradient" in caption) == bool(on_kink.any())
        assert caption.count("inactive (kink: z = 0)") == int(on_kink.sum())
        flagged += bool(on_kink.any())
    assert flagged == 117  # of 405 frames: the grids are multiples of 0.25, summed exactly
    r = lab.read(-1.0, -1.0, 0.5)  # z = [1, 0, −1.5, −2, −3]: x₂ on its kink
    X, y = lab.data(0.5)
    h = 1e-6
    left = (neuron.loss([-1.0], -1.0 - h, X, y) - neuron.loss([-1.0], -1.0, X, y)) / -h
    right = (neuron.loss([-1.0], -1.0 + h, X, y) - neuron.loss([-1.0], -1.0, X, y)) / h
    # the one-sided slopes differ; the convention is the slope from the inactive side
    assert abs(left - right) > 0.05 and np.isclose(r.grad_b, left, atol=1e-5)
