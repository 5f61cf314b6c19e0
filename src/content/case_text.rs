//! One language's texts of a case: each field checked, and for a translation, merged with the
//! default-language file (what the translation leaves out is inherited and marked).

use std::sync::Arc;

use crate::config::{Config, Lang, Vocabularies};
use crate::diagnostics::{Diagnostic, Diagnostics, suggest};
use crate::i18n::Text;
use crate::model::*;
use crate::t;
use crate::yaml::YamlDoc;

use super::doc::*;
use super::files::*;
use super::front::*;
use super::photos::*;
use super::uncertain::uncertain;

/// The default language's texts and front matter, for a translation; `None` for the
/// default-language file itself.
type Base<'a> = Option<(&'a CaseText, &'a CaseFront)>;

/// A field of a translation: its own value, else the default language's, marked inherited.
fn inherit<T>(own: Option<T>, base: Base<'_>, pick: impl Fn(&CaseText) -> T) -> Localized<T>
where
    T: Default,
{
    match (own, base) {
        (Some(s), _) => Localized::own(s),
        (None, Some((b, _))) => Localized::inherited(pick(b)),
        (None, None) => Localized::own(T::default()),
    }
}

/// What every language's text of one case is read with: the site's settings, the case page's
/// path (which its links are made relative to) and the photo files beside it.
pub(super) struct CaseFolder<'a> {
    pub(super) config: &'a Config,
    pub(super) bundle: String,
    pub(super) photos: PhotoFiles<'a>,
}

/// Builds one language's texts. For a translation, `base` holds the default language's texts
/// and front matter: what the translation leaves out is inherited and marked.
#[allow(clippy::too_many_arguments)]
pub(super) fn case_text(
    v: &LangFile<'_>,
    f: &CaseFront,
    base: Base<'_>,
    lang: Lang,
    case: &CaseFolder<'_>,
    diags: &mut Diagnostics,
) -> CaseText {
    let CaseFolder {
        config,
        bundle,
        photos: files,
    } = case;
    let doc = v.doc();
    let vocab = &config.vocab;
    let title = match base {
        None => Localized::own(text_or_missing(v, "title", f.title.clone(), diags)),
        Some(_) => inherit(f.title.clone(), base, |b| b.title.value.clone()),
    };
    let summary = match base {
        None => Localized::own(text_or_missing(v, "summary", f.summary.clone(), diags)),
        Some(_) => inherit(f.summary.clone(), base, |b| b.summary.value.clone()),
    };
    for (field, text, usual) in [("title", &f.title, 30), ("summary", &f.summary, 300)] {
        if let Some(d) = too_long(&doc, field, text.as_deref(), usual) {
            diags.push(d);
        }
    }
    let body = body(v, base, config, lang, bundle, diags);
    let photos = photo_pairs(v, f, base, files, diags);
    if let Localized {
        value: b,
        fallback: false,
    } = &body
    {
        for img in &b.images {
            if let Some(span) = b.span(&img.range) {
                files.request(&img.dest, span);
            }
        }
    }
    CaseText {
        title,
        summary,
        place: place(v, f.place.as_ref(), base, diags),
        methods: methods(v, &doc, f.methods.as_ref(), base, vocab, diags),
        practices: practices(v, &doc, f.practices.as_deref(), base, vocab, diags),
        figures: figures(v, &doc, f.figures.as_deref(), base, diags),
        sources: sources(&doc, f.sources.as_deref(), base, diags),
        tags: tags(v, f.tags.as_deref(), base, diags),
        photos,
        body,
        uncertain: uncertain(
            v,
            f.uncertain.as_deref(),
            base.map(|(b, _)| b.uncertain.as_slice()),
            diags,
        ),
        translated: true,
    }
}

