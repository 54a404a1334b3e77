"""The rules tables: every row verified (symbolically, numerically, JVP/VJP) for several n,
and a wrong row is caught."""
import dataclasses

import numpy as np
import pytest
import sympy as sp

from mathcalc.rules import SCALAR_RULES, VECTOR_RULES, rule, symbolic_args
from mathcalc.rules.verify import check_example_numerically, example_holds, rule_holds, verify_vector_rule


@pytest.mark.parametrize("r", SCALAR_RULES, ids=lambda r: r.name)
def test_scalar_rule_and_example(r):
    assert rule_holds(r)
    assert example_holds(r)
    assert check_example_numerically(r, rng=3).max_error < 1e-6


def test_scalar_table_has_the_papers_seven_rows():
    assert [r.name for r in SCALAR_RULES] == [
        "Constant", "Multiplication by constant", "Power Rule", "Sum Rule",
        "Difference Rule", "Product Rule", "Chain Rule"]


def test_a_wrong_scalar_example_is_caught():
    r = dataclasses.replace(SCALAR_RULES[2], example_derivative=3 * sp.Symbol("x", real=True))
    assert not example_holds(r)
    with pytest.raises(AssertionError):
        check_example_numerically(r)


def test_a_wrong_general_rule_is_caught():
    product = SCALAR_RULES[5]
    wrong = dataclasses.replace(product, general_derivative=product.general_derivative * 2)
    assert not rule_holds(wrong)


@pytest.mark.parametrize("r", VECTOR_RULES, ids=lambda r: r.key)
@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_vector_rule_verified(r, n):
    result = verify_vector_rule(r, n, rng=n)
    assert result.passed and result.errors["finite differences"] < 1e-6
    assert result.errors["JVP/VJP"] < 1e-10


def test_a_wrong_closed_form_is_caught():
    mul = rule("mul")
    wrong = dataclasses.replace(mul, jacobian={"w": mul.jacobian["x"], "x": mul.jacobian["x"]})
    with pytest.raises(AssertionError, match="differs from the rule"):
        verify_vector_rule(wrong, 3)


def test_a_wrong_vjp_is_caught():
    div = rule("div")
    wrong = dataclasses.replace(div, vjp={"w": lambda g, w, x: g * x, "x": div.vjp["x"]})
    with pytest.raises(AssertionError, match="JVP/VJP"):
        verify_vector_rule(wrong, 3)


def test_forward_matches_symbolic_form():
    rng = np.random.default_rng(0)
    for r in VECTOR_RULES:
        args = symbolic_args(r, 3)
        values = [rng.uniform(*r.domain) if r.is_scalar(a) else rng.uniform(*r.domain, size=3)
                  for a in r.args]
        subs = {}
        for arg, v in zip(args, values):
            subs.update(zip([arg] if isinstance(arg, sp.Symbol) else list(arg), np.atleast_1d(v)))
        expected = np.array(sp.Matrix([r.symbolic(*args)]).subs(subs).evalf(), dtype=float).ravel()
        np.testing.assert_allclose(np.ravel(r.forward(*values)), expected, rtol=1e-12)


def test_keys_are_unique_and_lookup_names_the_choices():
    keys = [r.key for r in VECTOR_RULES]
    assert len(keys) == len(set(keys))
    with pytest.raises(KeyError, match="mul"):
        rule("matmul")


def test_symbolic_args_refuses_bad_n():
    with pytest.raises(ValueError, match="positive integer"):
        symbolic_args(rule("add"), 0)
