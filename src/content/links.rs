//! Every `@/` link and `#fragment` of every body checked against the pages that exist.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Lang;
use crate::diagnostics::{Diagnostic, Diagnostics, suggest};
use crate::i18n::Text;
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

/// The ids of every page a link can name, per language, by section and slug.
type Targets<'a> = HashMap<(Section, &'a str), Vec<HashSet<String>>>;

/// A body written in its own language, with the page it belongs to.
type OwnBody<'a> = (&'a Body, Lang, (Section, &'a str));

/// Checks every `@/` link and `#fragment` of every body against the pages that exist.
pub(super) fn check_links(
    lib: &Library,
    sources: &Sources,
    unavailable: &Unavailable,
    diags: &mut Diagnostics,
) {
    let checker = Checker {
        targets: targets(lib),
        unavailable,
        assets: sources.assets.iter().map(PathBuf::as_path).collect(),
    };
    let found: Vec<Diagnostic> = own_bodies(lib)
        .par_iter()
        .flat_map_iter(|b| checker.body(b))
        .collect();
    for d in found {
        diags.push(d);
    }
}

/// The ids of a page: its headings' and those its template always has.
fn ids(headings: &[markdown::Heading], fixed: &[&str]) -> HashSet<String> {
    headings
        .iter()
        .map(|h| h.id.clone())
        .chain(fixed.iter().map(|s| (*s).to_owned()))
        .collect()
}

/// Every page a link can name, with its ids in each language.
fn targets(lib: &Library) -> Targets<'_> {
    let langs = lib.lang_count();
    let mut targets: Targets<'_> = HashMap::new();
    for c in &lib.cases {
        let v = (0..langs)
            .map(|l| {
                let mut s = ids(&c.texts[l].body.value.headings, CASE_PAGE_IDS);
                s.extend(numbered("practice", c.texts[0].practices.value.len()));
                s
            })
            .collect();
        targets.insert((Section::Case, &c.slug), v);
    }
    for (m, (_, term)) in lib.methods.iter().zip(lib.config.vocab.methods.iter()) {
        let headings = |l: usize| {
            m.texts
                .as_ref()
                .map_or(&[][..], |t| &t[l].body.value.headings)
        };
        let v = (0..langs)
            .map(|l| ids(headings(l), METHOD_PAGE_IDS))
            .collect();
        targets.insert((Section::Method, term.key.as_str()), v);
    }
    for p in &lib.pages {
        let v = (0..langs)
            .map(|l| ids(&p.texts[l].body.value.headings, &[]))
            .collect();
        targets.insert((Section::Page, &p.slug), v);
    }
    for c in &lib.courses {
        let v = (0..langs)
            .map(|l| {
                let mut s = ids(&c.texts[l].doc.body.value.headings, COURSE_PAGE_IDS);
                s.extend(numbered("session", c.texts[0].sessions.value.len()));
                s
            })
            .collect();
        targets.insert((Section::Course, &c.slug), v);
    }
    targets
}

/// Every body written in its own language (an inherited one is checked in its own).
fn own_bodies(lib: &Library) -> Vec<OwnBody<'_>> {
    let mut bodies: Vec<OwnBody<'_>> = Vec::new();
    for c in &lib.cases {
        for (l, t) in Lang::each(&c.texts) {
            if t.translated && !t.body.fallback {
                bodies.push((&t.body.value, l, (Section::Case, &c.slug)));
            }
        }
    }
    for (m, (_, term)) in lib.methods.iter().zip(lib.config.vocab.methods.iter()) {
        for (l, b) in m.texts.as_deref().map(docs).unwrap_or_default() {
            bodies.push((b, l, (Section::Method, term.key.as_str())));
        }
    }
    for p in &lib.pages {
        for (l, b) in docs(&p.texts) {
            bodies.push((b, l, (Section::Page, &p.slug)));
        }
    }
    for c in &lib.courses {
        for (l, t) in Lang::each(&c.texts) {
            if t.doc.translated && !t.doc.body.fallback {
                bodies.push((&t.doc.body.value, l, (Section::Course, &c.slug)));
            }
        }
    }
    bodies
}