/// A warning for a text far longer than its field is for (a summary pasted into `title`):
/// more than ten times the `usual` length, in characters.
fn too_long(
    doc: &YamlDoc<'_>,
    field: &str,
    text: Option<&str>,
    usual: usize,
) -> Option<Diagnostic> {
    let length = text?.chars().count();
    if length <= usual * 10 {
        return None;
    }
    let at = doc.key_span(field)?;
    let hint = match field {
        "title" => t!("case-title-too-long-hint"),
        _ => t!("case-summary-too-long-hint"),
    };
    Some(
        Diagnostic::warning(
            at,
            t!(
                "case-too-long",
                field = field,
                length = length,
                usual = usual
            ),
        )
        .hint(hint),
    )
}

/// The narrative: the translation's own, else the default language's.
fn body(
    v: &LangFile<'_>,
    base: Base<'_>,
    config: &Config,
    lang: Lang,
    bundle: &str,
    diags: &mut Diagnostics,
) -> Localized<Arc<Body>> {
    if v.split.body.trim().is_empty() {
        return inherit(None, base, |b| Arc::clone(&b.body.value));
    }
    let body = render_body(v, config, lang, bundle, Some(bundle), diags);
    Localized::own(Arc::new(body))
}

/// Where the case took place; a translation may translate some names and inherit the rest.
fn place(
    v: &LangFile<'_>,
    own: Option<&PlaceFront>,
    base: Base<'_>,
    diags: &mut Diagnostics,
) -> Localized<Place> {
    let Some(p) = own else {
        if base.is_none() {
            diags.push(
                Diagnostic::error(v.top(), t!("case-place-missing"))
                    .hint(t!("case-place-missing-hint")),
            );
        }
        return inherit(None, base, |b| b.place.value.clone());
    };
    let fallback =
        |pick: fn(&Place) -> Option<String>| base.and_then(|(b, _)| pick(&b.place.value));
    let village = match (&p.village, base) {
        (Some(s), _) => s.clone(),
        (None, Some((b, _))) => b.place.value.village.clone(),
        (None, None) => {
            diags.push(
                Diagnostic::error(v.top(), t!("case-village-missing"))
                    .hint(t!("case-village-missing-hint")),
            );
            String::new()
        }
    };
    Localized::own(Place {
        village,
        town: p.town.clone().or_else(|| fallback(|p| p.town.clone())),
        county: p.county.clone().or_else(|| fallback(|p| p.county.clone())),
        city: p.city.clone().or_else(|| fallback(|p| p.city.clone())),
    })
}

/// What the case did under each method, by method. A translation's methods must be the
/// default language's; a method it skips keeps the default language's text.
fn methods(
    v: &LangFile<'_>,
    doc: &YamlDoc<'_>,
    own: Option<&indexmap::IndexMap<serde_saphyr::Spanned<String>, String>>,
    base: Base<'_>,
    vocab: &Vocabularies,
    diags: &mut Diagnostics,
) -> Localized<Vec<(crate::id::TermId, String)>> {
    let Some(m) = own else {
        if base.is_none() {
            diags.push(
                Diagnostic::error(v.top(), t!("case-methods-missing"))
                    .hint(t!("case-methods-missing-hint")),
            );
        }
        return inherit(None, base, |b| b.methods.value.clone());
    };
    let mut list = Vec::new();
    // A method with no text yet (`co-decision: ""`, as `casebook new` writes it) is left out.
    for (key, text) in m.iter().filter(|(_, text)| !text.trim().is_empty()) {
        let i = match vocab.methods.check(doc, key) {
            Ok(i) => i,
            Err(d) => {
                // The text under an unknown key would otherwise vanish from every page.
                diags.push(d);
                continue;
            }
        };
        if let Some((bt, _)) = base
            && !bt.methods.value.iter().any(|(bm, _)| *bm == i)
        {
            diags.push(
                Diagnostic::error(
                    doc.at(key),
                    t!("case-method-not-in-default", key = &key.value),
                )
                .hint(t!("case-method-not-in-default-hint")),
            );
        }
        list.push((i, text.clone()));
    }
    if let Some((bt, _)) = base {
        for (bm, bt) in &bt.methods.value {
            if !list.iter().any(|(m, _)| m == bm) {
                list.push((*bm, bt.clone()));
            }
        }
    }
    list.sort_by_key(|(m, _)| *m);
    if list.is_empty() && base.is_none() && m.values().all(|t| t.trim().is_empty()) {
        diags.push(
            // At the `methods:` line, whose entries are all empty.
            Diagnostic::error(
                doc.key_span("methods").unwrap_or_else(|| v.top()),
                t!("case-methods-empty"),
            )
            .hint(t!("case-methods-empty-hint")),
        );
    }
    Localized::own(list)
}

