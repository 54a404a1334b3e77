"""mathcalc.numerical_jacobian: accuracy of both methods, shapes, bad input."""
import numpy as np
import pytest

import mathcalc as mc


def f_vec(v):  # R^3 -> R^2
    return np.array([v[0] ** 2 * v[1], np.sin(v[2]) * v[0]])


def J_vec(v):
    return np.array([[2 * v[0] * v[1], v[0] ** 2, 0.0],
                     [np.sin(v[2]), 0.0, v[0] * np.cos(v[2])]])


@pytest.mark.parametrize("point", [[0.3, -1.2, 2.0], [10.0, 0.5, -3.0], [1e-3, 2.0, 0.0]])
def test_central_difference_matches_the_analytic_jacobian(point):
    np.testing.assert_allclose(mc.numerical_jacobian(f_vec, point), J_vec(np.array(point)),
                               rtol=1e-7, atol=1e-8)


def test_complex_step_is_exact_to_machine_precision():
    point = np.array([0.3, -1.2, 2.0])
    np.testing.assert_allclose(mc.numerical_jacobian(f_vec, point, method="complex"),
                               J_vec(point), rtol=1e-14, atol=1e-15)


def test_scalar_output_gives_one_row_and_scalar_input_one_column():
    assert mc.numerical_jacobian(lambda v: np.sum(v**2), [1.0, 2.0]).shape == (1, 2)
    J = mc.numerical_jacobian(lambda v: np.array([v[0], 2 * v[0]]), 3.0)
    assert J.shape == (2, 1)
    np.testing.assert_allclose(J, [[1.0], [2.0]], rtol=1e-9)


def test_explicit_step():
    J = mc.numerical_jacobian(lambda v: v**3, [2.0], h=1e-4)
    np.testing.assert_allclose(J, [[12.0]], rtol=1e-7)


@pytest.mark.parametrize("point, message", [([np.nan, 1.0], "non-finite"),
                                            ([[1.0, 2.0]], "1-D"), ([], "empty"),
                                            ("abc", "real number")])
def test_bad_points_raise(point, message):
    with pytest.raises(ValueError, match=message):
        mc.numerical_jacobian(lambda v: v, point)


def test_outside_the_domain_raises_not_nan():
    with np.errstate(all="ignore"):
        with pytest.raises(ValueError, match="not finite"):
            mc.numerical_jacobian(np.log, [0.0])
        with pytest.raises(ValueError, match="not finite"):
            mc.numerical_jacobian(np.log, [-1.0])


def test_bad_method_and_step_raise():
    with pytest.raises(ValueError, match="method"):
        mc.numerical_jacobian(np.sin, [1.0], method="forward-ish")
    with pytest.raises(ValueError, match="positive"):
        mc.numerical_jacobian(np.sin, [1.0], h=0.0)


def test_complex_method_refuses_non_analytic_functions():
    # |x| of a complex number is its modulus: the complex step would silently give 0.
    with pytest.raises(ValueError, match="not analytic"):
        mc.numerical_jacobian(np.abs, [1.5], method="complex")


def test_complex_method_needs_complex_input():
    def real_only(v):
        if np.iscomplexobj(v):
            raise TypeError("real input only")
        return v
    with pytest.raises(ValueError, match="complex input"):
        mc.numerical_jacobian(real_only, [1.0], method="complex")


def test_matrix_output_is_refused():
    with pytest.raises(ValueError, match="1-D"):
        mc.numerical_jacobian(lambda v: np.outer(v, v), [1.0, 2.0])
