//! One page rendered: where it is, its metadata and alternates, and the values each kind of
//! page gives its template.

use crate::config::{Config, Lang};
use crate::markdown;
use crate::model::Library;
use crate::output::{OutData, OutFile};
use crate::photos::Photos;
use crate::urls::{self, Page};
use crate::views;
use indexmap::IndexMap;
use tera::{Context, Value};

use super::*;

/// Where a page is and what it is called.
pub(super) struct PageInfo {
    /// Logical folder, without language prefix (`cases/x/`, empty for home).
    pub(super) path: String,
    /// Output file relative to the language root (`cases/x/index.html`).
    pub(super) file: String,
    /// Page kind for templates and JSON-LD.
    pub(super) kind: &'static str,
}

pub(super) fn page_for(lib: &Library, ld: &LangData, job: Job) -> PageInfo {
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

pub(super) fn info(page: Page<'_>, kind: &'static str) -> PageInfo {
    PageInfo {
        path: page.path(),
        file: page.file(),
        kind,
    }
}

/// The page's `page`: its path, absolute URL, kind and the navigation section it is in (or
/// none). Made as a template value directly, as every page needs one.
pub(super) fn page_meta(config: &Config, lang: Lang, page: &PageInfo, nav: &[NavItem]) -> Value {
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
pub(super) fn alternates(config: &Config, lang: Lang, path: &str, root: &str) -> Value {
    let file = urls::file_of(path);
    let list: Vec<Value> = config
        .languages
        .iter()
        .zip(config.langs())
        .map(|(l, i)| {
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

/// schema.org metadata of a case page, as JSON safe to place in a `<script>` element.
pub(super) fn case_jsonld(lib: &Library, lang: Lang, i: CaseId) -> String {
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

impl Renderer {
    pub(super) fn render_page(
        &self,
        lib: &Library,
        photos: &Photos,
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
        let p = PageCtx {
            r: self,
            lib,
            photos,
            ld,
            root: &root,
            opts,
        };
        let template = match job {
            Job::Home => p.home(&mut ctx)?,
            Job::Library { page: n } => p.library(&mut ctx, n)?,
            Job::Case(i) => p.case(&mut ctx, i)?,
            Job::Methods => p.methods(&mut ctx)?,
            Job::Method { method: m, page: n } => p.method(&mut ctx, m, n)?,
            Job::Practices => p.practices(&mut ctx)?,
            Job::Matrix { page: n } => p.matrix(&mut ctx, n)?,
            Job::Taxonomy { name } => p.taxonomy(&mut ctx, name)?,
            Job::Term {
                term: t, page: n, ..
            }
            | Job::Tag {
                tag: t, page: n, ..
            } => p.term(&mut ctx, job, t, n)?,
            Job::Courses => p.courses(&mut ctx)?,
            Job::Course(ci) => p.course(&mut ctx, ci)?,
            Job::Page(pi) => p.doc(&mut ctx, pi)?,
            Job::NotFound => "404.html",
            Job::Feed => p.feed(&mut ctx)?,
        };
        let marks = marks::of(lib, job, lang);
        ctx.insert("uncertain", &marks::notes(&marks));
        let mut bytes = with_buffer(|buf| self.tera(opts).render_to(template, &ctx, buf))?;
        if !marks.is_empty() {
            let html = String::from_utf8_lossy(&bytes);
            bytes = crate::uncertain::mark(&html, &marks).into_bytes();
        }
        Ok(OutFile {
            path: format!("{}{}", config.languages[lang].prefix, page.file),
            data: OutData::Bytes(bytes),
        })
    }
}

/// What every page's values are made from: the renderer, the library, the language's shared
/// values, the page's root and the render options.
#[derive(Clone, Copy)]
struct PageCtx<'a> {
    r: &'a Renderer,
    lib: &'a Library,
    photos: &'a Photos,
    ld: &'a LangData,
    root: &'a str,
    opts: &'a RenderOptions,
}

impl PageCtx<'_> {
    /// The cards of `list` under `name`: as values for themes that lay them out themselves,
    /// and as HTML (`<name>_html`) made once per card with this page's root.
    fn put_cards(
        &self,
        ctx: &mut Context,
        name: &'static str,
        list: &[CaseId],
    ) -> Result<(), tera::Error> {
        ctx.insert_value(name, cards(self.lib, self.ld, list));
        let html = self
            .r
            .cards_html(self.lib, self.ld, list, self.root, self.opts)?;
        ctx.insert_value(format!("{name}_html"), Value::safe_string(&html));
        Ok(())
    }

    /// The home page: featured and latest cases, the methods, the courses.
    fn home(&self, ctx: &mut Context) -> Result<&'static str, tera::Error> {
        let PageCtx { lib, ld, .. } = *self;
        let (config, lang) = (&lib.config, ld.lang);
        let featured: Vec<CaseId> = {
            let mut f: Vec<CaseId> = lib
                .case_ids()
                .filter(|(_, c)| c.featured)
                .map(|(i, _)| i)
                .collect();
            if f.is_empty() {
                f = lib
                    .case_ids()
                    .filter(|(_, c)| config.vocab.roles.terms[c.role].key == "model-point")
                    .map(|(i, _)| i)
                    .collect();
            }
            f.truncate(6);
            f
        };
        let latest: Vec<CaseId> = CaseId::all(lib.cases.len().min(6)).collect();
        for (name, list) in [("featured", &featured), ("latest", &latest)] {
            self.put_cards(ctx, name, list)?;
        }
        ctx.insert("methods", &method_summaries(lib, lang));
        ctx.insert("courses", &course_list(lib, lang));
        ctx.insert("case_count", &lib.cases.len());
        Ok("index.html")
    }

    /// Page `n` of the case library, with its facets.
    fn library(&self, ctx: &mut Context, n: usize) -> Result<&'static str, tera::Error> {
        let PageCtx { lib, ld, .. } = *self;
        let (config, lang) = (&lib.config, ld.lang);
        let all: Vec<CaseId> = CaseId::all(lib.cases.len()).collect();
        let shown = paginate(&all, n, config.page_size);
        self.put_cards(ctx, "cases", shown)?;
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
        Ok("library.html")
    }

    /// A case page.
    fn case(&self, ctx: &mut Context, i: CaseId) -> Result<&'static str, tera::Error> {
        let PageCtx { lib, ld, root, .. } = *self;
        let lang = ld.lang;
        let c = &lib.cases[i];
        let view = views::case_view(lib, self.photos, lang, c, root, &ld.terms, None);
        ctx.insert_value("case", view);
        let related = ld.related(lib, i);
        self.put_cards(ctx, "related", related)?;
        ctx.insert_value("jsonld", Value::safe_string(&case_jsonld(lib, lang, i)));
        Ok("case.html")
    }

    /// The list of methods.
    fn methods(&self, ctx: &mut Context) -> Result<&'static str, tera::Error> {
        let PageCtx { lib, ld, .. } = *self;
        let lang = ld.lang;
        ctx.insert("methods", &method_summaries(lib, lang));
        Ok("methods.html")
    }

    /// Page `n` of method `m`'s practices, with the method's text.
    fn method(&self, ctx: &mut Context, m: TermId, n: usize) -> Result<&'static str, tera::Error> {
        let PageCtx { lib, ld, .. } = *self;
        let (config, lang) = (&lib.config, ld.lang);
        let all = &ld.practices[m.index()];
        let doc = lib.methods[m.index()].texts.as_ref().map(|t| &t[lang]);
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
                    .is_some_and(|d| !lang.is_default() && (d.body.fallback || !d.translated)),
                practices: practice_refs(lib, lang, paginate(all, n, config.page_size)),
                practice_count: all.len(),
                case_count: ld.index.methods[m.index()].len(),
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
        Ok("method.html")
    }

    /// The practice library.
    fn practices(&self, ctx: &mut Context) -> Result<&'static str, tera::Error> {
        let PageCtx { lib, ld, .. } = *self;
        let (config, lang) = (&lib.config, ld.lang);
        // Each method shows its first practices; its own page lists them all.
        let groups: Vec<PracticeGroup> = TermId::all(config.vocab.methods.terms.len())
            .map(|m| {
                let all = &ld.practices[m.index()];
                let shown = &all[..all.len().min(PRACTICES_PER_GROUP)];
                PracticeGroup {
                    method: views::term(config, lang, "methods", m),
                    practices: practice_refs(lib, lang, shown),
                    total: all.len(),
                }
            })
            .collect();
        ctx.insert("groups", &groups);
        Ok("practices.html")
    }

    /// Page `n` of the method matrix.
    fn matrix(&self, ctx: &mut Context, n: usize) -> Result<&'static str, tera::Error> {
        let PageCtx { lib, ld, .. } = *self;
        let (config, lang) = (&lib.config, ld.lang);
        let all: Vec<CaseId> = CaseId::all(lib.cases.len()).collect();
        ctx.insert(
            "pager",
            &pager(config, lang, &Page::Matrix { page: 1 }.path(), n, all.len()),
        );
        let rows: Vec<MatrixRow> = paginate(&all, n, config.page_size)
            .iter()
            .map(|&i| (i, &lib.cases[i]))
            .map(|(i, c)| MatrixRow {
                case: ld.card(lib, i),
                cells: TermId::all(config.vocab.methods.terms.len())
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
            &TermId::all(config.vocab.methods.terms.len())
                .map(|m| views::term(config, lang, "methods", m))
                .collect::<Vec<_>>(),
        );
        Ok("matrix.html")
    }

    /// The terms of a taxonomy.
    fn taxonomy(&self, ctx: &mut Context, name: &'static str) -> Result<&'static str, tera::Error> {
        let PageCtx { ld, .. } = *self;
        ctx.insert(
            "taxonomy",
            &TaxonomyPage {
                name,
                classification: Vocab::from_name(name).is_some_and(Vocab::is_classification),
                terms: taxonomy_terms(ld, name),
            },
        );
        Ok("taxonomy.html")
    }

    /// Page `n` of the cases of a term or a tag.
    fn term(
        &self,
        ctx: &mut Context,
        job: Job,
        t: usize,
        n: usize,
    ) -> Result<&'static str, tera::Error> {
        let PageCtx { lib, ld, .. } = *self;
        let (config, lang) = (&lib.config, ld.lang);
        let name = if let Job::Term { vocab, .. } = job {
            vocab.name()
        } else {
            "tags"
        };
        let (term, cases) = term_of(ld, name, t);
        ctx.insert("taxonomy", &name);
        let classification = Vocab::from_name(name).is_some_and(Vocab::is_classification);
        ctx.insert("classification", &classification);
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
        self.put_cards(ctx, "cases", shown)?;
        Ok("term.html")
    }

    /// The list of courses.
    fn courses(&self, ctx: &mut Context) -> Result<&'static str, tera::Error> {
        let PageCtx { lib, ld, .. } = *self;
        let lang = ld.lang;
        ctx.insert("courses", &course_list(lib, lang));
        Ok("courses.html")
    }

    /// A course pack.
    fn course(&self, ctx: &mut Context, ci: usize) -> Result<&'static str, tera::Error> {
        let PageCtx { lib, ld, .. } = *self;
        let lang = ld.lang;
        ctx.insert(
            "course",
            &course_view(lib, self.photos, lang, ci, &ld.terms),
        );
        Ok("course.html")
    }

    /// A free page.
    fn doc(&self, ctx: &mut Context, pi: usize) -> Result<&'static str, tera::Error> {
        let PageCtx { lib, ld, .. } = *self;
        let lang = ld.lang;
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
                fallback: !lang.is_default() && (t.body.fallback || !t.translated),
            },
        );
        Ok("page.html")
    }

    /// The Atom feed.
    fn feed(&self, ctx: &mut Context) -> Result<&'static str, tera::Error> {
        let PageCtx { lib, ld, .. } = *self;
        let (config, lang) = (&lib.config, ld.lang);
        let entries: Vec<FeedEntry> = lib
            .cases
            .iter()
            .take(config.feed_limit)
            .map(|c| FeedEntry {
                title: c.texts[lang].title.value.clone(),
                summary: c.texts[lang].summary.value.clone(),
                url: urls::absolute(
                    &config.base_url,
                    &urls::site_file(config.prefix(lang), &Page::Case { slug: &c.slug }.path()),
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
        Ok("atom.xml")
    }
}
