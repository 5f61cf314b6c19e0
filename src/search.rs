//! The search index: cases tokenized (CJK character bigrams, stemmed words), scored with BM25
//! at build time and cut into shards that the browser loads with `<script>` tags. Pure: makes
//! files, writes none.
//!
//! No static-search crate fits: they need a server, or cannot segment Chinese in the browser,
//! or ship the whole index to every reader. The format here is small enough to read on a slow
//! phone: a query fetches the shards of its terms and the rows of the results it shows.
//!
//! Format (mirrored by `themes/default/static/search.js`):
//! - `meta.js`: counts, the index's fingerprint, shard layout, facet layout. Not fingerprinted
//!   (it names the fingerprinted files, which are in `i/`), so hosts revalidate it.
//! - `i/s<n>.<v>.js` (or `i/s<n>-<part>.<v>.js` when bucket `n` is cut in parts): the terms
//!   whose key (first character of a CJK term, first two characters of a word) hashes to
//!   bucket `n`: `{b: bigrams, c: common bigrams (no masks), t: other terms, a: aliases}`.
//!   Each term maps to its postings: per case, the gap to the previous case number (VLQ),
//!   the BM25 score quantized to 1–63 and, for bigrams, a 6-bit mask of positions mod 6 that
//!   tells whether two bigrams stand next to each other.
//! - `i/d<k>.<v>.js`: rows of `CHUNK` cases (slug, title, place, excerpt) to show results.
//! - `i/f.<v>.js`: every case's facet values as fixed-width characters, for live counts.

use std::collections::BTreeMap;
#[cfg(test)]
use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::fmt::Write as _;

use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

use crate::config::{Config, Lang, Vocab};
use crate::model::{Case, Library};
use crate::output::{OutData, OutFile};

/// Folder of the fingerprinted files, apart from `meta.js` so hosts can cache it forever.
pub const FINGERPRINTED: &str = "i/";
/// Cases per row chunk: a result list of ten fetches at most ten small files.
pub const CHUNK: usize = 8;
/// Target size of a shard in bytes; the shard count follows from the index size.
const SHARD_BYTES: usize = 12 * 1024;
/// Longest excerpt, in characters.
const EXCERPT: usize = 90;
/// BM25 parameters (the usual ones).
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Field weights: a term in a title or a practice's name counts most.
#[derive(Clone, Copy)]
enum Field {
    Title = 6,
    PracticeName = 5,
    Place = 4,
    Tag = 3,
    Summary = 2,
    Text = 1,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Two adjacent CJK characters.
    Bigram,
    /// The last character of a CJK run (so one-character queries find it).
    Unigram,
    /// A stemmed word of letters or digits.
    Word,
}

/// The English Snowball stemmer with a memory: a library repeats its words, and stemming
/// costs more than looking a word up.
pub struct Stems {
    stemmer: Stemmer,
    cache: FxHashMap<Box<str>, Box<str>>,
}

impl Stems {
    /// A stemmer with an empty memory.
    pub fn new() -> Self {
        Stems {
            stemmer: Stemmer::create(Algorithm::English),
            cache: FxHashMap::default(),
        }
    }

    /// The stem of `word` (lower-case).
    pub fn stem(&mut self, word: &str) -> &str {
        if !self.cache.contains_key(word) {
            let stem: Box<str> = self.stemmer.stem(word).into();
            self.cache.insert(word.into(), stem);
        }
        self.cache.get(word).map_or("", |s| s)
    }
}

impl Default for Stems {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether `c` is written without spaces between words (Chinese, Japanese, Korean).
pub fn is_cjk(c: char) -> bool {
    // Asked of every character indexed: Latin text and common ideographs are settled by one
    // comparison each before the rarer ranges.
    let c = c as u32;
    if c < 0x3040 {
        return false;
    }
    if (0x4E00..=0x9FFF).contains(&c) {
        return true;
    }
    matches!(c,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF | 0x20000..=0x2FFFF)
}

/// Whether a term is a CJK bigram (its postings carry position masks).
fn is_bigram(term: &str) -> bool {
    let mut cs = term.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(a), Some(b), None) if is_cjk(a) && is_cjk(b))
}

/// Folds full-width forms and compatibility characters (NFKC) and lower-cases.
pub fn normalize(text: &str) -> String {
    let mut out = String::new();
    normalize_into(text, &mut out);
    out
}

/// [`normalize`] into a buffer the caller reuses.
fn normalize_into(text: &str, out: &mut String) {
    // Most text is ASCII, CJK ideographs and CJK or full-width punctuation, none of which
    // composes with its neighbours: those characters are folded one by one, which gives what
    // NFKC of the whole text gives, several times faster, and runs that need no folding are
    // copied whole. Anything else takes the full path.
    out.clear();
    out.reserve(text.len());
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_uppercase() {
                out.push_str(&text[copied..i]);
                out.push(char::from(b.to_ascii_lowercase()));
                copied = i + 1;
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        let folded = match c as u32 {
            0x4E00..=0x9FFF => None,
            0xFF01..=0xFF5E => {
                Some(char::from_u32(c as u32 - 0xFEE0).map_or(c, |a| a.to_ascii_lowercase()))
            }
            0x2000..=0x206F | 0x3000..=0x303F => {
                let mut nf = std::iter::once(c).nfkc().flat_map(char::to_lowercase);
                match (nf.next(), nf.next()) {
                    (Some(f), None) if f == c => None,
                    (Some(f), None) => Some(f),
                    _ => {
                        out.push_str(&text[copied..i]);
                        out.extend(std::iter::once(c).nfkc().flat_map(char::to_lowercase));
                        copied = i + len;
                        None
                    }
                }
            }
            _ => {
                out.clear();
                out.extend(text.nfkc().flat_map(char::to_lowercase));
                return;
            }
        };
        if let Some(f) = folded {
            out.push_str(&text[copied..i]);
            out.push(f);
            copied = i + len;
        }
        i += len;
    }
    out.push_str(&text[copied..]);
}

/// Longest word indexed, in bytes; longer runs are cut (they are URLs or noise).
const MAX_WORD: usize = 40;

