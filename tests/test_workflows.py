"""The GitHub Actions workflow (test, then deploy to Pages) has never run where it is
published: actionlint checks its syntax, expressions, job graph and the actions' inputs and
runtimes (a deprecated Node runtime is an error), so it cannot rot unseen."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))


def actionlint() -> str:
    """The actionlint of the project's environment (requirements.txt)."""
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("actionlint is missing: install requirements.txt (make setup)")
    return found


def test_there_is_a_workflow():
    assert [p.name for p in WORKFLOWS] == ["book.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_actionlint(path):
    result = subprocess.run([actionlint(), "-no-color", str(path.relative_to(ROOT))],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_a_broken_workflow(tmp_path):
    """The check is live: an unknown job dependency and a deprecated runtime both fail."""
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    needs: missing\n    runs-on: ubuntu-latest\n"
                      "    steps:\n      - uses: actions/checkout@v4\n")
    result = subprocess.run([actionlint(), "-no-color", str(broken)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "missing" in result.stdout and "node20" in result.stdout, result.stdout
