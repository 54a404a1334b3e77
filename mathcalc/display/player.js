// The player of a kernel-free widget (mathcalc/display/player.py writes its HTML and puts this
// script inside it, so that it works wherever the HTML is shown with scripts: the static
// book, nbviewer, a notebook front end that falls back to text/html). Range inputs index
// each parameter's values. The HTML holds the shown frame as an <img> and all frames as
// JSON (null for the shown one), in row-major order (the last slider varies fastest); this
// script makes the other <img>s, shows one frame at a time, and Play advances the first
// slider. A layered player stacks several such sets of frames, each over the sliders it
// depends on, in one <img> per layer whose source it swaps, and shows the top frame's alt
// text as the caption. Until it runs, the controls are disabled and a note says where they work.
(function (script) {
  "use strict";

  // Each layer: the sliders it depends on (null: all) and its <img>s, one per combination
  // of their values. A one-layer player keeps its frames as a JSON list; a layered one as
  // {layers: [{dims, frames}]}, the last layer the described frame (URI and alt text),
  // the others decorative (URI only), stacked in order.
  function makeImgs(shown, entries) {
    var imgs = entries.map(function (entry) {
      if (entry === null) return shown;
      var img = shown.cloneNode(false);
      img.src = typeof entry === "string" ? entry : entry[0];
      img.alt = typeof entry === "string" ? "" : entry[1];
      img.hidden = true;
      return img;
    });
    imgs.forEach(function (img) { shown.parentNode.appendChild(img); });  // in order; moves `shown`
    return imgs;
  }

  // A layered player keeps one <img> per layer and swaps its source: hundreds of SVG
  // frames as <img>s would each be parsed up front (seconds on a slow machine).
  function swapLayer(shown, entries) {
    var here = typeof entries.find(function (e) { return e !== null; }) === "string"
      ? shown.src : [shown.src, shown.alt];
    var frames = entries.map(function (e) { return e === null ? here : e; });
    var at = entries.indexOf(null);
    return {
      frames: frames,
      alt: function () { return shown.alt; },
      select: function (index) {
        if (index === at) return;
        var entry = frames[index];
        shown.src = typeof entry === "string" ? entry : entry[0];
        if (typeof entry !== "string") shown.alt = entry[1];
        at = index;
      }
    };
  }

  function toggleLayer(frames) {
    return {
      frames: frames,
      alt: function () { return frames.filter(function (f) { return !f.hidden; })[0].alt; },
      select: function (index) {
        for (var f = 0; f < frames.length; f++) frames[f].hidden = f !== index;
      }
    };
  }

  function makeLayers(player) {
    var box = player.querySelector(".mathcalc-frames");
    var single = player.querySelector("script.mathcalc-frame-data");
    if (single) {
      var layer = toggleLayer(makeImgs(box.querySelector("img.mathcalc-frame"),
                                       JSON.parse(single.textContent)));
      layer.dims = null;
      return [layer];
    }
    var spec = JSON.parse(player.querySelector("script.mathcalc-layer-data").textContent);
    return spec.layers.map(function (data, k) {
      var layer = swapLayer(box.querySelector('img[data-layer="' + k + '"]'), data.frames);
      layer.dims = data.dims;
      return layer;
    });
  }

  function setup(player) {
    var sliders = Array.prototype.slice.call(player.querySelectorAll("input.mathcalc-slider"));
    var layers = makeLayers(player);
    var caption = player.querySelector(".mathcalc-caption");
    var labels = sliders.map(function (s) { return JSON.parse(s.dataset.labels); });
    var play = player.querySelector("button.mathcalc-play");
    var timer = null;

    function show() {
      var at = sliders.map(function (slider, k) {
        var i = Number(slider.value);
        slider.setAttribute("aria-valuetext", labels[k][i]);
        slider.parentNode.querySelector("output").textContent = labels[k][i];
        return i;
      });
      layers.forEach(function (layer) {
        var index = 0;  // row-major over the layer's sliders: the last varies fastest
        (layer.dims || at.map(function (_, k) { return k; })).forEach(function (k) {
          index = index * labels[k].length + at[k];
        });
        layer.select(index);
        if (caption && layer === layers[layers.length - 1]) caption.textContent = layer.alt();
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
    show();
    player.dataset.ready = "true";
  }

  // Its own player when run in place; any player not yet wired when a front end ran the
  // script some other way (document.currentScript is then null or elsewhere).
  var own = script && script.parentElement;
  var players = own && own.classList.contains("mathcalc-player") ? [own]
    : document.querySelectorAll(".mathcalc-player:not([data-ready])");
  Array.prototype.forEach.call(players, function (player) {
    if (!player.dataset.ready) setup(player);
  });
})(document.currentScript);
