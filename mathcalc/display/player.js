// The player of a kernel-free widget (mathcalc/player.py writes its HTML and puts this
// script inside it, so that it works wherever the HTML is shown with scripts: the static
// book, nbviewer, a notebook front end that falls back to text/html). Range inputs index
// each parameter's values. The HTML holds the shown frame as an <img> and all frames as
// JSON (null for the shown one), in row-major order (the last slider varies fastest); this
// script makes the other <img>s, shows one frame at a time, and Play advances the first
// slider. Until it runs, the controls are disabled and a note says where they work.
(function (script) {
  "use strict";

  function makeFrames(player) {
    var box = player.querySelector(".mathcalc-frames");
    var shown = box.querySelector("img.mathcalc-frame");
    var data = JSON.parse(player.querySelector("script.mathcalc-frame-data").textContent);
    var frames = data.map(function (entry) {
      if (entry === null) return shown;
      var img = document.createElement("img");
      img.className = "mathcalc-frame";
      img.src = entry[0];
      img.alt = entry[1];
      img.hidden = true;
      return img;
    });
    frames.forEach(function (img) { box.appendChild(img); });  // in order; moves `shown`
    return frames;
  }

  function setup(player) {
    var sliders = Array.prototype.slice.call(player.querySelectorAll("input.mathcalc-slider"));
    var frames = makeFrames(player);
    var labels = sliders.map(function (s) { return JSON.parse(s.dataset.labels); });
    var play = player.querySelector("button.mathcalc-play");
    var timer = null;

    function show() {
      var index = 0;
      sliders.forEach(function (slider, k) {
        var i = Number(slider.value);
        index = index * labels[k].length + i;
        slider.setAttribute("aria-valuetext", labels[k][i]);
        slider.parentNode.querySelector("output").textContent = labels[k][i];
      });
      for (var f = 0; f < frames.length; f++) frames[f].hidden = f !== index;
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
