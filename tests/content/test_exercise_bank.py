"""Every exercise of the bank: its solution passes the self-check, its mistake fails it."""
import pytest

from mathcalc.content.exercises import EXERCISES, exercise, exercises_for, exercises_markdown

ALL = [wk for chapter in EXERCISES.values() for wk in chapter]


@pytest.mark.parametrize("worked", ALL, ids=[wk.exercise.key for wk in ALL])
def test_solution_right_mistake_wrong(worked):
    right = worked.exercise.check(worked.answer)
    assert right.correct and not right.differences
    result = worked.exercise.check(worked.mistake)
    assert not result.correct and result.differences
    assert "✗ not correct" in str(result)


def test_keys_are_unique_and_numbered_by_chapter():
    keys = [wk.exercise.key for wk in ALL]
    assert len(keys) == len(set(keys))
    for chapter, items in EXERCISES.items():
        assert 2 <= len(items) <= 4
        assert all(wk.exercise.key.startswith(chapter + ".") for wk in items)


def test_lookup_and_markdown():
    assert exercise("2.1").key == "2.1"
    with pytest.raises(KeyError, match="2.1"):
        exercise("9.9")
    with pytest.raises(KeyError):
        exercises_for("99")
    md = exercises_markdown("1").data
    assert md.count(":class: dropdown") == len(EXERCISES["1"])


def test_self_check_passes_solutions_and_raises_when_an_exercise_is_broken(monkeypatch):
    import dataclasses

    import mathcalc as mc
    from mathcalc.content import exercises as ex
    text = ex.self_check_text("3")
    assert text.count("the solution: ✓ correct") == len(ex.exercises_for("3"))
    assert text.count("a mistake:  ✗ not correct") == len(ex.exercises_for("3"))
    broken = tuple(dataclasses.replace(w, mistake=w.answer) for w in ex.exercises_for("3"))
    monkeypatch.setitem(ex.EXERCISES, "3", broken)
    with pytest.raises(mc.CheckError, match="the solution passes and the mistake fails"):
        ex.self_check_text("3")
