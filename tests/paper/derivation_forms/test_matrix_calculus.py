"""The derivation forms of §1-§4.4 (mathcalc.paper.derivation_forms.matrix_calculus): each checks,
step by step, exactly the '=' its ledger entry calls checked, and an orientation mistake
in a form would fail its check."""
from __future__ import annotations

import pytest
import sympy as sp

import mathcalc as mc
from mathcalc.content.ledger import LEDGER
from mathcalc.core.check import CheckError
from mathcalc.paper.derivation_forms import matrix_calculus as forms

ENTRIES = {e.key: e for e in LEDGER}
DOMAINS = {"4.2-12": (0.5, 2.0), "4.2-16": (0.5, 2.0)}  # division: keep x_i away from 0


def checked_steps(key):
    return [k for k, s in enumerate(ENTRIES[key].steps, 1) if s.status == "checked"]


@pytest.mark.parametrize("key", list(forms.FORMS))
def test_each_form_checks_the_steps_its_ledger_entry_calls_checked(key):
    """Every step the ledger calls checked is a pair of the form, and holds (shape, SymPy,
    numbers, and the two sides are not one expression); the form's other pairs (a
    definition substituted, arithmetic) fail nothing."""
    expressions, variables = forms.form(key)
    steps = forms.STEPS[key]
    assert len(expressions) == len(steps) + 1
    assert set(checked_steps(key)) <= set(steps)
    result = mc.check_derivation(key, expressions, variables, steps=steps,
                                 domain=DOMAINS.get(key, (-2.0, 2.0)))
    assert result.passed
    for s in result.steps:
        if s.number in checked_steps(key):
            assert s.holds, f"{key} step {s.number}: {s.line()}"


def test_every_entry_of_the_part_with_a_checked_step_has_a_form():
    part = [e for e in LEDGER if e.section in ("§1", "§2", "§3", "§4", "§4.1", "§4.2",
                                                "§4.3", "§4.4")]
    assert {e.key for e in part if e.checked} <= set(forms.FORMS) <= {e.key for e in part}


def test_vectors_keep_their_orientation():
    expressions, _ = forms.form("4.4-3")
    assert expressions[0].shape == (1, forms.N) and expressions[-1].shape == (1, forms.N)
    expressions, variables = forms.form("4.4-3")
    with pytest.raises(CheckError, match="row is not a column"):
        mc.check_derivation("", [expressions[0], sp.ones(forms.N, 1)], variables)


def test_a_wrong_middle_step_is_named():
    expressions, variables = forms.form("2-1")
    expressions[3] = 9 * (1 + 3 * forms.X)  # 9(1 + 3x): the power rule misapplied
    with pytest.raises(CheckError, match="step 3"):
        mc.check_derivation("", expressions, variables)


def test_unknown_key():
    with pytest.raises(KeyError, match="no derivation form"):
        forms.form("4.5.1-1")
