"""Tests for mathcalc.display.plots.training: the loss grid's numbers, and that every helper draws
on the axes it is given, returns them and keeps its fixed limits (widget frames align)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from mathcalc.paper import descent, neuron  # noqa: E402
from mathcalc.display import widgets  # noqa: E402
from mathcalc.display import plots as pt  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def one_input_data():
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 3, size=(20, 1))
    return X, neuron.activation([1.5], -1.0, X) + 0.1 * rng.normal(size=20)


def test_loss_grid_values_and_dead_region():
    X, y = one_input_data()
    g = neuron.loss_surface(X, y, wlim=(-1, 2), blim=(-2, 1), k=7)
    assert g.C.shape == (7, 7) and g.dead.shape == (7, 7)
    for i, j in [(0, 0), (3, 5), (6, 2)]:
        assert g.C[i, j] == pytest.approx(neuron.loss([g.w[j]], g.b[i], X, y))
        z = neuron.affine([g.w[j]], g.b[i], X)
        assert g.dead[i, j] == bool(np.all(z <= 0))
    dead_C = g.C[g.dead]
    np.testing.assert_allclose(dead_C, np.mean(y ** 2))


def test_loss_grid_rejects_bad_data():
    X, y = one_input_data()
    with pytest.raises(ValueError, match="one-input"):
        neuron.loss_surface(np.hstack([X, X]), y)
    with pytest.raises(ValueError, match="shape mismatch"):
        neuron.loss_surface(X, y[:-1])


def test_path_and_curves_draw_on_given_axes():
    X, y = one_input_data()
    g = neuron.loss_surface(X, y, k=21)
    h = descent.train_neuron(X, y, [-0.5], 1.0, 0.2, 10)
    fig, ax = plt.subplots()
    assert pt.plot_descent_path(g, h, step=4, ax=ax) is ax
    line = [l for l in ax.lines if l.get_marker() == "o"][0]
    np.testing.assert_allclose(line.get_xydata(), h.params[:5])
    assert ax.get_xlim() == (g.w[0], g.w[-1])
    fig, ax = plt.subplots()
    assert pt.plot_loss_curve(h, ax=ax) is ax
    np.testing.assert_allclose(ax.lines[0].get_ydata(), h.losses)


def test_diverged_run_is_marked_in_loss_curve():
    X, y = one_input_data()
    h = descent.train_neuron(X, y, [-0.5], 1.0, 10.0, 20, on_divergence="stop")
    assert h.diverged_at is not None
    fig, ax = plt.subplots()
    pt.plot_loss_curve([h], ax=ax)
    assert any("diverged at step" in t.get_text() for t in ax.texts)


def test_neuron_plots_report_z_activation_and_gradient():
    fig, ax = plt.subplots()
    assert pt.plot_relu_neuron(1.0, 0.5, 1.5, ax=ax, gradient=True) is ax
    assert "z = 2.00" in ax.get_title() and "[1.50, 1.00]" in ax.get_title()
    fig, ax = plt.subplots()
    pt.plot_relu_neuron(1.0, -2.0, 1.0, ax=ax, gradient=True)  # z = -1: inactive, gradient 0
    assert "[0.00, 0.00]" in ax.get_title()
    fig, ax = plt.subplots()
    pt.plot_relu_neuron(1.0, -1.0, 1.0, ax=ax, gradient=True)  # z = 0: the paper's convention
    assert "[0.00, 0.00]" in ax.get_title()
    assert any("by convention" in t.get_text() for inset in ax.child_axes for t in inset.texts)
    fig, ax = plt.subplots()
    assert pt.plot_neuron_two_inputs(1.0, 1.0, b=-0.5, x=(1.0, 0.5), ax=ax) is ax
    assert "z = 1.00" in ax.get_title() and "[1.00, 0.50]" in ax.get_title()
    assert ax.get_xlim() == (-2.5, 2.5)


def test_plot_fit_counts_active_samples():
    X, y = one_input_data()
    fig, ax = plt.subplots()
    pt.plot_fit(X, y, 1.0, 0.0, ax=ax)
    assert f"{int(np.sum(X[:, 0] > 0))} of 20 samples active" in ax.get_title()


def test_widget_frames_render():
    X, y = one_input_data()
    g = neuron.loss_surface(X, y, k=21)
    runs = {lr: descent.train_neuron(X, y, [-0.5], 1.0, lr, 8, on_divergence="stop")
            for lr in (0.02, 10.0)}
    for plot, kw in [(pt.plot_descent_frame, dict(step=3, grid=g, history=runs[0.02])),
                     (pt.plot_lr_run, dict(lr=10.0, runs=runs, grid=g))]:
        png = widgets.render_png(plot, figsize=(9, 3.6), **kw)
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(plt.get_fignums()) == 0  # render_png leaves no pyplot figure open
    fig, ax = plt.subplots()
    pt.plot_descent_frame(3, g, runs[0.02], ax=ax)
    assert ax.get_title().startswith("step 3:")
