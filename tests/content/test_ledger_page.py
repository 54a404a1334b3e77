"""The ledger's pages say what the ledger holds: the totals its test counts, every entry
once with its label, a link to the cell that checks it, and links to the errata."""
from __future__ import annotations

import json
import re

from mathcalc.content.errata import ERRATA
from mathcalc.content.ledger import LEDGER, Entry, entry, totals
from mathcalc.content.ledger import page
from mathcalc.content.reference import errata_markdown


def test_the_totals_table_holds_the_counted_totals():
    t = totals()
    row = page.totals_markdown().splitlines()[2]
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[:7] == [str(t["equations"]), str(t["steps"]), str(t["checked"]),
                         f"{t['erratum']} ({t['refuted']})", str(t["definition"]),
                         str(t["notation"]), str(t["unchecked"])]
    assert cells[7] == (f"{t['checked'] + t['refuted']} of "
                        f"{t['checked'] + t['unchecked'] + t['erratum']} "
                        f"({100 * t['checked share']:.1f}%)")



def _refuted_by_shape_alone() -> int:
    """The erratum steps whose checking cell's stored output refutes them by their shapes
    alone (no SymPy or numerical verdict): the ledger page and the landing page name them."""
    from tests.content.test_ledger import _cell, _text

    n = 0
    for e in LEDGER:
        for k, s in enumerate(e.steps, 1):
            if s.status == "erratum" and s.shown:
                out = _text(_cell(*e.where))
                n += bool(re.search(rf"^\s*step {k}: ✗ shape", out, re.M))
    return n


def test_the_landing_page_states_the_counted_totals():
    """book/index.md writes the checked share out in its first paragraph: it must be the
    ledger's, and so must its account of the steps that are not checked both ways."""
    from pathlib import Path

    text = " ".join((Path(__file__).parents[2] / "book" / "index.md").read_text().split())
    t = totals()
    steps = [s for e in LEDGER for s in e.steps]
    arithmetic = sum(s.status == "unchecked" and s.reason.startswith("arithmetic")
                     for s in steps)
    lost = sum(s.status == "unchecked" and "lost" in s.reason for s in steps)
    not_computable = t["erratum"] - t["refuted"]
    checkable = t["checked"] + t["unchecked"] + t["erratum"]
    both = t["checked"] + t["refuted"]
    assert arithmetic + lost == t["unchecked"]
    by_shape = _refuted_by_shape_alone()
    assert (f"of the {checkable} `=` in its display equations that are not definitions or "
            f"notation, {both} ({100 * t['checked share']:.1f}%) are confirmed or shown "
            f"wrong: {both - by_shape} both ways, and {by_shape} erratum steps by their shapes "
            f"alone (their two sides cannot be equal). The other {checkable - both} are "
            f"{arithmetic} steps of arithmetic") in text
    assert f"{lost} right-hand sides lost" in text
    ledger_md = " ".join(" ".join(
        "".join(c["source"]) for c in json.loads(
            (Path(__file__).parents[2] / "book" / "ledger.ipynb").read_text())["cells"]
        if c["cell_type"] == "markdown").split())
    word = ["no", "one", "two", "three", "four", "five"][by_shape]
    assert f"for {word} steps, by their shapes alone" in ledger_md
    assert f"({word} erratum steps, whose sides no value can make equal: those {word} are checked " \
           "by their shapes only)" in ledger_md
    assert f"and {not_computable} erratum steps that cannot be computed as printed" in text

def test_every_entry_appears_once_with_its_label_and_equation():
    text = page.ledger_markdown()
    for e in LEDGER:
        assert text.count(f"({page.entry_label(e.key)})=\n") == 1, e.key
        assert page.displayable(e.paper.strip()) in text
    assert text.count(f"```{{math}}\n:class: {page.PAPER_CLASS}\n") == len(LEDGER)


def test_a_checked_entry_links_to_its_cell_and_an_erratum_step_to_its_erratum():
    sample = (entry("9-1", "§9", "a = b = c", ["checked", "erratum E9-a: wrong"],
                    where=("notation.ipynb", "ledger-9-1")),
              entry("9-2", "§9", "a = b = c", ["definition: names a",
                                               "erratum E9-b, not computable: lost"]))
    text = page.ledger_markdown(sample)
    assert "1 of 2 `=` confirmed, 1 shown wrong, in [notation](#ledger-9-1)" in text
    assert "2. ✗ erratum, shown wrong ([E9-a](#erratum-e9-a)): wrong" in text
    assert "2. ✗ erratum, not computable as printed ([E9-b](#erratum-e9-b)): lost" in text
    assert "**9-2.** 0 of 2 `=` confirmed\n" in text
    assert "2 equations, 4 `=`: 1 confirmed, 1 definition, 0 notation, 2 errata." in text


def test_each_erratum_on_the_errata_page_has_a_label_and_links_its_ledger_entry():
    text = errata_markdown(ERRATA).data
    for err in ERRATA:
        assert f"({page.erratum_label(err.key)})=" in text
        if err.ledger:
            assert f"(#{page.entry_label(err.ledger)})" in text
    assert len(re.findall(r"\(erratum-[^)]+\)=", text)) == len(ERRATA)


def test_labels():
    assert page.cell_label("4.5.1-3") == "ledger-4.5.1-3"
    assert page.entry_label("4.5.1-3") == "ledger-entry-4.5.1-3"
    assert page.erratum_label("E4.5.1-a") == "erratum-e4.5.1-a"
    assert isinstance(LEDGER[0], Entry)


def test_an_array_that_uses_more_columns_than_it_declares_is_widened_for_latex():
    paper = r"\begin{array}{ll} u &= x^2 & (a) \\ y &= \sin(u) & (b) \end{array}"
    assert page.displayable(paper) == paper.replace("{ll}", "{lll}")
    right = r"\begin{array}{lll} u &= x^2 & (a) \end{array}"
    assert page.displayable(right) == right
    assert page.displayable(r"a = b \\ c = d") == r"a = b \\ c = d"
