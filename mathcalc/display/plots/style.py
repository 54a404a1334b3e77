"""The book's one plot style: a palette readable in light and dark themes, and the axes
every helper draws on (``ax=None`` makes a new figure)."""
from __future__ import annotations

import matplotlib.pyplot as plt

COLORS = {"f": "#1f77b4", "z": "#7f7f7f", "act": "#d62728", "tangent": "#2ca02c",
          "point": "#000000", "node": "#dbe9f6", "edge": "#4a4a4a"}
PATH_COLORS = ("#d62728", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf")  # none is the curve's blue or the tangent's green
RUN_COLORS = ("#9467bd", "#2ca02c", "#ff7f0e", "#d62728")


def new_axes(ax=None, figsize=(6, 4), **subplot_kw):
    """``ax`` itself, or the axes of a new figure of ``figsize`` when ``ax`` is None."""
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, subplot_kw=subplot_kw or None)
    return ax
