"""The one cell every notebook shares: on Colab (or any Python without mathcalc) it installs
the package from the book's repository; where mathcalc is installed it does nothing and
prints nothing. It cannot import from mathcalc, so it is written here, once, and kept the
same in every notebook: the first cell, tagged remove-cell (the HTML book and the PDF leave
it out), at most four lines.

    python scripts/colab_cell.py [NOTEBOOK ...]           # insert or update it (default: book/*.ipynb)
    python scripts/colab_cell.py --check [NOTEBOOK ...]   # exit 1 naming each notebook that differs

The address comes from _config.yml (repository.url and repository.branch), the one place
that names the repository: the Binder, Colab and repository buttons read it too. After
changing it, run this script, then `make execute`.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent
CELL_ID = "install-mathcalc"
TAGS = ["remove-cell"]
MAX_LINES = 4


def install_url(config: Path = ROOT / "_config.yml") -> str:
    """pip's address of the package: the repository of _config.yml, at its branch."""
    repository = yaml.safe_load(config.read_text())["repository"]
    return f"git+{repository['url'].rstrip('/')}@{repository.get('branch', 'main')}"


def cell_source(url: str) -> str:
    return (
        "import importlib.util, subprocess, sys\n"
        'if importlib.util.find_spec("mathcalc") is None:  # Colab: install it from the book\'s repository\n'
        f'    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "{url}"], check=True)\n'
        "    importlib.invalidate_caches()"
    )


def install_cell(url: str):
    cell = nbformat.v4.new_code_cell(cell_source(url), metadata={"tags": list(TAGS)})
    cell.id = CELL_ID
    return cell


def problems(nb, url: str) -> list[str]:
    """What is wrong with the notebook's first cell, as the install cell for ``url``."""
    if not nb.cells or nb.cells[0].get("id") != CELL_ID:
        return ["the first cell is not the install cell"]
    cell, expected = nb.cells[0], install_cell(url)
    found = []
    if cell.cell_type != "code" or cell.source != expected.source:
        found.append("its source differs (run scripts/colab_cell.py)")
    if cell.metadata.get("tags") != TAGS:
        found.append(f"its tags are {cell.metadata.get('tags')}, not {TAGS}")
    if cell.get("outputs"):
        found.append("it has outputs (it must print nothing where mathcalc is installed)")
    if sum(c.get("id") == CELL_ID for c in nb.cells) != 1:
        found.append("the install cell appears more than once")
    return found


def update(nb, url: str) -> None:
    """Make the first cell the install cell for ``url`` (moved there if elsewhere)."""
    old = [c for c in nb.cells if c.get("id") == CELL_ID]
    cell = old[0] if old else install_cell(url)
    nb.cells = [cell] + [c for c in nb.cells if c.get("id") != CELL_ID]
    cell.source = cell_source(url)
    cell.metadata["tags"] = list(TAGS)


def notebooks(args: list[str]) -> list[Path]:
    if args:
        return [Path(a).resolve() for a in args]
    return sorted((ROOT / "book").glob("*.ipynb"))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = notebooks([a for a in argv if a != "--check"])
    url = install_url()
    failed = 0
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if check:
            for problem in problems(nb, url):
                print(f"{path.name}: {problem}")
                failed = 1
            continue
        text = path.read_text()
        update(nb, url)
        new = nbformat.writes(nb) + "\n"
        if new != text:
            path.write_text(new)
            print(f"updated   {path.name}")
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
