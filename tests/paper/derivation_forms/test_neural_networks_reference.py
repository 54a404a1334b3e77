"""Tests for mathcalc.paper.derivation_forms: the paper's derivations of §5-§6 and §8 as
expression lists, each checked one '=' at a time, in agreement with the ledger."""
import pytest
import sympy as sp

import mathcalc as mc
from mathcalc.content.ledger import LEDGER
from mathcalc.paper import derivation_forms as forms

ENTRIES = {e.key: e for e in LEDGER}


# The three longest checks (cases inside sums: SymPy's simplify takes seconds) run with the
# integration tests; make check keeps the others. nbval checks all three in their chapters.
LONG = {"6.1-3", "6.1-4", "6.2-4"}


@pytest.mark.parametrize("key", [pytest.param(k, marks=pytest.mark.integration) if k in LONG
                                 else k for k in forms.FORMS])
def test_each_form_checks_as_the_ledger_says(key):
    result = mc.check_derivation(key, **forms.derivation(key))
    entry = ENTRIES[key]
    by_number = {s.number: s for s in result.steps}
    for k, status in enumerate(entry.steps, 1):
        if status.status == "checked":
            assert by_number[k].holds, f"{key} step {k}: {by_number[k].line()}"
        elif status.status == "erratum" and not status.shown:
            continue  # not computable as printed: the form checks the intended reading
        elif status.status == "erratum" and k in by_number:
            assert not by_number[k].holds and by_number[k].erratum == status.erratum
        else:  # a pair the ledger does not call checked must say why it cannot be
            assert k not in by_number or by_number[k].same, f"{key} step {k}"


def test_an_orientation_error_fails_the_shape_check():
    # 5-6 with the paper's x^T replaced by the column x
    f = forms.derivation("5-6")
    x = mc.column("x", forms.N_COMPONENTS)
    f["expressions"] = f["expressions"][:2] + [x]
    with pytest.raises(mc.CheckError, match="shape"):
        mc.check_derivation("5-6", **f)
    # the update rule without the transpose cannot even be formed
    w, grad = mc.column("w", 3), x.T
    with pytest.raises(sp.ShapeError):
        w - grad


def test_a_wrong_middle_step_is_named():
    f = forms.derivation("5-14")
    wrong = list(f["expressions"])
    wrong[3] = 3 * wrong[3]  # a wrong factor in the middle of the chain
    with pytest.raises(mc.CheckError) as info:
        mc.check_derivation("5-14", **{**f, "expressions": wrong})
    failed = [s.number for s in info.value.result.steps if not s.as_expected]
    assert failed == [3, 4], failed  # the two '=' next to the wrong side, no other


def test_block_chain_advances_one_line_per_step():
    a, b, c, d = sp.symbols("a b c d")
    sides = forms.block_chain([[a, b], [c, d]])
    assert sides == [sp.diag(a, c), sp.diag(b, c), sp.diag(b, d)]
    sides = forms.block_chain([[a, b], [c, d]], order=[1, 0])
    assert sides[1] == sp.diag(a, d)
    with pytest.raises(ValueError, match="order"):
        forms.block_chain([[a, b], [c, d]], order=[0, 0])


def test_helpers():
    w = mc.column("w", 2)
    assert forms.d(w[0] * w[1], w).shape == (1, 2)
    assert forms.d(w, w).doit() == sp.eye(2)
    z = sp.Symbol("z", real=True)
    assert forms.relu_equal(sp.diff(sp.Max(0, z), z), forms.cases(z, 0, 1))
    assert not forms.relu_equal(sp.Max(0, z), z)
    assert forms.times(0, sp.Symbol("q")) != 0  # kept unevaluated, as the paper writes it
    with pytest.raises(KeyError, match="no derivation form"):
        forms.derivation("1-1")
