"""Display (floor 4 of 5): how the book shows the mathematics of the floors below.

- :mod:`.show`: equations and tables as the paper prints them (one ``tex``);
- :mod:`.plots`: plot helpers (``ax=None``, return the axes), one style;
- :mod:`.widgets` and :mod:`.player`: kernel-free widgets and their static HTML form;
  :mod:`.marks`: the light SVG layers of a layered widget.

The only floor that imports matplotlib, IPython or ipywidgets; it imports the floors below
and never the reverse.
"""
