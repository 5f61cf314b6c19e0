//! The index written as files: shards of terms and postings, rows of results, facets and
//! `meta.js`. The one file that changes together with `themes/default/static/search.js`.

use std::collections::BTreeMap;

use std::fmt::Write as _;

use rayon::prelude::*;

use crate::config::Vocab;
use crate::output::{OutData, OutFile};

use super::*;

/// The terms and aliases of one shard file.
pub(super) type ShardFile<'a> = (Vec<&'a Term>, Vec<(&'a str, &'a str)>);

/// The part of a split bucket a term is in: FNV-1a of the whole term.
pub fn part_of(term: &str, parts: usize) -> usize {
    if parts <= 1 {
        return 0;
    }
    let mut h: u32 = 0x811c_9dc5;
    for c in term.chars() {
        h = (h ^ c as u32).wrapping_mul(16_777_619);
    }
    (h as usize) % parts
}

/// Characters needed to write numbers below `n` in base 64.
pub(super) fn chars_for(n: usize) -> usize {
    let mut w = 1;
    while 64usize.pow(w as u32) < n {
        w += 1;
    }
    w
}

pub(super) const B64: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Writes `v` as base-64 digits of 5 bits, low first, the sixth bit saying "more follows".
pub(super) fn vlq(s: &mut String, mut v: u32) {
    loop {
        let d = (v & 31) as usize;
        v >>= 5;
        if v == 0 {
            s.push(B64[d] as char);
            return;
        }
        s.push(B64[d | 32] as char);
    }
}

pub(super) fn push_json_str(s: &mut String, text: &str) {
    s.push('"');
    for c in text.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            // Line and paragraph separators end a line in old JavaScript parsers.
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(s, "\\u{:04x}", c as u32);
            }
            c => s.push(c),
        }
    }
    s.push('"');
}

/// BM25 scores of one language's postings, quantised against the highest.
struct Scoring {
    /// Number of documents.
    n: f32,
    /// Per document, BM25's length term `K1 * (1 - B + B * len / avgdl)`, worked out once and
    /// kept dense: every posting reads its document's, and reading it from the documents
    /// themselves (a few hundred bytes apart) missed the cache on most postings of a large
    /// library.
    norms: Vec<f32>,
    max: f32,
}

impl Scoring {
    fn new(index: &LangIndex) -> Self {
        let n = index.docs.len();
        let total_len: f64 = index.docs.iter().map(|d| d.len as f64).sum();
        let avgdl = if n == 0 {
            1.0
        } else {
            (total_len / n as f64).max(1.0) as f32
        };
        let norms = index
            .docs
            .iter()
            .map(|d| K1 * (1.0 - B + B * d.len as f32 / avgdl))
            .collect();
        let mut scoring = Scoring {
            n: n as f32,
            norms,
            max: 1.0,
        };
        let max = index
            .terms
            .par_iter()
            .flat_map_iter(|t| {
                let idf = scoring.idf(t);
                let scoring = &scoring;
                t.postings.iter().map(move |p| scoring.score(idf, p))
            })
            .reduce(|| 0.0f32, f32::max)
            .max(f32::MIN_POSITIVE);
        scoring.max = max;
        scoring
    }

    /// The inverse document frequency is the term's, worked out once for all its postings.
    fn idf(&self, t: &Term) -> f32 {
        let df = t.postings.len() as f32;
        (1.0 + (self.n - df + 0.5) / (df + 0.5)).ln()
    }

    fn score(&self, idf: f32, p: &Posting) -> f32 {
        let tf = f32::from(p.tf);
        idf * tf * (K1 + 1.0) / (tf + self.norms[p.doc as usize])
    }

    /// A posting's score as one base-64 digit, 1 to 63.
    fn quantised(&self, idf: f32, p: &Posting) -> u8 {
        ((self.score(idf, p) / self.max) * 63.0)
            .round()
            .clamp(1.0, 63.0) as u8
    }
}

/// About what a term will weigh in its shard: its key, and two or three characters per
/// posting.
fn weight(t: &Term) -> usize {
    t.text.len() + 6 + t.postings.len() * if t.bigram { 3 } else { 2 }
}

/// How the terms are cut into shard files.
struct Shards<'a> {
    /// Each file's name and contents.
    files: Vec<(String, ShardFile<'a>)>,
    /// How many buckets of term keys there are.
    buckets: usize,
    /// Into how many parts each bucket is cut.
    parts: Vec<usize>,
}

