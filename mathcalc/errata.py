"""``mathcalc.errata`` is :mod:`mathcalc.content.errata` (the same module object): a short name that
readers import."""
import sys

from .content import errata as _module

sys.modules[__name__] = _module
