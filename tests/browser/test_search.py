"""The site's search, which readers use offline too: it finds the chapters."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from .test_pages import PageVisit


@pytest.fixture
def visit(browser):
    visits = []

    def _open(url):
        visits.append(PageVisit(browser, url))
        return visits[-1]

    yield _open
    for v in visits:
        v.close()


@pytest.mark.parametrize("term", ["Jacobian", "gradient"])
def test_search_finds_chapters_offline(visit, base_url, term):
    v = visit(f"{base_url}/search.html?q={quote(term)}")
    v.page.wait_for_selector("#search-results li", timeout=20000)
    assert v.page.locator("#search-results li").count() > 0
    assert not v.external and not v.errors
