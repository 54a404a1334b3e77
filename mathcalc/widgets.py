"""``mathcalc.widgets`` is :mod:`mathcalc.display.widgets` (the same module object): a short name that
readers import."""
import sys

from .display import widgets as _module

sys.modules[__name__] = _module
