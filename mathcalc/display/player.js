// The player of a kernel-free widget (mathcalc/display/player.py writes its HTML and puts this
// script inside it, so that it works wherever the HTML is shown with scripts: the static
// book, nbviewer, a notebook front end that falls back to text/html). Range inputs index
// each parameter's values. The HTML holds the shown frame as an <img> (one per layer of a
// layered player) and the frames as JSON, in row-major order (the last slider varies
// fastest); moving a slider swaps each layer's <img> source to the frame its sliders name,
// and the top frame's alt text is the caption. Play advances the first slider. Until the
// script runs, the controls are disabled and a note says where they work.
//
// Two layouts: the frames drawn for a desktop column (JSON `mathcalc-frame-data` or
// `mathcalc-layer-data`, null marking the shown frame) and, where the widget has them, the
// frames drawn for a phone (`mathcalc-narrow-data`: every frame, panels stacked, text sized
// for a narrow screen). A screen at most 575.98 px wide shows the narrow ones, others
// the wide ones, switching when the width crosses that line. In the book each JSON sits in a
// file of its own (`data-src`, a script defining window.mathcalcFrames[key]; book/_ext),
// loaded only when its layout is shown. The player reports the layout it shows and the size
// of the smallest text of its frames, in their own pixels (data-layout, data-font-px).
(function (script) {
  "use strict";
  var NARROW = "(max-width: 575.98px)";

  // The JSON of one script element: inline, or from the file its data-src names.
  function load(element, done) {
    if (!element.dataset.src) return done(JSON.parse(element.textContent));
    var key = element.dataset.key, frames = window.mathcalcFrames || {};
    if (frames[key]) return done(frames[key]);
    var tag = document.createElement("script");
    tag.src = element.dataset.src;
    tag.onload = function () { done(window.mathcalcFrames[key]); };
    tag.onerror = function () { done(null); };
    document.head.appendChild(tag);
  }

  // Layers as {dims, frames}: dims null for a one-layer player (all sliders); each frame a
  // URI, or [URI, alt text] for the described layer. A null entry is the shown frame.
  function layersOf(data) {
    return Array.isArray(data) ? [{dims: null, frames: data}] : data.layers;
  }

  function setup(player) {
    var sliders = Array.prototype.slice.call(player.querySelectorAll("input.mathcalc-slider"));
    var box = player.querySelector(".mathcalc-frames");
    var single = player.querySelector("script.mathcalc-frame-data");
    var imgs = single ? [box.querySelector("img.mathcalc-frame")]
      : Array.prototype.slice.call(box.querySelectorAll("img[data-layer]"));
    var caption = player.querySelector(".mathcalc-caption");
    var labels = sliders.map(function (s) { return JSON.parse(s.dataset.labels); });
    var play = player.querySelector("button.mathcalc-play");
    var sources = {wide: single || player.querySelector("script.mathcalc-layer-data"),
                   narrow: player.querySelector("script.mathcalc-narrow-data")};
    var fontPx = {wide: player.dataset.fontPx,
                  narrow: sources.narrow && sources.narrow.dataset.fontPx};
    var layouts = {}, layers = null, shown = null, timer = null;
    // the frames the HTML shows before the script runs: the wide layout's null entries
    var first = imgs.map(function (img, k) {
      return k === imgs.length - 1 ? [img.getAttribute("src"), img.alt] : img.getAttribute("src");
    });

    function indices() {
      return sliders.map(function (slider) { return Number(slider.value); });
    }

    function frameIndex(dims, at) {
      var index = 0;  // row-major over the layer's sliders: the last varies fastest
      (dims || at.map(function (_, k) { return k; })).forEach(function (k) {
        index = index * labels[k].length + at[k];
      });
      return index;
    }

    function show() {
      var at = indices();
      at.forEach(function (i, k) {
        sliders[k].setAttribute("aria-valuetext", labels[k][i]);
        sliders[k].parentNode.querySelector("output").textContent = labels[k][i];
      });
      if (!layers) return;
      layers.forEach(function (layer, k) {
        var entry = layer.frames[frameIndex(layer.dims, at)];
        var uri = typeof entry === "string" ? entry : entry[0];
        if (imgs[k].getAttribute("src") !== uri) imgs[k].src = uri;
        if (k === layers.length - 1) {
          imgs[k].alt = entry[1];
          if (caption) caption.textContent = entry[1];
        }
      });
    }

    // Show `name` ("wide" or "narrow"), loading its frames first if need be.
    function use(name, then) {
      if (!sources[name]) name = "wide";
      if (layouts[name]) {
        layers = layouts[name];
        shown = name;
        player.dataset.layout = name;
        if (fontPx[name]) player.dataset.fontPx = fontPx[name];
        show();
        return then && then();
      }
      if (name === "narrow") {
        return load(sources.narrow, function (data) {
          if (data) layouts.narrow = layersOf(data);
          else sources.narrow = null;  // could not load: the wide frames
          use(data ? name : "wide", then);
        });
      }
      load(sources.wide, function (data) {
        // the frames the HTML showed at first fill the null entries (one per layer)
        layouts.wide = layersOf(data).map(function (layer, k) {
          return {dims: layer.dims, frames: layer.frames.map(function (e) {
            return e === null ? first[k] : e;
          })};
        });
        use(name, then);
      });
    }

    function stop() {
      clearInterval(timer);
      timer = null;
      play.textContent = "Play";
      play.setAttribute("aria-pressed", "false");
    }

    function step() {
      var slider = sliders[0];
      if (Number(slider.value) >= Number(slider.max)) return stop();
      slider.value = Number(slider.value) + 1;
      show();
    }

    var media = window.matchMedia ? window.matchMedia(NARROW) : null;
    function wanted() { return media && media.matches ? "narrow" : "wide"; }

    use(wanted(), function () {
      sliders.forEach(function (slider) {
        slider.addEventListener("input", show);
        slider.disabled = false;
      });
      var note = player.querySelector(".mathcalc-static-note");
      if (note) note.remove();
      if (play) {
        play.disabled = false;
        play.addEventListener("click", function () {
          if (timer) return stop();
          if (Number(sliders[0].value) >= Number(sliders[0].max)) sliders[0].value = 0;
          show();
          timer = setInterval(step, Number(player.dataset.interval) || 400);
          play.textContent = "Pause";
          play.setAttribute("aria-pressed", "true");
        });
      }
      if (media && media.addEventListener) {
        media.addEventListener("change", function () {
          if (wanted() !== shown) use(wanted());
        });
      }
      player.dataset.ready = "true";
    });
  }

  // Its own player when run in place; any player not yet wired when a front end ran the
  // script some other way (document.currentScript is then null or elsewhere).
  var own = script && script.parentElement;
  var players = own && own.classList.contains("mathcalc-player") ? [own]
    : document.querySelectorAll(".mathcalc-player:not([data-ready])");
  Array.prototype.forEach.call(players, function (player) {
    if (!player.dataset.ready && !player.dataset.wiring) {
      player.dataset.wiring = "true";
      setup(player);
    }
  });
})(document.currentScript);
