"""Tests for mathcalc.paper.chain (§4.5.1 four-step chain rule, §4.5.2 total derivative) and
mathcalc.paper.vector_chain (§4.5.3) and the pow row added to the vector rules."""
import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings, strategies as st

from mathcalc import check_derivative
from mathcalc.paper.chain import chain_rule, intermediate_variables, total_derivative
from mathcalc.rules import rule
from mathcalc.rules.verify import verify_vector_rule
from mathcalc.paper.vector_chain import (multiplication_cost, random_composition, summary_table,
                                   vector_chain)

x = sp.Symbol("x", real=True)
u1, u2, u3, u4 = sp.symbols("u1:5", real=True)


def test_sin_x_squared_four_steps():
    c = chain_rule(sp.sin(x**2), x)
    assert [s.expr for s in c.steps] == [x**2, sp.sin(u1)]
    assert c.derivatives == (2 * x, sp.cos(u1))
    assert sp.simplify(c.result - 2 * x * sp.cos(x**2)) == 0
    check_derivative(sp.sin(x**2), [x], c.result, rng=1)


def test_paper_ln_example_names_u1_to_u4():
    y = sp.log(sp.sin(x**3)**2)
    c = chain_rule(y, x)
    assert [s.name for s in c.steps] == [u1, u2, u3, u4]
    assert [s.expr for s in c.steps] == [x**3, sp.sin(u1), u2**2, sp.log(u3)]
    assert c.derivatives == (3 * x**2, sp.cos(u1), 2 * u2, 1 / u3)
    assert sp.simplify(c.product - 6 * u2 * x**2 * sp.cos(u1) / u3) == 0
    paper = 6 * x**2 * sp.cos(x**3) / sp.sin(x**3)
    assert sp.simplify(c.result - paper) == 0
    check_derivative(y, [x], paper, rng=2, domain=(0.2, 1.4))


def test_chain_rule_refuses_several_paths():
    with pytest.raises(ValueError, match="more than one path"):
        chain_rule(x + x**2, x)


@pytest.mark.parametrize("bad", [sp.Integer(3), x * sp.Symbol("y")])
def test_bad_input(bad):
    with pytest.raises(ValueError):
        intermediate_variables(bad, x)


def test_not_a_symbol():
    with pytest.raises(ValueError, match="symbol"):
        chain_rule(sp.sin(x), "x")


@pytest.mark.parametrize("expr, paper", [
    (x + x**2, 1 + 2 * x),
    (sp.sin(x + x**2), sp.cos(x + x**2) * (1 + 2 * x)),
    (sp.Mul(x, x**2, evaluate=False), 3 * x**2),
])
def test_total_derivative_examples(expr, paper):
    t = total_derivative(expr, x)
    assert sp.simplify(t.result - paper) == 0
    assert sp.simplify(t.dot_value() - paper) == 0
    names, row, column = t.dot_form()
    assert names[-1] == x and column[-1] == 1 and row.shape == (1, len(names))
    check_derivative(expr, [x], paper, rng=3)


def test_x_times_x_squared_partials_are_weights():
    t = total_derivative(sp.Mul(x, x**2, evaluate=False), x)
    top = t.steps[-1]
    assert top.partials == {x: u1, u1: x}


_unary = [sp.sin, sp.cos, sp.exp, lambda e: e**2, lambda e: 3 * e]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, len(_unary) - 1), min_size=1, max_size=4))
def test_chain_rule_equals_sympy_on_random_chains(ops):
    e = x
    for k in ops:
        e = _unary[k](e)
    if e.free_symbols != {x}:
        return
    c = chain_rule(e, x)
    assert sp.simplify(c.result - sp.diff(e, x)) == 0
    assert sp.simplify(total_derivative(e, x).result - sp.diff(e, x)) == 0


def test_vector_chain_paper_example():
    g1, g2 = sp.symbols("g1 g2", real=True)
    c = vector_chain([sp.log(g1), sp.sin(g2)], [g1, g2], [x**2, 3 * x], [x])
    assert c.df_dg == sp.Matrix([[1 / g1, 0], [0, sp.cos(g2)]])
    assert c.dg_dx == sp.Matrix([2 * x, 3])
    assert sp.simplify(c.product - sp.Matrix([2 / x, 3 * sp.cos(3 * x)])) == sp.zeros(2, 1)
    assert c.agrees()


@pytest.mark.parametrize("m, k, n", [(1, 1, 1), (2, 3, 4), (3, 2, 1), (1, 4, 3)])
def test_random_compositions_shapes(m, k, n):
    c = random_composition(m, k, n, rng=m + k + n)
    assert c.df_dg.shape == (m, k) and c.dg_dx.shape == (k, n) and c.product.shape == (m, n)
    assert c.agrees()
    check_derivative(list(c.composed), list(c.xs), c.product, rng=0, domain=(-1, 1))


def test_diagonal_special_case():
    c = random_composition(3, 3, 3, rng=4, diagonal=True)
    for J in (c.df_dg, c.dg_dx, c.product):
        assert all(J[i, j] == 0 for i in range(3) for j in range(3) if i != j)
    assert c.agrees()
    with pytest.raises(ValueError):
        random_composition(2, 3, 3, diagonal=True)


def test_summary_table_shapes():
    rows = summary_table(m=3, k=2, n=4)
    assert len(rows) == 8 and all(r["agrees"] for r in rows)
    vv = [r for r in rows if (r["f"], r["g"], r["x"]) == ("vector", "vector", "vector")][0]
    assert vv["df_dg"] == (3, 2) and vv["dg_dx"] == (2, 4) and vv["product"] == (3, 4)
    sv = [r for r in rows if (r["f"], r["g"], r["x"]) == ("scalar", "vector", "scalar")][0]
    assert sv["product_kind"] == "scalar" and sv["df_dg_kind"] == "row vector"


def test_multiplication_cost():
    assert multiplication_cost([5, 4, 3], "forward") == 3 * 4 * 5
    assert multiplication_cost([5, 4, 3], "backward") == 3 * 4 * 5
    n = 50
    assert multiplication_cost([n, n, n, 1], "forward") == n**3 + n**2
    assert multiplication_cost([n, n, n, 1], "backward") == 2 * n**2
    with pytest.raises(ValueError):
        multiplication_cost([3, 3, 3], "sideways")
    with pytest.raises(ValueError):
        multiplication_cost([3, 3], "forward")


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_pow_rule_verified(n):
    result = verify_vector_rule(rule("pow"), n, rng=n)
    assert result.passed and result.errors["JVP/VJP"] < 1e-10


def test_pow_rule_on_scalars():
    r = rule("pow")
    xv, z = np.array(1.5), 3.0
    assert np.isclose(r.forward(xv, z), 3.375)
    assert np.isclose(r.jvp["x"](np.array(1.0), xv, z), 3 * 1.5**2)
    assert np.isclose(r.vjp["x"](np.array(2.0), xv, z), 2 * 3 * 1.5**2)
