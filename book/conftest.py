"""nbval, run on the chapters (`make nbval`, part of `make test`): every output compared.

nbval compares every output of every cell with the stored one except the MIME types in its
collector's ``skip_compare`` list, which puts ``image/png`` and ``image/jpeg`` there unless
it runs with ``--nbdime`` (which needs the nbdime package and opens a browser on a
failure). The book's figures and each widget's default frame are PNGs, so this hook, the
customisation nbval documents ("Skipping certain output types"), takes them off the list:
a changed figure fails the test like a changed number. Widget views stay skipped (their
model ids are random per run; the frames are compared in the widget's text/html).

The kernels nbval starts inherit this process's environment: MATHCALC_PHONE_FRAMES=1 makes
the widgets draw their phone frames too, as `make execute` does for the stored outputs
(mathcalc.display.frames.phone_frames).
"""
from __future__ import annotations

import os

IMAGE_TYPES = ("image/png", "image/jpeg")
os.environ["MATHCALC_PHONE_FRAMES"] = "1"


def pytest_collectstart(collector):
    if getattr(collector, "skip_compare", None) is not None:
        collector.skip_compare = tuple(k for k in collector.skip_compare if k not in IMAGE_TYPES)
