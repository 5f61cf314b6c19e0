//! Every `@/` link and `#fragment` of every body checked against the pages that exist.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Lang;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText, suggest};
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

/// Every page a link can name, by section and slug.
type Targets<'a> = HashMap<(Section, &'a str), Target<'a>>;

/// The ids of a page, read from the library when a fragment is checked: making a set of them
/// for every page of a large library cost more than all the checks (a tenth of a preview's
/// rebuild at 10,000 cases).
struct Target<'a> {
    /// Each language's headings.
    headings: Vec<&'a [markdown::Heading]>,
    /// Ids its template always has.
    fixed: &'static [&'static str],
    /// Numbered ids (`practice-1` …): the prefix and how many.
    numbered: Option<(&'static str, usize)>,
}

impl Target<'_> {
    /// Whether the page has the id `f` in language `lang`.
    fn has(&self, lang: Lang, f: &str) -> bool {
        self.headings[lang].iter().any(|h| h.id == f)
            || self.fixed.contains(&f)
            || self.numbered.is_some_and(|(prefix, n)| {
                f.strip_prefix(prefix)
                    .and_then(|r| r.strip_prefix('-'))
                    .filter(|i| !i.starts_with('0') && i.bytes().all(|b| b.is_ascii_digit()))
                    .and_then(|i| i.parse::<usize>().ok())
                    .is_some_and(|i| (1..=n).contains(&i))
            })
    }

    /// Every id of the page in language `lang`, sorted (for suggestions).
    fn ids(&self, lang: Lang) -> Vec<String> {
        let mut all: HashSet<String> = ids(self.headings[lang], self.fixed);
        if let Some((prefix, n)) = self.numbered {
            all.extend(numbered(prefix, n));
        }
        let mut all: Vec<String> = all.into_iter().collect();
        all.sort_unstable();
        all
    }
}

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
        root: &sources.root,
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
    let mut targets: Targets<'_> = HashMap::with_capacity(lib.cases.len() + 64);
    for c in &lib.cases {
        let target = Target {
            headings: (0..langs)
                .map(|l| &c.texts[l].body.value.headings[..])
                .collect(),
            fixed: CASE_PAGE_IDS,
            numbered: Some(("practice", c.texts[0].practices.value.len())),
        };
        targets.insert((Section::Case, &c.slug), target);
    }
    for (m, (_, term)) in lib.methods.iter().zip(lib.config.vocab.methods.iter()) {
        let headings = |l: usize| {
            m.texts
                .as_ref()
                .map_or(&[][..], |t| &t[l].body.value.headings[..])
        };
        let target = Target {
            headings: (0..langs).map(headings).collect(),
            fixed: METHOD_PAGE_IDS,
            numbered: None,
        };
        targets.insert((Section::Method, term.key.as_str()), target);
    }
    for p in &lib.pages {
        let target = Target {
            headings: (0..langs)
                .map(|l| &p.texts[l].body.value.headings[..])
                .collect(),
            fixed: &[],
            numbered: None,
        };
        targets.insert((Section::Page, &p.slug), target);
    }
    for c in &lib.courses {
        let target = Target {
            headings: (0..langs)
                .map(|l| &c.texts[l].doc.body.value.headings[..])
                .collect(),
            fixed: COURSE_PAGE_IDS,
            numbered: Some(("session", c.texts[0].sessions.value.len())),
        };
        targets.insert((Section::Course, &c.slug), target);
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
    /// The site folder, to read again the file of a body whose text was let go.
    root: &'a Path,
}

impl Checker<'_> {
    /// The problems of one body's links and images.
    fn body(&self, &(body, lang, own): &OwnBody<'_>) -> Vec<Diagnostic> {
        let (path, offset) = match (&body.source, &body.released) {
            (Some((source, offset)), _) => (source.path.as_path(), *offset),
            (None, Some((path, offset))) => (path.as_path(), *offset),
            (None, None) => return Vec::new(),
        };
        // Found first, then placed: a body whose text was let go reads its file again only
        // when it has a problem to show.
        let mut found: Vec<(&std::ops::Range<usize>, Problem)> = Vec::new();
        for link in &body.links {
            let (kind, slug) = match link.section {
                Some(s) => (s, link.slug.as_str()),
                None => own,
            };
            if let Some(p) = self.link(kind, slug, link.fragment.as_deref(), lang) {
                found.push((&link.range, p));
            }
        }
        for img in &body.images {
            let file = path.parent().map(|p| p.join(&img.dest));
            let exists = file.as_deref().is_some_and(|f| self.assets.contains(f));
            let escapes = img.dest.split('/').any(|s| s == "..");
            if escapes || !exists {
                found.push((
                    &img.range,
                    Problem {
                        message: t!("link-image-missing", file = &img.dest),
                        label: t!("link-image-missing-label"),
                        hint: t!("link-image-missing-hint"),
                    },
                ));
            }
        }
        if found.is_empty() {
            return Vec::new();
        }
        let source = match &body.source {
            Some((source, _)) => source.clone(),
            None => crate::load::read_text(self.root, path)
                .unwrap_or_else(|_| SourceText::new(path, "")),
        };
        let span = |range: &std::ops::Range<usize>| {
            let (start, end) = (offset + range.start, offset + range.end);
            // A file changed since it was parsed: its whole.
            match source.text.get(start..end) {
                Some(_) => source.span(start..end),
                None => source.whole(),
            }
        };
        found
            .into_iter()
            .map(|(range, p)| p.at(span(range)))
            .collect()
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
        if target.has(lang, f) || state.is_some() {
            return None;
        }
        let ids = target.ids(lang);
        let known: Vec<&str> = ids.iter().map(String::as_str).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_has_its_headings_fixed_and_numbered_ids_and_no_others() {
        let headings = [markdown::Heading {
            level: 2,
            id: "背景".into(),
            text: "背景".into(),
        }];
        let target = Target {
            headings: vec![&headings[..], &[]],
            fixed: CASE_PAGE_IDS,
            numbered: Some(("practice", 3)),
        };
        let zh = Lang::DEFAULT;
        for id in ["背景", "summary", "practice-1", "practice-3"] {
            assert!(target.has(zh, id), "{id}");
        }
        for id in [
            "practice-0",
            "practice-4",
            "practice-01",
            "practice-+1",
            "practice-",
            "practice1",
            "背",
        ] {
            assert!(!target.has(zh, id), "{id}");
        }
        let ids = target.ids(zh);
        let want = ["practice-1", "practice-2", "practice-3", "summary", "背景"];
        assert!(want.iter().all(|w| ids.iter().any(|i| i == w)), "{ids:?}");
        assert!(ids.windows(2).all(|w| w[0] <= w[1]), "sorted: {ids:?}");
    }
}
