"""Layered kernel-free widgets: a picture split into layers that each depend on fewer
sliders, stacked by the player (:func:`layered`; re-exported as ``widgets.layered``).

The first layer is a PNG drawn by a plot helper (axes, ticks, contours); the others are
marks (:mod:`mathcalc.display.marks`) drawn as small SVGs in those axes' coordinates. A
9 × 9 × 9 grid is then 1 + 81 + 729 light frames instead of 729 PNGs.
"""
from __future__ import annotations

import base64
import html
import inspect
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import ipywidgets as W
import numpy as np

from .frames import (MAX_FRAMES, KernelFreeWidget, _draw, _label, _png, _sliders, fit_of,
                     narrow_layout, phone_frames, smallest_text_px)
from .marks import AxesMap, Text, draw_marks, svg_data_uri, to_svg
from .player import OVERLAY_STYLE, layered_player_html

MAX_MARK_FRAMES = 1024   # SVG frames of one layer of marks (each a few hundred bytes)


@dataclass(frozen=True)
class Layer:
    """One layer of a :func:`layered` widget, drawn once per combination of the sliders
    it ``depends`` on (names, in slider order).

    The first layer is a plot helper, ``draw(ax=ax, **values)``, drawn as a PNG: the axes
    (it may add more; their positions and limits must not change between frames), ticks,
    labels and the heavy parts. Every later layer returns marks, ``draw(**values) ->
    list`` of :mod:`mathcalc.display.marks`, drawn as SVG over it in those axes' data
    coordinates. The last layer must depend on every slider.
    """

    draw: Callable
    depends: tuple = ()


def _taken(draw: Callable, extra: dict) -> dict:
    """The base layer's extra arguments (e.g. ``layout``) that a marks layer's ``draw``
    also takes."""
    return {k: v for k, v in extra.items() if k in inspect.signature(draw).parameters}


def _combinations(depends, names, values):
    """(index tuple, {name: value}) for every combination of the ``depends`` sliders."""
    dims = [names.index(d) for d in depends]
    for idx in itertools.product(*(range(len(values[d])) for d in dims)):
        yield idx, {names[d]: values[d][i] for d, i in zip(dims, idx)}


def _stack_html(srcs: list[str], alt: str) -> str:
    """The picture of one combination as stacked <img>s and its caption (the live widget)."""
    over = OVERLAY_STYLE
    imgs = [f'<img src="{html.escape(s, quote=True)}" alt="" aria-hidden="true" '
            f'style="{"display:block;max-width:100%" if k == 0 else over}">'
            for k, s in enumerate(srcs[:-1])]
    imgs.append(f'<img class="mathcalc-frame" src="{html.escape(srcs[-1], quote=True)}" '
                f'alt="{html.escape(alt, quote=True)}" style="{over}">')
    return (f'<div style="position:relative;display:inline-block;max-width:100%">'
            f'{"".join(imgs)}</div><p class="mathcalc-caption">{html.escape(alt)}</p>')


