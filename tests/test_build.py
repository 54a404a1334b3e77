"""The book shows what nbval proved: `make book` and `make pdf` render the stored outputs
and start no kernel; `make test` runs nbval over every chapter, once."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _recipe(target: str) -> str:
    makefile = (ROOT / "Makefile").read_text()
    m = re.search(rf"^{target}:.*\n((?:\t.*\n)*)", makefile, re.M)
    assert m, f"no target {target}"
    return m.group(0)


def test_the_book_renders_the_stored_outputs_and_runs_no_kernel():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert config["execute"]["execute_notebooks"] == "off"
    assert config["sphinx"]["config"]["nb_merge_streams"] is False
    for target in ("book", "pdf"):
        recipe = _recipe(target)
        assert "jupyter-book build" in recipe and "execute" not in recipe.split(":", 1)[1]


def test_make_test_runs_nbval_once_before_the_book_and_every_test():
    test = _recipe("test")
    assert re.match(r"test: chromium nbval book", test), test
    nbval = _recipe("nbval")
    assert "--nbval book" in nbval and "--nbval-sanitize-with scripts/nbval_sanitize.cfg" in nbval
    assert "--dist loadfile" in nbval  # one worker per notebook: its cells share a kernel
    assert "--nbval" not in test.split("\n", 1)[1]  # the tests that follow execute no chapter
