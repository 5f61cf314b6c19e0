//! Course packs: their sessions resolved to cases, in every language.

use std::collections::HashMap;
use std::sync::Arc;

use crate::config::{Config, Lang};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText, suggest};
use crate::id::CaseId;
use crate::model::*;
use crate::t;
use crate::urls::Page;
use crate::yaml::YamlDoc;

use super::doc::*;
use super::files::*;
use super::front::*;

pub(super) fn parse_course(
    slug: &str,
    files: &[Option<&SourceText>],
    config: &Config,
    cases: &[Arc<Case>],
    unpublished: &HashMap<String, bool>,
    diags: &mut Diagnostics,
) -> Option<(Course, bool)> {
    let variants = split_variants(files, diags)?;
    let base = variants[0].as_ref()?;
    let before = diags.error_count();
    let front: CourseFront = base.parse(diags)?;
    let known = Known { cases, unpublished };
    let mut texts: Vec<CourseText> = Vec::new();
    for (lang, variant) in Lang::each(&variants) {
        let Some(v) = variant else {
            texts.push(inherit_course(&texts[0]));
            continue;
        };
        let own = if lang.is_default() {
            None
        } else {
            let Some(f) = v.parse::<CourseFront>(diags) else {
                continue;
            };
            Some(f)
        };
        let f = own.as_ref().unwrap_or(&front);
        let doc_front = f.doc();
        let doc = doc_text(
            v,
            &doc_front,
            texts.first().map(|t| &t.doc),
            config,
            lang,
            &Page::Course { slug }.path(),
            diags,
        );
        let sessions = sessions(
            v,
            f.sessions.as_deref(),
            &front,
            texts.first(),
            &known,
            diags,
        );
        let questions = match (&f.questions, texts.first()) {
            (None, Some(b)) => Localized::inherited(b.questions.value.clone()),
            (q, _) => Localized::own(q.clone().unwrap_or_default()),
        };
        let first = texts.first();
        texts.push(CourseText {
            doc,
            audience: f
                .audience
                .clone()
                .or_else(|| first.and_then(|b| b.audience.clone())),
            duration: f
                .duration
                .clone()
                .or_else(|| first.and_then(|b| b.duration.clone())),
            sessions,
            questions,
        });
    }
    if diags.error_count() > before || texts.len() != config.languages.len() {
        return None;
    }
    Some((
        Course {
            slug: slug.to_owned(),
            texts,
        },
        front.draft.unwrap_or(false),
    ))
}

impl CourseFront {
    /// The fields a course shares with every page: title, summary, uncertain phrases.
    fn doc(&self) -> DocFront {
        DocFront {
            title: self.title.clone(),
            summary: self.summary.clone(),
            uncertain: self.uncertain.clone(),
            draft: None,
        }
    }
}

/// A language without a file of its own: everything from the default language.
fn inherit_course(b: &CourseText) -> CourseText {
    CourseText {
        doc: inherit_doc(&b.doc),
        audience: b.audience.clone(),
        duration: b.duration.clone(),
        sessions: Localized::inherited(b.sessions.value.clone()),
        questions: Localized::inherited(b.questions.value.clone()),
    }
}

/// The cases a course can name: the library's, and those left out as drafts (`true`) or for
/// their own errors (`false`).
struct Known<'a> {
    cases: &'a [Arc<Case>],
    unpublished: &'a HashMap<String, bool>,
}

/// A language's sessions: its own list resolved to cases, or the default language's.
fn sessions(
    v: &LangFile<'_>,
    list: Option<&[SessionFront]>,
    front: &CourseFront,
    base: Option<&CourseText>,
    known: &Known<'_>,
    diags: &mut Diagnostics,
) -> Localized<Vec<Session>> {
    let ydoc = v.doc();
    let Some(list) = list else {
        if let Some(b) = base {
            return Localized::inherited(b.sessions.value.clone());
        }
        diags.push(
            Diagnostic::error(v.top(), t!("course-sessions-missing"))
                .hint(t!("course-sessions-missing-hint")),
        );
        return Localized::own(Vec::new());
    };
    let base_len = front.sessions.as_ref().map_or(0, Vec::len);
    if base.is_some() && base_len != list.len() {
        diags.push(
            Diagnostic::error(
                list.first().map_or_else(|| v.top(), |s| ydoc.at(&s.case)),
                t!("course-sessions-count", count = list.len(), base = base_len),
            )
            .hint(t!("course-sessions-count-hint")),
        );
    }
    let mut out = Vec::new();
    for (i, s) in list.iter().enumerate() {
        // Compared with the default file as written, not with the sessions that resolved: a
        // case left out for its own errors must not shift the others into a follow-on error.
        let written = front.sessions.as_deref().and_then(|l| l.get(i));
        if base.is_some() && written.is_some_and(|w| w.case.value != s.case.value) {
            diags.push(
                Diagnostic::error(ydoc.at(&s.case), t!("course-session-case-differs"))
                    .hint(t!("course-session-case-differs-hint")),
            );
        }
        let Some(case) = resolve(&ydoc, s, known, diags) else {
            continue;
        };
        out.push(Session {
            case,
            focus: s.focus.clone(),
            questions: s.questions.clone(),
        });
    }
    if list.is_empty() && base.is_none() {
        diags.push(
            Diagnostic::error(v.top(), t!("course-no-sessions"))
                .hint(t!("course-no-sessions-hint")),
        );
    }
    Localized::own(out)
}

/// The case a session names, or why it cannot be shown.
fn resolve(
    ydoc: &YamlDoc<'_>,
    s: &SessionFront,
    known: &Known<'_>,
    diags: &mut Diagnostics,
) -> Option<CaseId> {
    let name = &s.case.value;
    if let Some(i) = known.cases.iter().position(|c| &c.slug == name) {
        return Some(CaseId::at(i));
    }
    match known.unpublished.get(name) {
        Some(true) => diags.push(
            Diagnostic::error(ydoc.at(&s.case), t!("course-session-draft", case = name))
                .hint(t!("course-session-draft-hint")),
        ),
        Some(false) => {} // the case's own errors are reported in its file
        None => diags.push(
            Diagnostic::error(ydoc.at(&s.case), t!("course-session-no-case", case = name)).hint(
                suggest(
                    name,
                    t!("what-case"),
                    known.cases.iter().map(|c| c.slug.as_str()),
                ),
            ),
        ),
    }
    None
}
