"""mathcalc: the executable edition of Parr & Howard, *The Matrix Calculus You Need For
Deep Learning*.

Numerator layout throughout (rows are outputs, the paper's §4.1 convention); every
function that builds a Jacobian takes ``layout="denominator"`` for the transpose.
"""
from .check import check_derivative, check_jacobian
from .jacobian import gradient, is_diagonal, jacobian
from .numerical import numerical_jacobian

__all__ = ["jacobian", "gradient", "is_diagonal", "numerical_jacobian",
           "check_jacobian", "check_derivative"]
__version__ = "0.1.0"
