// casebook default theme: search as you type, with facets. The index is a set of script files
// under search/ that register themselves (so it works from file:// with no server); a query
// loads only the shards of its terms and the rows of the results it shows. The format is
// described in casebook's src/search.rs, which must tokenize exactly as this file does.
(function () {
  "use strict";
  var CBS = (window.CBS = window.CBS || { d: {}, put: function (k, v) { this.d[k] = v; } });

  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  var VAL = new Int8Array(128);
  for (var i = 0; i < 64; i++) { VAL[B64.charCodeAt(i)] = i; }
  var CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u{20000}-\u{2ffff}]/u;
  var ALNUM = /[\p{Alphabetic}\p{N}]/u;

  // ---- Index files -------------------------------------------------------------------------

  function Index(base) {
    this.base = base;
    this.pending = {};
    this.decoded = new Map();
  }
  // Loads one index file by script tag; resolves with what it registered.
  Index.prototype.file = function (key, name) {
    var self = this;
    if (key in CBS.d) { return Promise.resolve(CBS.d[key]); }
    if (!this.pending[key]) {
      this.pending[key] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = self.base + name;
        s.async = true;
        s.onload = function () { key in CBS.d ? resolve(CBS.d[key]) : reject(new Error(name)); };
        s.onerror = function () { delete self.pending[key]; reject(new Error(name)); };
        document.head.appendChild(s);
      });
    }
    return this.pending[key];
  };
  // The version of the index format this file reads; casebook writes the same number in
  // meta.js (src/search/mod.rs FORMAT). An index of another version is not misread: search
  // reports itself unavailable, and the page's own links still work.
  var FORMAT = 1;
  Index.prototype.meta = function () {
    var self = this;
    return this.file("meta", "meta.js").then(function (m) {
      if (m.format !== FORMAT) { throw new Error("search index format " + m.format); }
      self.m = m;
      return m;
    });
  };
  // Index files are named by key and the index's fingerprint.
  Index.prototype.load = function (key) {
    return this.file(key, "i/" + key + "." + this.m.v + ".js");
  };
  Index.prototype.rows = function (chunk) { return this.load("d" + chunk); };
  Index.prototype.facets = function () { return this.load("f"); };
  // The shard files of the bucket a term's key falls in (several when it was cut in parts).
  Index.prototype.partsOf = function (t) {
    var b = fnv(shardKey(t)) % this.m.shards, k = this.m.split[b], out = [];
    if (!k) { return ["s" + b]; }
    for (var j = 0; j < k; j++) { out.push("s" + b + "-" + j); }
    return out;
  };
  // The one shard file a whole term is in.
  Index.prototype.partOf = function (t) {
    var all = this.partsOf(t);
    return all[all.length > 1 ? fnv(t) % all.length : 0];
  };
  // Postings of a term as parallel arrays: case numbers, scores and position masks.
  // A bigram is in `b` with position masks, or in `c` (common: no masks, so any position may
  // be next to any).
  Index.prototype.postings = function (term, s, bigram) {
    var id = (bigram ? "b" : "t") + term;
    var hit = this.decoded.get(id);
    if (hit) { return hit; }
    var masked = bigram && !!s.b[term];
    var str = (bigram ? s.b[term] || s.c[term] : s.t[term]) || "";
    var docs = [], imp = [], mask = [], doc = -1, k = 0;
    while (k < str.length) {
      var v = 0, shift = 0, c;
      do { c = VAL[str.charCodeAt(k++)]; v |= (c & 31) << shift; shift += 5; } while (c & 32);
      doc += v + 1;
      docs.push(doc);
      imp.push(VAL[str.charCodeAt(k++)]);
      mask.push(masked ? VAL[str.charCodeAt(k++)] : 63);
    }
    hit = { docs: docs, imp: imp, mask: mask };
    this.decoded.set(id, hit);
    return hit;
  };

  // ---- Tokenizing (as src/search.rs does) ---------------------------------------------------

  function normalize(s) { return s.normalize("NFKC").toLowerCase(); }

  // Query groups: a CJK run (its bigrams), one CJK character, or a word (the last one is a
  // prefix while it is being typed).
  function parse(q) {
    var chars = Array.from(normalize(q)), groups = [], i = 0;
    while (i < chars.length) {
      var j = i;
      if (CJK.test(chars[i])) {
        while (j < chars.length && CJK.test(chars[j])) { j++; }
        var run = chars.slice(i, j);
        if (run.length === 1) {
          groups.push({ kind: "char", text: run[0] });
        } else {
          var bigrams = [];
          for (var k = 0; k + 1 < run.length; k++) { bigrams.push(run[k] + run[k + 1]); }
          groups.push({ kind: "run", text: run.join(""), terms: bigrams });
        }
      } else if (ALNUM.test(chars[i])) {
        while (j < chars.length && ALNUM.test(chars[j])) { j++; }
        groups.push({ kind: "word", text: chars.slice(i, j).join("").slice(0, 40), prefix: j === chars.length });
      } else {
        j = i + 1;
      }
      i = j;
    }
    return groups;
  }

  function shardKey(term) {
    var cs = Array.from(term);
    return CJK.test(cs[0]) ? cs[0] : cs.slice(0, 2).join("");
  }
  // FNV-1a over code points, as src/search.rs computes it.
  function fnv(s) {
    var h = 0x811c9dc5;
    for (var c of s) { h = Math.imul(h ^ c.codePointAt(0), 16777619) >>> 0; }
    return h;
  }

  // ---- Ranking ------------------------------------------------------------------------------

  function maxInto(scores, p, weight) {
    for (var k = 0; k < p.docs.length; k++) {
      var s = p.imp[k] * weight, d = p.docs[k];
      if (!(scores.get(d) >= s)) { scores.set(d, s); }
    }
  }
  function rot(m) { return ((m << 1) | (m >> 5)) & 63; }

  // Scores of the cases matching one group, as a Map from case number to score. `files`
  // holds the shard files loaded, by key.
  function scoreGroup(idx, g, files) {
    var scores = new Map(), key, t;
    var exact = function (term) { return files[idx.partOf(term)]; };
    var each = function (text, fn) { idx.partsOf(text).forEach(function (k) { if (files[k]) { fn(files[k]); } }); };
    if (g.kind === "word") {
      var stem = exact(g.text).a[g.text] || g.text, s = exact(stem);
      if (s && s.t[stem]) { maxInto(scores, idx.postings(stem, s, false), 1); }
      // The word being typed also matches longer words (and their stems) that start with it.
      if (g.prefix && g.text.length >= 2) {
        var seen = 0;
        each(g.text, function (f) {
          for (key in f.t) {
            if (key !== stem && key.startsWith(g.text) && seen++ < 64) { maxInto(scores, idx.postings(key, f, false), 0.9); }
          }
          for (key in f.a) {
            t = f.a[key];
            var ts = exact(t);
            if (t !== stem && key.startsWith(g.text) && ts && ts.t[t] && seen++ < 64) { maxInto(scores, idx.postings(t, ts, false), 0.9); }
          }
        });
      }
    } else if (g.kind === "char") {
      var own = exact(g.text);
      if (own.t[g.text]) { maxInto(scores, idx.postings(g.text, own, false), 1); }
      each(g.text, function (f) {
        for (key in f.b) {
          if (key.startsWith(g.text)) { maxInto(scores, idx.postings(key, f, true), 1); }
        }
        for (key in f.c) {
          if (key.startsWith(g.text)) { maxInto(scores, idx.postings(key, f, true), 1); }
        }
      });
    } else {
      // A CJK run: every case with at least half its bigrams, scored by how many it has,
      // doubled when the position masks say they stand next to each other as typed.
      var lists = g.terms.map(function (term) { return idx.postings(term, exact(term), true); });
      var acc = new Map();
      lists.forEach(function (pl, j) {
        for (var k = 0; k < pl.docs.length; k++) {
          var a = acc.get(pl.docs[k]);
          if (!a) { a = { sum: 0, count: 0, masks: new Array(lists.length).fill(0) }; acc.set(pl.docs[k], a); }
          a.sum += pl.imp[k];
          a.count++;
          a.masks[j] = pl.mask[k];
        }
      });
      var need = Math.ceil(lists.length / 2);
      acc.forEach(function (a, d) {
        if (a.count < need) { return; }
        var score = (a.sum * a.count) / lists.length;
        if (a.count === lists.length) {
          var m = a.masks[0];
          for (var j = 1; j < a.masks.length && m; j++) { m = rot(m) & a.masks[j]; }
          if (m) { score *= 2; }
        }
        scores.set(d, score);
      });
    }
    return scores;
  }

  // The shard files a query needs: those of its terms (every part of a bucket for a prefix),
  // then those its words' stems are in.
  function shardsFor(idx, groups) {
    var need = new Set(), files = {};
    groups.forEach(function (g) {
      if (g.kind === "run") { g.terms.forEach(function (t) { need.add(idx.partOf(t)); }); }
      else if (g.kind === "char" || (g.prefix && g.text.length >= 2)) { idx.partsOf(g.text).forEach(function (k) { need.add(k); }); }
      else { need.add(idx.partOf(g.text)); }
    });
    var load = function (set) {
      return Promise.all(Array.from(set).map(function (k) {
        return idx.load(k).then(function (s) { files[k] = s; });
      }));
    };
    return load(need).then(function () {
      var more = new Set();
      groups.forEach(function (g) {
        if (g.kind !== "word") { return; }
        var stems = [];
        idx.partsOf(g.text).forEach(function (k) {
          var a = files[k] && files[k].a;
          if (!a) { return; }
          if (a[g.text]) { stems.push(a[g.text]); }
          if (g.prefix) { for (var key in a) { if (key.startsWith(g.text)) { stems.push(a[key]); } } }
        });
        stems.forEach(function (t) { if (!files[idx.partOf(t)]) { more.add(idx.partOf(t)); } });
      });
      return load(more);
    }).then(function () { return files; });
  }

  // Cases matching every group, best first: [[case, score], …]; null for an empty query.
  function query(idx, q) {
    var groups = parse(q);
    if (!groups.length) { return Promise.resolve(null); }
    return shardsFor(idx, groups).then(function (shards) {
      var total = null;
      groups.forEach(function (g) {
        var s = scoreGroup(idx, g, shards);
        if (total === null) { total = s; return; }
        var next = new Map();
        total.forEach(function (v, d) { if (s.has(d)) { next.set(d, v + s.get(d)); } });
        total = next;
      });
      return Array.from(total).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    });
  }

  // ---- Facets -------------------------------------------------------------------------------

  // The values of facet `f` (its layout in meta) for case `d`, as vocabulary positions.
  function facetValues(m, table, d, f) {
    var list = m.facets, width = 0, off = 0, k;
    for (k = 0; k < list.length; k++) { width += list[k].w; if (k < f) { off += list[k].w; } }
    var at = d * width + off, out = [];
    var fl = list[f];
    if (fl.multi) {
      for (k = 0; k < fl.w; k++) {
        var bits = VAL[table.charCodeAt(at + k)];
        for (var b = 0; b < 6; b++) { if (bits & (1 << b)) { out.push(k * 6 + b); } }
      }
    } else {
      var v = 0;
      for (k = 0; k < fl.w; k++) { v = v * 64 + VAL[table.charCodeAt(at + k)]; }
      out.push(v);
    }
    return out;
  }

  // Filters `hits` by the selected facet values (AND across facets, OR within one) and counts,
  // for every value, the cases it would give with the other facets' selections.
  function applyFacets(m, table, hits, selected) {
    var list = m.facets, counts = list.map(function (f) { return new Array(f.n).fill(0); });
    var kept = [];
    hits.forEach(function (h) {
      var values = list.map(function (_, f) { return facetValues(m, table, h[0], f); });
      var pass = values.map(function (vs, f) {
        var sel = selected[f];
        return !sel.length || vs.some(function (v) { return sel.indexOf(v) >= 0; });
      });
      var failures = pass.filter(function (p) { return !p; }).length;
      if (!failures) { kept.push(h); }
      values.forEach(function (vs, f) {
        if (failures === 0 || (failures === 1 && !pass[f])) { vs.forEach(function (v) { counts[f][v]++; }); }
      });
    });
    return { hits: kept, counts: counts };
  }

  // ---- Showing results ----------------------------------------------------------------------

  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // What to mark in titles and excerpts: whole CJK runs where they occur, else their bigrams;
  // words from their start.
  function highlighter(q) {
    var parts = [];
    parse(q).forEach(function (g) {
      if (g.kind === "run") { parts.push(escapeRe(g.text)); g.terms.forEach(function (t) { parts.push(escapeRe(t)); }); }
      else if (g.kind === "char") { parts.push(escapeRe(g.text)); }
      else { parts.push("\\b" + escapeRe(g.text)); }
    });
    return parts.length ? new RegExp(parts.join("|"), "giu") : null;
  }
  function marked(text, re) {
    var frag = document.createDocumentFragment(), last = 0;
    if (re) {
      text.replace(re, function (m, at) {
        if (!m) { return m; }
        frag.appendChild(document.createTextNode(text.slice(last, at)));
        var mk = document.createElement("mark");
        mk.textContent = m;
        frag.appendChild(mk);
        last = at + m.length;
        return m;
      });
    }
    frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }

  function resultItem(idx, root, row, re) {
    var li = document.createElement("li");
    li.className = "result";
    var a = document.createElement("a");
    a.href = root + idx.m.prefix + idx.m["case"][0] + row[0] + idx.m["case"][1];
    a.className = "result-title";
    a.appendChild(marked(row[1], re));
    li.appendChild(a);
    var place = document.createElement("p");
    place.className = "result-place";
    place.textContent = row[2];
    li.appendChild(place);
    var ex = document.createElement("p");
    ex.className = "result-excerpt";
    ex.appendChild(marked(row[3], re));
    li.appendChild(ex);
    return li;
  }

  // Rows of the given cases, in order.
  function rowsOf(idx, docs) {
    var chunk = idx.m.chunk;
    var chunks = Array.from(new Set(docs.map(function (d) { return Math.floor(d / chunk); })));
    return Promise.all(chunks.map(function (c) { return idx.rows(c); })).then(function () {
      return docs.map(function (d) { return CBS.d["d" + Math.floor(d / chunk)][d % chunk]; });
    });
  }

  function countText(form, n, q) {
    if (!n) { return (form.dataset.tNone || "").replace("{q}", q); }
    return n === 1 ? form.dataset.tCountOne : (form.dataset.tCount || "").replace("{n}", String(n));
  }

  // Runs `fn` (which returns a promise) at once, and while it runs remembers only that the
  // input changed again: results follow every keystroke without queueing stale searches.
  function coalesce(fn) {
    var busy = false, again = false;
    return function go() {
      if (busy) { again = true; return; }
      busy = true;
      Promise.resolve(fn()).catch(function () {}).then(function () {
        busy = false;
        if (again) { again = false; go(); }
      });
    };
  }

  // ---- The library page: query, facets, live counts, URL state -----------------------------

  function library(form) {
    var idx = new Index(form.dataset.search), root = form.dataset.root;
    var input = form.querySelector("input[type=search]");
    var panel = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var list = panel.querySelector(".result-list");
    var more = panel.querySelector(".search-more");
    var staticList = document.querySelector(".results");
    var links = document.querySelector("nav.facets");
    var fieldsets = Array.from(form.querySelectorAll("fieldset[data-param]"));
    var params = fieldsets.map(function (f) { return f.dataset.param; });
    var shown = 0, current = [], run = 0, re = null, lastPush = 0;
    form.hidden = false;
    if (links) { links.hidden = true; }

    function selected() {
      return fieldsets.map(function (fs) {
        return Array.from(fs.querySelectorAll("input:checked")).map(function (c) { return Number(c.dataset.i); });
      });
    }
    function fromUrl() {
      var u = new URLSearchParams(location.search);
      input.value = u.get("q") || "";
      fieldsets.forEach(function (fs, f) {
        var want = u.getAll(params[f]);
        fs.querySelectorAll("input").forEach(function (c) { c.checked = want.indexOf(c.value) >= 0; });
      });
    }
    function toUrl(push) {
      var u = new URLSearchParams();
      if (input.value.trim()) { u.set("q", input.value.trim()); }
      fieldsets.forEach(function (fs, f) {
        fs.querySelectorAll("input:checked").forEach(function (c) { u.append(params[f], c.value); });
      });
      var s = u.toString(), url = location.pathname + (s ? "?" + s : "");
      if (url === location.pathname + location.search) { return; }
      // Typing replaces the entry it started; a pause, or a facet, makes a new one for Back.
      var now = Date.now();
      if (push && now - lastPush > 1500) { history.pushState(null, "", url); } else { history.replaceState(null, "", url); }
      lastPush = now;
    }
    function showMore(fresh) {
      var next = current.slice(shown, shown + (shown ? 20 : 10)), mine = run;
      shown += next.length;
      return rowsOf(idx, next.map(function (h) { return h[0]; })).then(function (rows) {
        if (mine !== run) { return; }
        if (fresh === true) { list.textContent = ""; }
        more.hidden = shown >= current.length;
        rows.forEach(function (row) { if (row) { list.appendChild(resultItem(idx, root, row, re)); } });
      });
    }
    function setCounts(counts) {
      fieldsets.forEach(function (fs, f) {
        fs.querySelectorAll("input").forEach(function (c) {
          var n = counts[f][Number(c.dataset.i)] || 0;
          c.closest("label").querySelector(".count").textContent = String(n);
          c.closest("label").classList.toggle("empty", n === 0 && !c.checked);
        });
      });
    }
    function update(push) {
      var mine = ++run, q = input.value, sel = selected();
      var active = q.trim() !== "" || sel.some(function (s) { return s.length; });
      toUrl(push);
      return idx.meta().then(function (m) {
        return Promise.all([query(idx, q), idx.facets()]).then(function (r) {
          if (mine !== run) { return; }
          var hits = r[0] || Array.from({ length: m.n }, function (_, d) { return [d, 0]; });
          var res = applyFacets(m, r[1], hits, sel);
          setCounts(res.counts);
          panel.hidden = !active;
          if (staticList) { staticList.hidden = active; }
          if (!active) { return; }
          current = res.hits;
          shown = 0;
          re = highlighter(q);
          // The count is announced once the first results are in place.
          return showMore(true).then(function () {
            if (mine === run) { status.textContent = countText(form, current.length, q.trim()); }
          });
        });
      }).catch(function () {
        if (mine !== run) { return; }
        panel.hidden = false;
        status.textContent = form.dataset.tError || "";
        if (links) { links.hidden = false; }
      });
    }

    var typed = coalesce(function () { return update(true); });
    input.addEventListener("input", typed);
    form.addEventListener("change", function (e) { if (e.target.type === "checkbox") { update(true); } });
    form.addEventListener("submit", function (e) { e.preventDefault(); update(true); });
    form.addEventListener("reset", function () { setTimeout(function () { update(true); }, 0); });
    more.addEventListener("click", function () { showMore(false); });
    window.addEventListener("popstate", function () { fromUrl(); update(false); });
    fromUrl();
    if (location.search) { update(false); }
  }

  // ---- The header of every other page: the first results under the box ---------------------

  function header(form) {
    var idx = new Index(form.dataset.search), root = form.dataset.root;
    var input = form.querySelector("input[type=search]");
    var pop = form.querySelector(".search-pop");
    var status = pop.querySelector(".search-status");
    var list = pop.querySelector(".result-list");
    var all = pop.querySelector(".search-all-link a");
    var base = all.getAttribute("href"), run = 0;
    form.hidden = false;

    var update = coalesce(function () {
      var mine = ++run, q = input.value;
      if (!q.trim()) { pop.hidden = true; return; }
      return idx.meta().then(function () { return query(idx, q); }).then(function (hits) {
        if (mine !== run) { return; }
        hits = hits || [];
        return rowsOf(idx, hits.slice(0, 6).map(function (h) { return h[0]; })).then(function (rows) {
          if (mine !== run) { return; }
          var re = highlighter(q);
          list.textContent = "";
          rows.forEach(function (row) { if (row) { list.appendChild(resultItem(idx, root, row, re)); } });
          status.textContent = countText(form, hits.length, q.trim());
          all.href = base + "?q=" + encodeURIComponent(q.trim());
          all.parentNode.hidden = hits.length <= 6;
          pop.hidden = false;
        });
      }).catch(function () {
        if (mine !== run) { return; }
        status.textContent = form.dataset.tError || "";
        list.textContent = "";
        pop.hidden = false;
      });
    });
    input.addEventListener("input", update);
    input.addEventListener("focus", function () { if (input.value.trim()) { update(); } });
    form.addEventListener("keydown", function (e) {
      // The first Escape closes the results and keeps the text; a second one clears it.
      if (e.key === "Escape" && !pop.hidden) { e.preventDefault(); pop.hidden = true; input.focus(); }
    });
    document.addEventListener("click", function (e) { if (!form.contains(e.target)) { pop.hidden = true; } });
  }

  var lib = document.getElementById("library-search");
  if (lib) { library(lib); }
  document.querySelectorAll("form.site-search").forEach(header);
})();
