"""``mathcalc.descent`` is :mod:`mathcalc.paper.descent` (the same module object): a short name that
readers import."""
import sys

from .paper import descent as _module

sys.modules[__name__] = _module
