"""`make chromium`, the first step of `make test`, on machines this one is not: Chromium
missing, as root (it installs Debian's package), with sudo, and with neither (one line
saying what to run, and nothing built). `id`, `sudo` and `apt-get` are stand-ins on PATH
that record how they were called; DEBIAN_CHROMIUM points at a file that does not exist."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def stand_ins(folder: Path, uid: int, sudo_ok: bool | None) -> Path:
    """A folder of fake ``id``, ``sudo`` (None: no sudo at all) and ``apt-get``; each call
    is appended to ``calls``."""
    folder.mkdir()
    calls = folder / "calls"
    scripts = {"id": f'echo "id $*" >> {calls}; echo {uid}',
               "apt-get": f'echo "apt-get $*" >> {calls}'}
    if sudo_ok is not None:
        scripts["sudo"] = (f'echo "sudo $*" >> {calls}; '
                           + ('[ "$1" = -n ] && [ "$2" = true ] && exit 0; exec "$@"'
                              if sudo_ok else "exit 1"))
    for name, body in scripts.items():
        (folder / name).write_text(f"#!/bin/sh\n{body}\n")
        (folder / name).chmod(0o755)
    return calls


def make(target: str, bin_dir: Path, missing: Path, **variables) -> subprocess.CompletedProcess:
    path = os.pathsep.join([str(bin_dir), "/usr/bin", "/bin"])
    env = {k: v for k, v in os.environ.items() if k != "CHROMIUM"}
    env["PATH"] = path
    args = ["make", "--no-print-directory", "-C", str(ROOT), target,
            f"DEBIAN_CHROMIUM={missing}", *(f"{k}={v}" for k, v in variables.items())]
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("uid, sudo_ok, installer", [(0, None, "apt-get"), (1000, True, "sudo apt-get")])
def test_missing_chromium_is_installed_from_debian(tmp_path, uid, sudo_ok, installer):
    calls = stand_ins(tmp_path / "bin", uid, sudo_ok)
    result = make("chromium", tmp_path / "bin", tmp_path / "no-chromium")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Installing Chromium" in result.stdout
    lines = calls.read_text().splitlines()
    assert f"{installer} install -y -qq chromium" in lines, lines
    assert any(line.endswith("apt-get update -qq") for line in lines), lines


def test_without_root_or_sudo_it_says_what_to_run_and_builds_nothing(tmp_path):
    for sudo in (None, False):  # no sudo, or sudo that asks for a password
        folder = tmp_path / f"sudo-{sudo}"
        folder.mkdir()
        calls = stand_ins(folder / "bin", 1000, sudo)
        result = make("test", folder / "bin", folder / "no-chromium")
        assert result.returncode != 0
        message = [line for line in result.stdout.splitlines() if line.strip()]
        assert message == ["The browser tests need Chromium: run 'sudo apt-get install chromium' "
                           "(or set CHROMIUM=/path/to/chrome), then make test again"], result.stdout
        assert "apt-get" not in calls.read_text()
        assert "jupyter-book" not in result.stdout + result.stderr and "pip" not in result.stdout


def test_a_chromium_named_by_the_reader_must_exist(tmp_path):
    calls = stand_ins(tmp_path / "bin", 0, None)
    result = make("chromium", tmp_path / "bin", tmp_path / "no-chromium",
                  CHROMIUM=tmp_path / "my-chrome")
    assert result.returncode != 0 and "is not an executable" in result.stdout
    assert not calls.exists() or "apt-get" not in calls.read_text()


def test_an_installed_chromium_is_left_alone(tmp_path):
    calls = stand_ins(tmp_path / "bin", 0, None)
    chrome = tmp_path / "chrome"
    chrome.write_text("#!/bin/sh\n")
    chrome.chmod(0o755)
    result = make("chromium", tmp_path / "bin", chrome)
    assert result.returncode == 0 and result.stdout == ""
    assert not calls.exists()