/// One token of normalized text, as [`scan`] finds it.
enum Tok<'a> {
    /// Two adjacent CJK characters, and the position of the first.
    Bigram(char, char, u32),
    /// The last character of a CJK run, and its position.
    Unigram(char, u32),
    /// A word of letters or digits (cut at `MAX_WORD` bytes), not yet stemmed.
    Word(&'a str),
}

/// Calls `f` with every token of `text` (already normalized), positions counted in
/// characters.
fn scan<'a>(text: &'a str, mut f: impl FnMut(Tok<'a>)) {
    let mut word_start: Option<usize> = None;
    // The previous character, when it was CJK, and its position.
    let mut prev: Option<(char, u32)> = None;
    let word = |start: usize, end: usize| {
        let mut end = end.min(start + MAX_WORD);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        Tok::Word(&text[start..end])
    };
    for (pos, (i, c)) in (0u32..).zip(text.char_indices()) {
        if is_cjk(c) {
            if let Some(s) = word_start.take() {
                f(word(s, i));
            }
            if let Some((pc, pp)) = prev {
                f(Tok::Bigram(pc, c, pp));
            }
            prev = Some((c, pos));
        } else {
            if let Some((pc, pp)) = prev.take() {
                f(Tok::Unigram(pc, pp));
            }
            if c.is_alphanumeric() {
                word_start.get_or_insert(i);
            } else if let Some(s) = word_start.take() {
                f(word(s, i));
            }
        }
    }
    if let Some((pc, pp)) = prev {
        f(Tok::Unigram(pc, pp));
    }
    if let Some(s) = word_start {
        f(word(s, text.len()));
    }
}

/// Calls `f` with every token of `text` (already normalized): its kind, its term, its
/// position in characters, and for words the surface form. Stemming uses the English
/// Snowball stemmer for every word, on both sites: pinyin and English names appear in both.
pub fn tokens(text: &str, stems: &mut Stems, mut f: impl FnMut(TokenKind, &str, u32, &str)) {
    scan(text, |t| match t {
        Tok::Bigram(a, b, pos) => {
            let mut buf = [0u8; 8];
            let la = a.encode_utf8(&mut buf).len();
            let lb = b.encode_utf8(&mut buf[la..]).len();
            let term = std::str::from_utf8(&buf[..la + lb]).unwrap_or_default();
            f(TokenKind::Bigram, term, pos, "");
        }
        Tok::Unigram(c, pos) => f(TokenKind::Unigram, c.encode_utf8(&mut [0u8; 4]), pos, ""),
        Tok::Word(w) => f(TokenKind::Word, stems.stem(w), 0, w),
    });
}

/// The text of rendered HTML, for indexing: tags, comments and scripts left out, entities
/// decoded, a line break where a block ends.
fn html_text(html: &str, out: &mut String) {
    out.clear();
    let mut rest = html;
    while let Some(i) = memchr::memchr2(b'<', b'&', rest.as_bytes()) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('&') {
            let end = rest[..rest.len().min(12)].find(';');
            let decoded = end.and_then(|e| entity(&rest[1..e]));
            match (end, decoded) {
                (Some(e), Some(c)) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                _ => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        let skip_to =
            |rest: &str, close: &str| rest.find(close).map_or(rest.len(), |e| e + close.len());
        let lower = |n: usize| rest.get(1..n.min(rest.len())).map(str::to_ascii_lowercase);
        let end = if rest.starts_with("<!--") {
            skip_to(rest, "-->")
        } else if lower(7).as_deref() == Some("script") {
            skip_to(rest, "</script>")
        } else if lower(6).as_deref() == Some("style") {
            skip_to(rest, "</style>")
        } else {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            // Inline elements join their text to the words around them; others end a line.
            let name: String = rest[1..end.max(1)]
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect();
            if !INLINE.contains(&name.as_str()) {
                out.push('\n');
            }
            end
        };
        rest = &rest[end..];
    }
    out.push_str(rest);
}

/// Elements whose tags do not separate words.
const INLINE: [&str; 16] = [
    "a", "abbr", "b", "code", "del", "em", "i", "kbd", "mark", "s", "small", "span", "strong",
    "sub", "sup", "u",
];

/// The character of an entity's name or number (`amp`, `#39`, `#x4e2d`).
fn entity(name: &str) -> Option<char> {
    let num = |s: &str, radix| u32::from_str_radix(s, radix).ok().and_then(char::from_u32);
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => match name.strip_prefix('#') {
            Some(hex) if hex.starts_with(['x', 'X']) => num(&hex[1..], 16),
            Some(dec) => num(dec, 10),
            None => None,
        },
    }
}

/// The shard key of a term: its first character if CJK, else its first two characters, so
/// that every term a prefix query can expand to lies in one shard.
pub fn shard_key(term: &str) -> &str {
    let mut it = term.char_indices();
    match it.next() {
        Some((_, c)) if is_cjk(c) => &term[..c.len_utf8()],
        Some(_) => it.nth(1).map_or(term, |(i, _)| &term[..i]),
        None => term,
    }
}

/// FNV-1a over code points (the browser computes the same).
pub fn shard_of(term: &str, shards: usize) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for c in shard_key(term).chars() {
        h = (h ^ c as u32).wrapping_mul(16_777_619);
    }
    (h as usize) % shards.max(1)
}

/// Per case, what it contributes to the index.
#[derive(Debug, Clone, Default)]
struct DocTerms {
    /// Term → (weighted frequency, position mask).
    terms: Vec<(Box<str>, f32, u8)>,
    /// Surface word → stem, where they differ.
    aliases: Vec<(Box<str>, Box<str>)>,
    /// Tokens in all fields.
    len: u32,
}

/// The row shown for a result.
#[derive(Debug, Clone, Default, serde::Serialize)]
struct Row(String, String, String, String);

/// One case's entry in a term's list: 8 bytes, there are millions of them.
#[derive(Debug, Clone)]
struct Posting {
    doc: u32,
    /// Weighted frequency: a sum of field weights, so a whole number.
    tf: u16,
    mask: u8,
}

