//! Course packs and the list of courses.

use crate::config::Lang;
use crate::model::Library;
use crate::photos::Photos;
use crate::urls::{self, Page};
use crate::views;
use serde::Serialize;
use tera::Value;

#[derive(Serialize)]
pub(super) struct CourseItem {
    pub(super) slug: String,
    pub(super) url: String,
    pub(super) title: String,
    pub(super) summary: String,
    pub(super) session_count: usize,
}

pub(super) fn course_list(lib: &Library, lang: Lang) -> Vec<CourseItem> {
    lib.courses
        .iter()
        .map(|c| CourseItem {
            slug: c.slug.clone(),
            url: urls::site_file(
                lib.config.prefix(lang),
                &Page::Course { slug: &c.slug }.path(),
            ),
            title: c.texts[lang].doc.title.value.clone(),
            summary: c.texts[lang].doc.summary.value.clone(),
            session_count: c.texts[0].sessions.value.len(),
        })
        .collect()
}

#[derive(Serialize)]
pub(super) struct CourseView {
    pub(super) slug: String,
    pub(super) title: String,
    pub(super) summary: String,
    pub(super) audience: Option<String>,
    pub(super) duration: Option<String>,
    pub(super) intro: String,
    pub(super) fallback: bool,
    pub(super) sessions: Vec<SessionView>,
    pub(super) questions: Vec<String>,
    /// The latest source date of its cases: how current the pack is.
    pub(super) date: String,
    /// The sources of its cases, each once, for the cover.
    pub(super) sources: Vec<crate::model::Source>,
}

#[derive(Serialize)]
pub(super) struct SessionView {
    pub(super) n: usize,
    pub(super) focus: String,
    pub(super) questions: Vec<String>,
    pub(super) case: Value,
}

pub(super) fn course_view(
    lib: &Library,
    photos: &Photos,
    lang: Lang,
    ci: usize,
    terms: &views::TermValues,
) -> CourseView {
    let c = &lib.courses[ci];
    let t = &c.texts[lang];
    let cases: Vec<&crate::model::Case> = t
        .sessions
        .value
        .iter()
        .map(|s| &*lib.cases[s.case])
        .collect();
    let mut sources: Vec<crate::model::Source> = Vec::new();
    for case in &cases {
        for src in &case.texts[lang].sources.value {
            if !sources.contains(src) {
                sources.push(src.clone());
            }
        }
    }
    CourseView {
        date: cases
            .iter()
            .map(|c| c.updated.to_string())
            .max()
            .unwrap_or_default(),
        sources,
        slug: c.slug.clone(),
        title: t.doc.title.value.clone(),
        summary: t.doc.summary.value.clone(),
        audience: t.audience.clone(),
        duration: t.duration.clone(),
        intro: t.doc.body.value.html.clone(),
        fallback: !lang.is_default() && !t.doc.translated,
        sessions: t
            .sessions
            .value
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let case = &lib.cases[s.case];
                let root = urls::root_of(
                    lib.config.prefix(lang),
                    &Page::Course {
                        slug: &lib.courses[ci].slug,
                    }
                    .path(),
                );
                // Several narratives share the course page: render each again with ids
                // prefixed by its session, so anchors stay unique.
                let prefix = format!("s{}-", i + 1);
                let bundle = Page::Case { slug: &case.slug }.path();
                let ctx = crate::markdown::Ctx {
                    allow_html: lib.config.allow_html,
                    root: &root,
                    lang_prefix: &lib.config.languages[lang].prefix,
                    bundle: Some(&bundle),
                    id_prefix: &prefix,
                };
                let again = crate::markdown::render(case.texts[lang].body.value.markdown(), &ctx);
                let body = views::with_pictures(photos, case, &again.html, &again.images, &root);
                let view = views::case_view(lib, photos, lang, case, &root, terms, Some(body));
                SessionView {
                    n: i + 1,
                    focus: s.focus.clone(),
                    questions: s.questions.clone(),
                    case: view,
                }
            })
            .collect(),
        questions: t.questions.value.clone(),
    }
}
