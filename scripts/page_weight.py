"""Weigh every page of the built book and time it to interactive, in headless Chromium.

    python scripts/page_weight.py [--html _build/html] [--budget-mb 2] [--budget-s 2]

For each page of _toc.yml, with a cold browser cache:

- transferred: the bytes that crossed the network to show the page (HTML, scripts, styles,
  fonts, images; widget frames are inside the HTML), served as GitHub Pages serves them:
  text files (HTML, JS, CSS, JSON, SVG) gzip-compressed, fonts and images as they are;
- uncompressed: the same files' sizes on disk;
- again: the bytes transferred when the reader arrives from another page of the book
  (the landing page visited first, so the shared scripts, styles and fonts are cached);
- time to interactive: from navigation until MathJax has typeset and every widget's
  controls are wired (the player script marks each one ready).

Each at a desktop's width (1280 px) and a phone's (390 px). Then, per widget, its picture's
size on screen at both widths and the size of its smallest text there (the player's
``data-font-px``, the frames' smallest text in their own pixels, scaled as the picture is).

Prints Markdown tables and exits 1 if a page's cold transfer or time is over budget.
A benchmark, not a test: the times vary with the machine and its load.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import os
import sys
import threading
import time
from pathlib import Path

import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
COMPRESSED_TYPES = (".html", ".js", ".css", ".json", ".svg", ".txt", ".map", ".ttf")
READY = """() => new Promise(resolve => {
  const mj = window.MathJax && MathJax.startup ? MathJax.startup.promise : Promise.resolve();
  mj.then(() => {
    const want = document.querySelectorAll('.mathcalc-player').length;
    const poll = () => (document.querySelectorAll('.mathcalc-player[data-ready]').length >= want)
      ? resolve(true) : setTimeout(poll, 10);
    poll();
  });
})"""


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files as GitHub Pages does: gzip for text when asked, cacheable for 10
    minutes. Counts what it sends (``SENT``, and the files' own sizes in ``RAW``)."""

    SENT = [0]
    RAW = [0]
    LOCK = threading.Lock()

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            return super().send_head()
        data = path.read_bytes()
        body = data
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if "gzip" in self.headers.get("Accept-Encoding", "") and path.suffix in COMPRESSED_TYPES:
            body = gzip.compress(data, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with self.LOCK:
            self.SENT[0] += len(body)
            self.RAW[0] += len(data)
        return io.BytesIO(body)


def pages(toc_path: Path) -> list[str]:
    toc = yaml.safe_load(toc_path.read_text())
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [c["file"] for c in part.get("chapters", [])]
    return files


WIDTHS = {1280: 800, 390: 844}
# Each player's picture on screen and its smallest text there (CSS px).
WIDGETS = """() => [...document.querySelectorAll('.mathcalc-player[data-font-px]')].map(p => {
  const img = p.querySelector('img.mathcalc-frame'), box = p.querySelector('.mathcalc-frames');
  const r = box.getBoundingClientRect();
  const title = p.querySelector('.mathcalc-player-title');
  return {title: (title ? title.textContent : img.alt).slice(0, 60), width: r.width,
          height: r.height, text: parseFloat(p.dataset.fontPx) * img.getBoundingClientRect().width / img.naturalWidth};
})"""


def visit(context, url: str, widgets: list | None = None) -> tuple[int, int, float]:
    """(bytes sent, their uncompressed size, seconds to interactive) of one visit; the
    page's widgets, measured, are appended to ``widgets`` if given."""
    page = context.new_page()
    with GzipHandler.LOCK:
        GzipHandler.SENT[0] = GzipHandler.RAW[0] = 0
    start = time.perf_counter()
    page.goto(url, wait_until="load")
    page.evaluate(READY)
    seconds = time.perf_counter() - start
    page.evaluate("document.fonts.ready.then(() => true)")  # fonts load after first layout
    if widgets is not None:
        widgets += page.evaluate(WIDGETS)
    try:
        page.wait_for_load_state("networkidle", timeout=5000)
    except PlaywrightTimeout:
        print(f"note: {url} kept a connection open for 5 s after it was ready", file=sys.stderr)
    page.close()
    return GzipHandler.SENT[0], GzipHandler.RAW[0], seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", default=str(ROOT / "_build" / "html"))
    parser.add_argument("--toc", default=str(ROOT / "_toc.yml"))
    parser.add_argument("--budget-mb", type=float, default=2.0)
    parser.add_argument("--budget-s", type=float, default=2.0)
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=args.html))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    files = pages(Path(args.toc))
    rows, over, widgets = [], False, {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"])
        for width, height in WIDTHS.items():
            viewport = {"viewport": {"width": width, "height": height}}
            for page_file in files:
                context = browser.new_context(**viewport)  # a cold cache
                found = []
                cold, raw, seconds = visit(context, f"{base}/{page_file}.html", found)
                context.close()
                for k, w in enumerate(found):
                    widgets.setdefault((page_file, k), {})[width] = w
                context = browser.new_context(**viewport)  # from the landing page: shared files cached
                visit(context, f"{base}/{files[0]}.html")
                again, _, _ = visit(context, f"{base}/{page_file}.html")
                context.close()
                flag = cold / 1e6 > args.budget_mb or seconds > args.budget_s
                over |= flag
                rows.append((page_file, width, cold, raw, again, seconds, "over" if flag else "ok"))
        browser.close()
    server.shutdown()
    print(f"| page | width (px) | transferred, cold (MB) | uncompressed (MB) | from another page (MB) "
          f"| time to interactive (s) | budget {args.budget_mb:g} MB, {args.budget_s:g} s |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, width, cold, raw, again, seconds, verdict in rows:
        print(f"| {name} | {width} | {cold / 1e6:.2f} | {raw / 1e6:.2f} | {again / 1e6:.2f} "
              f"| {seconds:.2f} | {verdict} |")
    print()
    print("| page | widget | picture at 1280 px (CSS px) | smallest text | picture at 390 px | smallest text |")
    print("|---|---|---:|---:|---:|---:|")
    for (name, _), at in widgets.items():
        cells = [f"{at[w]['width']:.0f} x {at[w]['height']:.0f} | {at[w]['text']:.1f}"
                 if w in at else "- | -" for w in WIDTHS]
        title = next(iter(at.values()))["title"].replace("|", "/")
        print(f"| {name} | {title} | {' | '.join(cells)} |")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
