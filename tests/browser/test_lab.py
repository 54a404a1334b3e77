"""What the README promises for `make lab`, live: JupyterLab from the project's environment
(requirements-lab.txt, as `make lab` installs it), each chapter that has widgets opened,
Run All, and then: no error output (but in cells tagged raises-exception), the live
ipywidgets render, and moving each slider changes the picture.

The server runs on a free localhost port with no token, on a copy of book/ (JupyterLab
saves notebooks it has run), with its own settings, workspaces and runtime folders. One
JupyterLab page serves the chapters in turn: each is opened in it, run, and closed with its
kernel shut down (the app itself takes 3-4 s to load).
LAB_DEBUG=FILE saves the page of a failing chapter there."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from .conftest import ROOT

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
RUN_TIMEOUT_S = 240


def widget_notebooks() -> list[str]:
    """The chapters whose stored outputs hold a widget."""
    names = []
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        if any(WIDGET_VIEW in o.get("data", {}) for c in nb.cells for o in c.get("outputs", [])):
            names.append(path.name)
    return names


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory):
    if shutil.which("jupyter-lab", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("JupyterLab is missing: install requirements-lab.txt (make setup)")
    home = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "book", home / "book", ignore=shutil.ignore_patterns(
        "_assets", "_build", ".ipynb_checkpoints"))
    settings = home / "settings"
    # every cell stays in the DOM (JupyterLab 4 windows long notebooks); no news fetched
    (settings / "@jupyterlab" / "notebook-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings").write_text(
        json.dumps({"windowingMode": "none"}))
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    port = free_port()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"))
    env.pop("MATHCALC_PHONE_FRAMES", None)  # a reader's kernel: no phone frames for the book
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
               "--ServerApp.ip=127.0.0.1", "--ServerApp.token=", "--ServerApp.password=",
               "--ServerApp.port_retries=0", f"--ServerApp.root_dir={home / 'book'}",
               "--LabApp.expose_app_in_browser=True",
               f"--LabApp.user_settings_dir={settings}",
               f"--LabApp.workspaces_dir={home / 'workspaces'}"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = open(home / "server.log", "w")
    server = subprocess.Popen(command, cwd=home, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start: {(home / 'server.log').read_text()[-2000:]}")
                time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


# The open notebook, from JupyterLab's own model (window.jupyterapp).
NOTEBOOK_STATE = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const ctx = panel.sessionContext;
  const cells = panel.content.widgets.filter(c => c.model.type === 'code');
  return {
    kernel: ctx.session && ctx.session.kernel ? ctx.session.kernel.status : null,
    cells: cells.length,
    executed: cells.filter(c => c.model.executionCount !== null).length,
    busy: cells.filter(c => c.node.querySelector('.jp-InputPrompt') &&
                            c.node.querySelector('.jp-InputPrompt').textContent.includes('*')).length,
    errors: cells.flatMap((c, i) => {
      const tags = c.model.getMetadata('tags') || [];
      return c.model.outputs.toJSON()
        .filter(o => o.output_type === 'error' && !tags.includes('raises-exception'))
        .map(o => `code cell ${i}: ${o.ename}: ${o.evalue}`);
    }),
    stderr: cells.flatMap((c, i) => c.model.outputs.toJSON()
        .filter(o => o.output_type === 'stream' && o.name === 'stderr')
        .map(o => `code cell ${i}: ${[].concat(o.text).join('')}`.slice(0, 300))),
  };
}"""

# The picture a slider drives: the visible images of the widget the slider is in (one
# frame, or a layered widget's stack: a base PNG under SVG layers).
VISIBLE_FRAME = """slider => {
  const widget = slider.closest('.jp-OutputArea-output');
  const shown = [...widget.querySelectorAll('img')].filter(i => i.offsetParent !== null);
  return shown.map(i => i.alt + ' ' + i.src.length + ' ' + i.src.slice(-40));
}"""


