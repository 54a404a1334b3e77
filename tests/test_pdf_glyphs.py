"""Every character the PDF must print has a glyph: xelatex only warns when a font lacks one
(and prints nothing there), so `make pdf` fails on the warning; this finds the same fault
in seconds. Bold mathematical letters in text (𝐱, 𝟏) need a \\newunicodechar in the LaTeX
preamble of _config.yml; a combining arrow (1⃗) has none at all: write 𝟏 or $\\vec{1}$."""
from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOLD = re.compile("[\U0001D400-\U0001D7FF]")
COMBINING = re.compile("[\u20d0-\u20ff]")


def texts():
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            yield path.name, "".join(cell["source"])
            for out in cell.get("outputs", []):
                yield path.name, "".join(out.get("text", ""))
                for mime in ("text/markdown", "text/plain", "text/latex"):
                    yield path.name, "".join(out.get("data", {}).get(mime, ""))
    for path in sorted((ROOT / "book").glob("*.md")):
        yield path.name, path.read_text()


def test_every_bold_letter_in_the_book_has_a_glyph_in_the_pdf():
    preamble = (ROOT / "_config.yml").read_text()
    declared = set(re.findall(r"\\newunicodechar\{(.)\}", preamble))
    missing = {f"{c} ({name})" for name, text in texts() for c in BOLD.findall(text)
               if c not in declared}
    assert not missing, f"declare these in _config.yml's LaTeX preamble: {sorted(missing)}"


def test_no_combining_arrow_in_the_text():
    found = {f"{name}: {text[max(0, m.start() - 20):m.end() + 5]!r}" for name, text in texts()
             for m in COMBINING.finditer(text)}
    assert not found, f"a combining mark has no glyph in the PDF: {sorted(found)[:10]}"
