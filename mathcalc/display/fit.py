"""Display equations that fit the text column: a long chain of equalities broken into
aligned lines, one step a line, as the paper's PDF prints its derivations.

    fit(r"a = b + c = d")          # unchanged: it fits
    fit(long_chain)                # \\begin{aligned} a &= b \\\\ &= c \\end{aligned}

The book's build applies :func:`fit` to every display equation (book/_ext/fit_math.py), so
that the chapters' own ``$$`` blocks, the equations their code cells show and the ledger's
and errata's copies of the paper all fit the column at desktop width (the browser tests
measure each one). It reads TeX as text: :func:`width` estimates how wide MathJax will
set an expression, in em, and :func:`fit` breaks only at the top level (never inside
braces, ``\\left … \\right`` or an environment), so what it returns says what it was given.

Where it breaks, in this order: between statements set side by side (``\\qquad``), then at
each ``=`` (one step a line, aligned on the ``=``), then, for a right-hand side that is still
too wide, before its top-level ``+`` and ``−`` (continued lines indented). An equation that
is already on several lines (a top-level ``\\\\`` or ``&``) is left as its author set it.
"""
from __future__ import annotations

import re

# The text column at desktop width (1200 px: the narrowest, both sidebars shown) is 624 px;
# MathJax sets display math at about 18 px to the em there (measured over the book's 372
# display equations), so about 34 em fit. A margin keeps the estimate's error inside.
COLUMN_EM = 31.0

_TOKEN = re.compile(r"\\[A-Za-z]+\*?|\\.|\s+|.", re.S)

_ZERO = {r"\displaystyle", r"\textstyle", r"\left", r"\right", r"\big", r"\Big", r"\bigg",
         r"\Bigg", r"\bigl", r"\bigr", r"\Bigl", r"\Bigr", r"\nonumber", r"\limits",
         r"\nolimits", r"\!", r"\:"}
_ARGUMENT = {r"\mathbf", r"\mathrm", r"\mathit", r"\mathcal", r"\mathbb", r"\boldsymbol",
             r"\vec", r"\hat", r"\bar", r"\tilde", r"\overline", r"\underline", r"\dot",
             r"\ddot", r"\widehat", r"\widetilde", r"\operatorname", r"\mathsf", r"\bm"}
_TEXT = {r"\text", r"\textbf", r"\textit", r"\mbox", r"\textrm"}
_SPACE = {r"\,": 0.17, r"\;": 0.28, r"\ ": 0.3, r"\quad": 1.0, r"\qquad": 2.0, "~": 0.3}
_BINARY = {"+", "-", "=", "<", ">", r"\cdot", r"\circ", r"\otimes", r"\oslash", r"\odot",
           r"\times", r"\le", r"\leq", r"\ge", r"\geq", r"\ne", r"\neq", r"\approx",
           r"\to", r"\rightarrow", r"\Rightarrow", r"\mapsto", r"\in", r"\pm", r"\equiv",
           r"\oplus", r"\ominus", r"\sim", r"\propto", r"\implies", r"\iff", r"\mid"}
_BIG = {r"\sum", r"\prod", r"\int", r"\lim", r"\max", r"\min", r"\sup", r"\inf", r"\bigcup",
        r"\bigcap", r"\oint"}
_TWO_ARGUMENTS = {r"\frac", r"\dfrac", r"\tfrac", r"\binom"}


def tokens(tex: str) -> list[str]:
    """The TeX as commands (``\\frac``), escaped characters, runs of whitespace and single
    characters: joined again they give ``tex`` back exactly."""
    return _TOKEN.findall(tex)


def _group(toks: list[str], i: int) -> tuple[list[str], int]:
    """The argument that starts at toks[i]: a braced group (without its braces) or one
    token; and the index after it."""
    while i < len(toks) and toks[i].isspace():
        i += 1
    if i >= len(toks):
        return [], i
    if toks[i] != "{":
        return [toks[i]], i + 1
    depth, j = 0, i
    while j < len(toks):
        depth += {"{": 1, "}": -1}.get(toks[j], 0)
        if depth == 0:
            return toks[i + 1:j], j + 1
        j += 1
    raise ValueError(f"unbalanced braces in {''.join(toks)!r}")


