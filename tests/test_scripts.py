"""The repository scripts: deterministic notebook execution output and verified vendoring."""
import base64
import hashlib
import importlib.util
import io
import sys
import tarfile
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]


def load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_normalise_drops_run_dependent_metadata_and_renumbers_widgets():
    ex = load("execute_notebooks")
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


def test_consecutive_stream_outputs_are_merged():
    ex = load("execute_notebooks")
    out = [nbformat.v4.new_output("stream", name="stdout", text="a\n"),
           nbformat.v4.new_output("stream", name="stdout", text="b\n"),
           nbformat.v4.new_output("stream", name="stderr", text="c\n"),
           nbformat.v4.new_output("execute_result", data={"text/plain": "1"}, execution_count=1),
           nbformat.v4.new_output("stream", name="stdout", text="d\n")]
    merged = ex.merge_streams(out)
    assert [o.get("text") for o in merged] == ["a\nb\n", "c\n", None, "d\n"]


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
    vj = load("vendor_js")
    data = _tarball({"package/require.js": b"define()"})
    monkeypatch.setattr(vj.urllib.request, "urlopen", lambda url, timeout: io.BytesIO(data))
    with pytest.raises(SystemExit, match="integrity mismatch"):
        vj._download("https://example.invalid/x.tgz", "sha512-AAAA")


def test_vendor_extracts_only_wanted_files(monkeypatch, tmp_path):
    vj = load("vendor_js")
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


def test_template_override_is_the_themes_macros_without_font_awesome_js():
    """book/_templates/static/webpack-macros.html must track the installed theme's file,
    less the Font Awesome script (and its comment), so a theme upgrade cannot go stale."""
    import pydata_sphinx_theme

    theme = (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
             / "static" / "webpack-macros.html").read_text()
    ours = (ROOT / "book" / "_templates" / "static" / "webpack-macros.html").read_text()
    body = ours.split("-#}\n", 1)[1]
    expected = "".join(line for line in theme.splitlines(keepends=True)
                       if "fontawesome.js" not in line and "custom icons" not in line)
    assert body.rstrip("\n") == expected.rstrip("\n")
    assert "fontawesome.js" in theme and "fontawesome.js" not in body


def test_search_button_override_is_the_themes_named_by_its_text():
    """book/_templates/search-button-field.html is the installed theme's file,
    with the aria-label that differed from the visible text (axe-core:
    label-content-name-mismatch) replaced by aria-keyshortcuts, the shortcut hidden."""
    import pydata_sphinx_theme

    theme = (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
             / "components" / "search-button-field.html").read_text()
    ours = (ROOT / "book" / "_templates" / "search-button-field.html").read_text()
    body = ours.split("-#}\n", 1)[1]
    expected = theme.replace(''' aria-label="{{ _('Search') }}"''', ' aria-keyshortcuts="Control+K"')
    expected = expected.replace('<span class="search-button__kbd-shortcut">',
                                '<span class="search-button__kbd-shortcut" aria-hidden="true">')
    assert expected != theme, "the theme's search button changed: review the override"
    assert body == expected


def test_hide_cell_toggle_is_myst_nbs_without_the_aria_label():
    """book/_ext's visitor for myst-nb's hidden cells writes myst-nb's markup, less the
    summary's aria-label (a name that differed from its visible text)."""
    import sys
    from types import SimpleNamespace

    from myst_nb.sphinx_ import visit_HideCellInput

    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    try:
        import clean_pages
    finally:
        sys.path.remove(str(ROOT / "book" / "_ext"))
    node = {"classes": ["above-input"], "prompt_show": "Show code cell source",
            "prompt_hide": "Hide code cell source"}
    theirs, ours = SimpleNamespace(body=[]), SimpleNamespace(body=[])
    visit_HideCellInput(theirs, node)
    clean_pages.visit_hide_cell(ours, node)
    assert '<summary aria-label="Toggle hidden content">\n' in theirs.body
    assert ours.body == ["<summary>\n" if part.startswith("<summary") else part
                         for part in theirs.body]