def run_all(page) -> dict:
    page.wait_for_function("""() => { const p = window.jupyterapp && window.jupyterapp.shell.currentWidget;
        return p && p.sessionContext && p.sessionContext.session && p.sessionContext.session.kernel
            && p.sessionContext.session.kernel.status === 'idle'; }""", timeout=60000)
    page.evaluate("window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    # not awaited: the command's promise can outlive the run; poll the model instead
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    deadline = time.monotonic() + RUN_TIMEOUT_S
    state = page.evaluate(NOTEBOOK_STATE)
    idle_since = None
    while time.monotonic() < deadline:
        page.wait_for_timeout(300)
        state = page.evaluate(NOTEBOOK_STATE)
        if state["executed"] == state["cells"] and state["kernel"] == "idle" and not state["busy"]:
            return state
        # Run All stops at an error: an idle kernel with cells left over for a while
        if state["kernel"] == "idle" and not state["busy"] and state["errors"]:
            idle_since = idle_since or time.monotonic()
            if time.monotonic() - idle_since > 3:
                return state
    pytest.fail(f"Run All did not finish in {RUN_TIMEOUT_S} s: {state}")


def move(page, slider) -> None:
    """One step with the keyboard, as a reader would: right, or left from the last value."""
    handle = slider.locator(".noUi-handle").first
    handle.focus()
    at_end = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
    page.keyboard.press("ArrowLeft" if at_end else "ArrowRight")


def picture_changes(page, slider, before, timeout_ms=10000) -> list:
    """The slider's picture once it differs from ``before`` (the link runs in the browser,
    through the widget models), or as it is after ``timeout_ms``."""
    waited = 0
    while True:
        after = slider.evaluate(VISIBLE_FRAME)
        if after != before or waited >= timeout_ms:
            return after
        page.wait_for_timeout(100)
        waited += 100


@pytest.fixture(scope="module")
def lab(browser, lab_url):
    """One JupyterLab page for the module's chapters (the app loads once; each chapter is
    opened in it, run and closed), and the page errors seen while a test runs."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{lab_url}/lab/workspaces/test", wait_until="load")
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.commands"
                           ".hasCommand('docmanager:open')", timeout=60000)
    page.evaluate("() => window.jupyterapp.restored")
    yield page, errors
    context.close()


OPEN = """async name => {
  const panel = await window.jupyterapp.commands.execute('docmanager:open', {path: name});
  await panel.context.ready;
  await panel.sessionContext.ready;
  window.jupyterapp.shell.activateById(panel.id);
}"""


@pytest.mark.parametrize("name", widget_notebooks())
def test_chapter_runs_in_jupyterlab_and_its_sliders_move_the_picture(lab, name):
    page, page_errors = lab
    page_errors.clear()
    try:
        page.evaluate(OPEN, name)
        page.wait_for_function(f"() => {{ const p = window.jupyterapp.shell.currentWidget;"
                               f" return p && p.context && p.context.path === {json.dumps(name)}"
                               f" && p.content; }}", timeout=60000)
        state = run_all(page)
        assert not state["errors"], f"{name}: error outputs: {state['errors']}"
        assert state["executed"] == state["cells"], f"{name}: Run All stopped: {state}"
        assert not state["stderr"], f"{name}: stderr: {state['stderr']}"
        stored = nbformat.read(ROOT / "book" / name, as_version=4)
        n_widgets = sum(WIDGET_VIEW in o.get("data", {}) for c in stored.cells
                        for o in c.get("outputs", []))
        widgets = page.locator(".jp-OutputArea-output:has(> .jupyter-widgets)")  # live views
        widgets.first.wait_for(timeout=30000)
        assert widgets.count() == n_widgets, f"{name}: {widgets.count()} live widgets, stored {n_widgets}"
        assert page.locator(".mathcalc-player").count() == 0, "the static player shows, not the live widget"
        sliders = page.locator(".jp-OutputArea-output:has(> .jupyter-widgets) .widget-slider")
        sliders.first.wait_for(timeout=30000)
        assert sliders.count() >= n_widgets
        for k in range(sliders.count()):
            slider = sliders.nth(k)
            slider.scroll_into_view_if_needed()
            before = slider.evaluate(VISIBLE_FRAME)
            assert before, f"{name} slider {k}: no picture shown"
            move(page, slider)
            after = picture_changes(page, slider, before)
            assert len(after) == len(before) and after != before, \
                f"{name} slider {k}: the picture did not change ({before} -> {after})"
        assert not page_errors, f"{name}: page errors: {page_errors}"
    except Exception:
        if os.environ.get("LAB_DEBUG"):
            Path(os.environ["LAB_DEBUG"]).write_text(page.content())
        raise
    finally:
        # free the kernel (chapters' kernels would share two cores) and close the chapter
        # unsaved, so that the next one starts from a page with no other notebook
        try:
            page.evaluate("""async () => { const p = window.jupyterapp.shell.currentWidget;
                await p.sessionContext.shutdown(); p.context.model.dirty = false; p.dispose(); }""")
        except Exception:
            pass
