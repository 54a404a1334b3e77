"""Screenshots of every page of the built book, for a review by eye.

    python scripts/screenshots.py [--html _build/html] [--out _build/screenshots] [PAGE ...]

For each page of _toc.yml (or the PAGEs named, e.g. ``book/ledger``), at a phone's width
(390 px) and a desktop's (1280 px), in the light and the dark colour scheme (the theme
follows the system's, as a reader's browser reports it), once MathJax has typeset and every
widget is wired: one full-page PNG, ``<out>/<page>-<width>-<scheme>.png`` (the page's path
with ``/`` as ``-``). ``make screenshots`` runs it after ``make book``.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_weight import READY, pages  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# The book typesets formulas lazily, as they scroll into view: a full-page picture needs
# every one typeset first, as a reader who scrolls the page sees them.
TYPESET_ALL = """() => !window.MathJax || !MathJax.startup ? true : MathJax.startup.promise
  .then(() => MathJax.startup.document.lazyTypesetAll && MathJax.startup.document.lazyTypesetAll())
  .then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))))"""
WIDTHS = {390: 844, 1280: 900}
SCHEMES = ("light", "dark")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="pages to shoot (default: every page in the toc)")
    parser.add_argument("--html", default=str(ROOT / "_build" / "html"))
    parser.add_argument("--toc", default=str(ROOT / "_toc.yml"))
    parser.add_argument("--out", default=str(ROOT / "_build" / "screenshots"))
    args = parser.parse_args()
    if not (Path(args.html) / "index.html").exists():
        print(f"{args.html}/index.html is missing: run make book first", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=args.html))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    files = args.pages or pages(Path(args.toc))
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"])
        for scheme in SCHEMES:
            for width, height in WIDTHS.items():
                context = browser.new_context(viewport={"width": width, "height": height},
                                              color_scheme=scheme)
                page = context.new_page()
                for page_file in files:
                    page.goto(f"{base}/{page_file}.html", wait_until="load")
                    page.evaluate(READY)
                    page.evaluate(TYPESET_ALL)
                    page.evaluate("document.fonts.ready.then(() => true)")
                    path = out / f"{page_file.replace('/', '-')}-{width}-{scheme}.png"
                    page.screenshot(path=str(path), full_page=True)
                    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
                context.close()
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
