"""The built ledger page, landing page and errata page: the totals shown are the ones the
ledger's test counts, and every link to a checking cell, ledger entry or erratum lands on
an element of the page it names (read from the built HTML; needs `make book`)."""
from __future__ import annotations

import html
import re

from docutils.nodes import make_id

from mathcalc.content.errata import ERRATA
from mathcalc.content.ledger import LEDGER, totals
from mathcalc.content.ledger.page import cell_label, entry_label, erratum_label

BOOK = "book"


def _read(html_root, page: str) -> str:
    return (html_root / BOOK / page).read_text()


def _ids(text: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', text))


def _links(text: str) -> list[tuple[str, str]]:
    """(page, fragment) of every link with a fragment to a page of the book."""
    out = []
    for href in re.findall(r'<a [^>]*href="([^"]+)"', text):
        href = html.unescape(href)
        if "#" in href and "://" not in href:
            page, fragment = href.split("#", 1)
            out.append((page, fragment))
    return out


def test_the_landing_page_shows_the_totals_the_tests_count(html_root):
    text = _read(html_root, "index.html")
    table = re.search(r'<div class="ledger-totals[^"]*">(.*?)</table>', text, re.S)
    assert table, "index.html has no ledger totals"
    cells = [re.sub(r"<[^>]+>", "", c).strip()
             for c in re.findall(r"<td[^>]*>(.*?)</td>", table.group(1), re.S)]
    t = totals()
    assert cells[:3] == [str(t["equations"]), str(t["steps"]), str(t["checked"])]
    assert cells[3] == f"{t['erratum']} ({t['refuted']})"
    assert cells[6] == str(t['unchecked'])
    assert f"({100 * t['checked share']:.1f}%)" in cells[7]


def test_every_ledger_link_lands_on_its_cell_entry_or_erratum(html_root):
    ledger = _read(html_root, "ledger.html")
    pages = {}
    for e in LEDGER:
        assert f'id="{make_id(entry_label(e.key))}"' in ledger, e.key
        if e.where:
            chapter = e.where[0].removesuffix(".ipynb") + ".html"
            assert (chapter, make_id(cell_label(e.key))) in _links(ledger), e.key
    errata = _read(html_root, "errata.html")
    for err in ERRATA:
        assert f'id="{make_id(erratum_label(err.key))}"' in errata, err.key
        if err.ledger:
            assert ("ledger.html", make_id(entry_label(err.ledger))) in _links(errata), err.key
    for source in (ledger, errata):
        for page, fragment in _links(source):
            if not page:
                continue
            pages.setdefault(page, _ids(_read(html_root, page)))
            assert fragment in pages[page], f"{page}#{fragment} lands nowhere"
