"""Every page of the built book, as a reader's browser sees it, in one visit per page: math
typeset by the local MathJax, every display equation within the text column at desktop
width, figures loaded and described (alt text), headings in order, widgets that respond, no
console error, no request that leaves the machine (the book must work offline); then on a
390 px phone, nothing wider than the screen and nothing cut off, slider targets a finger can
hit; then in the dark colour scheme, every figure and widget drawn exactly as in light mode.
axe-core (vendored for the tests) finds no violation of any impact, light and dark."""
from __future__ import annotations

import functools
import gzip
import json
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml

from .conftest import AXE, ROOT, chapter_files

PAGES = chapter_files()
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
WEIGHT_BUDGET = 2_000_000  # bytes a cold visit transfers (README: Page weight and speed)
RAW_TEX = ["$$", "\\begin{", "\\frac", "\\mathbf", "\\partial", "\\sum"]

# The text a reader sees, without code cells and the MathJax output itself.
VISIBLE_PROSE = """() => {
  const main = document.querySelector('main') || document.body;
  const copy = main.cloneNode(true);
  copy.querySelectorAll('pre, code, script, style, mjx-container, .cell_input').forEach(e => e.remove());
  return copy.innerText;
}"""


# axe-core with its default rule set, nothing disabled, nothing excluded, every impact
# (minor to critical); only the violations are written up in detail (resultTypes: every rule
# still runs on every element).
AXE_RUN = """() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
  .map(v => ({rule: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => n.html.slice(0, 160))})))"""


# Display equations wider than the text column (the TeX of each, shortened), and MathJax's
# errors. At desktop width (the tests' 1200 px viewport is the narrowest column: both
# sidebars shown) every display equation must fit; on a phone one may be wider, if it
# scrolls rather than being cut off.
# (were the page typeset a second time, MathJax's list would also hold the hidden MathML
# copies it keeps for screen readers: those are skipped)
DISPLAY_MATH = """mode => [...MathJax.startup.document.math]
  .filter(m => m.display && !m.typesetRoot.closest('mjx-assistive-mml')).filter(m => {
  const box = m.typesetRoot, set = box.firstElementChild.getBoundingClientRect();
  if (box.querySelector('mjx-merror')) return true;
  const column = box.closest('section, article').getBoundingClientRect();
  if (set.left >= column.left - 1 && set.right <= Math.min(column.right, innerWidth) + 1) return false;
  if (mode === 'fits') return true;
  for (let e = box; e && e.tagName !== 'ARTICLE'; e = e.parentElement) {
    const o = getComputedStyle(e).overflowX;
    if ((o === 'auto' || o === 'scroll') && e.scrollWidth > e.clientWidth + 1) return false;
  }
  return true;
}).map(m => (m.typesetRoot.querySelector('mjx-merror') ? 'MathJax error: ' : '') + m.math.slice(0, 90))"""
PHONE = {"width": 390, "height": 844}

# On a phone: the page's width, and what sticks out of the screen without a box of its own
# that scrolls (cut off by the theme's clipping, or widening the page).
STICKS_OUT = """() => { const W = document.documentElement.clientWidth, out = [];
  const scrolls = e => { for (let p = e.parentElement; p && p.tagName !== 'ARTICLE'; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if ((o === 'auto' || o === 'scroll') && p.scrollWidth > p.clientWidth + 1) return true; }
    return false; };
  for (const e of document.querySelectorAll(
      'article mjx-container, article code, article img, article table, article pre, article .mathcalc-player')) {
    if (e.closest('mjx-assistive-mml')) continue;
    const r = e.getBoundingClientRect();
    if (r.width > 0 && (r.right > W + 1 || r.left < -1) && !scrolls(e))
      out.push(e.tagName.toLowerCase() + ': ' + (e.textContent || e.getAttribute('alt') || '').slice(0, 70));
  }
  return {width: document.documentElement.scrollWidth, out: out}; }"""

# Controls of a widget smaller than 24 x 24 CSS px (WCAG 2.2, 2.5.8 target size).
SMALL_TARGETS = """() => [...document.querySelectorAll('input.mathcalc-slider, button.mathcalc-play')]
  .map(e => e.getBoundingClientRect()).filter(r => r.width < 24 || r.height < 24)
  .map(r => `${r.width.toFixed(0)} x ${r.height.toFixed(0)}`)"""

