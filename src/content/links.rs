//! Every `@/` link and `#fragment` of every body checked against the pages that exist.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Lang;
use crate::diagnostics::{Diagnostic, Diagnostics, suggest};
use crate::load::Sources;
use crate::markdown;
use crate::model::*;
use crate::section::Section;
use crate::t;

use super::Unavailable;

/// Ids every case page has besides its headings, so `@/cases/x#practices` can be checked.
const CASE_PAGE_IDS: &[&str] = &[
    "summary",
    "methods",
    "practices",
    "figures",
    "photos",
    "story",
    "sources",
    "related",
];

/// Ids every method page has besides its headings.
const METHOD_PAGE_IDS: &[&str] = &["practices", "cases"];

/// Ids every course page has besides its headings.
const COURSE_PAGE_IDS: &[&str] = &["contents", "questions"];

/// Checks every `@/` link and `#fragment` of every body against the pages that exist.
pub(super) fn check_links(
    lib: &Library,
    sources: &Sources,
    unavailable: &Unavailable,
    diags: &mut Diagnostics,
) {
    let langs = lib.lang_count();
    let ids = |headings: &[markdown::Heading], fixed: &[&str]| -> HashSet<String> {
        headings
            .iter()
            .map(|h| h.id.clone())
            .chain(fixed.iter().map(|s| (*s).to_owned()))
            .collect()
    };
    // Target ids per language, by (kind, slug).
    let mut targets: HashMap<(Section, &str), Vec<HashSet<String>>> = HashMap::new();
    for c in &lib.cases {
        let v = (0..langs)
            .map(|l| {
                let mut s = ids(&c.texts[l].body.value.headings, CASE_PAGE_IDS);
                s.extend((1..=c.texts[0].practices.value.len()).map(|i| format!("practice-{i}")));
                s
            })
            .collect();
        targets.insert((Section::Case, &c.slug), v);
    }
    for (i, m) in lib.methods.iter().enumerate() {
        let key = lib.config.vocab.methods.terms[i].key.as_str();
        let v = (0..langs)
            .map(|l| {
                ids(
                    m.texts
                        .as_ref()
                        .map_or(&[][..], |t| &t[l].body.value.headings),
                    METHOD_PAGE_IDS,
                )
            })
            .collect();
        targets.insert((Section::Method, key), v);
    }
    for p in &lib.pages {
        targets.insert(
            (Section::Page, &p.slug),
            (0..langs)
                .map(|l| ids(&p.texts[l].body.value.headings, &[]))
                .collect(),
        );
    }
    for c in &lib.courses {
        let v = (0..langs)
            .map(|l| {
                let mut s = ids(&c.texts[l].doc.body.value.headings, COURSE_PAGE_IDS);
                s.extend((1..=c.texts[0].sessions.value.len()).map(|i| format!("session-{i}")));
                s
            })
            .collect();
        targets.insert((Section::Course, &c.slug), v);
    }

    // Every own-language body, with the page it belongs to.
    let mut bodies: Vec<(&Body, Lang, (Section, &str))> = Vec::new();
    for c in &lib.cases {
        for (l, t) in Lang::each(&c.texts) {
            if t.translated && !t.body.fallback {
                bodies.push((&t.body.value, l, (Section::Case, &c.slug)));
            }
        }
    }
    for (i, m) in lib.methods.iter().enumerate() {
        let key = lib.config.vocab.methods.terms[i].key.as_str();
        for (l, t) in m.texts.iter().flat_map(|t| Lang::each(t)) {
            if t.translated && !t.body.fallback {
                bodies.push((&t.body.value, l, (Section::Method, key)));
            }
        }
    }
    for p in &lib.pages {
        for (l, t) in Lang::each(&p.texts) {
            if t.translated && !t.body.fallback {
                bodies.push((&t.body.value, l, (Section::Page, &p.slug)));
            }
        }
    }
    for c in &lib.courses {
        for (l, t) in Lang::each(&c.texts) {
            if t.doc.translated && !t.doc.body.fallback {
                bodies.push((&t.doc.body.value, l, (Section::Course, &c.slug)));
            }
        }
    }
    let assets: HashSet<&Path> = sources.assets.iter().map(PathBuf::as_path).collect();

    let found: Vec<Diagnostic> = bodies
        .par_iter()
        .flat_map_iter(|(body, lang, (own_kind, own_slug))| {
            let mut out = Vec::new();
            let Some((source, _)) = &body.source else {
                return out;
            };
            let span =
                |range: &std::ops::Range<usize>| body.span(range).unwrap_or_else(|| source.whole());
            for link in &body.links {
                let (kind, slug) = match link.section {
                    Some(s) => (s, link.slug.as_str()),
                    None => (*own_kind, *own_slug),
                };
                let state = || unavailable.get(&(kind, slug.to_owned())).copied();
                let Some(target) = targets.get(&(kind, slug)) else {
                    match state() {
                        Some(true) => {
                            out.push(
                                Diagnostic::error(
                                    span(&link.range),
                                    t!("link-to-draft", kind = kind.name(), slug = slug),
                                )
                                .label(t!("link-to-draft-label"))
                                .hint(t!("link-to-draft-hint")),
                            );
                            continue;
                        }
                        Some(false) => continue,
                        None => {}
                    }
                    let candidates: Vec<&str> = targets
                        .keys()
                        .filter(|(k, _)| *k == kind)
                        .map(|(_, s)| *s)
                        .collect();
                    out.push(
                        Diagnostic::error(
                            span(&link.range),
                            t!("link-broken", kind = kind.name(), slug = slug),
                        )
                        .label(t!("link-broken-label"))
                        .hint(suggest(
                            slug,
                            t!("what-slug"),
                            candidates.iter().copied(),
                        )),
                    );
                    continue;
                };
                if let Some(f) = &link.fragment
                    && !target[*lang].contains(f)
                    && state().is_none()
                {
                    let mut known: Vec<&str> = target[*lang].iter().map(String::as_str).collect();
                    known.sort_unstable();
                    out.push(
                        Diagnostic::error(
                            span(&link.range),
                            t!(
                                "link-anchor-missing",
                                fragment = f,
                                kind = kind.name(),
                                slug = slug
                            ),
                        )
                        .label(t!("link-anchor-missing-label"))
                        .hint(suggest(
                            f,
                            t!("what-anchor"),
                            known.iter().copied(),
                        )),
                    );
                }
            }
            for img in &body.images {
                let file = source.path.parent().map(|p| p.join(&img.dest));
                let exists = file.as_deref().is_some_and(|f| assets.contains(f));
                let escapes = img.dest.split('/').any(|s| s == "..");
                if escapes || !exists {
                    out.push(
                        Diagnostic::error(
                            span(&img.range),
                            t!("link-image-missing", file = &img.dest),
                        )
                        .label(t!("link-image-missing-label"))
                        .hint(t!("link-image-missing-hint")),
                    );
                }
            }
            out
        })
        .collect();
    for d in found {
        diags.push(d);
    }
}
