"""The paper's derivations as lists of SymPy expressions, one list per display equation
(its key in :mod:`mathcalc.content.ledger`), for :func:`mathcalc.check_derivation` to
check one ``=`` at a time: one module per part of the book, :mod:`.matrix_calculus`
(§1-§4.4, ``form(key)``), :mod:`.chain_rules` (§4.5, with the devices ``at`` and
``line_by_line``), :mod:`.neural_networks` (§5-§6) and :mod:`.reference` (§8-§9), the
last three through :func:`derivation` below.

Each form keeps the paper's intermediate expressions: unevaluated ``sympy.Derivative``
for every ∂ the paper writes, vectors as SymPy matrices of component symbols (n × 1
columns, 1 × n gradients), so a step that mixes a row with a column fails the shape
check. Concrete sizes: n = 3 components, N = 2 samples; the paper's "cases" of a vector
are a vector of cases (one ``Piecewise`` per entry), with ``w·x + b ≤ 0`` the first case.

An equation of several lines (``\\begin{aligned}`` with one chain per line) is checked as
one chain of block-diagonal matrices (:func:`block_chain`): each side holds every line's
current expression, and each ``=`` advances one line by one step, so every ``=`` of the
paper is still one step of the check, and the blocks keep their shapes.

:func:`derivation` returns the keyword arguments of ``check_derivation`` for a key:
``expressions``, ``variables``, ``steps`` (the paper's numbers of the ``=`` checked; the
others are definitions or notation, as the ledger says), ``errata`` (the steps shown
wrong) and ``equal`` (:func:`relu_equal`, for the ReLU's piecewise forms).

The forms of §5-§9 are in :mod:`.neural_networks` and :mod:`.reference`, their helpers in
:mod:`.core`.
"""
from __future__ import annotations

from .core import (N_COMPONENTS, N_SAMPLES, block_chain, cases, d, relu_equal,  # noqa: F401
                   times, variables_of)
from .chain_rules import FORMS as _CHAIN_RULES
from .neural_networks import FORMS as _NEURAL_NETWORKS
from .reference import FORMS as _REFERENCE

# key: (builder, the paper's step numbers checked, {step: erratum key}); paper order
FORMS = {**{key: (build, None, None) for key, build in _CHAIN_RULES.items()},
         **_NEURAL_NETWORKS, **_REFERENCE}


def derivation(key: str) -> dict:
    """The keyword arguments of :func:`mathcalc.check_derivation` for the ledger entry
    ``key``: ``expressions``, ``variables`` (every free symbol), ``steps``, ``errata``
    and ``equal``. Use as ``check_derivation(key, **derivation(key))``."""
    if key not in FORMS:
        raise KeyError(f"no derivation form for {key!r}; forms: {', '.join(FORMS)}")
    build, steps, errata = FORMS[key]
    if steps is None:  # §4.5: the builder gives its steps, errata and domain itself
        form = build()
        expressions = form["expressions"]
        return {"expressions": expressions, "variables": variables_of(expressions),
                "steps": list(form.get("steps", range(1, len(expressions)))),
                "errata": dict(form.get("errata", {})), "equal": None,
                "domain": form.get("domain", (-2.0, 2.0))}
    expressions, equal = build()
    return {"expressions": expressions, "variables": variables_of(expressions),
            "steps": list(steps), "errata": dict(errata), "equal": equal}

