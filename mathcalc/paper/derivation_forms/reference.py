"""The derivations of the paper's reference, §8 (gradients, Jacobians, element-wise operations,
scalar expansion, reductions) and §9 (notation): one builder per display equation, each
returning (expressions, equal)."""
from __future__ import annotations

import sympy as sp

from ...core.symbolic import column
from .core import N_COMPONENTS, block_chain, d, otimes

# --- §8-§9 --------------------------------------------------------------------------------------
def _jacobian_example():
    x = column("x", N_COMPONENTS)
    return x, [3 * x[0]**2 * x[1], 2 * x[0] + x[2]**8]  # m = 2 functions of n = 3 variables


def _8_1_1():
    x, y = sp.symbols("x y", real=True)
    f = 3 * x**2 * y  # the paper's f(x, y)
    return [d(f, [x, y]), sp.Matrix([[sp.Derivative(f, x), sp.Derivative(f, y)]])], None


def _8_1_2():
    x, fs = _jacobian_example()
    stacked = sp.Matrix.vstack(*[d(f, x) for f in fs])  # [∇f_1(x); ∇f_2(x)]
    return [d(sp.Matrix(fs), x), stacked, sp.Matrix.vstack(*[d(f, x) for f in fs])], None


def _9_1():
    x, fs = _jacobian_example()
    return [d(sp.Matrix(fs), x), sp.Matrix.vstack(*[d(f, x) for f in fs])], None


def _8_2_1():
    w, x = column("w", N_COMPONENTS), column("x", N_COMPONENTS)
    f = [wi**2 for wi in w]  # f_i(w) = w_i², g_i(x) = x_i, ◯ = +
    intended = sp.Matrix([f[i] + x[i] for i in range(N_COMPONENTS)])
    paper = sp.Matrix([f[0] + x[0], f[-1] + x[1], *[f[i] + x[i] for i in range(2, N_COMPONENTS)]])
    return [intended, paper], None


def _8_2_2():
    w, x = column("w", N_COMPONENTS), column("x", N_COMPONENTS)
    y = sp.Matrix([w[i] * sum(w) * sp.sin(x[i]) for i in range(N_COMPONENTS)])  # f_i(w) ⊗ g_i(x)
    return [d(y, w), d(y, w)], None


def _8_2_3():
    w, x = column("w", N_COMPONENTS), column("x", N_COMPONENTS)
    y = sp.Matrix([w[i]**2 * sp.sin(x[i]) for i in range(N_COMPONENTS)])  # f_i(w_i) ⊗ g_i(x_i)
    return [d(y, w), sp.diag(*[sp.Derivative(y[i], w[i]) for i in range(N_COMPONENTS)])], None


def _expansion():
    return column("x", N_COMPONENTS), sp.Symbol("z", real=True)


def _8_3_1():
    x, z = _expansion()
    return [d(x + z * sp.ones(N_COMPONENTS, 1), x), sp.diag(*[1] * N_COMPONENTS),
            sp.eye(N_COMPONENTS)], None


def _8_3_2():
    x, z = _expansion()
    return [d(x + z * sp.ones(N_COMPONENTS, 1), [z]), sp.ones(N_COMPONENTS, 1)], None


def _8_3_3():
    x, z = _expansion()
    return [d(x * z, x), sp.eye(N_COMPONENTS) * z], None


def _8_3_4():
    x, z = _expansion()
    return [d(x * z, [z]), x], None


def _8_4_1():
    x = column("x", N_COMPONENTS)
    f = [x[0]**2 * x[1], sp.sin(x[2]), x[0] * x[2]]  # y = sum(f(x))
    return [d(sum(f), x), d(sum(f), x),
            sp.Matrix([[sum(sp.Derivative(fi, xj) for fi in f) for xj in x]])], None


def _8_4_2():
    x = column("x", N_COMPONENTS)
    return [d(sum(x), x), sp.ones(1, N_COMPONENTS)], None


def _8_4_3():
    x, z = _expansion()
    return [d(sum(x * z), x), sp.Matrix([[z] * N_COMPONENTS])], None


def _8_4_4():
    x, z = _expansion()
    return [sp.Derivative(sum(x * z), z), sum(x)], None


def _8_4_5():
    w, x = column("w", N_COMPONENTS), column("x", N_COMPONENTS)
    u = column("u", N_COMPONENTS)
    wx = otimes(w, x)
    ones = sp.ones(1, N_COMPONENTS)
    return block_chain([[d(wx, x), d(wx, x), sp.diag(*w)],
                        [d(sum(u), u), d(sum(u), u), ones],
                        [d(sum(wx), x), d(sum(u), u) * d(wx, x), ones * sp.diag(*w), w.T]]), None


# key: (builder, the paper's step numbers checked, {step: erratum key})

# key: (builder, the paper's step numbers checked, {step: erratum key})
FORMS = {
    "8.1-1": (_8_1_1, [1], {}),
    "8.1-2": (_8_1_2, [1, 3], {}),
    "8.2-1": (_8_2_1, [1], {1: "E8.2-a"}),
    "8.2-2": (_8_2_2, [2], {}),
    "8.2-3": (_8_2_3, [1], {}),
    "8.3-1": (_8_3_1, [1, 2], {}),
    "8.3-2": (_8_3_2, [1], {}),
    "8.3-3": (_8_3_3, [1], {}),
    "8.3-4": (_8_3_4, [1], {}),
    "8.4-1": (_8_4_1, [2, 3], {}),
    "8.4-2": (_8_4_2, [1], {}),
    "8.4-3": (_8_4_3, [1], {}),
    "8.4-4": (_8_4_4, [1], {}),
    "8.4-5": (_8_4_5, [1, 2, 3, 4, 5, 6, 7], {}),
    "9-1": (_9_1, [1], {}),
}
