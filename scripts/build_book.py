"""`jupyter-book build`, with the notebooks executed on every core.

    python scripts/build_book.py [jupyter-book build options] PATH

Jupyter Book 1.x runs Sphinx with one process, so the notebooks (executed while Sphinx
reads them) run one after another. Sphinx itself can read in parallel and myst-nb is
parallel-read safe; this passes `jobs` (default: the number of cores, or $BOOK_JOBS) to
Jupyter Book's own build function and otherwise runs its command line unchanged.
"""
from __future__ import annotations

import functools
import os
import sys

import jupyter_book.cli.main as cli
import jupyter_book.sphinx as jb_sphinx


def main(argv: list[str]) -> int:
    jobs = int(os.environ.get("BOOK_JOBS", os.cpu_count() or 1))
    # cli.main imports build_sphinx from this module when the build command runs
    jb_sphinx.build_sphinx = functools.partial(jb_sphinx.build_sphinx, jobs=jobs)
    return cli.main(["build", *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
