"""A small Sphinx extension: a cell's printed text is shown as the kernel printed it.

The kernel sends a cell's prints to the page in messages cut on a timer, so the same cell
can arrive as one stream output or as several, cut anywhere: ``print(a)`` writes ``a`` and
then its newline, and a cut between them is common under load. myst-nb (``nb_merge_streams``
in ``_config.yml``) joins the pieces with its ``coalesce_streams``, which strips each piece
of trailing blanks and adds a newline after each: a cut after ``a`` showed a blank line
that no print wrote (the CI run of 2026-12-03, autodiff cell 9), a cut inside a line broke
the line in two, and it merges in place, so the executed copy in _build/jupyter_execute
holds the merged text and the pieces again.

Here myst-nb's renderer uses ``merge_streams`` instead: the pieces of each stream are joined
as written (what nbval and ``scripts/execute_notebooks.py`` do), then, as myst-nb does,
trailing blank lines are trimmed, ``\\r`` and ``\\b`` applied, and stdout put before an
adjacent stderr. The outputs it is given are not changed. ``scripts/compare_outputs.py``
compares with the same function, so what is compared is what the page shows.
"""
from __future__ import annotations

import copy
import re

from myst_nb.core import render
from sphinx.errors import ExtensionError

# A carriage return not ending the line: the text before it on that line was overwritten.
_RGX_CARRIAGERETURN = re.compile(r".*\r(?=[^\n])")
# A backspace and the character it erases (myst-nb's own pattern, r"[^\n]\b", is a word
# boundary, not a backspace; its loop never runs, so it erases nothing).
_RGX_BACKSPACE = re.compile("[^\n]\x08")


def _as_displayed(text: str) -> str:
    """A stream's text as a terminal shows it: backspaces and carriage returns applied."""
    old = None
    while old != text:  # a backspace removes the character before it, repeatedly
        old, text = text, _RGX_BACKSPACE.sub("", text)
    return _RGX_CARRIAGERETURN.sub("", text)


def merge_streams(outputs: list) -> list:
    """One stream output per name (stdout, stderr), its text the pieces joined as written.

    The stream outputs returned are new; the others are the ones given. Nothing given is
    changed, so the executed copy in _build/jupyter_execute keeps the kernel's pieces.
    """
    merged, streams = [], {}
    for output in outputs:
        if output["output_type"] != "stream":
            merged.append(output)
        elif output["name"] in streams:
            streams[output["name"]]["text"] += output["text"]
        else:
            streams[output["name"]] = copy.deepcopy(output)
            merged.append(streams[output["name"]])
    for output in streams.values():
        output["text"] = _as_displayed(output["text"]).rstrip() + "\n"
    for i, output in enumerate(merged):  # stdout before stderr, as myst-nb orders them
        if (output["output_type"] == "stream" and output["name"] == "stderr"
                and i + 1 < len(merged) and merged[i + 1]["output_type"] == "stream"
                and merged[i + 1]["name"] == "stdout"):
            merged.insert(i, merged.pop(i + 1))
    return merged


def setup(app):
    if not callable(getattr(render, "coalesce_streams", None)):
        raise ExtensionError("merge_streams: myst_nb.core.render has no coalesce_streams to "
                             "replace (myst-nb changed: see book/_ext/merge_streams.py)")
    render.coalesce_streams = merge_streams
    return {"parallel_read_safe": True, "parallel_write_safe": True}
