"""Execute the book's notebooks in place, deterministically.

    python scripts/execute_notebooks.py [NOTEBOOK ...]     # default: every notebook in book/

The stored outputs are what nbval compares, so re-executing an unchanged notebook must leave
`git diff` empty: no timing metadata, no stored widget state (a live kernel rebuilds it;
the book shows each widget's text/html form), widget model ids renumbered in order, no
Python patch version.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def notebooks(args: list[str]) -> list[Path]:
    if args:
        return [Path(a).resolve() for a in args]
    return sorted(p for p in (ROOT / "book").rglob("*.ipynb")
                  if ".ipynb_checkpoints" not in p.parts and "_build" not in p.parts)


def merge_streams(outputs: list) -> list:
    """Join consecutive stream outputs of the same stream: how a print is split into
    messages depends on timing, so an unmerged notebook could differ between runs."""
    merged = []
    for output in outputs:
        if (output.get("output_type") == "stream" and merged
                and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == output.get("name")):
            merged[-1]["text"] += output["text"]
        else:
            merged.append(output)
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
        cell.outputs = merge_streams(cell.outputs)
        n_widgets = 0
        for output in cell.outputs:
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view is not None:
                n_widgets += 1
                view["model_id"] = f"cell{index:03d}-widget{n_widgets:02d}"


def execute(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                            store_widget_state=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    normalise(nb)
    nbformat.validate(nb)
    text = nbformat.writes(nb) + "\n"
    if path.read_text() != text:
        path.write_text(text)
        print(f"updated   {path.relative_to(ROOT)}")
    else:
        print(f"unchanged {path.relative_to(ROOT)}")


if __name__ == "__main__":
    for nb_path in notebooks(sys.argv[1:]):
        execute(nb_path)
