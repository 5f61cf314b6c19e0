//! The values of listing pages: pagination, pagers, term counts, facets, method summaries,
//! practices, and the feed.

use crate::config::{Config, Lang, Vocab};
use crate::model::Library;
use crate::urls::{self, Page};
use crate::views::{self, TermRef};
use serde::Serialize;
use tera::Value;

use super::*;

/// How many practices of each method the practice library shows before "all N".
pub(super) const PRACTICES_PER_GROUP: usize = 12;

/// Number of pages a list of `len` items takes (an empty list still has its first page).
pub(super) fn page_count(len: usize, size: usize) -> usize {
    len.div_ceil(size.max(1)).max(1)
}

/// The items of page `n` (1-based).
pub(super) fn paginate<T>(all: &[T], n: usize, size: usize) -> &[T] {
    let size = size.max(1);
    let start = ((n - 1) * size).min(all.len());
    &all[start..(start + size).min(all.len())]
}

pub(super) fn cards(lib: &Library, ld: &LangData, list: &[CaseId]) -> Value {
    let v: Vec<Value> = list.iter().map(|&i| ld.card(lib, i)).collect();
    Value::from(v.as_slice())
}

#[derive(Serialize)]
pub(super) struct PagerLink {
    pub(super) n: usize,
    pub(super) url: String,
    pub(super) current: bool,
}

#[derive(Serialize)]
pub(super) struct Pager {
    pub(super) page: usize,
    pub(super) pages: usize,
    pub(super) prev: Option<String>,
    pub(super) next: Option<String>,
    pub(super) links: Vec<PagerLink>,
}

/// Page links of a paginated list: first, last, and a window around the current page.
pub(super) fn pager(config: &Config, lang: Lang, base: &str, n: usize, len: usize) -> Pager {
    let pages = page_count(len, config.page_size);
    let url = |k: usize| urls::site_file(config.prefix(lang), &urls::paged(base, k));
    let links = (1..=pages)
        .filter(|&k| k == 1 || k == pages || k.abs_diff(n) <= 2)
        .map(|k| PagerLink {
            n: k,
            url: url(k),
            current: k == n,
        })
        .collect();
    Pager {
        page: n,
        pages,
        prev: (n > 1).then(|| url(n - 1)),
        next: (n < pages).then(|| url(n + 1)),
        links,
    }
}

#[derive(Serialize)]
pub(super) struct MatrixRow {
    pub(super) case: Value,
    pub(super) cells: Vec<Option<String>>,
}

#[derive(Serialize)]
pub(super) struct TaxonomyPage {
    pub(super) name: &'static str,
    /// Whether its terms are the library's classification.
    pub(super) classification: bool,
    pub(super) terms: Vec<TermCount>,
}

#[derive(Serialize)]
pub(super) struct TermCount {
    #[serde(flatten)]
    pub(super) term: TermRef,
    pub(super) count: usize,
}

pub(super) fn taxonomy_terms(ld: &LangData, name: &str) -> Vec<TermCount> {
    ld.index.terms.get(name).map_or_else(Vec::new, |terms| {
        terms
            .iter()
            .filter(|(_, c)| name != "tags" || !c.is_empty())
            .map(|(t, c)| TermCount {
                term: t.clone(),
                count: c.len(),
            })
            .collect()
    })
}

#[derive(Serialize)]
pub(super) struct Facet {
    pub(super) name: &'static str,
    /// URL parameter of the search (`method`, `province`, …).
    pub(super) param: &'static str,
    /// Whether its terms are the library's classification.
    pub(super) classification: bool,
    pub(super) terms: Vec<FacetTerm>,
}

#[derive(Serialize)]
pub(super) struct FacetTerm {
    #[serde(flatten)]
    pub(super) term: TermRef,
    pub(super) count: usize,
    /// Position in the vocabulary: how the search index names the value.
    pub(super) index: usize,
}

