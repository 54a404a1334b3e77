"""Content (floor 5 of 5): the book's exercises (:mod:`.exercises`), the paper's errata
(:mod:`.errata`) and the reference pages (:mod:`.reference`), as data rendered through
:mod:`mathcalc.display` (this floor imports no IPython, matplotlib or ipywidgets itself).
"""
