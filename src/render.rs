//! The render stage: Tera templates applied to the library's views, one job per output file,
//! in parallel, HTML minified. Pure: returns the files to write, writes none.

use std::cell::RefCell;
use std::collections::HashSet;
use std::io;
use std::sync::{Arc, Mutex, OnceLock};

use indexmap::IndexMap;
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera, Value};

use crate::config::{Config, Lang, Vocab};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText, Span};
use crate::markdown;
use crate::model::Library;
use crate::opendata;
use crate::output::{OutData, OutFile, Sink};
use crate::theme::Theme;
use crate::urls::{self, Page};
use crate::views::{self, TermIndex, TermRef};

/// Options of the render stage.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Render from the minified templates (see [`crate::minify`]); off, pages come out as the
    /// templates are written.
    pub minify: bool,
}

/// A theme compiled and ready to render any number of times.
pub struct Renderer {
    /// The templates as written: diagnostics point into these.
    tera: Tera,
    /// The same templates minified, when any of them could be.
    tera_min: Option<Tera>,
    templates: Vec<(String, SourceText)>,
    i18n: Vec<Value>,
    /// The same UI strings, for labels made here (navigation).
    strings: Vec<IndexMap<String, String>>,
    assets: Value,
    static_files: Vec<OutFile>,
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
    /// One case, by index.
    Case(usize),
    /// List of methods.
    Methods,
    /// One page of a method's practices.
    Method {
        /// Index of the method.
        method: usize,
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
    /// Compiles the theme's templates and reads its UI strings.
    pub fn new(theme: &Theme, config: &Config, diags: &mut Diagnostics) -> Option<Renderer> {
        let mut templates = Vec::new();
        for (name, f) in theme.under("templates") {
            match std::str::from_utf8(&f.bytes) {
                Ok(text) => {
                    templates.push((name.to_owned(), SourceText::new(f.display.clone(), text)))
                }
                Err(_) => diags.push(Diagnostic::error(
                    Span::file_only(&f.display),
                    "template is not valid UTF-8",
                )),
            }
        }
        let compile = |sources: Vec<(&str, &str)>| {
            let mut tera = Tera::new();
            tera.autoescape_on([".html", ".xml"]);
            tera.add_raw_templates(sources).map(|()| tera)
        };
        let tera = match compile(
            templates
                .iter()
                .map(|(n, s)| (n.as_str(), &*s.text))
                .collect(),
        ) {
            Ok(t) => t,
            Err(e) => {
                diags.push(tera_diagnostic(&e, &templates));
                return None;
            }
        };
        // Minified once here, so no page needs minifying. A template that cannot be minified
        // safely is used as written.
        let minified: Vec<(&str, Option<String>)> = templates
            .iter()
            .map(|(n, s)| {
                let min = n
                    .ends_with(".html")
                    .then(|| crate::minify::template(&s.text))
                    .flatten();
                (n.as_str(), min)
            })
            .collect();
        let tera_min = if minified.iter().any(|(_, m)| m.is_some()) {
            compile(
                minified
                    .iter()
                    .zip(&templates)
                    .map(|((n, m), (_, s))| (*n, m.as_deref().unwrap_or(&s.text)))
                    .collect(),
            )
            .ok()
        } else {
            None
        };
        for required in [
            "index.html",
            "library.html",
            "case.html",
            "method.html",
            "methods.html",
            "practices.html",
            "matrix.html",
            "taxonomy.html",
            "term.html",
            "courses.html",
            "course.html",
            "page.html",
            "404.html",
            "atom.xml",
            "sitemap.xml",
            "robots.txt",
        ] {
            if !tera.contains_template(required) {
                diags.push(
                    Diagnostic::error(
                        Span::file_only(format!("themes/{}/templates/{required}", theme.name)),
                        format!("theme `{}` has no template `{required}`", theme.name),
                    )
                    .hint("copy it from the default theme"),
                );
            }
        }

        let mut i18n: Vec<Value> = Vec::new();
        let mut ui_strings: Vec<IndexMap<String, String>> = Vec::new();
        let mut default_strings: Option<IndexMap<String, String>> = None;
        for lang in &config.languages {
            let file = theme
                .under("i18n")
                .find(|(n, _)| *n == format!("{}.yaml", lang.code))
                .map(|(_, f)| f);
            let Some(file) = file else {
                diags.push(
                    Diagnostic::error(Span::file_only(format!("themes/{}/i18n/{}.yaml", theme.name, lang.code)), format!("theme `{}` has no UI strings for `{}`", theme.name, lang.code))
                        .hint("add i18n/<code>.yaml to the theme, translated from another language's file"),
                );
                continue;
            };
            let text = String::from_utf8_lossy(&file.bytes).into_owned();
            let source = SourceText::new(file.display.clone(), text);
            let doc = crate::yaml::YamlDoc {
                source: &source,
                yaml: &source.text,
                first_line: 1,
            };
            let mut strings: IndexMap<String, String> = match doc.parse() {
                Ok(s) => s,
                Err(d) => {
                    diags.push(d);
                    continue;
                }
            };
            match &default_strings {
                None => default_strings = Some(strings.clone()),
                Some(def) => {
                    for (k, v) in def {
                        if !strings.contains_key(k) {
                            diags.push(
                                Diagnostic::warning(source.whole(), format!("UI string `{k}` is missing; the default language's text is shown"))
                                    .hint(format!("add `{k}: …` translated from \"{v}\"")),
                            );
                            strings.insert(k.clone(), v.clone());
                        }
                    }
                }
            }
            i18n.push(views::value(&strings));
            ui_strings.push(strings);
        }

        let mut assets = IndexMap::new();
        let mut static_files = Vec::new();
        for (name, f) in theme.under("static") {
            let hash = blake3::hash(&f.bytes).to_hex();
            // Every asset is fingerprinted, so hosts may cache all of assets/ for good.
            let out = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("assets/{stem}.{}.{ext}", &hash[..10]),
                None => format!("assets/{name}.{}", &hash[..10]),
            };
            assets.insert(name.to_owned(), out.clone());
            static_files.push(OutFile {
                path: out,
                data: OutData::Bytes(f.bytes.to_vec()),
            });
        }
        if diags.has_errors() {
            return None;
        }
        Some(Renderer {
            tera,
            tera_min,
            templates,
            i18n,
            strings: ui_strings,
            assets: views::value(&assets),
            static_files,
        })
    }

