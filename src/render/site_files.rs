//! What is made from the whole library rather than per page: sitemap, robots.txt, open data,
//! static files, photos and files beside cases.

use crate::config::Lang;
use crate::diagnostics::Diagnostic;
use crate::model::Library;
use crate::opendata;
use crate::output::{OutData, OutFile, Sink};
use crate::photos::Photos;
use crate::urls;
use serde::Serialize;
use std::collections::HashSet;
use std::io;
use std::sync::Mutex;

use super::*;

#[derive(Serialize, Clone)]
pub(super) struct SitemapAlt {
    pub(super) hreflang: String,
    pub(super) href: String,
}

#[derive(Serialize)]
pub(super) struct SitemapEntry {
    pub(super) url: String,
    pub(super) lastmod: Option<String>,
    pub(super) alternates: Vec<SitemapAlt>,
}

pub(super) fn sitemap_entries(
    lib: &Library,
    langs: &[LangData],
    jobs: &[Job],
) -> Vec<SitemapEntry> {
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

impl Renderer {
    /// The sitemap, robots.txt, open data, static files and copied photos and assets: what is
    /// made from the whole library rather than per page. Template errors come back as
    /// diagnostics.
    pub(super) fn whole_library_files(
        &self,
        lib: &Library,
        photos: &Photos,
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
            Whole::Copies => self.copies(lib, photos, sink),
        })?;
        Ok(diags.into_inner().unwrap_or_default())
    }

    /// Static files of the theme, and photos and assets copied (linked) from where they are.
    pub(super) fn copies(&self, lib: &Library, photos: &Photos, sink: &dyn Sink) -> io::Result<()> {
        for f in &self.static_files {
            sink.put(f.clone())?;
        }
        // Two source files with the same bytes share one cache entry, but each keeps the
        // output names its pages link to: outputs are told apart by path, not by cache key.
        let mut seen_outputs = HashSet::new();
        for p in photos.values() {
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
}
