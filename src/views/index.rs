//! Which cases each term and tag lists, made once per language, and the related cases of a
//! case, found from it.

use std::collections::{BTreeMap, HashMap};

use super::*;

/// For every taxonomy term, the cases filed under it (as indexes into `Library::cases`, in
/// library order). Built once per language; tags differ between languages.
#[derive(Debug, Clone, Default)]
pub struct TermIndex {
    /// taxonomy → term key → (label, cases).
    pub terms: BTreeMap<&'static str, Vec<(TermRef, Vec<CaseId>)>>,
    /// method → cases using it, indexed by the method's [`TermId`].
    pub methods: Vec<Vec<CaseId>>,
}

/// Builds the term index of one language.
pub fn term_index(lib: &Library, lang: Lang) -> TermIndex {
    let config = &lib.config;
    let v = &config.vocab;
    let mut idx = TermIndex::default();
    let vocab_terms =
        |name: &'static str, voc: &Vocabulary, pick: &dyn Fn(&Case) -> Vec<TermId>| {
            let mut lists: Vec<Vec<CaseId>> = vec![Vec::new(); voc.terms.len()];
            for (ci, c) in lib.case_ids() {
                for t in pick(c) {
                    lists[t.index()].push(ci);
                }
            }
            lists
                .into_iter()
                .enumerate()
                .map(|(i, l)| (term(config, lang, name, TermId::at(i)), l))
                .collect::<Vec<_>>()
        };
    for voc in Vocab::ALL.into_iter().filter(|v| v.term_pages()) {
        idx.terms.insert(
            voc.name(),
            vocab_terms(voc.name(), v.get(voc), &|c| c.terms(voc)),
        );
    }
    let mut tags: BTreeMap<String, (TermRef, Vec<CaseId>)> = BTreeMap::new();
    // A tag's key and link are made once per spelling, not once per case that writes it: a
    // large library repeats a few hundred tags tens of thousands of times.
    let mut keys: HashMap<&str, String> = HashMap::new();
    for (ci, c) in lib.case_ids() {
        for t in &c.texts[lang].tags.value {
            let key = match keys.get(t.as_str()) {
                Some(k) => k,
                None => {
                    let r = tag(config, lang, t);
                    let k = r.key.clone();
                    tags.entry(k.clone()).or_insert_with(|| (r, Vec::new()));
                    keys.entry(t.as_str()).or_insert(k)
                }
            };
            if let Some(entry) = tags.get_mut(key)
                && entry.1.last() != Some(&ci)
            {
                entry.1.push(ci);
            }
        }
    }
    idx.terms.insert("tags", tags.into_values().collect());
    idx.methods = vec![Vec::new(); v.methods.terms.len()];
    for (ci, c) in lib.case_ids() {
        for m in c.method_keys() {
            idx.methods[m.index()].push(ci);
        }
    }
    idx
}

/// The related cases of every case (the preview compares them before and after an edit).
pub fn related_all(lib: &Library) -> Vec<Vec<CaseId>> {
    let idx = term_index(lib, Lang::DEFAULT);
    CaseId::all(lib.cases.len())
        .map(|i| related(lib, &idx, i))
        .collect()
}

/// Up to three cases most like `ci`: sharing challenges, methods, province and kind. Looks at a
/// bounded number of candidates, so the cost per case stays flat as the library grows.
pub fn related(lib: &Library, idx: &TermIndex, ci: CaseId) -> Vec<CaseId> {
    const PER_LIST: usize = 40;
    let c = &lib.cases[ci];
    let mut candidates: Vec<CaseId> = Vec::new();
    // Candidates share a province or a problem solved.
    for voc in [Vocab::Provinces, Vocab::Challenges] {
        if let Some(terms) = idx.terms.get(voc.name()) {
            for k in c.terms(voc) {
                candidates.extend(terms[k.index()].1.iter().take(PER_LIST).copied());
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let methods: Vec<TermId> = c.method_keys().collect();
    let mut scored: Vec<(usize, CaseId)> = candidates
        .into_iter()
        .filter(|&o| o != ci)
        .map(|o| {
            let other = &lib.cases[o];
            let shared_ch = other
                .challenges
                .iter()
                .filter(|x| c.challenges.contains(x))
                .count();
            let shared_m = other.method_keys().filter(|x| methods.contains(x)).count();
            let score = 3 * shared_ch
                + shared_m
                + 2 * usize::from(other.province == c.province)
                + usize::from(other.kind == c.kind);
            (score, o)
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    // Collected from a borrow: collecting the vector itself would keep its whole allocation.
    scored.iter().take(3).map(|&(_, o)| o).collect()
}