    /// Renders every page of the site in every language, plus feeds, sitemap, open data and
    /// static files. Template errors are reported once each, however many pages hit them.
    pub fn render(
        &self,
        lib: &Library,
        opts: &RenderOptions,
        sink: &dyn Sink,
        diags: &mut Diagnostics,
    ) -> io::Result<()> {
        self.render_some(lib, opts, sink, diags, true, &|_, _| true)
    }

    /// Like [`Renderer::render`], but renders only the pages `keep` accepts (given the job and
    /// the page's folder, such as `cases/x/`): the preview re-renders what a change affects.
    /// Feeds, sitemap, open data and static files are rendered when `extras` is set.
    pub fn render_some(
        &self,
        lib: &Library,
        opts: &RenderOptions,
        sink: &dyn Sink,
        diags: &mut Diagnostics,
        extras: bool,
        keep: &(dyn Fn(Job, &str) -> bool + Sync),
    ) -> io::Result<()> {
        let related = Arc::new((0..lib.cases.len()).map(|_| OnceLock::new()).collect());
        let langs: Vec<LangData> = lib
            .langs()
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
                        .render_page(lib, &langs[lang], job, &page, opts)
                        .or_else(|e| {
                            if opts.minify && self.tera_min.is_some() {
                                let plain = RenderOptions::default();
                                self.render_page(lib, &langs[lang], job, &page, &plain)
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
            rayon::join(pages, || self.whole_library_files(lib, &langs, &jobs, sink))
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

    /// The sitemap, robots.txt, open data, static files and copied photos and assets: what is
    /// made from the whole library rather than per page. Template errors come back as
    /// diagnostics.
    fn whole_library_files(
        &self,
        lib: &Library,
        langs: &[LangData],
        jobs: &[Job],
        sink: &dyn Sink,
    ) -> io::Result<Vec<Diagnostic>> {
        enum Whole {
            SitemapAndRobots,
            Json(Lang),
            Csv(Lang),
            Copies,
        }
        let mut tasks = vec![Whole::SitemapAndRobots, Whole::Copies];
        for l in lib.langs() {
            tasks.push(Whole::Json(l));
            tasks.push(Whole::Csv(l));
        }
        let diags: Mutex<Vec<Diagnostic>> = Mutex::new(Vec::new());
        let data = |l: Lang, name: &str, text: String| OutFile {
            path: format!("{}data/{name}", lib.config.languages[l].prefix),
            data: OutData::Bytes(text.into_bytes()),
        };
        // One after another, beside the pages: each holds a whole-library file in memory.
        tasks.iter().try_for_each(|task| match *task {
            Whole::SitemapAndRobots => {
                // One sitemap and robots.txt for all languages, at the root.
                let mut ctx = langs[0].base.clone();
                ctx.insert("urls", &sitemap_entries(lib, langs, jobs));
                for name in ["sitemap.xml", "robots.txt"] {
                    match with_buffer(|buf| self.tera.render_to(name, &ctx, buf)) {
                        Ok(bytes) => sink.put(OutFile {
                            path: name.into(),
                            data: OutData::Bytes(bytes),
                        })?,
                        Err(e) => {
                            if let Ok(mut d) = diags.lock() {
                                d.push(tera_diagnostic(&e, &self.templates));
                            }
                        }
                    }
                }
                Ok(())
            }
            Whole::Json(l) => sink.put(data(l, "cases.json", opendata::json(lib, l))),
            Whole::Csv(l) => sink.put(data(l, "cases.csv", opendata::csv(lib, l))),
            Whole::Copies => self.copies(lib, sink),
        })?;
        Ok(diags.into_inner().unwrap_or_default())
    }

    /// Static files of the theme, and photos and assets copied (linked) from where they are.
    fn copies(&self, lib: &Library, sink: &dyn Sink) -> io::Result<()> {
        for f in &self.static_files {
            sink.put(f.clone())?;
        }
        // Two source files with the same bytes share one cache entry, but each keeps the
        // output names its pages link to: outputs are told apart by path, not by cache key.
        let mut seen_outputs = HashSet::new();
        for p in lib.photos.values() {
            for z in &p.sizes {
                for ext in ["webp", "jpg"] {
                    let path = p.output(z.width, ext);
                    if !seen_outputs.insert(path.clone()) {
                        continue;
                    }
                    let cached =
                        crate::photos::cached_file(&lib.config.photo_cache, p, z.width, ext);
                    sink.put(OutFile {
                        path,
                        data: OutData::Copy(cached),
                    })?;
                }
            }
        }
        for a in &lib.assets {
            sink.put(OutFile {
                path: a.output.clone(),
                data: OutData::Copy(a.source.clone()),
            })?;
        }
        Ok(())
    }

    fn render_page(
        &self,
        lib: &Library,
        ld: &LangData,
        job: Job,
        page: &PageInfo,
        opts: &RenderOptions,
    ) -> Result<OutFile, tera::Error> {
        let config = &lib.config;
        let lang = ld.lang;
        let mut ctx = ld.base.clone();
        let root = if job == Job::NotFound {
            urls::not_found_root(&config.base_url)
        } else {
            urls::root_of(config.prefix(lang), &page.path)
        };
        ctx.insert_value("root", Value::from(root.as_str()));
        ctx.insert_value("page", page_meta(config, lang, page, &ld.nav));
        // A tag exists in one language only: its page's other languages are their tag lists.
        let tags = Page::Taxonomy { name: "tags" }.path();
        let alt_path = if matches!(job, Job::Tag { .. }) {
            tags.as_str()
        } else {
            page.path.as_str()
        };
        ctx.insert_value("alternates", alternates(config, lang, alt_path, &root));
        let template = match job {
            Job::Home => {
                let featured: Vec<usize> = {
                    let mut f: Vec<usize> = (0..lib.cases.len())
                        .filter(|&i| lib.cases[i].featured)
                        .collect();
                    if f.is_empty() {
                        f = (0..lib.cases.len())
                            .filter(|&i| {
                                config.vocab.roles.terms[lib.cases[i].role].key == "model-point"
                            })
                            .collect();
                    }
                    f.truncate(6);
                    f
                };
                let latest: Vec<usize> = (0..lib.cases.len().min(6)).collect();
                for (name, list) in [("featured", &featured), ("latest", &latest)] {
                    ctx.insert_value(name, cards(lib, ld, list));
                    let html = self.cards_html(lib, ld, list, &root, opts)?;
                    ctx.insert_value(format!("{name}_html"), Value::safe_string(&html));
                }
                ctx.insert("methods", &method_summaries(lib, lang));
                ctx.insert("courses", &course_list(lib, lang));
                ctx.insert("case_count", &lib.cases.len());
                "index.html"
            }
            Job::Library { page: n } => {
                let all: Vec<usize> = (0..lib.cases.len()).collect();
                let shown = paginate(&all, n, config.page_size);
                ctx.insert_value("cases", cards(lib, ld, shown));
                let html = self.cards_html(lib, ld, shown, &root, opts)?;
                ctx.insert_value("cases_html", Value::safe_string(&html));
                ctx.insert("total", &lib.cases.len());
                ctx.insert(
                    "pager",
                    &pager(
                        config,
                        lang,
                        &Page::Library { page: 1 }.path(),
                        n,
                        all.len(),
                    ),
                );
                ctx.insert("facets", &facets(lib, ld));
                "library.html"
            }
            Job::Case(i) => {
                let c = &lib.cases[i];
                let view = views::case_view(lib, lang, c, &root, &ld.terms, None);
                ctx.insert_value("case", view);
                let related = ld.related(lib, i);
                ctx.insert_value("related", cards(lib, ld, related));
                let html = self.cards_html(lib, ld, related, &root, opts)?;
                ctx.insert_value("related_html", Value::safe_string(&html));
                ctx.insert_value("jsonld", Value::safe_string(&case_jsonld(lib, lang, i)));
                "case.html"
            }
            Job::Methods => {
                ctx.insert("methods", &method_summaries(lib, lang));
                "methods.html"
            }
            Job::Method { method: m, page: n } => {
                let all = &ld.practices[m];
                let doc = lib.methods[m].texts.as_ref().map(|t| &t[lang]);
                ctx.insert(
                    "method",
                    &MethodPage {
                        term: views::term(config, lang, "methods", m),
                        title: doc.map_or_else(
                            || config.vocab.methods.terms[m].labels[lang].clone(),
                            |d| d.title.value.clone(),
                        ),
                        summary: doc.map(|d| d.summary.value.clone()).unwrap_or_default(),
                        // Later pages repeat the method's text deeper (`page/N/`) than it
                        // was rendered for.
                        body: doc
                            .map(|d| markdown::deepen(&d.body.value.html, urls::paged_depth(n)))
                            .unwrap_or_default(),
                        fallback: doc
                            .is_some_and(|d| lang > 0 && (d.body.fallback || !d.translated)),
                        practices: practice_refs(lib, lang, paginate(all, n, config.page_size)),
                        practice_count: all.len(),
                        case_count: ld.index.methods[m].len(),
                    },
                );
                let key = &config.vocab.methods.terms[m].key;
                ctx.insert(
                    "pager",
                    &pager(
                        config,
                        lang,
                        &Page::Method { key, page: 1 }.path(),
                        n,
                        all.len(),
                    ),
                );
                "method.html"
            }
            Job::Practices => {
                // Each method shows its first practices; its own page lists them all.
                let groups: Vec<PracticeGroup> = (0..config.vocab.methods.terms.len())
                    .map(|m| {
                        let all = &ld.practices[m];
                        let shown = &all[..all.len().min(PRACTICES_PER_GROUP)];
                        PracticeGroup {
                            method: views::term(config, lang, "methods", m),
                            practices: practice_refs(lib, lang, shown),
                            total: all.len(),
                        }
                    })
                    .collect();
                ctx.insert("groups", &groups);
                "practices.html"
            }
            Job::Matrix { page: n } => {
                let all: Vec<usize> = (0..lib.cases.len()).collect();
                ctx.insert(
                    "pager",
                    &pager(config, lang, &Page::Matrix { page: 1 }.path(), n, all.len()),
                );
                let rows: Vec<MatrixRow> = paginate(&all, n, config.page_size)
                    .iter()
                    .map(|&i| (i, &lib.cases[i]))
                    .map(|(i, c)| MatrixRow {
                        case: ld.card(lib, i),
                        cells: (0..config.vocab.methods.terms.len())
                            .map(|m| {
                                c.texts[lang]
                                    .methods
                                    .value
                                    .iter()
                                    .find(|(k, _)| *k == m)
                                    .map(|(_, t)| t.clone())
                            })
                            .collect(),
                    })
                    .collect();
                ctx.insert("rows", &rows);
                ctx.insert(
                    "method_terms",
                    &(0..config.vocab.methods.terms.len())
                        .map(|m| views::term(config, lang, "methods", m))
                        .collect::<Vec<_>>(),
                );
                "matrix.html"
            }
            Job::Taxonomy { name } => {
                ctx.insert(
                    "taxonomy",
                    &TaxonomyPage {
                        name,
                        terms: taxonomy_terms(ld, name),
                    },
                );
                "taxonomy.html"
            }
            Job::Term {
                term: t, page: n, ..
            }
            | Job::Tag {
                tag: t, page: n, ..
            } => {
                let name = if let Job::Term { vocab, .. } = job {
                    vocab.name()
                } else {
                    "tags"
                };
                let (term, cases) = term_of(ld, name, t);
                ctx.insert("taxonomy", &name);
                ctx.insert("total", &cases.len());
                ctx.insert(
                    "pager",
                    &pager(
                        config,
                        lang,
                        &Page::Term {
                            taxonomy: name,
                            key: &term.key,
                            page: 1,
                        }
                        .path(),
                        n,
                        cases.len(),
                    ),
                );
                ctx.insert("term", &term);
                let shown = paginate(&cases, n, config.page_size);
                ctx.insert_value("cases", cards(lib, ld, shown));
                let html = self.cards_html(lib, ld, shown, &root, opts)?;
                ctx.insert_value("cases_html", Value::safe_string(&html));
                "term.html"
            }
            Job::Courses => {
                ctx.insert("courses", &course_list(lib, lang));
                "courses.html"
            }
            Job::Course(ci) => {
                ctx.insert("course", &course_view(lib, lang, ci, &ld.terms));
                "course.html"
            }
            Job::Page(pi) => {
                let p = &lib.pages[pi];
                let t = &p.texts[lang];
                ctx.insert(
                    "doc",
                    &DocPage {
                        slug: p.slug.clone(),
                        title: t.title.value.clone(),
                        summary: t.summary.value.clone(),
                        body: t.body.value.html.clone(),
                        toc: views::toc(&t.body.value),
                        fallback: lang > 0 && (t.body.fallback || !t.translated),
                    },
                );
                "page.html"
            }
            Job::NotFound => "404.html",
            Job::Feed => {
                let entries: Vec<FeedEntry> = lib
                    .cases
                    .iter()
                    .take(config.feed_limit)
                    .map(|c| FeedEntry {
                        title: c.texts[lang].title.value.clone(),
                        summary: c.texts[lang].summary.value.clone(),
                        url: urls::absolute(
                            &config.base_url,
                            &urls::site_file(
                                config.prefix(lang),
                                &Page::Case { slug: &c.slug }.path(),
                            ),
                        ),
                        updated: format!("{}T00:00:00Z", c.updated),
                    })
                    .collect();
                let updated = lib.cases.first().map_or_else(
                    || "1970-01-01T00:00:00Z".to_owned(),
                    |c| format!("{}T00:00:00Z", c.updated),
                );
                ctx.insert("entries", &entries);
                ctx.insert("updated", &updated);
                ctx.insert(
                    "feed_url",
                    &urls::absolute(
                        &config.base_url,
                        &format!("{}atom.xml", config.languages[lang].prefix),
                    ),
                );
                "atom.xml"
            }
        };
        let bytes = with_buffer(|buf| self.tera(opts).render_to(template, &ctx, buf))?;
        Ok(OutFile {
            path: format!("{}{}", config.languages[lang].prefix, page.file),
            data: OutData::Bytes(bytes),
        })
    }

    /// The compiled templates `opts` asks for.
    fn tera(&self, opts: &RenderOptions) -> &Tera {
        match (&self.tera_min, opts.minify) {
            (Some(min), true) => min,
            _ => &self.tera,
        }
    }

    /// The cards of `list` as HTML for a page whose links start with `root`. Each card is
    /// rendered once per language (from `partials/card.html`, which sees the card as `c` and
    /// the site-wide variables) and its link roots filled in for each page: listing pages show
    /// every case several times over, and rendering a card costs far more than copying it.
    fn cards_html(
        &self,
        lib: &Library,
        ld: &LangData,
        list: &[usize],
        root: &str,
        opts: &RenderOptions,
    ) -> Result<String, tera::Error> {
        const CARD: &str = "partials/card.html";
        let tera = self.tera(opts);
        if !tera.contains_template(CARD) {
            return Ok(String::new());
        }
        let mut cards = Vec::with_capacity(list.len());
        for &i in list {
            let card = match ld.card_html[i].get() {
                Some(c) => c,
                None => {
                    let mut ctx = ld.base.clone();
                    ctx.insert_value("c", ld.card(lib, i));
                    ctx.insert("root", ROOT_MARK);
                    let bytes = with_buffer(|buf| tera.render_to(CARD, &ctx, buf))?;
                    let html = String::from_utf8(bytes).unwrap_or_default();
                    ld.card_html[i].get_or_init(|| CardHtml::new(&html))
                }
            };
            cards.push(card);
        }
        // Sized once: a library page holds hundreds of cards, and growing the string by
        // doubling would copy them several times over.
        let len = cards
            .iter()
            .map(|c| c.text.len() + c.roots.len() * root.len())
            .sum();
        let mut out = String::with_capacity(len);
        for c in cards {
            c.push_to(&mut out, root);
        }
        Ok(out)
    }
}

/// Stands for a page's `root` in HTML made once for many pages. Private-use characters, which
/// no editor's text holds in this order.
const ROOT_MARK: &str = "\u{E00A}\u{E00B}";

/// A card's HTML made once, without its pages' `root`: the text, and where a root goes in it.
struct CardHtml {
    text: String,
    roots: Vec<usize>,
}

impl CardHtml {
    /// Takes the [`ROOT_MARK`]s out of `html`, noting where they were.
    fn new(html: &str) -> CardHtml {
        let mut text = String::with_capacity(html.len());
        let mut roots = Vec::new();
        for (k, part) in html.split(ROOT_MARK).enumerate() {
            if k > 0 {
                roots.push(text.len());
            }
            text.push_str(part);
        }
        text.shrink_to_fit();
        CardHtml { text, roots }
    }

    /// Appends the card to `out` with `root` at the start of its links.
    fn push_to(&self, out: &mut String, root: &str) {
        let mut at = 0;
        for &r in &self.roots {
            out.push_str(&self.text[at..r]);
            out.push_str(root);
            at = r;
        }
        out.push_str(&self.text[at..]);
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

/// Data of one language shared by all its pages.
struct LangData {
    lang: Lang,
    base: Context,
    cards: Vec<OnceLock<Value>>,
    /// Each case's card as HTML, rendered once.
    card_html: Vec<OnceLock<CardHtml>>,
    /// Each case's related cases (the same in every language, so shared).
    related: Arc<Vec<OnceLock<Vec<usize>>>>,
    /// The vocabularies' terms as template values.
    terms: views::TermValues,
    /// The navigation's sections.
    nav: Vec<NavItem>,
    index: TermIndex,
    /// Per method, the practices filed under it as (case, practice) indexes, in library order.
    practices: Vec<Vec<(usize, usize)>>,
}

impl LangData {
    /// The card of case `i`, made once and shared by every page that lists it.
    fn card(&self, lib: &Library, i: usize) -> Value {
        self.cards[i]
            .get_or_init(|| views::card(&lib.config, self.lang, &lib.cases[i], &self.terms))
            .clone()
    }

    /// The cases related to case `i`.
    fn related(&self, lib: &Library, i: usize) -> &[usize] {
        self.related[i].get_or_init(|| views::related(lib, &self.index, i))
    }

    fn new(
        lib: &Library,
        lang: Lang,
        r: &Renderer,
        related: Arc<Vec<OnceLock<Vec<usize>>>>,
    ) -> LangData {
        let config = &lib.config;
        // Cards are made when first needed: a preview rebuild of one case's page needs three.
        let cards = (0..lib.cases.len()).map(|_| OnceLock::new()).collect();
        let card_html = (0..lib.cases.len()).map(|_| OnceLock::new()).collect();
        let l = &config.languages[lang];
        let mut base = Context::new();
        base.insert(
            "lang",
            &LangView {
                code: l.code.clone(),
                locale: l.locale.clone(),
                og_locale: l.locale.replace('-', "_"),
                name: l.name.clone(),
                prefix: l.prefix.clone(),
                default: lang == 0,
            },
        );
        base.insert("default_locale", &config.languages[0].locale);
        base.insert_value("t", r.i18n.get(lang).cloned().unwrap_or_else(Value::none));
        base.insert(
            "site",
            &SiteView {
                title: config.title[lang].clone(),
                description: config.description[lang].clone(),
                base_url: config.base_url.clone(),
            },
        );
        base.insert_value("assets", r.assets.clone());
        base.insert("vocab", &vocab_view(config, lang));
        let nav = nav(config, lang, lib, r.strings.get(lang));
        base.insert("nav", &nav);
        let mut practices = vec![Vec::new(); config.vocab.methods.terms.len()];
        for (ci, c) in lib.cases.iter().enumerate() {
            for (pi, p) in c.texts[0].practices.value.iter().enumerate() {
                practices[p.method].push((ci, pi));
            }
        }
        LangData {
            lang,
            base,
            cards,
            card_html,
            related,
            terms: views::TermValues::new(config, lang),
            nav,
            index: views::term_index(lib, lang),
            practices,
        }
    }
}

#[derive(Serialize)]
struct LangView {
    code: String,
    locale: String,
    /// The locale as Open Graph writes it (`zh_CN`).
    og_locale: String,
    name: String,
    prefix: String,
    default: bool,
}

#[derive(Serialize)]
struct SiteView {
    title: String,
    description: String,
    base_url: String,
}

#[derive(Serialize)]
struct NavItem {
    key: &'static str,
    /// Folder without language prefix: the section's pages are the ones under it.
    path: String,
    url: String,
    /// Its UI string (`nav_<key>`).
    label: String,
}

/// The sections of the site navigation links to, each with its label: pages mark the one
/// they belong to by `page.section`.
fn nav(
    config: &Config,
    lang: Lang,
    lib: &Library,
    strings: Option<&IndexMap<String, String>>,
) -> Vec<NavItem> {
    let item = |key: &'static str, path: &str| NavItem {
        key,
        path: path.to_owned(),
        url: urls::site_file(config.prefix(lang), path),
        label: strings
            .and_then(|s| s.get(&format!("nav_{key}")))
            .cloned()
            .unwrap_or_default(),
    };
    let mut items = vec![
        item("cases", &Page::Library { page: 1 }.path()),
        item("methods", &Page::Methods.path()),
        item("practices", &Page::Practices.path()),
        item("matrix", &Page::Matrix { page: 1 }.path()),
    ];
    if !lib.courses.is_empty() {
        items.push(item("courses", &Page::Courses.path()));
    }
    for key in ["guide", "about"] {
        if lib.pages.iter().any(|p| p.slug == key) {
            items.push(item(key, &Page::Doc { slug: key }.path()));
        }
    }
    items
}

fn vocab_view(config: &Config, lang: Lang) -> IndexMap<&'static str, Vec<TermRef>> {
    let mut m = IndexMap::new();
    for name in Vocab::ALL.map(Vocab::name) {
        let v = views::vocabulary(config, name).map_or(0, |v| v.terms.len());
        m.insert(
            name,
            (0..v).map(|i| views::term(config, lang, name, i)).collect(),
        );
    }
    m
}

/// Where a page is and what it is called.
struct PageInfo {
    /// Logical folder, without language prefix (`cases/x/`, empty for home).
    path: String,
    /// Output file relative to the language root (`cases/x/index.html`).
    file: String,
    /// Page kind for templates and JSON-LD.
    kind: &'static str,
}

fn page_for(lib: &Library, ld: &LangData, job: Job) -> PageInfo {
    let page = match job {
        Job::Home => Page::Home,
        Job::Library { page } => Page::Library { page },
        Job::Case(i) => Page::Case {
            slug: &lib.cases[i].slug,
        },
        Job::Methods => Page::Methods,
        Job::Method { method, page } => Page::Method {
            key: &lib.config.vocab.methods.terms[method].key,
            page,
        },
        Job::Practices => Page::Practices,
        Job::Matrix { page } => Page::Matrix { page },
        Job::Taxonomy { name } => Page::Taxonomy { name },
        Job::Term { vocab, term, page } => Page::Term {
            taxonomy: vocab.name(),
            key: &lib.config.vocab.get(vocab).terms[term].key,
            page,
        },
        Job::Tag { tag, page, .. } => {
            let key = term_of(ld, "tags", tag).0.key;
            return info(
                Page::Term {
                    taxonomy: "tags",
                    key: &key,
                    page,
                },
                "term",
            );
        }
        Job::Courses => Page::Courses,
        Job::Course(c) => Page::Course {
            slug: &lib.courses[c].slug,
        },
        Job::Page(p) => Page::Doc {
            slug: &lib.pages[p].slug,
        },
        Job::NotFound => Page::NotFound,
        Job::Feed => Page::Feed,
    };
    let kind = match job {
        Job::Home => "home",
        Job::Library { .. } => "library",
        Job::Case(_) => "case",
        Job::Methods => "methods",
        Job::Method { .. } => "method",
        Job::Practices => "practices",
        Job::Matrix { .. } => "matrix",
        Job::Taxonomy { .. } => "taxonomy",
        Job::Term { .. } | Job::Tag { .. } => "term",
        Job::Courses => "courses",
        Job::Course(_) => "course",
        Job::Page(_) => "page",
        Job::NotFound => "404",
        Job::Feed => "feed",
    };
    info(page, kind)
}

fn info(page: Page<'_>, kind: &'static str) -> PageInfo {
    PageInfo {
        path: page.path(),
        file: page.file(),
        kind,
    }
}

fn term_of(ld: &LangData, name: &str, t: usize) -> (TermRef, Vec<usize>) {
    ld.index
        .terms
        .get(name)
        .and_then(|terms| terms.get(t))
        .cloned()
        .unwrap_or_else(|| {
            (
                TermRef {
                    key: String::new(),
                    label: String::new(),
                    url: String::new(),
                },
                Vec::new(),
            )
        })
}

fn jobs(lib: &Library, langs: &[LangData]) -> Vec<Job> {
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
    jobs.extend((0..lib.cases.len()).map(Job::Case));
    // Practices line up across languages, so the default language's counts serve all.
    for (m, list) in langs[0].practices.iter().enumerate() {
        jobs.extend((1..=page_count(list.len(), size)).map(|page| Job::Method { method: m, page }));
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

/// The page's `page`: its path, absolute URL, kind and the navigation section it is in (or
/// none). Made as a template value directly, as every page needs one.
fn page_meta(config: &Config, lang: Lang, page: &PageInfo, nav: &[NavItem]) -> Value {
    let url = urls::absolute(
        &config.base_url,
        &format!("{}{}", config.languages[lang].prefix, page.path),
    );
    let section = nav
        .iter()
        .find(|n| page.path.starts_with(&n.path))
        .map(|n| n.key);
    let mut m: IndexMap<&'static str, Value> = IndexMap::with_capacity(4);
    m.insert("path", Value::from(page.path.as_str()));
    m.insert("url", Value::from(url));
    m.insert("kind", Value::from(page.kind));
    m.insert("section", Value::from(section));
    Value::from(m)
}

/// The page in every language, for the language switch and hreflang links: each with `code`,
/// `locale`, `name`, `href` (relative), `url` (absolute) and whether it is `current`.
fn alternates(config: &Config, lang: Lang, path: &str, root: &str) -> Value {
    let file = urls::file_of(path);
    let list: Vec<Value> = config
        .languages
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut m: IndexMap<&'static str, Value> = IndexMap::with_capacity(6);
            m.insert("code", Value::from(l.code.as_str()));
            m.insert("locale", Value::from(l.locale.as_str()));
            m.insert("name", Value::from(l.name.as_str()));
            m.insert("href", Value::from(format!("{root}{}{file}", l.prefix)));
            m.insert(
                "url",
                Value::from(urls::absolute(
                    &config.base_url,
                    &format!("{}{}", l.prefix, path),
                )),
            );
            m.insert("current", Value::from(i == lang));
            Value::from(m)
        })
        .collect();
    Value::from(list)
}

#[derive(Serialize)]
struct MethodSummary {
    term: TermRef,
    summary: String,
    practice_count: usize,
    case_count: usize,
}

fn method_summaries(lib: &Library, lang: Lang) -> Vec<MethodSummary> {
    let config = &lib.config;
    (0..config.vocab.methods.terms.len())
        .map(|m| MethodSummary {
            term: views::term(config, lang, "methods", m),
            summary: lib.methods[m]
                .texts
                .as_ref()
                .map(|t| t[lang].summary.value.clone())
                .unwrap_or_default(),
            practice_count: lib
                .cases
                .iter()
                .map(|c| {
                    c.texts[0]
                        .practices
                        .value
                        .iter()
                        .filter(|p| p.method == m)
                        .count()
                })
                .sum(),
            case_count: lib
                .cases
                .iter()
                .filter(|c| c.method_keys().any(|k| k == m))
                .count(),
        })
        .collect()
}

#[derive(Serialize)]
struct MethodPage {
    term: TermRef,
    title: String,
    summary: String,
    body: String,
    fallback: bool,
    practices: Vec<PracticeRef>,
    practice_count: usize,
    case_count: usize,
}

#[derive(Serialize)]
struct PracticeRef {
    case_title: String,
    case_place: String,
    url: String,
    #[serde(flatten)]
    practice: views::PracticeView,
}

#[derive(Serialize)]
struct PracticeGroup {
    method: TermRef,
    practices: Vec<PracticeRef>,
    total: usize,
}

/// Practices given as (case, practice) indexes, ready for a list.
fn practice_refs(lib: &Library, lang: Lang, list: &[(usize, usize)]) -> Vec<PracticeRef> {
    let config = &lib.config;
    list.iter()
        .map(|&(ci, pi)| {
            let c = &lib.cases[ci];
            let p = &c.texts[lang].practices.value[pi];
            let view = views::practice_views(config, lang, std::slice::from_ref(p)).remove(0);
            let n = pi + 1;
            PracticeRef {
                case_title: c.texts[lang].title.value.clone(),
                case_place: views::place_line(config, lang, c),
                url: format!(
                    "{}#practice-{n}",
                    urls::site_file(config.prefix(lang), &Page::Case { slug: &c.slug }.path())
                ),
                practice: views::PracticeView { n, ..view },
            }
        })
        .collect()
}

/// How many practices of each method the practice library shows before "all N".
const PRACTICES_PER_GROUP: usize = 12;

/// Number of pages a list of `len` items takes (an empty list still has its first page).
fn page_count(len: usize, size: usize) -> usize {
    len.div_ceil(size.max(1)).max(1)
}

/// The items of page `n` (1-based).
fn paginate<T>(all: &[T], n: usize, size: usize) -> &[T] {
    let size = size.max(1);
    let start = ((n - 1) * size).min(all.len());
    &all[start..(start + size).min(all.len())]
}

fn cards(lib: &Library, ld: &LangData, list: &[usize]) -> Value {
    let v: Vec<Value> = list.iter().map(|&i| ld.card(lib, i)).collect();
    Value::from(v.as_slice())
}

#[derive(Serialize)]
struct PagerLink {
    n: usize,
    url: String,
    current: bool,
}

#[derive(Serialize)]
struct Pager {
    page: usize,
    pages: usize,
    prev: Option<String>,
    next: Option<String>,
    links: Vec<PagerLink>,
}

/// Page links of a paginated list: first, last, and a window around the current page.
fn pager(config: &Config, lang: Lang, base: &str, n: usize, len: usize) -> Pager {
    let pages = page_count(len, config.page_size);
    let url = |k: usize| urls::site_file(config.prefix(lang), &urls::paged(base, k));
    let links = (1..=pages)
        .filter(|&k| k == 1 || k == pages || k.abs_diff(n) <= 2)
        .map(|k| PagerLink {
            n: k,
            url: url(k),
            current: k == n,
        })
        .collect();
    Pager {
        page: n,
        pages,
        prev: (n > 1).then(|| url(n - 1)),
        next: (n < pages).then(|| url(n + 1)),
        links,
    }
}

#[derive(Serialize)]
struct MatrixRow {
    case: Value,
    cells: Vec<Option<String>>,
}

#[derive(Serialize)]
struct TaxonomyPage {
    name: &'static str,
    terms: Vec<TermCount>,
}

#[derive(Serialize)]
struct TermCount {
    #[serde(flatten)]
    term: TermRef,
    count: usize,
}

fn taxonomy_terms(ld: &LangData, name: &str) -> Vec<TermCount> {
    ld.index.terms.get(name).map_or_else(Vec::new, |terms| {
        terms
            .iter()
            .filter(|(_, c)| name != "tags" || !c.is_empty())
            .map(|(t, c)| TermCount {
                term: t.clone(),
                count: c.len(),
            })
            .collect()
    })
}

#[derive(Serialize)]
struct Facet {
    name: &'static str,
    /// URL parameter of the search (`method`, `province`, …).
    param: &'static str,
    terms: Vec<FacetTerm>,
}

#[derive(Serialize)]
struct FacetTerm {
    #[serde(flatten)]
    term: TermRef,
    count: usize,
    /// Position in the vocabulary: how the search index names the value.
    index: usize,
}

/// The library's facets, in the order and with the parameters of the search index.
fn facets(lib: &Library, ld: &LangData) -> Vec<Facet> {
    let config = &lib.config;
    Vocab::facets()
        .map(|(param, voc)| {
            let name = voc.name();
            let terms = if voc == Vocab::Methods {
                ld.index
                    .methods
                    .iter()
                    .enumerate()
                    .map(|(m, c)| TermCount {
                        term: views::term(config, ld.lang, "methods", m),
                        count: c.len(),
                    })
                    .collect()
            } else {
                taxonomy_terms(ld, name)
            };
            let vocab = Some(config.vocab.get(voc));
            Facet {
                name,
                param,
                terms: terms
                    .into_iter()
                    .filter_map(|tc| {
                        let index = vocab?.terms.iter().position(|t| t.key == tc.term.key)?;
                        Some(FacetTerm {
                            term: tc.term,
                            count: tc.count,
                            index,
                        })
                    })
                    .collect(),
            }
        })
        .collect()
}

#[derive(Serialize)]
struct CourseItem {
    slug: String,
    url: String,
    title: String,
    summary: String,
    session_count: usize,
}

fn course_list(lib: &Library, lang: Lang) -> Vec<CourseItem> {
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
struct CourseView {
    slug: String,
    title: String,
    summary: String,
    audience: Option<String>,
    duration: Option<String>,
    intro: String,
    fallback: bool,
    sessions: Vec<SessionView>,
    questions: Vec<String>,
    /// The latest source date of its cases: how current the pack is.
    date: String,
    /// The sources of its cases, each once, for the cover.
    sources: Vec<crate::model::Source>,
}

#[derive(Serialize)]
struct SessionView {
    n: usize,
    focus: String,
    questions: Vec<String>,
    case: Value,
}

fn course_view(lib: &Library, lang: Lang, ci: usize, terms: &views::TermValues) -> CourseView {
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
        fallback: lang > 0 && !t.doc.translated,
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
                let body = views::with_pictures(lib, case, &again.html, &again.images, &root);
                let view = views::case_view(lib, lang, case, &root, terms, Some(body));
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

#[derive(Serialize)]
struct DocPage {
    slug: String,
    title: String,
    summary: String,
    body: String,
    toc: Vec<views::TocEntry>,
    fallback: bool,
}

#[derive(Serialize)]
struct FeedEntry {
    title: String,
    summary: String,
    url: String,
    updated: String,
}

#[derive(Serialize, Clone)]
struct SitemapAlt {
    hreflang: String,
    href: String,
}

#[derive(Serialize)]
struct SitemapEntry {
    url: String,
    lastmod: Option<String>,
    alternates: Vec<SitemapAlt>,
}

fn sitemap_entries(lib: &Library, langs: &[LangData], jobs: &[Job]) -> Vec<SitemapEntry> {
    let config = &lib.config;
    let mut out = Vec::new();
    for job in jobs {
        if matches!(job, Job::NotFound | Job::Feed) {
            continue;
        }
        if let Job::Tag { lang: l, .. } = job {
            let page = page_for(lib, &langs[*l], *job).path;
            out.push(SitemapEntry {
                url: urls::absolute(
                    &config.base_url,
                    &format!("{}{}", config.languages[*l].prefix, page),
                ),
                lastmod: None,
                alternates: Vec::new(),
            });
            continue;
        }
        let page = page_for(lib, &langs[0], *job).path;
        let lastmod = match job {
            Job::Case(i) => Some(lib.cases[*i].updated.to_string()),
            _ => None,
        };
        let alts: Vec<SitemapAlt> = config
            .languages
            .iter()
            .map(|l| SitemapAlt {
                hreflang: l.locale.clone(),
                href: urls::absolute(&config.base_url, &format!("{}{}", l.prefix, page)),
            })
            .collect();
        for l in &config.languages {
            out.push(SitemapEntry {
                url: urls::absolute(&config.base_url, &format!("{}{}", l.prefix, page)),
                lastmod: lastmod.clone(),
                alternates: alts.clone(),
            });
        }
    }
    out
}

/// schema.org metadata of a case page, as JSON safe to place in a `<script>` element.
fn case_jsonld(lib: &Library, lang: Lang, i: usize) -> String {
    let config = &lib.config;
    let c = &lib.cases[i];
    let t = &c.texts[lang];
    let p = &t.place.value;
    let locality = [p.town.as_deref(), p.county.as_deref(), p.city.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": t.title.value,
        "description": t.summary.value,
        "inLanguage": config.languages[lang].locale,
        "dateModified": c.updated.to_string(),
        "url": urls::absolute(&config.base_url, &urls::site_file(config.prefix(lang), &Page::Case { slug: &c.slug }.path())),
        "keywords": t.tags.value.join(", "),
        "contentLocation": {
            "@type": "Place",
            "name": p.village,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": locality,
                "addressRegion": config.vocab.provinces.terms[c.province].labels[lang],
                "addressCountry": "CN",
            }
        },
        "isPartOf": {"@type": "WebSite", "name": config.title[lang], "url": urls::absolute(&config.base_url, &config.languages[lang].prefix)},
    });
    // `</script>` inside a string would end the element early.
    v.to_string().replace('<', "\\u003c")
}

/// A Tera error as a diagnostic pointing at the template file and line.
fn tera_diagnostic(e: &tera::Error, templates: &[(String, SourceText)]) -> Diagnostic {
    use tera::ErrorKind;
    let report = match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    let mut message = e.to_string();
    if let Some(src) = std::error::Error::source(e) {
        message = format!("{message}: {src}");
    }
    match report {
        Some(r) => {
            let file = templates.iter().find(|(n, _)| n == r.filename());
            let span = match file {
                Some((_, s)) => s.span_at(
                    r.span().start_line,
                    r.span().start_col + 1,
                    r.span().range.len().max(1),
                ),
                None => Span::file_only(format!("templates/{}", r.filename())),
            };
            Diagnostic::error(span, format!("template error: {}", r.message()))
                .hint("fix the template; see the Tera 2 documentation for its syntax")
        }
        None => {
            let first_line = message.lines().next().unwrap_or("").to_owned();
            Diagnostic::error(
                Span::file_only("templates"),
                format!("template error: {first_line}"),
            )
            .hint(message)
        }
    }
}
