"""Widgets that work with no kernel: every frame is drawn in Python beforehand, and the
controls only switch between frames in the browser.

A plain ``interact`` embedded in a static HTML page moves its slider but never redraws its
plot, since there is no kernel: a misleading page. Here instead:

- one parameter: a ``SelectionSlider`` whose ``index`` is ``jslink``-ed to the
  ``selected_index`` of a ``Stack`` of frames (``HTML`` widgets, each an ``<img>`` with alt
  text);
- several parameters: nested Stacks, the k-th slider linked to every Stack at depth k;
- an animation: ``Play`` → ``IntSlider`` → ``Stack``.

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

import ipywidgets as W
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from .player import player_html

MAX_FRAMES = 400
AXES_RECT = (0.13, 0.14, 0.82, 0.76)  # fixed axes position: frames line up when switched


def render_png(plot: Callable, figsize=(5.6, 3.6), dpi: int = 100, colors: int = 64,
               subplot_kw: dict | None = None, **kwargs) -> bytes:
    """Draw ``plot(ax=ax, **kwargs)`` on a fresh figure and return it as a small PNG.

    No pyplot state is touched (no figure is left open); the palette is reduced to
    ``colors`` colours, which keeps line plots sharp and files about 10x smaller.
    """
    fig = Figure(figsize=figsize, dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes(AXES_RECT, **(subplot_kw or {}))
    plot(ax=ax, **kwargs)
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
    if not params:
        raise ValueError("explore needs at least one parameter to vary")
    names = list(params)
    values = [list(params[k]) for k in names]
    for name, vals in zip(names, values):
        if not vals:
            raise ValueError(f"parameter {name!r} has no values")
    total = int(np.prod([len(v) for v in values]))
    if total > MAX_FRAMES:
        raise ValueError(f"{total} frames is more than {MAX_FRAMES}: offer fewer values")
    fixed = dict(fixed or {})
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