def _environment(toks: list[str], i: int) -> tuple[str, list[str], int]:
    """The environment that starts with ``\\begin`` at toks[i]: its name, its body and the
    index after its ``\\end``."""
    name_toks, j = _group(toks, i + 1)
    name = "".join(name_toks)
    depth, k = 1, j
    while k < len(toks):
        if toks[k] == r"\begin":
            depth += 1
        elif toks[k] == r"\end":
            depth -= 1
            if depth == 0:
                _, after = _group(toks, k + 1)
                return name, toks[j:k], after
        k += 1
    raise ValueError(f"\\begin{{{name}}} without its \\end")


def _split_top(toks: list[str], at: set[str]) -> list[list[str]]:
    """toks split at the tokens in ``at`` that stand at the top level (outside braces,
    \\left … \\right and environments); each separator starts the piece after it."""
    pieces, current, depth, parens = [], [], 0, 0
    for k, t in enumerate(toks):
        if t in at and depth == 0 and parens == 0 and current:
            pieces.append(current)
            current = []
        after_left_right = k > 0 and toks[k - 1] in (r"\left", r"\right")
        if t in ("{", r"\left", r"\begin"):
            depth += 1
        elif t in ("}", r"\right", r"\end"):
            depth -= 1
        elif t == "(" and not after_left_right:
            parens += 1
        elif t == ")" and not after_left_right:
            parens = max(parens - 1, 0)
        current.append(t)
    pieces.append(current)
    return pieces


def _grid_width(body: list[str]) -> float:
    """A matrix, cases or array body: the widest cell of each column, plus the gaps."""
    columns: list[float] = []
    for row in _split_top(body, {r"\\"}):
        cells = _split_top([t for t in row if t != r"\\"], {"&"})
        for k, cell in enumerate(cells):
            w = _width([t for t in cell if t != "&"])
            if k < len(columns):
                columns[k] = max(columns[k], w)
            else:
                columns.append(w)
    return sum(columns) + 1.0 * max(len(columns) - 1, 0)


def _width(toks: list[str]) -> float:
    total, i, previous = 0.0, 0, ""
    while i < len(toks):
        t = toks[i]
        if t.isspace():
            i += 1
            continue
        if t in (r"\left", r"\right"):  # and the delimiter after it
            _, i = _group(toks, i + 1)
            total += 0.45
        elif t in _ZERO or t in ("{", "}"):
            i += 1
        elif t in _TWO_ARGUMENTS:
            top, i = _group(toks, i + 1)
            bottom, i = _group(toks, i)
            total += max(_width(top), _width(bottom)) + 0.4
        elif t == r"\sqrt":
            arg, i = _group(toks, i + 1)
            total += _width(arg) + 1.0
        elif t in _ARGUMENT:
            arg, i = _group(toks, i + 1)
            total += _width(arg)
        elif t in _TEXT:
            arg, i = _group(toks, i + 1)
            total += 0.5 * len("".join(arg).replace("\\", ""))
        elif t == r"\begin":
            name, body, i = _environment(toks, i)
            total += _grid_width(body) + (1.0 if "matrix" in name or name == "cases" else 0.0)
        elif t in ("^", "_"):
            arg, i = _group(toks, i + 1)
            scripts = 0.7 * _width(arg)
            # under or over a big operator the limits stack: only their overhang counts
            total += max(scripts - 1.4, 0.0) if previous in _BIG else scripts
            continue  # a second script belongs to the same base
        elif t in _SPACE:
            total += _SPACE[t]
            i += 1
        elif t in _BINARY:
            total += 1.55
            i += 1
        elif t in _BIG:
            total += 1.6 if t in (r"\sum", r"\prod", r"\int") else 0.6 * (len(t) - 1)
            i += 1
        elif t in (r"\dots", r"\ldots", r"\cdots", r"\vdots", r"\ddots"):
            total += 1.3
            i += 1
        elif t in (",", ";", ".", "!", "(", ")", "[", "]", "|", r"\{", r"\}", "'"):
            total += 0.4 if t in (",", ";", ".") else 0.45
            i += 1
        elif t.startswith("\\") and len(t) > 2:  # a symbol: \partial, \alpha, \nabla, ...
            total += 0.65
            i += 1
        else:
            total += 0.55
            i += 1
        previous = t
    return total


def width(tex: str) -> float:
    """How wide MathJax sets ``tex`` as display math, estimated in em."""
    return _width(tokens(tex))


def _text(toks: list[str]) -> str:
    return "".join(toks).strip()


def _terms(rhs: list[str], limit: float) -> list[str]:
    """A right-hand side as lines: greedy runs of its top-level terms (split before each
    + and −), each line within ``limit`` where a single term allows."""
    lines, current = [], []
    for piece in _split_top(rhs, {"+", "-"}):
        if current and _width(current + piece) > limit:
            lines.append(current)
            current = []
        current = current + piece
    lines.append(current)
    return [_text(line) for line in lines]


