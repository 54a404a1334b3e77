"""check_derivation: every '=' of a chain checked by shape, SymPy and numbers; a wrong
middle step is named; a row is never a column; errata must fail."""
import pytest
import sympy as sp

import mathcalc as mc

x, y = sp.symbols("x y", real=True)


def test_a_right_chain_passes_every_step():
    # the paper's §2 example: d/dx 9(x + x²) = 9 d/dx (x + x²) = 9(dx/dx + dx²/dx) = 9 + 18x
    d = sp.Derivative
    r = mc.check_derivation("2-1", [d(9 * (x + x**2), x), 9 * d(x + x**2, x),
                                    9 * (d(x, x) + d(x**2, x)), 9 + 18 * x], [x])
    assert r.passed and r.key == "2-1" and [s.number for s in r.steps] == [1, 2, 3]
    assert all(s.holds for s in r.steps) and r.n_points == 3
    lines = str(r).splitlines()
    assert lines[0].startswith("✓ derivation 2-1: 3 of 3 steps confirmed")
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


def test_a_rational_counterexample_refutes_without_trying_a_proof():
    calls = []
    asked = lambda a, b: calls.append((a, b)) or True  # noqa: E731  (would "prove" anything)
    # max(0, x) + 1 ≠ x·H(x): a rational point gives 1, so the caller's proof is not asked
    r = mc.check_derivation("", [sp.Max(0, x) + 1, x * sp.Heaviside(x, 0)], [x], equal=asked,
                            errata={1: "E"})
    assert not r.steps[0].symbolic and not calls
    # sin² + cos² ≠ 11/10: not rational at a rational point, so the proofs are tried
    r = mc.check_derivation("", [sp.sin(x)**2 + sp.cos(x)**2, sp.Rational(11, 10)], [x],
                            equal=asked, errata={1: "E"})
    assert r.steps[0].symbolic and len(calls) == 1 and not r.steps[0].numeric
    # H(x) ≠ H(x, 0) only at x = 0: no rational point of the seed finds it, the proof decides
    r = mc.check_derivation("", [sp.Heaviside(x), sp.Heaviside(x, 0)], [x], equal=asked)
    assert r.steps[0].symbolic and len(calls) == 2
    # |x| = x holds on the numbers' domain (0.5, 2): no point outside it refutes the step
    r = mc.check_derivation("", [sp.Abs(x), x], [x], equal=asked, domain=(0.5, 2.0))
    assert r.steps[0].symbolic and r.steps[0].numeric and len(calls) == 3
    # matrices: one entry that differs is enough
    m = sp.Matrix([[x**2, x], [1, y]])
    r = mc.check_derivation("", [m, m + sp.Matrix([[0, 0], [0, sp.Rational(1, 3)]])], [x, y],
                            equal=asked, errata={1: "E"})
    assert not r.steps[0].symbolic and len(calls) == 3


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


D = sp.Derivative


@pytest.fixture
def fresh_sympy_cache():
    """SymPy caches what it computed: results made under a patched SymPy would otherwise
    reach later tests in the same process (a lying derivative outliving its patch)."""
    sp.core.cache.clear_cache()
    yield
    sp.core.cache.clear_cache()


def test_the_numbers_do_not_use_sympys_derivative(fresh_sympy_cache, monkeypatch):
    """SymPy's differentiation made to lie (twice the truth, in Derivative.doit, Expr.diff
    and Matrix.jacobian): the numbers, finite differences of the function, still say the
    paper's step holds, and the report says the two halves disagree."""
    from sympy.matrices.matrixbase import MatrixBase

    doit, diff, jac = sp.Derivative.doit, sp.Expr.diff, MatrixBase.jacobian
    monkeypatch.setattr(sp.Derivative, "doit", lambda self, **hints: 2 * doit(self, **hints))
    monkeypatch.setattr(sp.Expr, "diff", lambda self, *a, **k: 2 * diff(self, *a, **k))
    monkeypatch.setattr(MatrixBase, "jacobian", lambda self, X: 2 * jac(self, X))
    assert D(x**3, x).doit() != 3 * x**2  # the lie is in place
    for left, right in [(D(x**3 * y, x), 3 * x**2 * y),
                        (sp.Matrix([[D(sp.sin(x * y), x), D(sp.sin(x * y), y)]]),
                         sp.Matrix([[y * sp.cos(x * y), x * sp.cos(x * y)]])),
                        (sp.Subs(D(sp.exp(x), x), x, y**2), sp.exp(y**2))]:
        with pytest.raises(mc.CheckError) as info:
            mc.check_derivation("k", [left, right], [x, y])
        step = info.value.result.steps[0]
        assert step.numeric is True and step.symbolic is False and step.disagree
        assert "✗ SymPy, ✓ numbers" in step.line() and "the two halves disagree" in step.line()


