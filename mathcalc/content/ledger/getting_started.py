"""The ledger of §1-§2: each display equation of the paper and the status of each
of its ``=`` (see :mod:`mathcalc.content.ledger`)."""
from . import entry

ENTRIES = (
    entry("1-1", "§1",
      r"""\frac{1}{N} \sum_{\mathbf{x}} (\text{target}(\mathbf{x}) - \text{activation}(\mathbf{x}))^2 = \frac{1}{N} \sum_{\mathbf{x}} (\text{target}(\mathbf{x}) - \max(0, \sum_i^{|x|} w_i x_i + b))^2""",
      ["erratum E1-a, not computable: the sum is bounded by |x|, by the paper's notation the absolute value of a scalar; read as |𝐱|, the = writes activation(𝐱) out by its definition max(0, Σᵢ wᵢxᵢ + b)"],
      where=("introduction.ipynb", "ledger-1-1")),
    entry("2-1", "§2",
      r"""\frac{d}{dx}9(x + x^2) = 9\frac{d}{dx}(x + x^2) = 9\left(\frac{d}{dx}x + \frac{d}{dx}x^2\right) = 9(1 + 2x) = 9 + 18x""",
      ["checked",
      "checked",
      "checked",
      "unchecked: arithmetic (9 distributed over 1 + 2x) that SymPy performs as it builds the expression, so a check would compare one expression with itself"],
      where=("scalar-derivatives.ipynb", "ledger-2-1")),
)
