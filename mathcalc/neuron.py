"""``mathcalc.neuron`` is :mod:`mathcalc.paper.neuron`: the module moved into its floor and this
name, which readers already use, still imports it (the same module object)."""
import sys

from .paper import neuron as _module

sys.modules[__name__] = _module
