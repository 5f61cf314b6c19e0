// casebook default theme: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Course packs: a print button (hidden without JavaScript, where the browser's own print works).
  document.querySelectorAll(".print-button").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });

  // Before/after pairs: the after photo over the before one, revealed by a range input, which
  // brings mouse, touch and keyboard (arrows, Home/End) handling and an accessible name and
  // value. Without JavaScript, and in print, the two photos stand side by side.
  document.querySelectorAll("[data-compare]").forEach(function (fig) {
    var pair = fig.querySelector(".compare-pair");
    if (!pair) { return; }
    var range = document.createElement("input");
    range.type = "range";
    range.min = "0";
    range.max = "100";
    range.value = "50";
    range.className = "compare-range";
    range.setAttribute("aria-label", fig.dataset.label || "Compare");
    var update = function () {
      pair.style.setProperty("--split", range.value + "%");
      range.setAttribute("aria-valuetext", range.value + "%");
    };
    range.addEventListener("input", update);
    pair.after(range);
    // Both photos take the before photo's proportions, so the two layers line up.
    var img = pair.querySelector(".before img");
    if (img && img.getAttribute("width") && img.getAttribute("height")) {
      pair.style.setProperty("--ratio", img.getAttribute("width") + " / " + img.getAttribute("height"));
    }
    fig.classList.add("is-slider");
    update();
  });

  // Practice library: the method links filter the list in place instead of only jumping.
  var filter = document.querySelector(".method-filter");
  if (filter) {
    var groups = document.querySelectorAll(".practice-group");
    var links = filter.querySelectorAll("a[data-method]");
    var show = function (method) {
      groups.forEach(function (g) { g.hidden = method !== "" && g.dataset.method !== method; });
      links.forEach(function (a) {
        if (a.dataset.method === method) { a.setAttribute("aria-current", "true"); } else { a.removeAttribute("aria-current"); }
      });
    };
    links.forEach(function (a) {
      a.addEventListener("click", function (e) {
        e.preventDefault();
        var m = a.getAttribute("aria-current") ? "" : a.dataset.method;
        show(m);
        history.replaceState(null, "", m ? "#m-" + m : location.pathname + location.search);
      });
    });
    var initial = location.hash.replace(/^#m-/, "");
    if (initial && document.getElementById("m-" + initial)) { show(initial); }
  }
})();
