"""Display helpers for the chapters: equations and tables as the paper prints them.

Each returns an IPython display object (``Math`` or ``Markdown``), so a notebook cell ends
with one call and the book renders it with MathJax. Their text repr is stable, which
keeps nbval's comparison of stored outputs exact.
"""
from __future__ import annotations

from collections.abc import Sequence

import sympy as sp
from IPython.display import Markdown, Math


def tex(obj) -> str:
    """LaTeX for a SymPy object, or a string passed through unchanged."""
    if isinstance(obj, str):
        return obj
    if isinstance(obj, sp.MatrixBase):
        return sp.latex(obj, mat_delim="[", mat_str="matrix")
    return sp.latex(obj)


def equation(*parts) -> Math:
    """A displayed chain of equalities: ``equation(r"\\nabla f", grad)`` shows ∇f = [...]."""
    if not parts:
        raise ValueError("equation needs at least one part")
    return Math(" = ".join(tex(p) for p in parts))


def _cell(value) -> str:
    text = value if isinstance(value, str) else f"${tex(value)}$"
    return text.replace("|", r"\|").replace("\n", " ")


def table(headers: Sequence[str], rows: Sequence[Sequence]) -> Markdown:
    """A Markdown table; SymPy objects in cells are rendered as inline math."""
    if any(len(r) != len(headers) for r in rows):
        raise ValueError("every row needs one cell per header")
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return Markdown("\n".join(lines))


def check_mark(ok: bool) -> str:
    """✓ or ✗, for a table column of checks."""
    return "✓" if ok else "✗"
