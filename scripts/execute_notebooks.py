"""Execute the book's notebooks in place, deterministically.

    python scripts/execute_notebooks.py [NOTEBOOK ...]     # default: every notebook in book/

The stored outputs are what nbval compares with a fresh execution and what the book shows,
so re-executing an unchanged notebook must leave `git diff` empty: each cell's printed text
in one output per stream, as a reader should see it; no timing metadata, no stored widget
state (a live kernel rebuilds it; the book shows each widget's text/html form), widget model
ids renumbered in order, no Python patch version.
"""
from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from traitlets.config import Config

ROOT = Path(__file__).resolve().parent.parent
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def notebooks(args: list[str]) -> list[Path]:
    if args:
        return [Path(a).resolve() for a in args]
    return sorted(p for p in (ROOT / "book").rglob("*.ipynb")
                  if ".ipynb_checkpoints" not in p.parts and "_build" not in p.parts)


# A carriage return not ending its line: the text before it on that line was overwritten.
_CARRIAGE_RETURN = re.compile(r"^.*\r(?=[^\n])", re.MULTILINE)
# A character and the backspace after it (both erased).
_BACKSPACE = re.compile("[^\n\x08]\x08")


def as_displayed(text: str) -> str:
    """A stream's text as a terminal shows it: backspaces and carriage returns applied,
    trailing blank lines trimmed (a print's own final newline kept)."""
    old = None
    while old != text:
        old, text = text, _BACKSPACE.sub("", text)
    text = _CARRIAGE_RETURN.sub("", text.replace("\x08", ""))
    return text.rstrip("\n") + "\n" if text.strip("\n") else ""


def canonical_streams(outputs: list) -> list:
    """One stream output per name (stdout, stderr), where the name first printed, its text
    the pieces joined as written and shown as a terminal shows it; stdout before an adjacent
    stderr. The kernel cuts a cell's prints into messages on a timer, so the pieces differ
    from run to run; their canonical form does not, and it is what nbval compares (its
    coalesce_streams joins the pieces the same way) and what the book renders."""
    merged, streams = [], {}
    for output in outputs:
        if output.get("output_type") != "stream":
            merged.append(output)
        elif output["name"] in streams:
            streams[output["name"]]["text"] += output["text"]
        else:
            streams[output["name"]] = output
            merged.append(output)
    for output in streams.values():
        output["text"] = as_displayed(output["text"])
    merged = [o for o in merged if o.get("output_type") != "stream" or o["text"]]
    for i in range(len(merged) - 1):
        first, second = merged[i], merged[i + 1]
        if (first.get("output_type") == second.get("output_type") == "stream"
                and (first["name"], second["name"]) == ("stderr", "stdout")):
            merged[i], merged[i + 1] = second, first
    return merged


def normalise(nb) -> None:
    """Drop what changes between runs of the same code."""
    nb.metadata.pop("widgets", None)
    info = nb.metadata.get("language_info", {})
    info.pop("version", None)
    for index, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        cell.outputs = canonical_streams(cell.outputs)
        n_widgets = 0
        for output in cell.outputs:
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view is not None:
                n_widgets += 1
                view["model_id"] = f"cell{index:03d}-widget{n_widgets:02d}"


def kernel_config(socket_dir: str) -> Config:
    """The kernel talks to this process over local IPC sockets in ``socket_dir``, not TCP:
    nothing listens on the network, and ipykernel has no unencrypted-TCP warning to print."""
    return Config({"KernelManager": {"transport": "ipc", "ip": str(Path(socket_dir) / "kernel")}})


def execute(path: Path, root: Path = ROOT) -> None:
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="mathcalc-kernel-") as sockets:
        client = NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                                store_widget_state=False, config=kernel_config(sockets),
                                resources={"metadata": {"path": str(path.parent)}})
        # the widgets draw their phone frames too: the book's player shows them on a phone
        # (mathcalc.display.frames.phone_frames; nbval sets the same in book/conftest.py)
        client.execute(env={**os.environ, "MATHCALC_PHONE_FRAMES": "1"})
    normalise(nb)
    nbformat.validate(nb)
    text = nbformat.writes(nb) + "\n"
    if path.read_text() != text:
        path.write_text(text)
        print(f"updated   {_shown(path, root)}")
    else:
        print(f"unchanged {_shown(path, root)}")


def _shown(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


if __name__ == "__main__":
    for nb_path in notebooks(sys.argv[1:]):
        execute(nb_path)
