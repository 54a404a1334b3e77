"""mathcalc/display/player.js on its own, outside the book: run in place (inline, as a page parses
it) and run the way some notebook front ends run output scripts (evaluated after the HTML
was inserted, with no document.currentScript), the player is wired exactly once."""
from __future__ import annotations

import re

import numpy as np
import pytest

from mathcalc.display import widgets
from mathcalc.display.player import PLAYER_JS


def line(ax, slope=1.0, offset=0.0):
    xs = np.linspace(-1, 1, 5)
    ax.plot(xs, slope * xs + offset)
    ax.set_ylim(-3, 3)
    return ax


@pytest.fixture(scope="module")
def player_html():
    with pytest.MonkeyPatch.context() as mp:  # as the book's outputs are made: phone frames too
        mp.setenv("MATHCALC_PHONE_FRAMES", "1")
        return widgets.explore(line, {"slope": [0.0, 1.0, 2.0], "offset": [-1.0, 1.0]},
                               defaults={"slope": 1.0, "offset": -1.0}).html


SHOWN = "() => [...document.querySelectorAll('img.mathcalc-frame')].filter(i => !i.hidden).map(i => i.alt)"


def move_first_slider_right(page):
    page.locator("input.mathcalc-slider").first.focus()
    page.keyboard.press("ArrowRight")


def open_player(browser, html, how, while_static=None):
    """A page holding ``html``, its script run inline or, as a front end does after
    innerHTML (which runs no scripts), evaluated later, twice (it must not wire twice);
    ``while_static(page)`` checks the page before the script runs. Returns the page and
    the list its page errors go to."""
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    if how == "inline":
        page.set_content(f"<!doctype html><html><body>{html}</body></html>")
    else:
        page.set_content("<!doctype html><html><body><div id='out'></div></body></html>")
        page.evaluate("html => { document.getElementById('out').innerHTML = html; }", html)
        if while_static:
            while_static(page)
        page.evaluate(PLAYER_JS)
        page.evaluate(PLAYER_JS)
    return page, errors


def static_until_the_script_runs(page):
    assert page.evaluate("() => document.querySelector('.mathcalc-player').dataset.ready") is None
    # until the script runs: a static figure whose controls are disabled, with a note
    assert page.locator("input.mathcalc-slider").first.is_disabled()
    assert page.locator(".mathcalc-static-note").is_visible()


@pytest.mark.parametrize("how", ["inline", "evaluated later"])
def test_player_script_wires_its_player(browser, player_html, how):
    page, errors = open_player(browser, player_html, how, static_until_the_script_runs)
    assert page.evaluate(SHOWN) == ["line (slope = 1, offset = -1)"]
    assert page.locator(".mathcalc-static-note").count() == 0
    assert all(s.is_enabled() for s in page.locator("input.mathcalc-slider").all())
    move_first_slider_right(page)
    assert page.evaluate(SHOWN) == ["line (slope = 2, offset = -1)"]
    assert page.locator("output.mathcalc-value").first.inner_text() == "2"
    assert not errors
    page.close()


@pytest.fixture(scope="module")
def layered_html():
    from mathcalc.display import plots
    from mathcalc.paper.neuron_lab import neuron_caption
    grid = {"w": [0.5, 1.0], "b": [-1.0, 0.0, 1.0], "x": [-1.0, 1.0]}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MATHCALC_PHONE_FRAMES", "1")
        return widgets.layered(plots.neuron_gradient_layers(), grid, caption=neuron_caption,
                               defaults={"w": 1.0, "b": 0.0, "x": 1.0}, figsize=(8, 3.4)).html


TOP = "() => [...document.querySelectorAll('img.mathcalc-frame')].filter(i => !i.hidden).map(i => i.alt)"
LINES = "() => document.querySelector('img[data-layer=\"1\"]').src"
LOWER = "() => [...document.querySelectorAll('img.mathcalc-layer')].filter(i => !i.hidden).map(i => i.src.length)"


@pytest.mark.parametrize("how", ["inline", "evaluated later"])
def test_player_script_wires_a_layered_player(browser, layered_html, how):
    page, errors = open_player(browser, layered_html, how)
    shown = page.evaluate(TOP)
    assert len(shown) == 1 and shown[0].endswith("(w = 1, b = 0, x = 1)")
    assert len(page.evaluate(LOWER)) == 2  # the axes and the lines: one image each
    assert page.locator(".mathcalc-frames img").count() == 3  # one <img> per layer, swapped
    assert page.locator(".mathcalc-caption").inner_text() == shown[0]
    lines = page.evaluate(LINES)
    page.locator("input.mathcalc-slider").nth(2).focus()
    page.keyboard.press("ArrowLeft")  # x: the point moves, the lines stay
    assert page.evaluate(TOP)[0].endswith("(w = 1, b = 0, x = -1)")
    assert page.evaluate(LINES) == lines
    page.locator("input.mathcalc-slider").nth(1).focus()
    page.keyboard.press("ArrowRight")  # b: the lines move too
    assert page.evaluate(TOP)[0].endswith("(w = 1, b = 1, x = -1)")
    assert page.evaluate(LINES) != lines
    assert page.locator(".mathcalc-caption").inner_text() == page.evaluate(TOP)[0]
    assert not errors
    page.close()


