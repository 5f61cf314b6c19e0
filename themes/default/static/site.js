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

  // Teaching mode on case pages: the page's sections one at a time in large type, for a
  // projector; arrow keys (or the bar's buttons) move, Esc leaves. Without JavaScript the
  // button stays hidden and the page is unchanged.
  var teach = document.querySelector(".teach-button");
  var article = document.querySelector("article.case");
  if (teach && article) {
    teach.hidden = false;
    var slides = Array.prototype.filter.call(article.children, function (el) {
      return el.matches("header.case-head, section") && el.id !== "related";
    });
    var at = 0, bar = null, pos = null, prev = null, next = null;
    var show = function (i) {
      at = Math.max(0, Math.min(slides.length - 1, i));
      slides.forEach(function (s, k) { s.classList.toggle("teach-current", k === at); });
      pos.textContent = (teach.dataset.position || "{n} / {total}").replace("{n}", at + 1).replace("{total}", slides.length);
      prev.disabled = at === 0;
      next.disabled = at === slides.length - 1;
      window.scrollTo(0, 0);
      slides[at].setAttribute("tabindex", "-1");
      slides[at].focus({ preventScroll: true });
    };
    var button = function (label, fn) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.addEventListener("click", fn);
      return b;
    };
    var onKey = function (e) {
      if (e.target.closest && e.target.closest("input, textarea, select")) { return; }
      var moves = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };
      if (e.key === "Escape") { e.preventDefault(); leave(); }
      else if (e.key === "Home") { e.preventDefault(); show(0); }
      else if (e.key === "End") { e.preventDefault(); show(slides.length - 1); }
      else if (moves[e.key]) { e.preventDefault(); show(at + moves[e.key]); }
    };
    var leave = function () {
      document.body.classList.remove("teaching");
      slides.forEach(function (s) { s.classList.remove("teach-current"); s.removeAttribute("tabindex"); });
      if (bar) { bar.remove(); bar = null; }
      document.removeEventListener("keydown", onKey);
      teach.focus();
    };
    teach.addEventListener("click", function () {
      bar = document.createElement("div");
      bar.className = "teach-bar";
      bar.setAttribute("role", "toolbar");
      bar.setAttribute("aria-label", teach.textContent);
      prev = button(teach.dataset.prev || "‹", function () { show(at - 1); });
      next = button(teach.dataset.next || "›", function () { show(at + 1); });
      pos = document.createElement("span");
      pos.setAttribute("aria-live", "polite");
      bar.append(prev, pos, next, button(teach.dataset.exit || "Esc", leave));
      article.appendChild(bar);
      document.body.classList.add("teaching");
      document.addEventListener("keydown", onKey);
      show(0);
    });
  }

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
