"""``mathcalc.descent`` is :mod:`mathcalc.paper.descent`: the module moved into its floor and this
name, which readers already use, still imports it (the same module object)."""
import sys

from .paper import descent as _module

sys.modules[__name__] = _module
