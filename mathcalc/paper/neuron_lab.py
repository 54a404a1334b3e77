"""What the neuron widgets show (§5, §6.1, §6.2): the numbers at the reader's point, read
from :mod:`mathcalc.paper.neuron`, and the one sentence per frame that says them (a
frame's caption and alt text).

- :func:`read_neuron`: one-input neuron at (w, b, x): z, the activation and the gradient
  [∂a/∂w, ∂a/∂b] (§5), with z = 0 flagged: there the ReLU has no derivative and 0 is the
  paper's convention.
- :class:`LossLab`: a small one-input data set (five samples, one of which, x₃, the
  reader moves), the slider grids, and :meth:`LossLab.read`: which samples are active
  (w·xᵢ + b > 0), each one's contribution (2/N)·eᵢxᵢ to ∂C/∂w (or (2/N)·eᵢ to ∂C/∂b), the
  totals, and the paper's printed §6.1 form, which counts inactive samples too; a sample
  on its kink (w·xᵢ + b = 0, yᵢ ≠ 0) is flagged: there C has no gradient, and the totals
  are the paper's convention (the ReLU's slope taken as 0 at 0).

The captions are built only from these readings, so a test can compare every frame's
text with direct calls of :func:`~mathcalc.paper.neuron.activation_gradient`,
:func:`~mathcalc.paper.neuron.loss_gradient` and
:func:`~mathcalc.paper.neuron.loss_gradient_paper_61`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .neuron import (activation, activation_gradient, affine, error_terms, loss_gradient,
                     loss_gradient_paper_61, loss_surface, LossGrid)

SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _num(v: float) -> str:
    """A number as the captions print it: two decimals, a true minus, no negative zero."""
    v = 0.0 if abs(v) < 5e-13 else float(v)
    return f"{v:.2f}".replace("-", "−")


def sample_name(i: int) -> str:
    """x₁, x₂, ... for the sample of (0-based) index ``i``."""
    return "x" + str(i + 1).translate(SUBSCRIPTS)


# --- §5: one neuron, one input ------------------------------------------------------------

@dataclass(frozen=True)
class NeuronReading:
    """A one-input neuron at (w, b, x): z = wx + b, a = max(0, z), and (∂a/∂w, ∂a/∂b)."""

    w: float
    b: float
    x: float
    z: float
    activation: float
    da_dw: float
    da_db: float

    @property
    def state(self) -> str:
        """"active" (z > 0), "clipped" (z < 0) or "kink" (z = 0, the convention applies)."""
        return "active" if self.z > 0 else ("kink" if self.z == 0 else "clipped")

    def caption(self) -> str:
        grad = f"[∂a/∂w, ∂a/∂b] = [{_num(self.da_dw)}, {_num(self.da_db)}]"
        why = {"active": "z > 0, so the gradient is [x, 1]",
               "clipped": "z < 0, so the ReLU is flat and the gradient is [0, 0]",
               "kink": ("z = 0: max(0, z) has no derivative here; [0, 0] is the paper's "
                        "convention")}[self.state]
        return (f"z = wx + b = {_num(self.z)}, activation = {_num(self.activation)}, "
                f"{grad} ({why})")


def read_neuron(w: float, b: float, x: float) -> NeuronReading:
    """The §5 numbers at (w, b, x), from :mod:`mathcalc.paper.neuron`. z is exact on a
    grid of halves, so the frames at z = 0 are found exactly."""
    da_dw, da_db = activation_gradient([w], b, [x])
    return NeuronReading(float(w), float(b), float(x), affine([w], b, [x]),
                         activation([w], b, [x]), float(da_dw[0]), float(da_db))


def neuron_caption(w: float, b: float, x: float) -> str:
    """The caption and alt text of the §5 widget's frame at (w, b, x)."""
    return read_neuron(w, b, x).caption()


# --- §6.1, §6.2: the loss gradient on a data set the reader can see -------------------------

@dataclass(frozen=True)
class LabReading:
    """The loss gradient of a one-input neuron on N samples at (w, b).

    Arrays have shape (N,): ``x`` the inputs, ``e`` the error terms eᵢ = w·xᵢ + b − yᵢ,
    ``active`` the mask zᵢ > 0, ``contrib_w`` = (2/N)·eᵢxᵢ and ``contrib_b`` = (2/N)·eᵢ
    where active, else 0 (their sums are ``grad_w`` and ``grad_b``). ``paper_w`` and
    ``paper_b`` are the paper's printed §6.1 form (every sample counted when any is active).
    ``kink`` marks the samples on their kink, zᵢ = 0 exactly with yᵢ ≠ 0: their term
    (yᵢ − max(0, zᵢ))² has one-sided slopes 0 and −2yᵢ in zᵢ, so C has no gradient there
    and ``grad_w``, ``grad_b`` are the paper's convention (slope 0 at zᵢ = 0).
    """

    w: float
    b: float
    x: np.ndarray
    e: np.ndarray
    active: np.ndarray
    contrib_w: np.ndarray
    contrib_b: np.ndarray
    grad_w: float
    grad_b: float
    paper_w: float
    paper_b: float
    kink: np.ndarray

    @property
    def paper_agrees(self) -> bool:
        return bool(np.isclose(self.paper_w, self.grad_w, atol=1e-12)
                    and np.isclose(self.paper_b, self.grad_b, atol=1e-12))

    def caption(self, which: str = "w") -> str:
        """One sentence: the active samples, each contribution to ∂C/∂``which``, both
        partials, and the paper's printed form (§6.1 for ∂C/∂w, §6.2 for ∂C/∂b) beside the
        correct one."""
        if which not in ("w", "b"):
            raise ValueError(f"which must be 'w' or 'b', got {which!r}")
        contrib = self.contrib_w if which == "w" else self.contrib_b
        term = "(2/N)·eᵢxᵢ" if which == "w" else "(2/N)·eᵢ"
        n_active = int(self.active.sum())
        parts = [f"{sample_name(i)} {_num(c)}" if a else
                 f"{sample_name(i)} inactive" + (" (kink: z = 0)" if k else "")
                 for i, (c, a, k) in enumerate(zip(contrib, self.active, self.kink))]
        text = (f"{n_active} of {len(self.x)} samples active; contributions {term}: "
                f"{', '.join(parts)}; ∂C/∂w = {_num(self.grad_w)}, ∂C/∂b = {_num(self.grad_b)}")
        if self.kink.any():
            text += (" (at a kink C has no gradient: these are the values of the paper's "
                     "convention, the ReLU's slope taken as 0 at z = 0)")
        section = "§6.1" if which == "w" else "§6.2"
        if self.paper_agrees:
            case = "every sample is active" if n_active == len(self.x) else "no sample is active"
            return text + f"; the paper's {section} form agrees here ({case})"
        paper = self.paper_w if which == "w" else self.paper_b
        return (text + f"; the paper's {section} form gives ∂C/∂{which} = {_num(paper)}, "
                "wrong: it counts the inactive samples too")


