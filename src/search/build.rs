//! A language's index built from every case (in rounds whose merging overlaps with
//! tokenizing), and updated one case at a time for the preview.

use rustc_hash::FxHashMap;

use rayon::prelude::*;

use crate::config::{Lang, Vocab};
use crate::model::{Case, Library};

use super::*;

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

impl LangIndex {
    /// Indexes every case of `lib` in `lang`. Only an index that will be `updatable` keeps,
    /// per case, the terms and aliases it gave (an update removes them first).
    pub(super) fn build(lib: &Library, lang: Lang, updatable: bool) -> LangIndex {
        let config = &lib.config;
        let mut idx = LangIndex {
            lang,
            code: config.languages[lang].code.clone(),
            prefix: config.languages[lang].prefix.clone(),
            terms: Vec::new(),
            ids: FxHashMap::default(),
            aliases: FxHashMap::default(),
            docs: Vec::with_capacity(lib.cases.len()),
            facet_sizes: Vocab::facets()
                .map(|(_, v)| config.vocab.get(v).terms.len())
                .collect(),
            synonyms: config.synonyms[lang]
                .iter()
                .map(|g| g.iter().map(|w| normalize(w)).collect())
                .collect(),
        };
        // Each worker numbers the terms of its run of cases on its own (no shared table, no
        // locks); the runs' numbers are then mapped to the index's, one lookup per distinct
        // term per run. Runs are read a round at a time and merged before the next round, so
        // only a round's tokens wait in memory. A round holds four runs per worker: the
        // worker that merges the last round takes the runs left when it is done, instead of
        // the others waiting for it (with one run per worker, a fifth of the time went so).
        let workers = rayon::current_num_threads();
        let run = lib.cases.len().div_ceil(workers * 32).max(64);
        let tokenize = |round: &[std::sync::Arc<Case>]| -> Vec<(Vec<Box<str>>, Vec<LocalDoc>)> {
            round
                .par_chunks(run)
                .map(|cases| {
                    let mut tk = Tokenizer::new(updatable);
                    let docs = cases.iter().map(|c| tk.doc(config, lang, c)).collect();
                    (tk.texts, docs)
                })
                .collect()
        };
        // Each round is merged (sequential) while the next is tokenized (parallel).
        let mut pending: Vec<(Vec<Box<str>>, Vec<LocalDoc>)> = Vec::new();
        for round in lib.cases.chunks(run * workers * 4) {
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
    pub(super) fn merge_run(&mut self, texts: Vec<Box<str>>, docs: Vec<LocalDoc>, updatable: bool) {
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

    pub(super) fn add_terms(&mut self, doc: u32, dt: DocTerms) {
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

    pub(super) fn remove_terms(&mut self, doc: u32) {
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
}
