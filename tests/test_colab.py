"""The Colab way in: every notebook starts with the same small cell that installs mathcalc
from the book's repository when it is missing (scripts/colab_cell.py writes it from
_config.yml, the one place that names the repository), and that cell, pointed at a local
clone, makes a notebook run in a fresh virtualenv that has everything but mathcalc."""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = "notation.ipynb"  # the quickest chapter to run (about 2 s)


def load_script():
    spec = importlib.util.spec_from_file_location("colab_cell", ROOT / "scripts" / "colab_cell.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


colab = load_script()


def test_every_notebook_starts_with_the_install_cell():
    """`python scripts/colab_cell.py --check`: run the script without --check to fix."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "colab_cell.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_install_cell_is_short_hidden_and_names_the_configured_repository():
    repository = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]
    cell = colab.install_cell(colab.install_url())
    assert len(cell.source.splitlines()) <= 4
    assert cell.metadata["tags"] == ["remove-cell"]  # not in the HTML book nor the PDF
    assert f'"git+{repository["url"]}@{repository["branch"]}"' in cell.source
    compile(cell.source, "install-cell", "exec")


def test_the_script_inserts_updates_and_checks(tmp_path):
    path = tmp_path / NOTEBOOK
    shutil.copy(ROOT / "book" / NOTEBOOK, path)
    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if c.get("id") != colab.CELL_ID]
    n_cells = len(nb.cells)
    nbformat.write(nb, path)
    assert colab.main(["--check", str(path)]) == 1
    assert colab.main([str(path)]) == 0
    assert colab.main(["--check", str(path)]) == 0
    text = path.read_text()
    assert colab.main([str(path)]) == 0 and path.read_text() == text  # idempotent
    nb = nbformat.read(path, as_version=4)
    assert len(nb.cells) == n_cells + 1 and nb.cells[0].id == colab.CELL_ID
    nb.cells[0].source = nb.cells[0].source.replace("@main", "@other")  # edited by hand
    nb.cells.append(nb.cells.pop(0))  # and moved
    assert colab.problems(nb, colab.install_url())
    colab.update(nb, colab.install_url())
    assert colab.problems(nb, colab.install_url()) == []
    assert len(nb.cells) == n_cells + 1


def fresh_virtualenv(where: Path) -> Path:
    """A new virtualenv holding every package of this environment but mathcalc (as a
    Colab runtime holds NumPy, SymPy, matplotlib and Jupyter): the others are linked in a
    folder on its path; mathcalc's editable install is not."""
    # no pip of its own: the linked one serves (ensurepip would take seconds)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True)
    deps = where / "deps"
    deps.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if entry.name.lower().startswith(("mathcalc", "__editable__", "_mathcalc")):
            continue
        (deps / entry.name).symlink_to(entry)
    python = where / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "colab-runtime.pth").write_text(f"{deps}\n")
    return python


RUN_NOTEBOOK = """
import sys
import nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=300, kernel_name="python3").execute()
errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
assert not errors, errors
import json
print(json.dumps({"cells": len(nb.cells), "first_outputs": nb.cells[0].outputs}))
"""


@pytest.mark.integration
def test_the_install_cell_installs_mathcalc_in_a_fresh_virtualenv(tmp_path):
    """A notebook run from its first cell, where mathcalc is missing, with the install cell
    pointed at a local clone (this machine reaches no Git host): every cell runs."""
    clone = tmp_path / "clone"
    # a whole clone: pip's partial clone (--filter=blob:none) of a shallow one never ends
    subprocess.run(["git", "clone", "--quiet", ROOT.as_uri(), str(clone)], check=True)
    python = fresh_virtualenv(tmp_path / "venv")
    missing = subprocess.run([str(python), "-c", "import mathcalc"], cwd=tmp_path,
                             capture_output=True, text=True)
    assert missing.returncode != 0 and "No module named 'mathcalc'" in missing.stderr
    nb = nbformat.read(ROOT / "book" / NOTEBOOK, as_version=4)
    colab.update(nb, colab.install_url())  # as in the book, whether or not it is applied yet
    assert colab.install_url() in nb.cells[0].source
    nb.cells[0].source = nb.cells[0].source.replace(colab.install_url(), f"git+{clone.as_uri()}")
    run = tmp_path / "run"
    run.mkdir()
    nbformat.write(nb, run / NOTEBOOK)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env["PATH"] = f"{python.parent}{os.pathsep}{env.get('PATH', '')}"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    result = subprocess.run([str(python), "-c", RUN_NOTEBOOK, NOTEBOOK], cwd=run, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["cells"] == len(nb.cells)
    installed = subprocess.run([str(python), "-c", "import mathcalc; print(mathcalc.__file__)"],
                               cwd=tmp_path, capture_output=True, text=True)
    assert installed.returncode == 0 and str(tmp_path / "venv") in installed.stdout, installed
