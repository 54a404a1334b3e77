/* A narrow screen: an inline formula wider than its line. MathJax 3 does not break lines,
   and the theme clips what overflows the article, so such a formula would be cut off.
   It becomes a block of its own that scrolls sideways (class mathcalc-wide-math, in
   mathcalc.css). Measured once MathJax has typeset the page, again whenever it typesets
   more (off-screen formulas are typeset as they scroll into view: MathJax's ui/lazy), and
   on each resize. */
(function () {
  "use strict";
  var INLINE = 'mjx-container[jax="CHTML"]:not([display="true"])';
  function fit() {
    var wide = [];
    document.querySelectorAll(INLINE).forEach(function (math) {  // measure first ...
      if (math.closest("mjx-assistive-mml")) return;
      var line = math.parentElement.closest("p, li, dd, dt, td, th, div, section");
      wide.push([math, !!line && math.scrollWidth > line.clientWidth + 1]);
    });
    wide.forEach(function (m) { m[0].classList.toggle("mathcalc-wide-math", m[1]); });  // ... then set
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
      var article = document.querySelector("article") || document.body;
      new MutationObserver(function (changes) {
        for (var i = 0; i < changes.length; i++) {
          if (changes[i].target.closest && changes[i].target.closest("mjx-container")) return refit();
          for (var j = 0; j < changes[i].addedNodes.length; j++) {
            var node = changes[i].addedNodes[j];
            if (node.nodeType === 1 && (node.matches("mjx-container") || node.querySelector("mjx-container"))) return refit();
          }
        }
      }).observe(article, {childList: true, subtree: true});
    });
  });
})();
