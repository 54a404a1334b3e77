/* A narrow screen: an inline formula wider than its line. MathJax 3 does not break lines,
   and the theme clips what overflows the article, so such a formula would be cut off.
   It becomes a block of its own that scrolls sideways (class mathcalc-wide-math, in
   mathcalc.css), measured once MathJax has typeset the page and again on each resize. */
(function () {
  "use strict";
  var INLINE = 'mjx-container[jax="CHTML"]:not([display="true"])';
  function fit() {
    document.querySelectorAll(INLINE).forEach(function (math) {
      if (math.closest("mjx-assistive-mml")) return;
      math.classList.remove("mathcalc-wide-math");
      var line = math.parentElement.closest("p, li, dd, dt, td, th, div, section");
      if (line && math.getBoundingClientRect().width > line.clientWidth + 1) {
        math.classList.add("mathcalc-wide-math");
      }
    });
  }
  var pending = null;
  function refit() {
    if (pending) cancelAnimationFrame(pending);
    pending = requestAnimationFrame(function () { pending = null; fit(); });
  }
  window.addEventListener("load", function () {
    if (!(window.MathJax && MathJax.startup && MathJax.startup.promise)) return;
    MathJax.startup.promise.then(function () {
      fit();
      window.addEventListener("resize", refit);
    });
  });
})();
