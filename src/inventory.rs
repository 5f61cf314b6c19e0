//! What state each case, course and page of the library is in — draft or published, what
//! each translation has of its own and what it inherits, its errors and warnings, photos
//! without a description — for `casebook list` and the preview's dashboard at `/__casebook/`.
//! Pure: made from the library and its diagnostics.

use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::i18n::{Locale, Text};
use crate::model::{CaseText, Library, Localized};
use crate::section::Section;
use crate::t;
use crate::urls::Page;

/// One language's file of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Translation {
    /// Everything in the file's own words.
    Complete,
    /// A file of its own, which leaves these fields to the default language.
    Inherits(Vec<&'static str>),
    /// No file: the page shows the default language's text.
    Missing,
}

/// One document and its state.
#[derive(Debug, Clone)]
pub struct Entry {
    /// What it is.
    pub kind: Section,
    /// Its slug.
    pub slug: String,
    /// Its title in the default language.
    pub title: String,
    /// Its page, from the site's root (`cases/x/`).
    pub path: String,
    /// Whether it is a draft.
    pub draft: bool,
    /// Whether its errors keep it out of the site (it has files, but no page).
    pub failed: bool,
    /// Each translation language's code and state, in the site's order.
    pub translations: Vec<(String, Translation)>,
    /// Errors in its files.
    pub errors: usize,
    /// Warnings in its files.
    pub warnings: usize,
    /// Photos it shows without a description (`alt_before`, `alt_after`).
    pub photos_without_alt: usize,
}

/// Every case, course and page of `lib`, with the counts of `diags` in their files.
pub fn of(lib: &Library, diags: &Diagnostics) -> Vec<Entry> {
    let codes: Vec<String> = lib
        .config
        .languages
        .iter()
        .map(|l| l.code.clone())
        .collect();
    let per_lang = |states: Vec<Translation>| -> Vec<(String, Translation)> {
        codes.iter().skip(1).cloned().zip(states).collect()
    };
    let mut out: Vec<Entry> = lib.cases.iter().map(|c| case_entry(c, &per_lang)).collect();
    for c in &lib.courses {
        let states = c
            .texts
            .iter()
            .skip(1)
            .map(|t| {
                let d = &t.doc;
                let fields = [
                    ("title", d.title.fallback),
                    ("summary", d.summary.fallback),
                    ("sessions", t.sessions.fallback),
                ];
                doc_translation(d.translated, &fields)
            })
            .collect();
        let path = Page::Course { slug: &c.slug }.path();
        let title = &c.texts[0].doc.title.value;
        out.push(doc_entry(
            Section::Course,
            &c.slug,
            title,
            path,
            per_lang(states),
        ));
    }
    for p in &lib.pages {
        let states = p
            .texts
            .iter()
            .skip(1)
            .map(|t| {
                let fields = [
                    ("title", t.title.fallback),
                    ("summary", t.summary.fallback),
                    ("body", t.body.fallback),
                ];
                doc_translation(t.translated, &fields)
            })
            .collect();
        let path = Page::Doc { slug: &p.slug }.path();
        out.push(doc_entry(
            Section::Page,
            &p.slug,
            &p.texts[0].title.value,
            path,
            per_lang(states),
        ));
    }
    out.extend(failed(&out, diags));
    count(&mut out, diags);
    out
}

/// A case's entry: its state but for the counts of its problems.
fn case_entry(
    c: &crate::model::Case,
    per_lang: &dyn Fn(Vec<Translation>) -> Vec<(String, Translation)>,
) -> Entry {
    let states = c.texts.iter().skip(1).map(case_translation).collect();
    let photos_without_alt = c.texts[0]
        .photos
        .value
        .iter()
        .flat_map(|p| [&p.before.alt, &p.after.alt])
        .filter(|a| a.trim().is_empty())
        .count();
    Entry {
        kind: Section::Case,
        slug: c.slug.clone(),
        title: c.texts[0].title.value.clone(),
        path: Page::Case { slug: &c.slug }.path(),
        draft: c.draft,
        failed: false,
        translations: per_lang(states),
        errors: 0,
        warnings: 0,
        photos_without_alt,
    }
}

/// Counts each entry's errors and warnings: the diagnostics in its files.
fn count(entries: &mut [Entry], diags: &Diagnostics) {
    let found: Vec<(String, Severity)> = diags
        .sorted()
        .into_iter()
        .filter_map(|d| Some((file_of(d)?, d.severity)))
        .collect();
    if found.is_empty() {
        return;
    }
    for e in entries {
        let folder = e.folder();
        for (_, severity) in found.iter().filter(|(p, _)| p.starts_with(&folder)) {
            match severity {
                Severity::Error => e.errors += 1,
                Severity::Warning => e.warnings += 1,
            }
        }
    }
}

/// The file a diagnostic is about, from the site root, with `/` between folders.
fn file_of(d: &Diagnostic) -> Option<String> {
    Some(d.span.path()?.to_string_lossy().replace('\\', "/"))
}