/// A weighted frequency as stored in a posting.
fn tf16(tf: f32) -> u16 {
    tf.clamp(0.0, f32::from(u16::MAX)) as u16
}

#[derive(Debug, Clone)]
struct Term {
    text: Box<str>,
    bigram: bool,
    postings: Vec<Posting>,
}

#[derive(Debug, Clone, Default)]
struct Doc {
    row: Row,
    facets: Vec<Vec<usize>>,
    len: u32,
    terms: Vec<u32>,
    aliases: Vec<(Box<str>, Box<str>)>,
}

/// The index of one language.
#[derive(Debug, Clone)]
pub struct LangIndex {
    lang: Lang,
    code: String,
    prefix: String,
    terms: Vec<Term>,
    ids: FxHashMap<Box<str>, u32>,
    /// Surface word → stem, with the number of cases using it (so an update can remove it).
    aliases: BTreeMap<(Box<str>, Box<str>), u32>,
    docs: Vec<Doc>,
    facet_sizes: Vec<usize>,
}

/// The search index of every language of a library.
#[derive(Debug, Clone)]
pub struct Index {
    langs: Vec<LangIndex>,
}

/// What one case gives the index, its terms numbered by the [`Tokenizer`] that read it.
struct LocalDoc {
    /// (term number, weighted frequency, position mask).
    terms: Vec<(u32, f32, u8)>,
    aliases: Vec<(Box<str>, Box<str>)>,
    len: u32,
    row: Row,
    facets: Vec<Vec<usize>>,
}

/// What a word seen before is: its stem's number, and the stem itself when it differs (an
/// alias), with the last case that listed the alias.
struct Surface {
    id: u32,
    alias: Option<Box<str>>,
    listed_in: u32,
}

/// Tokenizes many cases, numbering their terms as it goes: CJK terms are looked up by their
/// code points and words by their surface form, so the common case (a term seen before)
/// costs one hash lookup and makes no string.
struct Tokenizer {
    stemmer: Stemmer,
    cjk: FxHashMap<u64, u32>,
    words: FxHashMap<Box<str>, u32>,
    surfaces: FxHashMap<Box<str>, Surface>,
    /// Term number → text.
    texts: Vec<Box<str>>,
    /// Term number → (frequency, mask, the case they belong to), reset lazily per case.
    acc: Vec<(f32, u8, u32)>,
    touched: Vec<u32>,
    case: u32,
    norm: String,
    plain: String,
}

impl Tokenizer {
    fn new() -> Self {
        Tokenizer {
            stemmer: Stemmer::create(Algorithm::English),
            cjk: FxHashMap::default(),
            words: FxHashMap::default(),
            surfaces: FxHashMap::default(),
            texts: Vec::new(),
            acc: Vec::new(),
            touched: Vec::new(),
            case: 0,
            norm: String::new(),
            plain: String::new(),
        }
    }

    fn number(&mut self, text: Box<str>) -> u32 {
        let id = self.texts.len() as u32;
        self.texts.push(text);
        self.acc.push((0.0, 0, 0));
        id
    }

    fn cjk_id(&mut self, key: u64, text: impl FnOnce() -> String) -> u32 {
        if let Some(&id) = self.cjk.get(&key) {
            return id;
        }
        let id = self.number(text().into());
        self.cjk.insert(key, id);
        id
    }

    /// The number of a word's stem, and whether this case still has to list the word as an
    /// alias of it.
    fn word(&mut self, surface: &str, aliases: &mut Vec<(Box<str>, Box<str>)>) -> u32 {
        if let Some(s) = self.surfaces.get_mut(surface) {
            if let Some(stem) = &s.alias
                && s.listed_in != self.case
            {
                s.listed_in = self.case;
                aliases.push((surface.into(), stem.clone()));
            }
            return s.id;
        }
        let stem = self.stemmer.stem(surface).into_owned();
        let id = match self.words.get(stem.as_str()) {
            Some(&id) => id,
            None => {
                let id = self.number(stem.as_str().into());
                self.words.insert(stem.as_str().into(), id);
                id
            }
        };
        let alias = (stem != surface).then(|| Box::<str>::from(stem));
        if let Some(stem) = &alias {
            aliases.push((surface.into(), stem.clone()));
        }
        self.surfaces.insert(
            surface.into(),
            Surface {
                id,
                alias,
                listed_in: self.case,
            },
        );
        id
    }

    /// Adds the tokens of `text` to the current case, each weighing `w`.
    fn add(&mut self, text: &str, w: f32, len: &mut u32, aliases: &mut Vec<(Box<str>, Box<str>)>) {
        let mut norm = std::mem::take(&mut self.norm);
        normalize_into(text, &mut norm);
        scan(&norm, |t| {
            let (id, mask) = match t {
                Tok::Bigram(a, b, pos) => {
                    let key = (u64::from(a) << 32) | u64::from(b);
                    (
                        self.cjk_id(key, || [a, b].iter().collect()),
                        1u8 << (pos % 6),
                    )
                }
                Tok::Unigram(c, _) => (self.cjk_id(u64::from(c), || c.to_string()), 0),
                Tok::Word(w) => (self.word(w, aliases), 0),
            };
            if !matches!(t, Tok::Unigram(..)) {
                *len += 1;
            }
            let e = &mut self.acc[id as usize];
            if e.2 == self.case {
                e.0 += w;
                e.1 |= mask;
            } else {
                *e = (w, mask, self.case);
                self.touched.push(id);
            }
        });
        self.norm = norm;
    }

