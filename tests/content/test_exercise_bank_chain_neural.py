"""The exercises of the chain-rule chapters (8-10, §4.5) and the neural-network chapters
(12-14, §5-§6): each solution passes the self-check and each typical mistake fails it,
also at other seeds; the ReLU exercises avoid the kink at z = 0."""
import numpy as np
import pytest
import sympy as sp

from mathcalc.content.exercises import EXERCISES, chain_rules, exercise, neural_networks
from mathcalc.core.symbolic import jacobian

CHAPTERS = {"8", "9", "10", "12", "13", "14"}
OURS = [wk for ch in sorted(CHAPTERS, key=int) for wk in EXERCISES[ch]]
IDS = [wk.exercise.key for wk in OURS]


def as_matrix(value):
    """An answer as a matrix: a scalar derivative is 1 x 1."""
    return sp.Matrix(value) if isinstance(value, sp.MatrixBase) else sp.Matrix([[value]])

# the neuron exercises with a ReLU: max(0, z) in their function, or simplified away by
# positive symbols (the active region)
RELU = [wk for wk in OURS if wk.exercise.key.split(".")[0] in {"13", "14"}
        or wk.exercise.key == "12.2"]


def test_modules_hold_their_chapters():
    assert set(chain_rules.EXERCISES) == {"8", "9", "10"}
    assert set(neural_networks.EXERCISES) == {"12", "13", "14"}
    for ch in CHAPTERS:
        items = EXERCISES[ch]
        assert 2 <= len(items) <= 4
        assert [wk.exercise.key for wk in items] == [f"{ch}.{i}" for i in range(1, len(items) + 1)]


@pytest.mark.parametrize("worked", OURS, ids=IDS)
@pytest.mark.parametrize("seed", [1, 7, 2024])
def test_verdict_does_not_depend_on_the_seed(worked, seed):
    # 20 points: a mistake that is wrong only on one side of the ReLU's kink is caught
    # (with 5 points all can fall on one side, about 1 seed in 32 for one sample)
    assert worked.exercise.check(worked.answer, rng=seed, n_points=20).correct
    assert not worked.exercise.check(worked.mistake, rng=seed, n_points=20).correct


@pytest.mark.parametrize("worked", OURS, ids=IDS)
def test_answer_has_the_numerator_layout_shape(worked):
    expected = worked.exercise.expected()
    assert as_matrix(worked.answer).shape == expected.shape
    assert as_matrix(worked.mistake).shape == expected.shape


@pytest.mark.parametrize("worked", OURS, ids=IDS)
def test_markdown_hides_the_solution(worked):
    md = worked.exercise.markdown()
    assert md.startswith(f"**Exercise {worked.exercise.key}.**")
    assert md.count(":class: dropdown") == 1 and md.rstrip().endswith(":::")
    assert md.count("$") % 2 == 0  # balanced inline math


def test_relu_exercises_are_checked_away_from_the_kink():
    assert {wk.exercise.key for wk in RELU} == {"12.2", "13.1", "13.2", "13.3", "14.1",
                                                  "14.2", "14.3"}
    for wk in RELU:
        ex = wk.exercise
        if ex.domain == neural_networks.ACTIVE:
            # active region: positive symbols, max(0, z) has simplified to z
            assert all(s.is_positive for s in sp.sympify(ex.fs).free_symbols)
            assert not sp.sympify(ex.fs).has(sp.Max)
        else:
            # both sides of the kink: the expected derivative has the indicator of z > 0
            assert ex.domain == (-2.0, 2.0)
            assert ex.expected().has(sp.Heaviside)


@pytest.mark.parametrize("key", ["12.2", "13.2", "14.1"])
def test_piecewise_answers_are_accepted(key):
    """A reader may write the paper's cases with Piecewise instead of Heaviside."""
    wk = next(w for w in RELU if w.exercise.key == key)
    as_cases = as_matrix(wk.answer).applyfunc(
        lambda e: e.replace(lambda t: isinstance(t, sp.Heaviside),
                            lambda t: sp.Piecewise((0, t.args[0] <= 0), (1, True))))
    assert not as_cases.has(sp.Heaviside)
    assert wk.exercise.check(as_cases).correct


def test_reader_symbols_are_matched_by_name():
    x1, x2 = sp.symbols("x1 x2")  # no assumptions, unlike the exercise's
    c = sp.cos(x1 * x2)
    assert exercise("10.2").check(sp.Matrix([[2 * (x1 + x2), 2 * (x1 + x2)],
                                             [x2 * c, x1 * c]])).correct
    w, b, y = sp.symbols("w1 b y")
    x1, x2, w2 = sp.symbols("x1 x2 w2")
    e = w * x1 + w2 * x2 + b - y
    assert exercise("14.3").check(sp.Matrix([[2 * e * x1, 2 * e * x2, 2 * e]])).correct


def test_layout_mistake_is_reported_as_transposed():
    wk = EXERCISES["10"][3]
    result = wk.exercise.check(wk.mistake)
    assert result.transposed and "numerator layout" in str(result)
    x = sp.Symbol("x")
    with pytest.raises(ValueError, match="transposed"):  # 10.1 asks for a 2 x 1 column
        exercise("10.1").check(sp.Matrix([[9 * x**2, 2 * x + 3 * sp.cos(3 * x)]]))


def test_chain_rule_factors_multiply_to_the_answer():
    """10.2 and 10.4 by the vector chain rule itself: (∂f/∂g)(∂g/∂x) from the parts."""
    x1, x2, g1, g2 = sp.symbols("x1 x2 g1 g2", real=True)
    for key, f, g in [("10.2", [g1**2, sp.sin(g2)], [x1 + x2, x1 * x2]),
                      ("10.4", [g1 + g2, g1 * g2], [x1**2, x2])]:
        product = jacobian(f, [g1, g2]).subs({g1: g[0], g2: g[1]}) * jacobian(g, [x1, x2])
        assert exercise(key).check(product).correct


def test_active_region_matches_numpy_loss_gradient():
    """14.3's ∂C/∂ŵ at a point equals mathcalc.neuron.loss_gradient there (N = 1)."""
    from mathcalc.paper import neuron
    wk = EXERCISES["14"][2]
    s = {str(v): v for v in sp.Matrix(wk.answer).free_symbols}
    point = {s["w1"]: 0.7, s["w2"]: 1.3, s["b"]: 0.6, s["x1"]: 1.1, s["x2"]: 0.9, s["y"]: 1.5}
    symbolic = np.array(sp.Matrix(wk.answer).subs(point), dtype=float).ravel()
    g_w, g_b = neuron.loss_gradient([0.7, 1.3], 0.6, [[1.1, 0.9]], [1.5])
    np.testing.assert_allclose(symbolic, np.append(g_w, g_b), rtol=1e-12)