def test_a_step_comparing_an_expression_with_itself_is_reported_and_does_not_hold():
    r = mc.check_derivation("k", [D(x**2, x), D(x**2, x), 2 * x,
                                  sp.Mul(2, x, evaluate=False), sp.UnevaluatedExpr(2 * x)], [x])
    assert [s.same for s in r.steps] == [True, False, True, True]
    assert [s.holds for s in r.steps] == [False, True, False, False]
    assert r.passed  # no failure: the ledger refuses to count such a step as checked
    assert "1 of 1 steps confirmed" in r.what
    assert "steps 1, 3, 4 are one expression on both sides, not tested" in r.what
    assert "step 1: – one expression on both sides once SymPy builds them" in str(r)
    assert not mc.core.derivation.same_expression(D(x**2, x), 2 * x)


def test_an_unevaluated_matrix_product_keeps_its_shape():
    J = sp.Matrix([[D(x**2 * y, x), D(x**2 * y, y), 0], [0, D(y**2, y), 1]])  # 2 × 3
    product = sp.MatMul(J, sp.Matrix([1, x, y]), evaluate=False)
    r = mc.check_derivation("k", [product, sp.Matrix([2 * x * y + x**3, 2 * x * y + y])], [x, y])
    assert r.steps[0].holds and r.steps[0].left.shape == (2, 1)
    with pytest.raises(mc.CheckError, match="2×1 = 1×2"):
        mc.check_derivation("k", [product, sp.Matrix([[2 * x * y + x**3, 2 * x * y + y]])],
                            [x, y])
    # the product evaluated as written is the same expression as its result
    A = sp.Matrix([[x, 1], [0, y]])
    assert mc.core.derivation.same_expression(sp.MatMul(A, A, evaluate=False), A * A)


def test_points_near_a_kink_are_not_used():
    from mathcalc.core.compare import KINK_MARGIN, compare

    relu = D(sp.Max(0, x * y), x)
    right = sp.Piecewise((0, x * y <= 0), (y, True))
    c = compare(relu, right, [x, y], n_points=20, rng=3)
    assert c.agree and c.method == "central differences" and c.n_points == 20
    assert c.rtol == c.atol == 1e-6
    with pytest.raises(ValueError, match="away from kinks"):  # every point is near one
        compare(D(sp.Max(0, x), x), sp.Piecewise((0, x <= 0), (1, True)), [x],
                domain=(-KINK_MARGIN / 2, KINK_MARGIN / 2), n_points=1)


def test_a_check_that_compares_nothing_has_no_tick():
    # one expression on both sides: it passes, but its headline is "–", not "✓"
    r = mc.check_derivation("n", [x**2, x**2], [x])
    assert r.passed and str(r).startswith("– derivation n: 0 of 0 steps confirmed")
    # an erratum shown wrong is a confirmation: ✓
    r = mc.check_derivation("e", [sp.Derivative(x**3, x), 3 * x], [x], errata={1: "E-test"})
    assert str(r).startswith("✓ derivation e: 0 of 0 steps confirmed")


def test_sides_are_printed_in_the_order_the_form_was_built():
    # the paper writes 1 + 0 and 0 + z; SymPy's sorted order would print 0 + 1 and z + 0
    z = sp.Symbol("z", real=True)
    r = mc.check_derivation("o", [sp.Add(1, 0, evaluate=False), sp.Integer(1)], [x])
    assert r.steps[0].sides() == "1 + 0  =  1"
    r = mc.check_derivation("o", [sp.Add(0, z, evaluate=False), z], [z])
    assert r.steps[0].sides() == "0 + z  =  z"