def layered(layers: Sequence[Layer], params: dict[str, Sequence], *, caption: Callable,
            defaults: dict | None = None, figsize=(8.0, 3.4), title: str = "",
            narrow: dict | None = None) -> KernelFreeWidget:
    """Sliders over ``params`` switching a picture made of stacked layers (:class:`Layer`).

    Each layer is drawn only for the sliders it depends on: on a 9 × 9 × 9 grid, axes that
    depend on nothing are one PNG, a line that depends on (w, b) 81 small SVGs, and the
    marks that depend on all three 729, instead of 729 PNGs. ``caption(**values)`` (all
    sliders) is the whole picture's alt text and visible caption, followed by the slider
    values "(w = 1, b = 0.5, x = 2)". In the static book the player switches each layer's
    frames (:func:`mathcalc.display.player.layered_player_html`); live in Jupyter the
    sliders pick the precomputed frames of the current combination; in the PDF the
    default combination is one PNG (the marks drawn by matplotlib). Where the book's
    outputs are made (:func:`mathcalc.display.frames.phone_frames`), the static player also
    gets every layer drawn for a phone (:func:`mathcalc.display.frames.narrow_layout`;
    ``narrow``'s extra arguments go to the base layer's plot helper, e.g. to stack its
    panels).
    """
    names, values, start = _sliders(params, defaults)
    layers = list(layers)
    if len(layers) < 2 or list(layers[-1].depends) != names:
        raise ValueError(f"need a base layer and layers of marks, the last depending on "
                         f"every slider {names}")
    for layer in layers:
        if [n for n in names if n in layer.depends] != list(layer.depends):
            raise ValueError(f"layer {layer.draw.__name__} depends on {layer.depends}: "
                             f"names must be sliders {names}, in that order")
    base = layers[0]

    def values_text(kw):
        return ", ".join(f"{n} = {_label(n, kw[n])}" for n in names)

    at_start = {n: v[i] for n, v, i in zip(names, values, start)}
    base_start = {d: at_start[d] for d in base.depends}

    def drawn(size, extra, fit):
        """Every layer's frames at figure ``size`` (the base drawn with ``extra``, its axes
        moved by ``fit``)."""
        base_frames, maps = [], None
        for _, kw in _combinations(base.depends, names, values):
            fig = _draw(base.draw, size, 100, None, {**kw, **extra}, fit)
            these = [AxesMap.of(ax) for ax in fig.axes]
            if maps is not None and these != maps:
                raise ValueError(f"the base layer's axes move between frames ({kw})")
            maps = these
            base_frames.append(_png(fig, colors=256))  # few frames: keep the legend's colours
        if len(base_frames) > MAX_FRAMES:
            raise ValueError(f"{len(base_frames)} base frames is more than {MAX_FRAMES}")
        pixels = (int(round(size[0] * 100)), int(round(size[1] * 100)))
        stacked = [([names.index(d) for d in base.depends], [(png, "") for png in base_frames])]
        for k, layer in enumerate(layers[1:], start=1):
            top = k == len(layers) - 1
            frames = []
            takes = _taken(layer.draw, extra)
            for _, kw in _combinations(layer.depends, names, values):
                uri = svg_data_uri(to_svg(layer.draw(**kw, **takes), maps, pixels))
                frames.append((uri, f"{caption(**kw)} ({values_text(kw)})" if top else ""))
            if len(frames) > MAX_MARK_FRAMES:
                raise ValueError(f"{len(frames)} frames of marks is more than {MAX_MARK_FRAMES}")
            stacked.append(([names.index(d) for d in layer.depends], frames))
        # the smallest text at the start: the base's, or a mark's (sized in pixels)
        sizes = [smallest_text_px(_draw(base.draw, size, 100, None, {**base_start, **extra}, fit))]
        for layer in layers[1:]:
            sizes += [m.size for m in layer.draw(**{d: at_start[d] for d in layer.depends},
                                                 **_taken(layer.draw, extra))
                      if isinstance(m, Text)]
        sizes = [x for x in sizes if x is not None]
        return stacked, (min(sizes) if sizes else None)

    fit = fit_of(base.draw, figsize, None, base_start)  # the base's text inside its frames
    stacked, font_px = drawn(figsize, {}, fit)
    narrow_stacked, narrow_px = None, None
    if phone_frames():
        narrow_size, narrow_extra = narrow_layout(figsize, narrow, base.draw)
        narrow_stacked, narrow_px = drawn(narrow_size, narrow_extra,
                                          fit_of(base.draw, narrow_size, None,
                                                 {**base_start, **narrow_extra}))

    def at(kw_index):  # the frames of every layer for one combination of slider indices
        out = []
        for layer, (dims, frames) in zip(layers, stacked):
            sub = [len(values[d]) for d in dims]
            out.append(frames[int(np.ravel_multi_index([kw_index[d] for d in dims], sub))
                              if dims else 0])
        return out

    def default_png():
        fig = _draw(base.draw, figsize, 100, None, base_start, fit)
        for layer in layers[1:]:
            draw_marks(fig.axes, layer.draw(**{d: at_start[d] for d in layer.depends}))
        return _png(fig, colors=256)

    labels = [[_label(n, v) for v in vals] for n, vals in zip(names, values)]
    sliders = [W.SelectionSlider(options=ls, index=i, description=n, continuous_update=True,
                                 layout=W.Layout(width="420px"))
               for n, ls, i in zip(names, labels, start)]

    def picture():
        frames = at([s.index for s in sliders])
        srcs = [f if isinstance(f, str) else _data_uri_png(f) for f, _ in frames]
        return _stack_html(srcs, frames[-1][1])

    view = W.HTML(picture())

    def update(_change):
        view.value = picture()

    for s in sliders:
        s.observe(update, names="index")
    children = ([W.HTML(f"<b>{html.escape(title)}</b>")] if title else []) + [W.VBox(sliders), view]
    counts = [len(f) for _, f in stacked]
    shape = " × ".join(f"{n} ({len(v)} values)" for n, v in zip(names, values))
    parts = ", ".join(f"{getattr(l.draw, '__name__', 'layer')} {c}" for l, c in zip(layers, counts))
    summary = f"Kernel-free layered widget over {shape}; frames per layer: {parts}"
    page = layered_player_html(stacked, names, labels, start, title=title, font_px=font_px,
                               narrow=narrow_stacked, narrow_font_px=narrow_px)
    return KernelFreeWidget(W.VBox(children), default_png(), summary, sum(counts), [], page)


def _data_uri_png(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
