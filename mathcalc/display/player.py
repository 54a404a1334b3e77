"""The static-HTML form of a kernel-free widget: sliders and frames in plain HTML.

A page of the built book has no kernel and, to stay light, no widget manager (the
ipywidgets HTML manager is 4.4 MB of JavaScript). Each widget from
:mod:`mathcalc.display.widgets` therefore also carries this ``text/html`` form, which the book
renders in place of the live widget:

- one ``<input type="range">`` per parameter, over the *indices* of its values, inside a
  ``<label>`` that names it, with an ``<output>`` showing the value;
- the shown frame as an ``<img>`` with alt text, and the frames (PNG data and alt text)
  in a JSON ``<script>``, in row-major order over the parameters (the last parameter
  varies fastest), ``null`` in the shown one's place: the player's script makes the other
  ``<img>``s from it;
- for an animation, a Play button;
- for a layered widget (:func:`layered_player_html`), one set of frames per layer, each
  over the sliders it depends on, stacked in one box, with the top frame's alt text as a
  visible caption (JSON ``{"layers": [{"dims", "frames"}]}``).

A script inside the player, ``mathcalc/display/player.js`` (about 80 lines, no dependencies),
wires the controls: moving a slider shows frame ``index = ((i_0 · n_1) + i_1) · n_2 + …``;
Play advances the first slider every ``data-interval`` ms. Being inside, it works wherever
the HTML is shown with its scripts (the book, nbviewer, a front end without ipywidgets).
Without the script (JupyterLab shows an untrusted notebook's HTML without its scripts) the
default frame shows, the controls stay disabled and a note says where they work. Once the
cell has run in Jupyter, the live widget (the ``widget-view`` output) takes precedence.
"""
from __future__ import annotations

import base64
import html
import json
from collections.abc import Sequence
from importlib import resources

import numpy as np

# Shown, with the controls disabled, until the player's script runs: where the HTML is
# shown without its script (a notebook opened in Jupyter before its cells run), the
# sliders do not pretend to work.
STATIC_NOTE = ("A static copy: the controls work in the HTML book, or once this cell has run "
               "in Jupyter.")
PLAYER_JS = resources.files("mathcalc.display").joinpath("player.js").read_text(encoding="utf-8")


def _attr(text: str) -> str:
    return html.escape(str(text), quote=True)


def _data_uri(png: bytes | str) -> str:
    """A PNG's bytes as a ``data:`` URI; a string is taken to be a URI already (an SVG)."""
    if isinstance(png, str):
        return png
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def frame_index(indices: Sequence[int], shape: Sequence[int]) -> int:
    """The row-major position of the frame for slider ``indices`` on a grid of ``shape``."""
    if len(indices) != len(shape):
        raise ValueError(f"{len(indices)} indices for {len(shape)} sliders")
    position = 0
    for i, n in zip(indices, shape):
        if not 0 <= i < n:
            raise ValueError(f"slider index {i} is outside 0..{n - 1}")
        position = position * n + i
    return position


def narrow_data(payload, font_px: float | None) -> str:
    """The frames drawn for a narrow screen, as the JSON ``<script>`` the player reads:
    a list of [URI, alt text] (one-layer player) or ``{"layers": [{"dims", "frames"}]}``
    (the top layer's frames [URI, alt text], the others URIs), no frame left out."""
    data = json.dumps(payload, ensure_ascii=False).replace("</", "<\\/")
    font = f' data-font-px="{font_px:.1f}"' if font_px else ""
    return f'<script type="application/json" class="mathcalc-narrow-data"{font}>{data}</script>'