impl LangIndex {
    /// The files of this language's index, under `<prefix>search/`, in shards of about
    /// `shard_bytes`.
    pub(super) fn files(&self, shard_bytes: usize) -> Vec<OutFile> {
        let scoring = Scoring::new(self);
        let shards = self.shards(shard_bytes);
        let mut out: Vec<(String, String)> = shards
            .files
            .into_par_iter()
            .map(|(name, (terms, aliases))| {
                let text = self.shard_text(&name, terms, &aliases, &scoring);
                (name, text)
            })
            .collect();
        // Rows of the results, a few cases per file.
        out.extend(self.docs.chunks(CHUNK).enumerate().map(|(k, docs)| {
            let rows: Vec<&Row> = docs.iter().map(|d| &d.row).collect();
            let json = serde_json::to_string(&rows).unwrap_or_else(|_| "[]".into());
            (format!("d{k}"), format!("CBS.put(\"d{k}\",{json});\n"))
        }));
        let layout = self.facet_layout();
        out.push(("f".into(), self.facets_file(&layout)));
        // One fingerprint for the whole index keeps the meta file small (it would otherwise
        // list one per file); any change renames every file, which a deploy does rarely.
        let mut h = blake3::Hasher::new();
        for (_, text) in &out {
            h.update(text.as_bytes());
        }
        let generation = h.finalize().to_hex()[..10].to_owned();
        let dir = format!("{}search/", self.prefix);
        let mut files: Vec<OutFile> = out
            .into_iter()
            .map(|(name, text)| OutFile {
                path: format!("{dir}{FINGERPRINTED}{name}.{generation}.js"),
                data: OutData::Bytes(text.into_bytes()),
            })
            .collect();
        let meta = self.meta(&generation, shards.buckets, &shards.parts, &layout);
        files.push(OutFile {
            path: format!("{dir}meta.js"),
            data: OutData::Bytes(format!("CBS.put(\"meta\",{meta});\n").into_bytes()),
        });
        files
    }

