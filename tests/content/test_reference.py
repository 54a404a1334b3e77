"""Tests for mathcalc.content.reference: the §8 tables, the errata grouping and the notation table."""
import dataclasses

import numpy as np
import pytest
import sympy as sp

from mathcalc.content import reference
from mathcalc.content.errata import ERRATA, Erratum
from mathcalc.rules import VECTOR_RULES, rule


def test_verify_rules_reports_every_rule():
    rules = [rule("add"), rule("sum"), rule("mul_scalar")]
    results = reference.verify_rules(rules, ns=(1, 3), rng=0)
    assert set(results) == {"add", "sum", "mul_scalar"}
    for r in results.values():
        assert r.passed and r.what.endswith("n = 1, 3")
        assert r.errors["finite differences"] < 1e-6 and r.errors["JVP/VJP"] < 1e-10


def test_a_wrong_rule_fails_verification():
    good = rule("mul")
    wrong = dataclasses.replace(good, key="mul_wrong",
                                jacobian={"w": good.jacobian["x"], "x": good.jacobian["x"]})
    with pytest.raises(AssertionError, match="mul_wrong.*n = 2"):
        reference.verify_rules([wrong], ns=(2,))


@pytest.mark.parametrize("ns", [(), (0,), (1.5,)])
def test_verify_rules_bad_ns(ns):
    with pytest.raises(ValueError):
        reference.verify_rules([rule("add")], ns=ns)


def test_rule_table_rows_and_headers():
    rules = [r for r in VECTOR_RULES if r.kind == "element-wise"]
    results = reference.verify_rules(rules, ns=(1,))
    md = reference.rule_table(rules, results).data
    lines = md.splitlines()
    assert len(lines) == 2 + len(rules)
    assert r"With respect to $\mathbf{w}$" in lines[0]
    assert r"\operatorname{diag}(\mathbf{x})" in md and md.count("✓") == len(rules)
    with pytest.raises(ValueError, match="not verified"):
        reference.rule_table([rule("sum")], results)
    with pytest.raises(ValueError):
        reference.rule_table([], results)


def test_rows_show_the_rules_own_latex():
    rules = [rule("exp"), rule("relu")]
    md = reference.rule_table(rules, reference.verify_rules(rules, ns=(1,))).data
    for r in rules:
        assert r.jacobian_latex["x"] in md


def test_rules_by_kind_covers_every_rule_once_in_paper_order():
    groups = reference.rules_by_kind(VECTOR_RULES)
    keys = [r.key for _, rules in groups for r in rules]
    assert sorted(keys) == sorted(r.key for r in VECTOR_RULES)
    titles = [t for t, _ in groups]
    assert titles.index("§8.2 Element-wise binary operators") < titles.index("§8.4 Vector reductions")
    odd = dataclasses.replace(rule("add"), key="odd", kind="tensor")
    assert reference.rules_by_kind([odd]) == [("Other rules: tensor", [odd])]


def test_section_key_orders_like_the_paper():
    sections = ["§10", "§8.2", "§4.5.1", "§6", "§6.1", "§4.2"]
    assert sorted(sections, key=reference.section_key) == ["§4.2", "§4.5.1", "§6", "§6.1", "§8.2", "§10"]
    with pytest.raises(ValueError):
        reference.section_key("intro")


def test_errata_grouped_in_paper_order_and_complete():
    groups = reference.errata_sections(ERRATA)
    assert sum(len(es) for _, es in groups) == len(ERRATA)
    keys = [reference.section_key(s) for s, _ in groups]
    assert keys == sorted(keys)
    md = reference.errata_markdown(ERRATA).data
    assert md.count("The paper:") == len(ERRATA) and "### §8.2" in md


def test_errata_include_the_reference_sections_findings():
    found = {(e.section, e.kind) for e in ERRATA}
    assert ("§8.2", "typo") in found and ("§8.4", "error") in found and ("§10", "misleading") in found
    assert all(e.kind in {"typo", "error", "misleading"} for e in ERRATA)


def test_errata_markdown_of_a_new_entry():
    e = Erratum("§9", "typo", "A summary.", r"a^2", r"a^3", "somewhere")
    md = reference.errata_markdown([e]).data
    assert "### §9" in md and "$$\na^2\n$$" in md and "`somewhere`" in md


def test_an_erratum_that_quotes_the_papers_words_is_a_block_quote_that_wraps():
    e = Erratum("§9", "misleading", "A summary.",
                r"\text{the Jacobian is always } m \text{ rows for } m \text{ equations}", r"a^3", "")
    md = reference.errata_markdown([e]).data
    assert "> the Jacobian is always $m$ rows for $m$ equations\n" in md
    assert "$$\na^3\n$$" in md


def test_notation_list_evaluates_the_code():
    x = sp.Symbol("x")
    md = reference.notation_list([(r"I", "identity", "sp.eye(2)"), (r"n", "number", "len(v)"),
                                  (r"d", "derivative", "sp.diff(x**2, x)"),
                                  (r"a", "array", "np.arange(3)"), (r"f", "float", "1 / 4")],
                                 {"sp": sp, "np": np, "x": x, "v": [1, 2]}).data
    assert "$I$\n: identity. `sp.eye(2)` gives" in md
    assert r"\begin{matrix}1 & 0\\0 & 1\end{matrix}" in md
    assert "`2`" in md and "$2 x$" in md and "`[0, 1, 2]`" in md and "`0.25`" in md
    with pytest.raises(ValueError, match="fails"):
        reference.notation_list([("x", "bad", "undefined_name")], {})


def test_the_books_notation_entries_all_evaluate():
    ns = reference.notation_namespace()
    for entries in (reference.NOTATION, reference.NOTATION_NUMPY):
        md = reference.notation_list(entries, ns).data
        assert md.count("` gives ") == len(entries)
    md = reference.notation_list(reference.NOTATION, ns).data
    assert "`len(x_vec)` gives `3`" in md and "`(x**3).subs(x, 2)` gives $8$" in md


def test_errata_summary_counts_every_entry_by_kind():
    from mathcalc.content.errata import ERRATA
    from mathcalc.content.reference import errata_summary

    lines = errata_summary(ERRATA).data.splitlines()
    kinds = sorted({e.kind for e in ERRATA})
    assert lines[0] == "| " + " | ".join(["Section", "Entries", *kinds]) + " |"
    total = lines[-1].strip("| ").split(" | ")
    assert total[0] == "all" and int(total[1]) == len(ERRATA)
    assert sum(int(c) for c in total[2:]) == len(ERRATA)


def test_errata_for_renders_only_the_given_sections():
    from mathcalc.content.errata import ERRATA
    md = reference.errata_for(ERRATA, "§6.2").data
    n = sum(e.section == "§6.2" for e in ERRATA)
    assert md.count(" (§6.2), ") == n and "(§6.1)" not in md
    assert all(f"**{e.key} (§6.2), {e.kind}.**" in md for e in ERRATA if e.section == "§6.2")
    assert md.count("The paper:") == n and md.count("Correct:") == n
    assert md.count("$$") // 2 + md.count("\n> ") == 2 * n  # each form displayed or quoted
    with pytest.raises(ValueError, match="no errata"):
        reference.errata_for(ERRATA, "§99")
