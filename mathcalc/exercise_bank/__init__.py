"""The book's exercises, as data: each chapter's tuple of worked exercises.

Keys are the book's chapter numbers ("1" ... "14"); each part of the book keeps its
exercises in its own module of this package. A chapter renders its exercises with
:func:`exercises_markdown` (solutions in dropdowns, closed in the HTML) and checks its own
solutions with ``exercise.check(answer)``; a reader checks theirs with
``exercise("3.1").check(my_answer)``.
"""
from __future__ import annotations

from IPython.display import Markdown

from ..exercises import Exercise
from . import chain_rules, getting_started, matrix_calculus, neural_networks
from .base import Worked, worked

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


def exercises_markdown(chapter: str) -> Markdown:
    """A chapter's exercises as MyST Markdown, each solution in a closed dropdown."""
    return Markdown("\n\n".join(item.exercise.markdown() for item in exercises_for(chapter)))


__all__ = ["EXERCISES", "Worked", "worked", "exercise", "exercises_for", "exercises_markdown"]
