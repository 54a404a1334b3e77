"""What an exercise of the book is: :class:`mathcalc.exercises.Exercise` plus its worked
solution and a typical mistake, so each chapter shows the self-check on both."""
from __future__ import annotations

from dataclasses import dataclass

from ..exercises import Exercise


@dataclass(frozen=True)
class Worked:
    """An exercise with its solution as SymPy (``answer``) and a typical ``mistake``."""

    exercise: Exercise
    answer: object
    mistake: object


def worked(key, prompt, fs, xs, solution, answer, mistake, domain=(-2.0, 2.0)) -> Worked:
    """One worked exercise: ``key`` is "chapter.number" (the book's chapter numbers)."""
    return Worked(Exercise(key, prompt, fs, xs, solution, domain), answer, mistake)
