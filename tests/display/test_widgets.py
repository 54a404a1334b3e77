"""mathcalc.widgets: frames are small deterministic PNGs, sliders are linked to every stack,
and the display bundle carries a stable text summary and the default frame."""
import base64
import io

import ipywidgets as W
import numpy as np
import pytest
from PIL import Image

from mathcalc.display import plots, widgets


def line(ax, slope=1.0, offset=0.0):
    xs = np.linspace(-1, 1, 5)
    ax.plot(xs, slope * xs + offset)
    ax.set_ylim(-3, 3)
    return ax


def test_render_png_is_small_deterministic_and_has_few_colours():
    a = widgets.render_png(line, slope=2.0)
    b = widgets.render_png(line, slope=2.0)
    assert a == b
    assert a != widgets.render_png(line, slope=-2.0)
    img = Image.open(io.BytesIO(a))
    assert img.size == (560, 360)
    assert len(img.convert("RGB").getcolors(maxcolors=1000)) <= 64
    assert len(a) < 20_000


def test_explore_one_parameter_builds_a_linked_stack():
    w = widgets.explore(line, {"slope": [-1.0, 0.0, 1.0]}, defaults={"slope": 1.0})
    box = w.widget
    slider = box.children[0].children[0]
    stack = box.children[1]
    assert isinstance(slider, W.SelectionSlider) and isinstance(stack, W.Stack)
    assert slider.index == 2 == stack.selected_index
    assert len(stack.children) == 3 and w.n_frames == 3
    assert any(l.source == (slider, "index") and l.target == (stack, "selected_index")
               for l in w.links)
    frame = stack.children[2]
    assert isinstance(frame, W.HTML)
    assert base64.b64encode(w.default_png).decode() in frame.value
    assert 'alt="line (slope = 1)"' in frame.value


def test_explore_two_parameters_nests_stacks_and_links_inner_slider_to_each():
    w = widgets.explore(line, {"slope": [0.0, 1.0], "offset": [-1.0, 0.0, 1.0]})
    outer = w.widget.children[1]
    inner_slider = w.widget.children[0].children[1]
    assert len(outer.children) == 2 and all(len(s.children) == 3 for s in outer.children)
    targets = {id(l.target[0]) for l in w.links if l.source[0] is inner_slider}
    assert targets == {id(s) for s in outer.children}
    assert w.n_frames == 6


def test_alt_text_names_the_figure_and_the_values():
    w = widgets.explore(line, {"slope": [0.0], "offset": [1.5]}, alt="A line <y = ax + b>")
    frame = w.widget.children[1].children[0].children[0]
    assert 'alt="A line &lt;y = ax + b&gt; (slope = 0, offset = 1.5)"' in frame.value


def test_bundle_has_stable_text_default_frame_html_form_and_widget_view():
    w = widgets.explore(line, {"slope": [0.0, 1.0]}, title="A line")
    bundle = w._repr_mimebundle_()
    assert bundle["text/plain"] == "Kernel-free widget: line over slope (2 values); 2 frames"
    assert base64.b64decode(bundle["image/png"]) == w.default_png
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/html"] == w.html and w.html.startswith('<div class="mathcalc-player"')


def test_animate_links_play_slider_and_stack():
    w = widgets.animate(line, [0.0, 0.5, 1.0], name="slope")
    play, slider = w.widget.children[0].children
    stack = w.widget.children[1]
    assert isinstance(play, W.Play) and play.max == 2 == slider.max
    pairs = {(l.source[0].__class__, l.target[0].__class__) for l in w.links
             if l.source[0] in (play, slider)}
    assert (W.Play, W.IntSlider) in pairs and (W.IntSlider, W.Stack) in pairs
    assert "3 values of slope" in w.summary


@pytest.mark.parametrize("params, message", [({}, "at least one"), ({"slope": []}, "no values"),
                                             ({"slope": range(30), "offset": range(30)}, "frames")])
def test_explore_refuses_bad_parameters(params, message):
    with pytest.raises(ValueError, match=message):
        widgets.explore(line, params)


def test_unknown_default_is_refused():
    with pytest.raises(ValueError, match="not varied"):
        widgets.explore(line, {"slope": [1.0]}, defaults={"offset": 0.0})


