"""Tests for mathcalc.content.exercises: the self-check says right for right answers and points at
the differing entry for wrong ones."""
import numpy as np

import mathcalc as mc
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcalc.content.exercises.model import AnswerCheck, Exercise, check_answer

x, y, z = sp.symbols("x y z", real=True)


def test_right_gradient_is_correct():
    result = check_answer(sp.Matrix([[2 * x * y, x**2]]), (x**2 * y, [x, y]))
    assert result.correct and result.symbolic and bool(result)
    assert result.differences == () and result.shape == (1, 2) and result.n_points == 5
    assert str(result).startswith("✓ correct")


def test_right_answer_in_another_form_is_correct():
    # sin² + cos² = 1: the same function written differently
    result = check_answer(sp.sin(x)**2 + sp.cos(x)**2 + 2 * x, (x**2 + x, [x]))
    assert result.correct


def test_wrong_entry_is_located_with_both_values():
    result = check_answer(sp.Matrix([[2 * x, x**2]]), (x**2 * y, [x, y]), rng=1)
    assert not result.correct and not bool(result)
    (d,) = result.differences
    assert (d.row, d.column) == (1, 1)
    assert d.yours == 2 * x and d.expected == 2 * x * y
    assert set(d.point) == {"x", "y"}
    assert d.your_value == pytest.approx(2 * d.point["x"])
    assert d.expected_value == pytest.approx(2 * d.point["x"] * d.point["y"])
    assert "row 1, column 1" in str(result)


def test_jacobian_against_explicit_expected_matrix():
    expected = sp.Matrix([[y, x], [2 * x, 0]])
    assert check_answer(sp.Matrix([[y, x], [2 * x, 0]]), expected, [x, y]).correct
    wrong = check_answer(sp.Matrix([[y, x], [2 * x, 1]]), expected, [x, y])
    assert [(d.row, d.column) for d in wrong.differences] == [(2, 2)]


def test_transposed_square_answer_is_flagged():
    fs = [x * y, x + 3 * y]
    J = sp.Matrix([[y, x], [1, 3]])
    result = check_answer(J.T, (fs, [x, y]))
    assert not result.correct and result.transposed
    assert "numerator layout" in str(result)


def test_wrong_shape_raises_with_layout_hint():
    with pytest.raises(ValueError, match="transposed, denominator layout"):
        check_answer(sp.Matrix([2 * x * y, x**2]), (x**2 * y, [x, y]))
    with pytest.raises(ValueError, match="shape 1x3"):
        check_answer(sp.Matrix([[1, 2, 3]]), (x**2 * y, [x, y]))


@pytest.mark.parametrize("bad", ["2*x", np.array([1.0, 2.0]), object(), True])
def test_non_sympy_answer_raises(bad):
    with pytest.raises(ValueError):
        check_answer(bad, (x**2, [x]))


def test_answer_with_unknown_symbol_raises():
    with pytest.raises(ValueError, match="uses z"):
        check_answer(2 * z, (x**2, [x]))


def test_list_answer_is_a_row_and_numbers_are_accepted():
    assert check_answer([y, x], (x * y, [x, y])).correct
    assert check_answer(3, (3 * x, [x])).correct
    assert check_answer([[y, x]], (x * y, [x, y])).correct


def test_domain_points_outside_are_skipped_and_bad_domain_raises():
    assert check_answer(1 / x, (sp.log(x), [x]), domain=(0.5, 2.0)).correct
    half = 1 / (2 * sp.sqrt(x))  # complex for x < 0: those points are skipped
    assert check_answer(half, (sp.sqrt(x), [x]), domain=(-2.0, 2.0)).correct
    with pytest.raises(ValueError, match="domain"):
        check_answer(1 / x, (sp.log(x), [x]), domain=(2.0, 1.0))
    with pytest.raises(ValueError, match="no point"):
        check_answer(half, (sp.sqrt(x), [x]), domain=(-2.0, -1.0))


def test_parameter_of_the_function_gets_values_too():
    c = sp.Symbol("c", real=True)
    assert check_answer(2 * c * x, (c * x**2, [x])).correct
    assert not check_answer(2 * x, (c * x**2, [x])).correct


def test_exercise_dataclass():
    ex = Exercise("2.9", "Differentiate $x^3$.", x**3, [x], "Power rule: $3x^2$.")
    assert ex.expected() == sp.Matrix([[3 * x**2]])
    assert isinstance(ex.check(3 * x**2), mc.CheckResult) and ex.check(3 * x**2).correct
    assert not ex.check(3 * x).correct
    md = ex.markdown()
    assert md.startswith("**Exercise 2.9.**") and ":class: dropdown" in md and "3x^2" in md


def test_check_is_deterministic():
    a = check_answer(x**2, (x**3, [x]), rng=3)
    b = check_answer(x**2, (x**3, [x]), rng=3)
    assert str(a) == str(b)


@settings(max_examples=25, deadline=None)
@given(st.integers(-4, 4), st.integers(-4, 4), st.integers(1, 4))
def test_polynomial_derivative_property(a, c, k):
    f = a * x**k + c * x * y
    right = sp.Matrix([[a * k * x**(k - 1) + c * y, c * x]])
    assert check_answer(right, (f, [x, y])).correct
    wrong = right + sp.Matrix([[1, 0]])
    result = check_answer(wrong, (f, [x, y]))
    assert [(d.row, d.column) for d in result.differences] == [(1, 1)]


def test_symbols_are_matched_by_name_whatever_their_assumptions():
    plain_x, plain_y = sp.symbols("x y")  # no real=True, as a reader may type them
    assert check_answer(sp.Matrix([[2 * plain_x * plain_y, plain_x**2]]), (x**2 * y, [x, y])).correct
    assert not check_answer(plain_x, (x**2, [x])).correct
