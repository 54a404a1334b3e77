"""Derivative rules as data (floor 2 of 5): one table per kind, which drives the code (the
autodiff primitives), the tests and the book's chapters and reference (Parr & Howard §8).

- :data:`SCALAR_RULES` (§2): constant, multiplication by constant, power, sum, difference,
  product, chain; each with its general form and the paper's example.
- :data:`VECTOR_RULES` (§4.2-§4.4, §8.2-§8.4): element-wise binary operators, element-wise
  functions, scalar expansion and reductions; each with its symbolic form, the closed-form
  Jacobian for every argument (numerator layout), and the NumPy forward, JVP and VJP.

The tables import no checker; :mod:`mathcalc.rules.verify` checks them (import it
explicitly: ``from mathcalc.rules.verify import verify_vector_rule``).
"""
from .scalar import SCALAR_RULES, ScalarRule, x
from .vector import VECTOR_RULES, VectorRule, rule, symbolic_args

__all__ = ["SCALAR_RULES", "ScalarRule", "x", "VECTOR_RULES", "VectorRule", "rule",
           "symbolic_args"]
