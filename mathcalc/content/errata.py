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
    Erratum(
        key="E1-a",
        section="§1",
        kind="typo",
        summary="The neuron's loss bounds the inner sum by |x|, with an italic x: by the "
                "paper's notation a scalar, whose |x| is an absolute value. The bound is "
                "|𝐱|, the length n of the input vector.",
        paper=r"\max(0, \sum_i^{|x|} w_i x_i + b)",
        correct=r"\max(0, \sum_{i=1}^{|\mathbf{x}|} w_i x_i + b)",
        ledger="1-1",
    ),
    Erratum(
        key="E1-b",
        section="§1",
        kind="misleading",
        summary="'All of those [SGD, momentum, Adam] require the partial derivative (the "
                "gradient) of activation(x) with respect to the model parameters w and b': "
                "they require the gradient of the loss, which the activation's gradient "
                "enters through the chain rule but is not.",
        paper=r"\text{[gradient descent requires] the gradient of } "
              r"\text{activation}(\mathbf{x}) \text{ with respect to } \mathbf{w}, b",
        correct=r"\text{[gradient descent requires] the gradient of the loss } "
                r"C(\mathbf{w}, b) \text{ with respect to } \mathbf{w}, b",
        shown_by="book/introduction.ipynb (∇activation(x₁) and ∇C at the same (w, b) differ)",
    ),
    Erratum(
        key="E1-c",
        section="§1",
        kind="typo",
        summary="The affine function z(x) = Σ_i^n w_i x_i + b gives its sum no lower bound, "
                "where §9 writes a sum as Σ_{i=a}^b; the same bound-less Σ_i^n is in §5 (the "
                "dot product, in the text and in its display), §8.4 and §9's own dot-product "
                "line. The sums run from i = 1.",
        paper=r"z(\mathbf{x}) = \sum_i^n w_i x_i + b",
        correct=r"z(\mathbf{x}) = \sum_{i=1}^n w_i x_i + b",
    ),
    Erratum(
        key="E1-d",
        section="§1",
        kind="misleading",
        summary="'plus a scalar bias (threshold)': with z(x) = w·x + b and the max(0, z) that "
                "follows, the unit is active exactly when w·x > −b, so the threshold is −b, "
                "the negative of the bias, not b.",
        paper=r"\text{a scalar bias (threshold) } b",
        correct=r"\text{a scalar bias } b \text{ (the negative of the threshold: the unit is "
                r"active when } \mathbf{w}\cdot\mathbf{x} > -b)",
    ),
    Erratum(
        key="E1-e",
        section="§1",
        kind="misleading",
        summary="'Training this neuron means choosing weights w and bias b so that we get the "
                "desired output for all N inputs x': in general no (w, b) gives every desired "
                "output (max(0, ·) is never negative, and N targets are N conditions on n + 1 "
                "parameters), which is why training minimises a loss. In the introduction's "
                "data set two of the eight targets are negative, so no (w, b) reaches them.",
        paper=r"\text{choosing } \mathbf{w}, b \text{ so that we get the desired output for "
              r"all } N \text{ inputs}",
        correct=r"\text{choosing } \mathbf{w}, b \text{ so that the outputs are as close as "
                r"possible to the desired outputs (minimising the loss)}",
        shown_by="book/introduction.ipynb (two of the eight targets are negative)",
    ),
    # --- §3-§4.4 (matrix calculus chapters) ------------------------------------------------
    Erratum(
        key="E3-a",
        section="§3",
        kind="typo",
        summary="The chain for the partial with respect to y repeats a step (harmless: "
                "the two steps are equal). This is the text of the paper used here; the "
                "authors' source, in the parrt/bookish repository, writes the second of the "
                "two as 3x² ∂y/∂y, so the repetition may belong to the text copy.",
        paper=r"\frac{\partial}{\partial y} 3x^2y = 3x^2 \frac{\partial}{\partial y} y = "
              r"3x^2 \frac{\partial}{\partial y} y = 3x^2 \times 1 = 3x^2",
        correct=r"\frac{\partial}{\partial y} 3x^2y = 3x^2 \frac{\partial}{\partial y} y = "
                r"3x^2 \times 1 = 3x^2",
        shown_by="book/partial-derivatives.ipynb (the chain, each step checked by SymPy)",
    ),
    Erratum(
        key="E3-b",
        section="§3",
        kind="misleading",
        summary="'For functions of a single parameter, operator ∂/∂x is equivalent to d/dx "
                "(for sufficiently smooth functions)': no smoothness is needed; with one "
                "variable both are the same limit of (f(x + h) − f(x))/h, and one exists "
                "exactly when the other does.",
        paper=r"\frac{\partial}{\partial x} = \frac{d}{dx} \text{ (for sufficiently smooth "
              r"functions)}",
        correct=r"\frac{\partial}{\partial x} f(x) = \frac{d}{dx} f(x) \text{ for every "
                r"function of one variable (both exist or neither)}",
    ),
    Erratum(
        key="E3-c",
        section="§3",
        kind="misleading",
        summary="'Gradients are part of the vector calculus world, which deals with functions "
                "that map n scalar parameters to a single scalar', and in §4: 'When we move "
                "from derivatives of one function to derivatives of many functions, we move "
                "from the world of vector calculus to matrix calculus'. Vector calculus also "
                "treats vector-valued functions ℝⁿ → ℝᵐ (vector fields, their divergence and "
                "curl, the Jacobian of a change of variables), so derivatives of many functions "
                "do not leave it; matrix calculus is a notation that collects such derivatives "
                "into vectors and matrices.",
        paper=r"\text{vector calculus deals with functions } \mathbb{R}^n \to \mathbb{R}"
              r"\text{; many functions: from vector calculus to matrix calculus}",
        correct=r"\text{vector calculus deals with } \mathbb{R}^n \to \mathbb{R} \text{ and } "
                r"\mathbb{R}^n \to \mathbb{R}^m\text{; matrix calculus is a notation for their "
                r"derivatives}",
    ),
    Erratum(
        key="E4.1-a",
        section="§4.1",
        kind="misleading",
        summary="'Each ∂f_i(x)/∂x is a horizontal n-vector because the partial derivative is "
                "with respect to a vector x': being taken with respect to an n-vector gives "
                "it n entries; that they lie in a row is the numerator layout, which the paper "
                "chose in §4 (in the denominator layout it is a column).",
        paper=r"\frac{\partial}{\partial \mathbf{x}} f_i(\mathbf{x}) \text{ is a horizontal } "
              r"n\text{-vector because the partial derivative is with respect to a vector}",
        correct=r"\frac{\partial}{\partial \mathbf{x}} f_i(\mathbf{x}) \text{ has } n "
                r"\text{ entries because } |\mathbf{x}| = n\text{; it is horizontal in the "
                r"numerator layout}",
        shown_by="book/jacobians.ipynb (mathcalc.jacobian in both layouts: ∇f alone is a "
                 "1 × 2 row in one and a 2 × 1 column in the other)",
    ),
    Erratum(
        key="E4.1-b",
        section="§4.1",
        kind="misleading",
        summary="'The width of the Jacobian is n ... Therefore, the Jacobian is always m rows "
                "for m equations': the number of rows does not follow from the width; there "
                "are m rows because the Jacobian stacks one gradient per function.",
        paper=r"\text{The width of the Jacobian is } n \ldots \text{ Therefore, the Jacobian "
              r"is always } m \text{ rows for } m \text{ equations}",
        correct=r"\text{The Jacobian has } m \text{ rows, one gradient per function, and } n "
                r"\text{ columns, one per parameter}",
        shown_by="mathcalc.paper.partials.jacobian_shapes (book/jacobians.ipynb: m × n for "
                 "every m, n ≤ 5)",
    ),
    Erratum(
        key="E4.1-c",
        section="§4.1",
        kind="typo",
        summary="'Be careful to track whether a matrix is vertical, x, or horizontal, x^T': "
                "x and x^T are vectors, a column and a row.",
        paper=r"\text{track whether a matrix is vertical, } \mathbf{x} \text{, or horizontal, } "
              r"\mathbf{x}^T",
        correct=r"\text{track whether a vector is vertical, } \mathbf{x} \text{, or horizontal, } "
                r"\mathbf{x}^T",
    ),
    Erratum(
        key="E4.2-a",
        section="§4.2",
        kind="misleading",
        summary="'Precisely when f_i and g_i are constants with respect to w_j', 'regardless "
                "of the operator': the condition is sufficient for a zero off-diagonal entry, "
                "not necessary. For max, an operator §4.2 names, f_1(w) = −(w_1 + w_2)² and "
                "g_1(x) = x_1² + 1 give y_1 = max(f_1(w), g_1(x)) = x_1² + 1 everywhere, so "
                "∂y_1/∂w_2 = 0 although f_1 depends on w_2; for ⊗ the entry g_i(x) ∂f_i/∂w_j "
                "is zero wherever g_i(x) = 0. (For +, − and ⊘ an entry is zero everywhere "
                "exactly when ∂f_i/∂w_j is.)",
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
                "f_i ○ g_i is in general not (∂f_i/∂w_j) ○ (∂g_i/∂w_j) (it is for + and −; "
                "for ⊗ it is the product rule, and 0 ⊘ 0 is undefined). The entry is zero because f_i(w) ○ g_i(x) is then "
                "a constant with respect to w_j. (○ is the paper's generic element-wise "
                "operator; the text of the paper used here prints it as ∘, the symbol of "
                "function composition, here, in §4.3's diagonal Jacobian, and in §8.2's Jacobian "
                "and its diagonal form; the "
                "authors' source, in the parrt/bookish repository, has ○ throughout.)",
        paper=r"\text{Regardless of the operator, if those partial derivatives go to zero, "
              r"the operation goes to zero, } 0 \bigcirc 0 = 0 \text{ no matter what}",
        correct=r"\frac{\partial f_i}{\partial w_j} = \frac{\partial g_i}{\partial w_j} = 0 "
                r"\Rightarrow f_i(\mathbf{w}) \bigcirc g_i(\mathbf{x}) \text{ is constant in } w_j "
                r"\Rightarrow \frac{\partial}{\partial w_j}(f_i(\mathbf{w}) \bigcirc g_i(\mathbf{x})) = 0",
        shown_by="mathcalc.paper.elementwise.generic_elementwise (book/elementwise.ipynb)",
    ),
    Erratum(
        key="E4.2-c",
        section="§4.2",
        kind="misleading",
        summary="'We know that element-wise operations imply that f_i is purely a function "
                "of w_i and g_i is purely a function of x_i': they do not; y = f(w) ○ g(x) is "
                "element-wise for any f and g (cumsum(w) ⊗ x has f_i = w_1 + … + w_i and a "
                "lower-triangular ∂y/∂w). The diagonal condition is an extra assumption, which "
                "the simple vector operations (f(w) = w, g(x) = x) satisfy.",
        paper=r"\text{element-wise operations imply that } f_i \text{ is purely a function of "
              r"} w_i \text{ and } g_i \text{ of } x_i",
        correct=r"\text{element-wise operations whose } \mathbf{f}(\mathbf{w}) = \mathbf{w}, "
                r"\; \mathbf{g}(\mathbf{x}) = \mathbf{x} \text{ (or that meet the diagonal "
                r"condition) have } f_i(w_i), \; g_i(x_i)",
        shown_by="mathcalc.paper.elementwise.COUNTEREXAMPLE (book/elementwise.ipynb: "
                 "cumsum(w) ⊗ x, J_w lower triangular)",
    ),
    Erratum(
        key="E4.2-d",
        section="§4.2",
        kind="typo",
        summary="'(Reminder: |x| is the number of items in x.)' writes the vector with an "
                "italic x, a scalar by the paper's notation; the length of a vector is |𝐱| "
                "(as in §4.1 and §9).",
        paper=r"|x| \text{ is the number of items in } x",
        correct=r"|\mathbf{x}| \text{ is the number of items in } \mathbf{x}",
    ),
    Erratum(
        key="E4.2-e",
        section="§4.2",
        kind="misleading",
        summary="'Any time the general function is a vector, we know that f_i(w) reduces to "
                "f_i(w_i) = w_i': in y = f(w) ○ g(x) the general function f is always "
                "vector-valued, so as printed this says that every f_i(w) is w_i. f(w) = 2w is "
                "a vector with f_i(w) = 2w_i, and f(w) = cumsum(w) one whose f_2(w) = w_1 + w_2 "
                "is not even a function of w_2 alone. The reduction holds when the function is "
                "the vector w itself, f(w) = w, the case the sentence before names.",
        paper=r"\text{Any time the general function is a vector, } f_i(\mathbf{w}) "
              r"\text{ reduces to } f_i(w_i) = w_i",
        correct=r"\text{When } \mathbf{f}(\mathbf{w}) = \mathbf{w} \text{, } f_i(\mathbf{w}) "
                r"\text{ reduces to } f_i(w_i) = w_i",
        shown_by="mathcalc.paper.elementwise.COUNTEREXAMPLE (book/elementwise.ipynb: "
                 "cumsum(w) ⊗ x, f_i(w) = w_1 + … + w_i)",
    ),
    Erratum(
        key="E4.2-f",
        section="§4.2",
        kind="misleading",
        summary="'⊗ is sometimes called the Hadamard product. There isn't a standard notation "
                "for element-wise multiplication and division': for the product there is one, "
                "the Hadamard product is usually written ⊙ "
                "or ∘, and ⊗ is the usual symbol of the Kronecker product, which for two "
                "n-vectors is the n²-vector of all the products w_i x_j (its Jacobian with "
                "respect to w is n² × n, not diag(x)). The paper's results hold for its own "
                "definition of ⊗.",
        paper=r"\otimes \text{ is sometimes called the Hadamard product. There isn't a "
              r"standard notation for element-wise multiplication and division}",
        correct=r"\text{the Hadamard (element-wise) product is usually written } \odot "
                r"\text{ (or } \circ \text{); } \otimes \text{ usually denotes the Kronecker "
                r"product}",
        shown_by="book/matrix-derivatives.ipynb (the Kronecker product, written ⊗_K there to "
                 "tell it from the paper's ⊗)",
    ),
    Erratum(
        key="E4.3-a",
        section="§4.3",
        kind="misleading",
        summary="'It's okay to think of variable z as a constant for our discussion here' "
                "(and, in §4.4, 'multiplying a vector by a constant scalar'): both sections "
                "then differentiate with respect to z, ∂(x + z)/∂z, ∂(xz)/∂z and "
                "∂sum(xz)/∂z = sum(x), which a constant would not allow. What is meant is "
                "that z does not depend on x, ∂z/∂x_i = 0, as the sentence before says.",
        paper=r"\text{It's okay to think of variable } z \text{ as a constant for our "
              r"discussion here}",
        correct=r"z \text{ is a variable that does not depend on } \mathbf{x} \text{: } "
                r"\frac{\partial z}{\partial x_i} = 0",
        shown_by="book/scalar-expansion.ipynb (the derivatives with respect to z)",
    ),
    Erratum(
        key="E4.3-b",
        section="§4.3",
        kind="misleading",
        summary="'Functions f(x) = x and g(z) = 𝟏z clearly satisfy our element-wise diagonal "
                "condition (that f_i(x) refer at most to x_i and g_i(z) refers to the i-th value "
                "of the 𝟏z vector)': §4.2's condition asks g_i to read at most the i-th element "
                "of its argument, and here every g_i reads the one element z (§4.2 also has "
                "|𝐰| = |𝐱| = |𝐲|; here g has the one scalar argument z); the parenthesis "
                "replaces the condition by a statement true of any g. ∂y/∂x is diagonal because f_i reads only x_i and g "
                "does not depend on x; ∂y/∂z is an n × 1 column, with an entry for every y_i.",
        paper=r"\mathbf{f}(\mathbf{x}) = \mathbf{x} \text{ and } \mathbf{g}(z) = \vec{1}z "
              r"\text{ clearly satisfy our element-wise diagonal condition}",
        correct=r"\frac{\partial \mathbf{y}}{\partial \mathbf{x}} \text{ is diagonal because } "
                r"f_i(\mathbf{x}) = x_i \text{ and } \frac{\partial g_i(z)}{\partial x_j} = 0"
                r"\text{; } \frac{\partial \mathbf{y}}{\partial z} \text{ is } n \times 1",
        shown_by="book/scalar-expansion.ipynb (∂y/∂z has shape (n, 1))",
    ),
    Erratum(
        key="E4.4-a",
        section="§4.4",
        kind="typo",
        summary="'Let y = sum(f(x)) = Σ_{i=1}^n f_i(x)' bounds the sum over the functions by "
                "n, which the same passage uses as the length of x (the 1 × n gradient); the "
                "sum runs over the m = |𝐟| results, and nothing makes m = n. With "
                "f(x) = [x_1x_2, x_1 + x_2, x_1²]^T (m = 3, n = 2), ∇ sum(f) = "
                "[2x_1 + x_2 + 1, x_1 + 1], but the sum up to n = 2 gives [x_2 + 1, x_1 + 1].",
        paper=r"y = \operatorname{sum}(\mathbf{f}(\mathbf{x})) = \sum_{i=1}^n f_i(\mathbf{x})",
        correct=r"y = \operatorname{sum}(\mathbf{f}(\mathbf{x})) = \sum_{i=1}^{m} "
                r"f_i(\mathbf{x}), \quad m = |\mathbf{f}|",
    ),
    # --- §4.5 (chain rules) ----------------------------------------------------------------
    Erratum(
        key="E4.5.1-a",
        section="§4.5.1",
        kind="typo",
        summary="Step 2 of the ln(sin(x³)²) example writes the derivative operators "
                "without the d of the denominator (in the text of the paper used here, twice "
                "on each of the last three lines; the authors' source, in the parrt/bookish "
                "repository, has the slip on the first line too: d/x x³, after d/uₓ u₁ in its "
                "Markdown and d/x u₁ in its generated index.xml).",
        paper=r"\frac{d}{u_1} u_2 = \frac{d}{u_1}\sin(u_1) = \cos(u_1)",
        correct=r"\frac{d}{du_1} u_2 = \frac{d}{du_1}\sin(u_1) = \cos(u_1)",
        shown_by="mathcalc.display.show.chain_rule_table(mathcalc.paper.chain.chain_rule(log(sin(x**3)**2), x))",
        ledger="4.5.1-8",
    ),
    Erratum(
        key="E4.5.1-b",
        section="§4.5.1",
        kind="typo",
        summary="The dataflow drawing of ln(sin(x³)²) names its nodes r₁, …, r₄ and its result "
                "y = r₄ (the 'registers' of the compiler analogy; the text of the paper used "
                "here keeps only y = r₄), while the equations and the derivatives beside the "
                "drawing name the same values u₁, …, u₄: two names for one variable.",
        paper=r"y = r_4 \text{ (nodes } r_1, \dots, r_4\text{)}",
        correct=r"y = u_4 \text{ (nodes } u_1, \dots, u_4\text{, as in the equations)}",
        shown_by="book/single-variable-chain-rule.ipynb (mathcalc.display.plots.draw_dataflow)",
        ledger="4.5.1-11",
    ),
    Erratum(
        key="E4.5.1-c",
        section="§4.5.1",
        kind="misleading",
        summary="The units reading of dy/dx = (dy/du)(du/dx) lets x be 'the gallons in a gas "
                "tank' and u gallons, then reads miles/tank = (miles/gallon)(gallon/tank): for "
                "those units x must count tanks; with x in gallons, du/dx is gallons per gallon.",
        paper=r"x \text{ be the gallons in a gas tank, and } u \text{ as gallons: } "
              r"\frac{\text{miles}}{\text{tank}} = \frac{\text{miles}}{\text{gallon}} "
              r"\frac{\text{gallon}}{\text{tank}}",
        correct=r"x \text{ the number of tanks, } u \text{ gallons, } y \text{ miles: } "
                r"\frac{dy}{dx} = \frac{dy}{du}\frac{du}{dx} \text{ in } "
                r"\frac{\text{miles}}{\text{tank}} = \frac{\text{miles}}{\text{gallon}} "
                r"\frac{\text{gallons}}{\text{tank}}",
        shown_by="book/single-variable-chain-rule.ipynb (u = 15x gallons, y = 30u miles: "
                 "dy/dx = 450 miles per tank)",
    ),
    Erratum(
        key="E4.5.1-d",
        section="§4.5.1",
        kind="misleading",
        summary="'An easier condition to remember, though one that's a bit looser, is that none "
                "of the intermediate subexpression functions, u(x) and y(u), have more than one "
                "parameter': it is not looser. A chain of one-parameter functions has one "
                "dataflow path, so the condition implies the single-path condition; for a "
                "function of x alone the two are equivalent, and with other variables it is "
                "stricter: in y = w sin(x), u₂ = w u₁ has two parameters, yet there is one path "
                "from x and the single-variable rule gives dy/dx = w cos(x). §4.5.2 repeats the "
                "condition as a requirement ('all intermediate variables must be functions of "
                "single variables'); what the rule requires is a single dataflow path.",
        paper=r"\text{an easier condition, though a bit looser: no intermediate function has "
              r"more than one parameter}",
        correct=r"\text{a sufficient condition: no intermediate function has more than one "
                r"parameter (it implies a single dataflow path)}",
    ),
    Erratum(
        key="E4.5.1-e",
        section="§4.5.1",
        kind="misleading",
        summary="The table writes forward differentiation as dy/dx = (du/dx)(dy/du), the "
                "factors swapped, 'the equivalent' of (dy/du)(du/dx): right for scalars, but "
                "§4.5.3 makes the single-variable formulas special cases of the vector chain "
                "rule, where (∂u/∂x)(∂y/∂u) is a k × n matrix times an m × k one, not defined "
                "unless n = m and not the Jacobian in general when it is. Forward and backward "
                "differentiation multiply the same product J_L … J_1 in the same order, grouped "
                "from x (J_2 J_1 first) or from y (J_L J_{L−1} first).",
        paper=r"\text{forward: } \frac{dy}{dx} = \frac{du}{dx}\frac{dy}{du}",
        correct=r"\text{forward: } \frac{\partial \mathbf{y}}{\partial \mathbf{x}} = "
                r"J_L(\cdots(J_2 J_1)) \text{, backward: } ((J_L J_{L-1})\cdots)J_1",
        shown_by="book/vector-chain-rule.ipynb (the swapped order: another matrix for square "
                 "factors, not defined for a 6 × 6 and a 1 × 6)",
    ),
    Erratum(
        key="E4.5.1-f",
        section="§4.5.1",
        kind="misleading",
        summary="'Backward differentiation ... goes the other direction and we're asking how a "
                "change in the output would affect function parameter x. Because backward "
                "differentiation can determine changes in all function parameters at once': "
                "both directions compute how a change in x affects y, the same dy/dx; backward "
                "differentiation accumulates the product from y's end, and one pass gives y's "
                "sensitivity to every parameter, not changes of the parameters. How a change in "
                "y would affect x is dx/dy, another number (for sin(x²) at x = 1: 1/1.0806 = "
                "0.9254, not dy/dx = 1.0806).",
        paper=r"\text{backward differentiation: how a change in the output would affect } x"
              r"\text{; it determines changes in all parameters at once}",
        correct=r"\text{backward differentiation computes the same } \frac{dy}{dx} \text{ "
                r"from } y \text{'s end; one pass gives } y \text{'s sensitivity to every "
                r"parameter}",
        shown_by="book/single-variable-chain-rule.ipynb (the backward loop returns dy/dx "
                 "itself, equal to the exact derivative)",
    ),
    Erratum(
        key="E4.5.2-a",
        section="§4.5.2",
        kind="typo",
        summary="The bump check of y = x + x² names the misleading partial ∂u₂/u₁ (no ∂ "
                "in the denominator). The smallest repair is ∂u₂/∂u₁, also 1, but that is a "
                "correct partial; the reading taken here is the 'Ooops' partial ∂u₂/∂x = 1, "
                "the one the bump refutes (which partial was meant is an interpretation).",
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
        ledger="4.5.2-4",
    ),
    Erratum(
        key="E4.5.2-i",
        section="§4.5.2",
        kind="typo",
        summary="Δy = ŷ − y is read as 'the difference between the original y and y at a "
                "tweaked x', which names the operands the other way round: at the paper's "
                "x = 1, Δx = 1 that is 2 − 6 = −4, while Δy = ŷ − y = 6 − 2 = 4, as the next "
                "sentence computes. (The authors' source, in the parrt/bookish repository, has "
                "the same words.)",
        paper=r"\Delta y = \hat{y} - y\text{: the difference between the original } y "
              r"\text{ and } y \text{ at a tweaked } x",
        correct=r"\Delta y = \hat{y} - y\text{: the difference between } y \text{ at a "
                r"tweaked } x \text{ and the original } y",
    ),
    Erratum(
        key="E4.5.2-c",
        section="§4.5.2",
        kind="typo",
        summary="In the sin(x + x²) example the partial of u₂ with respect to u₁ is "
                "written ∂u₁/∂u₁ (its value, 1, is right). This is the text of the paper used "
                "here; the authors' source, in the parrt/bookish repository, has ∂u₂/∂u₁, so "
                "the slip may belong to the text copy.",
        paper=r"\frac{\partial u_2}{\partial x} = \frac{\partial x}{\partial x} + "
              r"\frac{\partial u_1}{\partial u_1}\frac{\partial u_1}{\partial x}",
        correct=r"\frac{\partial u_2}{\partial x} = \frac{\partial x}{\partial x} + "
                r"\frac{\partial u_2}{\partial u_1}\frac{\partial u_1}{\partial x}",
        shown_by="mathcalc.display.show.total_derivative_table(mathcalc.paper.chain.total_derivative(sin(x + x**2), x))",
        ledger="4.5.2-9",
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
    Erratum(
        key="E4.5.2-e",
        section="§4.5.2",
        kind="misleading",
        summary="The 'Ooops' paragraph says the partial of u₂(x, u₁) = x + u₁ with respect to "
                "x is not 1 + 0 because ∂u₁/∂x ≠ 0. The partial holds u₁ constant and is 1 + 0 "
                "= 1; what is not 1 is the total derivative du₂/dx = 1 + 2x, which the partial "
                "was taken for.",
        paper=r"\frac{\partial u_2(x, u_1)}{\partial x} \neq 1 + 0 \text{ because } "
              r"\frac{\partial u_1(x)}{\partial x} \neq 0",
        correct=r"\frac{\partial u_2(x, u_1)}{\partial x} = 1 + 0 = 1, \text{ but } "
                r"\frac{du_2}{dx} = \frac{\partial u_2}{\partial x} + "
                r"\frac{\partial u_2}{\partial u_1}\frac{du_1}{dx} = 1 + 2x \neq 1",
        shown_by="book/total-derivative.ipynb (sympy: diff(x + u1, x) = 1, "
                 "diff(x + x**2, x) = 1 + 2x)",
    ),
    Erratum(
        key="E4.5.2-f",
        section="§4.5.2",
        kind="misleading",
        summary="The section writes total and partial derivatives with the same ∂ (following "
                "MathWorld), so one symbol takes different values: ∂u₂/∂x is the partial 1 in "
                "the formula for y = x + x² but the total derivative 1 + 2x in the sin(x + x²) "
                "example, where it also stands beside the partial ∂u₃/∂x = 0; and in the "
                "rule ∂f/∂x is a partial while ∂f(x, u₁, …, uₙ)/∂x and ∂uᵢ/∂x are total "
                "derivatives. Writing d for the total derivative keeps them apart.",
        paper=r"\frac{\partial u_2}{\partial x} = 1 + 1 \times 2x = 1 + 2x "
              r"\quad\text{and}\quad \frac{dy}{dx} = \frac{\partial u_2}{\partial x} + "
              r"\frac{\partial u_2}{\partial u_1} \frac{\partial u_1}{\partial x} = 1 + 1 \times 2x",
        correct=r"\frac{du_2}{dx} = \frac{\partial u_2}{\partial x} + "
                r"\frac{\partial u_2}{\partial u_1}\frac{du_1}{dx} = 1 + 2x, \quad "
                r"\frac{df}{dx} = \frac{\partial f}{\partial x} + \sum_{i=1}^n "
                r"\frac{\partial f}{\partial u_i}\frac{du_i}{dx}",
        shown_by="book/total-derivative.ipynb (the checks of 4.5.2-5, 4.5.2-9 and 4.5.2-10 "
                 "read each ∂ by its meaning)",
        ledger="4.5.2-9",
    ),
    Erratum(
        key="E4.5.2-h",
        section="§4.5.2",
        kind="misleading",
        summary="'It's common, however, that many temporary variables are functions of a "
                "single parameter, which means that the single-variable total-derivative chain "
                "rule degenerates to the single-variable chain rule': it degenerates only when x "
                "reaches y along one dataflow path: f and every intermediate variable have at "
                "most one parameter that depends on x (for a function of x alone, one "
                "parameter each); a variable with one parameter only makes its own step a "
                "one-term sum. In "
                "sin(x + x²), u₁ = x² and u₃ = sin u₂ have one parameter each, yet the one "
                "path x → u₁ → u₂ → u₃ gives 2x cos(x + x²), not the derivative "
                "(1 + 2x) cos(x + x²).",
        paper=r"\text{many temporary variables have a single parameter, so the rule "
              r"degenerates to the single-variable chain rule}",
        correct=r"\text{the rule is the single-variable chain rule when there is one "
                r"dataflow path from } x \text{ to } y",
        shown_by="book/total-derivative.ipynb (graph.paths lists both paths' contributions)",
    ),
    Erratum(
        key="E4.5.2-j",
        section="§4.5.2",
        kind="misleading",
        summary="'This chain rule that takes into consideration the total derivative "
                "degenerates to the single-variable chain rule when all intermediate variables "
                "are functions of a single variable': after the final form "
                "∂f/∂x = Σᵢ (∂f/∂uᵢ)(∂uᵢ/∂x), x aliased as the last uᵢ, the condition "
                "leaves out the parameters of f itself (as §8.5 does, E8.5-a). For the paper's "
                "own y = x + x², u₁ = x² and the alias u₂ = x are each functions of the single variable x, yet "
                "f = u₁ + u₂ keeps two terms, 2x + 1; the single-variable rule along either "
                "gives 2x or 1. The rule degenerates when there is one dataflow path from x to "
                "f: f and every intermediate variable have at most one parameter that depends "
                "on x.",
        paper=r"\text{... degenerates to the single-variable chain rule when all intermediate "
              r"variables are functions of a single variable}",
        correct=r"\text{... degenerates when } f \text{ and every intermediate variable have "
                r"at most one parameter that depends on } x \text{ (one dataflow path)}",
        shown_by="mathcalc.paper.graph.paths(x + x**2, x) (two paths, contributions 2x and 1)",
    ),
    Erratum(
        key="E4.5.3-a",
        section="§4.5.3",
        kind="misleading",
        summary="'For many applications, the Jacobians are square (m = n)': ∂f/∂g is m × k "
                "and ∂g/∂x is k × n, so both are square when m = k = n; m = n alone does "
                "not make either square (m = n = 3, k = 2: 3 × 2 and 2 × 3).",
        paper=r"\text{the Jacobians are square } (m = n)",
        correct=r"\text{the Jacobians are square } (m = k = n)",
        shown_by="mathcalc.paper.vector_chain.random_composition(3, 2, 3) "
                 "(book/vector-chain-rule.ipynb)",
    ),
    Erratum(
        key="E4.5.3-b",
        section="§4.5.3",
        kind="misleading",
        summary="Recalling §4.2, the paper says element-wise operations on w and x yield "
                "diagonal matrices with elements ∂wᵢ/∂xᵢ 'because wᵢ is a function purely "
                "of xᵢ': w is no function of x (∂w/∂x = 0). The diagonal Jacobians of "
                "y = w ○ x (or of y = f(w) ○ g(x) under the element-wise diagonal condition, "
                "fᵢ = fᵢ(wᵢ) and gᵢ = gᵢ(xᵢ)) have elements ∂yᵢ/∂wᵢ and ∂yᵢ/∂xᵢ, because yᵢ "
                "then depends on wᵢ and xᵢ only.",
        paper=r"\text{diagonal matrices with elements } \frac{\partial w_i}{\partial x_i} "
              r"\text{ because } w_i \text{ is a function purely of } x_i",
        correct=r"\frac{\partial \mathbf{y}}{\partial \mathbf{w}} = "
                r"\operatorname{diag}\left(\frac{\partial y_i}{\partial w_i}\right), "
                r"\frac{\partial \mathbf{y}}{\partial \mathbf{x}} = "
                r"\operatorname{diag}\left(\frac{\partial y_i}{\partial x_i}\right) "
                r"\text{ for } \mathbf{y} = \mathbf{w} \bigcirc \mathbf{x} \text{ (or under "
                r"the element-wise diagonal condition), because } y_i \text{ then depends "
                r"on } w_i, x_i \text{ only}",
        shown_by="mathcalc.jacobian(w ⊗ x, w) = diag(x) (book/vector-chain-rule.ipynb)",
    ),
    Erratum(
        key="E4.5.3-c",
        section="§4.5.3",
        kind="typo",
        summary="The sizes in the vector chain rule are written m = |f|, n = |x| and k = |g| "
                "with italic letters, by §9 scalars, whose |·| is an absolute value; they are "
                "the lengths of the vectors f, x and g (§8.1 writes m = |𝐟| and n = |𝐱|).",
        paper=r"m = |f|, \; n = |x|, \; k = |g|",
        correct=r"m = |\mathbf{f}|, \; n = |\mathbf{x}|, \; k = |\mathbf{g}|",
    ),
    Erratum(
        key="E4.5.3-d",
        section="§4.5.3",
        kind="typo",
        summary="'one for each f_i so that y looks more like 𝐲 = 𝐟(𝐠(x))' writes the vector "
                "output with an italic y, a scalar by the paper's notation (§9); it is the "
                "vector 𝐲 = [y₁(x), y₂(x)]ᵀ of the display before, bold on the same "
                "sentence's right-hand side. (The authors' source, in the parrt/bookish "
                "repository, has the same italic y.)",
        paper=r"\text{so that } y \text{ looks more like } "
              r"\mathbf{y} = \mathbf{f}(\mathbf{g}(x))",
        correct=r"\text{so that } \mathbf{y} \text{ looks more like } "
                r"\mathbf{y} = \mathbf{f}(\mathbf{g}(x))",
    ),
    # --- §5-§6 (neural network gradients) --------------------------------------------------
    Erratum(
        key="E5-a",
        ledger="5-10",
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
        ledger="5-8",
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
        key="E5-c",
        section="§5",
        kind="misleading",
        summary="The derivative to be found is introduced as that of the dot product "
                "y = f(w) · g(x), but the section derives only that of w · x (x^T); for "
                "general f and g it is g(x)^T ∂f/∂w (the same slip as E8.4-a in §8.4).",
        paper=r"\text{the derivative of the dot product yet, } y = \mathbf{f}(\mathbf{w}) "
              r"\cdot \mathbf{g}(\mathbf{x}) \text{ ... } \frac{\partial y}{\partial "
              r"\mathbf{w}} = \mathbf{x}^T",
        correct=r"\frac{\partial}{\partial \mathbf{w}}(\mathbf{w} \cdot \mathbf{x}) = "
                r"\mathbf{x}^T; \quad \frac{\partial}{\partial \mathbf{w}}(\mathbf{f}"
                r"(\mathbf{w}) \cdot \mathbf{g}(\mathbf{x})) = \mathbf{g}(\mathbf{x})^T "
                r"\frac{\partial \mathbf{f}}{\partial \mathbf{w}}",
        shown_by="book/neuron-gradient.ipynb (f(w) = w ⊗ w: the gradient is 2(w ⊗ x)^T)",
    ),
    Erratum(
        key="E5-d",
        section="§5",
        kind="misleading",
        summary="'When one or both of the max arguments are vectors, such as max(0, 𝐱), we "
                "broadcast the single-variable function max across the elements. This is an "
                "example of an element-wise unary operator': that holds when one argument is a "
                "constant scalar, as 0 is in max(0, 𝐱), where max(0, ·) is the single-variable "
                "function (with a scalar variable z, max(z, 𝐱) expands z as §4.3 does:"
                " a function of two arguments whose derivative with respect to z is "
                "the column [z > xᵢ], not a diagonal Jacobian). When "
                "both are vectors, max(𝐮, 𝐯) = [max(u₁, v₁), …, max(uₙ, vₙ)]ᵀ is an element-wise "
                "binary operator of §4.2 (where the paper itself lists max(𝐰, 𝐱)), with two "
                "Jacobians, diag([uᵢ > vᵢ]) and diag([vᵢ > uᵢ]).",
        paper=r"\text{When one or both of the max arguments are vectors, ... we broadcast the "
              r"single-variable function max ... an element-wise unary operator}",
        correct=r"\text{When one argument is a constant scalar, as in } \max(0, \mathbf{x})\text{, the "
                r"single-variable } \max(0, \cdot) \text{ is broadcast (unary); } "
                r"\max(\mathbf{u}, \mathbf{v}) \text{ of two vectors is element-wise binary "
                r"(§4.2)}",
        shown_by="book/neuron-gradient.ipynb (max(u, v) has a diagonal Jacobian for each "
                 "argument)",
    ),
    Erratum(
        key="E6-a",
        ledger="6-4",
        section="§6",
        kind="typo",
        summary="The intermediate variables drop the sample subscript, so the printed cost "
                "sums N copies of one v²; the same in §6.1 (−2(y_i − u)) and §6.2.",
        paper=r"u(\mathbf{w}, b, \mathbf{x}) = \max(0, \mathbf{w} \cdot \mathbf{x} + b),\ "
              r"v(y, u) = y - u,\ C(v) = \frac{1}{N} \sum_{i=1}^N v^2",
        correct=r"u_i = \max(0, \mathbf{w} \cdot \mathbf{x}_i + b),\ v_i = y_i - u_i,\ "
                r"C = \frac{1}{N} \sum_{i=1}^N v_i^2",
        shown_by="book/loss-gradient-weights.ipynb (ledger 6-4: the printed cost fails); "
                 "book/loss-gradient-bias.ipynb (ledger 6.2-1)",
    ),
    Erratum(
        key="E6-b",
        section="§6",
        kind="typo",
        summary="N = |X|: by §9 |·| is the length of a vector, but X is an N × n matrix; "
                "N is its number of rows (the number of samples). The same N = |X| = 1 is in "
                "§6.1.",
        paper=r"N = |X|",
        correct=r"N \text{ the number of rows of } X \text{ (samples)}",
    ),
    Erratum(
        key="E6.1-a",
        ledger="6.1-4",
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
                 "(book/loss-gradient-weights.ipynb, tests/paper/test_neuron.py)",
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
                "direction'; it is w that is updated. This is the text of the paper used here; "
                "the authors' source, in the parrt/bookish repository, has w, so the slip may "
                "belong to the text copy.",
        paper=r"\text{update } \mathbf{x}",
        correct=r"\text{update } \mathbf{w}",
    ),
    Erratum(
        key="E6.1-d",
        section="§6.1",
        kind="typo",
        ledger="6.1-6",
        summary="The update rule subtracts the gradient, a 1 × n row in the paper's "
                "numerator layout, from the n × 1 column w: it needs the transpose (SymPy "
                "refuses the difference; 2-D NumPy arrays broadcast it to an n × n matrix).",
        paper=r"\mathbf{w}_{t+1} = \mathbf{w}_t - \eta \frac{\partial C}{\partial \mathbf{w}}",
        correct=r"\mathbf{w}_{t+1} = \mathbf{w}_t - \eta \left(\frac{\partial C}"
                r"{\partial \mathbf{w}}\right)^T",
        shown_by="book/loss-gradient-weights.ipynb (the shapes of w and ∂C/∂w)",
    ),
    Erratum(
        key="E6.1-e",
        ledger="6.1-5",
        section="§6.1",
        kind="misleading",
        summary="'A weighted average across all x_i in X' with the error terms as weights: "
                "the weights 2e_i/N need not be non-negative and need not sum to 1, and only "
                "the active samples take part; the gradient is a weighted sum of the active "
                "x_i^T.",
        paper=r"\frac{2}{N} \sum_{i=1}^N e_i \mathbf{x}_i^T \text{ is a weighted average "
              r"across all } \mathbf{x}_i",
        correct=r"\frac{2}{N} \sum_{i:\, \mathbf{w} \cdot \mathbf{x}_i + b > 0} e_i "
                r"\mathbf{x}_i^T \text{ is a weighted sum of the active } \mathbf{x}_i^T",
        shown_by="book/loss-gradient-weights.ipynb (the weights 2e_i/N of a data set)",
    ),
    Erratum(
        key="E6.1-f",
        section="§6.1",
        kind="misleading",
        summary="'The resulting gradient will, on average, point in the direction of higher "
                "cost or loss because large e_i emphasize their associated x_i': wherever C "
                "is differentiable and ∂C/∂w is not zero, (∂C/∂w)^T points in the direction of "
                "steepest increase of C, always, whatever the weights: the derivative of C "
                "along it is ‖∂C/∂w‖² > 0 (‖·‖ the Euclidean norm). And 'if e_1 is negative, "
                "the gradient is reversed, meaning the highest cost is in the negative "
                "direction': the gradient says how C changes near w, not where C is highest. "
                "Nor is 'the gradient a small step in the direction of x_1' when e_1 > 0: the "
                "gradient is the vector 2e_1 x_1^T, not a step, and the gradient-descent step "
                "is its negative, which moves w against x_1.",
        paper=r"\text{The resulting gradient will, on average, point in the direction of "
              r"higher cost or loss}",
        correct=r"\left(\frac{\partial C}{\partial \mathbf{w}}\right)^T \text{ points in the "
                r"direction of steepest increase of } C \text{ wherever it is not } \vec{0}",
    ),
    Erratum(
        key="E6.2-a",
        ledger="6.2-4",
        section="§6.2",
        kind="error",
        summary="The same sum pulled inside the cases for the bias: each sample's error "
                "counts only if that sample is active. (The authors' later source, in the "
                "parrt/bookish repository, 2022, keeps the sum outside the cases in this "
                "chain's last line, which is correct; its error-term form that follows still "
                "sums over all samples.)",
        paper=r"\frac{\partial C}{\partial b} = \begin{cases} 0 & \mathbf{w} \cdot "
              r"\mathbf{x}_i + b \le 0 \\ \frac{2}{N} \sum_{i=1}^N e_i & \mathbf{w} "
              r"\cdot \mathbf{x}_i + b > 0 \end{cases}",
        correct=r"\frac{\partial C}{\partial b} = \frac{2}{N} \sum_{i:\, \mathbf{w} "
                r"\cdot \mathbf{x}_i + b > 0} e_i",
        shown_by="mathcalc.paper.neuron.loss_gradient_paper_61 vs loss_gradient "
                 "(book/loss-gradient-bias.ipynb, tests/paper/test_neuron.py)",
    ),
    Erratum(
        key="E6.2-b",
        ledger="6.2-4",
        section="§6.2",
        kind="typo",
        summary="Inside the sum the cases test w·x + b, without the sample subscript, "
                "while the branch itself uses x_i. (The authors' later source, in the "
                "parrt/bookish repository, 2022, tests w·x_i + b throughout the chain.)",
        paper=r"\frac{1}{N} \sum_{i=1}^N \begin{cases} 0 & \mathbf{w} \cdot \mathbf{x} "
              r"+ b \le 0 \\ 2(\mathbf{w} \cdot \mathbf{x}_i + b - y_i) & \mathbf{w} "
              r"\cdot \mathbf{x} + b > 0 \end{cases}",
        correct=r"\frac{1}{N} \sum_{i=1}^N \begin{cases} 0 & \mathbf{w} \cdot "
                r"\mathbf{x}_i + b \le 0 \\ 2(\mathbf{w} \cdot \mathbf{x}_i + b - y_i) & "
                r"\mathbf{w} \cdot \mathbf{x}_i + b > 0 \end{cases}",
        shown_by="book/loss-gradient-bias.ipynb (ledger 6.2-4, steps 9 and 13)",
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
    Erratum(
        key="E6.2-d",
        ledger="6.2-5",
        section="§6.2",
        kind="misleading",
        summary="'The partial derivative is then just the average error or zero': even "
                "when every sample is active, (2/N) Σ e_i is twice the average error; in "
                "general it is 2/N times the sum of the active samples' errors.",
        paper=r"\frac{\partial C}{\partial b} \text{ is just the average error or zero}",
        correct=r"\frac{\partial C}{\partial b} = 2 \cdot \frac{1}{N} \sum_{i:\, "
                r"\mathbf{w} \cdot \mathbf{x}_i + b > 0} e_i",
        shown_by="book/loss-gradient-bias.ipynb (∂C/∂b against the mean error)",
    ),
    # --- §7-§10 (reference) ----------------------------------------------------------------
    Erratum(
        key="E7-a",
        section="§7",
        kind="misleading",
        summary="'We've included a reference that summarizes all of the rules from this "
                "article in the next section': §8 collects the Jacobian, element-wise, "
                "scalar-expansion, reduction and chain rules, but not the scalar rules of §2 "
                "(only the chain rule reappears), the derivative of max(0, z) and of its "
                "broadcast form (§5), or the loss gradients of §6.",
        paper=r"\text{a reference that summarizes all of the rules from this article}",
        correct=r"\text{a reference that summarizes the vector and chain rules (not the "
                r"scalar rules, the derivative of max, or the loss gradients)}",
    ),
    Erratum(
        key="E8.2-a",
        ledger="8.2-1",
        section="§8.2",
        kind="typo",
        summary="The second row of the generic element-wise operation indexes f by n.",
        paper=r"f_n(\mathbf{w}) \bigcirc g_2(\mathbf{x})",
        correct=r"f_2(\mathbf{w}) \bigcirc g_2(\mathbf{x})",
        shown_by="book/errata.ipynb (the literal rows have an off-diagonal entry); "
                 "book/reference.ipynb (ledger 8.2-1)",
    ),
    Erratum(
        key="E8.2-b",
        section="§8.2",
        kind="typo",
        summary="The table's division row uses the element-wise product symbol ⊙ where "
                "§4.2 defines element-wise division as ⊘. This is the text of the paper used "
                "here; the authors' source, in the parrt/bookish repository, has ⊘, so the "
                "slip may belong to the text copy.",
        paper=r"\frac{\partial(\mathbf{w} \odot \mathbf{x})}{\partial \mathbf{w}} = "
              r"\operatorname{diag}(\dots \tfrac{1}{x_i} \dots)",
        correct=r"\frac{\partial(\mathbf{w} \oslash \mathbf{x})}{\partial \mathbf{w}} = "
                r"\operatorname{diag}(\dots \tfrac{1}{x_i} \dots)",
        shown_by="book/errata.ipynb (finite differences: diag(1/xᵢ) is the Jacobian of w ⊘ x, "
                 "not of the product); mathcalc.rules.VECTOR_RULES (the w ⊘ x row)",
    ),
    Erratum(
        key="E8.4-a",
        section="§8.4",
        kind="error",
        summary="The dot product is stated for general functions f(w) and g(x) but equated "
                "with Σ w_i x_i, and its derivatives x^T and w^T are those of w · x: they "
                "hold when f(w) · g(x) = w · x for all w and x (as for the identity "
                "functions), not for general f and g, where ∂y/∂w = g(x)^T ∂f/∂w.",
        paper=r"y = \mathbf{f}(\mathbf{w}) \cdot \mathbf{g}(\mathbf{x}) = \sum_i^n (w_i x_i) "
              r"= \operatorname{sum}(\mathbf{w} \otimes \mathbf{x})",
        correct=r"y = \mathbf{w} \cdot \mathbf{x} = \sum_{i=1}^n w_i x_i "
                r"= \operatorname{sum}(\mathbf{w} \otimes \mathbf{x})",
        shown_by="book/errata.ipynb (f(w) = w ⊗ w: ∂y/∂w = 2(w ⊗ x)^T, not x^T)",
    ),
    Erratum(
        key="E8.4-b",
        ledger="8.4-5",
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
        key="E8.4-c",
        section="§8.4",
        kind="misleading",
        summary="'The partial derivative of a vector sum with respect to one of the "
                "vectors' never says what y is: the formula, with its f_i, is that of the "
                "sum reduction y = sum(f(x)) of §4.4, not of a sum of vectors.",
        ledger="8.4-1",
        paper=r"\text{The partial derivative of a vector sum with respect to one of the "
              r"vectors is: } \nabla_{\mathbf{x}} y = \left[ \sum_i \frac{\partial f_i"
              r"(\mathbf{x})}{\partial x_1}, \dots \right]",
        correct=r"\text{For } y = \operatorname{sum}(\mathbf{f}(\mathbf{x})) = \sum_i "
                r"f_i(\mathbf{x}): \nabla_{\mathbf{x}} y = \left[ \sum_i \frac{\partial "
                r"f_i(\mathbf{x})}{\partial x_1}, \dots \right]",
        shown_by="book/reference.ipynb (ledger-8.4-1)",
    ),
    Erratum(
        key="E8.4-d",
        section="§8.4",
        kind="typo",
        summary="'For y = sum(xz) and n = |x|' writes the vector x in italics, a scalar by "
                "§9, whose |x| is an absolute value; n is the length |𝐱| of the vector (the "
                "same slip as E1-a, E4.2-d and E4.5.3-c).",
        paper=r"n = |x|",
        correct=r"n = |\mathbf{x}|",
    ),
    Erratum(
        key="E8.5-a",
        section="§8.5",
        kind="misleading",
        summary="'When f is a function of a single variable x and all intermediate variables u "
                "are functions of a single variable, the single-variable chain rule applies. "
                "When some or all of the intermediate variables are functions of multiple "
                "variables, the single-variable total-derivative chain rule applies': the test "
                "leaves out the parameters of f itself. f = u₁ + u₂ with u₁ = x², u₂ = sin x is "
                "a function of the single variable x, and each intermediate variable has the "
                "single parameter x; yet there are two dataflow paths from x to f, the "
                "single-variable rule through either u gives 2x or cos x, and df/dx = 2x + cos x "
                "takes the total-derivative rule, although no intermediate variable has several "
                "parameters. §4.5.1's own condition counts the outer function ('u(x) and y(u)').",
        paper=r"\text{the single-variable chain rule applies when } f \text{ is a function of a "
              r"single variable } x \text{ and all intermediate variables } u \text{ are "
              r"functions of a single variable}",
        correct=r"\text{the single-variable chain rule applies when there is one dataflow path "
                r"from } x \text{ to } f \text{ (as when } f \text{ and every intermediate "
                r"variable have a single parameter); otherwise, for scalar } x \text{ and } f"
                r"\text{, the total-derivative rule; for vectors, the vector rule}",
        shown_by="book/reference.ipynb (§8.5: f = u₁ + u₂ is the sum of two paths, 2x + cos x)",
    ),
    Erratum(
        key="E9-a",
        section="§9",
        kind="typo",
        summary="'The partial derivative of the function with respect to x, ∂/∂x f(x), performs "
                "the usual scalar derivative holding all other variables constant': the f(x) "
                "written has one argument, so there are no other variables to hold constant "
                "(and, by §3, ∂/∂x is then d/dx). The partial derivative needs a function of "
                "several variables, ∂/∂x f(x, y), or of a vector with x one of its entries.",
        paper=r"\frac{\partial}{\partial x} f(x) \text{ performs the usual scalar derivative "
              r"holding all other variables constant}",
        correct=r"\frac{\partial}{\partial x} f(x, y) \text{ performs the usual scalar "
                r"derivative holding all other variables constant}",
    ),
    Erratum(
        key="E10-a",
        section="§10",
        kind="misleading",
        summary="The resource list gives the same address twice, with two different "
                "descriptions (a page with a section on matrix differentiation, and a "
                "cheat sheet of many derivatives); which resource the second description "
                "meant cannot be told from the paper (book/resources.md lists the page once).",
        paper=r"\text{http://www.ee.ic.ac.uk/hp/staff/dmb/matrix/calculus.html (listed twice)}",
        correct=r"\text{one entry for the Matrix Reference Manual's calculus page}",
    ),
    Erratum(
        key="E10-b",
        section="§10",
        kind="misleading",
        summary="'We always use the ∂x notation not dx': the paper writes d for many of its "
                "single-variable derivatives (§2, §4.5, §4.5.1, §4.5.3, §5's dz/dz and dxᵢ/dxᵢ, "
                "§8.5, §9; §3 even "
                "recommends d/dx for a scalar derivative), partly for total derivatives "
                "(§4.5.2: dy/dx = ∂f(x)/∂x = …; in the text of the paper used here also "
                "dy/dx = ∂u₂/∂x + (∂u₂/∂u₁)(du₁/dx), where the authors' source writes the last "
                "factor d u₁/∂x), and for the dot product in §8.4 "
                "(E8.4-b); other single-variable derivatives it writes with ∂ (§5's "
                "∂/∂z max(0, z) and ∂/∂xᵢ max(0, xᵢ), §4.5.2's ∂u₁/∂x = 2x for u₁(x) = x²). "
                "What holds is that it writes the total derivative "
                "∂f(x, u₁, …, uₙ)/∂x with ∂ (after MathWorld), where Wikipedia writes df/dx.",
        paper=r"\text{We always use the } \partial x \text{ notation not } dx",
        correct=r"\text{The total-derivative formula } \frac{\partial f(x, u_1, \dots, u_n)}"
                r"{\partial x} \text{ is written with } \partial \text{ (Wikipedia: } "
                r"\frac{df}{dx}\text{), the total derivative elsewhere also as } "
                r"\frac{dy}{dx}\text{; derivatives of one variable mostly with } \frac{d}{dx} "
                r"\text{ (some with } \partial\text{, e.g. §5's } "
                r"\frac{\partial}{\partial z}\max(0, z)\text{)}",
    ),
)