@pytest.fixture
def wired(browser, player_html):
    """A page holding the player after one focusable element, its script run."""
    page = browser.new_page()
    page.set_content(f"<!doctype html><html><body><a href='#top'>before</a>{player_html}"
                     "</body></html>")
    page.wait_for_selector(".mathcalc-player[data-ready]")
    yield page
    page.close()


def test_every_slider_has_a_visible_label_and_an_accessible_name(wired):
    from playwright.sync_api import expect

    for name in ["slope", "offset"]:
        slider = wired.get_by_role("slider", name=name)
        expect(slider).to_have_count(1)
        # the name is the visible label text (speech input: say what you see) plus its value
        expect(slider).to_have_accessible_name(re.compile(rf"^{name}\b"))
        label = slider.locator("xpath=ancestor::label")
        assert label.locator(".mathcalc-name").is_visible()
        assert label.locator(".mathcalc-name").inner_text() == name
    expect(wired.get_by_role("slider", name="slope")).to_have_attribute("aria-valuetext", "1")


def test_sliders_are_reached_with_tab_and_operated_with_keys(wired):
    """Tab order: the link, then slope, then offset; Home, End and the arrows move them and
    the frame follows (its alt text says which parameters it shows)."""
    wired.keyboard.press("Tab")  # the link before the player
    wired.keyboard.press("Tab")
    assert wired.evaluate("document.activeElement.closest('label').innerText").startswith("slope")
    wired.keyboard.press("End")
    assert wired.evaluate(SHOWN) == ["line (slope = 2, offset = -1)"]
    wired.keyboard.press("Home")
    assert wired.evaluate(SHOWN) == ["line (slope = 0, offset = -1)"]
    wired.keyboard.press("Tab")
    assert wired.evaluate("document.activeElement.closest('label').innerText").startswith("offset")
    wired.keyboard.press("ArrowRight")
    assert wired.evaluate(SHOWN) == ["line (slope = 0, offset = 1)"]
    valuetexts = wired.evaluate(
        "[...document.querySelectorAll('input.mathcalc-slider')].map(s => s.getAttribute('aria-valuetext'))")
    assert valuetexts == ["0", "1"]


SET = """([i, j]) => { const s = document.querySelectorAll('input.mathcalc-slider');
  s[0].value = i; s[1].value = j; s[1].dispatchEvent(new Event('input'));
  return [...document.querySelectorAll('img.mathcalc-frame')].map(i => i.alt); }"""


def test_every_frame_has_alt_text_naming_what_it_shows(wired):
    """One <img> whose source and alt text the sliders set: every combination names itself."""
    for i, slope in enumerate(["0", "1", "2"]):
        for j, offset in enumerate(["-1", "1"]):
            assert wired.evaluate(SET, [i, j]) == [f"line (slope = {slope}, offset = {offset})"]


def test_a_narrow_screen_gets_the_frames_drawn_for_it_and_a_wide_one_its_own(browser, player_html):
    """At most 575.98 px wide the player shows the phone's frames (drawn 360 px wide), and
    switches to the desktop's (560 px) when the screen widens, keeping the sliders' frame."""
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.set_content(f"<!doctype html><html><body>{player_html}</body></html>")
    page.wait_for_selector(".mathcalc-player[data-ready]")
    state = """() => { const p = document.querySelector('.mathcalc-player'), i = p.querySelector('img.mathcalc-frame');
      return new Promise(r => { const done = () => r([p.dataset.layout, i.naturalWidth, i.alt]);
        i.complete ? done() : i.addEventListener('load', done, {once: true}); }); }"""
    assert page.evaluate(state) == ["narrow", 360, "line (slope = 1, offset = -1)"]
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function("document.querySelector('.mathcalc-player').dataset.layout === 'wide'")
    assert page.evaluate(state) == ["wide", 560, "line (slope = 1, offset = -1)"]
    page.close()


def test_a_phone_loads_only_its_frames_and_a_later_widening_keeps_the_sliders(browser, player_html):
    """Moved on a phone and then widened,
    it shows the desktop frame its sliders name (the wide layout's shown-frame entry is
    filled from the HTML's first frame, wherever the sliders are)."""
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.set_content(f"<!doctype html><html><body>{player_html}</body></html>")
    page.wait_for_selector(".mathcalc-player[data-ready]")
    page.locator("input.mathcalc-slider").first.focus()
    page.keyboard.press("End")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function("document.querySelector('.mathcalc-player').dataset.layout === 'wide'")
    assert page.evaluate(SHOWN) == ["line (slope = 2, offset = -1)"]
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    assert page.evaluate(SHOWN) == ["line (slope = 1, offset = -1)"]  # the frame the HTML held
    page.close()
