"""Every place the book leans on an upstream internal or copies an upstream file
(docs/architecture.md, "Upstream patches") has a test here that fails when upstream moves:
the copy no longer matches its source plus our change, the name we replace is gone, or the
upstream behaviour we work around has changed (then the patch may be dropped)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
import yaml

from .conftest import load_script

ROOT = Path(__file__).resolve().parents[1]


def _config() -> dict:
    return yaml.safe_load((ROOT / "_config.yml").read_text())


def test_the_books_extensions_are_jupyter_books_less_thebe():
    """_config.yml lists Jupyter Book's default extensions, less sphinx_thebe, then ours:
    a Jupyter Book release that changes its list must be followed by hand."""
    from jupyter_book.config import get_default_sphinx_config

    config = _config()
    theirs = get_default_sphinx_config()["extensions"]
    ours = config["sphinx"]["config"]["extensions"]
    local = list(config["sphinx"]["local_extensions"])
    assert "sphinx_thebe" in theirs, "Jupyter Book no longer loads thebe: drop the list"
    assert ours == [e for e in theirs if e != "sphinx_thebe"] + local


def test_the_theme_reads_the_mode_and_navbar_settings_we_set():
    """html_context's default_mode and the theme option navbar_persistent are names
    pydata-sphinx-theme reads; sphinx-book-theme sets no default_mode and leaves
    navbar_persistent empty (which pydata-sphinx-theme fills with a search field)."""
    import pydata_sphinx_theme
    import sphinx_book_theme

    theme = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
    assert 'dataset.mode = localStorage.getItem("mode") || "{{ default_mode }}"' in \
        (theme / "layout.html").read_text()
    assert "navbar_persistent" in (theme / "theme.conf").read_text()
    book_theme = Path(sphinx_book_theme.__file__).parent
    assert not any("default_mode" in p.read_text() for p in book_theme.rglob("*.py"))
    assert "\nnavbar_persistent =\n" in (book_theme / "theme" / "sphinx_book_theme" /
                                        "theme.conf").read_text()
    options = _config()["sphinx"]["config"]
    assert options["html_context"]["default_mode"] == "auto"
    assert options["html_theme_options"]["navbar_persistent"] == []


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


def test_sidebar_is_the_themes_with_the_brand_in_a_landmark():
    """_config.yml's html_sidebars is sphinx-book-theme's default list with navbar-logo.html
    in book/_templates/book-brand.html (which includes the theme's own navbar-logo.html
    inside a <nav>): a theme that changes its list, or drops navbar-logo.html, fails here."""
    import pydata_sphinx_theme
    import sphinx_book_theme

    conf = (Path(sphinx_book_theme.__file__).parent / "theme" / "sphinx_book_theme"
            / "theme.conf").read_text()
    theirs = [s.strip() for s in conf.split("\nsidebars =", 1)[1].split("\n", 1)[0].split(",")]
    ours = _config()["sphinx"]["config"]["html_sidebars"]["**"]
    assert ours == ["book-brand.html" if s == "navbar-logo.html" else s for s in theirs]
    assert (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
            / "components" / "navbar-logo.html").exists()
    brand = (ROOT / "book" / "_templates" / "book-brand.html").read_text()
    assert '<nav class="mathcalc-brand" aria-label="Book">{% include "navbar-logo.html" %}</nav>' in brand


def test_hide_cell_toggle_is_myst_nbs_without_the_aria_label():
    """book/_ext's visitor for myst-nb's hidden cells writes myst-nb's markup, less the
    summary's aria-label (a name that differed from its visible text)."""
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


# A chapter of one plot, for nbval: the figure is the stored output it compares.
PLOT = """import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(2, 2))
ax.plot([0, 1], [0, {top}])
plt.show()"""


@pytest.mark.integration
def test_nbval_compares_images_with_the_books_hook_and_not_without(tmp_path):
    """book/conftest.py takes image/png off nbval's skip list: a notebook whose stored figure
    differs from a fresh execution's fails under it, and passes under nbval's defaults (the
    reason for the hook; if this half fails, nbval compares images itself: drop the hook)."""
    execute_notebooks = load_script("execute_notebooks")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(PLOT.format(top=1))])
    path = tmp_path / "plot.ipynb"
    nbformat.write(nb, path)
    execute_notebooks.execute(path, root=tmp_path)
    stored = nbformat.read(path, as_version=4)
    assert "image/png" in stored.cells[0].outputs[0]["data"]
    stored.cells[0].source = PLOT.format(top=2)  # the plot changed, its stored picture not
    nbformat.write(stored, path)

    def nbval(*extra):
        return subprocess.run([sys.executable, "-m", "pytest", "--nbval", "-q", "-p",
                               "no:cacheprovider", "--rootdir", str(tmp_path), *extra,
                               str(path)], cwd=tmp_path, capture_output=True, text=True)

    without = nbval()
    assert without.returncode == 0, without.stdout[-2000:]
    (tmp_path / "conftest.py").write_text((ROOT / "book" / "conftest.py").read_text())
    with_hook = nbval()
    assert with_hook.returncode == 1, with_hook.stdout[-2000:]
    assert "mismatch 'image/png'" in with_hook.stdout
