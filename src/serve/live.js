// casebook preview: reloads the page after each rebuild and shows build errors over the page.
// Injected by `casebook serve` only; never part of a built site.
(function () {
  "use strict";
  var overlay = null;
  function show(errors, heading) {
    if (!errors || errors.length === 0) {
      if (overlay) { overlay.remove(); overlay = null; }
      return;
    }
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "casebook-errors";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.97);color:#f3f3f3;padding:2rem;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var h = document.createElement("h2");
    h.style.cssText = "color:#ff8a80;font:600 18px/1.4 system-ui,sans-serif;margin:0 0 1rem";
    h.textContent = heading;
    overlay.appendChild(h);
    errors.forEach(function (e) { overlay.appendChild(shown(e)); });
  }
  function el(tag, css, text) {
    var x = document.createElement(tag);
    if (css) x.style.cssText = css;
    if (text != null) x.textContent = text;
    return x;
  }
  // One error: what is wrong, where, its line with the problem marked (carets cannot line up
  // under Chinese text in a browser's fonts), and how to fix it.
  function shown(e) {
    var box = el("section", "background:#111;border-left:4px solid #ff5252;padding:1rem;margin:0 0 1rem");
    box.className = "casebook-error";
    box.appendChild(el("p", "margin:0;color:#ff8a80;font-weight:600;white-space:pre-wrap", e.title));
    if (e.location) box.appendChild(el("p", "margin:.25rem 0;color:#9ecbff", e.location));
    if (e.quote) {
      var pre = el("pre", "margin:.5rem 0;white-space:pre-wrap");
      pre.appendChild(el("span", "color:#888;user-select:none", e.quote.line + " | "));
      pre.appendChild(document.createTextNode(e.quote.before));
      var mark = el("mark", "background:#ff5252;color:#fff;border-radius:2px;padding:0 1px", e.quote.marked || " ");
      pre.appendChild(mark);
      pre.appendChild(document.createTextNode(e.quote.after));
      box.appendChild(pre);
      if (e.label) box.appendChild(el("p", "margin:0 0 .5rem;color:#ff8a80", "↑ " + e.label));
    }
    if (e.hint) box.appendChild(el("p", "margin:0;color:#b9f6ca;white-space:pre-wrap", e.hint));
    return box;
  }
  function swapCss(href) {
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (l) {
      var url = new URL(href, location.href);
      var fresh = l.cloneNode();
      fresh.href = url.href;
      fresh.onload = function () { l.remove(); };
      l.after(fresh);
    });
  }
  var source = new EventSource("/__casebook/events");
  // The errors as they are once connected: a build that ended between this page's load and
  // the connection sent its event to nobody.
  function current() {
    fetch("/__casebook/status").then(function (r) { return r.json(); }).then(function (d) {
      show(d.errors, d.heading);
      document.documentElement.dataset.casebookLive = "connected";
    });
  }
  function here(p) { return p.replace(/index\.html$/, ""); }
  // The dashboard lists the problems itself, and stays where it is: it is made again.
  var dashboard = location.pathname.indexOf("/__casebook/") === 0;
  source.addEventListener("build", function (ev) {
    if (dashboard) { location.reload(); return; }
    var d = JSON.parse(ev.data);
    if (d.errors.length) { show(d.errors, d.heading); return; }
    show([]);
    if (d.css_only && d.css) { swapCss(d.css); return; }
    if (d.page && here(location.pathname) !== here(d.page)) { location.href = d.page; return; }
    location.reload();
  });
  source.onopen = function () {
    if (dashboard) { document.documentElement.dataset.casebookLive = "connected"; return; }
    current();
  };
})();
