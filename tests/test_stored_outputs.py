"""No stored output names the machine that executed it: no absolute path, user or host name.
Such an output changes when the notebooks are executed anywhere else (`make execute` in
another checkout would leave a diff), and shows every reader a stranger's folders. A cell
that raises on purpose shows the exception and its message, not a traceback through files."""
from __future__ import annotations

import getpass
import os
import re
import socket
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "book").glob("*.ipynb"))
IMAGES = ("image/png", "image/jpeg", "image/gif")
# A POSIX path from the file-system root, a home directory, or a Windows drive path.
ABSOLUTE_PATH = re.compile(
    r"(?<![\w.:/~])/(?:home|root|Users|tmp|var|usr|opt|work|mnt|srv|private|etc|builds?)/"
    r"|~/|\b[A-Za-z]:\\\\?[\w.]"
)


def machine_words() -> list[str]:
    """This machine's names, as they would appear in an output."""
    words = [str(ROOT), str(Path.home())]
    user, host = getpass.getuser(), socket.gethostname()
    # a short or common name ("vm", "root") is caught as a path part, not as a word
    words += [f"/{user}/", f"\\{user}\\", f"{user}@"]
    if len(host) >= 4 and host != "localhost":
        words.append(host)
    return words


def stored_texts(nb):
    """(cell id, text) for every textual part of every stored output."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                yield cell.id, out["text"]
            elif out.get("output_type") == "error":
                yield cell.id, "\n".join([out["ename"], out["evalue"], *out["traceback"]])
            for mime, value in out.get("data", {}).items():
                if mime in IMAGES or mime.endswith("+json"):
                    continue
                text = value if isinstance(value, str) else "".join(value)
                if mime == "text/html":  # the players' frames are base64, not words
                    text = re.sub(r"data:image/[a-z]+;base64,[A-Za-z0-9+/=]+", "", text)
                yield cell.id, text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_stored_output_names_the_machine(path):
    found = []
    words = machine_words()
    for cell_id, text in stored_texts(nbformat.read(path, as_version=4)):
        found += [f"{cell_id}: path {m.group(0)!r} in {text[max(0, m.start() - 40):m.end() + 40]!r}"
                  for m in ABSOLUTE_PATH.finditer(text)]
        found += [f"{cell_id}: {w!r}" for w in words if w in text]
    assert not found, f"{path.name}: stored outputs name the machine: {found}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_stored_traceback(path):
    """A cell that raises on purpose shows the error as a reader should see it."""
    nb = nbformat.read(path, as_version=4)
    tracebacks = [c.id for c in nb.cells for o in c.get("outputs", [])
                  if o.get("output_type") == "error" and len(o["traceback"]) > 1]
    assert not tracebacks, f"{path.name}: stored tracebacks in cells {tracebacks}"


def test_the_scan_catches_paths_and_names():
    cell = nbformat.v4.new_code_cell("1/0")
    cell.id = "c"
    cell.outputs = [nbformat.v4.new_output(
        "error", ename="ValueError", evalue="bad",
        traceback=["File /home/someone/mathcalc/chain.py:12, in f()"])]
    nb = nbformat.v4.new_notebook(cells=[cell])
    texts = " ".join(t for _, t in stored_texts(nb))
    assert ABSOLUTE_PATH.search(texts)
    for text in ["C:\\Users\\me\\x.py", "see ~/mathcalc", "/tmp/ipykernel_123/1.py", "/work/x"]:
        assert ABSOLUTE_PATH.search(text), text
    for text in ["d/dx", "the ratio 1/2", "x/y/z", "https://example.org/home/x", "a ~ b"]:
        assert not ABSOLUTE_PATH.search(text), text
    assert str(ROOT) in machine_words()
