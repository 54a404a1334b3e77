"""What every kernel-free widget shares: frames drawn by matplotlib on fixed axes as small
PNGs, the slider set-up, and :class:`KernelFreeWidget`, the display bundle (live widget,
static HTML, the PDF's default frame, a stable text summary). Used by
:mod:`mathcalc.display.widgets` (``explore``, ``animate``) and
:mod:`mathcalc.display.layered`.
"""
from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable

import ipywidgets as W
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

MAX_FRAMES = 400         # PNG frames of one widget (each several kB)
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

