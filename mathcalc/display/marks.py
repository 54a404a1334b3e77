"""Marks: the light layers of a layered widget, as data in the coordinates of a figure's axes.

A layered widget (:func:`mathcalc.display.widgets.layered`) draws its heavy, slowly varying
part (axes, ticks, contours) once per combination of the few sliders it depends on, as a
PNG, and the small marks that depend on more sliders (a line, points, an arrow, a bar, a
number) as a list of :class:`Dot`, :class:`Line`, :class:`Bar` and :class:`Text`, each on
axes ``ax`` (the index into the base figure's axes, in the order they were created) and in
those axes' data coordinates. A list of marks renders two ways:

- :func:`to_svg`: a few hundred bytes of SVG over the PNG, clipped to each axes (in the
  HTML book: hundreds of frames of it gzip to tens of kB);
- :func:`draw_marks`: onto the matplotlib axes themselves (the PDF's default frame).

:class:`AxesMap` turns data coordinates into the figure's pixels; it is read from the
base figure, whose axes limits and positions are fixed across frames.
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass
from urllib.parse import quote

FONT = "DejaVu Sans, Verdana, sans-serif"


@dataclass(frozen=True)
class Dot:
    ax: int
    x: float
    y: float
    color: str = "#000000"
    filled: bool = True
    radius: float = 4.0  # pixels


@dataclass(frozen=True)
class Line:
    """A polyline through (xs[k], ys[k]); ``arrow`` puts a head at its last point."""
    ax: int
    xs: tuple
    ys: tuple
    color: str = "#000000"
    width: float = 1.6  # pixels
    dashed: bool = False
    arrow: bool = False


@dataclass(frozen=True)
class Bar:
    """A bar from (x − width/2, 0) to (x + width/2, height); ``filled`` or outlined."""
    ax: int
    x: float
    height: float
    width: float = 0.6
    color: str = "#1f77b4"
    filled: bool = True
    dashed: bool = False


@dataclass(frozen=True)
class Text:
    """Text at (x, y) in data coordinates, or in axes fractions with ``fraction=True``."""
    ax: int
    x: float
    y: float
    text: str
    color: str = "#000000"
    size: float = 11.0  # pixels
    anchor: str = "start"  # start, middle, end
    fraction: bool = False


@dataclass(frozen=True)
class AxesMap:
    """Data coordinates of one axes -> pixels of its figure (origin top left)."""
    left: float
    top: float
    width: float
    height: float
    xlim: tuple
    ylim: tuple

    @classmethod
    def of(cls, ax) -> "AxesMap":
        fig = ax.figure
        W, H = fig.get_size_inches() * fig.dpi
        box = ax.get_position()
        return cls(round(box.x0 * W, 2), round((1 - box.y1) * H, 2), round(box.width * W, 2),
                   round(box.height * H, 2), tuple(map(float, ax.get_xlim())),
                   tuple(map(float, ax.get_ylim())))

    def px(self, x: float, y: float, fraction: bool = False) -> tuple[float, float]:
        if not fraction:
            (x0, x1), (y0, y1) = self.xlim, self.ylim
            x, y = (x - x0) / (x1 - x0), (y - y0) / (y1 - y0)
        return self.left + x * self.width, self.top + (1 - y) * self.height


def _f(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _svg_mark(m, amap: AxesMap) -> str:
    if isinstance(m, Dot):
        cx, cy = amap.px(m.x, m.y)
        fill = m.color if m.filled else "#ffffff"
        return (f"<circle cx='{_f(cx)}' cy='{_f(cy)}' r='{_f(m.radius)}' fill='{fill}' "
                f"stroke='{m.color}' stroke-width='1.3'/>")
    if isinstance(m, Line):
        pts = [amap.px(x, y) for x, y in zip(m.xs, m.ys)]
        dash = " stroke-dasharray='5,3'" if m.dashed else ""
        out = (f"<polyline points='{' '.join(f'{_f(x)},{_f(y)}' for x, y in pts)}' fill='none' "
               f"stroke='{m.color}' stroke-width='{_f(m.width)}'{dash}/>")
        if m.arrow and len(pts) >= 2:
            (x0, y0), (x1, y1) = pts[-2], pts[-1]
            angle, size = math.atan2(y1 - y0, x1 - x0), 4 + 2.5 * m.width
            head = [(x1, y1)] + [(x1 - size * math.cos(angle + s), y1 - size * math.sin(angle + s))
                                 for s in (0.4, -0.4)]
            out += (f"<polygon points='{' '.join(f'{_f(x)},{_f(y)}' for x, y in head)}' "
                    f"fill='{m.color}'/>")
        return out
    if isinstance(m, Bar):
        (x0, y0), (x1, y1) = amap.px(m.x - m.width / 2, 0.0), amap.px(m.x + m.width / 2, m.height)
        top, h = min(y0, y1), abs(y1 - y0)
        style = (f"fill='{m.color}' fill-opacity='0.85'" if m.filled else
                 f"fill='none' stroke='{m.color}' stroke-width='1.5'"
                 + (" stroke-dasharray='4,2'" if m.dashed else ""))
        return f"<rect x='{_f(x0)}' y='{_f(top)}' width='{_f(x1 - x0)}' height='{_f(h)}' {style}/>"
    if isinstance(m, Text):
        x, y = amap.px(m.x, m.y, m.fraction)
        return (f"<text x='{_f(x)}' y='{_f(y)}' font-size='{_f(m.size)}' fill='{m.color}' "
                f"text-anchor='{m.anchor}'>{html.escape(m.text, quote=False)}</text>")
    raise TypeError(f"not a mark: {m!r}")


def to_svg(marks, maps: list[AxesMap], size: tuple[int, int]) -> str:
    """The marks as one SVG of ``size`` (pixels, the base PNG's), each clipped to its axes
    except text. Deterministic: the same marks give the same bytes."""
    W, H = size
    used = sorted({m.ax for m in marks if not isinstance(m, Text)})
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{W}' height='{H}' "
             f"viewBox='0 0 {W} {H}' font-family='{FONT}'>"]
    for k in used:
        a = maps[k]
        parts.append(f"<clipPath id='c{k}'><rect x='{_f(a.left)}' y='{_f(a.top)}' "
                     f"width='{_f(a.width)}' height='{_f(a.height)}'/></clipPath>")
    for k in used:
        body = "".join(_svg_mark(m, maps[k]) for m in marks if m.ax == k and not isinstance(m, Text))
        parts.append(f"<g clip-path='url(#c{k})'>{body}</g>")
    parts += [_svg_mark(m, maps[m.ax]) for m in marks if isinstance(m, Text)]
    parts.append("</svg>")
    return "".join(parts)


def svg_data_uri(svg: str) -> str:
    """An SVG as a ``data:`` URI that stays text (so that gzip compresses it)."""
    return "data:image/svg+xml," + quote(svg, safe=" '=/:;,.-()<>_")


def draw_marks(axes: list, marks) -> None:
    """Draw the marks onto matplotlib ``axes`` (a figure's axes, in creation order)."""
    pt = 72.0 / axes[0].figure.dpi  # points per pixel
    for m in marks:
        ax = axes[m.ax]
        if isinstance(m, Dot):
            ax.plot([m.x], [m.y], "o", ms=2 * m.radius * pt, color=m.color,
                    mfc=m.color if m.filled else "white", mew=1.3 * pt, clip_on=True)
        elif isinstance(m, Line):
            style = "--" if m.dashed else "-"
            if m.arrow:
                ax.plot(list(m.xs[:-1]), list(m.ys[:-1]), style, color=m.color, lw=m.width * pt)
                ax.annotate("", xy=(m.xs[-1], m.ys[-1]), xytext=(m.xs[-2], m.ys[-2]),
                            arrowprops=dict(arrowstyle="-|>", color=m.color, lw=m.width * pt),
                            annotation_clip=False)
            else:
                ax.plot(list(m.xs), list(m.ys), style, color=m.color, lw=m.width * pt)
        elif isinstance(m, Bar):
            ax.bar([m.x], [m.height], width=m.width, color=m.color if m.filled else "none",
                   edgecolor=m.color, linestyle="--" if m.dashed else "-",
                   alpha=0.85 if m.filled else 1.0)
        elif isinstance(m, Text):
            transform = ax.transAxes if m.fraction else ax.transData
            ax.text(m.x, m.y, m.text, color=m.color, fontsize=m.size * pt, transform=transform,
                    ha={"start": "left", "middle": "center", "end": "right"}[m.anchor],
                    clip_on=False)
        else:
            raise TypeError(f"not a mark: {m!r}")
