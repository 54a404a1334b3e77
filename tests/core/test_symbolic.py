"""mathcalc.jacobian and mathcalc.gradient: shapes, layouts, the paper's examples, bad input."""
import pytest
import sympy as sp

import mathcalc as mc

x, y, z = sp.symbols("x y z", real=True)


def test_gradient_of_3x2y_is_the_papers_row():
    g = mc.gradient(3 * x**2 * y, [x, y])
    assert g.shape == (1, 2)
    assert g == sp.Matrix([[6 * x * y, 3 * x**2]])


def test_jacobian_numerator_layout_rows_are_outputs():
    J = mc.jacobian([3 * x**2 * y, 2 * x + y**8], [x, y])
    assert J == sp.Matrix([[6 * x * y, 3 * x**2], [2, 8 * y**7]])


def test_denominator_layout_is_the_transpose():
    fs = [x * y * z, sp.sin(x) + z, y**2]
    assert mc.jacobian(fs, [x, y, z], layout="denominator") == mc.jacobian(fs, [x, y, z]).T


def test_shapes_m_by_n():
    J = mc.jacobian([x, y, z, x * y], [x, y])
    assert J.shape == (4, 2)
    assert mc.jacobian([x, y], [x, y, z], layout="denominator").shape == (3, 2)


@pytest.mark.parametrize("fs", [3 * x**2 * y, [3 * x**2 * y], (3 * x**2 * y,),
                                sp.Matrix([3 * x**2 * y]), sp.Matrix([[3 * x**2 * y]])])
def test_fs_forms_are_equivalent(fs):
    assert mc.jacobian(fs, [x, y]) == sp.Matrix([[6 * x * y, 3 * x**2]])


@pytest.mark.parametrize("xs", [[x, y], (x, y), sp.Matrix([x, y]), sp.Matrix([[x, y]])])
def test_xs_forms_are_equivalent(xs):
    assert mc.jacobian(x * y, xs) == sp.Matrix([[y, x]])


def test_single_symbol_and_constant_function():
    assert mc.jacobian(x**3, x) == sp.Matrix([[3 * x**2]])
    assert mc.jacobian(5, [x, y]) == sp.zeros(1, 2)


def test_identity_jacobian_is_I():
    xs = sp.symbols("x1:6")
    assert mc.jacobian(list(xs), xs) == sp.eye(5)


@pytest.mark.parametrize("bad, message", [
    ([x**2], "not a SymPy symbol"),
    (["x"], "not a SymPy symbol"),
    ([x, 2], "not a SymPy symbol"),
    ([x, x], "twice"),
    ([], "empty"),
    (sp.Matrix([[x, y], [z, x]]), "row or column"),
    ("x", "SymPy symbol"),
])
def test_bad_variables_raise_value_error_naming_the_problem(bad, message):
    with pytest.raises(ValueError, match=message):
        mc.jacobian(x * y, bad)


def test_bad_functions_and_layout_raise():
    with pytest.raises(ValueError, match="layout"):
        mc.jacobian(x, [x], layout="transposed")
    with pytest.raises(ValueError, match="string"):
        mc.jacobian("x**2", [x])
    with pytest.raises(ValueError, match="vector of functions"):
        mc.jacobian(sp.Matrix([[x, y], [y, x]]), [x, y])
    with pytest.raises(ValueError, match="empty"):
        mc.jacobian([], [x])


def test_gradient_rejects_vector_functions():
    with pytest.raises(ValueError, match="one scalar function"):
        mc.gradient([x, y], [x, y])


def test_is_diagonal():
    assert mc.is_diagonal(mc.jacobian([x**2, sp.sin(y)], [x, y]))
    assert not mc.is_diagonal(mc.jacobian([x * y, y], [x, y]))
    assert not mc.is_diagonal(sp.Matrix([[1, 0, 0]]))


def test_column_is_an_n_by_1_column_of_real_symbols():
    import sympy as sp
    x = mc.column("x", 3)
    assert x.shape == (3, 1) and [str(s) for s in x] == ["x1", "x2", "x3"]
    assert all(s.is_real for s in x) and mc.column("x", 3) == x
    for bad in (0, -1, 2.5, True, "3"):
        with pytest.raises(ValueError, match="positive integer"):
            mc.column("x", bad)
    with pytest.raises(ValueError, match="identifier"):
        mc.column("1x", 2)
