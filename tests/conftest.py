"""Fixtures shared by the tests, which mirror the package's floors (tests/core, tests/rules,
tests/autodiff, tests/paper, tests/display, tests/content; tests/browser for the built book)."""
from __future__ import annotations

import json
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from hypothesis import settings

matplotlib.use("Agg")
# Property tests draw the same examples on every run and every machine (seeded, as every
# other random input here): a red run is a change's fault, never the draw's.
settings.register_profile("repository", derandomize=True, database=None)
settings.load_profile("repository")

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"


@pytest.fixture
def rng():
    """A seeded generator: every random test input is reproducible."""
    return np.random.default_rng(0)


@pytest.fixture(scope="session")
def root() -> Path:
    """The project root (where _toc.yml, book/ and mathcalc/ are)."""
    return ROOT


def load_script(name: str):
    """A script of scripts/ (``name`` without .py) as a module, for its functions."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def notebook(name: str) -> dict:
    """A chapter notebook of book/ as JSON (``name`` without .ipynb)."""
    return json.loads((BOOK / f"{name}.ipynb").read_text())
