"""Mutation testing of the ledger's checks: a check that no wrong answer can fail checks
nothing. For every step of a derivation form that the ledger calls checked, the right side
is mutated (a term added; a factor changed; transposed, for a matrix) and the check of
that step must fail. A mutant SymPy proves equal to the original (twice zero, the
transpose of a symmetric matrix) is dropped. The score is printed (pytest -s)."""
from __future__ import annotations

import pytest
import sympy as sp

import mathcalc as mc
from mathcalc.content.ledger import LEDGER
from mathcalc.core.compare import compare, explicit
from mathcalc.paper import derivation_forms
from mathcalc.paper.derivation_forms import matrix_calculus

pytestmark = pytest.mark.integration
ENTRIES = {e.key: e for e in LEDGER}
DOMAINS = {"4.2-12": (0.5, 2.0), "4.2-16": (0.5, 2.0)}


def checked_pairs(key):
    """(step number, left, right, variables, equal) of each checked step of ``key``'s form."""
    if key in matrix_calculus.FORMS:
        expressions, variables = matrix_calculus.form(key)
        steps, equal = matrix_calculus.STEPS[key], None
    else:
        f = derivation_forms.derivation(key)
        expressions, variables, steps, equal = (f["expressions"], f["variables"], f["steps"],
                                                f["equal"])
    statuses = ENTRIES[key].steps
    return [(k, a, b, variables, equal) for k, a, b in zip(steps, expressions, expressions[1:])
            if statuses[k - 1].status == "checked"]


def _is_zero(e) -> bool:
    if isinstance(e, sp.MatrixBase):
        return all(sp.expand(v) == 0 for v in e)
    return sp.expand(e) == 0


def mutants(right, variables):
    """(name, mutant) pairs; those SymPy proves equal to ``right`` are left out."""
    one = sp.Integer(1)
    if isinstance(right, sp.MatrixExpr) and not isinstance(right, sp.MatrixBase):
        right = sp.Matrix(explicit(right))  # an unevaluated product, multiplied out
    if isinstance(right, sp.MatrixBase):
        added = sp.Matrix(right).copy()
        added[0, 0] = added[0, 0] + one
        found = [("term added", added)]
        if not _is_zero(sp.Matrix(right).doit()):
            found.append(("factor changed", 2 * sp.Matrix(right)))
        transposed = sp.Matrix(right).T
        if transposed.shape != right.shape or not _is_zero(sp.Matrix(right).doit() - transposed.doit()):
            found.append(("transposed", transposed))
        return found
    found = [("term added", right + one)]
    if not _is_zero(sp.sympify(right).doit()):
        found.append(("factor changed", 2 * right))
    return found


def caught(left, mutant, variables, equal, domain) -> bool:
    """Does the check of ``left = mutant`` fail? The numbers first (they are part of the
    check, and cheap); where they cannot decide, the whole check."""
    left_shape = tuple(left.shape) if isinstance(left, (sp.MatrixBase, sp.MatrixExpr)) else ()
    mutant_shape = tuple(mutant.shape) if isinstance(mutant, sp.MatrixBase) else ()
    if left_shape != mutant_shape:
        return True  # the shape check fails
    if compare(left, mutant, variables, domain=domain).agree is False:
        return True
    try:
        mc.check_derivation("mutant", [left, mutant], variables, equal=equal, domain=domain)
    except mc.CheckError:
        return True
    return False


KEYS = [k for k in [*matrix_calculus.FORMS, *derivation_forms.FORMS] if checked_pairs(k)]
SCORE = {}


@pytest.mark.parametrize("key", KEYS)
def test_every_mutant_of_a_checked_step_is_caught(key):
    survivors, total = [], 0
    for number, left, right, variables, equal in checked_pairs(key):
        for name, mutant in mutants(right, variables):
            total += 1
            if not caught(left, mutant, variables, equal, DOMAINS.get(key, (-2.0, 2.0))):
                survivors.append(f"step {number}: {name}")
    SCORE[key] = (total - len(survivors), total)
    print(f"\n{key}: {total - len(survivors)} of {total} mutants caught")
    assert not survivors, f"{key}: mutants not caught: {survivors}"


def test_a_check_that_compares_an_expression_with_itself_catches_no_mutant_of_the_left():
    """Why the ledger refuses such a step: the check of d = d cannot tell d from d + 1 when
    both sides move together (the mutant is of the form, not of one side)."""
    x = sp.Symbol("x", real=True)
    d = sp.Derivative(x**3, x)
    r = mc.check_derivation("k", [d, d], [x])
    assert r.passed and not r.steps[0].holds
    r = mc.check_derivation("k", [d + 1, d + 1], [x])
    assert r.passed  # a wrong form passes too: nothing was compared