# In dark mode: images of cell outputs the theme would still dim or set on its grey card.
DIMMED = """() => [...document.querySelectorAll('.bd-content div.cell_output img')].filter(i => {
  const s = getComputedStyle(i), card = s.backgroundColor;
  return s.filter !== 'none' || parseFloat(s.paddingLeft) > 0 ||
         !(card === 'rgba(0, 0, 0, 0)' || card === 'rgb(255, 255, 255)'); }).map(i => i.alt.slice(0, 60))"""


# Each player's layout, and the size on screen of the smallest text of its picture: the size
# its frames were drawn with (data-font-px, in the frame's pixels) times the frame's width
# on screen over its drawn width.
WIDGET_TEXT = """() => [...document.querySelectorAll('.mathcalc-player[data-font-px]')].map(p => {
  const img = p.querySelector('img.mathcalc-frame');
  return {layout: p.dataset.layout, alt: img.alt.slice(0, 50), complete: img.complete && img.naturalWidth > 0,
          px: parseFloat(p.dataset.fontPx) * img.getBoundingClientRect().width / img.naturalWidth}; })"""
MIN_TEXT_PX = 9


def widget_text(page, layout: str) -> list[dict]:
    """The players once each shows ``layout`` with its images loaded (a change of width
    switches the frames), and their smallest text on screen."""
    page.wait_for_function(f"() => [...document.querySelectorAll('.mathcalc-player')].every(p => "
                           f"p.dataset.layout === '{layout}' && [...p.querySelectorAll('img')]"
                           f".every(i => i.complete && i.naturalWidth > 0))", timeout=20000)
    return page.evaluate(WIDGET_TEXT)


def assert_widget_text_readable(page, layout: str) -> None:
    small = [w for w in widget_text(page, layout) if w["px"] < MIN_TEXT_PX]
    assert not small, f"{layout} widgets whose smallest text is under {MIN_TEXT_PX} px on screen: {small}"


def axe_violations(page) -> list[dict]:
    """axe-core's violations, of any impact, on the page as it stands."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN)


def set_scheme(page, scheme: str) -> None:
    """The reader's system colour scheme; the theme (mode auto) follows it at once."""
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function(f"document.documentElement.dataset.theme === '{scheme}'", timeout=5000)


def player_pictures(page) -> list[bytes]:
    """A screenshot of each player's picture (its stack of frames), as PNG bytes, each
    whole on the screen and clear of the theme's sticky header: the screen is made as
    tall as the tallest picture meanwhile (its width, and so the layout, unchanged)."""
    boxes = page.locator(".mathcalc-player .mathcalc-frames")
    screen = page.viewport_size
    tallest = max([boxes.nth(k).bounding_box()["height"] for k in range(boxes.count())], default=0)
    page.set_viewport_size({"width": screen["width"], "height": max(screen["height"], int(tallest) + 200)})
    shots = []
    for k in range(boxes.count()):
        box = boxes.nth(k)
        box.evaluate("e => e.scrollIntoView({block: 'center'})")
        shots.append(box.screenshot(animations="disabled"))
    page.set_viewport_size(screen)
    return shots


@functools.lru_cache(maxsize=None)
def _served_size(path: Path) -> int:
    """A file's size as GitHub Pages serves it: text gzip-compressed, the rest as it is."""
    body = path.read_bytes()
    text = path.suffix in (".html", ".js", ".css", ".json", ".svg", ".ttf")
    return len(gzip.compress(body, 6)) if text else len(body)


def served_bytes(responses, html_root: Path) -> int:
    """What the page costs over the network when served as GitHub Pages serves it: text
    gzip-compressed, fonts and images as they are (scripts/page_weight.py measures the same
    way with a gzip server, and times the pages too). Each response that the local server
    answered from a file of the build is measured on that file (the same bytes, without
    copying each body out of the browser)."""
    total = 0
    for request in responses:
        response = request.response()
        if response is None or not response.ok or request.url.startswith("data:"):
            continue
        url = urlparse(request.url)
        path = html_root / unquote(url.path).lstrip("/")
        if url.hostname in LOCAL_HOSTS and path.is_file():
            total += _served_size(path)
            continue
        body = response.body()
        text = url.path.endswith((".html", ".js", ".css", ".json", ".svg", ".ttf"))
        total += len(gzip.compress(body, 6)) if text else len(body)
    return total


