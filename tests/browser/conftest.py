"""Fixtures for the browser tests: the built book served on localhost and headless
Debian Chromium driven by Playwright. Needs `make book` first (make test does it).

BOOK_HTML and BOOK_TOC (environment) point the tests at another build and table of
contents, e.g. a partial build of a few chapters while writing them; CHROMIUM at another
Chromium binary (default: Debian's /usr/bin/chromium)."""
from __future__ import annotations

import functools
import os
import http.server
import threading
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
HTML = Path(os.environ.get("BOOK_HTML", ROOT / "_build" / "html"))
TOC = Path(os.environ.get("BOOK_TOC", ROOT / "_toc.yml"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# axe-core from npm, pinned and checksummed (scripts/vendor_js.py --tests; make browser)
AXE = ROOT / "tests" / "browser" / "vendor" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync",
                 "--disable-quic"]


def pytest_collection_modifyitems(items):
    """Every test in this folder is a browser test (make check leaves them out)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def chapter_files() -> list[str]:
    """Every page in _toc.yml (root and chapters), as paths relative to the book root."""
    toc = yaml.safe_load(TOC.read_text())
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [c["file"] for c in part.get("chapters", [])]
    return files


@pytest.fixture(scope="session")
def html_root() -> Path:
    if not (HTML / "index.html").exists():
        pytest.fail(f"{HTML / 'index.html'} is missing: build the book first (make book)")
    return HTML


@pytest.fixture(scope="session")
def base_url(html_root):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(html_root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session", autouse=True)
def axe_vendored():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `python scripts/vendor_js.py --tests` (make browser does)")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install the Debian package chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()
