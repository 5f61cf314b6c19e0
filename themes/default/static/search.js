// casebook default theme: search as you type, with facets. The index is a set of script files
// under search/ that register themselves (so it works from file:// with no server); a query
// loads only the shards of its terms and the rows of the results it shows. The format is
// described in casebook's src/search/, which must tokenize exactly as this file does.
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

  // ---- English stemming (as src/search/text.rs stems) ----------------------------------------
  // stemmer: begin
  // The Snowball English (Porter2) stemmer the index uses, translated from rust-stemmers
  // 1.2.0's generated english.rs: a query is stemmed exactly as the index was, so a form the
  // library does not contain ("volunteers") finds what its stem finds. tests/stemmer.rs runs
  // both stemmers over a dictionary of English words and requires the same stem for every one.
// The Snowball runtime over a word's UTF-8 bytes, as rust-stemmers' SnowballEnv works on
// them: cursors are byte offsets, so every step lands where the Rust stemmer's does.
function Env(word) {
  this.b = Array.from(new TextEncoder().encode(word));
  this.cursor = 0;
  this.limit = this.b.length;
  this.limit_backward = 0;
  this.bra = 0;
  this.ket = this.b.length;
}
Env.prototype.boundary = function (i) { return i >= this.b.length || (this.b[i] & 0xC0) !== 0x80; };
Env.prototype.current = function () { return new TextDecoder().decode(Uint8Array.from(this.b)); };
Env.prototype.bytes = function (s) { return Array.from(new TextEncoder().encode(s)); };
Env.prototype.replace_s = function (bra, ket, s) {
  var add = this.bytes(s), adjustment = add.length - (ket - bra);
  this.b = this.b.slice(0, bra).concat(add, this.b.slice(ket));
  this.limit += adjustment;
  if (this.cursor >= ket) { this.cursor += adjustment; } else if (this.cursor > bra) { this.cursor = bra; }
  return adjustment;
};
Env.prototype.startsAt = function (at, s) {
  var t = this.bytes(s);
  if (at < 0 || at + t.length > this.b.length) { return false; }
  for (var i = 0; i < t.length; i++) { if (this.b[at + i] !== t[i]) { return false; } }
  return true;
};
Env.prototype.eq_s = function (s) {
  if (this.cursor >= this.limit) { return false; }
  if (!this.startsAt(this.cursor, s)) { return false; }
  this.cursor += this.bytes(s).length;
  while (!this.boundary(this.cursor)) { this.cursor++; }
  return true;
};
Env.prototype.eq_s_b = function (s) {
  var n = this.bytes(s).length;
  if (this.cursor - this.limit_backward < n) { return false; }
  if (!this.boundary(this.cursor - n) || !this.startsAt(this.cursor - n, s)) { return false; }
  this.cursor -= n;
  return true;
};
Env.prototype.slice_from = function (s) { this.replace_s(this.bra, this.ket, s); return true; };
Env.prototype.slice_del = function () { return this.slice_from(""); };
Env.prototype.insert = function (bra, ket, s) {
  var adjustment = this.replace_s(bra, ket, s);
  if (bra <= this.bra) { this.bra += adjustment; }
  if (bra <= this.ket) { this.ket += adjustment; }
};
Env.prototype.next_char = function () { this.cursor++; while (!this.boundary(this.cursor)) { this.cursor++; } };
Env.prototype.previous_char = function () { this.cursor--; while (!this.boundary(this.cursor)) { this.cursor--; } };
Env.prototype.byte_index_for_hop = function (delta) {
  var res = this.cursor;
  while (delta > 0) { res++; delta--; while (res <= this.b.length && !this.boundary(res)) { res++; } }
  while (delta < 0) { res--; delta++; while (res >= 0 && !this.boundary(res)) { res--; } }
  return res;
};
// The code point that starts at byte `i`.
Env.prototype.charAt = function (i) {
  var b0 = this.b[i];
  if (b0 < 0x80) { return b0; }
  var n = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : 1, c = b0 & (0x3F >> n);
  for (var k = 1; k <= n; k++) { c = (c << 6) | (this.b[i + k] & 0x3F); }
  return c;
};
Env.prototype.inSet = function (chars, min, max, ch) {
  if (ch > max || ch < min) { return false; }
  ch -= min;
  return (chars[ch >> 3] & (1 << (ch & 7))) !== 0;
};
Env.prototype.in_grouping = function (chars, min, max) {
  if (this.cursor >= this.limit) { return false; }
  if (!this.inSet(chars, min, max, this.charAt(this.cursor))) { return false; }
  this.next_char();
  return true;
};
Env.prototype.in_grouping_b = function (chars, min, max) {
  if (this.cursor <= this.limit_backward) { return false; }
  this.previous_char();
  var ch = this.charAt(this.cursor);
  this.next_char();
  if (!this.inSet(chars, min, max, ch)) { return false; }
  this.previous_char();
  return true;
};
Env.prototype.out_grouping = function (chars, min, max) {
  if (this.cursor >= this.limit) { return false; }
  if (!this.inSet(chars, min, max, this.charAt(this.cursor))) { this.next_char(); return true; }
  return false;
};
Env.prototype.out_grouping_b = function (chars, min, max) {
  if (this.cursor <= this.limit_backward) { return false; }
  this.previous_char();
  var ch = this.charAt(this.cursor);
  this.next_char();
  if (!this.inSet(chars, min, max, ch)) { this.previous_char(); return true; }
  return false;
};
// Finds the longest entry of `amongs` (sorted, each [text, longer-than index, result]) that
// the text at the cursor starts with (forwards) or ends with (backwards).
Env.prototype.find_among = function (amongs) { return this.among(amongs, false); };
Env.prototype.find_among_b = function (amongs) { return this.among(amongs, true); };
Env.prototype.among = function (amongs, back) {
  var i = 0, j = amongs.length, c = this.cursor, edge = back ? this.limit_backward : this.limit;
  var common_i = 0, common_j = 0, first = false;
  var keys = amongs.map(function (w) { return w[0]; });
  while (true) {
    var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = keys[k];
    for (var n = common; n < w.length; n++) {
      if ((back ? c - common : c + common) === edge) { diff = -1; break; }
      diff = back ? this.b[c - common - 1] - w.charCodeAt(w.length - 1 - common) : this.b[c + common] - w.charCodeAt(common);
      if (diff !== 0) { break; }
      common++;
    }
    if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
    if (j - i <= 1) {
      if (i > 0 || j === i || first) { break; }
      first = true;
    }
  }
  while (true) {
    var e = amongs[i];
    if (common_i >= e[0].length) {
      this.cursor = back ? c - e[0].length : c + e[0].length;
      return e[2];
    }
    i = e[1];
    if (i < 0) { return 0; }
  }
};

