"""mathcalc.display.fit: long display equations broken at the top level into aligned lines,
never inside a group, and never changing what the TeX says."""
from __future__ import annotations

import re

import pytest

from mathcalc.display import fit as fit_module
from mathcalc.display.fit import fit, prose, tokens, width

CHAIN = (r"\frac{d}{dx}9(x + x^2) = 9\frac{d}{dx}(x + x^2) = "
         r"9\left(\frac{d}{dx}x + \frac{d}{dx}x^2\right) = 9(1 + 2x) = 9 + 18x")


def _content(tex: str) -> str:
    """What the TeX says, without what fit may add: line breaks, alignment marks, the
    environments it wraps lines in and the indent of continued lines."""
    for mark in (r"\begin{aligned}", r"\end{aligned}", r"\begin{gathered}", r"\end{gathered}",
                 r"\\", "&", r"\qquad", r"\quad", r"\displaystyle"):
        tex = tex.replace(mark, "")
    return re.sub(r"\s+", "", tex)


def test_tokens_give_the_tex_back():
    for tex in (CHAIN, r"\text{a b}\,\mathbf x", r"\left[\begin{matrix}1 & 2\\3\end{matrix}\right]"):
        assert "".join(tokens(tex)) == tex


def test_a_short_equation_is_left_as_it_is():
    assert fit(r"y = x^2") == r"y = x^2"
    assert fit(CHAIN, limit=200) == CHAIN


def test_a_long_chain_is_one_step_a_line_aligned_on_the_equals():
    out = fit(CHAIN, limit=20)
    assert out.startswith(r"\begin{aligned}\frac{d}{dx}9(x + x^2) &= 9\frac{d}{dx}")
    assert out.count(r"\\") == 3 and out.count("&=") == 4
    assert _content(out) == _content(CHAIN)


def test_it_never_breaks_inside_a_group_a_delimiter_pair_an_environment_or_parentheses():
    inner = (r"\left[ a = b, c = d \right] + \frac{p = q}{r} + \begin{cases} u = v & z > 0 "
             r"\end{cases} + (\text{so } s = t) + \text{w = 1}")
    assert fit(inner, limit=5) == inner  # no top-level = at all
    out = fit(r"y = " + inner, limit=10)
    assert out.count("&=") == 1 and _content(out) == _content("y = " + inner)


def test_a_long_side_continues_before_its_top_level_plus_and_minus():
    terms = " + ".join(rf"\frac{{(y_{i} - \max(0, b + w_1 x_{{{i}1}}))^2}}{{3}}" for i in range(1, 4))
    out = fit(f"C = {terms}", limit=20)
    assert out.count(r"&\quad +") == 2 and _content(out) == _content(f"C = {terms}")


def test_statements_side_by_side_and_a_remark_go_on_lines_of_their_own():
    two = r"u_i = \max(0, \mathbf{w} \cdot \mathbf{x}_i + b) \qquad v_i = y_i - u_i"
    out = fit(two, limit=10)
    assert out.startswith(r"\begin{gathered}") and out.count(r"\\") == 1
    remark = r"\frac{\partial f}{\partial x} = g \quad (\text{the order of the factors matters})"
    out = fit(remark, limit=10)
    assert out == (r"\begin{gathered}\frac{\partial f}{\partial x} = g \\ "
                   r"(\text{the order of the factors matters})\end{gathered}")


def test_an_equation_set_on_several_lines_by_its_author_is_kept():
    authored = r"a &= b + c + d + e + f \\ &= g"
    assert fit(authored, limit=3) == authored
    assert fit(r"a = b + c \tag{1}", limit=1) == r"a = b + c \tag{1}"


def test_width_grows_with_what_is_set_and_reads_fractions_and_matrices():
    assert width("x + y") < width("x + y + z")
    assert width(r"\frac{a + b + c}{d}") == pytest.approx(width("a + b + c") + 0.4)
    assert width(r"\begin{bmatrix} a & b \\ c & d \end{bmatrix}") < width("a b c d") + 3
    assert width(r"\sum_{i=1}^{N} x_i") < width(r"\sum") + width("x_i") + 1
    assert fit_module.COLUMN_EM > 20


def test_bad_tex_is_refused_with_a_message():
    with pytest.raises(ValueError, match="unbalanced braces"):
        width(r"\frac{a}{b")
    with pytest.raises(ValueError, match="without its"):
        width(r"\begin{matrix} a")


def test_prose_turns_quoted_words_into_text_with_inline_math():
    assert prose(r"\text{The Jacobian has } m \text{ rows}") == "The Jacobian has $m$ rows"
    assert prose(r"\text{off-diagonal: } f_i \text{ and } g_i") == "off-diagonal: $f_i$ and $g_i$"
    assert prose(r"\text{a*b_c}") == r"a\*b\_c"  # Markdown's marks escaped
    assert prose(CHAIN) is None  # mostly math: it stays display math