/// A list of a translation that must have as many entries as the default language's, in the
/// same order: an error at its first entry when the counts differ. `message` says so from
/// the two counts (this file's, the default language's).
fn same_length(
    v: &LangFile<'_>,
    message: fn(usize, usize) -> Text,
    first: Option<crate::diagnostics::Span>,
    len: usize,
    base_len: Option<usize>,
    hint: Text,
    diags: &mut Diagnostics,
) {
    if let Some(base_len) = base_len
        && base_len != len
    {
        diags.push(
            Diagnostic::error(first.unwrap_or_else(|| v.top()), message(len, base_len)).hint(hint),
        );
    }
}

/// The practices, each filed under a method. A translation names the practice each of its
/// own translates (`translates:`, the default-language name), so its order cannot pair one
/// practice's text with another; its practices come out in the default language's order.
fn practices(
    v: &LangFile<'_>,
    doc: &YamlDoc<'_>,
    own: Option<&[PracticeFront]>,
    base: Base<'_>,
    vocab: &Vocabularies,
    diags: &mut Diagnostics,
) -> Localized<Vec<Practice>> {
    let Some(list) = own else {
        return inherit(None, base, |b| b.practices.value.clone());
    };
    same_length(
        v,
        |here, there| t!("case-practices-count", count = here, base = there),
        list.first().map(|p| doc.at(&p.name)),
        list.len(),
        base.map(|(_, bf)| bf.practices.as_ref().map_or(0, Vec::len)),
        t!("case-practices-count-hint"),
        diags,
    );
    let Some((bt, _)) = base else {
        distinct_names(doc, list, diags);
        let out = list
            .iter()
            .filter(|p| !is_blank(p))
            .filter_map(|p| practice(doc, p, vocab, diags))
            .collect();
        return Localized::own(out);
    };
    let base_list = &bt.practices.value;
    // Each default-language practice, with the translation of it once one is found.
    let mut paired: Vec<Option<Practice>> = vec![None; base_list.len()];
    let mut named_at: Vec<Option<usize>> = vec![None; base_list.len()];
    for (i, p) in list.iter().enumerate() {
        let Some(at) = original(doc, p, i, base_list, diags) else {
            continue;
        };
        if let Some(first) = named_at[at] {
            diags.push(
                Diagnostic::error(
                    doc.at(p.translates.as_ref().unwrap_or(&p.name)),
                    t!(
                        "case-practice-translated-twice",
                        name = &base_list[at].name,
                        line = first
                    ),
                )
                .hint(t!("case-practice-translated-twice-hint")),
            );
            continue;
        }
        named_at[at] = Some(doc.at(p.translates.as_ref().unwrap_or(&p.name)).line);
        if is_blank(p) {
            continue;
        }
        if let Some(t) = practice(doc, p, vocab, diags) {
            if t.method != base_list[at].method {
                diags.push(
                    Diagnostic::error(doc.at(&p.method), t!("case-practice-method-differs"))
                        .hint(t!("case-practice-method-differs-hint")),
                );
            }
            paired[at] = Some(t);
        }
    }
    let out = paired
        .into_iter()
        .zip(base_list)
        .map(|(t, b)| t.unwrap_or_else(|| b.clone()))
        .collect();
    Localized::own(out)
}

