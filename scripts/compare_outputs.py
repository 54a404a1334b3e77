"""Compare the notebooks the book build executed with their stored outputs, as nbval does.

    python scripts/compare_outputs.py [EXECUTED_DIR]     # default: _build/jupyter_execute

`make book` executes every notebook once (Jupyter Book, `--all`, no cache) and leaves the
executed copies in _build/jupyter_execute; this checks each against book/*.ipynb with nbval's
own comparison (its code: the same output fields, the same skipped keys, image/png and
widget views not compared, streams coalesced) and the same sanitizers
(scripts/nbval_sanitize.cfg), honouring the nbval cell markers and tags (skip, ignore
output, raises-exception). So `make test` executes each notebook once and still proves what
`make nbval` proves: the committed outputs are what the code produces now.

Streams are merged as the page shows them, with the build's own function
(book/_ext/merge_streams.py, which myst-nb's renderer uses in place of its own): the kernel
cuts a cell's prints into messages on a timer, so an executed copy may hold one stream output
where the stored notebook has several, or the other way round, and the page is the same.
"""
from __future__ import annotations

import copy
import difflib
import sys
from collections import OrderedDict, defaultdict
from pathlib import Path
from types import SimpleNamespace

import nbformat
from nbval import plugin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "book" / "_ext"))
from merge_streams import merge_streams  # noqa: E402  (the build's own merge)

SANITIZE = ROOT / "scripts" / "nbval_sanitize.cfg"
# nbval's defaults without --nbdime (plugin.IPyNbFile.__init__)
SKIP_COMPARE = ("metadata", "traceback", "prompt_number", "output_type", "name",
                "execution_count", "application/vnd.jupyter.widget-view+json",
                "image/png", "image/jpeg")


class Comparison:
    """Stands in for an nbval cell item so that nbval's compare_outputs runs unchanged."""

    colors = plugin.nocolors

    def __init__(self, patterns: OrderedDict):
        self.parent = SimpleNamespace(skip_compare=SKIP_COMPARE, sanitize_patterns=patterns)
        self.comparison_traceback: list[str] = []

    sanitize = plugin.IPyNbCell.sanitize
    compare_outputs = plugin.IPyNbCell.compare_outputs

    def format_output_compare(self, key, left, right):
        left, right = (plugin._trim_base64(v) if isinstance(v, str) else v for v in (left, right))
        self.comparison_traceback.append(f"mismatch in {key!r} (- stored, + executed):")
        self.comparison_traceback += difflib.unified_diff(
            str(left).splitlines(), str(right).splitlines(), lineterm="", n=1)


def sanitize_patterns() -> OrderedDict:
    return OrderedDict(plugin.get_sanitize_patterns(SANITIZE.read_text()))


def cell_options(cell) -> dict:
    """nbval's options for a cell: its tags, then its comment markers."""
    options = defaultdict(bool, plugin.find_metadata_tags(cell.metadata))
    options.update(dict(plugin.find_comment_markers(cell.source)))
    options.setdefault("check", True)
    return options


def compare(stored, executed, patterns: OrderedDict | None = None) -> list[str]:
    """What differs between a stored notebook and its executed copy, cell by code cell."""
    patterns = sanitize_patterns() if patterns is None else patterns
    stored_cells = [c for c in stored.cells if c.cell_type == "code"]
    executed_cells = [c for c in executed.cells if c.cell_type == "code"]
    if [c.source for c in stored_cells] != [c.source for c in executed_cells]:
        return ["the executed copy has other code cells (a stale build?)"]
    problems = []
    for number, (ref, test) in enumerate(zip(stored_cells, executed_cells)):
        options = cell_options(ref)
        if options["skip"]:
            continue
        errors = [o for o in test.outputs if o.output_type == "error"]
        if errors and not options["check_exception"]:
            problems.append(f"Cell {number}: raised {errors[0].ename}: {errors[0].evalue}")
            continue
        if ref.execution_count is None and ref.outputs:
            problems.append(f"Cell {number}: unrun reference cell has outputs")
        if not options["check"] or ref.execution_count is None:
            continue
        item = Comparison(patterns)
        executed_outputs = merge_streams(copy.deepcopy(list(test.outputs)))
        stored_outputs = merge_streams(copy.deepcopy(list(ref.outputs)))
        if not item.compare_outputs(executed_outputs, stored_outputs):
            problems.append(f"Cell {number}: outputs differ\n  " + "\n  ".join(item.comparison_traceback))
    return problems


def main(argv: list[str]) -> int:
    executed_dir = Path(argv[0]) if argv else ROOT / "_build" / "jupyter_execute"
    failed = 0
    notebooks = sorted((ROOT / "book").glob("*.ipynb"))
    for path in notebooks:
        copy = executed_dir / "book" / path.name
        if not copy.exists() or copy.stat().st_mtime < path.stat().st_mtime:
            print(f"{path.name}: no executed copy newer than the notebook in {executed_dir} "
                  f"(run make book)")
            failed = 1
            continue
        problems = compare(nbformat.read(path, as_version=4), nbformat.read(copy, as_version=4))
        for problem in problems:
            print(f"{path.relative_to(ROOT)}: {problem}")
        failed |= bool(problems)
    if not failed:
        print(f"stored outputs match the build's execution: {len(notebooks)} notebooks")
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
