"""The repository scripts: deterministic notebook execution output and verified vendoring."""
import base64
import re
import hashlib
import io
import sys
import tarfile
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

from .conftest import load_script

ROOT = Path(__file__).resolve().parents[1]


def test_normalise_drops_run_dependent_metadata_and_renumbers_widgets():
    ex = load_script("execute_notebooks")
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"widgets": {"state": {}}, "language_info": {"name": "python", "version": "3.11.7"}}
    cell = nbformat.v4.new_code_cell("w")
    cell.metadata["execution"] = {"iopub.execute_input": "2026-01-01T00:00:00Z"}
    view = {"version_major": 2, "version_minor": 0, "model_id": "a1b2c3d4e5"}
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        "text/plain": "w", "application/vnd.jupyter.widget-view+json": view})]
    nb.cells = [nbformat.v4.new_markdown_cell("x"), cell]
    ex.normalise(nb)
    assert "widgets" not in nb.metadata
    assert nb.metadata["language_info"] == {"name": "python"}
    assert "execution" not in nb.cells[1].metadata
    assert nb.cells[1].outputs[0]["data"]["application/vnd.jupyter.widget-view+json"]["model_id"] \
        == "cell001-widget01"


def _stream(text, name="stdout"):
    return nbformat.v4.new_output("stream", name=name, text=text)


def test_a_cells_streams_are_stored_one_per_name_as_printed():
    ex = load_script("execute_notebooks")
    out = [_stream("a\n"), _stream("b\n"), _stream("c\n", "stderr"),
           nbformat.v4.new_output("execute_result", data={"text/plain": "1"}, execution_count=1),
           _stream("d\n")]
    merged = ex.canonical_streams(out)
    assert [(o.get("name"), o.get("text")) for o in merged] == [
        ("stdout", "a\nb\nd\n"), ("stderr", "c\n"), (None, None)]


@pytest.mark.parametrize("cut", range(len("first line\nsecond line\n") + 1))
def test_wherever_the_kernel_cuts_a_print_the_stored_text_is_the_same(cut):
    ex = load_script("execute_notebooks")
    text = "first line\nsecond line\n"
    pieces = [_stream(text[:cut]), _stream(text[cut:])]
    assert [o["text"] for o in ex.canonical_streams(pieces)] == [text]


def test_stored_streams_show_what_a_terminal_shows():
    ex = load_script("execute_notebooks")
    assert ex.as_displayed("10%\r50%\r100%\ndone\n") == "100%\ndone\n"
    assert ex.as_displayed("abc\x08\x08d\n") == "ad\n"
    assert ex.as_displayed("x\n\n\n") == "x\n"
    assert ex.as_displayed("no newline") == "no newline\n"
    assert ex.as_displayed("\n\n") == ""
    out = ex.canonical_streams([_stream("warn\n", "stderr"), _stream("ok\n")])
    assert [o["name"] for o in out] == ["stdout", "stderr"]


def test_every_stored_cell_holds_its_streams_as_a_reader_sees_them():
    """One stream output per name, no carriage return or backspace, no trailing blank line:
    what `make execute` writes, and what the book renders unmerged (nb_merge_streams off)."""
    ex = load_script("execute_notebooks")
    bad = []
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            streams = [o for o in cell.get("outputs", []) if o["output_type"] == "stream"]
            names = [o["name"] for o in streams]
            if len(names) != len(set(names)):
                bad.append(f"{path.name}:{cell.id}: {names}")
            bad += [f"{path.name}:{cell.id}: {o['text'][-40:]!r}" for o in streams
                    if o["text"] != ex.as_displayed(o["text"]) or "\r" in o["text"]
                    or "\x08" in o["text"]]
    assert not bad, f"stored streams not in their canonical form (make execute): {bad}"


def test_every_notebook_is_committed_with_outputs_and_deterministic_ids():
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert code and any(c.outputs for c in code), f"{path.name}: no outputs stored"
        unexecuted = [c.id for c in code if c.source.strip() and c.execution_count is None]
        assert not unexecuted, f"{path.name}: cells never executed: {unexecuted}"
        assert "widgets" not in nb.metadata, f"{path.name}: stored widget state"
        for c in code:
            assert "execution" not in c.metadata, f"{path.name}: timing metadata"
            for out in c.outputs:
                view = out.get("data", {}).get("application/vnd.jupyter.widget-view+json")
                if view:
                    assert view["model_id"].startswith("cell"), f"{path.name}: random model id"


def _tarball(files):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def test_vendor_refuses_a_tarball_with_the_wrong_integrity(monkeypatch, tmp_path):
    vj = load_script("vendor_js")
    data = _tarball({"package/require.js": b"define()"})
    monkeypatch.setattr(vj.urllib.request, "urlopen", lambda url, timeout: io.BytesIO(data))
    with pytest.raises(SystemExit, match="integrity mismatch"):
        vj._download("https://example.invalid/x.tgz", "sha512-AAAA")


def test_vendor_extracts_only_wanted_files(monkeypatch, tmp_path):
    vj = load_script("vendor_js")
    data = _tarball({"package/require.js": b"define()", "package/bin/r.js": b"x",
                     "package/require.js.map": b"{}"})
    integrity = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    monkeypatch.setattr(vj, "PACKAGES", {"requirejs": {
        "version": "0", "tarball": "r.tgz", "integrity": integrity, "strip": "package/",
        "keep": ["require.js"], "dest": "requirejs"}})
    monkeypatch.setattr(vj.urllib.request, "urlopen", lambda url, timeout: io.BytesIO(data))
    vj.vendor(tmp_path / "v")
    files = sorted(p.relative_to(tmp_path / "v").as_posix() for p in (tmp_path / "v").rglob("*") if p.is_file())
    assert files == ["requirejs/require.js", "versions.json"]


