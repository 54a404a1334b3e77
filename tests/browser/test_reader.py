"""What a reader meets on every page beyond the basics of test_pages: headings in order,
alt text on every figure, and the site's search working offline."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from .conftest import chapter_files
from .test_pages import PageVisit

PAGES = chapter_files()


@pytest.fixture
def visit(browser):
    visits = []

    def _open(url):
        visits.append(PageVisit(browser, url))
        return visits[-1]

    yield _open
    for v in visits:
        v.close()


@pytest.mark.parametrize("page_file", PAGES)
def test_headings_in_order_and_figures_described(visit, base_url, page_file):
    page = visit(f"{base_url}/{page_file}.html").page
    levels = page.evaluate("""() => [...document.querySelectorAll(
        ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map(h => 'main article ' + h).join(', '))]
        .map(h => Number(h.tagName[1]))""")
    assert levels and levels[0] == 1, f"the page does not start with one h1: {levels}"
    assert levels.count(1) == 1, f"more than one h1: {levels}"
    skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert not skips, f"heading levels skip: {skips}"
    undescribed = page.evaluate("""() => [...document.querySelectorAll('main img')]
        .filter(i => !i.alt || i.alt.includes('_images/') || /\\.(png|svg|jpe?g)$/.test(i.alt))
        .map(i => (i.alt || i.src).slice(0, 80))""")
    assert not undescribed, f"figures without a real alt text: {undescribed}"


@pytest.mark.parametrize("term", ["Jacobian", "gradient"])
def test_search_finds_chapters_offline(visit, base_url, term):
    v = visit(f"{base_url}/search.html?q={quote(term)}")
    v.page.wait_for_selector("#search-results li", timeout=20000)
    hits = v.page.locator("#search-results li").count()
    assert hits > 0
    assert not v.external and not v.errors