class PageVisit:
    """Loads one page and records what went wrong on the way."""

    def __init__(self, browser, url: str, typeset_all: bool = True):
        self.context = browser.new_context(viewport={"width": 1200, "height": 900})
        self.page = self.context.new_page()
        self.external, self.errors = [], []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(
            f"HTTP {r.status} for {r.url}"))
        self.responses = []
        self.page.on("requestfinished", lambda r: self.responses.append(r))
        self.page.route("**/*", self._route)
        self.page.goto(url, wait_until="load")
        if self.page.locator('script[src*="mathjax"]').count():  # pages with math
            self.page.wait_for_function(
                "window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=20000)
            # resolves once MathJax's own first typeset of the page is done (typesetting
            # it again would also typeset the hidden MathML copies kept for screen readers);
            # then every equation off the screen too (the book typesets those lazily, as a
            # reader scrolls: the checks measure every one), and mathcalc.js has refitted
            self.page.evaluate("""all => MathJax.startup.promise
              .then(() => all && MathJax.startup.document.lazyTypesetAll && MathJax.startup.document.lazyTypesetAll())
              .then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))""",
                               typeset_all)

    def _route(self, route):
        url = urlparse(route.request.url)
        if url.scheme in ("file", "data", "blob", "about") or url.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.external.append(route.request.url)
            route.abort()

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser):
    visits = []

    def _open(url, typeset_all=True):
        v = PageVisit(browser, url, typeset_all)
        visits.append(v)
        return v

    yield _open
    for v in visits:
        v.close()


@pytest.mark.parametrize("page_file", PAGES)
def test_page_renders_offline(visit, base_url, html_root, page_file):
    v = visit(f"{base_url}/{page_file}.html")
    page = v.page
    n_math = page.locator("mjx-container").count()
    assert n_math > 0, "no math typeset by MathJax on the page"
    prose = page.evaluate(VISIBLE_PROSE)
    leftover = [t for t in RAW_TEX if t in prose]
    assert not leftover, f"raw TeX left in the page text: {leftover}"
    broken = page.evaluate("""() => [...document.querySelectorAll('main img')]
        .filter(i => i.offsetParent !== null && !(i.complete && i.naturalWidth > 0))
        .map(i => i.src.slice(0, 80))""")
    assert not broken, f"images that did not load: {broken}"
    assert not v.external, f"requests that left the machine: {v.external}"
    assert not v.errors, f"console errors: {v.errors}"
    levels = page.evaluate("""() => [...document.querySelectorAll(
        ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map(h => 'main article ' + h).join(', '))]
        .map(h => Number(h.tagName[1]))""")
    assert levels and levels[0] == 1 and levels.count(1) == 1, f"not one leading h1: {levels}"
    skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert not skips, f"heading levels skip: {skips}"
    # (a layered widget's lower layers are decorative: aria-hidden, empty alt; its top
    # frame describes the whole picture)
    undescribed = page.evaluate("""() => [...document.querySelectorAll('main img')]
        .filter(i => i.getAttribute('aria-hidden') !== 'true')
        .filter(i => !i.alt || i.alt.includes('_images/') || /\\.(png|svg|jpe?g)$/.test(i.alt))
        .map(i => (i.alt || i.src).slice(0, 80))""")
    assert not undescribed, f"figures without a real alt text: {undescribed}"
    page.evaluate("document.fonts.ready.then(() => true)")  # fonts load after first layout
    weight = served_bytes(v.responses, html_root)
    assert weight <= WEIGHT_BUDGET, (f"{weight / 1e6:.2f} MB over the network, "
                                     f"budget {WEIGHT_BUDGET / 1e6:g} MB")
    too_wide = page.evaluate(DISPLAY_MATH, "fits")
    assert not too_wide, f"display equations wider than the column at desktop width: {too_wide}"
    # on the page as the reader has it (math typeset, widgets wired)
    violations = axe_violations(page)
    assert not violations, f"axe-core, light: {json.dumps(violations, indent=1)}"
    if page_file in widget_pages():
        assert_widget_text_readable(page, "wide")
        every_slider_changes_its_figure(page, page_file)
    if page_file in layered_pages():
        each_slider_switches_exactly_its_layers(page, page_file)
    # a phone: the widgets switch to the frames drawn for it
    page.set_viewport_size(PHONE)
    # the theme makes a box that now scrolls focusable once the resize settles (300 ms)
    page.wait_for_function("() => [...document.querySelectorAll('pre, .pst-scrollable-table-container')]"
                           ".every(e => e.scrollWidth <= e.clientWidth || e.tabIndex === 0)", timeout=5000)
    if page_file in widget_pages():
        assert_widget_text_readable(page, "narrow")
        assert_in_step(settled(page.locator(".mathcalc-player").first), f"{page_file} on a phone")
    cut_off = page.evaluate(DISPLAY_MATH, "scrolls")
    assert not cut_off, f"display equations cut off on a phone: {cut_off}"
    sticks_out = page.evaluate(STICKS_OUT)
    assert sticks_out["width"] <= PHONE["width"], f"the page is {sticks_out['width']} px wide on a phone"
    assert not sticks_out["out"], f"cut off on a phone: {sticks_out['out']}"
    small = page.evaluate(SMALL_TARGETS)
    assert not small, f"slider or button targets under 24 x 24 px: {small}"
    # dark mode (on the phone): figures and widgets drawn as in light mode, pixel for pixel
    light = player_pictures(page)
    set_scheme(page, "dark")
    dimmed = page.evaluate(DIMMED)
    assert not dimmed, f"figures dimmed or on a grey card in dark mode: {dimmed}"
    dark = player_pictures(page)
    for k, (a, b) in enumerate(zip(light, dark)):
        assert a == b, f"player {k}: its picture in dark mode differs from light mode"
    violations = axe_violations(page)
    assert not violations, f"axe-core, dark: {json.dumps(violations, indent=1)}"
    assert not v.errors, f"console errors: {v.errors}"


