"""Tests for mathcalc.paper.derivation_forms.chain_rules: the derivation forms of the §4.5 ledger."""
import pytest
import sympy as sp

from mathcalc import check_derivation
from mathcalc.core.check import CheckError
from mathcalc.paper.derivation_forms.chain_rules import at, line_by_line, total_derivative_sides

x = sp.Symbol("x", real=True)
u, u1, u2 = sp.symbols("u u1 u2", real=True)


def test_at_keeps_the_form_and_substitutes_on_doit():
    e = at(sp.cos(u) * 2 * x, u, x**2)
    assert isinstance(e, sp.Subs)
    assert e.doit() == 2 * x * sp.cos(x**2)
    assert at(u1 + u2, [u1, u2], [x, x**2]).doit() == x + x**2
    m = at(sp.Matrix([[u1, u2]]), [u1, u2], [x, x**2])
    assert m.shape == (1, 2) and m.doit() == sp.Matrix([[x, x**2]])
    with pytest.raises(ValueError):
        at(u1, [u1, u2], [x])


def test_line_by_line_moves_one_line_one_step_at_a_time():
    exprs, steps = line_by_line([(1, [sp.Derivative(x**2, x), 2 * x]),
                                 (3, [u, sp.sin(u), sp.sin(u)])])
    assert steps == [1, 3, 4]
    assert [e.shape for e in exprs] == [(2, 1)] * 4
    assert exprs[0] == sp.Matrix([sp.Derivative(x**2, x), u])
    assert exprs[1] == sp.Matrix([2 * x, u])
    assert exprs[-1] == sp.Matrix([2 * x, sp.sin(u)])
    with pytest.raises(ValueError):
        line_by_line([(1, [x])])


def test_line_by_line_names_the_wrong_line():
    exprs, steps = line_by_line([(1, [sp.Derivative(x**2, x), 2 * x]),
                                 (2, [sp.Derivative(sp.sin(u), u), sp.sin(u)])])
    with pytest.raises(CheckError, match="step 2"):
        check_derivation("", exprs, [x, u], steps=steps)


def test_total_derivative_sides_agree_and_detect_a_dropped_term():
    f = x * u2 + u1 * u2
    sides = total_derivative_sides(f, x, [u1, u2], [x**2, sp.sin(x)])
    assert sp.simplify((sides[0] - sides[1]).doit()) == 0
    check_derivation("", sides, [x])
    alias = total_derivative_sides(u1 * u2, x, [u1, u2], [x**2, x], direct=False)
    check_derivation("", alias, [x])
    # leaving out the direct term of f = x u2 + u1 u2 is wrong
    wrong = total_derivative_sides(f, x, [u1, u2], [x**2, sp.sin(x)], direct=False)
    with pytest.raises(CheckError):
        check_derivation("", wrong, [x])
    with pytest.raises(ValueError):
        total_derivative_sides(f, x, [u1], [x, x])
