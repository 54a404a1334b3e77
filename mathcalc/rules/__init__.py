"""Derivative rules as data: one table per kind, which drives the code (the autodiff
primitives), the tests and the book's chapters and reference (Parr & Howard §8).

- :data:`SCALAR_RULES` (§2): constant, multiplication by constant, power, sum, difference,
  product, chain; each with its general form and the paper's example.
- :data:`VECTOR_RULES` (§4.2-§4.4, §8.2-§8.4): element-wise binary operators, element-wise
  functions, scalar expansion and reductions; each with its symbolic form, the closed-form
  Jacobian for every argument (numerator layout), and the NumPy forward, JVP and VJP.
"""
from .scalar import (SCALAR_RULES, ScalarRule, check_example_numerically, example_holds,
                     rule_holds, x)
from .vector import VECTOR_RULES, VectorRule, rule, symbolic_args, verify_vector_rule

__all__ = ["SCALAR_RULES", "ScalarRule", "rule_holds", "example_holds",
           "check_example_numerically", "x", "VECTOR_RULES", "VectorRule", "rule",
           "symbolic_args", "verify_vector_rule"]
