"""The environment every way in builds from: Binder (repo2docker reads runtime.txt and runs
`pip install -r requirements.txt` in the repository root), CI (the workflow's Python) and
`make setup` (the same file, from the same folder)."""
from __future__ import annotations

import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def requirement_lines(name: str = "requirements.txt") -> list[str]:
    lines = (ROOT / name).read_text().splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def test_binder_builds_with_the_python_ci_tests():
    """runtime.txt (repo2docker's pin) names the Python of the workflow, which the
    package's requires-python admits (NumPy 2.4 needs 3.11 or newer)."""
    runtime = (ROOT / "runtime.txt").read_text().strip()
    assert re.fullmatch(r"python-3\.\d+", runtime), runtime
    version = runtime.removeprefix("python-")
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "book.yml").read_text())
    pythons = [step["with"]["python-version"] for job in workflow["jobs"].values()
               for step in job.get("steps", []) if "setup-python" in step.get("uses", "")]
    assert pythons == [version], f"runtime.txt {version}, workflow {pythons}"
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert f'requires-python = ">={version}"' in pyproject


def test_binder_button_opens_jupyterlab():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert config["launch_buttons"]["notebook_interface"] == "jupyterlab"
    assert config["launch_buttons"]["binderhub_url"] == "https://mybinder.org"


@pytest.mark.integration
def test_requirements_install_from_the_repository_root():
    """As repo2docker runs it: from the root, every line resolves (the pinned releases exist
    for this Python, `-e .` is the project). --no-deps keeps it to seconds; that the pins
    install together is what the environment itself shows: it was installed from this file,
    holds exactly these versions, and `pip check` finds nothing broken."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "--ignore-installed",
         "--no-build-isolation", "--quiet", "--disable-pip-version-check",
         "-r", "requirements.txt"],
        cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    for line in requirement_lines():
        if line.startswith("-e"):
            assert line == "-e .", line
            continue
        name, _, pinned = line.partition("==")
        assert pinned, f"requirements.txt: {line} is not pinned"
        assert metadata.version(name) == pinned, f"{name}: {metadata.version(name)} installed"
    check = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
