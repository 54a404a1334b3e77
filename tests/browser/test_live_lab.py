"""The three neuron widgets live in JupyterLab (kernel running): the chapters' `layered`
cells, run in a scratch notebook, show their picture, and each slider, moved with the
keyboard, changes it. Skipped where JupyterLab is not installed (`make lab` installs it)."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from .conftest import ROOT

pytest.importorskip("jupyterlab")
CHAPTERS = ["neuron-gradient", "loss-gradient-weights", "loss-gradient-bias"]
ALTS = """() => [...document.querySelectorAll('.widget-html-content img.mathcalc-frame')].map(i => i.alt)"""


def layered_cells() -> list[str]:
    cells = []
    for name in CHAPTERS:
        nb = json.loads((ROOT / "book" / f"{name}.ipynb").read_text())
        cells += ["".join(c["source"]) for c in nb["cells"]
                  if c["cell_type"] == "code" and "widgets.layered(" in "".join(c["source"])]
    return cells


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "from mathcalc.display import plots, widgets")] + [
        nbformat.v4.new_code_cell(src) for src in layered_cells()])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, root / "live.ipynb")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--allow-root", "--no-browser", f"--port={port}",
         "--ServerApp.token=", "--ServerApp.password=", "--ServerApp.ip=127.0.0.1",
         "--LabApp.expose_app_in_browser=True", f"--LabApp.user_settings_dir={root / 'settings'}",
         f"--LabApp.workspaces_dir={root / 'ws'}", f"--ServerApp.root_dir={root}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    yield f"http://127.0.0.1:{port}/lab/tree/live.ipynb"
    server.terminate()
    server.wait(20)


def test_layered_widgets_respond_live_in_jupyterlab(browser, lab_url):
    assert len(layered_cells()) == 3
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for _ in range(60):  # the server takes a few seconds to start
        try:
            page.goto(lab_url, timeout=10000)
            break
        except Exception:
            time.sleep(1)
    page.wait_for_function("window.jupyterapp && window.jupyterapp.shell", timeout=60000)
    page.wait_for_selector(".jp-Notebook", timeout=60000)
    page.wait_for_function("() => document.querySelector('.jp-Notebook .jp-Cell') !== null")
    page.wait_for_timeout(2000)
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(f"() => ({ALTS})().length === 3", timeout=180000)
    handles = page.locator(".noUi-handle")
    assert handles.count() == 9
    for k in range(9):
        before = page.evaluate(ALTS)
        handles.nth(k).scroll_into_view_if_needed()
        handles.nth(k).focus()
        page.keyboard.press("ArrowLeft")
        page.wait_for_function(f"before => JSON.stringify(({ALTS})()) !== JSON.stringify(before)",
                               arg=before, timeout=20000)
        after = page.evaluate(ALTS)
        assert sum(a != b for a, b in zip(before, after)) == 1, f"slider {k}"
    assert not errors, errors
    page.close()
