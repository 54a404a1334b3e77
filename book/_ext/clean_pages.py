"""A small Sphinx extension: pages that load nothing from outside and log no console error.

- sphinx-thebe (loaded by Jupyter Book 1 on every page) registers its inline configuration
  script once per read phase, so pages declared ``const THEBE_JS_URL`` twice: a console
  error on every page. The book launches live code on Binder instead, so thebe's scripts
  (which point at unpkg.com) are removed altogether.
- Two extensions Jupyter Book loads do not declare whether they are safe for parallel
  reading, so Sphinx falls back to a serial read, with a warning (an error under -W).
  Both are safe, and are declared so here, which lets the notebooks execute on every core:
  sphinx-multitoc-numbering only replaces the toctree collector's assign_section_numbers,
  which runs in the main process after all documents are read; sphinx-jupyterbook-latex's
  read transforms only annotate the nodes of the document being read, and its other
  set-up happens at builder-inited, before the read processes fork.
- pydata-sphinx-theme logs "Got invalid theme mode" for a first-time visitor when its
  template variable ``default_mode`` is empty, which sphinx-book-theme leaves it; it is set
  to "auto" (follow the reader's system light/dark setting).
- myst-nb embeds each executed notebook's widget state in its page, for a widget manager
  to render the widgets from. The book renders each widget's plain-HTML form instead
  (``mathcalc.player``; ``nb_mime_priority_overrides`` in ``_config.yml``) and loads no
  widget manager, so that state, a second copy of every frame, is dropped from the page.
- pydata-sphinx-theme 0.17 puts a search field in a top navbar unless the theme option
  ``navbar_persistent`` is set, which sphinx-book-theme 1.3 does not do: every page had an
  empty full-width bar holding a second search field. The book's search stays where the
  theme puts it, in the primary sidebar.
- myst-nb's "Show code cell source" toggle is a ``<summary aria-label="Toggle hidden
  content">``: a name that differs from the visible text, which axe-core reports as a
  serious violation (label-content-name-mismatch; speech-input users say what they see).
  The same markup without the aria-label takes its name from the text it shows. (The
  theme's search button had the same fault: book/_templates/search-button-field.html.)
"""
from __future__ import annotations

from html import escape

PARALLEL_SAFE = ("sphinx_multitoc_numbering", "sphinx_jupyterbook_latex")


def _configure(app, config):
    config.html_theme_options.setdefault("navbar_persistent", [])  # no top search bar
    for name in PARALLEL_SAFE:
        extension = app.extensions.get(name)
        if extension is not None and extension.parallel_read_safe is None:
            extension.parallel_read_safe = True
    for event in ("env-before-read-docs", "doctree-resolved"):
        listeners = app.events.listeners.get(event, [])
        listeners[:] = [l for l in listeners
                        if not getattr(l.handler, "__module__", "").startswith("sphinx_thebe")]


def _default_mode(app, pagename, templatename, context, doctree):
    context.setdefault("default_mode", "auto")


def _drop_widget_state(app, pagename, templatename, context, doctree):
    data = getattr(app.env, "nb_metadata", {}).get(pagename, {})
    data.get("js_files", {}).pop("ipywidgets_state", None)


def visit_hide_cell(self, node):
    """myst-nb's visit_HideCellInput, less the summary's aria-label."""
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n')
    self.body.append("<summary>\n")
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def _hide_cell_markup(app):
    from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput

    app.add_node(HideCodeCellNode, override=True, html=(visit_hide_cell, depart_HideCellInput))


def setup(app):
    app.connect("builder-inited", _hide_cell_markup)
    app.connect("html-page-context", _default_mode)
    # before myst-nb adds the page's JavaScript (its listener has the default priority 500)
    app.connect("html-page-context", _drop_widget_state, priority=400)
    app.connect("config-inited", _configure, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
