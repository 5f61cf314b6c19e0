//! What templates see: the library turned into plain serializable views, one set per language.
//!
//! Each case's card is built once per language and shared (tera values are reference counted),
//! so listing pages cost what they list and nothing more.

mod case;
mod index;

pub use case::*;
pub use index::*;

use indexmap::IndexMap;

use serde::Serialize;
use tera::Value;

use crate::config::{Config, Lang, Vocab, Vocabulary};
use crate::id::{CaseId, TermId};
use crate::markdown::slugify;
use crate::model::*;
use crate::photos::Photos;
use crate::urls::{self, Page};

/// A vocabulary term or tag as a link.
#[derive(Debug, Clone, Serialize)]
pub struct TermRef {
    /// Key (or tag slug).
    pub key: String,
    /// Label in the page's language.
    pub label: String,
    /// URL relative to the site root.
    pub url: String,
}

/// The vocabulary a taxonomy name refers to (tags have none).
pub fn vocabulary<'a>(config: &'a Config, taxonomy: &str) -> Option<&'a Vocabulary> {
    Vocab::from_name(taxonomy).map(|v| config.vocab.get(v))
}

/// A term of a vocabulary as a link.
pub fn term(config: &Config, lang: Lang, taxonomy: &str, index: TermId) -> TermRef {
    let voc = vocabulary(config, taxonomy);
    let t = voc.map(|v| &v.terms[index]);
    TermRef {
        key: t.map(|t| t.key.clone()).unwrap_or_default(),
        label: t.map(|t| t.labels[lang].clone()).unwrap_or_default(),
        url: urls::site_file(
            config.prefix(lang),
            &Page::Term {
                taxonomy,
                key: t.map(|t| t.key.as_str()).unwrap_or_default(),
                page: 1,
            }
            .path(),
        ),
    }
}

/// A tag as a link.
pub fn tag(config: &Config, lang: Lang, label: &str) -> TermRef {
    let key = slugify(label);
    TermRef {
        url: urls::site_file(
            config.prefix(lang),
            &Page::Term {
                taxonomy: "tags",
                key: &key,
                page: 1,
            }
            .path(),
        ),
        key,
        label: label.to_owned(),
    }
}

