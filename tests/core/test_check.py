"""mathcalc.check_jacobian and check_derivative: they pass right answers, fail wrong ones
with a readable comparison, and refuse bad input."""
import numpy as np
import pytest
import sympy as sp

import mathcalc as mc
from mathcalc.core.check import lambdify_vector

x, y = sp.symbols("x y", real=True)


def test_right_jacobian_passes_and_returns_a_small_error():
    result = mc.check_jacobian([3 * x**2 * y, 2 * x + y**8], [x, y])
    assert result.passed and bool(result) and result.n_points == 3
    assert 0 <= result.max_error == result.errors["finite differences"] < 1e-5
    assert str(result).startswith("✓ ∂f/∂x of 2 functions of 2 variables")


def test_complex_method_is_tighter():
    err = mc.check_jacobian([sp.sin(x) * y, sp.exp(x * y)], [x, y], method="complex",
                            rtol=1e-12, atol=1e-13)
    assert err.max_error < 1e-12


def test_same_seed_same_points_same_error():
    fs = [sp.sin(x * y), x**3]
    assert mc.check_jacobian(fs, [x, y], rng=7) == mc.check_jacobian(fs, [x, y], rng=7)


def test_failing_check_raises_check_error_carrying_its_result():
    with pytest.raises(mc.CheckError) as info:
        mc.check_derivative(sp.sin(x), [x], sp.sin(x))
    result = info.value.result
    assert not result.passed and result.max_error > 0.1 and str(result).startswith("✗")
    assert str(info.value) == str(result)


def test_a_failing_check_reports_the_points_it_compared_not_the_ones_it_drew():
    """It stops at the first disagreement: the count and 'largest error' cover only the
    points compared, and the verdict says at which of the drawn points it stopped."""
    drawn = np.random.default_rng(0).uniform(-2.0, 2.0, size=6)  # the points rng=0 draws
    first_wrong = int(np.argmax(drawn < 0)) + 1  # the claim below is wrong only for x < 0
    assert first_wrong > 1
    claim = sp.Piecewise((2 * sp.cos(x), x < 0), (sp.cos(x), True))
    with pytest.raises(mc.CheckError) as info:
        mc.check_derivative(sp.sin(x), [x], claim, rng=0, n_points=6)
    result = info.value.result
    assert result.n_points == first_wrong
    assert f"at point {first_wrong} of 6, where the check stopped" in str(result)
    with pytest.raises(mc.CheckError) as info:  # one point: nothing to say about stopping
        mc.check_derivative(sp.sin(x), [x], sp.sin(x), at=[1.0])
    assert info.value.result.n_points == 1 and "where the check stopped" not in str(info.value)


def test_combine_takes_the_worst_of_each_comparison():
    from mathcalc.core.check import CheckResult, combine
    a = CheckResult("a", True, {"fd": 1e-9, "jvp": 1e-12}, 2, True)
    b = CheckResult("b", False, {"fd": 1e-3}, 3, True, ("b failed",))
    both = combine("both", [a, b])
    assert not both.passed and both.errors == {"fd": 1e-3, "jvp": 1e-12}
    assert both.n_points == 5 and both.symbolic and both.failures == ("b failed",)
    assert combine("one", [a]).passed


def test_wrong_claim_fails_with_a_table():
    with pytest.raises(AssertionError, match=r"(?s)disagree at \(x=.*\(0, 0\)"):
        mc.check_derivative(sp.sin(x), [x], sp.sin(x))


def test_wrong_entry_is_named():
    with pytest.raises(AssertionError, match=r"\(1, 1\)"):
        mc.check_derivative([x * y, x + y], [x, y], sp.Matrix([[y, x], [1, 2]]))


def test_claim_of_wrong_shape_raises_value_error():
    with pytest.raises(ValueError, match="shape"):
        mc.check_derivative([x * y], [x, y], sp.Matrix([y, x]))


def test_point_given_as_dict_or_sequence():
    assert mc.check_jacobian(x * y, [x, y], at={x: 1.0, y: 2.0}) == \
        mc.check_jacobian(x * y, [x, y], at=[1.0, 2.0])


@pytest.mark.parametrize("at, message", [([0.0], "not finite"), ([np.inf], "non-finite"),
                                         ([1.0, 2.0], "2 values"), ({y: 1.0}, "no value")])
def test_bad_points(at, message):
    with pytest.raises(ValueError, match=message):
        mc.check_jacobian(sp.log(x), [x], at=at)


def test_undefined_derivative_is_reported():
    with pytest.raises(ValueError, match="not finite"):
        mc.check_jacobian(sp.sqrt(x), [x], at=[0.0])


def test_random_points_outside_the_domain_are_reported():
    with pytest.raises(ValueError, match="domain|complex|not finite"):
        mc.check_jacobian(sp.log(x), [x], domain=(-2.0, -1.0))


def test_unbound_symbols_are_named():
    with pytest.raises(ValueError, match="depend on y"):
        mc.check_jacobian(x * y, [x])
    with pytest.raises(ValueError, match="depends on y"):
        mc.check_derivative(x, [x], y)


def test_denominator_layout_check():
    assert mc.check_jacobian([x * y, x], [x, y], layout="denominator").max_error < 1e-6


def test_lambdify_vector_shape():
    f = lambdify_vector([x * y, x, 3], [x, y])
    np.testing.assert_allclose(f(np.array([2.0, 5.0])), [10.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="shape"):
        f(np.array([1.0]))