/// Each practice of a default-language file has a name of its own: translations name the
/// practice they translate by it.
fn distinct_names(doc: &YamlDoc<'_>, list: &[PracticeFront], diags: &mut Diagnostics) {
    for (i, p) in list.iter().enumerate() {
        let name = p.name.value.trim();
        if name.is_empty() {
            continue;
        }
        if let Some(first) = list[..i].iter().find(|q| q.name.value.trim() == name) {
            diags.push(
                Diagnostic::error(
                    doc.at(&p.name),
                    t!(
                        "case-practice-name-twice",
                        name = name,
                        line = doc.at(&first.name).line
                    ),
                )
                .hint(t!("case-practice-name-twice-hint")),
            );
        }
    }
}

/// Which default-language practice the `i`th practice of a translation translates: the one
/// its `translates:` names. A blank practice (a template's) without it stands for the one
/// in its place; any other without it, or naming none, is an error that says what to write.
fn original(
    doc: &YamlDoc<'_>,
    p: &PracticeFront,
    i: usize,
    base: &[Practice],
    diags: &mut Diagnostics,
) -> Option<usize> {
    let names = || base.iter().map(|b| b.name.as_str());
    let Some(key) = &p.translates else {
        if is_blank(p) {
            return (i < base.len()).then_some(i);
        }
        let hint = match base.get(i) {
            Some(b) => t!("case-practice-translates-missing-hint", name = &b.name),
            None => t!(
                "case-practice-translates-missing-any",
                names = names().collect::<Vec<_>>().join("、")
            ),
        };
        diags.push(
            Diagnostic::error(doc.at(&p.name), t!("case-practice-translates-missing")).hint(hint),
        );
        return None;
    };
    let found = base.iter().position(|b| b.name == key.value.trim());
    if found.is_none() {
        diags.push(
            Diagnostic::error(
                doc.at(key),
                t!("case-practice-translates-unknown", name = &key.value),
            )
            .hint(suggest(&key.value, t!("what-practice"), names())),
        );
    }
    found
}

/// One practice as written, its method checked; an unnamed one is said and kept, so the
/// rest of its text is not lost.
fn practice(
    doc: &YamlDoc<'_>,
    p: &PracticeFront,
    vocab: &Vocabularies,
    diags: &mut Diagnostics,
) -> Option<Practice> {
    let method = match vocab.methods.check(doc, &p.method) {
        Ok(m) => m,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    if p.name.value.trim().is_empty() {
        diags.push(
            Diagnostic::error(doc.at(&p.name), t!("case-practice-unnamed"))
                .hint(t!("case-practice-unnamed-hint")),
        );
    }
    Some(Practice {
        name: p.name.value.clone(),
        method,
        summary: p.summary.clone(),
        steps: p.steps.clone(),
        conditions: p.conditions.clone(),
    })
}

/// Whether nothing of a practice is written yet (its method aside, which a template fills in).
fn is_blank(p: &PracticeFront) -> bool {
    p.name.value.trim().is_empty()
        && p.summary.trim().is_empty()
        && p.steps.iter().all(|s| s.trim().is_empty())
        && p.conditions.iter().all(|s| s.trim().is_empty())
}

/// The key figures; a translation may give only each figure's label.
fn figures(
    v: &LangFile<'_>,
    doc: &YamlDoc<'_>,
    own: Option<&[FigureFront]>,
    base: Base<'_>,
    diags: &mut Diagnostics,
) -> Localized<Vec<Figure>> {
    let Some(list) = own else {
        return inherit(None, base, |b| b.figures.value.clone());
    };
    let base_list = base.map(|(b, _)| &b.figures.value);
    same_length(
        v,
        |here, there| t!("case-figures-count", count = here, base = there),
        list.first().map(|x| doc.at(&x.label)),
        list.len(),
        base.map(|(_, bf)| bf.figures.as_ref().map_or(0, Vec::len)),
        t!("case-figures-count-hint"),
        diags,
    );
    let out = list
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let bf = base_list.and_then(|bl| bl.get(i));
            if bf.is_none() && x.value.is_none() && (x.before.is_none() || x.after.is_none()) {
                diags.push(
                    Diagnostic::error(doc.at(&x.label), t!("case-figure-no-number"))
                        .hint(t!("case-figure-no-number-hint")),
                );
            }
            Figure {
                label: x.label.value.clone(),
                value: x.value.clone().or_else(|| bf.and_then(|b| b.value.clone())),
                before: x
                    .before
                    .clone()
                    .or_else(|| bf.and_then(|b| b.before.clone())),
                after: x.after.clone().or_else(|| bf.and_then(|b| b.after.clone())),
                year_before: x.year_before.or_else(|| bf.and_then(|b| b.year_before)),
                year_after: x.year_after.or_else(|| bf.and_then(|b| b.year_after)),
            }
        })
        .collect();
    Localized::own(out)
}

