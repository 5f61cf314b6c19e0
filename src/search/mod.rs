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

use rustc_hash::FxHashMap;

use rayon::prelude::*;

use crate::config::{Config, Lang};
use crate::model::Library;
use crate::output::OutFile;

mod build;
mod format;
mod pinyin;
mod text;
mod tokenize;

#[cfg(test)]
mod tests;

use build::*;
use text::*;
use tokenize::*;

/// The tokenizer `search.js` mirrors, for tools and tests that check the two agree.
pub use text::{Stems, TokenKind, normalize, tokens};

/// The version of the index's file format, written in `meta.js`: `search.js` reads only an
/// index of the version it knows (`tests/architecture.rs` holds the two equal). Raise it with
/// any change to what the files say or how.
pub const FORMAT: u32 = 1;

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
    facets: Vec<Vec<crate::id::TermId>>,
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
    aliases: FxHashMap<(Box<str>, Box<str>), u32>,
    docs: Vec<Doc>,
    facet_sizes: Vec<usize>,
    /// The language's synonym groups, normalized as queries are.
    synonyms: Vec<Vec<String>>,
}

/// The search index of every language of a library.
#[derive(Debug, Clone)]
pub struct Index {
    langs: Vec<LangIndex>,
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
    pub fn update_case(&mut self, lib: &Library, id: crate::id::CaseId) {
        let i = id.index();
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