/// The library's facets, in the order and with the parameters of the search index.
pub(super) fn facets(lib: &Library, ld: &LangData) -> Vec<Facet> {
    let config = &lib.config;
    Vocab::facets()
        .map(|(param, voc)| {
            let name = voc.name();
            let terms = if voc == Vocab::Methods {
                ld.index
                    .methods
                    .iter()
                    .enumerate()
                    .map(|(m, c)| TermCount {
                        term: views::term(config, ld.lang, "methods", TermId::at(m)),
                        count: c.len(),
                    })
                    .collect()
            } else {
                taxonomy_terms(ld, name)
            };
            let vocab = Some(config.vocab.get(voc));
            Facet {
                name,
                param,
                classification: voc.is_classification(),
                terms: terms
                    .into_iter()
                    .filter_map(|tc| {
                        let index = vocab?.terms.iter().position(|t| t.key == tc.term.key)?;
                        Some(FacetTerm {
                            term: tc.term,
                            count: tc.count,
                            index,
                        })
                    })
                    .collect(),
            }
        })
        .collect()
}

#[derive(Serialize)]
pub(super) struct MethodSummary {
    pub(super) term: TermRef,
    pub(super) summary: String,
    pub(super) practice_count: usize,
    pub(super) case_count: usize,
}

pub(super) fn method_summaries(lib: &Library, lang: Lang) -> Vec<MethodSummary> {
    let config = &lib.config;
    config
        .vocab
        .methods
        .iter()
        .map(|(m, _)| MethodSummary {
            term: views::term(config, lang, "methods", m),
            summary: lib.methods[m.index()]
                .texts
                .as_ref()
                .map(|t| t[lang].summary.value.clone())
                .unwrap_or_default(),
            practice_count: lib
                .cases
                .iter()
                .map(|c| {
                    c.texts[0]
                        .practices
                        .value
                        .iter()
                        .filter(|p| p.method == m)
                        .count()
                })
                .sum(),
            case_count: lib
                .cases
                .iter()
                .filter(|c| c.method_keys().any(|k| k == m))
                .count(),
        })
        .collect()
}

#[derive(Serialize)]
pub(super) struct MethodPage {
    pub(super) term: TermRef,
    pub(super) title: String,
    pub(super) summary: String,
    pub(super) body: String,
    pub(super) fallback: bool,
    pub(super) practices: Vec<PracticeRef>,
    pub(super) practice_count: usize,
    pub(super) case_count: usize,
}

#[derive(Serialize)]
pub(super) struct PracticeRef {
    pub(super) case_title: String,
    pub(super) case_place: String,
    pub(super) url: String,
    #[serde(flatten)]
    pub(super) practice: views::PracticeView,
}

#[derive(Serialize)]
pub(super) struct PracticeGroup {
    pub(super) method: TermRef,
    pub(super) practices: Vec<PracticeRef>,
    pub(super) total: usize,
}

/// Practices given as (case, practice) indexes, ready for a list.
pub(super) fn practice_refs(
    lib: &Library,
    lang: Lang,
    list: &[(CaseId, usize)],
) -> Vec<PracticeRef> {
    let config = &lib.config;
    list.iter()
        .map(|&(ci, pi)| {
            let c = &lib.cases[ci];
            let p = &c.texts[lang].practices.value[pi];
            let view = views::practice_views(config, lang, std::slice::from_ref(p)).remove(0);
            let n = pi + 1;
            PracticeRef {
                case_title: c.texts[lang].title.value.clone(),
                case_place: views::place_line(config, lang, c),
                url: format!(
                    "{}#practice-{n}",
                    urls::site_file(config.prefix(lang), &Page::Case { slug: &c.slug }.path())
                ),
                practice: views::PracticeView { n, ..view },
            }
        })
        .collect()
}

#[derive(Serialize)]
pub(super) struct DocPage {
    pub(super) slug: String,
    pub(super) title: String,
    pub(super) summary: String,
    pub(super) body: String,
    pub(super) toc: Vec<views::TocEntry>,
    pub(super) fallback: bool,
}

#[derive(Serialize)]
pub(super) struct FeedEntry {
    pub(super) title: String,
    pub(super) summary: String,
    pub(super) url: String,
    pub(super) updated: String,
}
