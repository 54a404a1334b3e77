"""Compare the notebooks the book build executed with their stored outputs, as nbval does.

    python scripts/compare_outputs.py [EXECUTED_DIR]     # default: _build/jupyter_execute

`make book` executes every notebook once (Jupyter Book, `--all`, no cache) and leaves the
executed copies in _build/jupyter_execute; this checks each against book/*.ipynb with nbval's
own comparison (its code: the same output fields, the same skipped keys, image/png and
widget views not compared, streams coalesced) and the same sanitizers
(scripts/nbval_sanitize.cfg), honouring the nbval cell markers and tags (skip, ignore
output, raises-exception). So `make test` executes each notebook once and still proves what
`make nbval` proves: the committed outputs are what the code produces now.

One difference, the build's own: with `nb_merge_streams` (_config.yml) myst-nb merges each
rendered cell's stream outputs as it renders them, trimming trailing blank lines, and it
merges in place: the first stream output of each name receives the text of the later ones,
which stay in the notebook (myst_nb/core/render.py, `_get_nb_code_cell_outputs`). The copy in
_build/jupyter_execute is written after that, so when the kernel sent a cell's prints as
more than one message (it flushes on a timer: under load a slow cell's two prints arrive
apart) the copy holds the merged text and the later pieces again. `as_rendered` undoes that
(it keeps the merged first output and checks that it does hold the later pieces); the stored
side is merged with myst-nb's own function. What is compared is what the page shows.
"""
from __future__ import annotations

import copy
import difflib
import sys
from collections import OrderedDict, defaultdict
from pathlib import Path
from types import SimpleNamespace

import nbformat
from myst_nb.core.utils import coalesce_streams as merge_as_rendered
from nbval import plugin

ROOT = Path(__file__).resolve().parent.parent
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


def rendered(cell) -> bool:
    """Whether myst-nb renders this cell (and so merged its streams in place)."""
    tags = cell.metadata.get("tags", [])
    return not ("remove-cell" in tags or "remove_cell" in tags)


def as_rendered(cell) -> tuple[list, str | None]:
    """An executed cell's outputs as the page shows them, and what is wrong if they cannot be.

    A rendered cell's streams were merged in place: the first stream of each name holds the
    text of every later one of that name (each stripped of trailing blanks), and the later
    ones are still there. Keep the first; refuse if it does not end with the later pieces.
    """
    outputs = copy.deepcopy(list(cell.outputs))
    if not rendered(cell):
        return merge_as_rendered(outputs), None
    first: dict[str, dict] = {}
    later: dict[str, list[str]] = defaultdict(list)
    kept = []
    for output in outputs:
        if output.output_type != "stream":
            kept.append(output)
        elif output.name in first:
            later[output.name].append(output.text)
        else:
            first[output.name] = output
            kept.append(output)
    for name, pieces in later.items():
        tail = "".join(p.rstrip() + "\n" for p in pieces if p.rstrip())
        if not first[name].text.endswith(tail):
            return kept, (f"its {name} outputs are not merged as myst-nb renders them "
                          f"(the first does not end with the later ones)")
    return merge_as_rendered(kept), None


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
        executed_outputs, unmerged = as_rendered(test)
        if unmerged:
            problems.append(f"Cell {number}: {unmerged}")
            continue
        stored_outputs = merge_as_rendered(copy.deepcopy(list(ref.outputs)))
        if not item.compare_outputs(plugin.coalesce_streams(executed_outputs),
                                    plugin.coalesce_streams(stored_outputs)):
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
