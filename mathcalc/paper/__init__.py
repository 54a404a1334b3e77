"""The mathematics of the chapters (floor 3 of 5, beside :mod:`mathcalc.autodiff`): no
IPython, matplotlib or ipywidgets here, only SymPy and NumPy. Results are data (SymPy
expressions, arrays, dataclasses); :mod:`mathcalc.display` renders them.

- :mod:`.partials` (§3-§4.1), :mod:`.elementwise` (§4.2-§4.4);
- :mod:`.chain` (§4.5.1-§4.5.2), :mod:`.graph` (dataflow graphs), :mod:`.vector_chain` (§4.5.3);
- :mod:`.neuron` (§1, §5, §6: the one loss formula and its gradient),
  :mod:`.neuron_symbolic` (the same in SymPy), :mod:`.descent` (training),
  :mod:`.neuron_lab` (the numbers and captions of the neuron widgets);
- :mod:`.matrix_derivatives` (beyond the paper, after §7);
- :mod:`.derivation_forms` (the paper's display equations as chains of expressions, one
  module per part of the book, for the equation ledger's checks).
"""
