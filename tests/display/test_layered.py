"""Layered widgets (mathcalc.display.widgets.layered, player.layered_player_html, marks):
each layer has one frame per combination of the sliders it depends on; the top frame's alt
text, for every frame of the book's three neuron widgets, says the numbers that direct
calls of mathcalc.paper.neuron give; the live widget follows its sliders; the PDF frame
draws the marks; and the HTML stays light."""
import base64
import gzip
import html
import io
import itertools
import json
import re

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from mathcalc.display import marks, plots, widgets
from mathcalc.paper import neuron
from mathcalc.paper.neuron_lab import NEURON_GRID, LossLab, neuron_caption

NUM = r"(−?\d+\.\d\d)"


def num(text: str) -> float:
    return float(text.replace("−", "-"))


def layer_data(page: str) -> list:
    return json.loads(re.search(r'class="mathcalc-layer-data">(.*?)</script>', page, re.S)
                      .group(1).replace("<\\/", "</"))["layers"]


def top_alts(page: str) -> list[str]:
    """Every top frame's alt text in row-major order (the shown one is in the <img>)."""
    shown = html.unescape(re.search(r'<img class="mathcalc-frame" data-layer="\d+"[^>]* alt="([^"]*)">',
                                    page).group(1))
    return [shown if f is None else f[1] for f in layer_data(page)[-1]["frames"]]


@pytest.fixture(scope="module")
def neuron_widget():
    with pytest.MonkeyPatch.context() as mp:  # as the book's outputs are made: phone frames too
        mp.setenv("MATHCALC_PHONE_FRAMES", "1")
        return widgets.layered(plots.neuron_gradient_layers(), NEURON_GRID, caption=neuron_caption,
                               defaults={"w": 1.5, "b": 1.0, "x": 1.0}, figsize=(8, 3.4))


@pytest.fixture(scope="module", params=["w", "b"])
def lab_widget(request):
    lab = LossLab()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MATHCALC_PHONE_FRAMES", "1")
        return request.param, lab, widgets.layered(
            plots.loss_lab_layers(lab, request.param), lab.params,
            caption=lab.caption(request.param), defaults={"w": 1.0, "b": 0.0, "x₃": 0.5},
            figsize=(9, 3.6))


def test_neuron_widget_layers_and_frame_counts(neuron_widget):
    data = layer_data(neuron_widget.html)
    assert [(d["dims"], len(d["frames"])) for d in data] == [([], 1), ([0, 1], 81), ([0, 1, 2], 729)]
    assert neuron_widget.n_frames == 811
    assert [d["frames"].count(None) for d in data] == [1, 1, 1]


def test_every_neuron_frame_says_what_the_neuron_functions_give(neuron_widget):
    alts = top_alts(neuron_widget.html)
    pattern = re.compile(rf"z = wx \+ b = {NUM}, activation = {NUM}, \[∂a/∂w, ∂a/∂b\] = "
                         rf"\[{NUM}, {NUM}\] \((.*)\) \(w = (\S+), b = (\S+), x = (\S+)\)$")
    for alt, (w, b, x) in zip(alts, itertools.product(*NEURON_GRID.values()), strict=True):
        m = pattern.match(alt)
        assert m, alt
        z, a, dw, db = map(num, m.groups()[:4])
        gw, gb = neuron.activation_gradient([w], b, [x])
        np.testing.assert_allclose([z, a, dw, db], [neuron.affine([w], b, [x]),
                                   neuron.activation([w], b, [x]), gw[0], gb], atol=0.005)
        assert [float(v) for v in m.groups()[5:]] == pytest.approx([w, b, x])
        if w * x + b == 0:
            assert "convention" in m.group(5), alt
        else:
            assert ("z > 0" in m.group(5)) == (w * x + b > 0), alt


# The loss lab built whole, as its chapter builds it (9 × 9 × 5 sliders, both layouts, a few
# seconds each): integration tests, run by make test, not by the inner loop.
@pytest.mark.integration
def test_every_lab_frame_says_what_the_loss_gradient_functions_give(lab_widget):
    which, lab, w = lab_widget
    data = layer_data(w.html)
    assert [(d["dims"], len(d["frames"])) for d in data] == [([2], 5), ([0, 1], 81), ([0, 1, 2], 405)]
    term = "(2/N)·eᵢxᵢ" if which == "w" else "(2/N)·eᵢ"
    for alt, (wv, bv, xm) in zip(top_alts(w.html), itertools.product(
            lab.w_values, lab.b_values, lab.x_values), strict=True):
        X, y = lab.data(xm)
        e, active = neuron.error_terms([wv], bv, X, y)
        gw, gb = neuron.loss_gradient([wv], bv, X, y)
        pw, pb = neuron.loss_gradient_paper_61([wv], bv, X, y)
        m = re.match(rf"(\d) of 5 samples active; contributions {re.escape(term)}: (.*); "
                     rf"∂C/∂w = {NUM}, ∂C/∂b = {NUM}( \(at a kink C has no gradient: [^)]*\))?; "
                     rf"(.*) \(w = (\S+), b = (\S+), x₃ = (\S+)\)$", alt)
        assert m, alt
        assert int(m.group(1)) == active.sum()
        on_kink = (wv * X[:, 0] + bv == 0) & (y != 0)  # there C has no gradient
        assert bool(m.group(5)) == bool(on_kink.any()), alt
        expected = 2 / len(y) * e * (X[:, 0] if which == "w" else 1.0)
        for i, part in enumerate(m.group(2).split(", ")):
            name, value = part.split(" ", 1)
            assert name == f"x{'₁₂₃₄₅'[i]}"
            if active[i]:
                assert num(value) == pytest.approx(expected[i], abs=0.005)
            else:
                assert value == "inactive" + (" (kink: z = 0)" if on_kink[i] else "")
        np.testing.assert_allclose([num(m.group(3)), num(m.group(4))], [gw[0], gb], atol=0.005)
        paper = pw[0] if which == "w" else pb
        if np.isclose(pw[0], gw[0]) and np.isclose(pb, gb):
            assert "agrees here" in m.group(6), alt
        else:
            section = "§6.1" if which == "w" else "§6.2"
            p = re.match(rf"the paper's {section} form gives ∂C/∂{which} = {NUM}, wrong", m.group(6))
            assert p and num(p.group(1)) == pytest.approx(paper, abs=0.005), alt
        assert [float(v) for v in m.groups()[6:]] == pytest.approx([wv, bv, xm])


