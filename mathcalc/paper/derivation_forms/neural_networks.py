"""The derivations of §5 (the neuron's activation) and §6 (its loss), one builder per display
equation of the paper: each returns (expressions, equal)."""
from __future__ import annotations

import sympy as sp

from ...core.symbolic import column
from ..neuron_symbolic import neuron_symbols
from .core import (N_COMPONENTS, N_SAMPLES, add_all, block_chain, cases, d, otimes,
                   relu_equal, times)

# --- the symbols ---------------------------------------------------------------------------
def _neuron():
    w, b, x = neuron_symbols(N_COMPONENTS)
    return w, b, x, w.dot(x) + b


def _data():
    w, b, X, y = neuron_symbols(N_COMPONENTS, N=N_SAMPLES)
    z = [X.row(i).dot(w) + b for i in range(N_SAMPLES)]
    v = [y[i] - sp.Max(0, z[i]) for i in range(N_SAMPLES)]
    C = add_all(vi**2 for vi in v) / N_SAMPLES
    return w, b, X, y, z, v, C


# --- §5 --------------------------------------------------------------------------------------
def _5_3():
    w, b, x, _ = _neuron()
    u = column("u", N_COMPONENTS)
    wx = otimes(w, x)
    return block_chain([[d(wx, w), d(wx, w), sp.diag(*x)],
                        [d(sum(u), u), d(sum(u), u), sp.ones(1, N_COMPONENTS)]]), None


def _5_4():
    w, b, x, _ = _neuron()
    u = column("u", N_COMPONENTS)
    wx = otimes(w, x)
    dy_du = d(sum(u), u)  # = 1ᵀ whatever u is
    return [d(sum(wx), w), dy_du * d(wx, w), sp.ones(1, N_COMPONENTS) * sp.diag(*x), x.T], None


def _5_5():
    w, b, x, _ = _neuron()
    n = range(N_COMPONENTS)
    terms = [w[i] * x[i] for i in n]
    y = w.dot(x)
    row = lambda f: sp.Matrix([[f(j) for j in n]])  # noqa: E731  (one entry per j)
    line1 = [y, sp.Add(*terms, evaluate=False)]
    line2 = [row(lambda j: sp.Derivative(y, w[j])),
             row(lambda j: sp.Derivative(sp.Add(*terms, evaluate=False), w[j])),
             row(lambda j: sp.Add(*[sp.Derivative(t, w[j]) for t in terms], evaluate=False)),
             row(lambda j: sp.Derivative(w[j] * x[j], w[j])),
             row(lambda j: x[j])]
    return block_chain([line1, line2]), None


def _5_6():
    w, b, x, _ = _neuron()
    return [d(w.dot(x), w), sp.Matrix([list(x)]), x.T], None


def _5_7():
    w, b, x, z = _neuron()
    zeros = sp.zeros(1, N_COMPONENTS)
    line1 = [d(z, w), d(w.dot(x), w) + d(b, w), x.T + zeros, x.T]
    line2 = [sp.Derivative(z, b), sp.Add(sp.Derivative(w.dot(x), b), sp.Derivative(b, b),
                                         evaluate=False),
             sp.Add(0, 1, evaluate=False), sp.Integer(1)]
    return block_chain([line1, line2]), relu_equal


def _5_8():
    z = sp.Symbol("z", real=True)
    return [sp.Derivative(sp.Max(0, z), z), cases(z, 0, sp.Derivative(z, z)),
            cases(z, 0, 1)], relu_equal


def _5_10():
    w, b, x, _ = _neuron()
    row = lambda f: sp.Matrix([[f(xi) for xi in x]])  # noqa: E731  (one entry per i)
    line1 = [row(lambda xi: sp.Derivative(sp.Max(0, xi), xi)),
             row(lambda xi: cases(xi, 0, sp.Derivative(xi, xi))),
             row(lambda xi: cases(xi, 0, 1))]
    relu = sp.Matrix([sp.Max(0, xi) for xi in x])
    line2 = [d(relu, x), sp.Matrix([sp.Derivative(sp.Max(0, xi), xi) for xi in x])]
    return block_chain([line1, line2]), relu_equal


def _5_13():
    w, b, x, z = _neuron()
    t = sp.Symbol("z", real=True)
    da_dz = sp.Subs(sp.Derivative(sp.Max(0, t), t), t, z)
    return [d(sp.Max(0, z), w), da_dz * d(z, w)], relu_equal


