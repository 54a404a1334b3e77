"""A small Sphinx extension: a widget's frames in files of their own, loaded when shown.

Each kernel-free widget (mathcalc.display.player) carries its frames as JSON in
``<script type="application/json">`` elements: the frames drawn for a desktop column
(``mathcalc-frame-data`` or ``mathcalc-layer-data``) and those drawn for a phone
(``mathcalc-narrow-data``). Inline, a page would carry both layouts' frames to every
reader. In the HTML book each such JSON goes to ``_static/frames/<key>.js`` (a script that
sets ``window.mathcalcFrames[key]``, which also works from a page opened from disk, where
``fetch`` is not allowed), and the element keeps only ``data-src`` and ``data-key``: the
player's script loads the file of the layout it shows (a phone never loads the desktop
frames, nor a desktop the phone's). The notebooks keep their JSON inline (Jupyter, nbviewer).
The key is a hash of the JSON, so the same frames give the same file.
"""
from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

from docutils import nodes

DATA = re.compile(r'<script type="application/json" class="(mathcalc-(?:frame|layer|narrow)-data)"'
                  r'([^>]*)>(.*?)</script>', re.S)
FOLDER = "_static/frames"


def _externalise(app, text: str, docname: str) -> str:
    def move(match: re.Match) -> str:
        cls, attrs, data = match.groups()
        key = hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]
        path = Path(app.outdir) / FOLDER / f"{key}.js"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f'(window.mathcalcFrames = window.mathcalcFrames || {{}})["{key}"] = {data};\n',
                            encoding="utf-8")
        src = posixpath.relpath(f"{FOLDER}/{key}.js", posixpath.dirname(docname) or ".")
        return (f'<script type="application/json" class="{cls}"{attrs} data-src="{src}" '
                f'data-key="{key}"></script>')

    return DATA.sub(move, text)


def frames_to_files(app, doctree, docname) -> None:
    if app.builder.format != "html":
        return
    for node in doctree.findall(nodes.raw):
        if "html" in node.get("format", "").split() and "mathcalc-player" in node.astext():
            node.children = [nodes.Text(_externalise(app, node.astext(), docname))]


def setup(app):
    # after the post-transforms, when myst-nb has turned each widget's output into raw HTML
    app.connect("doctree-resolved", frames_to_files)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