def _controls(names, labels, start, title, play_interval, font_px) -> list[str]:
    """The player's opening tag, title, sliders (and Play) and the static note."""
    interval = f' data-interval="{int(play_interval)}"' if play_interval else ""
    font = f' data-font-px="{font_px:.1f}"' if font_px else ""
    parts = [f'<div class="mathcalc-player"{interval}{font}>']
    if title:
        parts.append(f'<p class="mathcalc-player-title"><strong>{html.escape(title)}</strong></p>')
    parts.append('<div class="mathcalc-controls">')
    if play_interval:
        parts.append('<button type="button" class="mathcalc-play" aria-pressed="false" '
                     'disabled>Play</button>')
    for name, ls, i in zip(names, labels, start):
        parts.append(
            f'<label class="mathcalc-control"><span class="mathcalc-name">{html.escape(name)}'
            f'</span><input type="range" class="mathcalc-slider" min="0" max="{len(ls) - 1}" '
            f'step="1" value="{i}" aria-valuetext="{_attr(ls[i])}" '
            f'data-labels="{_attr(json.dumps(list(ls), ensure_ascii=False))}" disabled>'
            f'<output class="mathcalc-value">{html.escape(ls[i])}</output></label>')
    parts.append('</div>')
    parts.append(f'<p class="mathcalc-static-note">{STATIC_NOTE}</p>')
    return parts


def player_html(frames: Sequence[tuple[bytes, str]], names: Sequence[str],
                labels: Sequence[Sequence[str]], start: Sequence[int], *,
                title: str = "", play_interval: int | None = None,
                font_px: float | None = None, narrow: Sequence | None = None,
                narrow_font_px: float | None = None) -> str:
    """The HTML of a player over ``len(names)`` parameters.

    ``frames``: (PNG bytes, alt text) for every combination of slider positions, in
    row-major order (``np.prod(shape)`` of them, shape = the number of labels per name).
    ``labels[k]``: the text shown for each value of parameter ``names[k]``; ``start``:
    each slider's starting index. ``play_interval`` (ms) adds a Play button that advances
    the first slider. ``font_px``: the smallest text of the frames, in their pixels
    (:func:`mathcalc.display.frames.smallest_text_px`), reported as ``data-font-px``.
    ``narrow``: the same frames drawn for a phone's screen (PNG bytes or URIs, same order,
    the same alt texts), with their ``narrow_font_px``: a screen at most 575.98 px wide
    shows them, and loads nothing else (:func:`narrow_data`).
    Deterministic: no ids, so the same frames give the same HTML.
    """
    if not (len(names) == len(labels) == len(start)) or not names:
        raise ValueError(f"need one list of labels and one start index per name: "
                         f"{len(names)} names, {len(labels)} label lists, {len(start)} starts")
    shape = [len(ls) for ls in labels]
    if len(frames) != int(np.prod(shape)):
        raise ValueError(f"{len(frames)} frames for sliders of shape {tuple(shape)}: "
                         f"expected {int(np.prod(shape))}")
    shown = frame_index(start, shape)
    parts = _controls(names, labels, start, title, play_interval, font_px)
    # The shown frame as an <img>; every other frame as data for the script (null marks
    # the shown one). HTML sanitisers drop a <script> with its content but keep <img>s
    # and strip ``hidden``: as hidden <img>s, all frames would show at once there.
    png, alt = frames[shown]
    parts.append(f'<div class="mathcalc-frames"><img class="mathcalc-frame" '
                 f'src="{_data_uri(png)}" alt="{_attr(alt)}"></div>')
    others = [None if k == shown else [_data_uri(png), alt] for k, (png, alt) in enumerate(frames)]
    data = json.dumps(others, ensure_ascii=False).replace("</", "<\\/")
    parts.append(f'<script type="application/json" class="mathcalc-frame-data">{data}</script>')
    if narrow is not None:
        if len(narrow) != len(frames):
            raise ValueError(f"{len(narrow)} narrow frames for {len(frames)} frames")
        parts.append(narrow_data([[_data_uri(f), alt] for f, (_, alt) in zip(narrow, frames)],
                                 narrow_font_px))
    parts.append(f'<script>\n{PLAYER_JS}</script>')
    parts.append('</div>')
    return "\n".join(parts)


# Layer k > 0 lies over layer 0 (in the flow, it gives the box its size) at the same scale.
OVERLAY_STYLE = "position:absolute;left:0;top:0;width:100%;height:auto"