    /// Terms go to the bucket of their key (so a prefix's expansions share one); a bucket
    /// much larger than the target is cut into parts by the whole term, so that looking up
    /// one term fetches one part, and only prefix queries fetch them all.
    fn shards(&self, shard_bytes: usize) -> Shards<'_> {
        let live: Vec<&Term> = self
            .terms
            .iter()
            .filter(|t| !t.postings.is_empty())
            .collect();
        let bytes: usize = live.iter().map(|t| weight(t)).sum();
        let buckets = bytes.div_ceil(shard_bytes).clamp(1, 4096);
        let mut by_bucket: Vec<Vec<&Term>> = vec![Vec::new(); buckets];
        for t in live {
            by_bucket[shard_of(&t.text, buckets)].push(t);
        }
        let parts: Vec<usize> = by_bucket
            .iter()
            .map(|ts| {
                let b: usize = ts.iter().map(|t| weight(t)).sum();
                if b > shard_bytes * 3 / 2 {
                    b.div_ceil(shard_bytes)
                } else {
                    1
                }
            })
            .collect();
        let mut alias_bucket: Vec<Vec<(&str, &str)>> = vec![Vec::new(); buckets];
        // Sorted, so that a shard lists its aliases in the same order on every build.
        let mut aliases: Vec<&(Box<str>, Box<str>)> = self.aliases.keys().collect();
        aliases.sort_unstable();
        for (key, stem) in aliases {
            if self
                .ids
                .get(stem)
                .is_some_and(|&id| !self.terms[id as usize].postings.is_empty())
            {
                alias_bucket[shard_of(key, buckets)].push((key, stem));
            }
        }
        let mut files: Vec<(String, ShardFile)> = Vec::new();
        for (b, ts) in by_bucket.into_iter().enumerate() {
            let k = parts[b];
            let mut split: Vec<ShardFile> = vec![(Vec::new(), Vec::new()); k];
            for t in ts {
                split[part_of(&t.text, k)].0.push(t);
            }
            for &(key, stem) in &alias_bucket[b] {
                split[part_of(key, k)].1.push((key, stem));
            }
            for (j, (ts, al)) in split.into_iter().enumerate() {
                let name = if k == 1 {
                    format!("s{b}")
                } else {
                    format!("s{b}-{j}")
                };
                files.push((name, (ts, al)));
            }
        }
        Shards {
            files,
            buckets,
            parts,
        }
    }

    /// One shard file: its terms in three groups, each with its postings (document gaps and
    /// quantised scores), then its aliases.
    fn shard_text(
        &self,
        name: &str,
        mut terms: Vec<&Term>,
        aliases: &[(&str, &str)],
        scoring: &Scoring,
    ) -> String {
        let n = self.docs.len();
        terms.sort_unstable_by(|a, b| a.text.cmp(&b.text));
        let mut s = format!("CBS.put(\"{name}\",{{");
        // Bigrams with position masks; bigrams in more than a third of the cases, whose masks
        // would be nearly full and cost a third of their bytes, without; other terms.
        let group = |t: &Term| match (t.bigram, t.postings.len() * 3 > n) {
            (true, false) => "b",
            (true, true) => "c",
            (false, _) => "t",
        };
        for (g, key) in ["b", "c", "t"].iter().enumerate() {
            if g > 0 {
                s.push_str("},");
            }
            let _ = write!(s, "\"{key}\":{{");
            let masked = *key == "b";
            for (k, t) in terms.iter().filter(|t| group(t) == *key).enumerate() {
                if k > 0 {
                    s.push(',');
                }
                push_json_str(&mut s, &t.text);
                s.push_str(":\"");
                let mut prev: i64 = -1;
                let idf = scoring.idf(t);
                for p in &t.postings {
                    vlq(&mut s, (p.doc as i64 - prev - 1) as u32);
                    prev = p.doc as i64;
                    s.push(B64[scoring.quantised(idf, p) as usize] as char);
                    if masked {
                        s.push(B64[p.mask as usize & 63] as char);
                    }
                }
                s.push('"');
            }
        }
        s.push_str("},\"a\":{");
        for (k, (a, stem)) in aliases.iter().enumerate() {
            if k > 0 {
                s.push(',');
            }
            push_json_str(&mut s, a);
            s.push(':');
            push_json_str(&mut s, stem);
        }
        s.push_str("}});\n");
        s
    }

    /// Per facet, whether a case may have several values and how many characters each case's
    /// values take.
    fn facet_layout(&self) -> Vec<(bool, usize)> {
        Vocab::facets()
            .zip(&self.facet_sizes)
            .map(|((_, voc), &n)| {
                let multi = voc.multi();
                let width = if multi {
                    n.div_ceil(6).max(1)
                } else {
                    chars_for(n + 1)
                };
                (multi, width)
            })
            .collect()
    }

    /// Facets: per case and facet, a bit set (several values) or an index (one value).
    fn facets_file(&self, layout: &[(bool, usize)]) -> String {
        let mut f = String::from("CBS.put(\"f\",\"");
        for d in &self.docs {
            for ((multi, width), values) in layout.iter().zip(&d.facets) {
                if *multi {
                    for c in 0..*width {
                        let mut bits = 0usize;
                        for v in values.iter().map(|v| v.index()) {
                            if v / 6 == c {
                                bits |= 1 << (v % 6);
                            }
                        }
                        f.push(B64[bits] as char);
                    }
                } else {
                    let v = values.first().map_or(0, |v| v.index());
                    for c in (0..*width).rev() {
                        f.push(B64[(v >> (6 * c)) & 63] as char);
                    }
                }
            }
        }
        f.push_str("\");\n");
        f
    }

    /// What the client needs to find the other files.
    fn meta(
        &self,
        generation: &str,
        buckets: usize,
        parts: &[usize],
        layout: &[(bool, usize)],
    ) -> serde_json::Value {
        let split: BTreeMap<String, usize> = parts
            .iter()
            .enumerate()
            .filter(|(_, k)| **k > 1)
            .map(|(b, k)| (b.to_string(), *k))
            .collect();
        // A case page's address around its slug, so the client asks the site's one rule.
        let case = crate::urls::site_file("", &crate::urls::Page::Case { slug: "\u{1}" }.path());
        let (before, after) = case
            .split_once('\u{1}')
            .unwrap_or(("cases/", "/index.html"));
        let facets: Vec<serde_json::Value> = Vocab::facets()
            .zip(layout)
            .zip(&self.facet_sizes)
            .map(|(((name, _), (multi, w)), n)| {
                serde_json::json!({"name": name, "multi": multi, "w": w, "n": n})
            })
            .collect();
        serde_json::json!({
            "format": FORMAT,
            "case": [before, after],
            "lang": self.code,
            "n": self.docs.len(),
            "prefix": self.prefix,
            "v": generation,
            "shards": buckets,
            "split": split,
            "chunk": CHUNK,
            "facets": facets,
            "syn": self.synonyms,
        })
    }
}
