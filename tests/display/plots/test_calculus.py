"""Tests for mathcalc.display.plots.calculus: each helper draws what the math says."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from mathcalc.paper import elementwise as c, partials  # noqa: E402
from mathcalc.display import plots as pc  # noqa: E402
from mathcalc.display import widgets  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_partial_slices_draw_tangents_with_the_partial_slopes():
    ax = pc.plot_partial_slices(1.0, -0.5)
    lines = ax.get_lines()
    # two slices and two tangents; a tangent's rise over its run is the partial
    tx, ty = lines[2], lines[3]  # slices are lines 0 and 1
    xs, _, zs = tx.get_data_3d()
    assert (zs[1] - zs[0]) / (xs[1] - xs[0]) == pytest.approx(6 * -0.5 * 1.0)
    _, ys, zs = ty.get_data_3d()
    assert (zs[1] - zs[0]) / (ys[1] - ys[0]) == pytest.approx(3 * 1.0**2)
    assert ax.get_xlim() == pytest.approx((-2, 2)) and ax.get_zlim() == pytest.approx((-24, 24))
    # the slice along x lies on the surface 3x²y at y = y0
    sx, sy, sz = lines[0].get_data_3d()
    np.testing.assert_allclose(sz, 3 * sx**2 * -0.5)


def test_partial_slices_reject_2d_axes_and_bad_grid():
    _, ax = plt.subplots()
    with pytest.raises(ValueError, match="3D axes"):
        pc.plot_partial_slices(ax=ax)
    with pytest.raises(ValueError, match="grid"):
        pc.plot_partial_slices(grid=1)


def test_plot_matrix_shows_values_and_fixed_scale():
    ax = pc.plot_matrix(np.array([[1.0, 0.0], [0.0, -2.0]]), vmax=4.0)
    im = ax.get_images()[0]
    assert im.get_clim() == (-4.0, 4.0)
    assert [t.get_text() for t in ax.texts] == ["1", "0", "0", "-2"]
    with pytest.raises(ValueError, match="matrix"):
        pc.plot_matrix(np.ones(3))


@pytest.mark.parametrize("name", c.OPERATOR_NAMES)
def test_operator_jacobian_title_states_diagonality(name):
    ax = pc.plot_operator_jacobian(name, "w", n=4)
    diagonal = name != c.COUNTEREXAMPLE
    assert ax.get_title().endswith(": diagonal" if diagonal else "NOT diagonal")
    np.testing.assert_allclose(ax.get_images()[0].get_array(),
                               c.operator_jacobian_at(name, "w", 4))


def test_identity_jacobian_is_identity_on_fixed_axes():
    ax = pc.plot_identity_jacobian(3)
    np.testing.assert_array_equal(ax.get_images()[0].get_array(), np.eye(3))
    assert ax.get_xlim() == (-0.5, 7.5)
    with pytest.raises(ValueError, match="n must be"):
        pc.plot_identity_jacobian(9)


def test_helpers_render_as_widget_frames():
    png = widgets.render_png(pc.plot_partial_slices, subplot_kw={"projection": "3d"}, x0=0.5, y0=1.0)
    assert png[:4] == b"\x89PNG"
    assert widgets.render_png(pc.plot_operator_jacobian, operator="w ⊘ x", wrt="x")[:4] == b"\x89PNG"


def test_partial_slices_print_the_slopes():
    ax = pc.plot_partial_slices(0.5, 2.0)
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "6yx = 6" in texts and "3x² = 0.75" in texts
