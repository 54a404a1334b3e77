"""check_derivation: every '=' of a chain checked by shape, SymPy and numbers; a wrong
middle step is named; a row is never a column; errata must fail."""
import pytest
import sympy as sp

import mathcalc as mc

x, y = sp.symbols("x y", real=True)


def test_a_right_chain_passes_every_step():
    # the paper's §2 example: d/dx 9(x + x²) = 9 d/dx (x + x²) = 9(1 + 2x) = 9 + 18x
    d = sp.Derivative
    r = mc.check_derivation("2-1", [d(9 * (x + x**2), x), 9 * d(x + x**2, x),
                                    9 * (1 + 2 * x), 9 + 18 * x], [x])
    assert r.passed and r.key == "2-1" and [s.number for s in r.steps] == [1, 2, 3]
    assert all(s.holds for s in r.steps) and r.n_points == 3
    lines = str(r).splitlines()
    assert lines[0].startswith("✓ derivation 2-1: 3 of 3 steps hold")
    assert lines[1].startswith("  step 1: ✓ SymPy, ✓ numbers")


def test_a_wrong_middle_step_is_named():
    with pytest.raises(mc.CheckError) as info:
        mc.check_derivation("k", [x**2 + x, x * (x + 1), x * (x + 2), x**2 + 2 * x - x], [x])
    steps = info.value.result.steps
    assert [s.holds for s in steps] == [True, False, False]
    assert "step 2: ✗ SymPy, ✗ numbers" in str(info.value)


def test_a_row_is_not_a_column():
    w = mc.column("w", 3)
    with pytest.raises(mc.CheckError, match=r"step 1: ✗ shape: 1×3 = 3×1"):
        mc.check_derivation("", [mc.gradient(w.dot(w), list(w)), 2 * w], list(w))
    assert mc.check_derivation("", [mc.gradient(w.dot(w), list(w)), 2 * w.T], list(w)).passed


def test_errata_must_fail_and_are_reported():
    r = mc.check_derivation("e", [sp.Derivative(x**3, x), 3 * x**2, 3 * x], [x],
                            errata={2: "E-test"})
    assert r.passed and not r.steps[1].holds and "[erratum E-test: shown wrong]" in str(r)
    with pytest.raises(mc.CheckError, match="NOT shown wrong"):
        mc.check_derivation("e", [x, x], [x], errata={1: "E-test"})


def test_each_proof_counts_and_the_cheap_ones_go_first():
    calls = []

    def never_called(a, b):
        calls.append((a, b))
        raise AssertionError("equal consulted although the expanded difference is 0")

    # (x + 1)² = x² + 2x + 1: expanding proves it, the caller's equal is not consulted
    assert mc.check_derivation("", [(x + 1)**2, x**2 + 2 * x + 1], [x], equal=never_called).passed
    # sin² + cos² = 1 needs simplify: an equal that cannot prove it does not block it
    r = mc.check_derivation("", [sp.sin(x)**2 + sp.cos(x)**2, sp.Integer(1)], [x],
                            equal=lambda a, b: calls.append((a, b)) or False)
    assert r.steps[0].symbolic and len(calls) == 1
    # max(0, x) = x·H(x) (H(0) = 0): simplify leaves it, the caller's proof decides
    relu, step = sp.Max(0, x), x * sp.Heaviside(x, 0)
    assert sp.simplify(relu - step) != 0
    by_cases = lambda a, b: sp.simplify(sp.piecewise_fold((a - b).rewrite(sp.Piecewise))) == 0  # noqa: E731
    assert mc.check_derivation("", [relu, step], [x], equal=by_cases).steps[0].holds
    assert not mc.check_derivation("", [relu, step], [x], errata={1: "E"}).steps[0].symbolic


def test_step_numbers_and_undefined_functions():
    f = sp.Function("f")
    r = mc.check_derivation("s", [sp.Derivative(3 * f(x), x), 3 * sp.Derivative(f(x), x)], [x],
                            steps=[2])
    assert r.steps[0].number == 2 and r.steps[0].symbolic and r.steps[0].numeric is None
    assert not r.steps[0].holds  # numbers could not check it: not "checked both ways"
    assert "numbers not evaluable" in str(r)


@pytest.mark.parametrize("bad, message", [
    (dict(expressions=[x]), "at least two"),
    (dict(expressions=[x, [x]]), "give vectors their shape"),
    (dict(expressions=[x, x * y]), "depends on y"),
    (dict(steps=[1, 2]), "one positive step number"),
    (dict(errata={3: "E"}), "not in"),
])
def test_bad_input_is_named(bad, message):
    args = dict(key="b", expressions=[x, x], variables=[x]) | bad
    with pytest.raises(ValueError, match=message):
        mc.check_derivation(**args)