var A_0 = [["arsen", -1, -1], ["commun", -1, -1], ["gener", -1, -1]];
var A_1 = [["'", -1, 1], ["'s'", 0, 1], ["'s", -1, 1]];
var A_2 = [["ied", -1, 2], ["s", -1, 3], ["ies", 1, 2], ["sses", 1, 1], ["ss", 1, -1], ["us", 1, -1]];
var A_3 = [["", -1, 3], ["bb", 0, 2], ["dd", 0, 2], ["ff", 0, 2], ["gg", 0, 2], ["bl", 0, 1], ["mm", 0, 2], ["nn", 0, 2], ["pp", 0, 2], ["rr", 0, 2], ["at", 0, 1], ["tt", 0, 2], ["iz", 0, 1]];
var A_4 = [["ed", -1, 2], ["eed", 0, 1], ["ing", -1, 2], ["edly", -1, 2], ["eedly", 3, 1], ["ingly", -1, 2]];
var A_5 = [["anci", -1, 3], ["enci", -1, 2], ["ogi", -1, 13], ["li", -1, 16], ["bli", 3, 12], ["abli", 4, 4], ["alli", 3, 8], ["fulli", 3, 14], ["lessli", 3, 15], ["ousli", 3, 10], ["entli", 3, 5], ["aliti", -1, 8], ["biliti", -1, 12], ["iviti", -1, 11], ["tional", -1, 1], ["ational", 14, 7], ["alism", -1, 8], ["ation", -1, 7], ["ization", 17, 6], ["izer", -1, 6], ["ator", -1, 7], ["iveness", -1, 11], ["fulness", -1, 9], ["ousness", -1, 10]];
var A_6 = [["icate", -1, 4], ["ative", -1, 6], ["alize", -1, 3], ["iciti", -1, 4], ["ical", -1, 4], ["tional", -1, 1], ["ational", 5, 2], ["ful", -1, 5], ["ness", -1, 5]];
var A_7 = [["ic", -1, 1], ["ance", -1, 1], ["ence", -1, 1], ["able", -1, 1], ["ible", -1, 1], ["ate", -1, 1], ["ive", -1, 1], ["ize", -1, 1], ["iti", -1, 1], ["al", -1, 1], ["ism", -1, 1], ["ion", -1, 2], ["er", -1, 1], ["ous", -1, 1], ["ant", -1, 1], ["ent", -1, 1], ["ment", 15, 1], ["ement", 16, 1]];
var A_8 = [["e", -1, 1], ["l", -1, 2]];
var A_9 = [["succeed", -1, -1], ["proceed", -1, -1], ["exceed", -1, -1], ["canning", -1, -1], ["inning", -1, -1], ["earring", -1, -1], ["herring", -1, -1], ["outing", -1, -1]];
var A_10 = [["andes", -1, -1], ["atlas", -1, -1], ["bias", -1, -1], ["cosmos", -1, -1], ["dying", -1, 3], ["early", -1, 9], ["gently", -1, 7], ["howe", -1, -1], ["idly", -1, 6], ["lying", -1, 4], ["news", -1, -1], ["only", -1, 10], ["singly", -1, 11], ["skies", -1, 2], ["skis", -1, 1], ["sky", -1, -1], ["tying", -1, 5], ["ugly", -1, 8]];
var G_v = [17, 65, 16, 1];
var G_v_WXY = [1, 17, 65, 208, 1];
var G_valid_LI = [55, 141, 2];
function r_prelude(env, context) {
context.b_Y_found = false;
var v_1 = env.cursor;
lab0: while (true) {
env.bra = env.cursor;
if (!env.eq_s("'")) {
break lab0;
}
env.ket = env.cursor;
if (!env.slice_del()) {
return false;
}
break lab0;
}
env.cursor = v_1;
var v_2 = env.cursor;
lab1: while (true) {
env.bra = env.cursor;
if (!env.eq_s("y")) {
break lab1;
}
env.ket = env.cursor;
if (!env.slice_from("Y")) {
return false;
}
context.b_Y_found = true;
break lab1;
}
env.cursor = v_2;
var v_3 = env.cursor;
lab2: while (true) {
replab3: while (true) {
var v_4 = env.cursor;
lab4: for (var once_lab4 = 0; once_lab4 < 1; once_lab4++) {
golab5: while (true) {
var v_5 = env.cursor;
lab6: while (true) {
if (!env.in_grouping(G_v, 97, 121)) {
break lab6;
}
env.bra = env.cursor;
if (!env.eq_s("y")) {
break lab6;
}
env.ket = env.cursor;
env.cursor = v_5;
break golab5;
}
env.cursor = v_5;
if (env.cursor >= env.limit) {
break lab4;
}
env.next_char();
}
if (!env.slice_from("Y")) {
return false;
}
context.b_Y_found = true;
continue replab3;
}
env.cursor = v_4;
break replab3;
}
break lab2;
}
env.cursor = v_3;
return true;
}
function r_mark_regions(env, context) {
context.i_p1 = env.limit;
context.i_p2 = env.limit;
var v_1 = env.cursor;
lab0: while (true) {
lab1: while (true) {
var v_2 = env.cursor;
lab2: while (true) {
if (env.find_among(A_0, context) == 0) {
break lab2;
}
break lab1;
}
env.cursor = v_2;
golab3: while (true) {
lab4: while (true) {
if (!env.in_grouping(G_v, 97, 121)) {
break lab4;
}
break golab3;
}
if (env.cursor >= env.limit) {
break lab0;
}
env.next_char();
}
golab5: while (true) {
lab6: while (true) {
if (!env.out_grouping(G_v, 97, 121)) {
break lab6;
}
break golab5;
}
if (env.cursor >= env.limit) {
break lab0;
}
env.next_char();
}
break lab1;
}
context.i_p1 = env.cursor;
golab7: while (true) {
lab8: while (true) {
if (!env.in_grouping(G_v, 97, 121)) {
break lab8;
}
break golab7;
}
if (env.cursor >= env.limit) {
break lab0;
}
env.next_char();
}
golab9: while (true) {
lab10: while (true) {
if (!env.out_grouping(G_v, 97, 121)) {
break lab10;
}
break golab9;
}
if (env.cursor >= env.limit) {
break lab0;
}
env.next_char();
}
context.i_p2 = env.cursor;
break lab0;
}
env.cursor = v_1;
return true;
}
function r_shortv(env, context) {
lab0: while (true) {
var v_1 = env.limit - env.cursor;
lab1: while (true) {
if (!env.out_grouping_b(G_v_WXY, 89, 121)) {
break lab1;
}
if (!env.in_grouping_b(G_v, 97, 121)) {
break lab1;
}
if (!env.out_grouping_b(G_v, 97, 121)) {
break lab1;
}
break lab0;
}
env.cursor = env.limit - v_1;
if (!env.out_grouping_b(G_v, 97, 121)) {
return false;
}
if (!env.in_grouping_b(G_v, 97, 121)) {
return false;
}
if (env.cursor > env.limit_backward) {
return false;
}
break lab0;
}
return true;
}
function r_R1(env, context) {
if (!(context.i_p1 <= env.cursor)) {
return false;
}
return true;
}
function r_R2(env, context) {
if (!(context.i_p2 <= env.cursor)) {
return false;
}
return true;
}
function r_Step_1a(env, context) {
var among_var;
var v_1 = env.limit - env.cursor;
lab0: while (true) {
env.ket = env.cursor;
among_var = env.find_among_b(A_1, context);
if (among_var == 0) {
env.cursor = env.limit - v_1;
break lab0;
}
env.bra = env.cursor;
if (among_var == 0) {
env.cursor = env.limit - v_1;
break lab0;
} else if (among_var == 1) {
if (!env.slice_del()) {
return false;
}
}
break lab0;
}
env.ket = env.cursor;
among_var = env.find_among_b(A_2, context);
if (among_var == 0) {
return false;
}
env.bra = env.cursor;
if (among_var == 0) {
return false;
} else if (among_var == 1) {
if (!env.slice_from("ss")) {
return false;
}
} else if (among_var == 2) {
lab1: while (true) {
var v_2 = env.limit - env.cursor;
lab2: while (true) {
var c = env.byte_index_for_hop(-2);
if (env.limit_backward > c || c > env.limit) {
break lab2;
}
env.cursor = c;
if (!env.slice_from("i")) {
return false;
}
break lab1;
}
env.cursor = env.limit - v_2;
if (!env.slice_from("ie")) {
return false;
}
break lab1;
}
} else if (among_var == 3) {
if (env.cursor <= env.limit_backward) {
return false;
}
env.previous_char();
golab3: while (true) {
lab4: while (true) {
if (!env.in_grouping_b(G_v, 97, 121)) {
break lab4;
}
break golab3;
}
if (env.cursor <= env.limit_backward) {
return false;
}
env.previous_char();
}
if (!env.slice_del()) {
return false;
}
}
return true;
}
function r_Step_1b(env, context) {
var among_var;
env.ket = env.cursor;
among_var = env.find_among_b(A_4, context);
if (among_var == 0) {
return false;
}
env.bra = env.cursor;
if (among_var == 0) {
return false;
} else if (among_var == 1) {
if (!r_R1(env, context)) {
return false;
}
if (!env.slice_from("ee")) {
return false;
}
} else if (among_var == 2) {
var v_1 = env.limit - env.cursor;
golab0: while (true) {
lab1: while (true) {
if (!env.in_grouping_b(G_v, 97, 121)) {
break lab1;
}
break golab0;
}
if (env.cursor <= env.limit_backward) {
return false;
}
env.previous_char();
}
env.cursor = env.limit - v_1;
if (!env.slice_del()) {
return false;
}
var v_3 = env.limit - env.cursor;
among_var = env.find_among_b(A_3, context);
if (among_var == 0) {
return false;
}
env.cursor = env.limit - v_3;
if (among_var == 0) {
return false;
} else if (among_var == 1) {
var c = env.cursor;
var bra = env.cursor, ket = env.cursor;
env.insert(bra, ket, "e");
env.cursor = c;
} else if (among_var == 2) {
env.ket = env.cursor;
if (env.cursor <= env.limit_backward) {
return false;
}
env.previous_char();
env.bra = env.cursor;
if (!env.slice_del()) {
return false;
}
} else if (among_var == 3) {
if (env.cursor != context.i_p1) {
return false;
}
var v_4 = env.limit - env.cursor;
if (!r_shortv(env, context)) {
return false;
}
env.cursor = env.limit - v_4;
var c = env.cursor;
var bra = env.cursor, ket = env.cursor;
env.insert(bra, ket, "e");
env.cursor = c;
}
}
return true;
}
function r_Step_1c(env, context) {
env.ket = env.cursor;
lab0: while (true) {
var v_1 = env.limit - env.cursor;
lab1: while (true) {
if (!env.eq_s_b("y")) {
break lab1;
}
break lab0;
}
env.cursor = env.limit - v_1;
if (!env.eq_s_b("Y")) {
return false;
}
break lab0;
}
env.bra = env.cursor;
if (!env.out_grouping_b(G_v, 97, 121)) {
return false;
}
var v_2 = env.limit - env.cursor;
lab2: while (true) {
if (env.cursor > env.limit_backward) {
break lab2;
}
return false;
}
env.cursor = env.limit - v_2;
if (!env.slice_from("i")) {
return false;
}
return true;
}
function r_Step_2(env, context) {
var among_var;
env.ket = env.cursor;
among_var = env.find_among_b(A_5, context);
if (among_var == 0) {
return false;
}
env.bra = env.cursor;
if (!r_R1(env, context)) {
return false;
}
if (among_var == 0) {
return false;
} else if (among_var == 1) {
if (!env.slice_from("tion")) {
return false;
}
} else if (among_var == 2) {
if (!env.slice_from("ence")) {
return false;
}
} else if (among_var == 3) {
if (!env.slice_from("ance")) {
return false;
}
} else if (among_var == 4) {
if (!env.slice_from("able")) {
return false;
}
} else if (among_var == 5) {
if (!env.slice_from("ent")) {
return false;
}
} else if (among_var == 6) {
if (!env.slice_from("ize")) {
return false;
}
} else if (among_var == 7) {
if (!env.slice_from("ate")) {
return false;
}
} else if (among_var == 8) {
if (!env.slice_from("al")) {
return false;
}
} else if (among_var == 9) {
if (!env.slice_from("ful")) {
return false;
}
} else if (among_var == 10) {
if (!env.slice_from("ous")) {
return false;
}
} else if (among_var == 11) {
if (!env.slice_from("ive")) {
return false;
}
} else if (among_var == 12) {
if (!env.slice_from("ble")) {
return false;
}
} else if (among_var == 13) {
if (!env.eq_s_b("l")) {
return false;
}
if (!env.slice_from("og")) {
return false;
}
} else if (among_var == 14) {
if (!env.slice_from("ful")) {
return false;
}
} else if (among_var == 15) {
if (!env.slice_from("less")) {
return false;
}
} else if (among_var == 16) {
if (!env.in_grouping_b(G_valid_LI, 99, 116)) {
return false;
}
if (!env.slice_del()) {
return false;
}
}
return true;
}
function r_Step_3(env, context) {
var among_var;
env.ket = env.cursor;
among_var = env.find_among_b(A_6, context);
if (among_var == 0) {
return false;
}
env.bra = env.cursor;
if (!r_R1(env, context)) {
return false;
}
if (among_var == 0) {
return false;
} else if (among_var == 1) {
if (!env.slice_from("tion")) {
return false;
}
} else if (among_var == 2) {
if (!env.slice_from("ate")) {
return false;
}
} else if (among_var == 3) {
if (!env.slice_from("al")) {
return false;
}
} else if (among_var == 4) {
if (!env.slice_from("ic")) {
return false;
}
} else if (among_var == 5) {
if (!env.slice_del()) {
return false;
}
} else if (among_var == 6) {
if (!r_R2(env, context)) {
return false;
}
if (!env.slice_del()) {
return false;
}
}
return true;
}
function r_Step_4(env, context) {
var among_var;
env.ket = env.cursor;
among_var = env.find_among_b(A_7, context);
if (among_var == 0) {
return false;
}
env.bra = env.cursor;
if (!r_R2(env, context)) {
return false;
}
if (among_var == 0) {
return false;
} else if (among_var == 1) {
if (!env.slice_del()) {
return false;
}
} else if (among_var == 2) {
lab0: while (true) {
var v_1 = env.limit - env.cursor;
lab1: while (true) {
if (!env.eq_s_b("s")) {
break lab1;
}
break lab0;
}
env.cursor = env.limit - v_1;
if (!env.eq_s_b("t")) {
return false;
}
break lab0;
}
if (!env.slice_del()) {
return false;
}
}
return true;
}
function r_Step_5(env, context) {
var among_var;
env.ket = env.cursor;
among_var = env.find_among_b(A_8, context);
if (among_var == 0) {
return false;
}
env.bra = env.cursor;
if (among_var == 0) {
return false;
} else if (among_var == 1) {
lab0: while (true) {
var v_1 = env.limit - env.cursor;
lab1: while (true) {
if (!r_R2(env, context)) {
break lab1;
}
break lab0;
}
env.cursor = env.limit - v_1;
if (!r_R1(env, context)) {
return false;
}
var v_2 = env.limit - env.cursor;
lab2: while (true) {
if (!r_shortv(env, context)) {
break lab2;
}
return false;
}
env.cursor = env.limit - v_2;
break lab0;
}
if (!env.slice_del()) {
return false;
}
} else if (among_var == 2) {
if (!r_R2(env, context)) {
return false;
}
if (!env.eq_s_b("l")) {
return false;
}
if (!env.slice_del()) {
return false;
}
}
return true;
}
function r_exception2(env, context) {
env.ket = env.cursor;
if (env.find_among_b(A_9, context) == 0) {
return false;
}
env.bra = env.cursor;
if (env.cursor > env.limit_backward) {
return false;
}
return true;
}
function r_exception1(env, context) {
var among_var;
env.bra = env.cursor;
among_var = env.find_among(A_10, context);
if (among_var == 0) {
return false;
}
env.ket = env.cursor;
if (env.cursor < env.limit) {
return false;
}
if (among_var == 0) {
return false;
} else if (among_var == 1) {
if (!env.slice_from("ski")) {
return false;
}
} else if (among_var == 2) {
if (!env.slice_from("sky")) {
return false;
}
} else if (among_var == 3) {
if (!env.slice_from("die")) {
return false;
}
} else if (among_var == 4) {
if (!env.slice_from("lie")) {
return false;
}
} else if (among_var == 5) {
if (!env.slice_from("tie")) {
return false;
}
} else if (among_var == 6) {
if (!env.slice_from("idl")) {
return false;
}
} else if (among_var == 7) {
if (!env.slice_from("gentl")) {
return false;
}
} else if (among_var == 8) {
if (!env.slice_from("ugli")) {
return false;
}
} else if (among_var == 9) {
if (!env.slice_from("earli")) {
return false;
}
} else if (among_var == 10) {
if (!env.slice_from("onli")) {
return false;
}
} else if (among_var == 11) {
if (!env.slice_from("singl")) {
return false;
}
}
return true;
}
function r_postlude(env, context) {
if (!context.b_Y_found) {
return false;
}
replab0: while (true) {
var v_1 = env.cursor;
lab1: for (var once_lab1 = 0; once_lab1 < 1; once_lab1++) {
golab2: while (true) {
var v_2 = env.cursor;
lab3: while (true) {
env.bra = env.cursor;
if (!env.eq_s("Y")) {
break lab3;
}
env.ket = env.cursor;
env.cursor = v_2;
break golab2;
}
env.cursor = v_2;
if (env.cursor >= env.limit) {
break lab1;
}
env.next_char();
}
if (!env.slice_from("y")) {
return false;
}
continue replab0;
}
env.cursor = v_1;
break replab0;
}
return true;
}
function stem(env) {
var context = {b_Y_found: false,
i_p2: 0,
i_p1: 0};
lab0: while (true) {
var v_1 = env.cursor;
lab1: while (true) {
if (!r_exception1(env, context)) {
break lab1;
}
break lab0;
}
env.cursor = v_1;
lab2: while (true) {
var v_2 = env.cursor;
lab3: while (true) {
var c = env.byte_index_for_hop(3);
if (0 > c || c > env.limit) {
break lab3;
}
env.cursor = c;
break lab2;
}
env.cursor = v_2;
break lab0;
}
env.cursor = v_1;
var v_3 = env.cursor;
lab4: while (true) {
if (!r_prelude(env, context)) {
break lab4;
}
break lab4;
}
env.cursor = v_3;
var v_4 = env.cursor;
lab5: while (true) {
if (!r_mark_regions(env, context)) {
break lab5;
}
break lab5;
}
env.cursor = v_4;
env.limit_backward = env.cursor;
env.cursor = env.limit;
var v_5 = env.limit - env.cursor;
lab6: while (true) {
if (!r_Step_1a(env, context)) {
break lab6;
}
break lab6;
}
env.cursor = env.limit - v_5;
lab7: while (true) {
var v_6 = env.limit - env.cursor;
lab8: while (true) {
if (!r_exception2(env, context)) {
break lab8;
}
break lab7;
}
env.cursor = env.limit - v_6;
var v_7 = env.limit - env.cursor;
lab9: while (true) {
if (!r_Step_1b(env, context)) {
break lab9;
}
break lab9;
}
env.cursor = env.limit - v_7;
var v_8 = env.limit - env.cursor;
lab10: while (true) {
if (!r_Step_1c(env, context)) {
break lab10;
}
break lab10;
}
env.cursor = env.limit - v_8;
var v_9 = env.limit - env.cursor;
lab11: while (true) {
if (!r_Step_2(env, context)) {
break lab11;
}
break lab11;
}
env.cursor = env.limit - v_9;
var v_10 = env.limit - env.cursor;
lab12: while (true) {
if (!r_Step_3(env, context)) {
break lab12;
}
break lab12;
}
env.cursor = env.limit - v_10;
var v_11 = env.limit - env.cursor;
lab13: while (true) {
if (!r_Step_4(env, context)) {
break lab13;
}
break lab13;
}
env.cursor = env.limit - v_11;
var v_12 = env.limit - env.cursor;
lab14: while (true) {
if (!r_Step_5(env, context)) {
break lab14;
}
break lab14;
}
env.cursor = env.limit - v_12;
break lab7;
}
env.cursor = env.limit_backward;
var v_13 = env.cursor;
lab15: while (true) {
if (!r_postlude(env, context)) {
break lab15;
}
break lab15;
}
env.cursor = v_13;
break lab0;
}
return true;
}
  function stemWord(word) { var env = new Env(word); stem(env); return env.current(); }
  // stemmer: end

  // ---- Tokenizing (as src/search/ does) ---------------------------------------------------

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
        var word = chars.slice(i, j).join("").slice(0, 40);
        groups.push({ kind: "word", text: word, stem: stemWord(word), prefix: j === chars.length });
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
  // FNV-1a over code points, as src/search/ computes it.
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
      var stem = g.stem, s = exact(stem);
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

  // The shard files a query needs: those of its terms and its words' stems (every part of a
  // bucket for a prefix), then those the stems of longer words a prefix matches are in.
  function shardsFor(idx, groups) {
    var need = new Set(), files = {};
    groups.forEach(function (g) {
      if (g.kind === "run") { g.terms.forEach(function (t) { need.add(idx.partOf(t)); }); }
      else if (g.kind === "char") { idx.partsOf(g.text).forEach(function (k) { need.add(k); }); }
      else {
        need.add(idx.partOf(g.stem));
        if (g.prefix && g.text.length >= 2) { idx.partsOf(g.text).forEach(function (k) { need.add(k); }); }
      }
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
        if (!g.prefix || g.text.length < 2) { return; }
        var stems = [];
        idx.partsOf(g.text).forEach(function (k) {
          var a = files[k] && files[k].a;
          if (!a) { return; }
          for (var key in a) { if (key.startsWith(g.text)) { stems.push(a[key]); } }
        });
        stems.forEach(function (t) { if (!files[idx.partOf(t)]) { more.add(idx.partOf(t)); } });
      });
      return load(more);
    }).then(function () { return files; });
  }

  // Cases in both score maps, their scores added (AND).
  function both(total, s) {
    if (total === null) { return s; }
    var next = new Map();
    total.forEach(function (v, d) { if (s.has(d)) { next.set(d, v + s.get(d)); } });
    return next;
  }

  // The site's synonyms (site.yaml search.synonyms, in meta as normalized groups): each query
  // group that is one word of a group also matches the group's other words, each parsed as a
  // query of its own (never a prefix), scored a little below the word itself.
  function withSynonyms(idx, groups) {
    var syn = idx.m.syn || [];
    groups.forEach(function (g) {
      g.alts = [];
      syn.forEach(function (words) {
        var mine = words.some(function (w) {
          var p = parse(w);
          return p.length === 1 && p[0].kind === g.kind && (p[0].text === g.text || (g.kind === "word" && p[0].stem === g.stem));
        });
        if (!mine) { return; }
        words.forEach(function (w) {
          var p = parse(w);
          p.forEach(function (a) { a.prefix = false; });
          if (!(p.length === 1 && p[0].text === g.text)) { g.alts.push(p); }
        });
      });
    });
    return groups;
  }

  // The other phrasings of a query of several words that is one entry of a synonym group
  // ("old neighbourhood" → "old residential estate"), each parsed, never a prefix.
  function phraseSynonyms(idx, q) {
    var text = parse(q).map(function (g) { return g.text; }).join(" "), out = [];
    (idx.m.syn || []).forEach(function (words) {
      var mine = words.some(function (w) { var p = parse(w); return p.length > 1 && p.map(function (g) { return g.text; }).join(" ") === text; });
      if (!mine) { return; }
      words.forEach(function (w) {
        var p = parse(w);
        p.forEach(function (g) { g.prefix = false; g.alts = []; });
        if (p.map(function (g) { return g.text; }).join(" ") !== text) { out.push(p); }
      });
    });
    return out;
  }

  // Scores of cases matching every group of `groups` (each with its synonyms), or null.
  function matchAll(idx, groups, shards) {
    var total = null;
    groups.forEach(function (g) {
      var s = scoreGroup(idx, g, shards);
      g.alts.forEach(function (alt) { mergeMax(s, matchAll(idx, alt.map(function (h) { h.alts = []; return h; }), shards), 0.9); });
      total = both(total, s);
    });
    return total;
  }

  // Adds to `into` the cases of `from`, their scores times `weight`, where that is more.
  function mergeMax(into, from, weight) {
    (from || new Map()).forEach(function (v, d) { var w = v * weight; if (!(into.get(d) >= w)) { into.set(d, w); } });
  }

  // Pinyin as readers type it: tone marks left out ("cáodiàn" finds what "caodian" finds), and
  // syllables typed apart read as one word too ("bai lin si" as "bailinsi", the way the index
  // holds Chinese names), each scored a little below what was typed.
  var TONES = { "ā": "a", "á": "a", "ǎ": "a", "à": "a", "ē": "e", "é": "e", "ě": "e", "è": "e",
    "ī": "i", "í": "i", "ǐ": "i", "ì": "i", "ō": "o", "ó": "o", "ǒ": "o", "ò": "o",
    "ū": "u", "ú": "u", "ǔ": "u", "ù": "u", "ǖ": "v", "ǘ": "v", "ǚ": "v", "ǜ": "v", "ü": "v" };
  function pinyinForms(q) {
    var out = [], groups = parse(q);
    var plain = normalize(q).replace(/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]/g, function (c) { return TONES[c]; });
    if (plain !== normalize(q)) { out.push(parse(plain)); }
    var words = parse(plain);
    if (words.length > 1 && words.every(function (g) { return g.kind === "word" && /^[a-z]+$/.test(g.text); })) {
      var joined = words.map(function (g) { return g.text; }).join("");
      out.push([{ kind: "word", text: joined, stem: stemWord(joined), prefix: words[words.length - 1].prefix }]);
    }
    out.forEach(function (p) { p.forEach(function (g) { g.alts = []; }); });
    return groups.length ? out : [];
  }

  // Cases matching every group, best first: [[case, score], …]; null for an empty query.
  function query(idx, q) {
    var groups = withSynonyms(idx, parse(q));
    if (!groups.length) { return Promise.resolve(null); }
    var phrases = phraseSynonyms(idx, q).concat(pinyinForms(q));
    var flat = function (lists) { return [].concat.apply([], lists); };
    var all = groups.concat(flat(groups.map(function (g) { return flat(g.alts); })), flat(phrases));
    return shardsFor(idx, all).then(function (shards) {
      var total = matchAll(idx, groups, shards);
      phrases.forEach(function (p) { mergeMax(total, matchAll(idx, p, shards), 0.9); });
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