def _statements(toks: list[str]) -> list[list[str]]:
    """The statements set side by side: split at each top-level ``\\qquad`` (dropped), and
    before a parenthetical remark, ``\\quad (…)`` (the remark on a line of its own)."""
    statements = []
    for piece in _split_top(toks, {r"\qquad"}):
        if piece and piece[0] == r"\qquad":
            piece = piece[1:]
        current: list[str] = []
        for part in _split_top(piece, {r"\quad"}):
            following = next((t for t in part[1:] if not t.isspace()), "")
            if part[0] == r"\quad" and following == "(" and _text(current):
                statements.append(current)
                current = part[1:]
            else:
                current = current + part
        statements.append(current)
    return [s for s in statements if _text(s)]


def fit(tex: str, limit: float = COLUMN_EM) -> str:
    """``tex`` as it fits a column ``limit`` em wide: unchanged if it fits, else broken at
    the top level (see the module's docstring). Only line breaks and alignment marks are
    added: what the TeX says is unchanged."""
    toks = tokens(tex)
    if _width(toks) <= limit:
        return tex
    if len(_split_top(toks, {r"\\", "&"})) > 1 or r"\tag" in toks or r"\label" in toks:
        return tex  # already on several lines, or numbered: as its author set it
    statements = _statements(toks)
    if len(statements) > 1:
        parts = [fit(_text(s), limit) for s in statements]
        return r"\begin{gathered}" + r" \\ ".join(parts) + r"\end{gathered}"
    sides = _split_top(toks, {"="})
    if len(sides) == 1:
        return tex  # no top-level = to break at
    lhs, rhss = sides[0], [s[1:] for s in sides[1:]]  # each right-hand side without its =
    if lhs and lhs[0] == r"\displaystyle":  # aligned sets its lines in display style
        lhs = lhs[1:]
    widest = max(_width(r) for r in rhss)
    if _width(lhs) + 1.6 + widest <= limit or _width(lhs) <= limit / 3:
        # aligned on the =: lhs &= r1 \\ &= r2, a long side continued under itself
        room = limit - _width(lhs) - 1.6
        rows = []
        for k, rhs in enumerate(rhss):
            lines = _terms(rhs, room) if _width(rhs) > room else [_text(rhs)]
            rows.append((_text(lhs) + " " if k == 0 else "") + f"&= {lines[0]}")
            rows += [rf"&\quad {line}" for line in lines[1:]]
    else:
        # the left-hand side on a line of its own, every step indented below it
        room = limit - 2.6
        rows = [f"&{_text(lhs)}"]
        for rhs in rhss:
            lines = _terms(rhs, room) if _width(rhs) > room else [_text(rhs)]
            rows.append(rf"&\quad = {lines[0]}")
            rows += [rf"&\qquad {line}" for line in lines[1:]]
    if len(rows) == 1:
        return tex  # one step, and nothing to break it at
    return r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}"


_TEXT_ESCAPES = {r"\&": "&", r"\%": "%", r"\_": "_", r"\$": "$", r"\#": "#"}


def prose(tex: str) -> str | None:
    """A statement of words set in ``\\text{…}`` with math between them (the paper's words,
    quoted) as Markdown prose with inline math, which wraps where display math cannot;
    ``None`` if ``tex`` is mostly math (half its estimated width or more)."""
    toks = tokens(tex)
    chunks: list[tuple[bool, list[str]]] = []  # (is text, tokens)
    i, depth, words = 0, 0, 0.0
    while i < len(toks):
        t = toks[i]
        if t in _TEXT and depth == 0:
            arg, i = _group(toks, i + 1)
            chunks.append((True, arg))
            words += 0.5 * len("".join(arg))
            continue
        depth += {"{": 1, "}": -1}.get(t, 0)
        if chunks and not chunks[-1][0]:
            chunks[-1][1].append(t)
        else:
            chunks.append((False, [t]))
        i += 1
    if words < 0.5 * _width(toks):
        return None
    out = []
    for is_text, part in chunks:
        if is_text:
            text = "".join(_TEXT_ESCAPES.get(t, t) for t in part)
            out.append(re.sub(r"([*_`<>])", r"\\\1", text))
        elif _text(part):
            lead = " " if part[0].isspace() else ""
            trail = " " if part[-1].isspace() else ""
            out.append(f"{lead}${_text(part)}${trail}")
    return re.sub(r"\s+", " ", "".join(out)).strip()
