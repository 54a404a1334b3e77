"""mathcalc.display.player: the static-HTML form of a widget has one slider per parameter, every
frame once in row-major order with its alt text, only the start frame visible, and is
deterministic; and every widget's display bundle carries it."""
import base64
import html
import json
import re

import numpy as np
import pytest

from mathcalc.display import widgets
from mathcalc.display.player import PLAYER_JS, STATIC_NOTE, frame_index, player_html


def line(ax, slope=1.0, offset=0.0):
    xs = np.linspace(-1, 1, 5)
    ax.plot(xs, slope * xs + offset)
    ax.set_ylim(-3, 3)
    return ax


def frames_of(page):
    """(alt, png bytes, shown) of every frame in order: the shown one is the only <img>,
    the JSON holds the others (null in the shown one's place)."""
    img = re.findall(r'<img class="mathcalc-frame" src="data:image/png;base64,([A-Za-z0-9+/=]+)" '
                     r'alt="([^"]*)">', page)
    assert len(img) == 1, "one frame in the HTML itself, the shown one"
    data = json.loads(re.search(r'<script type="application/json" class="mathcalc-frame-data">'
                                r'(.*?)</script>', page, re.S).group(1))
    assert data.count(None) == 1
    out = []
    for entry in data:
        src, alt, shown = (img[0][0], html.unescape(img[0][1]), True) if entry is None else (
            entry[0].removeprefix("data:image/png;base64,"), entry[1], False)
        out.append((alt, base64.b64decode(src), shown))
    return out


def test_frame_index_is_row_major():
    shape = (2, 3, 4)
    positions = [frame_index((i, j, k), shape) for i in range(2) for j in range(3) for k in range(4)]
    assert positions == list(range(24))
    with pytest.raises(ValueError, match="outside"):
        frame_index((0, 3, 0), shape)
    with pytest.raises(ValueError, match="indices"):
        frame_index((0, 0), shape)


def test_two_parameter_player_orders_frames_and_shows_only_the_start_frame():
    w = widgets.explore(line, {"slope": [0.0, 1.0], "offset": [-1.0, 0.0, 1.0]},
                        defaults={"slope": 1.0, "offset": -1.0}, title="A <line>")
    page = w._repr_mimebundle_()["text/html"]
    frames = frames_of(page)
    assert [alt for alt, _, _ in frames] == [
        f"A <line> (slope = {s}, offset = {o})" for s in ("0", "1") for o in ("-1", "0", "1")]
    assert [shown for _, _, shown in frames] == [False, False, False, True, False, False]
    assert "<strong>A &lt;line&gt;</strong>" in page
    sliders = re.findall(r'<input type="range" class="mathcalc-slider" min="0" max="(\d+)" '
                         r'step="1" value="(\d+)" aria-valuetext="([^"]*)" data-labels="([^"]*)" disabled>', page)
    assert [(m, v, t) for m, v, t, _ in sliders] == [("1", "1", "1"), ("2", "0", "-1")]
    assert json.loads(html.unescape(sliders[1][3])) == ["-1", "0", "1"]
    assert 'class="mathcalc-play"' not in page
    assert frames[3][1] == w.default_png
    assert len({png for _, png, _ in frames}) == 6


def test_the_shown_frame_is_the_default_png_and_html_is_deterministic():
    make = lambda: widgets.explore(line, {"slope": [-1.0, 0.0, 1.0]}, defaults={"slope": 0.0})
    a, b = make(), make()
    assert a.html == b.html
    assert [png for _, png, shown in frames_of(a.html) if shown] == [a.default_png]
    assert " id=" not in a.html


def test_animation_player_has_a_play_button_and_its_interval():
    w = widgets.animate(line, [0.0, 0.5, 1.0], name="slope", interval=250)
    page = w._repr_mimebundle_()["text/html"]
    assert 'data-interval="250"' in page
    assert ('<button type="button" class="mathcalc-play" aria-pressed="false" disabled>Play'
            '</button>') in page
    assert [shown for _, _, shown in frames_of(page)] == [True, False, False]


@pytest.mark.parametrize("kwargs, message", [
    (dict(frames=[(b"x", "a")], names=["a", "b"], labels=[["1"]], start=[0]), "one list"),
    (dict(frames=[(b"x", "a")], names=["a"], labels=[["1", "2"]], start=[0]), "expected 2"),
    (dict(frames=[], names=[], labels=[], start=[]), "one list"),
])
def test_player_refuses_inconsistent_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        player_html(**kwargs)


def test_the_player_carries_its_own_script_after_its_frames():
    """Self-contained: the script that wires the controls sits inside the player, after
    the frames, so it runs in place wherever the HTML runs its scripts."""
    page = widgets.explore(line, {"slope": [0.0, 1.0]}).html
    assert page.count("<script>") == 1 and PLAYER_JS in page
    assert page.index("<script>") > page.index('class="mathcalc-frame-data"')
    assert page.rstrip().endswith("</script>\n</div>")
    assert "</script>" not in PLAYER_JS and "document.currentScript" in PLAYER_JS


def test_without_its_script_the_player_is_a_static_figure_that_says_so():
    """Controls start disabled, with a note, so that HTML shown without its script (an
    untrusted notebook in JupyterLab) does not offer sliders that move nothing."""
    page = widgets.animate(line, [0.0, 1.0], name="slope").html
    controls = re.findall(r"<(?:input|button) [^>]*>", page)
    assert len(controls) == 2 and all(c.endswith(" disabled>") for c in controls)
    assert f'<p class="mathcalc-static-note">{STATIC_NOTE}</p>' in page
    assert "disabled = false" in PLAYER_JS and ".mathcalc-static-note" in PLAYER_JS


def test_frame_data_cannot_close_its_script_early():
    w = widgets.explore(line, {"slope": [0.0, 1.0]}, alt="a </script> in the alt text")
    data = w.html.split('class="mathcalc-frame-data">', 1)[1]
    assert data.index("</script>") > data.index("<\\/script>")
    assert [alt for alt, _, _ in frames_of(w.html)][0] == "a </script> in the alt text (slope = 0)"