    /// Everything case `case` gives the index in language `lang`.
    fn doc(&mut self, config: &Config, lang: Lang, case: &Case) -> LocalDoc {
        // Case 0 is never used, so fresh entries of `acc` belong to no case.
        self.case += 1;
        self.touched.clear();
        let mut len = 0u32;
        let mut aliases = Vec::new();
        let t = &case.texts[lang];
        let mut add = |tk: &mut Self, text: &str, field: Field| {
            tk.add(text, field as u8 as f32, &mut len, &mut aliases);
        };
        add(self, &t.title.value, Field::Title);
        add(self, &t.summary.value, Field::Summary);
        let p = &t.place.value;
        for s in [
            Some(&p.village),
            p.town.as_ref(),
            p.county.as_ref(),
            p.city.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            add(self, s, Field::Place);
        }
        add(
            self,
            &config.vocab.provinces.terms[case.province].labels[lang],
            Field::Place,
        );
        for tag in &t.tags.value {
            add(self, tag, Field::Tag);
        }
        for (_, text) in &t.methods.value {
            add(self, text, Field::Text);
        }
        for pr in &t.practices.value {
            add(self, &pr.name, Field::PracticeName);
            add(self, &pr.summary, Field::Text);
            for s in pr.steps.iter().chain(&pr.conditions) {
                add(self, s, Field::Text);
            }
        }
        // The narrative as the page shows it: its text without markup or link targets.
        let mut plain = std::mem::take(&mut self.plain);
        html_text(&t.body.value.html, &mut plain);
        add(self, &plain, Field::Text);
        self.plain = plain;
        aliases.sort_unstable();
        aliases.dedup();
        LocalDoc {
            terms: self
                .touched
                .iter()
                .map(|&id| {
                    let (tf, mask, _) = self.acc[id as usize];
                    (id, tf, mask)
                })
                .collect(),
            aliases,
            len,
            row: row(config, lang, case),
            facets: facet_values(case),
        }
    }
}

/// Everything one case gives the index, its terms by text (for updating a built index).
fn tokenize_case(config: &Config, lang: Lang, case: &Case) -> DocTerms {
    let mut tk = Tokenizer::new();
    let d = tk.doc(config, lang, case);
    DocTerms {
        terms: d
            .terms
            .iter()
            .map(|&(id, tf, mask)| (tk.texts[id as usize].clone(), tf, mask))
            .collect(),
        aliases: d.aliases,
        len: d.len,
    }
}

fn row(config: &Config, lang: Lang, case: &Case) -> Row {
    let t = &case.texts[lang];
    let summary = &t.summary.value;
    let excerpt = match summary.char_indices().nth(EXCERPT) {
        Some((i, _)) => format!("{}…", &summary[..i]),
        None => summary.clone(),
    };
    Row(
        case.slug.clone(),
        t.title.value.clone(),
        crate::views::place_line(config, lang, case),
        excerpt,
    )
}

fn facet_values(case: &Case) -> Vec<Vec<usize>> {
    Vocab::facets().map(|(_, v)| case.terms(v)).collect()
}

impl LangIndex {
    /// Indexes every case of `lib` in `lang`. Only an index that will be `updatable` keeps,
    /// per case, the terms and aliases it gave (an update removes them first).
    fn build(lib: &Library, lang: Lang, updatable: bool) -> LangIndex {
        let config = &lib.config;
        let mut idx = LangIndex {
            lang,
            code: config.languages[lang].code.clone(),
            prefix: config.languages[lang].prefix.clone(),
            terms: Vec::new(),
            ids: FxHashMap::default(),
            aliases: BTreeMap::new(),
            docs: Vec::with_capacity(lib.cases.len()),
            facet_sizes: Vocab::facets()
                .map(|(_, v)| config.vocab.get(v).terms.len())
                .collect(),
        };
        // Each worker numbers the terms of its run of cases on its own (no shared table, no
        // locks); the runs' numbers are then mapped to the index's, one lookup per distinct
        // term per run. Runs are read a round at a time, one per worker, and merged before
        // the next round, so only a round's tokens wait in memory.
        let workers = rayon::current_num_threads();
        let run = lib.cases.len().div_ceil(workers * 4).max(64);
        let tokenize = |round: &[std::sync::Arc<Case>]| -> Vec<(Vec<Box<str>>, Vec<LocalDoc>)> {
            round
                .par_chunks(run)
                .map(|cases| {
                    let mut tk = Tokenizer::new();
                    let docs = cases.iter().map(|c| tk.doc(config, lang, c)).collect();
                    (tk.texts, docs)
                })
                .collect()
        };
        // Each round is merged (sequential) while the next is tokenized (parallel).
        let mut pending: Vec<(Vec<Box<str>>, Vec<LocalDoc>)> = Vec::new();
        for round in lib.cases.chunks(run * workers) {
            let ((), next) = rayon::join(
                || {
                    for (texts, docs) in pending.drain(..) {
                        idx.merge_run(texts, docs, updatable);
                    }
                },
                || tokenize(round),
            );
            pending = next;
        }
        for (texts, docs) in pending {
            idx.merge_run(texts, docs, updatable);
        }
        idx
    }

    /// Appends the cases of one run, numbering its new terms.
    fn merge_run(&mut self, texts: Vec<Box<str>>, docs: Vec<LocalDoc>, updatable: bool) {
        let global: Vec<u32> = texts
            .into_iter()
            .map(|text| match self.ids.get(&text) {
                Some(&id) => id,
                None => {
                    let id = self.terms.len() as u32;
                    self.ids.insert(text.clone(), id);
                    self.terms.push(Term {
                        bigram: is_bigram(&text),
                        text,
                        postings: Vec::new(),
                    });
                    id
                }
            })
            .collect();
        for d in docs {
            let doc = self.docs.len() as u32;
            let mut ids = Vec::with_capacity(if updatable { d.terms.len() } else { 0 });
            for (local, tf, mask) in d.terms {
                let id = global[local as usize];
                self.terms[id as usize].postings.push(Posting {
                    doc,
                    tf: tf16(tf),
                    mask,
                });
                if updatable {
                    ids.push(id);
                }
            }
            // Most aliases are in the table already: counted without cloning them.
            for a in &d.aliases {
                match self.aliases.get_mut(a) {
                    Some(n) => *n += 1,
                    None => {
                        self.aliases.insert(a.clone(), 1);
                    }
                }
            }
            self.docs.push(Doc {
                row: d.row,
                facets: d.facets,
                len: d.len,
                terms: ids,
                aliases: if updatable { d.aliases } else { Vec::new() },
            });
        }
    }

