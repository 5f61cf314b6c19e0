//! What templates see: the library turned into plain serializable views, one set per language.
//!
//! Each case's card is built once per language and shared (tera values are reference counted),
//! so listing pages cost what they list and nothing more.

use std::collections::BTreeMap;

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

/// Which parts of a page are shown in the default language.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Fallbacks {
    /// Any part at all.
    pub any: bool,
    /// The page has no translation file.
    pub untranslated: bool,
    /// Summary.
    pub summary: bool,
    /// Method texts.
    pub methods: bool,
    /// Practices.
    pub practices: bool,
    /// Figures.
    pub figures: bool,
    /// Narrative.
    pub body: bool,
}

impl Fallbacks {
    /// What a page in `lang` shows of the default language's, from its texts.
    pub fn of(lang: Lang, t: &CaseText) -> Fallbacks {
        let translation = !lang.is_default();
        Fallbacks {
            any: translation
                && (!t.translated
                    || t.summary.fallback
                    || t.methods.fallback
                    || t.practices.fallback
                    || t.body.fallback),
            untranslated: translation && !t.translated,
            summary: translation && t.summary.fallback,
            methods: translation && t.methods.fallback,
            practices: translation && t.practices.fallback,
            figures: translation && t.figures.fallback,
            body: translation && t.body.fallback && !t.body.value.html.is_empty(),
        }
    }
}

/// A before/after pair on a page.
#[derive(Debug, Clone, Serialize)]
pub struct PairView {
    /// `<picture>` markup of the before photo.
    pub before: String,
    /// `<picture>` markup of the after photo.
    pub after: String,
    /// Caption.
    pub caption: String,
    /// Credit and licence.
    pub credit: Option<String>,
    /// Year of the before photo.
    pub year_before: Option<i32>,
    /// Year of the after photo.
    pub year_after: Option<i32>,
}

/// `sizes` of a photo in a before/after pair: full width on phones, half of the 72rem column
/// side by side on wide screens.
const PAIR_SIZES: &str = "(min-width: 48rem) 36rem, 100vw";
/// `sizes` of a photo in a narrative.
const BODY_SIZES: &str = "(min-width: 48rem) 42rem, 100vw";

/// `<picture>` markup for a processed photo: WebP and JPEG at every size, width and height
/// set so the page does not jump while it loads, and a link to the largest version. Written
/// here rather than in a template because srcset lists are built from the photo's sizes.
pub fn picture(
    photos: &Photos,
    file: &std::path::Path,
    alt: &str,
    root: &str,
    eager: bool,
    sizes: &str,
) -> String {
    let Some(p) = photos.get(file) else {
        return String::new();
    };
    let srcset = |ext: &str| {
        p.sizes
            .iter()
            .map(|z| format!("{root}{} {}w", p.output(z.width, ext), z.width))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let largest = p.largest();
    let middle = &p.sizes[p.sizes.len() / 2];
    let mut alt_esc = String::new();
    crate::markdown::escape_into(&mut alt_esc, alt);
    format!(
        "<a class=\"photo-link\" href=\"{root}{full}\"><picture><source type=\"image/webp\" srcset=\"{webp}\" sizes=\"{sizes}\"><img src=\"{root}{src}\" srcset=\"{jpg}\" sizes=\"{sizes}\" width=\"{w}\" height=\"{h}\" alt=\"{alt_esc}\" loading=\"{loading}\" decoding=\"async\"></picture></a>",
        full = p.output(largest.width, "jpg"),
        webp = srcset("webp"),
        jpg = srcset("jpg"),
        src = p.output(middle.width, "jpg"),
        w = largest.width,
        h = largest.height,
        loading = if eager { "eager" } else { "lazy" },
    )
}

/// A body's HTML with each photo marker replaced by its picture.
pub fn with_pictures(
    photos: &Photos,
    c: &Case,
    html: &str,
    images: &[crate::markdown::BodyImage],
    root: &str,
) -> String {
    if images.is_empty() {
        return html.to_owned();
    }
    let mut out = html.to_owned();
    for (i, img) in images.iter().enumerate() {
        let file = c.dir.join(&img.dest);
        let pic = format!(
            "<span class=\"body-photo\">{}</span>",
            picture(photos, &file, &img.alt, root, false, BODY_SIZES)
        );
        out = out.replacen(&crate::markdown::photo_marker(i), &pic, 1);
    }
    out
}

/// A table of contents entry.
#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    /// Anchor id.
    pub id: String,
    /// Text.
    pub text: String,
}