def test_book_widget_frames_render():
    w = widgets.explore(plots.plot_relu_neuron, {"w": [-1.0, 1.0], "b": [0.0]})
    assert w.n_frames == 2


def test_player_reports_the_size_its_frames_draw_their_smallest_text():
    """data-font-px is the smallest text of the frames in their pixels: tick labels of
    ``fontsize`` points at 100 dpi; a figure without text reports nothing."""
    import re

    from mathcalc.display.frames import _draw, smallest_text_px
    from mathcalc.display.widgets import explore

    def ticks(ax, a, fontsize=7):
        ax.plot([0, 1], [0, a])
        ax.tick_params(labelsize=fontsize)

    bundle = explore(ticks, {"a": [1, 2]}, fixed={"fontsize": 7})._repr_mimebundle_()
    assert re.search(r'data-font-px="([\d.]+)"', bundle["text/html"]).group(1) == f"{7 * 100 / 72:.1f}"

    def bare(ax):
        ax.set_axis_off()

    assert smallest_text_px(_draw(bare, (2, 2), 100, None, {})) is None


@pytest.mark.parametrize("build", ["explore", "animate", "layered"])
def test_phone_frames_are_drawn_only_where_the_books_outputs_are_made(monkeypatch, build):
    """A live kernel draws the desktop frames only; with MATHCALC_PHONE_FRAMES=1 (make
    execute, nbval) every frame is drawn for a phone as well, with its text size."""
    from mathcalc.display.marks import Text

    def marks(a):
        return [Text(0, 0.5, a, "a", size=12)]

    def base(ax):
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 3)

    def make():
        if build == "explore":
            return widgets.explore(line, {"slope": [0.0, 1.0, 2.0]})
        if build == "animate":
            return widgets.animate(line, [0.0, 1.0, 2.0], name="slope")
        return widgets.layered([widgets.Layer(base, ()), widgets.Layer(marks, ("a",))],
                               {"a": [1.0, 2.0]}, caption=lambda a: f"a at {a}")

    monkeypatch.delenv("MATHCALC_PHONE_FRAMES", raising=False)
    live = make().html
    monkeypatch.setenv("MATHCALC_PHONE_FRAMES", "1")
    book = make().html
    tag = 'class="mathcalc-narrow-data"'
    assert tag not in live and tag in book
    narrow = book.split('class="mathcalc-narrow-data"')[1]
    assert "data-font-px" in narrow.split(">")[0]
    assert narrow.count("data:image/") == (3 if build != "layered" else 1 + 2)


def test_a_frames_text_stays_inside_it_and_the_frames_still_line_up():
    """A title wider than a phone's frame goes on two lines, and axes whose labels stick
    out move in, by the same amount in every frame (found on the start frame)."""
    from mathcalc.display.frames import _draw, cut_off_text, fit_of

    def wide(ax, a=1.0):
        ax.plot([0, 1], [0, a])
        ax.set_ylim(-1000000, 1000000)  # long tick labels: they stick out on the left
        ax.set_ylabel("the vertical axis")
        ax.set_title(f"a = {a:g}: a title too wide for a phone, two lines")

    size = (3.6, 2.9)
    assert cut_off_text(_draw(wide, size, 100, None, {})) != []
    fit = fit_of(wide, size, None, {"a": 1.0})
    for a in (1.0, 2.0):
        fig = _draw(wide, size, 100, None, {"a": a}, fit)
        fig.canvas.draw()
        assert cut_off_text(fig) == [] and "\n" in fig.axes[0].title.get_text()
        assert fig.axes[0].get_position().bounds == _draw(wide, size, 100, None, {"a": 1.0}, fit).axes[0].get_position().bounds
    assert fit_of(wide, (5.6, 3.6), None, {}) is not None  # the labels stick out at 5.6 in too

    def hopeless(ax):  # placed on the figure: no move of the axes brings it in
        ax.figure.text(1.1, 0.5, "outside the figure")

    with pytest.raises(ValueError, match="cut off at the frame's edge"):
        fit_of(hopeless, size, None, {})