/// The documents with errors that keep them out of the library, found by the files the
/// diagnostics name.
fn failed(listed: &[Entry], diags: &Diagnostics) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for d in diags.sorted() {
        let Some(path) = file_of(d) else {
            continue;
        };
        let parts: Vec<&str> = path.split('/').collect();
        let found = match Section::of_parts(&parts) {
            Some((Section::Case, slug, _)) => Some((Section::Case, slug.to_owned())),
            Some((s @ (Section::Course | Section::Page), _, file)) => Some((s, doc_slug(file))),
            _ => None,
        };
        let Some((kind, slug)) = found else { continue };
        let known = |e: &Entry| e.kind == kind && e.slug == slug;
        if listed.iter().any(known) || out.iter().any(known) {
            continue;
        }
        // Its address, though no page is made there: the preview says there what is wrong.
        let path = kind.page(&slug).path();
        let mut e = doc_entry(kind, &slug, "", path, Vec::new());
        e.failed = true;
        out.push(e);
    }
    out
}

/// The slug of a course's or page's file name (`basics.en.md` → `basics`).
fn doc_slug(file: &str) -> String {
    file.split('.').next().unwrap_or(file).to_owned()
}

fn doc_entry(
    kind: Section,
    slug: &str,
    title: &str,
    path: String,
    translations: Vec<(String, Translation)>,
) -> Entry {
    Entry {
        kind,
        slug: slug.to_owned(),
        title: title.to_owned(),
        path,
        draft: false,
        failed: false,
        translations,
        errors: 0,
        warnings: 0,
        photos_without_alt: 0,
    }
}

/// A case translation's state: which of its fields fall back to the default language.
fn case_translation(t: &CaseText) -> Translation {
    if !t.translated {
        return Translation::Missing;
    }
    let fields = [
        ("title", t.title.fallback),
        ("summary", t.summary.fallback),
        ("place", t.place.fallback),
        ("methods", t.methods.fallback),
        ("practices", is_inherited(&t.practices)),
        ("figures", is_inherited(&t.figures)),
        ("body", t.body.fallback),
    ];
    states(&fields)
}

/// Whether a list falls back to the default language's, and has something in it.
fn is_inherited<T>(l: &Localized<Vec<T>>) -> bool {
    l.fallback && !l.value.is_empty()
}

fn doc_translation(translated: bool, fields: &[(&'static str, bool)]) -> Translation {
    if !translated {
        return Translation::Missing;
    }
    states(fields)
}

fn states(fields: &[(&'static str, bool)]) -> Translation {
    let inherited: Vec<&'static str> = fields.iter().filter(|(_, f)| *f).map(|(n, _)| *n).collect();
    if inherited.is_empty() {
        Translation::Complete
    } else {
        Translation::Inherits(inherited)
    }
}

impl Entry {
    /// The folder or file prefix its source files share, from the site root.
    fn folder(&self) -> String {
        self.kind.prefix(&self.slug)
    }

    /// Whether `d` is about one of its files.
    pub fn holds(&self, d: &Diagnostic) -> bool {
        file_of(d).is_some_and(|p| p.starts_with(&self.folder()))
    }

    /// Whether the translation into `lang` is missing or leaves something to the default
    /// language.
    pub fn untranslated(&self, lang: &str) -> bool {
        self.translations
            .iter()
            .any(|(code, t)| code == lang && *t != Translation::Complete)
    }

    /// Its kind, in words.
    pub fn kind_text(&self) -> Text {
        self.kind.name()
    }

    /// Its state, in words: draft or published, and its problems.
    pub fn state_text(&self) -> Text {
        let state = if self.failed {
            t!("list-failed")
        } else if self.draft {
            t!("list-draft")
        } else {
            t!("list-published")
        };
        t!(
            "list-state",
            state = state,
            errors = self.errors,
            warnings = self.warnings,
            photos = self.photos_without_alt
        )
    }
}

/// A translation's state, in words.
pub fn translation_text(code: &str, t: &Translation) -> Text {
    match t {
        Translation::Complete => t!("list-translation-complete", lang = code),
        Translation::Missing => t!("list-translation-missing", lang = code),
        Translation::Inherits(fields) => {
            t!(
                "list-translation-inherits",
                lang = code,
                fields = fields.join(", ")
            )
        }
    }
}

/// The list for a terminal: one line per document, in `locale`.
pub fn lines(entries: &[Entry], locale: Locale) -> String {
    let mut out = String::new();
    for e in entries {
        let translations: Vec<String> = e
            .translations
            .iter()
            .map(|(code, t)| translation_text(code, t).in_locale(locale))
            .collect();
        out.push_str(&format!(
            "{:<6} {:<24} {}  {}  {}\n",
            e.kind_text().in_locale(locale),
            e.slug,
            e.title,
            e.state_text().in_locale(locale),
            translations.join("; ")
        ));
    }
    out
}