@pytest.mark.parametrize("page_file", PAGES)
def test_page_from_disk_makes_no_external_request(visit, html_root, page_file):
    v = visit((html_root / f"{page_file}.html").as_uri(), typeset_all=False)  # what loads at first
    assert not v.external, f"requests that left the machine: {v.external}"
    assert v.page.locator("mjx-container").count() > 0


def widget_pages() -> list[str]:
    from .conftest import HTML
    pages = []
    for f in PAGES:
        path = HTML / f"{f}.html"
        if path.exists() and 'class="mathcalc-player"' in path.read_text():
            pages.append(f)
    return pages


# What a player shows: the alt text of its visible frame, the slider readouts, and which
# frames are visible (exactly one must be).
PLAYER_STATE = """player => {
  const shown = [...player.querySelectorAll('img.mathcalc-frame')].filter(i => i.offsetParent !== null);
  return {alts: shown.map(i => i.alt), complete: shown.every(i => i.complete && i.naturalWidth > 0),
          names: [...player.querySelectorAll('.mathcalc-name')].map(n => n.textContent),
          values: [...player.querySelectorAll('output.mathcalc-value')].map(o => o.textContent),
          valuetexts: [...player.querySelectorAll('input.mathcalc-slider')].map(i => i.getAttribute('aria-valuetext'))};
}"""


