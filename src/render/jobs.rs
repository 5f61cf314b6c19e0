//! The list of pages a library makes: one job per output file.

use crate::config::Vocab;
use crate::model::Library;
use crate::urls;

use super::*;

pub(super) fn jobs(lib: &Library, langs: &[LangData]) -> Vec<Job> {
    let mut jobs = vec![
        Job::Home,
        Job::Methods,
        Job::Practices,
        Job::Courses,
        Job::NotFound,
        Job::Feed,
    ];
    let size = lib.config.page_size;
    jobs.extend((1..=page_count(lib.cases.len(), size)).map(|page| Job::Library { page }));
    jobs.extend((1..=page_count(lib.cases.len(), size)).map(|page| Job::Matrix { page }));
    jobs.extend(CaseId::all(lib.cases.len()).map(Job::Case));
    // Practices line up across languages, so the default language's counts serve all.
    for (m, list) in langs[0].practices.iter().enumerate() {
        let method = TermId::at(m);
        jobs.extend((1..=page_count(list.len(), size)).map(|page| Job::Method { method, page }));
    }
    jobs.extend((0..lib.courses.len()).map(Job::Course));
    jobs.extend((0..lib.pages.len()).map(Job::Page));
    for name in urls::taxonomies() {
        jobs.push(Job::Taxonomy { name });
        if let Some(vocab) = Vocab::from_name(name) {
            for (t, (_, cases)) in langs[0]
                .index
                .terms
                .get(name)
                .into_iter()
                .flatten()
                .enumerate()
            {
                jobs.extend((1..=page_count(cases.len(), size)).map(|page| Job::Term {
                    vocab,
                    term: t,
                    page,
                }));
            }
        }
    }
    for ld in langs {
        for (t, (_, cases)) in ld.index.terms.get("tags").into_iter().flatten().enumerate() {
            jobs.extend((1..=page_count(cases.len(), size)).map(|page| Job::Tag {
                lang: ld.lang,
                tag: t,
                page,
            }));
        }
    }
    jobs
}