    fn add_terms(&mut self, doc: u32, dt: DocTerms) {
        let mut ids = Vec::with_capacity(dt.terms.len());
        for (text, tf, mask) in dt.terms {
            let id = match self.ids.get(&text) {
                Some(&id) => id,
                None => {
                    let id = self.terms.len() as u32;
                    let bigram = is_bigram(&text);
                    self.ids.insert(text.clone(), id);
                    self.terms.push(Term {
                        text,
                        bigram,
                        postings: Vec::new(),
                    });
                    id
                }
            };
            let p = &mut self.terms[id as usize].postings;
            // Postings stay sorted by case: appended in a full build, inserted in an update.
            let at = p.partition_point(|x| x.doc < doc);
            p.insert(
                at,
                Posting {
                    doc,
                    tf: tf16(tf),
                    mask,
                },
            );
            ids.push(id);
        }
        for a in &dt.aliases {
            *self.aliases.entry(a.clone()).or_default() += 1;
        }
        self.docs[doc as usize].terms = ids;
        self.docs[doc as usize].aliases = dt.aliases;
    }

    fn remove_terms(&mut self, doc: u32) {
        for a in std::mem::take(&mut self.docs[doc as usize].aliases) {
            if let Some(n) = self.aliases.get_mut(&a) {
                *n -= 1;
                if *n == 0 {
                    self.aliases.remove(&a);
                }
            }
        }
        for id in std::mem::take(&mut self.docs[doc as usize].terms) {
            let p = &mut self.terms[id as usize].postings;
            if let Ok(at) = p.binary_search_by_key(&doc, |x| x.doc) {
                p.remove(at);
            }
        }
    }

