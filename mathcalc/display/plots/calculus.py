"""Plot helpers for the calculus chapters (Parr & Howard §2-§4.4): a tangent's slope,
a surface's partial slices, and Jacobians as heat maps.

Each takes ``ax=None`` (a new figure when omitted), draws, and returns the axes, with fixed
limits so that the frames of a kernel-free widget line up. The math comes from
:mod:`mathcalc.paper.partials` and :mod:`mathcalc.paper.elementwise`; these only draw it.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import sympy as sp

from ...paper import elementwise, partials
from .style import COLORS, new_axes

LIM = (-2.0, 2.0)


def _axes3d(ax):
    if ax is None:
        fig = plt.figure(figsize=(6, 4.5))
        ax = fig.add_subplot(projection="3d")
    if getattr(ax, "name", "") != "3d":
        raise ValueError("plot_partial_slices needs 3D axes: subplot_kw={'projection': '3d'}")
    return ax


def plot_partial_slices(x0: float = 1.0, y0: float = 1.0, ax=None, grid: int = 7,
                        lim=LIM, zlim=(-24.0, 24.0)):
    """The surface f(x, y) = 3x²y (§3) and its two slices through (x0, y0).

    The slice along x (y held at y0) is the curve 3x²y0, with tangent slope ∂f/∂x = 6yx;
    the slice along y (x held at x0) is the line 3x0²y, with slope ∂f/∂y = 3x². Each
    tangent is drawn through the point with the slope from :func:`partials.slice_slopes`.
    ``grid`` is the number of mesh lines per axis of the wireframe surface.
    """
    if not isinstance(grid, (int, np.integer)) or grid < 2:
        raise ValueError(f"grid must be an integer >= 2, got {grid!r}")
    ax = _axes3d(ax)
    f = sp.lambdify((partials.X, partials.Y), partials.F_EXAMPLE, "numpy")
    gx, gy = np.meshgrid(np.linspace(*lim, grid), np.linspace(*lim, grid))
    ax.plot_wireframe(gx, gy, f(gx, gy), color="#9bb7d4", lw=0.6)
    t = np.linspace(*lim, 41)
    z0 = float(f(x0, y0))
    slope_x, slope_y = partials.slice_slopes(x0, y0)
    ax.plot(t, np.full_like(t, y0), f(t, y0), color=COLORS["f"], lw=2.4)
    ax.plot(np.full_like(t, x0), t, f(x0, t), color=COLORS["act"], lw=2.4)
    h = np.linspace(-1.0, 1.0, 2)
    ax.plot(x0 + h, np.full_like(h, y0), z0 + slope_x * h, color=COLORS["tangent"], lw=2.2, ls="--")
    ax.plot(np.full_like(h, x0), y0 + h, z0 + slope_y * h, color=COLORS["tangent"], lw=2.2, ls="--")
    ax.scatter([x0], [y0], [z0], color=COLORS["point"], s=20, depthshade=False)
    ax.set_xlim(*lim)
    ax.set_ylim(*lim)
    ax.set_zlim(*zlim)
    ax.set_xticks(np.linspace(*lim, 5))
    ax.set_yticks(np.linspace(*lim, 5))
    ax.set_zticks(np.linspace(*zlim, 3))
    ax.tick_params(labelsize=8)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_zlabel("f")
    ax.view_init(elev=24, azim=-58)
    ax.set_box_aspect(None, zoom=1.12)
    ax.text2D(0.0, 1.08, f"f = 3x²y = {z0:.3g} at (x, y) = ({x0:.2g}, {y0:.2g})",
              transform=ax.transAxes, fontsize=9)
    ax.text2D(0.0, 1.02, f"along x (blue): slope ∂f/∂x = 6yx = {slope_x:.3g}",
              transform=ax.transAxes, fontsize=9, color=COLORS["f"])
    ax.text2D(0.0, 0.96, f"along y (red): slope ∂f/∂y = 3x² = {slope_y:.3g}",
              transform=ax.transAxes, fontsize=9, color=COLORS["act"])
    return ax


def plot_matrix(J, ax=None, title: str = "", vmax: float | None = None, annotate: bool = True,
                labels=("w", "x")):
    """A heat map of the matrix J (rows are outputs y_i, columns the variables), diverging
    colours centred on zero so that zeros are white and the diagonal structure shows.

    ``J`` is a NumPy array or a SymPy matrix of numbers; ``vmax`` fixes the colour scale.
    """
    J = np.asarray(J, dtype=float)
    if J.ndim != 2:
        raise ValueError(f"J must be a matrix, got shape {J.shape}")
    ax = new_axes(ax, figsize=(4.5, 4))
    if vmax is None:
        vmax = float(np.max(np.abs(J))) or 1.0
    ax.imshow(J, cmap="RdBu_r", vmin=-vmax, vmax=vmax)
    m, n = J.shape
    if annotate and m * n <= 100:
        for (i, j), v in np.ndenumerate(J):
            ax.text(j, i, "0" if v == 0 else f"{v:.2g}", ha="center", va="center",
                    fontsize=8, color="#222222" if abs(v) < 0.6 * vmax else "white")
    ax.set_xticks(range(n), [f"{labels[1] if len(labels) > 1 else 'x'}{j + 1}" for j in range(n)])
    ax.set_yticks(range(m), [f"y{i + 1}" for i in range(m)])
    ax.tick_params(labelsize=8)
    ax.set_title(title, fontsize=10)
    return ax


def plot_operator_jacobian(operator: str = "w ⊗ x", wrt: str = "w", n: int = 5, ax=None,
                           rng=0, vmax: float = 4.0):
    """The Jacobian ∂y/∂w or ∂y/∂x of y = w ◯ x (§4.2) at a seeded random point, as a heat map.

    ``operator`` is one of :data:`mathcalc.paper.elementwise.OPERATOR_NAMES`; the title says whether the
    matrix is diagonal (the element-wise diagonal condition) or not (the counter-example).
    """
    J = elementwise.operator_jacobian_at(operator, wrt, n, rng=rng)
    off = J[~np.eye(n, dtype=bool)]
    shape = "diagonal" if np.all(off == 0) else "NOT diagonal"
    ax = plot_matrix(J, ax=ax, vmax=vmax, labels=("y", wrt),
                     title=f"∂y/∂{wrt} for y = {operator}: {shape}")
    return ax


def plot_identity_jacobian(n: int = 4, ax=None, n_max: int = 8):
    """The Jacobian of the identity f(x) = x for an n-vector (§4.1), computed by SymPy.

    The axes always span an ``n_max`` x ``n_max`` grid so that frames for different n line up.
    """
    if not isinstance(n, (int, np.integer)) or not 1 <= n <= n_max:
        raise ValueError(f"n must be an integer from 1 to {n_max}, got {n!r}")
    J = np.array(partials.identity_jacobian(n), dtype=float)
    ax = plot_matrix(J, ax=ax, vmax=2.0, title=f"∂x/∂x for n = {n}: the {n} × {n} identity",
                     labels=("y", "x"))
    ax.set_xlim(-0.5, n_max - 0.5)
    ax.set_ylim(n_max - 0.5, -0.5)
    return ax


def plot_tangent(expr, x: sp.Symbol, at: float = 1.0, ax=None, xlim=(-2.0, 2.0), ylim=None):
    """A function of one variable, its tangent line at ``x = at``, and the slope d expr/dx.

    The slope comes from SymPy's derivative; the tangent is y = f(a) + f'(a)(x − a).
    """
    if not isinstance(x, sp.Symbol):
        raise ValueError(f"x must be a SymPy symbol, got {x!r}")
    ax = new_axes(ax)
    f = sp.lambdify(x, expr, "numpy")
    df = sp.lambdify(x, sp.diff(expr, x), "numpy")
    xs = np.linspace(*xlim, 241)
    ys = np.broadcast_to(f(xs), xs.shape)
    fa, slope = float(f(at)), float(df(at))
    ax.plot(xs, ys, color=COLORS["f"], lw=2, label=f"${sp.latex(expr)}$")
    ax.plot(xs, fa + slope * (xs - at), color=COLORS["tangent"], lw=1.4,
            label=f"tangent, slope {slope:.3g}")
    ax.plot([at], [fa], "o", color=COLORS["point"])
    ax.set_xlim(*xlim)
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_xlabel(str(x))
    ax.legend(loc="upper left", fontsize=9)
    return ax
