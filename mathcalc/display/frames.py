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
import os
from collections.abc import Callable

import ipywidgets as W
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

MAX_FRAMES = 400         # PNG frames of one widget (each several kB)
# A phone's frames: 3.6 in at 100 dpi, 360 px, shown in a column of about 340 CSS px.
NARROW_WIDTH = 3.6
AXES_RECT = (0.13, 0.14, 0.82, 0.76)  # fixed axes position: frames line up when switched


def render_png(plot: Callable, figsize=(5.6, 3.6), dpi: int = 100, colors: int = 64,
               subplot_kw: dict | None = None, axes_fit: tuple | None = None,
               **kwargs) -> bytes:
    """Draw ``plot(ax=ax, **kwargs)`` on a fresh figure and return it as a small PNG.

    No pyplot state is touched (no figure is left open); the palette is reduced to
    ``colors`` colours, which keeps line plots sharp and files about 10x smaller.
    ``axes_fit``: the axes' move that keeps a widget's text inside its frames (:func:`fit_of`).
    """
    fig = _draw(plot, figsize, dpi, subplot_kw, kwargs, axes_fit)
    return _png(fig, dpi, colors)


def _draw(plot: Callable, figsize, dpi: int, subplot_kw: dict | None, kwargs: dict,
          fit: tuple | None = None) -> Figure:
    fig = Figure(figsize=figsize, dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes(AXES_RECT, **(subplot_kw or {}))
    plot(ax=ax, **kwargs)
    _wrap_titles(fig)
    if fit is not None:
        (x0, y0, x1, y1), (u0, v0, u1, v1) = fit
        for a in fig.axes:  # the axes' union [x0, x1] × [y0, y1] onto [u0, u1] × [v0, v1]
            p = a.get_position()
            sx, sy = (u1 - u0) / (x1 - x0), (v1 - v0) / (y1 - y0)
            a.set_position([u0 + (p.x0 - x0) * sx, v0 + (p.y0 - y0) * sy, p.width * sx, p.height * sy])
    return fig


def _wrap_titles(fig: Figure) -> None:
    """An axes title wider than the figure (a phone's frame) goes on two lines, broken at
    the separator (after ': ' or ', ', before ' (') nearest its middle."""
    renderer = fig.canvas.get_renderer()
    for a in fig.axes:
        title = a.title
        text = title.get_text()
        if "\n" in text or not text.strip() or title.get_window_extent(renderer).width <= fig.bbox.width - 4:
            continue
        # after ': ' or ', '; before a '(' (the space ends the first line)
        cuts = [i + (1 if sep == " (" else len(sep)) for sep in (":  ", ": ", ", ", " (")
                for i in range(len(text)) if text.startswith(sep, i)]
        if cuts:
            cut = min(cuts, key=lambda i: abs(i - len(text) / 2))
            title.set_text(text[:cut].rstrip() + "\n" + text[cut:].lstrip())


def _outside(fig: Figure, pad: float = 2.0):
    """How far (pixels: left, bottom, right, top) the drawn figure's content sticks out of
    it, less ``pad`` pixels of margin; None if nothing does."""
    fig.canvas.draw()
    box = fig.get_tightbbox(fig.canvas.get_renderer()).transformed(fig.dpi_scale_trans)
    over = (pad - box.x0, pad - box.y0, box.x1 - fig.bbox.width + pad, box.y1 - fig.bbox.height + pad)
    return over if max(over) > 0 else None


def cut_off_text(fig: Figure) -> list[str]:
    """The texts of a drawn figure that stick out of it (cut off in its PNG)."""
    def shown(labels, locs, lim):  # tick labels of ticks within the view (the ones drawn)
        lo, hi = sorted(lim)
        return [t for t, v in zip(labels, locs) if lo - 1e-9 * (hi - lo) <= v <= hi + 1e-9 * (hi - lo)]

    renderer = fig.canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    out = []
    for a in fig.axes:
        ticks = (shown(a.get_xticklabels(), a.get_xticks(), a.get_xlim())
                 + shown(a.get_yticklabels(), a.get_yticks(), a.get_ylim()))
        for t in [a.title, a.xaxis.label, a.yaxis.label, *ticks, *a.texts]:
            if t.get_visible() and t.get_text().strip():
                e = t.get_window_extent(renderer)
                if e.x0 < -0.5 or e.y0 < -0.5 or e.x1 > width + 0.5 or e.y1 > height + 0.5:
                    out.append(t.get_text())
    return out


def fit_of(plot: Callable, figsize, subplot_kw: dict | None, kwargs: dict) -> tuple | None:
    """The move of a widget's axes that keeps its text inside the frame, found on one
    frame (``kwargs``) and applied to every frame so that they still line up: the axes'
    union shrunk by as much as the content sticks out on each side. None if nothing does.
    A frame whose text still sticks out raises ValueError naming it."""
    fit = None
    for _ in range(3):
        fig = _draw(plot, figsize, 100, subplot_kw, kwargs, fit)
        over = _outside(fig)
        if over is None:
            return fit
        boxes = [a.get_position() for a in fig.axes]
        x0, y0 = min(b.x0 for b in boxes), min(b.y0 for b in boxes)
        x1, y1 = max(b.x1 for b in boxes), max(b.y1 for b in boxes)
        left, bottom, right, top = (max(0.0, o) for o in over)
        w, h = fig.bbox.width, fig.bbox.height
        # (the axes' first union, where this frame's union goes, shrunk by the overhang)
        fit = (fit[0] if fit else (x0, y0, x1, y1),
               (x0 + left / w, y0 + bottom / h, x1 - right / w, y1 - top / h))
    cut = cut_off_text(_draw(plot, figsize, 100, subplot_kw, kwargs, fit))
    raise ValueError(f"{getattr(plot, '__name__', 'plot')} at {figsize} in: text cut off at "
                     f"the frame's edge: {cut or 'a mark outside the axes'}")


def _png(fig: Figure, dpi: int = 100, colors: int = 64) -> bytes:
    """The figure drawn at ``dpi``, its palette reduced to ``colors``, as PNG bytes (the
    canvas's pixels are read directly: no PNG written and read back in between)."""
    if fig.dpi != dpi:
        fig.set_dpi(dpi)
    fig.canvas.draw()
    image = Image.frombuffer("RGBA", fig.canvas.get_width_height(), fig.canvas.buffer_rgba(),
                             "raw", "RGBA", 0, 1).convert("RGB")
    small = image.quantize(colors=colors, method=Image.Quantize.MEDIANCUT,
                           dither=Image.Dither.NONE)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()


def phone_frames() -> bool:
    """Whether widgets also draw every frame for a phone. Only the static book's player
    shows those (it switches to them on a narrow screen), so they are drawn where the
    book's outputs are made and proved: ``make execute`` and nbval set
    ``MATHCALC_PHONE_FRAMES=1`` (scripts/execute_notebooks.py, book/conftest.py). A live
    kernel (JupyterLab, Binder, Colab) shows the live widget and leaves them out, so that
    Run All draws half as many frames."""
    return os.environ.get("MATHCALC_PHONE_FRAMES") == "1"


def narrow_layout(figsize, narrow: dict | None, plot: Callable | None = None) -> tuple[tuple, dict]:
    """The figure size and extra plot arguments of a widget's frames for a phone:
    ``narrow["figsize"]`` (default: :data:`NARROW_WIDTH` wide, a little taller than the
    desktop frame's shape) and the rest of ``narrow`` (e.g. ``layout="stacked"`` for a
    plot helper that can stack its panels). Without ``narrow``, the plot helper's own
    ``plot.narrow``, where it declares one."""
    extra = dict(narrow if narrow is not None else getattr(plot, "narrow", None) or {})
    width, height = figsize
    size = extra.pop("figsize", (NARROW_WIDTH, round(max(2.9, height * NARROW_WIDTH / width * 1.25), 2)))
    return tuple(size), extra


def smallest_text_px(fig: Figure) -> float | None:
    """The size, in the figure's pixels, of the smallest text it draws (tick labels, legend,
    titles): a player reports it (``data-font-px``), and the size a reader sees is that
    times the frame's width on screen over its drawn width. None for a figure without text."""
    fig.canvas.draw()  # tick labels get their text when drawn
    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return min(sizes) * fig.dpi / 72 if sizes else None


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

