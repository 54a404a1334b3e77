"""How the rules table writes its arguments: §9's bold vectors, italic scalars."""
from mathcalc.rules import VECTOR_RULES, rule


def test_arguments_are_bold_vectors_and_italic_scalars():
    assert rule("add").arg_latex("x") == r"\mathbf{x}"
    assert rule("add_scalar").arg_latex("z") == "z"
    assert all(r.arg_latex(a) == (a if a == "z" else rf"\mathbf{{{a}}}")
               for r in VECTOR_RULES for a in r.args)


def test_relu_is_written_with_the_papers_scalar_zero():
    # §5's broadcast max(0, x); the notation page defines no bold 0
    assert rule("relu").latex == r"\max(0, \mathbf{x})"
