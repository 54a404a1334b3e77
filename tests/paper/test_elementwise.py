"""Tests for mathcalc.paper.elementwise (Parr & Howard §3-§4.4)."""
import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings, strategies as st

import mathcalc as mc
from mathcalc.paper import elementwise as c, partials
from mathcalc import is_diagonal, jacobian
from mathcalc.rules import VECTOR_RULES, symbolic_args


def test_example_functions_have_the_papers_partials():
    assert sp.diff(partials.F_EXAMPLE, partials.X) == 6 * partials.Y * partials.X
    assert sp.diff(partials.F_EXAMPLE, partials.Y) == 3 * partials.X**2
    assert jacobian(partials.G_EXAMPLE, [partials.X, partials.Y]) == sp.Matrix([[2, 8 * partials.Y**7]])


def test_vector_is_a_column_of_the_rules_symbols():
    v = mc.column("x", 4)
    assert v.shape == (4, 1)
    assert list(v) == list(symbolic_args(next(r for r in VECTOR_RULES if r.key == "sum"), 4)[0])


@pytest.mark.parametrize("bad", [0, -1, 2.5, "3", True])
def test_vector_rejects_bad_n(bad):
    with pytest.raises(ValueError, match="n must be"):
        mc.column("x", bad)


def test_vector_rejects_bad_name():
    with pytest.raises(ValueError, match="name"):
        mc.column("1x", 2)


@given(st.integers(1, 6), st.integers(1, 6))
@settings(max_examples=20, deadline=None)
def test_jacobian_shapes_follow_numerator_layout(m, n):
    shapes = partials.jacobian_shapes(m, n)
    assert shapes == {("scalar", "scalar"): (1, 1), ("scalar", "vector"): (1, n),
                      ("vector", "scalar"): (m, 1), ("vector", "vector"): (m, n)}


def test_shape_grid_names_each_shape():
    headers, rows = partials.jacobian_shape_grid(2, 3)
    assert len(headers) == 3 and len(rows) == 2
    assert "1 × 1, a scalar" in rows[0][1]
    assert "1 × 3, a horizontal vector" in rows[0][2]
    assert "2 × 1, a vertical vector" in rows[1][1]
    assert "2 × 3, a matrix" in rows[1][2]


def test_operators_come_from_the_rules_table():
    assert set(c.OPERATORS.values()) == {r.key for r in VECTOR_RULES
                                         if r.kind == "element-wise" and "§4.2" in r.section}
    assert set(c.OPERATORS) >= {"w + x", "w − x", "w ⊗ x", "w ⊘ x"}
    assert c.OPERATOR_NAMES[-1] == c.COUNTEREXAMPLE


@pytest.mark.parametrize("n", [1, 2, 4])
@pytest.mark.parametrize("name", [k for k in c.OPERATORS])
def test_paper_operators_have_diagonal_jacobians(name, n):
    for wrt in "wx":
        assert is_diagonal(c.operator_jacobian(name, wrt, n))


@pytest.mark.parametrize("n", [2, 3, 5])
def test_counterexample_is_lower_triangular_in_w_and_diagonal_in_x(n):
    J_w = c.operator_jacobian(c.COUNTEREXAMPLE, "w", n)
    assert not is_diagonal(J_w)
    x = mc.column("x", n)
    expected = sp.Matrix(n, n, lambda i, j: x[i] if j <= i else 0)
    assert J_w == expected
    assert is_diagonal(c.operator_jacobian(c.COUNTEREXAMPLE, "x", n))


def test_unknown_operator_and_wrt_raise():
    with pytest.raises(ValueError, match="unknown operator"):
        c.operator_jacobian("w ** x", "w", 2)
    with pytest.raises(ValueError, match="wrt"):
        c.operator_jacobian("w + x", "z", 2)
    with pytest.raises(ValueError, match="columns of one length"):
        c.apply_operator("w + x", mc.column("w", 2), mc.column("x", 3))


@pytest.mark.parametrize("name", list(c.OPERATORS))
def test_symbolic_n_entry_is_a_kronecker_delta(name):
    y_i, d_w, d_x, (i, j) = c.entry_for_symbolic_n(name)
    assert d_w.has(sp.KroneckerDelta) and d_x.has(sp.KroneckerDelta)
    assert d_w.subs(j, i + 1) == 0 and d_x.subs(j, i + 1) == 0  # off the diagonal
    assert d_w.subs(j, i) != 0