def _5_14():
    w, b, x, z = _neuron()
    dz = d(z, w)
    line1 = [d(sp.Max(0, z), w), cases(z, times(0, dz), times(1, dz)),
             cases(z, 0, times(1, dz)), cases(z, 0, dz), cases(z, 0, x.T)]
    line2 = [dz, x.T]  # "we computed ∂z/∂w = xᵀ previously"
    return block_chain([line1, line2]), relu_equal


def _5_15():
    w, b, x, z = _neuron()
    return [d(sp.Max(0, z), w), cases(z, 0, x.T)], relu_equal


def _5_16():
    w, b, x, z = _neuron()
    dz = sp.Derivative(z, b)
    return [sp.Derivative(sp.Max(0, z), b), cases(z, times(0, dz), times(1, dz)),
            cases(z, 0, times(1, dz)), cases(z, 0, 1)], relu_equal


# --- §6 --------------------------------------------------------------------------------------
def _activation_of(w, b, X, i):
    return sp.Max(0, X.row(i).dot(w) + b)  # activation(x_i), §5's definition


def _6_3():
    w, b, X, y, z, v, C = _data()
    N = N_SAMPLES
    with_activation = add_all((y[i] - _activation_of(w, b, X, i))**2 for i in range(N)) / N
    return [with_activation, C], None


def _cost_as_printed():
    """C(v) = (1/N) Σ_{i=1}^N v² as printed (E6-a): v = y − max(0, w·x + b) of one sample
    (x, y), the same in every term, against the cost of §6 (6-3), a sum over the samples."""
    w, b, X, y, z, v, C = _data()
    x, t = column("x", N_COMPONENTS), sp.Symbol("y", real=True)
    v_printed = t - sp.Max(0, w.dot(x) + b)
    return [C, add_all(v_printed**2 for _ in range(N_SAMPLES)) / N_SAMPLES], relu_equal


def _6_1_6():
    """The update rule, rearranged to w_t − w_{t+1} = η ∂C/∂w: the n × 1 column w_t − w_{t+1}
    against the 1 × n row η ∂C/∂w (E6.1-d)."""
    w, b, X, y, z, v, C = _data()
    w_next, eta = column("w_next", N_COMPONENTS), sp.Symbol("eta", positive=True)
    return [w - w_next, eta * d(C, w)], None


def _single():
    w, b, x, z = _neuron()
    y = sp.Symbol("y", real=True)
    return w, b, x, z, y, sp.Max(0, z), y - sp.Max(0, z)


def _6_1_1():
    w, b, x, z, y, u, v = _single()
    return [d(u, w), cases(z, 0, x.T)], relu_equal


def _6_1_2():
    w, b, x, z, y, u, v = _single()
    return [d(v, w), d(y - u, w), sp.zeros(1, N_COMPONENTS) - d(u, w), -d(u, w),
            cases(z, 0, -x.T)], relu_equal


def _per_sample(f):
    return add_all(f(i) for i in range(N_SAMPLES))


def _all_inactive(z):
    return sp.And(*[zi <= 0 for zi in z])


def _6_1_3_last():
    w, b, X, y, z, v, C = _data()
    N = N_SAMPLES
    return _per_sample(lambda i: cases(z[i], 0, -2 * (y[i] - z[i]) * X.row(i))) / N


def _6_1_3():
    w, b, X, y, z, v, C = _data()
    N, V = N_SAMPLES, sp.Symbol("v", real=True)
    zeros = sp.zeros(1, N_COMPONENTS)
    main = [d(C, w),
            d(C, w),  # ∂/∂w (1/N) Σ v_i²
            _per_sample(lambda i: d(v[i]**2, w)) / N,
            _per_sample(lambda i: sp.Subs(sp.Derivative(V**2, V), V, v[i]) * d(v[i], w)) / N,
            _per_sample(lambda i: 2 * v[i] * d(v[i], w)) / N,
            _per_sample(lambda i: cases(z[i], times(2, v[i], zeros), -2 * v[i] * X.row(i))) / N,
            _per_sample(lambda i: cases(z[i], zeros, -2 * (y[i] - sp.Max(0, z[i])) * X.row(i))) / N,
            _per_sample(lambda i: cases(z[i], zeros, -2 * (y[i] - sp.Max(0, z[i])) * X.row(i))) / N,
            _6_1_3_last()]
    inner = [times(2, v[0], zeros), zeros]  # the first case: 2v 0ᵀ = 0ᵀ
    return block_chain([main, inner], order=[0, 0, 0, 0, 0, 1, 0, 0, 0]), relu_equal


