//! Course packs: their sessions resolved to cases, in every language.

use std::collections::HashMap;
use std::sync::Arc;

use crate::config::{Config, Lang};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText, suggest};
use crate::model::*;
use crate::t;
use crate::urls::Page;

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
    let mut texts: Vec<CourseText> = Vec::new();
    for (lang, variant) in Lang::each(&variants) {
        let Some(v) = variant else {
            let b = &texts[0];
            texts.push(CourseText {
                doc: inherit_doc(&b.doc),
                audience: b.audience.clone(),
                duration: b.duration.clone(),
                sessions: Localized::inherited(b.sessions.value.clone()),
                questions: Localized::inherited(b.questions.value.clone()),
            });
            continue;
        };
        let f = if lang.is_default() {
            None
        } else {
            match v.parse::<CourseFront>(diags) {
                Some(f) => Some(f),
                None => continue,
            }
        };
        let f = f.as_ref().unwrap_or(&front);
        let doc_front = DocFront {
            title: f.title.clone(),
            summary: f.summary.clone(),
            draft: None,
        };
        let doc = doc_text(
            v,
            &doc_front,
            texts.first().map(|t| &t.doc),
            config,
            lang,
            &Page::Course { slug }.path(),
            diags,
        );
        let ydoc = v.doc();
        let sessions = match (&f.sessions, texts.first()) {
            (Some(list), b) => {
                let mut out = Vec::new();
                let base_len = front.sessions.as_ref().map_or(0, Vec::len);
                if b.is_some() && base_len != list.len() {
                    diags.push(
                        Diagnostic::error(
                            list.first().map_or_else(|| v.top(), |s| ydoc.at(&s.case)),
                            t!("course-sessions-count", count = list.len(), base = base_len),
                        )
                        .hint(t!("course-sessions-count-hint")),
                    );
                }
                for (i, s) in list.iter().enumerate() {
                    match cases.iter().position(|c| c.slug == s.case.value) {
                        Some(ci) => {
                            if let Some(bs) = texts.first().and_then(|b| b.sessions.value.get(i))
                                && bs.case != ci
                            {
                                diags.push(
                                    Diagnostic::error(
                                        ydoc.at(&s.case),
                                        t!("course-session-case-differs"),
                                    )
                                    .hint(t!("course-session-case-differs-hint")),
                                );
                            }
                            out.push(Session {
                                case: ci,
                                focus: s.focus.clone(),
                                questions: s.questions.clone(),
                            });
                        }
                        None => match unpublished.get(&s.case.value) {
                            Some(true) => diags.push(
                                Diagnostic::error(
                                    ydoc.at(&s.case),
                                    t!("course-session-draft", case = &s.case.value),
                                )
                                .hint(t!("course-session-draft-hint")),
                            ),
                            Some(false) => {} // the case's own errors are reported in its file
                            None => diags.push(
                                Diagnostic::error(
                                    ydoc.at(&s.case),
                                    t!("course-session-no-case", case = &s.case.value),
                                )
                                .hint(suggest(
                                    &s.case.value,
                                    t!("what-case"),
                                    cases.iter().map(|c| c.slug.as_str()),
                                )),
                            ),
                        },
                    }
                }
                if list.is_empty() && lang.is_default() {
                    diags.push(
                        Diagnostic::error(v.top(), t!("course-no-sessions"))
                            .hint(t!("course-no-sessions-hint")),
                    );
                }
                Localized::own(out)
            }
            (None, Some(b)) => Localized::inherited(b.sessions.value.clone()),
            (None, None) => {
                diags.push(
                    Diagnostic::error(v.top(), t!("course-sessions-missing"))
                        .hint(t!("course-sessions-missing-hint")),
                );
                Localized::own(Vec::new())
            }
        };
        let questions = match (&f.questions, texts.first()) {
            (Some(q), _) => Localized::own(q.clone()),
            (None, Some(b)) => Localized::inherited(b.questions.value.clone()),
            (None, None) => Localized::own(Vec::new()),
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