    /// The files of this language's index, under `<prefix>search/`, in shards of about
    /// `shard_bytes`.
    fn files(&self, shard_bytes: usize) -> Vec<OutFile> {
        let dir = format!("{}search/", self.prefix);
        let n = self.docs.len();
        let total_len: f64 = self.docs.iter().map(|d| d.len as f64).sum();
        let avgdl = if n == 0 {
            1.0
        } else {
            (total_len / n as f64).max(1.0) as f32
        };
        // The inverse document frequency is the term's, worked out once for all its postings.
        let idf = |t: &Term| {
            let df = t.postings.len() as f32;
            (1.0 + (n as f32 - df + 0.5) / (df + 0.5)).ln()
        };
        let score = |idf: f32, p: &Posting| {
            let dl = self.docs[p.doc as usize].len as f32;
            let tf = f32::from(p.tf);
            idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * dl / avgdl))
        };
        let max = self
            .terms
            .par_iter()
            .flat_map_iter(|t| {
                let idf = idf(t);
                t.postings.iter().map(move |p| score(idf, p))
            })
            .reduce(|| 0.0f32, f32::max)
            .max(f32::MIN_POSITIVE);
        // About what each term will weigh: its key, and two or three characters per posting.
        let weight = |t: &Term| t.text.len() + 6 + t.postings.len() * if t.bigram { 3 } else { 2 };
        let live: Vec<&Term> = self
            .terms
            .iter()
            .filter(|t| !t.postings.is_empty())
            .collect();
        let bytes: usize = live.iter().map(|t| weight(t)).sum();
        let buckets = bytes.div_ceil(shard_bytes).clamp(1, 4096);

        // Terms go to the bucket of their key (so a prefix's expansions share one); a bucket
        // much larger than the target is cut into parts by the whole term, so that looking up
        // one term fetches one part, and only prefix queries fetch them all.
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
        for (key, stem) in self.aliases.keys() {
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
        let mut out: Vec<(String, String)> = files
            .into_par_iter()
            .map(|(name, (mut terms, aliases))| {
                terms.sort_unstable_by(|a, b| a.text.cmp(&b.text));
                let mut s = format!("CBS.put(\"{name}\",{{");
                // Bigrams with position masks; bigrams in more than a third of the cases,
                // whose masks would be nearly full and cost a third of their bytes, without;
                // other terms.
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
                    let mut first = true;
                    for t in terms.iter().filter(|t| group(t) == *key) {
                        if !first {
                            s.push(',');
                        }
                        first = false;
                        push_json_str(&mut s, &t.text);
                        s.push_str(":\"");
                        let mut prev: i64 = -1;
                        let idf = idf(t);
                        for p in &t.postings {
                            vlq(&mut s, (p.doc as i64 - prev - 1) as u32);
                            prev = p.doc as i64;
                            let q = ((score(idf, p) / max) * 63.0).round().clamp(1.0, 63.0) as u8;
                            s.push(B64[q as usize] as char);
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
                (name, s)
            })
            .collect();

        // Rows of the results, a few cases per file.
        out.extend(self.docs.chunks(CHUNK).enumerate().map(|(k, docs)| {
            let rows: Vec<&Row> = docs.iter().map(|d| &d.row).collect();
            let json = serde_json::to_string(&rows).unwrap_or_else(|_| "[]".into());
            (format!("d{k}"), format!("CBS.put(\"d{k}\",{json});\n"))
        }));

        // Facets: per case and facet, a bit set (several values) or an index (one value).
        let layout: Vec<(bool, usize)> = Vocab::facets()
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
            .collect();
        let mut f = String::from("CBS.put(\"f\",\"");
        for d in &self.docs {
            for ((multi, width), values) in layout.iter().zip(&d.facets) {
                if *multi {
                    for c in 0..*width {
                        let mut bits = 0usize;
                        for &v in values {
                            if v / 6 == c {
                                bits |= 1 << (v % 6);
                            }
                        }
                        f.push(B64[bits] as char);
                    }
                } else {
                    let v = values.first().copied().unwrap_or(0);
                    for c in (0..*width).rev() {
                        f.push(B64[(v >> (6 * c)) & 63] as char);
                    }
                }
            }
        }
        f.push_str("\");\n");
        out.push(("f".into(), f));

        // One fingerprint for the whole index keeps the meta file small (it would otherwise
        // list one per file); any change renames every file, which a deploy does rarely.
        let mut h = blake3::Hasher::new();
        for (_, text) in &out {
            h.update(text.as_bytes());
        }
        let generation = h.finalize().to_hex()[..10].to_owned();
        let split: BTreeMap<String, usize> = parts
            .iter()
            .enumerate()
            .filter(|(_, k)| **k > 1)
            .map(|(b, k)| (b.to_string(), *k))
            .collect();
        let meta = serde_json::json!({
            "lang": self.code,
            "n": n,
            "prefix": self.prefix,
            "v": generation,
            "shards": buckets,
            "split": split,
            "chunk": CHUNK,
            "facets": Vocab::facets().zip(&layout).zip(&self.facet_sizes).map(|(((name, _), (multi, w)), n)| {
                serde_json::json!({"name": name, "multi": multi, "w": w, "n": n})
            }).collect::<Vec<_>>(),
        });
        let mut files: Vec<OutFile> = out
            .into_iter()
            .map(|(name, text)| OutFile {
                path: format!("{dir}{FINGERPRINTED}{name}.{generation}.js"),
                data: OutData::Bytes(text.into_bytes()),
            })
            .collect();
        files.push(OutFile {
            path: format!("{dir}meta.js"),
            data: OutData::Bytes(format!("CBS.put(\"meta\",{meta});\n").into_bytes()),
        });
        files
    }
}

/// The terms and aliases of one shard file.
type ShardFile<'a> = (Vec<&'a Term>, Vec<(&'a str, &'a str)>);

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
fn chars_for(n: usize) -> usize {
    let mut w = 1;
    while 64usize.pow(w as u32) < n {
        w += 1;
    }
    w
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Writes `v` as base-64 digits of 5 bits, low first, the sixth bit saying "more follows".
fn vlq(s: &mut String, mut v: u32) {
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

fn push_json_str(s: &mut String, text: &str) {
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

impl Index {
    /// Indexes every case of `lib` in every language, ready for [`Index::update_case`].
    pub fn build(lib: &Library) -> Index {
        Index {
            // Languages in parallel too: each one's merge is sequential.
            langs: lib
                .langs()
                .collect::<Vec<_>>()
                .into_par_iter()
                .map(|l| LangIndex::build(lib, l, true))
                .collect(),
        }
    }

    /// The files of the index of every language of `lib`, made one language at a time (each
    /// is dropped once encoded, so a build holds one language's index at most).
    pub fn files_of(lib: &Library) -> Vec<OutFile> {
        lib.langs()
            .flat_map(|l| LangIndex::build(lib, l, false).files(SHARD_BYTES))
            .collect()
    }

    /// Re-indexes case `i` after an edit; the other cases' terms are kept. The case list must
    /// be the one the index was built from (same slugs in the same order).
    pub fn update_case(&mut self, lib: &Library, i: usize) {
        for li in &mut self.langs {
            let Some(case) = lib.cases.get(i) else {
                return;
            };
            if i >= li.docs.len() {
                return;
            }
            li.remove_terms(i as u32);
            let dt = tokenize_case(&lib.config, li.lang, case);
            li.docs[i].row = row(&lib.config, li.lang, case);
            li.docs[i].facets = facet_values(case);
            li.docs[i].len = dt.len;
            li.add_terms(i as u32, dt);
        }
    }

    /// Every file of the index, for every language.
    pub fn files(&self) -> Vec<OutFile> {
        self.files_sized(SHARD_BYTES)
    }

    fn files_sized(&self, shard_bytes: usize) -> Vec<OutFile> {
        self.langs
            .par_iter()
            .flat_map_iter(|l| l.files(shard_bytes))
            .collect()
    }

    /// Whether `path` (relative to the output folder) is a file of a search index.
    pub fn owns(config: &Config, path: &str) -> bool {
        config.languages.iter().any(|l| {
            path.strip_prefix(l.prefix.as_str())
                .is_some_and(|p| p.starts_with("search/"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(TokenKind, String, u32)> {
        let mut v = Vec::new();
        tokens(&normalize(text), &mut Stems::new(), |k, t, p, _| {
            v.push((k, t.to_owned(), p))
        });
        v
    }

    fn terms(text: &str) -> Vec<String> {
        toks(text).into_iter().map(|(_, t, _)| t).collect()
    }

    #[test]
    fn cjk_runs_become_overlapping_bigrams_and_a_final_character() {
        assert_eq!(
            toks("党员中心户"),
            vec![
                (TokenKind::Bigram, "党员".into(), 0),
                (TokenKind::Bigram, "员中".into(), 1),
                (TokenKind::Bigram, "中心".into(), 2),
                (TokenKind::Bigram, "心户".into(), 3),
                (TokenKind::Unigram, "户".into(), 4),
            ]
        );
        // A one-character run is its own unigram.
        assert_eq!(terms("村，镇"), vec!["村", "镇"]);
    }

    #[test]
    fn mixed_scripts_split_at_script_boundaries() {
        assert_eq!(
            terms("石桥村Shiqiao理事会2023年"),
            vec![
                "石桥", "桥村", "村", "shiqiao", "理事", "事会", "会", "2023", "年"
            ]
        );
    }

    #[test]
    fn full_width_forms_fold_to_ascii() {
        assert_eq!(terms("ＳＨＩＱＩＡＯ　１２３"), terms("shiqiao 123"));
        assert_eq!(terms("Ｗａｓｔｅ"), vec!["wast"]);
    }

    #[test]
    fn english_words_are_lowercased_and_stemmed() {
        assert_eq!(
            terms("Villages volunteering, COUNCILS!"),
            vec!["villag", "volunt", "council"]
        );
    }

    #[test]
    fn shard_keys_keep_prefix_expansions_together() {
        assert_eq!(shard_key("党员"), "党");
        assert_eq!(shard_key("villag"), "vi");
        assert_eq!(shard_key("a"), "a");
        assert_eq!(shard_of("village", 7), shard_of("vi", 7));
        // The browser computes the same FNV-1a: fixed values guard the two against drifting.
        assert_eq!(shard_of("党员", 1000), shard_of("党", 1000));
        // 0x3c49bbe0 % 1_000_000, as the browser computes it.
        assert_eq!(shard_of("vi", 1_000_000), 465_184);
    }

    #[test]
    fn the_narrative_is_indexed_as_the_page_shows_it() {
        let mut out = String::new();
        html_text(
            "<h2 id=\"a\">做法<a class=\"anchor\" href=\"#a\">#</a></h2>\n<p>中<em>国</em> &amp; <a href=\"../x/\">link</a>&#39;s &#x4e2d;</p><table><tr><td>甲</td><td>乙</td></tr></table><!--casebook-photo:0--><script>var x=1</script>end",
            &mut out,
        );
        assert_eq!(
            out,
            "\n做法#\n\n\n中国 & link's 中\n\n\n\n甲\n\n乙\n\n\nend"
        );
        let terms: Vec<String> = {
            let mut v = Vec::new();
            tokens(&normalize(&out), &mut Stems::new(), |_, t, _, _| {
                v.push(t.to_owned())
            });
            v
        };
        assert!(
            terms.contains(&"中国".to_owned()),
            "inline tags join: {terms:?}"
        );
        assert!(
            !terms.contains(&"甲乙".to_owned()),
            "cells do not: {terms:?}"
        );
        assert!(
            !terms
                .iter()
                .any(|t| t == "x" || t == "var" || t == "casebook"),
            "{terms:?}"
        );
    }

    #[test]
    fn vlq_writes_small_numbers_in_one_character() {
        let mut s = String::new();
        vlq(&mut s, 0);
        vlq(&mut s, 31);
        vlq(&mut s, 32);
        vlq(&mut s, 1000);
        assert_eq!(s, "AfgBof");
    }

    /// The fixture library of `tests/fixtures/search`.
    fn fixture() -> Library {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search");
        let mut d = crate::diagnostics::Diagnostics::new();
        let sources =
            crate::load::load(&root).unwrap_or_else(|e| panic!("fixture unreadable: {e}"));
        let lib = crate::content::parse(
            &sources,
            crate::content::ContentOptions { drafts: false },
            &mut d,
        );
        assert!(!d.has_errors(), "{d:?}");
        lib.unwrap_or_else(|| panic!("the fixture does not parse"))
    }

    /// Reads the files the browser would: the data each registers with `CBS.put(key, data)`.
    fn registered(files: &[OutFile], dir: &str) -> HashMap<String, serde_json::Value> {
        files
            .iter()
            .filter_map(|f| {
                let name = f.path.strip_prefix(dir)?;
                let name = name.strip_prefix(FINGERPRINTED).unwrap_or(name);
                if name.contains('/') {
                    return None;
                }
                let OutData::Bytes(b) = &f.data else {
                    return None;
                };
                let text = std::str::from_utf8(b).ok()?;
                let body = text
                    .strip_prefix("CBS.put(\"")?
                    .trim_end()
                    .strip_suffix(");")?;
                let (key, data) = body.split_once("\",")?;
                Some((key.to_owned(), serde_json::from_str(data).ok()?))
            })
            .collect()
    }

    /// The query evaluation of search.js, on the files as written: the reference the browser
    /// tests hold the JavaScript to. Returns slugs, best first.
    fn search(files: &[OutFile], dir: &str, q: &str) -> Vec<String> {
        let data = registered(files, dir);
        let meta = &data["meta"];
        let n = meta["shards"].as_u64().unwrap_or(1) as usize;
        // The part holding `t` (or, for prefixes, every part of its bucket).
        let parts_of = |t: &str| {
            let b = shard_of(t, n);
            match meta["split"][b.to_string()].as_u64() {
                Some(k) => (0..k).map(|j| format!("s{b}-{j}")).collect::<Vec<_>>(),
                None => vec![format!("s{b}")],
            }
        };
        let part = |t: &str| {
            let all = parts_of(t);
            let j = part_of(t, all.len());
            &data[&all[j]]
        };
        let decode = |s: &str, bigram: bool| {
            let val = |c: u8| B64.iter().position(|&x| x == c).unwrap_or(0) as u32;
            let b = s.as_bytes();
            let (mut k, mut doc, mut out) = (0, -1i64, Vec::new());
            while k < b.len() {
                let (mut v, mut shift) = (0u32, 0);
                loop {
                    let c = val(b[k]);
                    k += 1;
                    v |= (c & 31) << shift;
                    shift += 5;
                    if c & 32 == 0 {
                        break;
                    }
                }
                doc += i64::from(v) + 1;
                let imp = val(b[k]) as f64;
                k += 1;
                let mask = if bigram {
                    k += 1;
                    val(b[k - 1])
                } else {
                    0
                };
                out.push((doc as usize, imp, mask));
            }
            out
        };
        let groups = {
            let norm = normalize(q);
            let chars: Vec<char> = norm.chars().collect();
            let mut g: Vec<(char, String)> = Vec::new();
            let mut i = 0;
            while i < chars.len() {
                let mut j = i + 1;
                if is_cjk(chars[i]) {
                    while j < chars.len() && is_cjk(chars[j]) {
                        j += 1;
                    }
                    g.push(('c', chars[i..j].iter().collect()));
                } else if chars[i].is_alphanumeric() {
                    while j < chars.len() && chars[j].is_alphanumeric() {
                        j += 1;
                    }
                    g.push(('w', chars[i..j].iter().collect()));
                }
                i = j;
            }
            g
        };
        let mut total: Option<HashMap<usize, f64>> = None;
        for (kind, text) in groups {
            let mut scores: HashMap<usize, f64> = HashMap::new();
            let chars: Vec<char> = text.chars().collect();
            if kind == 'w' {
                let stem = part(&text)["a"][&text].as_str().unwrap_or(&text).to_owned();
                for (d, imp, _) in decode(part(&stem)["t"][&stem].as_str().unwrap_or(""), false) {
                    scores.insert(d, imp);
                }
            } else if chars.len() == 1 {
                let mut lists = vec![decode(
                    part(&text)["t"][&text].as_str().unwrap_or(""),
                    false,
                )];
                for p in parts_of(&text) {
                    for (g, masked) in [("b", true), ("c", false)] {
                        for (k, v) in data[&p][g].as_object().into_iter().flatten() {
                            if k.starts_with(&text) {
                                lists.push(decode(v.as_str().unwrap_or(""), masked));
                            }
                        }
                    }
                }
                for (d, imp, _) in lists.into_iter().flatten() {
                    let e = scores.entry(d).or_default();
                    *e = e.max(imp);
                }
            } else {
                let bigrams: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
                let mut acc: HashMap<usize, (f64, usize, Vec<u32>)> = HashMap::new();
                for (j, b) in bigrams.iter().enumerate() {
                    let list = match part(b)["b"][b].as_str() {
                        Some(l) => decode(l, true),
                        // A common bigram has no masks: any position may be next to any.
                        None => decode(part(b)["c"][b].as_str().unwrap_or(""), false)
                            .into_iter()
                            .map(|(d, imp, _)| (d, imp, 63))
                            .collect(),
                    };
                    for (d, imp, mask) in list {
                        let a = acc.entry(d).or_insert((0.0, 0, vec![0; bigrams.len()]));
                        a.0 += imp;
                        a.1 += 1;
                        a.2[j] = mask;
                    }
                }
                for (d, (sum, count, masks)) in acc {
                    if count < bigrams.len().div_ceil(2) {
                        continue;
                    }
                    let mut score = sum * count as f64 / bigrams.len() as f64;
                    let m = masks
                        .iter()
                        .skip(1)
                        .fold(masks[0], |m, &x| (((m << 1) | (m >> 5)) & 63) & x);
                    if count == bigrams.len() && m != 0 {
                        score *= 2.0;
                    }
                    scores.insert(d, score);
                }
            }
            total = Some(match total {
                None => scores,
                Some(t) => t
                    .into_iter()
                    .filter_map(|(d, v)| Some((d, v + scores.get(&d)?)))
                    .collect(),
            });
        }
        let mut hits: Vec<(usize, f64)> = total.unwrap_or_default().into_iter().collect();
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let chunk = meta["chunk"].as_u64().unwrap_or(8) as usize;
        hits.into_iter()
            .map(|(d, _)| {
                data[&format!("d{}", d / chunk)][d % chunk][0]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect()
    }

    #[test]
    fn a_case_naming_the_phrase_ranks_above_cases_with_its_parts() {
        let files = Index::build(&fixture()).files();
        // `named` has the phrase; `scattered` has every bigram of it, apart; `many` says 党员
        // often but has none of the rest, so it does not match at all.
        assert_eq!(
            search(&files, "search/", "党员中心户"),
            ["named", "scattered"]
        );
        assert_eq!(
            search(&files, "search/", "党员"),
            ["many", "named", "scattered"]
        );
    }

    #[test]
    fn one_character_finds_it_anywhere_in_a_run() {
        let files = Index::build(&fixture()).files();
        let mut hits = search(&files, "search/", "户");
        hits.sort();
        assert_eq!(hits, ["named", "scattered"]);
    }

    #[test]
    fn words_match_by_stem_and_full_width_forms_fold() {
        let files = Index::build(&fixture()).files();
        assert_eq!(search(&files, "en/search/", "volunteering"), ["english"]);
        assert_eq!(search(&files, "en/search/", "Villages"), ["english"]);
        assert_eq!(search(&files, "search/", "shiqiao 垃圾"), ["english"]);
        assert_eq!(search(&files, "search/", "ｓｈｉｑｉａｏ"), ["english"]);
        assert!(
            search(&files, "search/", "volunteer").is_empty(),
            "the Chinese site has Chinese text"
        );
        assert!(search(&files, "en/search/", "nothing-like-this").is_empty());
    }

    #[test]
    fn many_small_shards_cut_in_parts_give_the_same_results() {
        let index = Index::build(&fixture());
        let files = index.files_sized(40);
        let data = registered(&files, "search/");
        assert!(data["meta"]["shards"].as_u64().unwrap_or(0) > 10);
        assert!(
            data["meta"]["split"]
                .as_object()
                .is_some_and(|m| !m.is_empty()),
            "some buckets are cut in parts"
        );
        assert_eq!(
            search(&files, "search/", "党员中心户"),
            ["named", "scattered"]
        );
        let mut hits = search(&files, "search/", "户");
        hits.sort();
        assert_eq!(hits, ["named", "scattered"]);
        assert_eq!(search(&files, "en/search/", "Villages"), ["english"]);
    }

    #[test]
    fn facets_are_stored_per_case() {
        let files = Index::build(&fixture()).files();
        let data = registered(&files, "search/");
        let list = data["meta"]["facets"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let names: Vec<&str> = list.iter().filter_map(|f| f["name"].as_str()).collect();
        assert_eq!(names, ["method", "province", "kind", "role", "challenge"]);
        let table = data["f"].as_str().unwrap_or_default();
        // Five one-character facets per case, four cases.
        assert_eq!(table.len(), 20);
    }

    #[test]
    fn an_updated_case_gives_the_same_files_as_a_full_build() {
        let lib = fixture();
        let mut index = Index::build(&lib);
        let mut edited = lib.clone();
        let i = edited
            .cases
            .iter()
            .position(|c| c.slug == "english")
            .unwrap_or(0);
        let mut case = (*edited.cases[i]).clone();
        case.texts[1].summary.value = "Residents sort waste; volunteers patrol.".into();
        case.texts[0].summary.value = "丁村建立党员中心户。".into();
        edited.cases[i] = std::sync::Arc::new(case);
        index.update_case(&edited, i);
        let paths = |files: Vec<OutFile>| {
            files
                .into_iter()
                .map(|f| match f.data {
                    OutData::Bytes(b) => (f.path, b),
                    OutData::Copy(_) => (f.path, Vec::new()),
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(paths(index.files()), paths(Index::build(&edited).files()));
        assert_eq!(search(&index.files(), "search/", "党员中心户")[0], "named");
        assert!(search(&index.files(), "en/search/", "patrol") == ["english"]);
    }
}
