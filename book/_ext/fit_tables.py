"""A small Sphinx extension: in the PDF, a table of matrices fits the line, its columns never
running into each other.

Sphinx sets a table in LaTeX as ``tabulary``, whose columns share the line by their
content's natural width and wrap their text. A matrix cannot wrap, so a squeezed column of
matrices ran into its neighbour (the reference chapter's chain-rule table, the
matrix-derivatives identities). This marks each table of a LaTeX build that holds a matrix
(and whose cells are one paragraph each) with the class ``mathcalc-matrices``; the
template ``book/_templates/tabulary.tex.jinja`` sets such a table as a ``tabular`` at its
natural width and, where that is wider than the line, scales it down to the line (TeX
measures; nothing is estimated). HTML is untouched (its tables scroll).
"""
from __future__ import annotations

from docutils import nodes

CLASS = "mathcalc-matrices"


def holds_matrix(table: nodes.table) -> bool:
    """A matrix in some cell, and every cell empty or one paragraph (a natural-width
    column holds one line: no lists, no second paragraph)."""
    entries = list(table.findall(nodes.entry))
    if not all(len(e.children) <= 1 and all(isinstance(c, nodes.paragraph) for c in e.children)
               for e in entries):
        return False
    return any(r"\begin{matrix}" in m.astext() for m in table.findall(nodes.math))


def fit_tables(app, doctree) -> None:
    if app.builder.format != "latex":
        return
    for table in doctree.findall(nodes.table):
        if holds_matrix(table) and CLASS not in table["classes"]:
            table["classes"].append(CLASS)


def setup(app):
    app.connect("doctree-resolved", lambda app, doctree, docname: fit_tables(app, doctree))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