def settled(player, script=None, timeout_ms=5000):
    """The player's state once its shown images have loaded: a layered player swaps an
    <img>'s source, and a data: URI still loads asynchronously (a few ms)."""
    script = script or PLAYER_STATE
    for _ in range(timeout_ms // 50):
        state = player.evaluate(script)
        if state["complete"]:
            return state
        player.page.wait_for_timeout(50)
    return state


def assert_in_step(state, where):
    """Exactly one frame shows, and it is the one the sliders name."""
    assert len(state["alts"]) == 1 and state["complete"], f"{where}: frames shown {state}"
    named = ", ".join(f"{n} = {v}" for n, v in zip(state["names"], state["values"]))
    assert state["alts"][0].endswith(f"({named})"), f"{where}: frame and sliders differ {state}"
    assert state["valuetexts"] == state["values"], f"{where}: aria-valuetext stale {state}"


def test_the_book_has_players_and_no_widget_manager(html_root):
    """Widgets are plain-HTML players: no page carries the widget manager or a copy of
    the widget state, nor the theme's Font Awesome script (PAGE_WEIGHT in the README)."""
    assert len(widget_pages()) >= 7
    for f in PAGES:
        text = (html_root / f"{f}.html").read_text()
        for heavy in ("embed-amd.js", "require.js", "application/vnd.jupyter.widget-state+json",
                      "fontawesome.js"):
            assert heavy not in text, f"{f}: still loads {heavy}"


def every_slider_changes_its_figure(page, page_file):
    """Each slider, moved with the keyboard, shows another precomputed frame, the one its
    readouts name (compared by the visible image's alt text, which names the values)."""
    page.wait_for_selector(".mathcalc-player[data-ready]", timeout=20000)
    sliders = page.locator("input.mathcalc-slider")
    assert sliders.count() > 0, "no slider on a page with widgets"
    for k in range(sliders.count()):
        slider = sliders.nth(k)
        slider.scroll_into_view_if_needed()
        player = slider.locator("xpath=ancestor::div[contains(@class,'mathcalc-player')]")
        before = settled(player)
        assert_in_step(before, f"slider {k} on {page_file}, at start")
        slider.focus()
        page.keyboard.press("ArrowRight")  # at the last value it cannot move right:
        after = settled(player)
        if after["alts"] == before["alts"]:
            page.keyboard.press("ArrowLeft")
            page.keyboard.press("ArrowLeft")
            after = settled(player)
        assert after["alts"] != before["alts"], f"slider {k} on {page_file} did not change its figure"
        assert_in_step(after, f"slider {k} on {page_file}, moved")


@pytest.mark.parametrize("page_file", [p for p in widget_pages() if p.endswith("training")])
def test_play_advances_the_animation_and_pauses(visit, base_url, page_file):
    v = visit(f"{base_url}/{page_file}.html")
    page = v.page
    play = page.locator("button.mathcalc-play").first
    play.wait_for(timeout=20000)
    play.scroll_into_view_if_needed()
    player = play.locator("xpath=ancestor::div[contains(@class,'mathcalc-player')]")
    before = player.evaluate(PLAYER_STATE)
    play.click()
    assert play.get_attribute("aria-pressed") == "true" and play.inner_text() == "Pause"
    page.wait_for_timeout(1500)
    play.click()  # pause
    assert play.get_attribute("aria-pressed") == "false" and play.inner_text() == "Play"
    paused = player.evaluate(PLAYER_STATE)
    assert paused["alts"] != before["alts"], "Play did not advance the animation"
    assert_in_step(paused, "after Play")
    page.wait_for_timeout(1000)
    assert player.evaluate(PLAYER_STATE) == paused, "the animation went on after Pause"
    assert not v.errors, f"console errors: {v.errors}"


def test_rapid_keys_leave_slider_and_frame_in_step(visit, base_url):
    """Holding an arrow key: the frame shown is still the one the sliders name."""
    v = visit(f"{base_url}/book/introduction.html")
    page = v.page
    slider = page.locator("input.mathcalc-slider").first
    slider.wait_for(timeout=20000)
    slider.scroll_into_view_if_needed()
    slider.focus()
    for key in ["ArrowRight", "ArrowLeft", "ArrowLeft", "ArrowRight", "ArrowLeft"] * 5:
        page.keyboard.press(key)
    player = slider.locator("xpath=ancestor::div[contains(@class,'mathcalc-player')]")
    state = player.evaluate(PLAYER_STATE)
    assert_in_step(state, "after rapid keys")
    assert state["names"][0] == "w" and state["values"][0] == "-1.5"  # five steps left of 1
    assert not v.errors, f"console errors: {v.errors}"


def test_theme_icons_draw_from_the_web_font(visit, base_url):
    """Without the Font Awesome script the theme's icons come from its CSS web fonts: the
    header's icons must have a glyph (a ::before with content, in a loaded font)."""
    v = visit(f"{base_url}/book/introduction.html")
    page = v.page
    page.evaluate("document.fonts.ready")
    icons = page.evaluate("""() => [...document.querySelectorAll('.article-header-buttons i, .header-article-items i')]
        .filter(i => i.offsetParent !== null)
        .map(i => { const s = getComputedStyle(i, '::before');
                    return {cls: i.className, content: s.content, font: s.fontFamily,
                            width: i.getBoundingClientRect().width}; })""")
    assert len(icons) >= 3, icons
    for icon in icons:
        assert icon["content"] not in ("none", "normal", "") and "Font Awesome" in icon["font"], icon
        assert icon["width"] > 4, icon
    assert page.evaluate("""() => document.fonts.check('900 16px "Font Awesome 6 Free"')""")
    assert not v.errors, f"console errors: {v.errors}"


def test_one_search_field_and_no_empty_top_bar(visit, base_url):
    """The theme pair put a second search field in an otherwise empty full-width bar at
    the top of every page (book/_ext/clean_pages.py turns it off)."""
    v = visit(f"{base_url}/book/introduction.html")
    fields = v.page.evaluate("""() => [...document.querySelectorAll('.search-button-field')]
        .filter(b => b.getBoundingClientRect().width > 0).length""")
    assert fields == 1, f"{fields} search fields visible"
    header = v.page.evaluate("""() => { const h = document.querySelector('#pst-header');
        return h ? h.getBoundingClientRect().height : 0; }""")
    assert header < 8, f"a top bar {header}px tall above the article header"


@pytest.mark.parametrize("page_file", [p for p in PAGES if (ROOT / f"{p}.ipynb").exists()])
def test_chapter_offers_its_notebook_and_launch_links(html_root, page_file):
    """The .ipynb download is the chapter's own notebook, and Binder (in JupyterLab) and
    Colab open it from the repository named once in _config.yml."""
    html = (html_root / f"{page_file}.html").read_text()
    assert f'href="../_sources/{page_file}.ipynb"' in html
    served = json.loads((html_root / "_sources" / f"{page_file}.ipynb").read_text())
    source = json.loads((ROOT / f"{page_file}.ipynb").read_text())
    assert [c["source"] for c in served["cells"]] == [c["source"] for c in source["cells"]]
    repo = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]
    slug = repo["url"].removeprefix("https://github.com/")
    assert (f'href="https://mybinder.org/v2/gh/{slug}/{repo["branch"]}?urlpath=lab/tree/'
            f'{page_file}.ipynb"') in html
    assert (f'href="https://colab.research.google.com/github/{slug}/blob/{repo["branch"]}/'
            f'{page_file}.ipynb"') in html