def layered_player_html(layers: Sequence[tuple[Sequence[int], Sequence[tuple]]],
                        names: Sequence[str], labels: Sequence[Sequence[str]],
                        start: Sequence[int], *, title: str = "",
                        font_px: float | None = None, narrow: Sequence | None = None,
                        narrow_font_px: float | None = None) -> str:
    """The HTML of a player whose picture is a stack of layers over ``len(names)`` sliders.

    ``layers[k] = (dims, frames)``: the layer depends on the sliders ``dims`` (indices into
    ``names``, in order) and has one frame, ``(PNG bytes or image URI, alt text)``, per
    combination of those sliders' values, row-major. Layers stack in order, each drawn at
    the size of layer 0. The last layer must depend on every slider: its frame is the
    ``img.mathcalc-frame`` whose alt text describes the whole picture, shown as a caption
    below it too; the layers under it are decorative (empty alt, ``aria-hidden``).
    The JSON holds every layer's frames with ``null`` for the shown one. ``font_px`` as
    for :func:`player_html`; ``narrow``: the layers drawn for a phone's screen, as
    ``layers`` (same dims and counts; the top layer's alt texts are the wide frames').
    """
    if not (len(names) == len(labels) == len(start)) or not names:
        raise ValueError(f"need one list of labels and one start index per name: "
                         f"{len(names)} names, {len(labels)} label lists, {len(start)} starts")
    if not layers or list(layers[-1][0]) != list(range(len(names))):
        raise ValueError("the last layer must depend on every slider, in order")
    shape = [len(ls) for ls in labels]
    parts = _controls(names, labels, start, title, None, font_px)
    parts.append('<div class="mathcalc-frames" style="position:relative;display:inline-block;'
                 'max-width:100%">')
    data = []
    for k, (dims, frames) in enumerate(layers):
        dims = list(dims)
        if sorted(set(dims)) != dims or (dims and not 0 <= dims[-1] < len(names)):
            raise ValueError(f"layer {k}: dims {dims} must be increasing slider indices")
        sub_shape = [shape[d] for d in dims]
        if len(frames) != int(np.prod(sub_shape)):
            raise ValueError(f"layer {k}: {len(frames)} frames for sliders {dims} of shape "
                             f"{tuple(sub_shape)}: expected {int(np.prod(sub_shape))}")
        shown = frame_index([start[d] for d in dims], sub_shape)
        src, alt = frames[shown]
        top = k == len(layers) - 1
        style = "" if k == 0 else f' style="{OVERLAY_STYLE}"'
        cls = "mathcalc-frame" if top else 'mathcalc-layer" aria-hidden="true'
        parts.append(f'<img class="{cls}" data-layer="{k}"{style} src="{_attr(_data_uri(src))}" '
                     f'alt="{_attr(alt if top else "")}">')
        data.append({"dims": dims, "frames": [None if i == shown else
                                              ([_data_uri(s), a] if top else _data_uri(s))
                                              for i, (s, a) in enumerate(frames)]})
    parts.append('</div>')
    parts.append(f'<p class="mathcalc-caption">{html.escape(layers[-1][1][frame_index(start, shape)][1])}</p>')
    payload = json.dumps({"layers": data}, ensure_ascii=False).replace("</", "<\\/")
    parts.append(f'<script type="application/json" class="mathcalc-layer-data">{payload}</script>')
    if narrow is not None:
        if [(list(d), len(f)) for d, f in narrow] != [(list(d), len(f)) for d, f in layers]:
            raise ValueError("the narrow layers must have the wide layers' dims and frame counts")
        top = len(layers) - 1
        parts.append(narrow_data({"layers": [
            {"dims": list(d), "frames": [
                [_data_uri(n[0] if isinstance(n, tuple) else n), w[1]] if k == top
                else _data_uri(n[0] if isinstance(n, tuple) else n) for n, w in zip(fr, wide)]}
            for k, ((d, fr), (_, wide)) in enumerate(zip(narrow, layers))]}, narrow_font_px))
    parts.append(f'<script>\n{PLAYER_JS}</script>')
    parts.append('</div>')
    return "\n".join(parts)