/// Everything a case page shows (`case` in `case.html`): the fields of [`card`], then
/// `method_rows` (one per method of the vocabulary: `method`, and `text` or none),
/// `practices`, `figures`, `changes`, `tags`, `sources`, `body` (the narrative's HTML, or
/// `body` when given: a course renders narratives again), `toc`, `fb` ([`Fallbacks`]), `draft`,
/// `unfinished` (what a draft has not written yet) and `photos` (before/after pairs).
pub fn case_view(
    lib: &Library,
    photos: &Photos,
    lang: Lang,
    c: &Case,
    root: &str,
    terms: &TermValues,
    body: Option<String>,
) -> Value {
    let config = &lib.config;
    let t = &c.texts[lang];
    let pairs = pair_views(photos, &t.photos.value, root);
    let body = body.unwrap_or_else(|| {
        with_pictures(photos, c, &t.body.value.html, &t.body.value.images, root)
    });
    let method_rows = method_rows(config, t, terms);
    let mut m = card_map(config, lang, c, terms);
    m.insert("method_rows", method_rows.into());
    m.insert(
        "practices",
        value(&practice_views(config, lang, &t.practices.value)),
    );
    m.insert("figures", value(&t.figures.value));
    m.insert(
        "changes",
        c.changes
            .iter()
            .map(|&i| terms.get(Vocab::Changes, i))
            .collect::<Vec<Value>>()
            .into(),
    );
    let tags: Vec<TermRef> = t.tags.value.iter().map(|s| tag(config, lang, s)).collect();
    m.insert("tags", value(&tags));
    m.insert("sources", value(&t.sources.value));
    m.insert("body", Value::safe_string(&body));
    m.insert("toc", value(&toc(&t.body.value)));
    let fb = Fallbacks::of(lang, t);
    m.insert("fb", value(&fb));
    m.insert("draft", c.draft.into());
    m.insert("unfinished", value(&Unfinished::of(c, t)));
    m.insert("photos", value(&pairs));
    Value::from(m)
}

/// The before/after pairs of a case as its page shows them. The first photo of a page loads
/// at once; the others when scrolled near.
fn pair_views(photos: &Photos, pairs: &[PhotoPair], root: &str) -> Vec<PairView> {
    let mut eager = true;
    pairs
        .iter()
        .map(|p| {
            let before = picture(
                photos,
                &p.before.file,
                &p.before.alt,
                root,
                std::mem::take(&mut eager),
                PAIR_SIZES,
            );
            let after = picture(photos, &p.after.file, &p.after.alt, root, false, PAIR_SIZES);
            PairView {
                before,
                after,
                caption: p.caption.clone(),
                credit: p.credit.clone(),
                year_before: p.year_before,
                year_after: p.year_after,
            }
        })
        .collect()
}

/// One row per method of the vocabulary, with what the case did under it, or none.
fn method_rows(config: &Config, t: &CaseText, terms: &TermValues) -> Vec<Value> {
    TermId::all(config.vocab.methods.terms.len())
        .map(|m| {
            let text = t
                .methods
                .value
                .iter()
                .find(|(k, _)| *k == m)
                .map(|(_, s)| s.as_str());
            let mut row: IndexMap<&'static str, Value> = IndexMap::with_capacity(2);
            row.insert("method", terms.get(Vocab::Methods, m));
            row.insert("text", text.into());
            Value::from(row)
        })
        .collect()
}

/// The parts of a draft not written yet, which its page marks where they go; nothing is
/// marked on a published case, where an empty part is the editor's choice.
#[derive(Serialize, Default)]
struct Unfinished {
    summary: bool,
    methods: bool,
    practices: bool,
    sources: bool,
    /// Sections of the narrative that have a heading and nothing under it yet.
    sections: Vec<HeadingView>,
    /// Whether anything at all is left to write.
    any: bool,
}

#[derive(Serialize)]
struct HeadingView {
    id: String,
    text: String,
}

impl Unfinished {
    fn of(c: &Case, t: &CaseText) -> Unfinished {
        if !c.draft {
            return Unfinished::default();
        }
        let mut u = Unfinished {
            summary: t.summary.value.trim().is_empty(),
            methods: t.methods.value.is_empty(),
            practices: t.practices.value.is_empty(),
            sources: t.sources.value.is_empty(),
            sections: empty_sections(&t.body.value),
            any: false,
        };
        u.any = u.summary || u.methods || u.practices || u.sources || !u.sections.is_empty();
        u
    }
}

/// The headings of a narrative with nothing under them before the next heading, as a new
/// case's template leaves them.
fn empty_sections(body: &Body) -> Vec<HeadingView> {
    body.headings
        .iter()
        .filter(|h| {
            let Some(at) = body.html.find(&format!("id=\"{}\"", h.id)) else {
                return false;
            };
            let rest = &body.html[at..];
            let close = format!("</h{}>", h.level);
            let after = rest.find(&close).map_or("", |i| &rest[i + close.len()..]);
            let after = after.trim_start();
            after.is_empty() || after.starts_with("<h")
        })
        .map(|h| HeadingView {
            id: h.id.clone(),
            text: h.text.clone(),
        })
        .collect()
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
    for (ci, c) in lib.case_ids() {
        for t in &c.texts[lang].tags.value {
            let r = tag(config, lang, t);
            let entry = tags.entry(r.key.clone()).or_insert_with(|| (r, Vec::new()));
            if entry.1.last() != Some(&ci) {
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

/// Converts a serializable view to a template value.
pub fn value<T: Serialize>(v: &T) -> Value {
    Value::from_serializable(v)
}
