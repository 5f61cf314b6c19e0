//! The render stage: Tera templates applied to the library's views, one job per output file,
//! in parallel, HTML minified. Pure: returns the files to write, writes none.

use crate::config::{Lang, Vocab};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::id::{CaseId, TermId};
use crate::model::Library;
use crate::output::Sink;
use crate::photos::Photos;
use rayon::prelude::*;
use std::cell::RefCell;
use std::collections::HashSet;
use std::io;
use std::sync::{Arc, Mutex, OnceLock};
use tera::Tera;

mod cards;
mod course;
mod jobs;
mod lang;
mod lists;
mod marks;
mod page;
mod site_files;

pub use crate::theme::Renderer;
use crate::theme::tera_diagnostic;
use cards::*;
use course::*;
use jobs::*;
use lang::*;
use lists::*;
use page::*;

/// Options of the render stage.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Render from the minified templates (see [`crate::minify`]); off, pages come out as the
    /// templates are written.
    pub minify: bool,
}

/// Which files of the site to render.
#[derive(Clone, Copy)]
pub struct Only<'a> {
    /// Feeds, sitemap, open data and static files too.
    pub extras: bool,
    /// Whether to render a page, given its job and its folder (such as `cases/x/`).
    pub keep: &'a (dyn Fn(Job, &str) -> bool + Sync),
}

/// A page to render: a language and what the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// Home page.
    Home,
    /// Case library, by page number (1-based).
    Library {
        /// 1-based page number.
        page: usize,
    },
    /// One case.
    Case(CaseId),
    /// List of methods.
    Methods,
    /// One page of a method's practices.
    Method {
        /// The method.
        method: TermId,
        /// 1-based page number.
        page: usize,
    },
    /// Practice library.
    Practices,
    /// Cases × methods, by page.
    Matrix {
        /// 1-based page number.
        page: usize,
    },
    /// List of a taxonomy's terms.
    Taxonomy {
        /// The taxonomy (a vocabulary's plural name, or `tags`).
        name: &'static str,
    },
    /// Cases of one vocabulary term, by page.
    Term {
        /// The vocabulary.
        vocab: Vocab,
        /// Index of the term in it.
        term: usize,
        /// 1-based page number.
        page: usize,
    },
    /// Cases of one tag, by page, in one language only (tags are written per language).
    Tag {
        /// The language the tag is written in.
        lang: Lang,
        /// Index of the tag in that language's term index.
        tag: usize,
        /// 1-based page number.
        page: usize,
    },
    /// List of courses.
    Courses,
    /// One course.
    Course(usize),
    /// One free page.
    Page(usize),
    /// Not found page.
    NotFound,
    /// Atom feed.
    Feed,
}

impl Renderer {
    /// Renders every page of the site in every language, plus feeds, sitemap, open data and
    /// static files. Template errors are reported once each, however many pages hit them.
    pub fn render(
        &self,
        lib: &Library,
        photos: &Photos,
        opts: &RenderOptions,
        sink: &dyn Sink,
        diags: &mut Diagnostics,
    ) -> io::Result<()> {
        let all = Only {
            extras: true,
            keep: &|_, _| true,
        };
        self.render_some(lib, photos, opts, sink, diags, &all)
    }

    /// Like [`Renderer::render`], but renders only the files `only` asks for: the preview
    /// re-renders what a change affects.
    pub fn render_some(
        &self,
        lib: &Library,
        photos: &Photos,
        opts: &RenderOptions,
        sink: &dyn Sink,
        diags: &mut Diagnostics,
        only: &Only,
    ) -> io::Result<()> {
        let Only { extras, keep } = *only;
        let related = Arc::new((0..lib.cases.len()).map(|_| OnceLock::new()).collect());
        let langs: Vec<LangData> = lib
            .langs()
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|l| LangData::new(lib, l, self, Arc::clone(&related)))
            .collect();
        let jobs = jobs(lib, &langs);
        let errors: Mutex<Vec<Diagnostic>> = Mutex::new(Vec::new());
        let seen: Mutex<HashSet<String>> = Mutex::new(HashSet::new());
        // Each page goes to the sink as soon as it is rendered, so memory holds a few pages at
        // a time rather than the whole site.
        let pages = || {
            jobs.par_iter()
                .flat_map_iter(|job| lib.langs().map(move |l| (*job, l)))
                .filter(|(job, l)| !matches!(job, Job::Tag { lang, .. } if lang != l))
                .try_for_each(|(job, lang)| {
                    let page = page_for(lib, &langs[lang], job);
                    if !keep(job, &page.path) {
                        return Ok(());
                    }
                    // A failure is rendered again from the templates as written, so its
                    // diagnostic points at the line the author wrote.
                    let rendered = self
                        .render_page(lib, photos, &langs[lang], job, &page, opts)
                        .or_else(|e| {
                            if opts.minify && self.tera_min.is_some() {
                                let plain = RenderOptions::default();
                                self.render_page(lib, photos, &langs[lang], job, &page, &plain)
                            } else {
                                Err(e)
                            }
                        });
                    match rendered {
                        Ok(f) => sink.put(f),
                        Err(e) => {
                            let d = tera_diagnostic(&e, &self.templates);
                            let key = format!("{}|{}", d.location(), d.message);
                            if seen.lock().map(|mut s| s.insert(key)).unwrap_or(false)
                                && let Ok(mut v) = errors.lock()
                            {
                                v.push(d);
                            }
                            Ok(())
                        }
                    }
                })
        };
        // The files made from the whole library (sitemap, open data) are made beside the
        // pages rather than once the pages are done.
        let (pages, whole) = if extras {
            rayon::join(pages, || {
                self.whole_library_files(lib, photos, &langs, &jobs, sink)
            })
        } else {
            (pages(), Ok(Vec::new()))
        };
        pages?;
        let whole = whole?;
        for d in errors.into_inner().unwrap_or_default() {
            diags.push(d);
        }
        for d in whole {
            diags.push(d);
        }
        Ok(())
    }

    /// The compiled templates `opts` asks for.
    fn tera(&self, opts: &RenderOptions) -> &Tera {
        match (&self.tera_min, opts.minify) {
            (Some(min), true) => min,
            _ => &self.tera,
        }
    }
}

/// Runs `render` on this thread's output buffer and returns what it wrote: pages are rendered
/// into one buffer that keeps its capacity, then copied out at their size.
fn with_buffer(
    render: impl FnOnce(&mut Vec<u8>) -> Result<(), tera::Error>,
) -> Result<Vec<u8>, tera::Error> {
    thread_local! {
        static BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    BUF.with(|b| {
        let mut buf = b.borrow_mut();
        buf.clear();
        render(&mut buf)?;
        Ok(buf.to_vec())
    })
}
