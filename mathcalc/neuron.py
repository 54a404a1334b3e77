"""``mathcalc.neuron`` is :mod:`mathcalc.paper.neuron` (the same module object): a short name that
readers import."""
import sys

from .paper import neuron as _module

sys.modules[__name__] = _module