def _6_1_4():
    w, b, X, y, z, v, C = _data()
    N = N_SAMPLES
    # the paper's cases outside the sum, read as its code does (neuron.loss_gradient_paper_61):
    # 0ᵀ when every sample is inactive, otherwise the sum over all samples
    minus = sp.Rational(-2, N) * _per_sample(lambda i: (y[i] - z[i]) * X.row(i))
    plus = sp.Rational(2, N) * _per_sample(lambda i: (z[i] - y[i]) * X.row(i))
    return [_6_1_3_last(), cases(_all_inactive(z), 0, minus),
            cases(_all_inactive(z), 0, plus)], relu_equal


def _6_1_5():
    w, b, X, y, z, v, C = _data()
    e = [z[i] - y[i] for i in range(N_SAMPLES)]
    return [d(C, w), sp.Rational(2, N_SAMPLES) * _per_sample(lambda i: e[i] * X.row(i))], relu_equal


def _6_2_2():
    w, b, x, z, y, u, v = _single()
    return [sp.Derivative(u, b), cases(z, 0, 1)], relu_equal


def _6_2_3():
    w, b, x, z, y, u, v = _single()
    du = sp.Derivative(u, b)
    return [sp.Derivative(v, b), sp.Derivative(y - u, b), sp.Add(0, -du, evaluate=False),
            -du, cases(z, 0, -1)], relu_equal


def _6_2_4():
    w, b, X, y, z, v, C = _data()
    N, V = N_SAMPLES, sp.Symbol("v", real=True)
    x = column("x", N_COMPONENTS)  # the paper's conditions test w·x + b, with no sample index
    zx = w.dot(x) + b
    return [sp.Derivative(C, b),
            sp.Derivative(C, b),
            _per_sample(lambda i: sp.Derivative(v[i]**2, b)) / N,
            _per_sample(lambda i: sp.Subs(sp.Derivative(V**2, V), V, v[i])
                        * sp.Derivative(v[i], b)) / N,
            _per_sample(lambda i: 2 * v[i] * sp.Derivative(v[i], b)) / N,
            _per_sample(lambda i: cases(zx, 0, -2 * v[i])) / N,
            _per_sample(lambda i: cases(zx, 0, -2 * (y[i] - sp.Max(0, z[i])))) / N,
            # line 7 read with the sample index (what dropping the max needs), so that the
            # last '=' is tested for its own fault (E6.2-a), not for E6.2-b again
            _per_sample(lambda i: cases(z[i], 0, 2 * (z[i] - y[i]))) / N,
            cases(_all_inactive(z), 0,
                  sp.Rational(2, N) * _per_sample(lambda i: z[i] - y[i]))], relu_equal


def _6_2_5():
    w, b, X, y, z, v, C = _data()
    return [sp.Derivative(C, b),
            sp.Rational(2, N_SAMPLES) * _per_sample(lambda i: z[i] - y[i])], relu_equal



# key: (builder, the paper's step numbers checked, {step: erratum key})
FORMS = {
    "5-3": (_5_3, [1, 2, 3, 4], {}),
    "5-4": (_5_4, [1, 2, 3], {}),
    "5-5": (_5_5, [2, 3, 4, 5, 6], {}),
    "5-6": (_5_6, [1, 2], {}),
    "5-7": (_5_7, [1, 2, 3, 4, 5, 6], {}),
    "5-8": (_5_8, [1, 2], {}),
    "5-10": (_5_10, [1, 2, 3], {3: "E5-a"}),
    "5-13": (_5_13, [1], {}),
    "5-14": (_5_14, [1, 2, 3, 4, 5], {}),
    "5-15": (_5_15, [1], {}),
    "5-16": (_5_16, [1, 2, 3], {}),
    "6-3": (_6_3, [3], {}),
    "6-4": (_cost_as_printed, [3], {3: "E6-a"}),
    "6.1-1": (_6_1_1, [1], {}),
    "6.1-2": (_6_1_2, [1, 2, 3, 4], {}),
    "6.1-3": (_6_1_3, [1, 3, 5, 7, 9, 11, 12, 14, 16], {}),
    "6.1-4": (_6_1_4, [1, 3], {1: "E6.1-a"}),
    "6.1-5": (_6_1_5, [1], {1: "E6.1-a"}),
    "6.1-6": (_6_1_6, [1], {1: "E6.1-d"}),
    "6.2-1": (_cost_as_printed, [3], {3: "E6-a"}),
    "6.2-2": (_6_2_2, [1], {}),
    "6.2-3": (_6_2_3, [1, 2, 3, 4], {}),
    "6.2-4": (_6_2_4, [1, 3, 5, 7, 9, 11, 13, 15], {9: "E6.2-b", 13: "E6.2-b", 15: "E6.2-a"}),
    "6.2-5": (_6_2_5, [1], {1: "E6.2-a"}),
}
