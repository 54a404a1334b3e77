"""The checking core (floor 1 of 5): input validation, symbolic Jacobians (SymPy),
numerical Jacobians (finite differences), the double check that compares them, and the
step-by-step check of a derivation.

Imports no other floor of :mod:`mathcalc`; every floor above imports from here.
"""
from .check import CheckError, CheckResult, check_derivative, check_jacobian
from .derivation import DerivationCheck, StepCheck, check_derivation
from .numerical import numerical_jacobian
from .symbolic import column, gradient, is_diagonal, jacobian

__all__ = ["jacobian", "gradient", "is_diagonal", "column", "numerical_jacobian",
           "check_jacobian", "check_derivative", "check_derivation", "CheckResult", "CheckError",
           "DerivationCheck", "StepCheck"]
