"""mathcalc: the executable edition of Parr & Howard, *The Matrix Calculus You Need For
Deep Learning*.

Numerator layout throughout (rows are outputs, the paper's §4.1 convention);
:func:`jacobian` takes ``layout="denominator"`` for the transpose, and
:func:`check_jacobian` checks either; :func:`gradient` and :func:`numerical_jacobian`
give the numerator layout.

The package is a house of five floors, every import pointing down (the contracts in
``pyproject.toml`` hold it so):

- :mod:`mathcalc.content`: exercises, errata, the reference pages;
- :mod:`mathcalc.display`: equations and tables, plots, widgets (the only floor that
  imports matplotlib, IPython or ipywidgets);
- :mod:`mathcalc.paper` (the mathematics of the chapters) beside :mod:`mathcalc.autodiff`;
- :mod:`mathcalc.rules`: the derivative rules as data;
- :mod:`mathcalc.core`: validation, symbolic and numerical Jacobians, the double check.

This module is the face: the names below, from the core. ``mathcalc.neuron``,
``mathcalc.descent``, ``mathcalc.errata`` and ``mathcalc.widgets`` are short names for the
chapter modules readers import (:mod:`mathcalc.paper.neuron` and so on).
"""
from .core import (CheckError, CheckResult, check_derivation, check_derivative, check_jacobian,
                   column, gradient, is_diagonal, jacobian, numerical_jacobian)

__all__ = ["jacobian", "gradient", "is_diagonal", "numerical_jacobian",
           "check_jacobian", "check_derivative", "check_derivation", "column", "CheckResult", "CheckError"]
__version__ = "0.2.0"
