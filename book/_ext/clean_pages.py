"""A small Sphinx extension: no accessibility fault in myst-nb's hidden-cell markup.

myst-nb's "Show code cell source" toggle is a ``<summary aria-label="Toggle hidden
content">``: a name that differs from the visible text, which axe-core reports as a serious
violation (label-content-name-mismatch; speech-input users say what they see). The same
markup without the aria-label takes its name from the text it shows. (The theme's search
button had the same fault: book/_templates/search-button-field.html.)

This replaces the HTML visitor of myst-nb's ``HideCodeCellNode`` through Sphinx's public
``add_node(..., override=True)``; docs/architecture.md lists it with the upstream issue, and
tests/test_upstream.py fails when myst-nb's own markup changes.
"""
from __future__ import annotations

from html import escape


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
    return {"parallel_read_safe": True, "parallel_write_safe": True}
