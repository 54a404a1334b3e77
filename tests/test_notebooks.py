"""The chapters import and call: no code cell of five or more lines is copied between two
notebooks (``duplicates`` does not read notebooks, so this test does). Cells are compared
by shape, as ``duplicates`` compares code: names, strings and numbers aside."""
from __future__ import annotations

import io
import json
import keyword
import tokenize
from collections import defaultdict
from pathlib import Path

import pytest

BOOK = Path(__file__).resolve().parents[1] / "book"
MIN_LINES = 5


def shape(source: str) -> str:
    """The cell's code with every name, string and number replaced by a placeholder."""
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.NAME and not keyword.iskeyword(tok.string):
            out.append("N")
        elif tok.type == tokenize.STRING or tok.type == getattr(tokenize, "FSTRING_START", -1):
            out.append("S")
        elif tok.type == tokenize.NUMBER:
            out.append("0")
        elif tok.type in (tokenize.COMMENT, tokenize.NL, tokenize.INDENT, tokenize.DEDENT,
                          getattr(tokenize, "FSTRING_MIDDLE", -2), getattr(tokenize, "FSTRING_END", -3)):
            continue
        else:
            out.append(tok.string if tok.type != tokenize.NEWLINE else "\n")
    return " ".join(out)


def code_cells():
    for path in sorted(BOOK.glob("*.ipynb")):
        for i, cell in enumerate(json.loads(path.read_text())["cells"]):
            source = "".join(cell["source"])
            if cell["cell_type"] == "code" and len([l for l in source.splitlines() if l.strip()]) >= MIN_LINES:
                yield path.name, i, source


def test_no_code_cell_is_copied_between_notebooks():
    seen = defaultdict(list)
    for name, i, source in code_cells():
        seen[shape(source)].append(f"{name} cell {i}")
    copied = [places for places in seen.values()
              if len({p.split(' cell ')[0] for p in places}) > 1]
    assert not copied, f"code cells with the same shape in several notebooks: {copied}"


def test_the_shape_ignores_names_strings_and_numbers_but_not_structure():
    a = "for r in rules:\n    x = f(r, 1)\n    y.append('a')\n    z = 2\n    print(x)\n"
    b = "for k in keys:\n    v = g(k, 7)\n    w.append('b')\n    q = 5\n    print(v)\n"
    assert shape(a) == shape(b)
    assert shape(a) != shape(a.replace("f(r, 1)", "f(r, 1, 2)"))


@pytest.mark.parametrize("name", sorted(p.name for p in BOOK.glob("*.ipynb")))
def test_notebooks_define_no_functions_or_classes(name):
    """Reusable code lives in mathcalc; a notebook only imports and calls it."""
    for i, cell in enumerate(json.loads((BOOK / name).read_text())["cells"]):
        if cell["cell_type"] != "code":
            continue
        for line in "".join(cell["source"]).splitlines():
            assert not line.lstrip().startswith(("def ", "class ")), f"{name} cell {i}: {line}"
