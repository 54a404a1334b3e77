"""A small Sphinx extension: the equation ledger's links, and its totals on any page.

- A code cell that checks a ledger entry carries the cell tag ``ledger-KEY``
  (``mathcalc.content.ledger``); myst-nb turns a tag into the class ``tag_ledger-KEY`` of
  the cell's container and gives the cell no anchor of its own. Here each such cell gets
  the id and the label ``ledger-KEY``, so the ledger page links to the cell itself (a
  label, not a position: cells move). A cell tag that two cells share is a build error.
- The directive ``ledger-totals`` writes the ledger's totals (the numbers its test counts,
  ``mathcalc.content.ledger.totals``) as a table, computed when the page is built.
"""
from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

PREFIX = "tag_ledger-"
logger = logging.getLogger(__name__)


def label_tagged_cells(app, doctree) -> None:
    std = app.env.domains["std"]
    docname = app.env.docname
    for node in doctree.findall(nodes.container):
        for cls in node.get("classes", []):
            if not cls.startswith(PREFIX):
                continue
            name = cls[len("tag_"):].lower()
            if name in std.labels and std.labels[name][0] != docname:
                logger.warning("cell tag %s is on cells of %s and %s", name,
                               std.labels[name][0], docname, location=node)
            node_id = nodes.make_id(name)
            if node_id not in node["ids"]:
                node["ids"].append(node_id)
            std.anonlabels[name] = (docname, node_id)
            std.labels[name] = (docname, node_id, name)


class LedgerTotals(SphinxDirective):
    """``{ledger-totals}``: the ledger's totals as a table."""

    has_content = False

    def run(self):
        from mathcalc.content.ledger.page import totals_markdown

        container = nodes.container(classes=["ledger-totals"])
        self.state.nested_parse(StringList(totals_markdown().splitlines()),
                                self.content_offset, container)
        return [container]


def setup(app):
    app.connect("doctree-read", label_tagged_cells)
    app.add_directive("ledger-totals", LedgerTotals)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