def test_latex_table_template_is_sphinxs_with_the_matrix_branch():
    """book/_templates/tabulary.tex.jinja is the installed Sphinx's template, its tabulary
    kept whole in the else branch, so a Sphinx upgrade cannot leave it stale."""
    import sphinx

    theirs = (Path(sphinx.__file__).parent / "templates" / "latex" / "tabulary.tex.jinja").read_text()
    ours = (ROOT / "book" / "_templates" / "tabulary.tex.jinja").read_text()
    body = ours.split("#>\n", 1)[1]
    start = body.index("<% if 'mathcalc-matrices' in table.classes -%>")
    end = body.index("<% else -%>\n", start) + len("<% else -%>\n")
    branch = body[start:end]
    rest = (body[:start] + body[end:]).replace("<% endif -%>\n\\sphinxtableafterendhook",
                                               "\\sphinxtableafterendhook")
    assert rest == theirs
    assert "\\begin{tabular}" in branch and "\\resizebox{\\linewidth}" in branch


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


def _pair(stored_outputs, executed_outputs, tags=()):
    """A stored notebook and its executed copy, one code cell each."""
    def nb(outputs):
        cell = nbformat.v4.new_code_cell("x", execution_count=1, metadata={"tags": list(tags)})
        cell.outputs = [nbformat.from_dict(o) for o in outputs]
        return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# t"), cell])
    return nb(stored_outputs), nb(executed_outputs)


def _result(text, png="AAAA"):
    return {"output_type": "execute_result", "execution_count": 1, "metadata": {},
            "data": {"text/plain": text, "image/png": png}}


def test_compare_outputs_finds_what_nbval_finds_and_ignores_what_it_ignores():
    co = load("compare_outputs")
    assert co.compare(*_pair([_result("1")], [_result("1", png="BBBB")])) == []  # PNG not compared
    assert co.compare(*_pair([_result("<f at 0x7f00>")], [_result("<f at 0x7fab>")])) == []  # sanitized
    assert co.compare(*_pair([_result("<Figure size 640x480 with 1 Axes>")],
                             [_result("<Figure size 640x480 with 2 Axes>")])) == []
    changed = co.compare(*_pair([_result("1")], [_result("2")]))
    assert len(changed) == 1 and "outputs differ" in changed[0] and "text/plain" in changed[0]
    assert co.compare(*_pair([_result("1")], [_result("2")], tags=["nbval-ignore-output"])) == []
    error = {"output_type": "error", "ename": "ValueError", "evalue": "no", "traceback": []}
    assert "raised ValueError" in co.compare(*_pair([], [error]))[0]
    assert co.compare(*_pair([error], [error], tags=["raises-exception"])) == []
    missing = co.compare(*_pair([_result("1")], []))
    assert "outputs differ" in missing[0]


def _stream(text, name="stdout"):
    return {"output_type": "stream", "name": name, "text": text}


def _merge_streams_extension():
    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    try:
        import merge_streams
    finally:
        sys.path.remove(str(ROOT / "book" / "_ext"))
    return merge_streams


def test_the_page_shows_a_cells_prints_as_written_wherever_the_kernel_cut_them(monkeypatch):
    """The CI run of 2026-12-03 failed on autodiff cell 9: the kernel cut `print(line)` between
    the line and its newline, and myst-nb's merge (strip each piece, add a newline) showed a
    blank line that no print wrote. The build's merge joins the pieces as written."""
    from myst_nb.core import render
    from myst_nb.core.utils import coalesce_streams
    ms = _merge_streams_extension()
    text = "4 x 4 Jacobian: ok\n[[2.3 0.3]\n [0.2 3.1]]\n"
    for cut in range(1, len(text)):
        pieces = [nbformat.from_dict(_stream(text[:cut])), nbformat.from_dict(_stream(text[cut:]))]
        assert [o["text"] for o in ms.merge_streams(pieces)] == [text]
        assert [o["text"] for o in pieces] == [text[:cut], text[cut:]]  # not merged in place
    # myst-nb's own merge fails that (the reason for the extension): a blank line appears
    cut = text.index("\n")
    assert coalesce_streams([nbformat.from_dict(_stream(text[:cut])),
                             nbformat.from_dict(_stream(text[cut:]))])[0]["text"] != text
    # as myst-nb: trailing blank lines trimmed, \r and \b applied, stdout before an adjacent stderr
    merged = ms.merge_streams([nbformat.from_dict(o) for o in
                               (_stream("a\n\n"), _stream("w\n", "stderr"), _stream("\n"),
                                _stream("10%\r100%\n", "stderr"), _stream("b\n"),
                                _stream("ab\x08c\n"))])
    assert [(o["name"], o["text"]) for o in merged] == [("stdout", "a\n\n\nb\nac\n"),
                                                          ("stderr", "w\n100%\n")]
    result = {"output_type": "execute_result", "data": {}, "metadata": {}, "execution_count": 1}
    assert ms.merge_streams([nbformat.from_dict(result)]) == [result]
    # the extension puts it where myst-nb's renderer calls it (MditRenderMixin)
    monkeypatch.setattr(render, "coalesce_streams", coalesce_streams)
    ms.setup(None)
    fake = SimpleNamespace(
        nb_client=SimpleNamespace(code_cell_outputs=lambda index: (1, [
            nbformat.from_dict(_stream(text[:cut])), nbformat.from_dict(_stream(text[cut:]))])),
        get_cell_level_config=lambda *args, **kwargs: True)
    token = SimpleNamespace(meta={"index": 0, "metadata": {}}, map=[0, 1])
    count, outputs = render.MditRenderMixin._get_nb_code_cell_outputs(fake, token)
    assert [o["text"] for o in outputs] == [text]
    monkeypatch.delattr(render, "coalesce_streams")
    with pytest.raises(Exception, match="no coalesce_streams"):
        ms.setup(None)


