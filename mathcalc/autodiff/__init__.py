"""Automatic differentiation built from the vector chain rule (beyond Parr & Howard §4.5,
which defers it to "a future article").

- forward mode (:mod:`.forward`): Jacobian-vector products, n passes for an m × n Jacobian;
- reverse mode (:mod:`.reverse`): vector-Jacobian products on a recorded graph, m passes;
- the primitives (:mod:`.ops`) are the rows of :data:`mathcalc.rules.VECTOR_RULES`, whose
  ``jvp`` and ``vjp`` fields are the only derivative rules used.

Write f once with these functions and operators; both modes run it:

>>> import numpy as np
>>> from mathcalc import autodiff as ad
>>> f = lambda x: ad.sum(ad.sin(x) * x)
>>> ad.grad(f, np.array([0.0, 1.0]))
array([0.        , 1.38177329])
"""
from .check import check_modes
from .forward import Dual, jacobian_forward, jvp
from .ops import (Cost, apply, cos, dot, exp, log, neg, power, relu, sin, square, sum,
                  value_of)
from .reverse import Var, grad, jacobian_reverse, vjp


def jacobian(f, x, mode: str = "reverse"):
    """∂f/∂x at x, numerator layout (m × n; a scalar counts as 1), by either mode."""
    if mode == "forward":
        return jacobian_forward(f, x)[0]
    if mode == "reverse":
        return jacobian_reverse(f, x)[0]
    raise ValueError(f"mode must be 'forward' or 'reverse', got {mode!r}")


__all__ = ["Dual", "Var", "Cost", "jvp", "vjp", "grad", "jacobian", "jacobian_forward",
           "jacobian_reverse", "check_modes", "apply", "value_of", "sin", "cos", "exp", "log", "square",
           "relu", "neg", "power", "sum", "dot"]
