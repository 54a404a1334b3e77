"""Weigh every page of the built book and time it to interactive, in headless Chromium.

    python scripts/page_weight.py [--html _build/html] [--budget-mb 2] [--budget-s 2]

For each page of _toc.yml: the bytes the browser transferred to show it (the HTML, scripts,
styles, fonts, images; widget frames are inside the HTML's embedded state), and the time
from navigation until the page is interactive: MathJax has typeset and every widget has
rendered. Prints a Markdown table and exits 1 if a page is over budget. A benchmark, not a
test: numbers vary with the machine.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
import threading
import time
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
READY = """() => new Promise(resolve => {
  const mj = window.MathJax && MathJax.startup ? MathJax.startup.promise : Promise.resolve();
  mj.then(() => {
    const want = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length;
    const poll = () => (document.querySelectorAll('.jupyter-widgets.widget-vbox, .jupyter-widgets.widget-box').length >= want)
      ? resolve(true) : setTimeout(poll, 20);
    poll();
  });
})"""


def pages(toc_path: Path) -> list[str]:
    toc = yaml.safe_load(toc_path.read_text())
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [c["file"] for c in part.get("chapters", [])]
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", default=str(ROOT / "_build" / "html"))
    parser.add_argument("--toc", default=str(ROOT / "_toc.yml"))
    parser.add_argument("--budget-mb", type=float, default=2.0)
    parser.add_argument("--budget-s", type=float, default=2.0)
    args = parser.parse_args()
    html = Path(args.html)
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass

    handler = functools.partial(Quiet, directory=str(html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows, over = [], False
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"])
        for page_file in pages(Path(args.toc)):
            context = browser.new_context()  # a cold cache for every page
            page = context.new_page()
            sizes = []
            page.on("response", lambda r: sizes.append(len(r.body()) if r.ok else 0))
            start = time.perf_counter()
            page.goto(f"{base}/{page_file}.html", wait_until="load")
            page.evaluate(READY)
            seconds = time.perf_counter() - start
            page.wait_for_load_state("networkidle")
            mb = sum(sizes) / 1e6
            html_mb = (html / f"{page_file}.html").stat().st_size / 1e6
            flag = mb > args.budget_mb or seconds > args.budget_s
            over |= flag
            rows.append((page_file, html_mb, mb, seconds, "over budget" if flag else "ok"))
            context.close()
        browser.close()
    server.shutdown()
    print(f"| page | HTML (MB) | transferred (MB) | time to interactive (s) | budget {args.budget_mb} MB, {args.budget_s} s |")
    print("|---|---:|---:|---:|---|")
    for name, html_mb, mb, seconds, verdict in rows:
        print(f"| {name} | {html_mb:.2f} | {mb:.2f} | {seconds:.2f} | {verdict} |")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