@dataclass(frozen=True)
class LossLab:
    """The loss-gradient lab: samples (x, y), the moved sample's index and the slider grids.

    ``x`` (N,) are the inputs with ``x[moved]`` replaced by the reader's x₃; ``y`` (N,) the
    targets. ``w_values``, ``b_values``, ``x_values``: the values each slider offers.
    """

    x: tuple = (-2.0, -1.0, 0.5, 1.0, 2.0)
    y: tuple = (0.3, 0.2, 1.0, 1.4, 2.6)
    moved: int = 2
    w_values: tuple = tuple(np.linspace(-1.0, 3.0, 9))
    b_values: tuple = tuple(np.linspace(-2.0, 2.0, 9))
    x_values: tuple = (-1.5, -0.5, 0.5, 1.5, 2.5)
    wlim: tuple = (-1.5, 3.5)
    blim: tuple = (-2.5, 2.5)

    @property
    def moved_name(self) -> str:
        return sample_name(self.moved)

    @property
    def params(self) -> dict:
        """Slider name -> values, in slider order: w, b, then the moved sample (x₃)."""
        return {"w": list(self.w_values), "b": list(self.b_values),
                self.moved_name: list(self.x_values)}

    def data(self, x_moved: float) -> tuple[np.ndarray, np.ndarray]:
        """(X, y): X of shape (N, 1) with the moved sample at ``x_moved``; y of shape (N,)."""
        x = np.array(self.x, dtype=float)
        x[self.moved] = x_moved
        return x[:, None], np.array(self.y, dtype=float)

    def read(self, w: float, b: float, x_moved: float) -> LabReading:
        """The §6 numbers at (w, b) with the moved sample at ``x_moved``."""
        X, y = self.data(x_moved)
        e, active = error_terms([w], b, X, y)
        kink = (affine([w], b, X) == 0) & (y != 0)  # exact: the grids add exactly
        N = len(y)
        contrib_b = np.where(active, 2.0 / N * e, 0.0)
        gw, gb = loss_gradient([w], b, X, y)
        pw, pb = loss_gradient_paper_61([w], b, X, y)
        return LabReading(float(w), float(b), X[:, 0], e, active, contrib_b * X[:, 0],
                          contrib_b, float(gw[0]), float(gb), float(pw[0]), float(pb), kink)

    def surface(self, x_moved: float, k: int = 91) -> LossGrid:
        """C(w, b) on a k × k grid over (``wlim``, ``blim``) for this x₃ (the contours)."""
        X, y = self.data(x_moved)
        return loss_surface(X, y, self.wlim, self.blim, k)

    def caption(self, which: str = "w"):
        """The caption function of the lab's frames, ``caption(w=, b=, x₃=)`` (the moved
        sample's slider name): :meth:`LabReading.caption` of :meth:`read`."""
        def caption(**values) -> str:
            return self.read(values["w"], values["b"], values[self.moved_name]).caption(which)
        return caption

    def bar_limit(self, which: str = "w", quantile: float = 0.75) -> float:
        """A bar-chart limit that fits the ``quantile`` of every contribution and total
        (correct and the paper's) over the grids; larger bars are drawn cut at it."""
        values = []
        for w in self.w_values:
            for b in self.b_values:
                for xm in self.x_values:
                    r = self.read(w, b, xm)
                    c = r.contrib_w if which == "w" else r.contrib_b
                    paper = 2.0 / len(r.e) * r.e * (r.x if which == "w" else 1.0)
                    total = (r.grad_w, r.paper_w) if which == "w" else (r.grad_b, r.paper_b)
                    values += [*np.abs(c), *np.abs(paper), *map(abs, total)]
        return float(np.quantile(values, quantile))


HALVES = tuple(np.linspace(-2.0, 2.0, 9))
NEURON_GRID = {"w": list(HALVES), "b": list(HALVES), "x": list(HALVES)}
"""The §5 widget's sliders: w, b and x each over −2, −1.5, ..., 2 (9 values; z = 0 exactly
where it should be, since halves add exactly)."""
