"""Widgets that work with no kernel: every frame is drawn in Python beforehand, and the
controls only switch between frames in the browser.

A plain ``interact`` embedded in a static HTML page moves its slider but never redraws its
plot, since there is no kernel: a misleading page. Here instead:

- one parameter: a ``SelectionSlider`` whose ``index`` is ``jslink``-ed to the
  ``selected_index`` of a ``Stack`` of frames (``HTML`` widgets, each an ``<img>`` with alt
  text);
- several parameters: nested Stacks, the k-th slider linked to every Stack at depth k;
- an animation: ``Play`` → ``IntSlider`` → ``Stack``;
- many combinations (9 × 9 × 9): :func:`layered`, a picture split into layers that each
  depend on fewer sliders (a base PNG, then SVG marks, :mod:`mathcalc.display.marks`),
  stacked by the player; live, its sliders pick the current combination's frames.

The links run in the browser, so the same widget works in Jupyter and on Binder with no
kernel round trip. The static book shows each widget's plain-HTML form instead
(:mod:`mathcalc.display.player`, the ``text/html`` of the display bundle): the same frames and
sliders without the 4.4 MB widget manager. Widgets hold no math: each frame is
``plot(ax=ax, **fixed, **params)`` for a plot helper from :mod:`mathcalc.display.plots`,
tested without a kernel.
Frames are PNGs reduced to 64 colours (about 4-10 kB each) with fixed axes, so they align.
"""
from __future__ import annotations

import base64
import html
import io
import itertools
from collections.abc import Callable, Sequence

from dataclasses import dataclass

import ipywidgets as W
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from .marks import AxesMap, draw_marks, svg_data_uri, to_svg
from .player import OVERLAY_STYLE, layered_player_html, player_html

MAX_FRAMES = 400         # PNG frames of one widget (each several kB)
MAX_MARK_FRAMES = 1024   # SVG frames of one layer of marks (each a few hundred bytes)
AXES_RECT = (0.13, 0.14, 0.82, 0.76)  # fixed axes position: frames line up when switched


def render_png(plot: Callable, figsize=(5.6, 3.6), dpi: int = 100, colors: int = 64,
               subplot_kw: dict | None = None, **kwargs) -> bytes:
    """Draw ``plot(ax=ax, **kwargs)`` on a fresh figure and return it as a small PNG.

    No pyplot state is touched (no figure is left open); the palette is reduced to
    ``colors`` colours, which keeps line plots sharp and files about 10x smaller.
    """
    fig = _draw(plot, figsize, dpi, subplot_kw, kwargs)
    return _png(fig, dpi, colors)


def _draw(plot: Callable, figsize, dpi: int, subplot_kw: dict | None, kwargs: dict) -> Figure:
    fig = Figure(figsize=figsize, dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes(AXES_RECT, **(subplot_kw or {}))
    plot(ax=ax, **kwargs)
    return fig


def _png(fig: Figure, dpi: int = 100, colors: int = 64) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    image = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    small = image.quantize(colors=colors, method=Image.Quantize.MEDIANCUT,
                           dither=Image.Dither.NONE)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()


def frame_widget(png: bytes, alt: str) -> W.HTML:
    """One frame: an <img> with alt text (an ``Image`` widget cannot carry alt text)."""
    data = base64.b64encode(png).decode("ascii")
    return W.HTML(f'<img class="mathcalc-frame" src="data:image/png;base64,{data}" '
                  f'alt="{html.escape(alt, quote=True)}">')


def _describe(alt: str, title: str, plot: Callable) -> str:
    return alt or title or getattr(plot, "__name__", "plot").replace("_", " ")


def _label(name: str, value) -> str:
    return f"{value:.3g}" if isinstance(value, (float, np.floating)) else str(value)


class KernelFreeWidget:
    """A widget tree plus what a page without widget support should show.

    Displays as the live widget where widgets render (Jupyter, Binder), as plain HTML
    sliders over the same frames (``text/html``, :mod:`mathcalc.display.player`) in the static
    book, as the default frame (``image/png``) in the PDF, and as a short, stable text
    summary (``text/plain``, which nbval compares).
    """

    def __init__(self, widget: W.Widget, default_png: bytes, summary: str, n_frames: int,
                 links: list | None = None, html: str = ""):
        self.widget = widget
        self.links = list(links or [])  # the browser-side jslinks that make it work
        self.default_png = default_png
        self.summary = summary
        self.n_frames = n_frames
        self.html = html

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude) or {})
        data["text/plain"] = self.summary
        data["image/png"] = base64.b64encode(self.default_png).decode("ascii")
        if self.html:
            data["text/html"] = self.html
        return data