NARROW_DATA = re.compile(r'<script type="application/json" class="mathcalc-narrow-data".*?</script>', re.S)


@pytest.mark.integration
def test_layered_html_is_light_deterministic_and_decorative_below(neuron_widget, lab_widget):
    """Each layout's frames are light (the book loads one of them: book/_ext/frame_files.py)."""
    page = neuron_widget.html
    for html_, budget in [(page, 100_000), (lab_widget[2].html, 300_000)]:
        narrow = NARROW_DATA.search(html_).group(0)
        assert len(gzip.compress(NARROW_DATA.sub("", html_).encode(), 6)) < budget
        assert len(gzip.compress(narrow.encode(), 6)) < budget
    imgs = re.findall(r"<img [^>]*>", page)
    assert len(imgs) == 3 and all('aria-hidden="true"' in i and 'alt=""' in i for i in imgs[:2])
    assert 'class="mathcalc-frame"' in imgs[2] and 'class="mathcalc-caption"' in page
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MATHCALC_PHONE_FRAMES", "1")
        again = widgets.layered(plots.neuron_gradient_layers(), NEURON_GRID, caption=neuron_caption,
                                defaults={"w": 1.5, "b": 1.0, "x": 1.0}, figsize=(8, 3.4))
    assert again.html == page and ' id="' not in page  # (SVG clip ids live inside each image)


def test_live_widget_follows_its_sliders(neuron_widget):
    box = neuron_widget.widget
    sliders, view = box.children[0].children, box.children[1]
    assert [s.description for s in sliders] == ["w", "b", "x"]
    assert "(w = 1.5, b = 1, x = 1)" in view.value
    sliders[2].index = 0
    assert html.escape(neuron_caption(1.5, 1.0, -2.0)) in view.value
    assert "(w = 1.5, b = 1, x = -2)" in view.value
    sliders[2].index = 6


def test_pdf_frame_is_the_base_with_its_marks_drawn(neuron_widget):
    img = Image.open(io.BytesIO(neuron_widget.default_png)).convert("RGB")
    assert img.size == (800, 340)
    red = np.array(img)[..., 0].astype(int) - np.array(img)[..., 1]
    assert (red > 120).sum() > 300  # the red activation line is drawn in the PDF frame
    bundle = neuron_widget._repr_mimebundle_()
    assert base64.b64decode(bundle["image/png"]) == neuron_widget.default_png


def test_axes_map_puts_data_on_the_axes_pixels():
    fig = Figure(figsize=(4, 3), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes([0.25, 0.2, 0.5, 0.6])
    ax.set_xlim(0, 10)
    ax.set_ylim(-1, 1)
    amap = marks.AxesMap.of(ax)
    assert amap.px(0, -1) == pytest.approx((100, 240)) and amap.px(10, 1) == pytest.approx((300, 60))
    svg = marks.to_svg([marks.Dot(0, 5, 0), marks.Line(0, (0, 10), (0, 1), arrow=True),
                        marks.Text(0, 0.5, 1.02, "a < b", fraction=True)], [amap], (400, 300))
    assert "<circle cx='200' cy='150'" in svg and "clip-path='url(#c0)'" in svg
    assert "a &lt; b" in svg and svg.count("<polygon") == 1
    assert "#" not in marks.svg_data_uri(svg).split(",", 1)[1]


@pytest.mark.parametrize("layers, message", [
    (lambda: [widgets.Layer(plots.plot_neuron_axes)], "base layer"),
    (lambda: [widgets.Layer(plots.plot_neuron_axes), widgets.Layer(lambda w, b: [], ("b", "w")),
              widgets.Layer(lambda w, b, x: [], ("w", "b", "x"))], "in that order"),
    (lambda: [widgets.Layer(plots.plot_neuron_axes), widgets.Layer(lambda w, b: [], ("w", "b"))],
     "every slider"),
])
def test_layered_refuses_inconsistent_layers(layers, message):
    with pytest.raises(ValueError, match=message):
        widgets.layered(layers(), {"w": [0.0], "b": [0.0], "x": [0.0]}, caption=lambda **v: "")