def test_a_built_page_shows_a_print_cut_before_its_newline_as_printed(tmp_path):
    """A one-notebook book with the extension: a flush cuts a print before its newline (two
    stream messages, for sure); the page shows the two lines and no blank line between."""
    import shutil
    import subprocess
    (tmp_path / "_ext").mkdir()
    shutil.copy(ROOT / "book" / "_ext" / "merge_streams.py", tmp_path / "_ext")
    (tmp_path / "_config.yml").write_text(
        "title: t\nexecute:\n  execute_notebooks: force\nsphinx:\n  local_extensions:\n"
        "    merge_streams: _ext\n  config:\n    nb_merge_streams: true\n")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: index\n")
    cell = nbformat.v4.new_code_cell('import sys, time\nsys.stdout.write("first line")\n'
                                     'sys.stdout.flush(); time.sleep(0.3)\nprint("\\nsecond line")')
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T"), cell])
    notebook.metadata.kernelspec = {"name": "python3", "display_name": "Python 3",
                                    "language": "python"}
    nbformat.write(notebook, tmp_path / "index.ipynb")
    subprocess.run([str(Path(sys.executable).parent / "jupyter-book"), "build", str(tmp_path),
                    "-q", "-W"], check=True, capture_output=True, timeout=300)
    executed = nbformat.read(tmp_path / "_build" / "jupyter_execute" / "index.ipynb", 4)
    assert [o.text for o in executed.cells[1].outputs] == ["first line", "\nsecond line\n"]
    page = (tmp_path / "_build" / "html" / "index.html").read_text()
    assert "first line\nsecond line\n</pre>" in page


def test_compare_outputs_merges_streams_as_the_page_shows_them():
    co = load("compare_outputs")
    out = _stream

    def compare(stored, executed, tags=()):
        return co.compare(*_pair(stored, executed, tags))

    # the kernel sent the prints as one message or as several, cut anywhere: the same page
    assert compare([out("a\nb\n")], [out("a\n"), out("b\n")]) == []
    assert compare([out("a\n"), out("b\n")], [out("a\nb\n")]) == []
    assert compare([out("line\n[[1]]\n")], [out("line"), out("\n[[1]]\n")]) == []
    assert compare([out("a b\n")], [out("a "), out("b\n")]) == []
    assert compare([out("a\nb\n")], [out("a\n"), out("b\n"), out("c\n", "stderr")]) != []
    assert compare([out("a\n"), out("b\n", "stderr")], [out("a\n"), out("b\n", "stderr")]) == []
    # the trailing blank line the page trims, and real changes
    assert compare([out("a\n")], [out("a\n"), out("\n")]) == []
    assert compare([out("a\n\n")], [out("a\n")]) == []
    assert compare([out("a\n")], [out("b\n")])
    assert compare([out("a\nb\n")], [out("a\n\nb\n")])  # a blank line printed
    assert compare([out("a\n")], [out("a\n"), out("a\n")])  # a print that really ran twice
    # an executed copy merged in place by myst-nb's own merge (the extension not loaded)
    from myst_nb.core.utils import coalesce_streams
    in_place = [nbformat.from_dict(out("a\n")), nbformat.from_dict(out("b\n"))]
    coalesce_streams(in_place)
    assert compare([out("a\nb\n")], in_place)


def test_compare_outputs_refuses_a_stale_build(tmp_path):
    co = load("compare_outputs")
    stored, executed = _pair([_result("1")], [_result("1")])
    executed.cells[1].source = "y"
    assert "other code cells" in co.compare(stored, executed)[0]
