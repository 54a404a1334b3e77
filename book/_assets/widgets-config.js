// Loaded between require.js and the widget manager (embed-amd.js), on pages with widgets.
(function () {
  // 1. The widget manager finds its fonts and chunks next to the AMD module that asked for
  //    them; point those module names at the local copy (scripts/vendor_js.py), wherever
  //    this page sits in the site, so nothing is requested from a CDN.
  var src = document.currentScript.src;
  var base = src.slice(0, src.lastIndexOf("/") + 1) + "vendor/html-manager";
  window.require.config({
    paths: { "@jupyter-widgets/html-manager/dist": base, "@jupyter-widgets": base },
  });
  // 2. ipywidgets typesets widget labels through the MathJax 2 API (MathJax.Hub.Queue);
  //    the page runs MathJax 3. A two-line bridge, added once MathJax 3 has replaced its
  //    configuration object (before DOMContentLoaded: its script is deferred).
  document.addEventListener("DOMContentLoaded", function () {
    var mj = window.MathJax;
    if (!mj || mj.Hub) return;
    mj.Hub = {
      Queue: function (job) {
        var element = Array.isArray(job) ? job[2] : null;
        if (element && mj.startup) {
          mj.startup.promise.then(function () { return mj.typesetPromise([element]); });
        }
      },
    };
  });
})();
