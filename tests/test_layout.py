"""The house of floors: the names readers already use still import, and the contracts of
pyproject.toml hold (lint-imports, the command import-linter installs)."""
from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import mathcalc

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("old, new", [("mathcalc.neuron", "mathcalc.paper.neuron"),
                                      ("mathcalc.descent", "mathcalc.paper.descent"),
                                      ("mathcalc.errata", "mathcalc.content.errata"),
                                      ("mathcalc.widgets", "mathcalc.display.widgets")])
def test_old_module_names_are_the_moved_modules(old, new):
    assert importlib.import_module(old) is importlib.import_module(new)


def test_the_face_keeps_its_names():
    for name in ("jacobian", "gradient", "numerical_jacobian", "check_jacobian",
                 "check_derivative", "is_diagonal"):
        assert name in mathcalc.__all__ and callable(getattr(mathcalc, name))


def test_importing_the_mathematics_loads_no_plotting_or_widgets():
    code = ("import sys, mathcalc, mathcalc.paper.descent, mathcalc.paper.chain, "
            "mathcalc.paper.graph, mathcalc.autodiff, mathcalc.rules.verify, "
            "mathcalc.paper.matrix_derivatives, mathcalc.paper.neuron_symbolic; "
            "print(sorted(m for m in ('matplotlib', 'IPython', 'ipywidgets') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_import_contracts_are_kept():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "lint-imports is missing: pip install -r requirements.txt"
    out = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "3 kept, 0 broken" in out.stdout
