"""The equation ledger: every display equation of the paper, in paper order, and for each
of its ``=`` relations whether the book checks it, or why not.

:data:`LEDGER` holds one :class:`Entry` per ``$$`` block of the paper (the repository's
copy of the paper's equations, so its tests run in any clone). Each entry's ``steps`` has
one :class:`Step` per ``=`` of its LaTeX (``=`` inside ``\\text{}`` does not count):

- ``"checked"``: the cell named by ``where`` calls
  :func:`mathcalc.check_derivation` with this entry's key, and its stored output reports
  the step passed symbolically and numerically (``tests/content/test_ledger.py`` reads it);
- ``"definition"``: the ``=`` names something (J = ..., y = f(x)), or writes a definition
  into an expression (∂u/∂w = ∂(w ⊗ x)/∂w): nothing to compute;
- ``"notation"``: the ``=`` restates a notation (a vector written out, a layout shown);
- ``"unchecked"``: a computation the paper performs that no check sees yet: the book's
  two sides of it are one expression as encoded (arithmetic SymPy does as it builds the
  expression), or the text of the paper used here lost its right-hand side; the reason says
  which. It counts against the share;
- ``"erratum"``: the paper is wrong here; ``erratum`` names the entry of
  :data:`mathcalc.content.errata.ERRATA` (its ``key``), and the check shows the step fail,
  symbolically and numerically (or by its shapes): the step is checked, and refuted. Only
  where the step as printed cannot be computed at all (an operator that means nothing as
  written, a bound or a label that names the wrong thing) is it marked ``shown=False``,
  with the reason; such a step counts as not checked.

"Checked both ways" in :func:`totals` is therefore a step confirmed or refuted by a
computation that can fail; the ``checked share`` is that over the steps that are neither
definitions nor notation (unchecked steps included).

Every step that is not checked says why in one line (``reason``). The parts of the paper
keep their entries in the modules of this package, in paper order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

STATUSES = ("checked", "definition", "notation", "unchecked", "erratum")


@dataclass(frozen=True)
class Step:
    """One ``=`` of an equation: its ``status`` (one of :data:`STATUSES`), the ``reason``
    when it is not checked, the erratum key for an erratum, and for an erratum whether its
    cell shows it wrong (``shown``; False only where the printed step cannot be computed)."""

    status: str
    reason: str = ""
    erratum: str = ""
    shown: bool = True


@dataclass(frozen=True)
class Entry:
    """One display equation of the paper: ``key`` (stable, e.g. ``"4.5.1-3"``: the third
    display equation of §4.5.1), ``section`` ("§4.5.1"), ``paper`` (its LaTeX as the paper's
    text has it), ``steps`` (one per ``=``) and ``where``: (notebook relative to book/, the
    cell tag of the cell that checks it), or None when no step is checked."""

    key: str
    section: str
    paper: str
    steps: tuple[Step, ...]
    where: tuple[str, str] | None = None

    @property
    def checked(self) -> int:
        """The steps confirmed by the check."""
        return sum(s.status == "checked" for s in self.steps)

    @property
    def refuted(self) -> int:
        """The erratum steps the check shows wrong."""
        return sum(s.status == "erratum" and s.shown for s in self.steps)

    @property
    def checkable(self) -> int:
        """The steps that are neither definitions nor notation."""
        return sum(s.status in ("checked", "unchecked", "erratum") for s in self.steps)


def step(text: str) -> Step:
    """A step from its short form: ``"checked"``, ``"definition: reason"``,
    ``"notation: reason"``, ``"unchecked: reason"``, ``"erratum KEY: reason"`` (its cell shows it wrong) or
    ``"erratum KEY, not computable: reason"`` (or ``"todo"`` while a part is being written:
    it is no status, and the ledger's test fails on it)."""
    if text in ("checked", "todo"):
        return Step(text)  # "todo": not yet classed; the ledger's test fails on it
    m = re.fullmatch(r"(definition|notation|unchecked|erratum(?: ([^\s,]+))?(, not computable)?): (.+)",
                     text, re.S)
    if not m:
        raise ValueError(f"a step is 'checked', 'definition: why', 'notation: why', 'unchecked: why', "
                         f"'erratum KEY: why' or 'erratum KEY, not computable: why', got {text!r}")
    status = m.group(1).split()[0].rstrip(",")
    if status != "erratum" and m.group(3):
        raise ValueError(f"only an erratum step can be 'not computable': {text!r}")
    if status == "erratum" and not m.group(2):
        raise ValueError(f"an erratum step names its erratum key: {text!r}")
    return Step(status, m.group(4).strip(), m.group(2) or "", shown=not m.group(3))


def entry(key: str, section: str, paper: str, steps, where=None) -> Entry:
    """An :class:`Entry` from short forms (see :func:`step`)."""
    return Entry(key, section, paper, tuple(step(s) for s in steps),
                 None if where is None else tuple(where))


_TEXT = re.compile(r"\\text\{(?:[^{}]|\{[^{}]*\})*\}")


def count_relations(latex: str) -> int:
    """The number of ``=`` in ``latex`` outside ``\\text{...}``."""
    return _TEXT.sub("", latex).count("=")


def display_equations(markdown: str) -> list[tuple[str, str]]:
    """(section, LaTeX) of every ``$$...$$`` block of the paper's Markdown, in order; the
    section is the number of the last numbered heading before it ("4.5.1")."""
    heads = [(m.start(), m.group(1))
             for m in re.finditer(r"^#+\s+(\d+(?:\.\d+)*)\s", markdown, re.M)]
    out = []
    for m in re.finditer(r"\$\$(.+?)\$\$", markdown, re.S):
        before = [h for p, h in heads if p < m.start()]
        out.append((before[-1] if before else "0", m.group(1)))
    return out


def _load():
    from . import chain_rules, getting_started, matrix_calculus, neural_networks, reference
    entries = []
    for part in (getting_started, matrix_calculus, chain_rules, neural_networks, reference):
        entries += list(part.ENTRIES)
    return tuple(entries)


LEDGER: tuple[Entry, ...] = _load()


def totals(entries=LEDGER) -> dict:
    """Counts over ``entries``: equations, ``=`` steps, each status, the errata the checks
    refute, and the ``checked share``: of the steps that are not definitions or notation,
    those confirmed or refuted (two errata by their shapes only)."""
    steps = [s for e in entries for s in e.steps]
    counts = {status: sum(s.status == status for s in steps) for status in STATUSES}
    refuted = sum(s.status == "erratum" and s.shown for s in steps)
    checkable = counts["checked"] + counts["unchecked"] + counts["erratum"]
    return {"equations": len(entries), "steps": len(steps), **counts, "refuted": refuted,
            "checked share": (counts["checked"] + refuted) / checkable if checkable else 1.0}


def by_section(entries=LEDGER) -> list[tuple[str, list[Entry]]]:
    """The entries grouped by section, in paper order."""
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        groups.setdefault(e.section, []).append(e)
    return list(groups.items())
