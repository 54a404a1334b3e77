"""scripts/new_chapter.py scaffolds a chapter that the repository's checks accept: the
install cell first, the chapter last in its part of _toc.yml and in the landing page's table."""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
import yaml

from .conftest import load_script

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def copy(tmp_path):
    (tmp_path / "book").mkdir()
    for name in ("_toc.yml", "_config.yml", "book/index.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def test_a_scaffolded_chapter_is_in_the_toc_the_index_and_has_the_install_cell(copy):
    new, colab = load_script("new_chapter"), load_script("colab_cell")
    path = new.scaffold("hessians", "Hessians", "Matrix calculus", "*beyond the paper*: Hessians",
                        root=copy)
    nb = nbformat.read(path, as_version=4)
    assert colab.problems(nb, colab.install_url(copy / "_config.yml")) == []
    assert nb.cells[1].source.startswith("# Hessians\n")
    toc = yaml.safe_load((copy / "_toc.yml").read_text())
    part = next(p for p in toc["parts"] if p["caption"] == "Matrix calculus")
    assert part["chapters"][-1] == {"file": f"book/{path.stem}"}
    assert sum(len(p["chapters"]) for p in toc["parts"]) == \
        sum(len(p["chapters"]) for p in yaml.safe_load((ROOT / "_toc.yml").read_text())["parts"]) + 1
    index = (copy / "book" / "index.md").read_text()
    assert "| {doc}`hessians` | *beyond the paper*: Hessians |\n" in index


@pytest.mark.parametrize("slug, part, message", [
    ("Hessians", "Matrix calculus", "lower-case"),
    ("jacobians", "Matrix calculus", "exists"),
    ("hessians", "No such part", "no part"),
])
def test_a_bad_slug_an_existing_chapter_or_an_unknown_part_is_refused(copy, slug, part, message):
    new = load_script("new_chapter")
    shutil.copy(ROOT / "book" / "jacobians.ipynb", copy / "book" / "jacobians.ipynb")
    toc_before = (copy / "_toc.yml").read_text()
    with pytest.raises(ValueError, match=message):
        new.scaffold(slug, "T", part, "§0", root=copy)
    assert (copy / "_toc.yml").read_text() == toc_before