def layered_pages() -> list[str]:
    from .conftest import HTML
    return [f for f in widget_pages() if 'class="mathcalc-layer-data"' in (HTML / f"{f}.html").read_text()]


# Per layer of a layered player: the sliders it depends on and the src of each visible image.
LAYERS_STATE = """player => {
  const data = player.querySelector('script.mathcalc-layer-data');  // in the book, in a file
  const spec = data.dataset.key ? window.mathcalcFrames[data.dataset.key] : JSON.parse(data.textContent);
  const box = player.querySelector('.mathcalc-frames');
  return {dims: spec.layers.map(l => l.dims),
          shown: spec.layers.map((_, k) => [...box.querySelectorAll(`img[data-layer="${k}"]`)]
                 .filter(i => i.offsetParent !== null).map(i => i.src)),
          complete: [...box.querySelectorAll('img')].every(i => i.complete && i.naturalWidth > 0),
          caption: player.querySelector('.mathcalc-caption').textContent,
          alt: [...player.querySelectorAll('img.mathcalc-frame')].filter(i => i.offsetParent !== null)[0].alt};
}"""


def test_layered_pages_are_the_neuron_chapters():
    assert {"book/neuron-gradient", "book/loss-gradient-weights",
            "book/loss-gradient-bias"} <= set(layered_pages())


def each_slider_switches_exactly_its_layers(page, page_file):
    """Keyboard moves of each slider of a layered widget: every layer shows one loaded
    image; the layers that depend on the slider change, the others stay; the caption is
    the top frame's alt text."""
    page.wait_for_selector(".mathcalc-player[data-ready]", timeout=20000)
    player = page.locator(".mathcalc-player:has(script.mathcalc-layer-data)").first
    sliders = player.locator("input.mathcalc-slider")
    assert sliders.count() == 3
    for k in range(3):
        slider = sliders.nth(k)
        slider.scroll_into_view_if_needed()
        before = settled(player, LAYERS_STATE)
        slider.focus()
        page.keyboard.press("ArrowLeft")
        after = settled(player, LAYERS_STATE)
        for state in (before, after):
            assert state["complete"], f"{page_file}: an image did not load"
            assert all(len(s) == 1 for s in state["shown"]), f"{page_file}: {state['shown']}"
            assert state["caption"] == state["alt"]
        for dims, b, a in zip(before["dims"], before["shown"], after["shown"]):
            assert (a != b) == (k in dims), f"slider {k}, layer over {dims} on {page_file}"


def test_axe_run_reports_what_it_finds(browser):
    """The axe-core run the page tests use finds a missing alt text and text too faint to
    read (in the page's colours), with the offending elements."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content('<html lang="en"><head><title>t</title></head><body><main><h1>t</h1>'
                     '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
                     '<p style="color:#bbb;background:#fff">faint text</p></main></body></html>')
    found = {v["rule"]: v["nodes"] for v in axe_violations(page)}
    context.close()
    assert "image-alt" in found and "<img" in found["image-alt"][0]
    assert "color-contrast" in found and "faint text" in found["color-contrast"][0]
