"""The vector rules of Parr & Howard §4.2-§4.4 (reference §8.2-§8.4), as data.

Every rule is one operator y = op(args) with, for each argument a:

- ``jacobian[a]``: the closed-form ∂y/∂a the paper states (e.g. diag(x) for ∂(w⊗x)/∂w),
  built from SymPy arguments, in numerator layout: a vector output of length n gives n
  rows, a scalar output one row; a vector argument gives n columns, a scalar one column;
- ``jvp[a](v, *args)``: the forward-mode product (∂y/∂a)·v, in NumPy, without forming
  the matrix (a diagonal Jacobian times v is an element-wise product);
- ``vjp[a](g, *args)``: the reverse-mode product gᵀ·(∂y/∂a), shaped like ``a``.

This module is data and imports no checker: :func:`mathcalc.rules.verify.verify_vector_rule`
checks all three against SymPy's own Jacobian and finite differences (the tests run it for
several n, the reference chapter shows its result); the autodiff package uses
``forward``, ``jvp`` and ``vjp`` as its primitives.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import sympy as sp

from ..core.symbolic import column
from ..core.validate import positive_int


@dataclass(frozen=True)
class VectorRule:
    """One operator and its derivative rules; see the module docstring for the contract."""

    key: str
    kind: str  # "element-wise", "element-wise function", "scalar expansion", "reduction"
    section: str
    latex: str  # the output, e.g. r"\mathbf{w} \otimes \mathbf{x}"
    args: tuple[str, ...]  # argument names; "z" is a scalar, the others vectors
    symbolic: Callable  # SymPy arguments -> SymPy column Matrix (or scalar for reductions)
    forward: Callable  # NumPy arguments -> ndarray (n,) or float
    jacobian: dict[str, Callable]
    jacobian_latex: dict[str, str]
    jvp: dict[str, Callable]
    vjp: dict[str, Callable]
    domain: tuple[float, float] = (-2.0, 2.0)  # where random checks draw their points
    in_paper: bool = True
    note: str = field(default="", compare=False)

    def is_scalar(self, arg: str) -> bool:
        """Scalar arguments are named z (the paper's §4.3 convention)."""
        return arg == "z"

    def arg_latex(self, arg: str) -> str:
        """The argument as §9 writes it: a vector in bold, the scalar z in italics."""
        return arg if self.is_scalar(arg) else rf"\mathbf{{{arg}}}"


def _ew(f):  # element-wise map of a SymPy function over a column
    return lambda v: v.applyfunc(f)


def _diag(v):  # diag(v) for a SymPy column v
    return sp.diag(*list(v))


def _col(n_like, value):  # a column of `value`, as long as the column n_like
    return sp.Matrix([value] * n_like.rows)


def _binary(key, section, latex, sym, fwd, jac_w, jac_x, lat_w, lat_x, jvp_w, jvp_x,
            vjp_w, vjp_x, domain=(-2.0, 2.0), in_paper=True):
    return VectorRule(key, "element-wise", section, latex, ("w", "x"), sym, fwd,
                      {"w": jac_w, "x": jac_x}, {"w": lat_w, "x": lat_x},
                      {"w": jvp_w, "x": jvp_x}, {"w": vjp_w, "x": vjp_x}, domain, in_paper)


def _function(key, latex, f_sym, f_np, df_np, domain=(-2.0, 2.0), in_paper=False, note="",
              section="§4.2, §4.5.3", jacobian_latex=""):
    """y = f(x) element-wise: ∂y/∂x = diag(f'(x)), so JVP and VJP multiply by f'(x).

    The Jacobian's LaTeX is diag(... f'(x_i) ...) with f' written out by SymPy, unless
    ``jacobian_latex`` gives it (I for the identity, a case split for the ReLU).
    """
    t = sp.Symbol("t", real=True)
    df_sym = sp.Lambda(t, sp.diff(f_sym(t), t))
    df_tex = sp.latex(df_sym(sp.Symbol("x_i", real=True)))
    return VectorRule(
        key, "element-wise function", section, latex, ("x",), _ew(f_sym),
        f_np, {"x": lambda x: _diag(x.applyfunc(df_sym))},
        {"x": jacobian_latex or rf"\operatorname{{diag}}(\dots {df_tex} \dots)"},
        {"x": lambda v, x: df_np(x) * v}, {"x": lambda g, x: g * df_np(x)},
        domain, in_paper, note)


_ONE = sp.Integer(1)

VECTOR_RULES: tuple[VectorRule, ...] = (
    # §4.2 element-wise binary operators: diagonal Jacobians
    _binary("add", "§4.2", r"\mathbf{w} + \mathbf{x}", lambda w, x: w + x, np.add,
            lambda w, x: sp.eye(w.rows), lambda w, x: sp.eye(w.rows), "I", "I",
            lambda v, w, x: v, lambda v, w, x: v, lambda g, w, x: g, lambda g, w, x: g),
    _binary("sub", "§4.2", r"\mathbf{w} - \mathbf{x}", lambda w, x: w - x, np.subtract,
            lambda w, x: sp.eye(w.rows), lambda w, x: -sp.eye(w.rows), "I", "-I",
            lambda v, w, x: v, lambda v, w, x: -v, lambda g, w, x: g, lambda g, w, x: -g),
    _binary("mul", "§4.2", r"\mathbf{w} \otimes \mathbf{x}",
            lambda w, x: w.multiply_elementwise(x), np.multiply,
            lambda w, x: _diag(x), lambda w, x: _diag(w),
            r"\operatorname{diag}(\mathbf{x})", r"\operatorname{diag}(\mathbf{w})",
            lambda v, w, x: x * v, lambda v, w, x: w * v,
            lambda g, w, x: g * x, lambda g, w, x: g * w),
    _binary("div", "§4.2", r"\mathbf{w} \oslash \mathbf{x}",
            lambda w, x: sp.Matrix([wi / xi for wi, xi in zip(w, x)]), np.divide,
            lambda w, x: _diag(x.applyfunc(lambda t: 1 / t)),
            lambda w, x: _diag(sp.Matrix([-wi / xi**2 for wi, xi in zip(w, x)])),
            r"\operatorname{diag}(\dots \tfrac{1}{x_i} \dots)",
            r"\operatorname{diag}(\dots \tfrac{-w_i}{x_i^2} \dots)",
            lambda v, w, x: v / x, lambda v, w, x: -w / x**2 * v,
            lambda g, w, x: g / x, lambda g, w, x: -g * w / x**2, domain=(0.5, 2.0)),
    # §4.2 element-wise functions (used by the chain rules, §4.5.3, and the neuron, §5)
    _function("identity", r"\mathbf{x}", lambda t: t, lambda x: x, np.ones_like,
              in_paper=True, note="§4.1: the Jacobian of f(x) = x is I", section="§4.1",
              jacobian_latex="I"),
    _function("neg", r"-\mathbf{x}", lambda t: -t, np.negative, lambda x: -np.ones_like(x),
              jacobian_latex="-I"),
    _function("square", r"\mathbf{x}^2", lambda t: t**2, np.square, lambda x: 2 * x),
    _function("exp", r"\exp(\mathbf{x})", sp.exp, np.exp, np.exp),
    _function("log", r"\ln(\mathbf{x})", sp.log, np.log, lambda x: 1 / x, domain=(0.5, 2.0)),
    _function("sin", r"\sin(\mathbf{x})", sp.sin, np.sin, np.cos),
    _function("cos", r"\cos(\mathbf{x})", sp.cos, np.cos, lambda x: -np.sin(x)),
    _function("relu", r"\max(0, \mathbf{x})", lambda t: sp.Max(0, t),
              lambda x: np.maximum(0.0, x), lambda x: (x > 0).astype(float), in_paper=True, section="§5",
              note="§5: the derivative at 0 is taken to be 0 (SymPy's Heaviside(0) is 1/2)",
              jacobian_latex=r"\operatorname{diag}(\dots 1 \text{ if } x_i > 0 \text{ else } 0 \dots)"),
    # §4.3 scalar expansion: the scalar z is broadcast to the vector 1z
    VectorRule("add_scalar", "scalar expansion", "§4.3", r"\mathbf{x} + z", ("x", "z"),
               lambda x, z: x + _col(x, z), lambda x, z: x + z,
               {"x": lambda x, z: sp.eye(x.rows), "z": lambda x, z: _col(x, _ONE)},
               {"x": "I", "z": r"\vec{1}"},
               {"x": lambda v, x, z: v, "z": lambda v, x, z: np.full_like(x, v)},
               {"x": lambda g, x, z: g, "z": lambda g, x, z: np.sum(g)}),
    VectorRule("sub_scalar", "scalar expansion", "§4.3", r"\mathbf{x} - z", ("x", "z"),
               lambda x, z: x - _col(x, z), lambda x, z: x - z,
               {"x": lambda x, z: sp.eye(x.rows), "z": lambda x, z: _col(x, -_ONE)},
               {"x": "I", "z": r"-\vec{1}"},
               {"x": lambda v, x, z: v, "z": lambda v, x, z: np.full_like(x, -v)},
               {"x": lambda g, x, z: g, "z": lambda g, x, z: -np.sum(g)}, in_paper=False),
    VectorRule("mul_scalar", "scalar expansion", "§4.3", r"\mathbf{x} z", ("x", "z"),
               lambda x, z: x * z, lambda x, z: x * z,
               {"x": lambda x, z: sp.eye(x.rows) * z, "z": lambda x, z: x},
               {"x": "Iz", "z": r"\mathbf{x}"},
               {"x": lambda v, x, z: z * v, "z": lambda v, x, z: x * v},
               {"x": lambda g, x, z: g * z, "z": lambda g, x, z: np.dot(g, x)}),
    # x^z element-wise with the scalar exponent z expanded (§4.3 style), for the chain rule
    # examples of §4.5 (x³, 1/x) and the autodiff primitives; ∂/∂z needs x > 0 (ln x)
    VectorRule("pow", "scalar expansion", "§4.5", r"\mathbf{x}^{z}", ("x", "z"),
               lambda x, z: x.applyfunc(lambda t: t**z), lambda x, z: np.power(x, z),
               {"x": lambda x, z: _diag(x.applyfunc(lambda t: z * t**(z - 1))),
                "z": lambda x, z: x.applyfunc(lambda t: t**z * sp.log(t))},
               {"x": r"\operatorname{diag}(\dots z x_i^{z-1} \dots)",
                "z": r"\mathbf{x}^{z} \otimes \ln \mathbf{x}"},
               {"x": lambda v, x, z: z * np.power(x, z - 1) * v,
                "z": lambda v, x, z: np.power(x, z) * np.log(x) * v},
               {"x": lambda g, x, z: g * z * np.power(x, z - 1),
                "z": lambda g, x, z: np.sum(g * np.power(x, z) * np.log(x))},
               domain=(0.5, 2.0), in_paper=False,
               note="added for §4.5 (x³ in ln(sin(x³)²)) and autodiff; a constant z has no ∂/∂z"),
    # §4.4 reductions: a scalar output, so each Jacobian is one row
    VectorRule("sum", "reduction", "§4.4", r"\operatorname{sum}(\mathbf{x})", ("x",),
               lambda x: sum(x, sp.Integer(0)), np.sum,
               {"x": lambda x: sp.ones(1, x.rows)}, {"x": r"\vec{1}^T"},
               {"x": lambda v, x: np.sum(v)}, {"x": lambda g, x: np.full_like(x, g)}),
    VectorRule("sum_mul_scalar", "reduction", "§4.4", r"\operatorname{sum}(\mathbf{x} z)",
               ("x", "z"), lambda x, z: sum(x * z, sp.Integer(0)), lambda x, z: np.sum(x * z),
               {"x": lambda x, z: _col(x, z).T, "z": lambda x, z: sp.Matrix([[sum(x)]])},
               {"x": r"[z, z, \dots, z]", "z": r"\operatorname{sum}(\mathbf{x})"},
               {"x": lambda v, x, z: z * np.sum(v), "z": lambda v, x, z: np.sum(x) * v},
               {"x": lambda g, x, z: np.full_like(x, g * z), "z": lambda g, x, z: g * np.sum(x)}),
    VectorRule("dot", "reduction", "§4.4, §5", r"\mathbf{w} \cdot \mathbf{x}", ("w", "x"),
               lambda w, x: w.dot(x), np.dot,
               {"w": lambda w, x: x.T, "x": lambda w, x: w.T},
               {"w": r"\mathbf{x}^T", "x": r"\mathbf{w}^T"},
               {"w": lambda v, w, x: np.dot(x, v), "x": lambda v, w, x: np.dot(w, v)},
               {"w": lambda g, w, x: g * x, "x": lambda g, w, x: g * w}),
)


def rule(key: str) -> VectorRule:
    """The rule named ``key`` (``"mul"``, ``"sum"``, ...); ``KeyError`` lists the keys."""
    for r in VECTOR_RULES:
        if r.key == key:
            return r
    raise KeyError(f"no vector rule {key!r}; the rules are {[r.key for r in VECTOR_RULES]}")


def symbolic_args(r: VectorRule, n: int) -> list:
    """SymPy arguments for ``r`` at length n: a column (w1 ... wn) per vector, z for a scalar."""
    n = positive_int(n, "n")
    return [sp.Symbol("z", real=True) if r.is_scalar(a) else column(a, n) for a in r.args]
