"""Where the paper is wrong or misleading: one list, gathered while checking every equation.

Each entry names the section, what the paper prints, the correct form, and (where a number
can show it) the name of a function in ``mathcalc`` or a test that demonstrates it. The
errata page of the book (Parr & Howard §7-§10 part) is rendered from :data:`ERRATA`.

Chapters add their findings below the marker of their part of the paper, in paper order.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Erratum:
    """One error in the paper.

    ``key`` is stable ("E4.5.1-a": section and a letter), for the equation ledger
    (:mod:`mathcalc.content.ledger`) to name; ``paper`` and ``correct`` are LaTeX (without
    dollar signs) or plain text; ``kind`` is ``"typo"`` (notation that a careful reader
    repairs), ``"error"`` (a wrong result) or ``"misleading"``; ``shown_by`` names the code
    that demonstrates it, if any; ``ledger`` the key of the ledger entry of the display
    equation it concerns, if any.
    """

    section: str
    kind: str
    summary: str
    paper: str
    correct: str
    shown_by: str = ""
    key: str = ""
    ledger: str = ""


ERRATA: tuple[Erratum, ...] = (
    # --- §1-§2 ---------------------------------------------------------------------------
    # --- §3-§4.4 (matrix calculus chapters) ------------------------------------------------
    Erratum(
        key="E3-a",
        section="§3",
        kind="typo",
        summary="The chain for the partial with respect to y repeats a step (harmless: "
                "the two steps are equal).",
        paper=r"\frac{\partial}{\partial y} 3x^2y = 3x^2 \frac{\partial}{\partial y} y = "
              r"3x^2 \frac{\partial}{\partial y} y = 3x^2 \times 1 = 3x^2",
        correct=r"\frac{\partial}{\partial y} 3x^2y = 3x^2 \frac{\partial}{\partial y} y = "
                r"3x^2 \times 1 = 3x^2",
        shown_by="book/partial-derivatives.ipynb (the chain, each step checked by SymPy)",
    ),
    Erratum(
        key="E4.2-a",
        section="§4.2",
        kind="misleading",
        summary="The element-wise diagonal condition is sufficient for a zero off-diagonal "
                "entry, not necessary: for ⊗ the entry is g_i(x) ∂f_i/∂w_j, which is zero "
                "wherever g_i(x) = 0 even though f_i depends on w_j.",
        paper=r"\text{[off-diagonal elements are zero] precisely when } f_i \text{ and } g_i "
              r"\text{ are constants with respect to } w_j",
        correct=r"\text{off-diagonal elements are zero when (not only when) } f_i "
                r"\text{ and } g_i \text{ are constants with respect to } w_j",
        shown_by="mathcalc.paper.elementwise.generic_elementwise (book/elementwise.ipynb)",
    ),
    Erratum(
        key="E4.2-b",
        section="§4.2",
        kind="misleading",
        summary="The reason given for the zero entries is wrong: the derivative of "
                "f_i ∘ g_i is not (∂f_i/∂w_j) ∘ (∂g_i/∂w_j) (for ⊗ it is the product rule, "
                "and 0 ⊘ 0 is undefined). The entry is zero because f_i(w) ∘ g_i(x) is then "
                "a constant with respect to w_j.",
        paper=r"\text{Regardless of the operator, if those partial derivatives go to zero, "
              r"the operation goes to zero, } 0 \circ 0 = 0 \text{ no matter what}",
        correct=r"\frac{\partial f_i}{\partial w_j} = \frac{\partial g_i}{\partial w_j} = 0 "
                r"\Rightarrow f_i(\mathbf{w}) \circ g_i(\mathbf{x}) \text{ is constant in } w_j "
                r"\Rightarrow \frac{\partial}{\partial w_j}(f_i(\mathbf{w}) \circ g_i(\mathbf{x})) = 0",
        shown_by="mathcalc.paper.elementwise.generic_elementwise (book/elementwise.ipynb)",
    ),
    # --- §4.5 (chain rules) ----------------------------------------------------------------
    Erratum(
        key="E4.5.1-a",
        section="§4.5.1",
        kind="typo",
        summary="Step 2 of the ln(sin(x³)²) example writes the derivative operators "
                "without the d of the denominator (three times on each line).",
        paper=r"\frac{d}{u_1} u_2 = \frac{d}{u_1}\sin(u_1) = \cos(u_1)",
        correct=r"\frac{d}{du_1} u_2 = \frac{d}{du_1}\sin(u_1) = \cos(u_1)",
        shown_by="mathcalc.display.show.chain_rule_table(mathcalc.paper.chain.chain_rule(log(sin(x**3)**2), x))",
    ),
    Erratum(
        key="E4.5.2-a",
        section="§4.5.2",
        kind="typo",
        summary="The bump check of y = x + x² names the misleading partial ∂u₂/u₁ (no ∂ "
                "in the denominator); the partial that suggests a change of 1 is the "
                "'Ooops' one, ∂u₂/∂x = 1 (∂u₂/∂u₁ = 1 is a correct partial).",
        paper=r"\text{The change in } y \text{ is not 1, as } \partial u_2 / u_1 "
              r"\text{ would lead us to believe}",
        correct=r"\text{... as } \partial u_2 / \partial x = 1 \text{ would lead us to believe}",
        shown_by="mathcalc.paper.graph.paths(x + x**2, x)",
    ),
    Erratum(
        key="E4.5.2-b",
        section="§4.5.2",
        kind="misleading",
        summary="The bump Δx = 1 at x = 1 changes y by 4, but dy/dx there is 1 + 2x = 3: "
                "Δy = (1 + 2x)Δx + Δx², so the finite bump only approaches the total "
                "derivative as Δx → 0 (Δy/Δx = 3 + Δx).",
        paper=r"\Delta x = 1: \; \Delta y = 6 - 2 = 4",
        correct=r"\Delta y / \Delta x = 1 + 2x + \Delta x \to 3 \text{ at } x = 1",
        shown_by="book/total-derivative.ipynb",
    ),
    Erratum(
        key="E4.5.2-c",
        section="§4.5.2",
        kind="typo",
        summary="In the sin(x + x²) example the partial of u₂ with respect to u₁ is "
                "written ∂u₁/∂u₁ (its value, 1, is right).",
        paper=r"\frac{\partial u_2}{\partial x} = \frac{\partial x}{\partial x} + "
              r"\frac{\partial u_1}{\partial u_1}\frac{\partial u_1}{\partial x}",
        correct=r"\frac{\partial u_2}{\partial x} = \frac{\partial x}{\partial x} + "
                r"\frac{\partial u_2}{\partial u_1}\frac{\partial u_1}{\partial x}",
        shown_by="mathcalc.display.show.total_derivative_table(mathcalc.paper.chain.total_derivative(sin(x + x**2), x))",
    ),
    Erratum(
        key="E4.5.2-d",
        section="§4.5.2",
        kind="typo",
        summary="The multi-parameter intermediate variable is written u₂(x, u) = x + u₁: "
                "its second parameter is u₁.",
        paper=r"u_2(x, u) = x + u_1",
        correct=r"u_2(x, u_1) = x + u_1",
    ),
    # --- §5-§6 (neural network gradients) --------------------------------------------------
    Erratum(
        key="E5-a",
        section="§5",
        kind="misleading",
        summary="The derivative of the broadcast max(0, x) is printed as a column of partials; "
                "as an element-wise unary operator (§4.2) its Jacobian is the n × n diagonal "
                "matrix of those partials.",
        paper=r"\frac{\partial}{\partial \mathbf{x}} \max(0, \mathbf{x}) = \begin{bmatrix} "
              r"\frac{\partial}{\partial x_1} \max(0, x_1) \\ \dots \\ "
              r"\frac{\partial}{\partial x_n} \max(0, x_n) \end{bmatrix}",
        correct=r"\frac{\partial}{\partial \mathbf{x}} \max(0, \mathbf{x}) = "
                r"\operatorname{diag}\left(\frac{\partial}{\partial x_1} \max(0, x_1), "
                r"\dots, \frac{\partial}{\partial x_n} \max(0, x_n)\right)",
        shown_by="book/neuron-gradient.ipynb (mathcalc.jacobian of the broadcast max)",
    ),
    Erratum(
        key="E5-b",
        section="§5",
        kind="misleading",
        summary="'When z ≤ 0, the derivative is 0 because z is a constant': for z < 0 it is "
                "max(0, z) that is the constant 0; at z = 0 max(0, z) has no derivative "
                "(one-sided slopes 0 and 1) and the paper's 0 there is a convention.",
        paper=r"\frac{\partial}{\partial z}\max(0, z) = 0 \text{ for } z \le 0 "
              r"\text{ because } z \text{ is a constant}",
        correct=r"\frac{\partial}{\partial z}\max(0, z) = 0 \text{ for } z < 0, "
                r"\ 1 \text{ for } z > 0, \text{ undefined at } z = 0 "
                r"\text{ (taken as } 0\text{)}",
        shown_by="book/neuron-gradient.ipynb (one-sided differences at z = 0)",
    ),
    Erratum(
        key="E6-a",
        section="§6",
        kind="typo",
        summary="The intermediate variables drop the sample subscript, so the printed cost "
                "sums N copies of one v²; the same in §6.1 (−2(y_i − u)) and §6.2.",
        paper=r"u(\mathbf{w}, b, \mathbf{x}) = \max(0, \mathbf{w} \cdot \mathbf{x} + b),\ "
              r"v(y, u) = y - u,\ C(v) = \frac{1}{N} \sum_{i=1}^N v^2",
        correct=r"u_i = \max(0, \mathbf{w} \cdot \mathbf{x}_i + b),\ v_i = y_i - u_i,\ "
                r"C = \frac{1}{N} \sum_{i=1}^N v_i^2",
    ),
    Erratum(
        key="E6.1-a",
        section="§6.1",
        kind="error",
        summary="The last lines pull the sum over samples inside one branch of the cases, "
                "as if all samples were active or all inactive together; each sample must "
                "be masked by its own condition. The error-term form then sums over all "
                "samples instead of the active ones.",
        paper=r"\frac{\partial C}{\partial \mathbf{w}} = \begin{cases} \vec{0}^T & "
              r"\mathbf{w} \cdot \mathbf{x}_i + b \le 0 \\ \frac{2}{N} \sum_{i=1}^N e_i "
              r"\mathbf{x}_i^T & \mathbf{w} \cdot \mathbf{x}_i + b > 0 \end{cases}",
        correct=r"\frac{\partial C}{\partial \mathbf{w}} = \frac{2}{N} \sum_{i:\, "
                r"\mathbf{w} \cdot \mathbf{x}_i + b > 0} e_i \mathbf{x}_i^T",
        shown_by="mathcalc.paper.neuron.loss_gradient_paper_61 vs loss_gradient "
                 "(book/loss-gradient-weights.ipynb, tests/test_neuron.py)",
    ),
    Erratum(
        key="E6.1-b",
        section="§6.1",
        kind="misleading",
        summary="The error term is described as 'the difference between the target output "
                "and the actual neuron output', but e_i is the output minus the target, "
                "which fixes the gradient's sign.",
        paper=r"e_i = \text{target} - \text{output (in words)}",
        correct=r"e_i = \mathbf{w} \cdot \mathbf{x}_i + b - y_i = "
                r"\text{output} - \text{target} \text{ (active samples)}",
    ),
    Erratum(
        key="E6.1-c",
        section="§6.1",
        kind="typo",
        summary="After the update rule for w: 'we want to update x in the opposite "
                "direction'; it is w that is updated.",
        paper=r"\text{update } \mathbf{x}",
        correct=r"\text{update } \mathbf{w}",
    ),
    Erratum(
        key="E6.2-a",
        section="§6.2",
        kind="error",
        summary="The same sum pulled inside the cases for the bias: each sample's error "
                "counts only if that sample is active.",
        paper=r"\frac{\partial C}{\partial b} = \begin{cases} 0 & \mathbf{w} \cdot "
              r"\mathbf{x}_i + b \le 0 \\ \frac{2}{N} \sum_{i=1}^N e_i & \mathbf{w} "
              r"\cdot \mathbf{x}_i + b > 0 \end{cases}",
        correct=r"\frac{\partial C}{\partial b} = \frac{2}{N} \sum_{i:\, \mathbf{w} "
                r"\cdot \mathbf{x}_i + b > 0} e_i",
        shown_by="mathcalc.paper.neuron.loss_gradient_paper_61 vs loss_gradient "
                 "(book/loss-gradient-bias.ipynb, tests/test_neuron.py)",
    ),
    Erratum(
        key="E6.2-b",
        section="§6.2",
        kind="typo",
        summary="Inside the sum the cases test w·x + b, without the sample subscript, "
                "while the branch itself uses x_i.",
        paper=r"\frac{1}{N} \sum_{i=1}^N \begin{cases} 0 & \mathbf{w} \cdot \mathbf{x} "
              r"+ b \le 0 \\ 2(\mathbf{w} \cdot \mathbf{x}_i + b - y_i) & \mathbf{w} "
              r"\cdot \mathbf{x} + b > 0 \end{cases}",
        correct=r"\frac{1}{N} \sum_{i=1}^N \begin{cases} 0 & \mathbf{w} \cdot "
                r"\mathbf{x}_i + b \le 0 \\ 2(\mathbf{w} \cdot \mathbf{x}_i + b - y_i) & "
                r"\mathbf{w} \cdot \mathbf{x}_i + b > 0 \end{cases}",
    ),
    Erratum(
        key="E6.2-c",
        section="§6.2",
        kind="typo",
        summary="The augmented input is written as a row; like ŵ it is a column vector.",
        paper=r"\hat{\mathbf{x}} = [\mathbf{x}^T, 1]",
        correct=r"\hat{\mathbf{x}} = [\mathbf{x}^T, 1]^T",
        shown_by="mathcalc.paper.neuron.augment",
    ),
    # --- §7-§10 (reference) ----------------------------------------------------------------
    Erratum(
        key="E8.2-a",
        section="§8.2",
        kind="typo",
        summary="The second row of the generic element-wise operation indexes f by n.",
        paper=r"f_n(\mathbf{w}) \bigcirc g_2(\mathbf{x})",
        correct=r"f_2(\mathbf{w}) \bigcirc g_2(\mathbf{x})",
    ),
    Erratum(
        key="E8.2-b",
        section="§8.2",
        kind="typo",
        summary="The table's division row uses the element-wise product symbol ⊙ where "
                "§4.2 defines element-wise division as ⊘.",
        paper=r"\frac{\partial(\mathbf{w} \odot \mathbf{x})}{\partial \mathbf{w}} = "
              r"\operatorname{diag}(\dots \tfrac{1}{x_i} \dots)",
        correct=r"\frac{\partial(\mathbf{w} \oslash \mathbf{x})}{\partial \mathbf{w}} = "
                r"\operatorname{diag}(\dots \tfrac{1}{x_i} \dots)",
        shown_by="mathcalc.rules.VECTOR_RULES (the w ⊘ x row)",
    ),
    Erratum(
        key="E8.4-a",
        section="§8.4",
        kind="error",
        summary="The dot product is stated for general functions f(w) and g(x) but equated "
                "with Σ w_i x_i, and its derivatives x^T and w^T are those of w · x: they "
                "hold only when f and g are the identity.",
        paper=r"y = \mathbf{f}(\mathbf{w}) \cdot \mathbf{g}(\mathbf{x}) = \sum_i^n (w_i x_i) "
              r"= \operatorname{sum}(\mathbf{w} \otimes \mathbf{x})",
        correct=r"y = \mathbf{w} \cdot \mathbf{x} = \sum_{i=1}^n w_i x_i "
                r"= \operatorname{sum}(\mathbf{w} \otimes \mathbf{x})",
        shown_by="book/errata.ipynb (f(w) = w ⊗ w: ∂y/∂w = 2(w ⊗ x)^T, not x^T)",
    ),
    Erratum(
        key="E8.4-b",
        section="§8.4",
        kind="misleading",
        summary="The dot-product derivation writes partial derivatives with d (y depends on "
                "both w and x), where §5 writes the same steps with ∂ and §10 says the paper "
                "always uses ∂x, not dx.",
        paper=r"\frac{dy}{d\mathbf{x}} = \frac{dy}{d\mathbf{u}} \times "
              r"\frac{d\mathbf{u}}{d\mathbf{x}} = \mathbf{1}^T \times "
              r"\operatorname{diag}(\mathbf{w}) = \mathbf{w}^T",
        correct=r"\frac{\partial y}{\partial \mathbf{x}} = \frac{\partial y}{\partial \mathbf{u}}"
                r"\frac{\partial \mathbf{u}}{\partial \mathbf{x}} = \vec{1}^T "
                r"\operatorname{diag}(\mathbf{w}) = \mathbf{w}^T",
    ),
    Erratum(
        key="E10-a",
        section="§10",
        kind="misleading",
        summary="The resource list gives the same address twice, with two different "
                "descriptions (a page with a section on matrix differentiation, and a "
                "cheat sheet of many derivatives); which resource the second description "
                "meant cannot be told from the paper.",
        paper=r"\text{http://www.ee.ic.ac.uk/hp/staff/dmb/matrix/calculus.html (listed twice)}",
        correct=r"\text{one entry for the Matrix Reference Manual's calculus page}",
        shown_by="book/resources.md",
    ),
)
