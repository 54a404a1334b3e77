"""``mathcalc.errata`` is :mod:`mathcalc.content.errata`: the module moved into its floor and this
name, which readers already use, still imports it (the same module object)."""
import sys

from .content import errata as _module

sys.modules[__name__] = _module
