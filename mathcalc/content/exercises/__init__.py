"""The book's exercises, as data: each chapter's tuple of worked exercises.

Keys are the book's chapter numbers ("1" ... "14"); each part of the book keeps its
exercises in its own module of this package (:mod:`.model` says what an exercise is and
checks an answer). A chapter renders its exercises with :func:`exercises_markdown`
(solutions in dropdowns, closed in the HTML) and checks its own solutions, and a typical
mistake, with one call, :func:`self_check`; a reader checks theirs with
``exercise("3.1").check(my_answer)``.
"""
from __future__ import annotations

from ...core.check import CheckResult
from ...display import show
from . import chain_rules, getting_started, matrix_calculus, neural_networks
from .model import AnswerCheck, Exercise, Worked, check_answer, worked

EXERCISES: dict[str, tuple[Worked, ...]] = {}
for _part in (getting_started, matrix_calculus, chain_rules, neural_networks):
    _overlap = set(EXERCISES) & set(_part.EXERCISES)
    if _overlap:
        raise RuntimeError(f"chapters {sorted(_overlap)} have exercises in two modules")
    EXERCISES.update(_part.EXERCISES)


def exercises_for(chapter: str) -> tuple[Worked, ...]:
    """The worked exercises of a chapter ("1", "2", ...); ``KeyError`` lists the chapters."""
    if chapter not in EXERCISES:
        raise KeyError(f"no exercises for chapter {chapter!r}; chapters: {sorted(EXERCISES)}")
    return EXERCISES[chapter]


def exercise(key: str) -> Exercise:
    """The exercise numbered ``key`` ("2.1"): ``exercise("2.1").check(your_answer)``."""
    for item in EXERCISES.get(key.split(".")[0], ()):
        if item.exercise.key == key:
            return item.exercise
    keys = [item.exercise.key for chapter in EXERCISES.values() for item in chapter]
    raise KeyError(f"no exercise {key!r}; the exercises are {keys}")


def exercises_markdown(chapter: str):
    """A chapter's exercises as MyST Markdown, each solution in a closed dropdown."""
    return show.markdown("\n\n".join(item.exercise.markdown() for item in exercises_for(chapter)))


def self_check_text(chapter: str) -> str:
    """Each exercise of ``chapter`` checked on its solution (must pass) and on its typical
    mistake (must fail), as text; raises :class:`~mathcalc.core.check.CheckError` if the
    solution is judged wrong or the mistake right, so a broken exercise fails its chapter."""
    lines = []
    for item in exercises_for(chapter):
        key = item.exercise.key
        right, mistake = item.exercise.check(item.answer), item.exercise.check(item.mistake)
        if not right.correct or mistake.correct:
            CheckResult(f"exercise {key}: the solution passes and the mistake fails", False,
                        failures=(f"solution: {right}", f"mistake: {mistake}")).raise_if_failed()
        lines += [f"Exercise {key}, the solution: {right}",
                  f"Exercise {key}, a mistake:  {mistake}", ""]
    return "\n".join(lines)


def self_check(chapter: str):
    """:func:`self_check_text` of ``chapter``, displayed as preformatted text."""
    return show.pretty(self_check_text(chapter))


__all__ = ["EXERCISES", "Exercise", "Worked", "worked", "AnswerCheck", "check_answer",
           "exercise", "exercises_for", "exercises_markdown", "self_check", "self_check_text"]
