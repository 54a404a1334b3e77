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

import itertools
from collections.abc import Callable, Sequence

import ipywidgets as W
import numpy as np

from .frames import (AXES_RECT, MAX_FRAMES, KernelFreeWidget, _describe, _draw, _label,
                     _sliders, fit_of, frame_widget, narrow_layout, phone_frames, render_png,
                     smallest_text_px)
from .layered import MAX_MARK_FRAMES, Layer, layered
from .player import player_html

__all__ = ["explore", "animate", "layered", "Layer", "render_png", "frame_widget",
           "KernelFreeWidget", "MAX_FRAMES", "MAX_MARK_FRAMES", "AXES_RECT"]


def explore(plot: Callable, params: dict[str, Sequence], *, defaults: dict | None = None,
            fixed: dict | None = None, figsize=(5.6, 3.6), subplot_kw: dict | None = None,
            title: str = "", alt: str = "", narrow: dict | None = None) -> KernelFreeWidget:
    """Sliders over ``params`` (name -> the values to offer) switching precomputed frames.

    ``plot(ax=ax, **fixed, **{name: value, ...})`` draws one frame; one frame is drawn for
    every combination of values (at most :data:`MAX_FRAMES`). ``defaults`` picks each
    slider's starting value (the nearest offered one); otherwise the middle value.
    ``alt`` says what the figure shows; each frame's alt text adds its parameter values.
    Slider descriptions are plain text (the widget manager's MathJax is not the page's).
    Where the book's outputs are made (:func:`mathcalc.display.frames.phone_frames`), the
    static page's player also gets every frame drawn for a phone
    (:func:`mathcalc.display.frames.narrow_layout`: ``narrow`` gives its figure size and
    extra plot arguments); the live widget and the PDF keep the desktop frames.
    """
    names, values, start = _sliders(params, defaults)
    total = int(np.prod([len(v) for v in values]))
    if total > MAX_FRAMES:
        raise ValueError(f"{total} frames is more than {MAX_FRAMES}: offer fewer values")
    fixed = dict(fixed or {})

    narrow_size, narrow_fixed = narrow_layout(figsize, narrow, plot)
    phone = phone_frames()
    at_start = {**fixed, **{n: v[i] for n, v, i in zip(names, values, start)}}
    fit = fit_of(plot, figsize, subplot_kw, at_start)  # text kept inside every frame
    narrow_fit = fit_of(plot, narrow_size, subplot_kw, {**at_start, **narrow_fixed}) if phone else None
    frames, narrow_frames = {}, []
    for idx in itertools.product(*(range(len(v)) for v in values)):
        kwargs = {n: v[i] for n, v, i in zip(names, values, idx)}
        frames[idx] = render_png(plot, figsize=figsize, subplot_kw=subplot_kw, axes_fit=fit,
                                 **fixed, **kwargs)
        if phone:
            narrow_frames.append(render_png(plot, figsize=narrow_size, subplot_kw=subplot_kw,
                                            axes_fit=narrow_fit, **{**fixed, **narrow_fixed},
                                            **kwargs))

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
    font_px = smallest_text_px(_draw(plot, figsize, 100, subplot_kw, at_start, fit))
    narrow_px = (smallest_text_px(_draw(plot, narrow_size, 100, subplot_kw,
                                        {**at_start, **narrow_fixed}, narrow_fit))
                 if phone else None)
    page = player_html([(png, frame_alt(idx)) for idx, png in frames.items()], names,
                       [[_label(n, v) for v in vals] for n, vals in zip(names, values)], start,
                       title=title, font_px=font_px, narrow=narrow_frames if phone else None,
                       narrow_font_px=narrow_px)
    return KernelFreeWidget(box, frames[tuple(start)], summary, total, links, page)


def animate(plot: Callable, steps: Sequence, *, name: str = "step", fixed: dict | None = None,
            interval: int = 400, figsize=(5.6, 3.6), subplot_kw: dict | None = None,
            narrow: dict | None = None,
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
    fit = fit_of(plot, figsize, subplot_kw, {**fixed, name: steps[0]})  # text inside every frame
    pngs = [render_png(plot, figsize=figsize, subplot_kw=subplot_kw, axes_fit=fit, **fixed,
                       **{name: s}) for s in steps]
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
    font_px = smallest_text_px(_draw(plot, figsize, 100, subplot_kw, {**fixed, name: steps[0]}, fit))
    narrow_pngs, narrow_px = None, None
    if phone_frames():
        narrow_size, narrow_fixed = narrow_layout(figsize, narrow, plot)
        first = {**fixed, **narrow_fixed, name: steps[0]}
        narrow_fit = fit_of(plot, narrow_size, subplot_kw, first)
        narrow_pngs = [render_png(plot, figsize=narrow_size, subplot_kw=subplot_kw,
                                  axes_fit=narrow_fit, **{**fixed, **narrow_fixed}, **{name: s})
                       for s in steps]
        narrow_px = smallest_text_px(_draw(plot, narrow_size, 100, subplot_kw, first, narrow_fit))
    page = player_html(list(zip(pngs, alts)), [name], [[_label(name, s) for s in steps]], [0],
                       title=title, play_interval=interval, font_px=font_px,
                       narrow=narrow_pngs, narrow_font_px=narrow_px)
    return KernelFreeWidget(W.VBox(children), pngs[0], summary, len(steps), links, page)
