//! Which uncertain phrases a page marks (its document's, and a course's cases'), and the
//! notes its template lists them in; `crate::uncertain` marks them in the finished page.

use crate::config::Lang;
use crate::model::{Library, Uncertain};

use super::Job;

/// The phrases a page marks as uncertain: its document's, and on a course page also those of
/// the cases it teaches, whose texts it shows.
pub(super) fn of(lib: &Library, job: Job, lang: Lang) -> Vec<Uncertain> {
    match job {
        Job::Case(i) => lib.cases[i].texts[lang].uncertain.clone(),
        Job::Method { method, .. } => lib.methods[method.index()]
            .texts
            .as_ref()
            .map(|t| t[lang].uncertain.clone())
            .unwrap_or_default(),
        Job::Page(p) => lib.pages[p].texts[lang].uncertain.clone(),
        Job::Course(c) => {
            let t = &lib.courses[c].texts[lang];
            let mut all = t.doc.uncertain.clone();
            for s in &t.sessions.value {
                for u in &lib.cases[s.case].texts[lang].uncertain {
                    if !all.iter().any(|a| a.text == u.text) {
                        all.push(u.clone());
                    }
                }
            }
            all
        }
        _ => Vec::new(),
    }
}

/// A page's uncertain phrases as its notes: `n` is the number its marks show.
#[derive(serde::Serialize)]
pub(super) struct Note<'a> {
    n: usize,
    text: &'a str,
    why: &'a str,
}

pub(super) fn notes(marks: &[Uncertain]) -> Vec<Note<'_>> {
    marks
        .iter()
        .enumerate()
        .map(|(i, u)| Note {
            n: i + 1,
            text: &u.text,
            why: &u.why,
        })
        .collect()
}