/// `practice-1`, `practice-2`, …: the ids of numbered parts of a page.
fn numbered(prefix: &str, n: usize) -> impl Iterator<Item = String> + '_ {
    (1..=n).map(move |i| format!("{prefix}-{i}"))
}

/// The bodies of a page's texts written in their own language.
fn docs(texts: &[DocText]) -> Vec<(Lang, &Body)> {
    Lang::each(texts)
        .filter(|(_, t)| t.translated && !t.body.fallback)
        .map(|(l, t)| (l, &t.body.value))
        .collect()
}

/// What links and images are checked against.
struct Checker<'a> {
    targets: Targets<'a>,
    unavailable: &'a Unavailable,
    assets: HashSet<&'a Path>,
}

impl Checker<'_> {
    /// The problems of one body's links and images.
    fn body(&self, &(body, lang, own): &OwnBody<'_>) -> Vec<Diagnostic> {
        let Some((source, _)) = &body.source else {
            return Vec::new();
        };
        let span =
            |range: &std::ops::Range<usize>| body.span(range).unwrap_or_else(|| source.whole());
        let mut out = Vec::new();
        for link in &body.links {
            let (kind, slug) = match link.section {
                Some(s) => (s, link.slug.as_str()),
                None => own,
            };
            let problem = self.link(kind, slug, link.fragment.as_deref(), lang);
            out.extend(problem.map(|p| p.at(span(&link.range))));
        }
        for img in &body.images {
            let file = source.path.parent().map(|p| p.join(&img.dest));
            let exists = file.as_deref().is_some_and(|f| self.assets.contains(f));
            let escapes = img.dest.split('/').any(|s| s == "..");
            if escapes || !exists {
                out.push(
                    Diagnostic::error(span(&img.range), t!("link-image-missing", file = &img.dest))
                        .label(t!("link-image-missing-label"))
                        .hint(t!("link-image-missing-hint")),
                );
            }
        }
        out
    }

    /// What is wrong with a link to `slug` of `kind` (and its `#fragment`) from a page in
    /// `lang`, if anything.
    fn link(
        &self,
        kind: Section,
        slug: &str,
        fragment: Option<&str>,
        lang: Lang,
    ) -> Option<Problem> {
        let state = self.unavailable.get(&(kind, slug.to_owned())).copied();
        let Some(target) = self.targets.get(&(kind, slug)) else {
            return match state {
                Some(true) => Some(Problem {
                    message: t!("link-to-draft", kind = kind.name(), slug = slug),
                    label: t!("link-to-draft-label"),
                    hint: t!("link-to-draft-hint"),
                }),
                Some(false) => None,
                None => {
                    let candidates = self.targets.keys().filter(|(k, _)| *k == kind);
                    Some(Problem {
                        message: t!("link-broken", kind = kind.name(), slug = slug),
                        label: t!("link-broken-label"),
                        hint: suggest(slug, t!("what-slug"), candidates.map(|(_, s)| *s)),
                    })
                }
            };
        };
        let f = fragment?;
        if target[lang].contains(f) || state.is_some() {
            return None;
        }
        let mut known: Vec<&str> = target[lang].iter().map(String::as_str).collect();
        known.sort_unstable();
        Some(Problem {
            message: t!(
                "link-anchor-missing",
                fragment = f,
                kind = kind.name(),
                slug = slug
            ),
            label: t!("link-anchor-missing-label"),
            hint: suggest(f, t!("what-anchor"), known),
        })
    }
}

/// A problem with a link, before it is placed in its file.
struct Problem {
    message: Text,
    label: Text,
    hint: Text,
}

impl Problem {
    /// The problem as an error at `span`.
    fn at(self, span: crate::diagnostics::Span) -> Diagnostic {
        Diagnostic::error(span, self.message)
            .label(self.label)
            .hint(self.hint)
    }
}
