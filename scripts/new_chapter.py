"""Scaffold a chapter: the notebook with its install cell, its entry in _toc.yml under a part,
and its row in the landing page's table of chapters.

    python scripts/new_chapter.py SLUG "Title" --part "Matrix calculus" --section "§4.6 ..."

SLUG is the file name without .ipynb (lower case, words joined by '-'). The notebook gets
the shared first cell (scripts/colab_cell.py), a title cell naming the paper's section, and
an import cell; then write the chapter, run `make execute`, and follow the checklist in
CONTRIBUTING.md. Refuses a slug that exists, a part that does not, or a bad slug.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from colab_cell import install_cell, install_url  # noqa: E402

SLUG = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
IMPORTS = "import numpy as np\nimport sympy as sp\n\nimport mathcalc as mc\nfrom mathcalc.display import show"


def notebook(title: str, section: str, url: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python",
                                  "name": "python3"},
                   "language_info": {"name": "python"}}
    nb.cells = [install_cell(url),
                nbformat.v4.new_markdown_cell(f"# {title}\n\n*Parr & Howard {section}.*"),
                nbformat.v4.new_code_cell(IMPORTS)]
    return nb


def add_to_toc(toc_text: str, slug: str, part: str) -> str:
    """The table of contents with ``book/<slug>`` last in the chapters of ``part``."""
    toc = yaml.safe_load(toc_text)
    captions = [p["caption"] for p in toc["parts"]]
    if part not in captions:
        raise ValueError(f"no part {part!r} in _toc.yml: one of {captions}")
    lines = toc_text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- caption: {part}")
    end = start + 1
    while end < len(lines) and not lines[end].lstrip().startswith("- caption:"):
        end += 1
    last = max(i for i in range(start, end) if lines[i].lstrip().startswith("- file:"))
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines.insert(last + 1, f"{indent}- file: book/{slug}\n")
    return "".join(lines)


def add_to_index(index_text: str, slug: str, section: str) -> str:
    """The landing page with a row for the chapter at the end of its table of chapters."""
    lines = index_text.splitlines(keepends=True)
    rows = [i for i, line in enumerate(lines) if line.startswith("| {doc}`")]
    if not rows:
        raise ValueError("book/index.md has no table of chapters")
    lines.insert(rows[-1] + 1, f"| {{doc}}`{slug}` | {section} |\n")
    return "".join(lines)


def scaffold(slug: str, title: str, part: str, section: str, root: Path = ROOT) -> Path:
    if not SLUG.fullmatch(slug):
        raise ValueError(f"slug {slug!r}: lower-case words joined by '-', e.g. 'hessians'")
    path = root / "book" / f"{slug}.ipynb"
    if path.exists():
        raise ValueError(f"{path.relative_to(root)} exists")
    toc = add_to_toc((root / "_toc.yml").read_text(), slug, part)
    index = add_to_index((root / "book" / "index.md").read_text(), slug, section)
    nbformat.write(notebook(title, section, install_url(root / "_config.yml")), path)
    (root / "_toc.yml").write_text(toc)
    (root / "book" / "index.md").write_text(index)
    return path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slug")
    parser.add_argument("title")
    parser.add_argument("--part", required=True, help="a caption of _toc.yml")
    parser.add_argument("--section", required=True, help="the paper's section, e.g. '§4.6 Hessians'")
    args = parser.parse_args(argv)
    try:
        path = scaffold(args.slug, args.title, args.part, args.section)
    except ValueError as error:
        print(f"new_chapter: {error}", file=sys.stderr)
        return 1
    print(f"created {path.relative_to(ROOT)}; added to _toc.yml and book/index.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
