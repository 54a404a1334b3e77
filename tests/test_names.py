"""Every name the project's text gives a reader resolves: each dotted ``mathcalc.`` name
importable (a module, or an attribute of one), each repository path present. The text is
the docs (README, CONTRIBUTING, docs/), the docstrings and comments of the code, the
Makefile, _config.yml, the player script inside every widget, and the chapters' prose."""
from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOTTED = re.compile(r"(?<![\w./-])mathcalc(?:\.[A-Za-z_]\w*)+")
# a path from the repository root: a top-level folder, then at least one part
PATH = re.compile(r"(?<![\w./~-])((?:mathcalc|book|scripts|tests|benchmarks|docs|\.ci|\.github)"
                  r"/[\w*.{}/-]*[\w*}/])")
FILE_SUFFIXES = {"css", "js", "tex", "pdf", "log", "py", "toml", "yml", "md", "ipynb"}
# made by make (vendoring, builds): named in the text, absent from a clone
GENERATED = ("book/_assets/vendor", "tests/browser/vendor")


def texts() -> list[tuple[str, str]]:
    """(file, text) for every file whose text names things for a reader."""
    files = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "Makefile",
             ROOT / "_config.yml", ROOT / "_toc.yml", ROOT / "mathcalc" / "display" / "player.js",
             *(ROOT / "docs").glob("*.md"), *(ROOT / "book").glob("*.md")]
    for folder in ("mathcalc", "scripts", "book/_ext", "tests", "benchmarks", ".ci", ".github"):
        files += [p for p in (ROOT / folder).rglob("*") if p.is_file()
                  and p.suffix in {".py", ".yml", ".cfg", ""} and "vendor" not in p.parts
                  and "__pycache__" not in p.parts and p.name != "test_names.py"]
    found = [(p.relative_to(ROOT).as_posix(), p.read_text()) for p in files if p.exists()]
    for nb in sorted((ROOT / "book").glob("*.ipynb")):
        cells = json.loads(nb.read_text())["cells"]
        found.append((nb.relative_to(ROOT).as_posix(),
                      "\n".join("".join(c["source"]) for c in cells)))
    return found


def resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        try:
            for attr in parts[cut:]:
                obj = getattr(obj, attr)
        except AttributeError:
            return False
        return True
    return False


def exists(path: str) -> bool:
    path = path.rstrip("/.")
    if path.startswith(GENERATED):
        return True
    if any(ch in path for ch in "*{"):
        pattern = re.sub(r"\{[^}]*\}", "*", path)
        return any(ROOT.glob(pattern))
    # a page of the book is named by its docname too (book/autodiff for book/autodiff.ipynb)
    return any((ROOT / f"{path}{suffix}").exists() for suffix in ("", ".ipynb", ".md"))


def unresolved() -> list[str]:
    missing = []
    for name, text in texts():
        for m in DOTTED.finditer(text):
            dotted = m.group(0)
            if dotted.rsplit(".", 1)[1] in FILE_SUFFIXES:
                continue
            if not resolves(dotted):
                missing.append(f"{name}: {dotted}")
        for m in PATH.finditer(text):
            if not exists(m.group(1)):
                missing.append(f"{name}: {m.group(1)}")
    return sorted(set(missing))


def test_every_name_in_the_text_resolves():
    missing = unresolved()
    assert not missing, "names that do not resolve:\n" + "\n".join(missing)


def test_the_scan_finds_a_stale_name_and_a_stale_path():
    assert resolves("mathcalc.paper.neuron.loss_gradient")
    assert resolves("mathcalc.neuron") and resolves("mathcalc.display.show")
    assert not resolves("mathcalc.paper.neuron.no_such_function")
    assert not resolves("mathcalc.player")
    assert exists("mathcalc/display/player.js") and exists("book/*.ipynb")
    assert not exists("scripts/no_such_script.py")
    assert [m.group(1) for m in PATH.finditer("see `mathcalc/display/player.py`, ../book/x")] \
        == ["mathcalc/display/player.py"]


def test_one_version_number():
    import tomllib

    import mathcalc

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "version" not in project and "version" in project["dynamic"]
    from importlib.metadata import version

    assert version("mathcalc") == mathcalc.__version__


@pytest.mark.parametrize("alias, module", [("neuron", "paper.neuron"), ("descent", "paper.descent"),
                                           ("errata", "content.errata"),
                                           ("widgets", "display.widgets")])
def test_the_short_names_readers_import_still_work(alias, module):
    assert importlib.import_module(f"mathcalc.{alias}") is importlib.import_module(f"mathcalc.{module}")
