"""The ledger as pages: the book's page "The ledger" and the totals on its landing page.

Both are MyST Markdown built from :data:`~mathcalc.content.ledger.LEDGER` and
:func:`~mathcalc.content.ledger.totals`, the numbers its test counts. Links name labels,
never positions: ``ledger-KEY`` is the cell that checks an entry (a cell tag, made a label
by the book's ``ledger_labels`` extension), ``ledger-entry-KEY`` the entry on this page,
``erratum-KEY`` an erratum on the errata page.
"""
from __future__ import annotations

import re

from ...display import show
from . import LEDGER, by_section, totals

MARKS = {"checked": "✓ confirmed", "definition": "definition", "notation": "notation",
         "unchecked": "– not checked",
         "erratum": "✗ erratum, shown wrong", "todo": "not yet classed"}


def entry_label(key: str) -> str:
    """The label of an entry on the ledger page (errata link to it)."""
    return f"ledger-entry-{key}"


def erratum_label(key: str) -> str:
    """The label of an erratum on the errata page (the ledger's erratum steps link to it)."""
    return f"erratum-{key.lower()}"


def cell_label(key: str) -> str:
    """The label (a cell tag) of the cell that checks an entry."""
    return f"ledger-{key}"


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _share(t: dict) -> str:
    return f"{100 * t['checked share']:.1f}%"


def totals_markdown(entries=LEDGER) -> str:
    """The totals as a table: equations, ``=`` steps, each status, the errata the checks
    refute, and the checked share (confirmed or refuted, of the steps that are not
    definitions or notation)."""
    t = totals(entries)
    both = t["checked"] + t["refuted"]
    return "\n".join([
        "| equations | `=` | confirmed | errata (refuted) | definitions | notation "
        "| not checked | confirmed or refuted |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {t['equations']} | {t['steps']} | {t['checked']} | {t['erratum']} ({t['refuted']}) "
        f"| {t['definition']} | {t['notation']} | {t['unchecked']} "
        f"| {both} of {t['checked'] + t['unchecked'] + t['erratum']} ({_share(t)}) |"])


def _step_line(k: int, s) -> str:
    text = f"{k}. {MARKS.get(s.status, s.status)}"
    if s.status == "erratum" and not s.shown:
        text = f"{k}. ✗ erratum, not computable as printed"
    if s.status == "erratum":
        text += f" ([{s.erratum}](#{erratum_label(s.erratum)}))"
    return text + (f": {s.reason}" if s.reason else "")


_ARRAY = re.compile(r"\\begin\{array\}\{([^{}]*)\}(.*?)\\end\{array\}", re.S)


def displayable(latex: str) -> str:
    """The paper's LaTeX, made safe for LaTeX as well as MathJax: an ``array`` whose column
    specification declares fewer columns than its rows use (the paper's §4.5.1 has
    ``{ll}`` over three columns; MathJax forgives it, LaTeX stops) gets ``l`` columns
    added. Nothing else changes; the ledger keeps the paper's text as it is."""
    def widen(m):
        spec, body = m.group(1), m.group(2)
        used = max(row.count("&") + 1 for row in body.split(r"\\"))
        declared = len(re.findall(r"[lcr]", spec))
        return m.group(0) if used <= declared else m.group(0).replace(
            "{" + spec + "}", "{" + spec + "l" * (used - declared) + "}", 1)
    return _ARRAY.sub(widen, latex)


# The paper's equations are set a size smaller than the chapters' (book/_assets/mathcalc.css):
# the ledger is a reference list, and a few of the paper's matrices cannot be broken over
# lines without changing them.
PAPER_CLASS = "ledger-paper"


def entry_markdown(e) -> str:
    """One entry: its label and key, the paper's equation, each ``=`` with its status
    (and reason), and the link to the cell that checks it."""
    lines = [f"({entry_label(e.key)})=", f"**{e.key}.** "
             + (f"{e.checked} of {len(e.steps)} `=` confirmed"
                + (f", {e.refuted} shown wrong" if e.refuted else "") if e.steps else "no `=`")
             + (f", in [{e.where[0].removesuffix('.ipynb')}](#{cell_label(e.key)})"
                if e.where else ""), "", "```{math}", f":class: {PAPER_CLASS}", "",
             displayable(e.paper.strip()), "```", ""]
    lines += [_step_line(k, s) for k, s in enumerate(e.steps, 1)]
    lines += _see_also(e)
    return "\n".join(lines) + "\n"


def _see_also(e) -> list[str]:
    """The errata about this equation that none of its steps names (an erratum about the
    reading of a step the ledger confirms, such as the convention at a kink)."""
    from ..errata import ERRATA  # deferred: the errata list is content, not the ledger

    named = {s.erratum for s in e.steps if s.erratum}
    more = [err.key for err in ERRATA if err.ledger == e.key and err.key not in named]
    if not more:
        return []
    links = ", ".join(f"[{k}](#{erratum_label(k)})" for k in more)
    return ["", f"See also {links}."]


def ledger_markdown(entries=LEDGER) -> str:
    """The ledger page body: per section its counts, then each of its entries."""
    parts = []
    for section, group in by_section(entries):
        t = totals(group)
        parts.append(f"### {section}\n\n{_count(t['equations'], 'equation')}, {t['steps']} `=`: "
                     f"{t['checked']} confirmed, {_count(t['definition'], 'definition')}, "
                     f"{t['notation']} notation, "
                     + (f"{t['unchecked']} not checked, " if t["unchecked"] else "")
                     + f"{_count(t['erratum'], 'erratum', 'errata')}.\n")
        parts += [entry_markdown(e) for e in group]
    return "\n".join(parts)


def totals_table(entries=LEDGER):
    """:func:`totals_markdown`, displayed."""
    return show.markdown(totals_markdown(entries))


def ledger_page(entries=LEDGER):
    """:func:`ledger_markdown`, displayed."""
    return show.markdown(ledger_markdown(entries))
