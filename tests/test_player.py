"""mathcalc.player: the static-HTML form of a widget has one slider per parameter, every
frame once in row-major order with its alt text, only the start frame visible, and is
deterministic; and every widget's display bundle carries it."""
import base64
import html
import json
import re

import numpy as np
import pytest

from mathcalc import widgets
from mathcalc.player import PLAYER_JS, frame_index, player_html


def line(ax, slope=1.0, offset=0.0):
    xs = np.linspace(-1, 1, 5)
    ax.plot(xs, slope * xs + offset)
    ax.set_ylim(-3, 3)
    return ax


def frames_of(page):
    """(alt, hidden) of every <img> frame, in document order."""
    return [(html.unescape(alt), hidden == " hidden")
            for alt, hidden in re.findall(r'<img class="mathcalc-frame" src="data:image/png;'
                                          r'base64,[A-Za-z0-9+/=]+" alt="([^"]*)"( hidden)?>', page)]


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
    assert [alt for alt, _ in frames] == [
        f"A <line> (slope = {s}, offset = {o})" for s in ("0", "1") for o in ("-1", "0", "1")]
    assert [hidden for _, hidden in frames] == [True, True, True, False, True, True]
    assert "<strong>A &lt;line&gt;</strong>" in page
    sliders = re.findall(r'<input type="range" class="mathcalc-slider" min="0" max="(\d+)" '
                         r'step="1" value="(\d+)" aria-valuetext="([^"]*)" data-labels="([^"]*)">', page)
    assert [(m, v, t) for m, v, t, _ in sliders] == [("1", "1", "1"), ("2", "0", "-1")]
    assert json.loads(html.unescape(sliders[1][3])) == ["-1", "0", "1"]
    assert 'class="mathcalc-play"' not in page
    pngs = re.findall(r'base64,([A-Za-z0-9+/=]+)"', page)
    assert base64.b64decode(pngs[3]) == w.default_png


def test_the_shown_frame_is_the_default_png_and_html_is_deterministic():
    make = lambda: widgets.explore(line, {"slope": [-1.0, 0.0, 1.0]}, defaults={"slope": 0.0})
    a, b = make(), make()
    assert a.html == b.html
    shown = re.search(r'base64,([A-Za-z0-9+/=]+)" alt="[^"]*">', a.html).group(1)
    assert base64.b64decode(shown) == a.default_png
    assert " id=" not in a.html


def test_animation_player_has_a_play_button_and_its_interval():
    w = widgets.animate(line, [0.0, 0.5, 1.0], name="slope", interval=250)
    page = w._repr_mimebundle_()["text/html"]
    assert 'data-interval="250"' in page
    assert '<button type="button" class="mathcalc-play" aria-pressed="false">Play</button>' in page
    assert [hidden for _, hidden in frames_of(page)] == [False, True, True]


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
    assert page.index("<script>") > page.rindex('<img class="mathcalc-frame"')
    assert page.rstrip().endswith("</script>\n</div>")
    assert "</script>" not in PLAYER_JS and "document.currentScript" in PLAYER_JS
