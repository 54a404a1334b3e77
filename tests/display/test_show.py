"""mathcalc.display.show renders SymPy objects as the book prints them; mathcalc.display.plots helpers draw
on the axes they are given and return them."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import sympy as sp  # noqa: E402

from mathcalc.display import plots, show  # noqa: E402

x, y = sp.symbols("x y")


def test_equation_joins_parts_with_equals():
    m = show.equation(r"\nabla f", sp.Matrix([[6 * x * y, 3 * x**2]]))
    assert m.data == r"\nabla f = \left[\begin{matrix}6 x y & 3 x^{2}\end{matrix}\right]"
    with pytest.raises(ValueError):
        show.equation()


def test_table_renders_sympy_cells_as_math_and_escapes_pipes():
    md = show.table(["a", "b"], [[x**2, "|x|"]]).data
    assert md.splitlines() == ["| a | b |", "|---|---|", r"| $x^{2}$ | \|x\| |"]
    with pytest.raises(ValueError, match="one cell per header"):
        show.table(["a"], [[1, 2]])


@pytest.mark.parametrize("header", ["$f(x)$", "", "  ", r"$\frac{d}{dx}f(x)$", "$J$, $n = 3$"])
def test_table_refuses_a_header_with_no_text_outside_math(header):
    """A header cell that is math only or empty has no text to announce (axe-core's
    empty-table-header): the table names the header and refuses it."""
    with pytest.raises(ValueError, match="no text outside its math") as info:
        show.table(["Rule", header], [["power", x**2]])
    assert repr(header) in str(info.value)


def test_table_accepts_a_word_beside_the_math():
    md = show.table(["function $f(x)$", r"derivative $\frac{d}{dx}f(x)$", "n"], [[x**2, 2 * x, 3]])
    assert md.data.splitlines()[0] == r"| function $f(x)$ | derivative $\frac{d}{dx}f(x)$ | n |"


def test_source_shows_a_functions_code_as_a_python_block():
    md = show.source(show.check_mark).data
    assert md.startswith("```python\ndef check_mark(ok: bool) -> str:\n")
    assert md.endswith('    return "✓" if ok else "✗"\n```')


def test_check_mark():
    assert show.check_mark(True) == "✓" and show.check_mark(False) == "✗"


@pytest.mark.parametrize("helper, kwargs", [
    (plots.plot_neuron_diagram, {"n_inputs": 3}),
    (plots.plot_neuron_diagram, {"n_inputs": 6}),
    (plots.plot_relu_neuron, {"w": 1.0, "b": -0.5, "x": 1.0}),
    (plots.plot_tangent, {"expr": x**2, "x": x, "at": 0.5}),
])
def test_plot_helpers_draw_on_the_given_axes(helper, kwargs):
    fig, ax = plt.subplots()
    assert helper(ax=ax, **kwargs) is ax
    assert ax.has_data() or ax.patches or ax.texts
    plt.close(fig)


def test_plot_helpers_make_axes_when_none_given():
    ax = plots.plot_relu_neuron(w=0.5, b=0.0)
    assert ax.get_xlim() == (-3.0, 3.0)
    plt.close(ax.figure)


def test_relu_plot_shows_the_activation():
    fig, ax = plt.subplots()
    plots.plot_relu_neuron(w=2.0, b=-1.0, ax=ax)
    act = ax.lines[-1]
    xs, ys = act.get_data()
    np.testing.assert_allclose(ys, np.maximum(0, 2 * xs - 1))
    plt.close(fig)


def test_tangent_has_the_derivative_as_slope():
    fig, ax = plt.subplots()
    plots.plot_tangent(9 * (x + x**2), x, at=1.0, ax=ax)
    xs, ys = ax.lines[1].get_data()
    np.testing.assert_allclose(np.diff(ys) / np.diff(xs), 27.0, rtol=1e-9)
    plt.close(fig)


def test_bad_arguments_raise():
    with pytest.raises(ValueError, match="positive integer"):
        plots.plot_neuron_diagram(0)
    with pytest.raises(ValueError, match="SymPy symbol"):
        plots.plot_tangent(x**2, "x")


def test_chain_rule_renderers_show_the_four_steps_with_ln():
    from mathcalc.paper.chain import chain_rule, total_derivative
    x = sp.Symbol("x", real=True)
    c = chain_rule(sp.log(sp.sin(x**3) ** 2), x)
    table = show.chain_rule_table(c).data
    assert "u_{4}" in table and r"\ln" in table and "step 2: derivative" in table
    product = show.chain_rule_product(c).data
    assert product.startswith(r"\frac{dy}{dx} = \frac{du_{4}}{du_{3}}")
    assert show.chain_rule_substitution(c).data.count(" = ") == len(c.stages)
    t = show.total_derivative_table(total_derivative(x + x**2, x)).data
    # a total derivative is d/dx, a partial ∂: ∂u/∂x · dx/dx, never ∂x/∂x
    assert r"\frac{\partial u_{2}}{\partial x}\frac{dx}{dx}" in t and r"\frac{\partial x}{\partial x}" not in t


def test_tex_writes_ln_and_bracketed_matrices():
    x = sp.Symbol("x")
    assert show.tex(sp.log(x)) == r"\ln{\left(x \right)}"
    assert show.tex(sp.Matrix([[x]])).startswith(r"\left[\begin{matrix}")
