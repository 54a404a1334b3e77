"""Tests for mathcalc.paper.graph (dataflow graphs, §4.5.1-§4.5.2) and mathcalc.display.plots."""
import matplotlib
import numpy as np
import pytest
import sympy as sp

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from mathcalc.display.plots import draw_dataflow  # noqa: E402
from mathcalc.paper.graph import edges, levels, paths  # noqa: E402
from mathcalc.paper.chain import intermediate_variables  # noqa: E402
from mathcalc.display.plots.chain import path_contributions, plot_path_contributions  # noqa: E402

x = sp.Symbol("x", real=True)
u1, u2, u3 = sp.symbols("u1:4", real=True)


def test_single_path():
    found = paths(sp.sin(x**2), x)
    assert len(found) == 1
    assert found[0].nodes == (x, u1, u2)
    assert sp.simplify(found[0].contribution - 2 * x * sp.cos(x**2)) == 0


def test_x_plus_x_squared_has_two_paths_summing_to_total():
    found = paths(x + x**2, x)
    assert [p.nodes for p in found] == [(x, u1, u2), (x, u2)]
    assert [p.contribution for p in found] == [2 * x, 1]
    # the naive single-variable chain rule follows only the longest path: 2x, not 1 + 2x
    assert sp.expand(sum(p.contribution for p in found)) == 1 + 2 * x


def test_one_parameter_intermediates_do_not_make_one_path():
    """Erratum E4.5.2-j (and E8.5-a): every intermediate variable below the outermost
    operator f has one parameter, yet f = x + u1 reads two, and there are two paths."""
    from mathcalc.content.errata import ERRATA
    assert "E4.5.2-j" in {e.key for e in ERRATA}
    *inner, outer = intermediate_variables(x + x**2, x)
    assert all(len(v.operands) == 1 for v in inner) and len(outer.operands) == 2
    assert all(p.contribution != 0 for p in paths(x + x**2, x))


@pytest.mark.parametrize("expr", [sp.sin(x + x**2), sp.Mul(x, x**2, evaluate=False),
                                  sp.log(sp.sin(x**3)**2), sp.exp(x) * sp.sin(x) + x])
def test_paths_sum_to_derivative(expr):
    total = sum(p.contribution for p in paths(expr, x))
    assert sp.simplify(total - sp.diff(expr, x)) == 0


def test_edges_and_levels():
    es = edges(x + x**2, x)
    assert {(e.source, e.target, e.partial) for e in es} == {(x, u1, 2 * x), (x, u2, 1), (u1, u2, 1)}
    lv = levels(intermediate_variables(sp.sin(x + x**2), x), x)
    assert lv == {x: 0, u1: 1, u2: 2, u3: 3}


def test_identity_has_one_trivial_path():
    assert paths(x, x)[0].contribution == 1


def test_draw_dataflow_labels_and_title():
    ax = draw_dataflow(x + x**2, x)
    texts = [t.get_text() for t in ax.texts]
    assert any("u_{1} = x^{2}" in t for t in texts)
    assert sum("partial" in t for t in texts) == 3  # one label per edge
    assert "2 paths" in ax.get_title()
    assert "one path" in draw_dataflow(sp.sin(x**2), x).get_title()
    plt.close("all")


def test_path_contributions_numbers():
    labels, f, parts, exprs = path_contributions(sp.sin(x + x**2), x)
    assert len(labels) == 2
    x0 = 0.7
    total = sum(p(x0) for p in parts)
    assert np.isclose(total, np.cos(x0 + x0**2) * (1 + 2 * x0))


def test_plot_path_contributions_fixed_limits():
    ax1 = plot_path_contributions(x=-1.0)
    ax2 = plot_path_contributions(1.5)
    assert ax1.get_ylim() == ax2.get_ylim() and ax1.get_xlim() == (-2.0, 2.0)
    assert "sum = dy/dx" in ax1.texts[-1].get_text()
    with pytest.raises(ValueError):
        plot_path_contributions(5.0)
    plt.close("all")


def test_plot_path_contributions_staircase_stays_in_the_window():
    # every slider value of the total-derivative widget: the arrows start and end inside
    # the axes (near the right edge the step goes to the left)
    for x0 in np.round(np.linspace(-2, 2, 21), 2):
        ax = plot_path_contributions(float(x0))
        (x_lo, x_hi), (y_lo, y_hi) = ax.get_xlim(), ax.get_ylim()
        for a in ax.texts:
            if getattr(a, "xy", None) is not None and hasattr(a, "xyann"):
                for px, py in (a.xy, a.xyann):
                    assert x_lo <= px <= x_hi and y_lo <= py <= y_hi, (x0, px, py)
        plt.close("all")
