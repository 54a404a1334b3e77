"""``mathcalc.widgets`` is :mod:`mathcalc.display.widgets`: the module moved into its floor and this
name, which readers already use, still imports it (the same module object)."""
import sys

from .display import widgets as _module

sys.modules[__name__] = _module
