"""The exercises of the part "Matrix calculus" (book chapters 3-7, Parr & Howard §3-§4.4):
every solution passes the self-check, every typical mistake fails it, the answers agree
with the rules table where it has the operation, and each chapter shows its own exercises."""
import json
from pathlib import Path

import pytest
import sympy as sp
from hypothesis import given, settings, strategies as st

from mathcalc.content.exercises import exercise, exercises_markdown, matrix_calculus
from mathcalc.rules import rule, symbolic_args

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = {"3": "partial-derivatives", "4": "jacobians", "5": "elementwise",
            "6": "scalar-expansion", "7": "sum-reduction"}
ALL = [wk for items in matrix_calculus.EXERCISES.values() for wk in items]
IDS = [wk.exercise.key for wk in ALL]


def test_every_chapter_of_the_part_has_two_to_four_numbered_exercises():
    assert sorted(matrix_calculus.EXERCISES) == sorted(CHAPTERS)
    for chapter, items in matrix_calculus.EXERCISES.items():
        assert 2 <= len(items) <= 4
        assert [wk.exercise.key for wk in items] == [f"{chapter}.{k}"
                                                     for k in range(1, len(items) + 1)]


def test_chapter_numbers_follow_the_table_of_contents():
    toc = (ROOT / "_toc.yml").read_text()
    files = [line.split("file:")[1].strip() for line in toc.splitlines() if "file:" in line]
    for chapter, name in CHAPTERS.items():
        assert files[int(chapter) - 1] == f"book/{name}"


@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_each_chapter_renders_and_checks_its_own_exercises(chapter):
    nb = json.loads((ROOT / "book" / f"{CHAPTERS[chapter]}.ipynb").read_text())
    sources = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    tags = [c["metadata"].get("tags", []) for c in nb["cells"] if c["cell_type"] == "code"]
    assert f'exercises_markdown("{chapter}")' in sources[-2] and "hide-input" in tags[-2]
    assert sources[-1] == f'self_check("{chapter}")' and "hide-cell" in tags[-1]
    shown = "".join(nb["cells"][-3]["outputs"][0]["data"]["text/markdown"])
    assert shown == exercises_markdown(chapter).data


@pytest.mark.parametrize("worked", ALL, ids=IDS)
def test_solution_is_the_numerator_layout_jacobian(worked):
    expected = worked.exercise.expected()
    answer = sp.Matrix(worked.answer)
    assert answer.shape == expected.shape
    assert (answer - expected).applyfunc(sp.simplify) == sp.zeros(*expected.shape)
    result = worked.exercise.check(worked.answer)
    assert result.correct and result.symbolic and not result.differences


@pytest.mark.parametrize("worked", ALL, ids=IDS)
def test_mistake_is_rejected_with_the_entries_that_differ(worked):
    result = worked.exercise.check(worked.mistake)
    assert not result.correct and result.differences
    expected, mistake = worked.exercise.expected(), sp.Matrix(worked.mistake)
    wrong = {(i + 1, j + 1) for i in range(expected.rows) for j in range(expected.cols)
             if sp.simplify(mistake[i, j] - expected[i, j]) != 0}
    assert {(d.row, d.column) for d in result.differences} == wrong
    assert "✗ not correct" in str(result)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(ALL), st.integers(0, 2**32 - 1))
def test_verdicts_do_not_depend_on_the_random_points(worked, seed):
    assert worked.exercise.check(worked.answer, rng=seed).correct
    assert not worked.exercise.check(worked.mistake, rng=seed).correct


def test_answers_agree_with_the_rules_table():
    w, x = symbolic_args(rule("mul"), 2)
    mul = rule("mul").jacobian
    assert exercise("5.1").expected() == mul["w"](w, x).row_join(mul["x"](w, x))
    w, x = symbolic_args(rule("div"), 3)
    assert exercise("5.2").expected() == rule("div").jacobian["x"](w, x)
    x, z = symbolic_args(rule("mul_scalar"), 3)
    scalar = rule("mul_scalar").jacobian
    assert exercise("6.1").expected() == scalar["x"](x, z).row_join(scalar["z"](x, z))
    w, x = symbolic_args(rule("dot"), 3)
    assert exercise("7.1").expected() == rule("dot").jacobian["w"](w, x)


def test_layout_mistakes_are_named():
    assert matrix_calculus.EXERCISES["4"][0].exercise.key == "4.1"
    result = exercise("4.1").check(matrix_calculus.EXERCISES["4"][0].mistake)
    assert result.transposed and "numerator layout" in str(result)
    x = sp.Symbol("x")
    with pytest.raises(ValueError, match="denominator layout"):  # a row for a 3 x 1 column
        exercise("4.2").check([2 * x, sp.cos(x), 2 * sp.exp(2 * x)])


def test_a_readers_plain_symbols_are_matched_by_name():
    x1, x2, x3, z = sp.symbols("x1 x2 x3 z")  # no real=True, as a reader types them
    assert exercise("6.1").check(sp.Matrix([[z, 0, 0, x1], [0, z, 0, x2],
                                            [0, 0, z, x3]])).correct
    assert exercise("7.2").check([x2 + 1, x1 + 2 * x2, 1]).correct
    with pytest.raises(ValueError, match="not a variable"):
        exercise("7.2").check([x2 + 1, x1 + 2 * x2, sp.Symbol("q")])


@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_markdown_has_one_closed_dropdown_per_exercise_and_balanced_math(chapter):
    md = exercises_markdown(chapter).data
    items = matrix_calculus.EXERCISES[chapter]
    assert md.count(":class: dropdown") == len(items)
    assert md.count("**Exercise ") == len(items)
    for wk in items:
        for text in (wk.exercise.prompt, wk.exercise.solution):
            assert text.count("$") % 2 == 0, text
            assert text.count(r"\begin{bmatrix}") == text.count(r"\end{bmatrix}")
