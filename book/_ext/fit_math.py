"""A small Sphinx extension: every display equation of the book fits the text column.

After a page is read, each display equation (a ``$$`` block of a chapter's prose, a
``text/latex`` output of a code cell, the ledger's and the errata's copies of the paper)
goes through :func:`mathcalc.display.fit.fit`, which breaks a chain of equalities that is
too wide for the column into aligned lines, one step a line, as the paper's PDF prints its
derivations, and leaves every other equation as it is. The notebooks keep their TeX as
written (in JupyterLab the column is the window's width); the HTML book and the PDF get
the broken lines. The browser tests measure every display equation at desktop width.
"""
from __future__ import annotations

from docutils import nodes

from mathcalc.display.fit import fit


def fit_display_math(app, doctree) -> None:
    for node in doctree.findall(nodes.math_block):
        if node.get("nowrap"):
            continue  # an amsmath environment, set by its author
        tex = node.astext()
        fitted = fit(tex)
        if fitted != tex:
            node.children = [nodes.Text(fitted)]


def setup(app):
    # after the post-transforms: a code cell's output becomes math only there (myst-nb picks
    # its MIME type late)
    app.connect("doctree-resolved", lambda app, doctree, docname: fit_display_math(app, doctree))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