/// "柏林寺村 · 七里坪镇 · 红安县" or "Berlin Temple Village, Qiliping Town, Hong'an County".
pub fn place_line(config: &Config, lang: Lang, case: &Case) -> String {
    let p = &case.texts[lang].place.value;
    let province = &config.vocab.provinces.terms[case.province].labels[lang];
    let parts: Vec<&str> = [
        Some(p.village.as_str()),
        p.town.as_deref(),
        p.county.as_deref(),
        p.city.as_deref(),
        Some(province.as_str()),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect();
    let sep = if lang.is_default() && config.languages[0].code.starts_with("zh") {
        " · "
    } else {
        ", "
    };
    parts.join(sep)
}

/// Every vocabulary term of one language as a template value, made once: cards and pages name
/// the same few terms thousands of times, and a shared value costs a reference count where a
/// new one costs a map of three strings.
pub struct TermValues {
    by_vocabulary: Vec<Vec<Value>>,
}

impl TermValues {
    /// The terms of every vocabulary in `lang`.
    pub fn new(config: &Config, lang: Lang) -> Self {
        TermValues {
            by_vocabulary: Vocab::ALL
                .iter()
                .map(|v| v.name())
                .map(|name| {
                    let n = vocabulary(config, name).map_or(0, |v| v.terms.len());
                    TermId::all(n)
                        .map(|i| value(&term(config, lang, name, i)))
                        .collect()
                })
                .collect(),
        }
    }

    /// Term `index` of a vocabulary, as [`term`] makes it.
    pub fn get(&self, vocab: Vocab, index: TermId) -> Value {
        Vocab::ALL
            .iter()
            .position(|v| *v == vocab)
            .and_then(|v| self.by_vocabulary[v].get(index.index()))
            .cloned()
            .unwrap_or_else(Value::none)
    }
}

/// A case as a card in lists, as templates see it (`c` in `partials/card.html`): `slug`,
/// `url` (relative to the site root), `title`, `summary`, `place` (one line), `province`,
/// `kind` and `role` (terms), `methods` (the methods it has something for) and `challenges`
/// (terms), `since`, `updated` (YYYY-MM-DD), `fallback` (title and summary shown in the default
/// language) and `practice_count`. A term is a map of `key`, `label` and `url`.
pub fn card(config: &Config, lang: Lang, c: &Case, terms: &TermValues) -> Value {
    Value::from(card_map(config, lang, c, terms))
}

/// The fields of [`card`], for views that extend it.
fn card_map(
    config: &Config,
    lang: Lang,
    c: &Case,
    terms: &TermValues,
) -> IndexMap<&'static str, Value> {
    let t = &c.texts[lang];
    let list = |vocab: Vocab, keys: &mut dyn Iterator<Item = TermId>| {
        Value::from(keys.map(|k| terms.get(vocab, k)).collect::<Vec<Value>>())
    };
    let mut m: IndexMap<&'static str, Value> = IndexMap::with_capacity(14);
    m.insert("slug", c.slug.as_str().into());
    m.insert(
        "url",
        urls::site_file(config.prefix(lang), &Page::Case { slug: &c.slug }.path()).into(),
    );
    m.insert("title", t.title.value.as_str().into());
    m.insert("summary", t.summary.value.as_str().into());
    m.insert("place", place_line(config, lang, c).into());
    m.insert("province", terms.get(Vocab::Provinces, c.province));
    m.insert("kind", terms.get(Vocab::Kinds, c.kind));
    m.insert("role", terms.get(Vocab::Roles, c.role));
    m.insert("methods", list(Vocab::Methods, &mut c.method_keys()));
    m.insert(
        "challenges",
        list(Vocab::Challenges, &mut c.challenges.iter().copied()),
    );
    m.insert("since", c.since.into());
    m.insert("updated", c.updated.to_string().into());
    m.insert("fallback", (t.title.fallback || t.summary.fallback).into());
    m.insert("practice_count", c.texts[0].practices.value.len().into());
    m
}

/// One row of a case's five-method table.
#[derive(Debug, Clone, Serialize)]
pub struct MethodRow {
    /// The method.
    pub method: TermRef,
    /// What the case did; `None` when the case has nothing under it.
    pub text: Option<String>,
}

/// A practice with its number on the case page.
#[derive(Debug, Clone, Serialize)]
pub struct PracticeView {
    /// 1-based position; the case page's anchor is `practice-<n>`.
    pub n: usize,
    /// Name.
    pub name: String,
    /// The method it is filed under.
    pub method: TermRef,
    /// Summary.
    pub summary: String,
    /// Steps.
    pub steps: Vec<String>,
    /// Conditions.
    pub conditions: Vec<String>,
}

/// A table of contents entry.
#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    /// Anchor id.
    pub id: String,
    /// Text.
    pub text: String,
}

/// Practices as views, numbered from 1.
pub fn practice_views(config: &Config, lang: Lang, list: &[Practice]) -> Vec<PracticeView> {
    list.iter()
        .enumerate()
        .map(|(i, p)| PracticeView {
            n: i + 1,
            name: p.name.clone(),
            method: term(config, lang, "methods", p.method),
            summary: p.summary.clone(),
            steps: p.steps.clone(),
            conditions: p.conditions.clone(),
        })
        .collect()
}

/// Level-2 headings of a body.
pub fn toc(body: &Body) -> Vec<TocEntry> {
    body.headings
        .iter()
        .filter(|h| h.level == 2)
        .map(|h| TocEntry {
            id: h.id.clone(),
            text: h.text.clone(),
        })
        .collect()
}

/// Converts a serializable view to a template value.
pub fn value<T: Serialize>(v: &T) -> Value {
    Value::from_serializable(v)
}