def _sliders(params: dict, defaults: dict | None):
    """Names, their value lists and each slider's start index (the nearest offered value to
    its default, else the middle one)."""
    if not params:
        raise ValueError("explore needs at least one parameter to vary")
    names = list(params)
    values = [list(params[k]) for k in names]
    for name, vals in zip(names, values):
        if not vals:
            raise ValueError(f"parameter {name!r} has no values")
    defaults = dict(defaults or {})
    unknown = set(defaults) - set(names)
    if unknown:
        raise ValueError(f"defaults names parameters that are not varied: {sorted(unknown)}")
    start = []
    for name, vals in zip(names, values):
        if name in defaults:
            start.append(min(range(len(vals)), key=lambda i: abs(vals[i] - defaults[name])))
        else:
            start.append(len(vals) // 2)
    return names, values, start


def explore(plot: Callable, params: dict[str, Sequence], *, defaults: dict | None = None,
            fixed: dict | None = None, figsize=(5.6, 3.6), subplot_kw: dict | None = None,
            title: str = "", alt: str = "") -> KernelFreeWidget:
    """Sliders over ``params`` (name -> the values to offer) switching precomputed frames.

    ``plot(ax=ax, **fixed, **{name: value, ...})`` draws one frame; one frame is drawn for
    every combination of values (at most :data:`MAX_FRAMES`). ``defaults`` picks each
    slider's starting value (the nearest offered one); otherwise the middle value.
    ``alt`` says what the figure shows; each frame's alt text adds its parameter values.
    Slider descriptions are plain text (the widget manager's MathJax is not the page's).
    """
    names, values, start = _sliders(params, defaults)
    total = int(np.prod([len(v) for v in values]))
    if total > MAX_FRAMES:
        raise ValueError(f"{total} frames is more than {MAX_FRAMES}: offer fewer values")
    fixed = dict(fixed or {})

    frames = {}
    for idx in itertools.product(*(range(len(v)) for v in values)):
        kwargs = {n: v[i] for n, v, i in zip(names, values, idx)}
        frames[idx] = render_png(plot, figsize=figsize, subplot_kw=subplot_kw, **fixed, **kwargs)

    def frame_alt(idx: tuple) -> str:
        values_text = ", ".join(f"{n} = {_label(n, v[i])}" for n, v, i in zip(names, values, idx))
        return f"{_describe(alt, title, plot)} ({values_text})"

    stacks_at = [[] for _ in names]

    def build(prefix: tuple):
        depth = len(prefix)
        if depth == len(names):
            return frame_widget(frames[prefix], frame_alt(prefix))
        stack = W.Stack([build(prefix + (i,)) for i in range(len(values[depth]))],
                        selected_index=start[depth])
        stacks_at[depth].append(stack)
        return stack

    root = build(())
    sliders, links = [], []
    for depth, (name, vals) in enumerate(zip(names, values)):
        slider = W.SelectionSlider(options=[_label(name, v) for v in vals], index=start[depth],
                                   description=name, continuous_update=True,
                                   layout=W.Layout(width="420px"))
        links += [W.jslink((slider, "index"), (stack, "selected_index"))
                  for stack in stacks_at[depth]]
        sliders.append(slider)
    children = ([W.HTML(f"<b>{title}</b>")] if title else []) + [W.VBox(sliders), root]
    box = W.VBox(children)
    shape = " × ".join(f"{n} ({len(v)} values)" for n, v in zip(names, values))
    summary = f"Kernel-free widget: {getattr(plot, '__name__', 'plot')} over {shape}; {total} frames"
    page = player_html([(png, frame_alt(idx)) for idx, png in frames.items()], names,
                       [[_label(n, v) for v in vals] for n, vals in zip(names, values)], start,
                       title=title)
    return KernelFreeWidget(box, frames[tuple(start)], summary, total, links, page)


def animate(plot: Callable, steps: Sequence, *, name: str = "step", fixed: dict | None = None,
            interval: int = 400, figsize=(5.6, 3.6), subplot_kw: dict | None = None,
            title: str = "", alt: str = "") -> KernelFreeWidget:
    """A Play button and a slider over ``steps``: frame k is ``plot(ax=ax, **fixed, name=steps[k])``.

    Play advances the slider every ``interval`` ms; the slider selects the frame. All in
    the browser, so the animation plays in the static book.
    """
    steps = list(steps)
    if not steps:
        raise ValueError("animate needs at least one step")
    if len(steps) > MAX_FRAMES:
        raise ValueError(f"{len(steps)} frames is more than {MAX_FRAMES}")
    fixed = dict(fixed or {})
    pngs = [render_png(plot, figsize=figsize, subplot_kw=subplot_kw, **fixed, **{name: s})
            for s in steps]
    what = _describe(alt, title, plot)
    alts = [f"{what} ({name} = {_label(name, s)})" for s in steps]
    stack = W.Stack([frame_widget(p, a) for p, a in zip(pngs, alts)], selected_index=0)
    play = W.Play(value=0, min=0, max=len(steps) - 1, step=1, interval=interval,
                  description="Play")
    slider = W.IntSlider(value=0, min=0, max=len(steps) - 1, description=name,
                         continuous_update=True, layout=W.Layout(width="360px"))
    links = [W.jslink((play, "value"), (slider, "value")),
             W.jslink((slider, "value"), (stack, "selected_index"))]
    children = ([W.HTML(f"<b>{title}</b>")] if title else []) + [W.HBox([play, slider]), stack]
    summary = (f"Kernel-free animation: {getattr(plot, '__name__', 'plot')} over "
               f"{len(steps)} values of {name}")
    page = player_html(list(zip(pngs, alts)), [name], [[_label(name, s) for s in steps]], [0],
                       title=title, play_interval=interval)
    return KernelFreeWidget(W.VBox(children), pngs[0], summary, len(steps), links, page)


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
            defaults: dict | None = None, figsize=(8.0, 3.4), title: str = "") -> KernelFreeWidget:
    """Sliders over ``params`` switching a picture made of stacked layers (:class:`Layer`).

    Each layer is drawn only for the sliders it depends on: on a 9 × 9 × 9 grid, axes that
    depend on nothing are one PNG, a line that depends on (w, b) 81 small SVGs, and the
    marks that depend on all three 729, instead of 729 PNGs. ``caption(**values)`` (all
    sliders) is the whole picture's alt text and visible caption, followed by the slider
    values "(w = 1, b = 0.5, x = 2)". In the static book the player switches each layer's
    frames (:func:`mathcalc.display.player.layered_player_html`); live in Jupyter the
    sliders pick the precomputed frames of the current combination; in the PDF the
    default combination is one PNG (the marks drawn by matplotlib).
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
    base_frames, maps = [], None
    for _, kw in _combinations(base.depends, names, values):
        fig = _draw(base.draw, figsize, 100, None, kw)
        these = [AxesMap.of(ax) for ax in fig.axes]
        if maps is not None and these != maps:
            raise ValueError(f"the base layer's axes move between frames ({kw})")
        maps = these
        base_frames.append(_png(fig, colors=256))  # few frames: keep the legend's colours
    if len(base_frames) > MAX_FRAMES:
        raise ValueError(f"{len(base_frames)} base frames is more than {MAX_FRAMES}")
    size = (int(round(figsize[0] * 100)), int(round(figsize[1] * 100)))

    def values_text(kw):
        return ", ".join(f"{n} = {_label(n, kw[n])}" for n in names)

    stacked = [([names.index(d) for d in base.depends], [(png, "") for png in base_frames])]
    for k, layer in enumerate(layers[1:], start=1):
        top = k == len(layers) - 1
        frames = []
        for _, kw in _combinations(layer.depends, names, values):
            uri = svg_data_uri(to_svg(layer.draw(**kw), maps, size))
            frames.append((uri, f"{caption(**kw)} ({values_text(kw)})" if top else ""))
        if len(frames) > MAX_MARK_FRAMES:
            raise ValueError(f"{len(frames)} frames of marks is more than {MAX_MARK_FRAMES}")
        stacked.append(([names.index(d) for d in layer.depends], frames))

    def at(kw_index):  # the frames of every layer for one combination of slider indices
        out = []
        for layer, (dims, frames) in zip(layers, stacked):
            sub = [len(values[d]) for d in dims]
            out.append(frames[int(np.ravel_multi_index([kw_index[d] for d in dims], sub))
                              if dims else 0])
        return out

    def default_png():
        kw = {n: v[i] for n, v, i in zip(names, values, start)}
        fig = _draw(base.draw, figsize, 100, None, {d: kw[d] for d in base.depends})
        for layer in layers[1:]:
            draw_marks(fig.axes, layer.draw(**{d: kw[d] for d in layer.depends}))
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
    page = layered_player_html(stacked, names, labels, start, title=title)
    return KernelFreeWidget(W.VBox(children), default_png(), summary, sum(counts), [], page)


def _data_uri_png(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
