"""The errata list keeps the notation it holds the paper to (§9): a plain |a| in an entry's
summary is the paper's own slip, quoted (the entry's printed form has it too); a length is
written with a bold letter, |𝐱|."""
import re
from pathlib import Path

import pytest

from mathcalc.content.errata import ERRATA

PAPER = Path(__file__).resolve().parents[2].parent / "shared" / "paper" / \
    "matrix-calculus-for-deep-learning.md"


@pytest.mark.parametrize("e", ERRATA, ids=lambda e: e.key)
def test_a_plain_absolute_value_in_a_summary_only_quotes_the_paper(e):
    for bars in re.findall(r"\|[A-Za-z]\|", e.summary):
        assert bars in e.paper, f"{e.key}: {bars} is an absolute value; a length is |𝐱|"


@pytest.mark.skipif(not PAPER.exists(), reason="the paper's text is not beside this clone")
def test_the_italic_y_of_e4_5_3_d_is_in_the_paper():
    text = PAPER.read_text()
    assert re.search(r"so that\s+\$y\$\s+looks more like\s+\$\\mathbf\{y\} = "
                     r"\\mathbf\{f\}\(\\mathbf\{g\}\(x\)\)\$", text)
    assert "E4.5.3-d" in {e.key for e in ERRATA}
