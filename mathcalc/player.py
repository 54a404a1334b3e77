"""The static-HTML form of a kernel-free widget: sliders and frames in plain HTML.

A page of the built book has no kernel and, to stay light, no widget manager (the
ipywidgets HTML manager is 4.4 MB of JavaScript). Each widget from
:mod:`mathcalc.widgets` therefore also carries this ``text/html`` form, which the book
renders in place of the live widget:

- one ``<input type="range">`` per parameter, over the *indices* of its values, inside a
  ``<label>`` that names it, with an ``<output>`` showing the value;
- every frame as an ``<img>`` with alt text, in row-major order over the parameters
  (the last parameter varies fastest), all but the shown one ``hidden``;
- for an animation, a Play button.

A script inside the player, ``mathcalc/player.js`` (about 60 lines, no dependencies),
wires the controls: moving a slider shows frame ``index = ((i_0 · n_1) + i_1) · n_2 + …``;
Play advances the first slider every ``data-interval`` ms. Being inside, it works wherever
the HTML is shown with its scripts (the book, nbviewer, a front end without ipywidgets);
without JavaScript the default frame still shows. In Jupyter the live widget (the
``widget-view`` output) takes precedence over this form.
"""
from __future__ import annotations

import base64
import html
import json
from collections.abc import Sequence
from importlib import resources

import numpy as np

PLAYER_JS = resources.files("mathcalc").joinpath("player.js").read_text(encoding="utf-8")


def _attr(text: str) -> str:
    return html.escape(str(text), quote=True)


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


def player_html(frames: Sequence[tuple[bytes, str]], names: Sequence[str],
                labels: Sequence[Sequence[str]], start: Sequence[int], *,
                title: str = "", play_interval: int | None = None) -> str:
    """The HTML of a player over ``len(names)`` parameters.

    ``frames``: (PNG bytes, alt text) for every combination of slider positions, in
    row-major order (``np.prod(shape)`` of them, shape = the number of labels per name).
    ``labels[k]``: the text shown for each value of parameter ``names[k]``; ``start``:
    each slider's starting index. ``play_interval`` (ms) adds a Play button that advances
    the first slider. Deterministic: no ids, so the same frames give the same HTML.
    """
    if not (len(names) == len(labels) == len(start)) or not names:
        raise ValueError(f"need one list of labels and one start index per name: "
                         f"{len(names)} names, {len(labels)} label lists, {len(start)} starts")
    shape = [len(ls) for ls in labels]
    if len(frames) != int(np.prod(shape)):
        raise ValueError(f"{len(frames)} frames for sliders of shape {tuple(shape)}: "
                         f"expected {int(np.prod(shape))}")
    shown = frame_index(start, shape)
    interval = f' data-interval="{int(play_interval)}"' if play_interval else ""
    parts = [f'<div class="mathcalc-player"{interval}>']
    if title:
        parts.append(f'<p class="mathcalc-player-title"><strong>{html.escape(title)}</strong></p>')
    parts.append('<div class="mathcalc-controls">')
    if play_interval:
        parts.append('<button type="button" class="mathcalc-play" aria-pressed="false">'
                     'Play</button>')
    for name, ls, i in zip(names, labels, start):
        parts.append(
            f'<label class="mathcalc-control"><span class="mathcalc-name">{html.escape(name)}'
            f'</span><input type="range" class="mathcalc-slider" min="0" max="{len(ls) - 1}" '
            f'step="1" value="{i}" aria-valuetext="{_attr(ls[i])}" '
            f'data-labels="{_attr(json.dumps(list(ls), ensure_ascii=False))}">'
            f'<output class="mathcalc-value">{html.escape(ls[i])}</output></label>')
    parts.append('</div>')
    parts.append('<div class="mathcalc-frames">')
    for k, (png, alt) in enumerate(frames):
        data = base64.b64encode(png).decode("ascii")
        hidden = "" if k == shown else " hidden"
        parts.append(f'<img class="mathcalc-frame" src="data:image/png;base64,{data}" '
                     f'alt="{_attr(alt)}"{hidden}>')
    parts.append('</div>')
    parts.append(f'<script>\n{PLAYER_JS}</script>')
    parts.append('</div>')
    return "\n".join(parts)