def test_every_figure_in_the_notebooks_has_alt_text():
    """A figure outside a widget is an image/png output; its cell must carry alt text
    (cell metadata mystnb.image.alt), which the HTML book puts on the <img>."""
    missing = []
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            figures = [o for o in cell.outputs if "image/png" in o.get("data", {})
                       and "application/vnd.jupyter.widget-view+json" not in o["data"]]
            alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt", "")
            if figures and len(alt) < 20:
                missing.append(f"{path.name}:{cell.id}")
    assert not missing, f"figures without alt text: {missing}"


def test_every_widget_output_carries_its_static_html_form():
    """The book renders a widget from its text/html (no widget manager on the pages): a
    widget output without one would show as bare text in the HTML book."""
    missing, players = [], 0
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                if "application/vnd.jupyter.widget-view+json" in data:
                    if 'class="mathcalc-player"' in data.get("text/html", ""):
                        players += 1
                    else:
                        missing.append(f"{path.name}:{cell.id}")
    assert not missing, f"widget outputs without a text/html player: {missing}"
    assert players >= 10


def test_tables_of_matrices_are_marked_for_the_pdf_only():
    import sys
    from types import SimpleNamespace

    from docutils import nodes

    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    try:
        import fit_tables
    finally:
        sys.path.remove(str(ROOT / "book" / "_ext"))

    def table(*cells):
        body = nodes.tbody("", nodes.row("", *[nodes.entry("", *c) for c in cells]))
        return nodes.table("", nodes.tgroup("", body, cols=len(cells)))

    matrix = nodes.paragraph("", "", nodes.math(text=r"\left[\begin{matrix}1 & 2\end{matrix}\right]"))
    words = nodes.paragraph(text="checked")
    doc = nodes.document(None, None)
    listed = nodes.bullet_list("", nodes.list_item("", words.deepcopy()))
    marked, plain, two, lists = (table([matrix.deepcopy()], [words.deepcopy()]),
                                 table([nodes.paragraph("", "", nodes.math(text="x^2"))]),
                                 table([matrix.deepcopy(), words.deepcopy()]),
                                 table([matrix.deepcopy()], [listed]))
    doc += [marked, plain, two, lists]
    fit_tables.fit_tables(SimpleNamespace(builder=SimpleNamespace(format="html")), doc)
    assert not any(t["classes"] for t in (marked, plain, two, lists))  # HTML untouched
    fit_tables.fit_tables(SimpleNamespace(builder=SimpleNamespace(format="latex")), doc)
    assert marked["classes"] == [fit_tables.CLASS]
    # no matrix; a cell of two paragraphs; a list (neither fits a natural-width column)
    assert plain["classes"] == two["classes"] == lists["classes"] == []


def test_widget_frames_go_to_files_of_their_own_in_the_html_book(tmp_path, monkeypatch):
    """book/_ext/frame_files.py: each player's JSON of frames becomes a script file under
    _static/frames (named by its hash, reached from the page's folder) and the element
    keeps only where to load it; the PDF's doctree is left as it is."""
    import sys
    from types import SimpleNamespace

    from docutils import nodes

    from mathcalc.display import widgets

    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    try:
        import frame_files
    finally:
        sys.path.remove(str(ROOT / "book" / "_ext"))

    def line(ax, slope=1.0):
        ax.plot([0, 1], [0, slope])

    monkeypatch.setenv("MATHCALC_PHONE_FRAMES", "1")  # as the book's outputs are made
    page = widgets.explore(line, {"slope": [0.0, 1.0]}).html
    doc = nodes.document(None, None)
    doc += nodes.raw("", page, format="html")
    latex = SimpleNamespace(builder=SimpleNamespace(format="latex"), outdir=str(tmp_path))
    frame_files.frames_to_files(latex, doc, "book/jacobians")
    assert doc.astext() == page
    html_app = SimpleNamespace(builder=SimpleNamespace(format="html"), outdir=str(tmp_path))
    frame_files.frames_to_files(html_app, doc, "book/jacobians")
    out = doc.astext()
    moved = re.findall(r'class="(mathcalc-\w+-data)"[^>]* data-src="\.\./_static/frames/(\w+)\.js" '
                       r'data-key="\2"></script>', out)
    assert [cls for cls, _ in moved] == ["mathcalc-frame-data", "mathcalc-narrow-data"]
    for cls, key in moved:
        inline = re.search(rf'class="{cls}"[^>]*>(.*?)</script>', page, re.S).group(1)
        text = (tmp_path / "_static" / "frames" / f"{key}.js").read_text()
        assert text == f'(window.mathcalcFrames = window.mathcalcFrames || {{}})["{key}"] = {inline};\n'
    assert out.count("data:image/png") == 1  # only the shown frame stays in the page


@pytest.mark.integration
def test_execute_talks_to_its_kernel_over_ipc_and_prints_no_warning(tmp_path):
    """make execute starts each kernel on local IPC sockets, not TCP, so ipykernel prints
    no 'running over TCP without encryption' warning (nor any other) a reader cannot act on;
    the kernel still runs the cell."""
    import subprocess

    import nbformat

    path = tmp_path / "one.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "execute_notebooks.py"), str(path)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stderr == "", run.stderr
    assert nbformat.read(path, as_version=4).cells[0].outputs[0]["text"] == "42\n"
    config = load_script("execute_notebooks").kernel_config(str(tmp_path))
    assert config.KernelManager.transport == "ipc"
    assert config.KernelManager.ip.startswith(str(tmp_path))