/// The sources the case is written from, each with a web address or none.
fn sources(
    doc: &YamlDoc<'_>,
    own: Option<&[SourceFront]>,
    base: Base<'_>,
    diags: &mut Diagnostics,
) -> Localized<Vec<Source>> {
    let Some(list) = own else {
        return inherit(None, base, |b| b.sources.value.clone());
    };
    let mut out = Vec::new();
    for s in list {
        // `{title: "", url: "https://"}`, as `casebook new` writes it, is left out, and said.
        let placeholder = s
            .url
            .as_ref()
            .filter(|u| matches!(u.value.trim(), "" | "https://" | "http://"));
        let url = s.url.as_ref().filter(|_| placeholder.is_none());
        if let Some(u) = placeholder {
            let (message, hint) = if s.title.trim().is_empty() {
                (
                    t!("case-source-empty", url = &u.value),
                    t!("case-source-empty-hint"),
                )
            } else {
                (
                    t!("case-source-url-placeholder", url = &u.value),
                    t!("case-source-url-placeholder-hint"),
                )
            };
            diags.push(Diagnostic::warning(doc.at(u), message).hint(hint));
        }
        if s.title.trim().is_empty() && url.is_none() {
            continue;
        }
        if let Some(u) = url
            && !(u.value.starts_with("https://") || u.value.starts_with("http://"))
        {
            // Quotes typed with a Chinese input method, or its full-width colon and slash,
            // around or in an address that is otherwise whole: say what to write.
            let fixed = u
                .value
                .trim_matches(|c: char| c.is_whitespace() || "“”‘’「」『』《》\"'".contains(c))
                .replace('：', ":")
                .replace('／', "/");
            let hint = if fixed.starts_with("https://") || fixed.starts_with("http://") {
                t!("case-source-url-fix-hint", url = fixed)
            } else {
                t!("case-source-not-url-hint")
            };
            diags.push(
                Diagnostic::error(doc.at(u), t!("case-source-not-url", url = &u.value)).hint(hint),
            );
        }
        out.push(Source {
            title: s.title.clone(),
            url: url.map(|u| u.value.clone()),
        });
    }
    Localized::own(out)
}

/// The free tags, trimmed and without repeats.
fn tags(
    v: &LangFile<'_>,
    own: Option<&[String]>,
    base: Base<'_>,
    diags: &mut Diagnostics,
) -> Localized<Vec<String>> {
    let Some(list) = own else {
        return inherit(None, base, |b| b.tags.value.clone());
    };
    let mut out: Vec<String> = Vec::new();
    for tag in list {
        let tag = tag.trim();
        if tag.is_empty() {
            diags.push(
                Diagnostic::error(v.top(), t!("case-tag-empty")).hint(t!("case-tag-empty-hint")),
            );
        } else if !out.iter().any(|x| x == tag) {
            out.push(tag.to_owned());
        }
    }
    Localized::own(out)
}