def test_symbolic_n_entry_of_counterexample_is_not_diagonal():
    y_i, d_w, d_x, (i, j) = c.entry_for_symbolic_n(c.COUNTEREXAMPLE)
    x = sp.IndexedBase("x")
    assert d_w.subs({i: 3, j: 1}) == x[3]  # y_3 reads w_1
    assert d_w.subs({i: 1, j: 3}) == 0


def test_sample_point_is_seeded_and_in_domain():
    syms = list(mc.column("w", 3))
    a, b = c.sample_point(syms, rng=1), c.sample_point(syms, rng=1)
    assert a == b and all(0.5 <= v <= 2.0 for v in a.values())
    with pytest.raises(ValueError, match="domain"):
        c.sample_point(syms, domain=(2, 1))


def test_evaluate_substitutes_and_names_missing_symbols():
    w = mc.column("w", 2)
    J = sp.diag(*w)
    np.testing.assert_allclose(c.evaluate(J, {w[0]: 1.5, w[1]: -2.0}), [[1.5, 0], [0, -2.0]])
    with pytest.raises(ValueError, match="w2"):
        c.evaluate(J, {w[0]: 1.0})


def test_operator_jacobian_at_matches_closed_form_of_product():
    n = 3
    J = c.operator_jacobian_at("w ⊗ x", "w", n, rng=4)
    point = c.sample_point([*mc.column("w", n), *mc.column("x", n)], rng=4)
    x_values = [point[s] for s in mc.column("x", n)]
    np.testing.assert_allclose(J, np.diag(x_values), rtol=1e-12)


@given(st.floats(-2, 2), st.floats(-2, 2))
@settings(max_examples=30, deadline=None)
def test_slice_slopes_are_6yx_and_3x2(x0, y0):
    sx, sy = partials.slice_slopes(x0, y0)
    assert sx == pytest.approx(6 * y0 * x0, abs=1e-9)
    assert sy == pytest.approx(3 * x0**2, abs=1e-9)


@pytest.mark.parametrize("key", ["add", "sub", "mul", "div"])
def test_generic_elementwise_is_diagonal_exactly_under_the_condition(key):
    y, w, x = c.generic_elementwise(key, 3)
    assert y.shape == (3, 1)
    assert not is_diagonal(jacobian(y, w)) and not is_diagonal(jacobian(y, x))
    y, w, x = c.generic_elementwise(key, 3, diagonal_condition=True)
    assert is_diagonal(jacobian(y, w)) and is_diagonal(jacobian(y, x))


def test_generic_elementwise_rejects_other_rules():
    with pytest.raises(ValueError, match="element-wise binary rule"):
        c.generic_elementwise("sum", 2)


def test_erratum_42_condition_is_sufficient_not_necessary():
    # ⊗ without the condition: entry (1, 2) is g_1(x) ∂f_1/∂w_2, zero wherever g_1(x) = 0
    y, w, x = c.generic_elementwise("mul", 2)
    entry = jacobian(y, w)[0, 1]
    g_1 = sp.Function("g_1")(*x)
    assert entry != 0 and entry.subs(g_1, 0) == 0
    # concretely: cumsum(w) ⊗ x has f_2 reading w_1, yet ∂y_2/∂w_1 = x_2 vanishes at x_2 = 0
    J = c.operator_jacobian(c.COUNTEREXAMPLE, "w", 2)
    assert J[1, 0] == x[1] and J[1, 0].subs(x[1], 0) == 0


def test_erratum_42_derivative_is_not_the_operator_of_derivatives():
    y, w, x = c.generic_elementwise("mul", 1, diagonal_condition=True)
    f_1, g_1 = sp.Function("f_1")(w[0]), sp.Function("g_1")(x[0])
    d = jacobian(y, w)[0, 0]
    assert sp.simplify(d - g_1 * sp.diff(f_1, w[0])) == 0  # the product rule
    assert d != sp.diff(f_1, w[0]) * sp.diff(g_1, w[0])  # not (∂f) ⊗ (∂g), which is 0
    assert sp.Integer(0) / sp.Integer(0) is sp.nan  # 0 ⊘ 0 is not 0


def test_erratum_3_repeated_step_is_equal():
    from mathcalc.content.errata import ERRATA
    sections = [e.section for e in ERRATA]
    assert "§3" in sections and sections.count("§4.2") >= 2
    x, y = partials.X, partials.Y
    step = 3 * x**2 * sp.Derivative(y, y)
    assert step.doit() == sp.diff(partials.F_EXAMPLE, y) == 3 * x**2
