"""Where the paper is wrong or misleading: one list, gathered while checking every equation.

Each entry names the section, what the paper prints, the correct form, and (where a number
can show it) the name of a function in ``mathcalc`` or a test that demonstrates it. The
errata page of the book (Parr & Howard §7-§10 part) is rendered from :data:`ERRATA`.

Chapters add their findings below the marker of their part of the paper, in paper order.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Erratum:
    """One error in the paper.

    ``paper`` and ``correct`` are LaTeX (without dollar signs) or plain text; ``kind`` is
    ``"typo"`` (notation that a careful reader repairs), ``"error"`` (a wrong result) or
    ``"misleading"``; ``shown_by`` names the code that demonstrates it, if any.
    """

    section: str
    kind: str
    summary: str
    paper: str
    correct: str
    shown_by: str = ""


ERRATA: tuple[Erratum, ...] = (
    # --- §1-§2 ---------------------------------------------------------------------------
    # --- §3-§4.4 (matrix calculus chapters) ------------------------------------------------
    # --- §4.5 (chain rules) ----------------------------------------------------------------
    # --- §5-§6 (neural network gradients) --------------------------------------------------
    # --- §7-§10 (reference) ----------------------------------------------------------------
    Erratum(
        section="§8.2",
        kind="typo",
        summary="The second row of the generic element-wise operation indexes f by n.",
        paper=r"f_n(\mathbf{w}) \bigcirc g_2(\mathbf{x})",
        correct=r"f_2(\mathbf{w}) \bigcirc g_2(\mathbf{x})",
    ),
    Erratum(
        section="§8.2",
        kind="typo",
        summary="The table's division row uses the element-wise product symbol ⊙ where "
                "§4.2 defines element-wise division as ⊘.",
        paper=r"\frac{\partial(\mathbf{w} \odot \mathbf{x})}{\partial \mathbf{w}} = "
              r"\operatorname{diag}(\dots \tfrac{1}{x_i} \dots)",
        correct=r"\frac{\partial(\mathbf{w} \oslash \mathbf{x})}{\partial \mathbf{w}} = "
                r"\operatorname{diag}(\dots \tfrac{1}{x_i} \dots)",
        shown_by="mathcalc.rules.VECTOR_RULES (the w ⊘ x row)",
    ),
)
