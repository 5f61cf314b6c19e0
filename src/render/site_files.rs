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

/// The sitemap protocol's limits for one file (sitemaps.org): URLs, and bytes uncompressed.
/// A library past either is listed in parts, named by an index.
pub(super) const SITEMAP_URLS: usize = 50_000;
const SITEMAP_BYTES: usize = 50 * 1024 * 1024;

/// Every page's sitemap entries, job by job, made as they are asked for: at 100,000 cases
/// the whole list would hold a few hundred megabytes.
pub(super) fn sitemap_entries<'a>(
    lib: &'a Library,
    langs: &'a [LangData],
    jobs: &'a [Job],
) -> impl Iterator<Item = SitemapEntry> + 'a {
    let config = &lib.config;
    jobs.iter()
        .filter(|job| !matches!(job, Job::NotFound | Job::Feed))
        .flat_map(move |job| {
            if let Job::Tag { lang: l, .. } = job {
                let page = page_for(lib, &langs[*l], *job).path;
                return vec![SitemapEntry {
                    url: urls::absolute(
                        &config.base_url,
                        &format!("{}{}", config.languages[*l].prefix, page),
                    ),
                    lastmod: None,
                    alternates: Vec::new(),
                }];
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
            config
                .languages
                .iter()
                .map(|l| SitemapEntry {
                    url: urls::absolute(&config.base_url, &format!("{}{}", l.prefix, page)),
                    lastmod: lastmod.clone(),
                    alternates: alts.clone(),
                })
                .collect()
        })
}

/// The index of a sitemap in `parts` parts, listing each at its absolute address.
fn sitemap_index(base_url: &str, parts: usize) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 1..=parts {
        out.push_str("  <sitemap><loc>");
        crate::markdown::escape_into(&mut out, &urls::absolute(base_url, &urls::sitemap_part(n)));
        out.push_str("</loc></sitemap>\n");
    }
    out.push_str("</sitemapindex>\n");
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
        let data = |l: Lang, name: &str| format!("{}data/{name}", lib.config.languages[l].prefix);
        // One after another, beside the pages: each holds a whole-library file in memory.
        tasks.iter().try_for_each(|task| match *task {
            Whole::SitemapAndRobots => {
                let entries = sitemap_entries(lib, langs, jobs);
                if let Err(e) = self.sitemaps(lib, langs, entries, SITEMAP_URLS, sink)?
                    && let Ok(mut d) = diags.lock()
                {
                    d.push(tera_diagnostic(&e, &self.templates));
                }
                Ok(())
            }
            Whole::Json(l) => sink.put_pieces(data(l, "cases.json"), &mut opendata::json(lib, l)),
            Whole::Csv(l) => sink.put_pieces(data(l, "cases.csv"), &mut opendata::csv(lib, l)),
            Whole::Copies => self.copies(lib, photos, sink),
        })?;
        Ok(diags.into_inner().unwrap_or_default())
    }

    /// The sitemap and robots.txt, at the root for every language. A library with more pages
    /// than one sitemap may list (`limit` URLs, or 50 MB) gets its sitemap in parts, each
    /// rendered from the theme's sitemap template, and `sitemap.xml` is their index.
    pub(super) fn sitemaps(
        &self,
        lib: &Library,
        langs: &[LangData],
        mut entries: impl Iterator<Item = SitemapEntry>,
        limit: usize,
        sink: &dyn Sink,
    ) -> io::Result<Result<(), tera::Error>> {
        let render = |urls: &[SitemapEntry]| {
            let mut ctx = langs[0].base.clone();
            ctx.insert("urls", urls);
            with_buffer(|buf| self.tera.render_to("sitemap.xml", &ctx, buf))
        };
        let base = langs[0].base.clone();
        match with_buffer(|buf| self.tera.render_to("robots.txt", &base, buf)) {
            Ok(bytes) => sink.put(OutFile {
                path: "robots.txt".into(),
                data: OutData::Bytes(bytes),
            })?,
            Err(e) => return Ok(Err(e)),
        }
        // The first part is held until a second shows the sitemap needs an index; from then
        // on each part goes out as it is made.
        let mut first: Option<Vec<u8>> = None;
        let mut written = 0;
        let mut put_part = |bytes: Vec<u8>| -> io::Result<()> {
            if written == 0 && first.is_none() {
                first = Some(bytes);
                return Ok(());
            }
            if let Some(held) = first.take() {
                written += 1;
                sink.put(OutFile {
                    path: urls::sitemap_part(written),
                    data: OutData::Bytes(held),
                })?;
            }
            written += 1;
            sink.put(OutFile {
                path: urls::sitemap_part(written),
                data: OutData::Bytes(bytes),
            })
        };
        for n in 0.. {
            let chunk: Vec<SitemapEntry> = entries.by_ref().take(limit).collect();
            // A list that filled its last part exactly: no empty part after it.
            if chunk.is_empty() && n > 0 {
                break;
            }
            let more = chunk.len() == limit;
            // A part over the byte limit (long addresses, many languages) is halved until
            // each half fits.
            let mut pending = vec![chunk];
            while let Some(mut urls) = pending.pop() {
                let bytes = match render(&urls) {
                    Ok(b) => b,
                    Err(e) => return Ok(Err(e)),
                };
                if bytes.len() > SITEMAP_BYTES && urls.len() > 1 {
                    let second = urls.split_off(urls.len() / 2);
                    pending.push(second);
                    pending.push(urls);
                } else {
                    put_part(bytes)?;
                }
            }
            if !more {
                break;
            }
        }
        let sitemap = match first {
            Some(only) => only,
            None => sitemap_index(&lib.config.base_url, written).into_bytes(),
        };
        sink.put(OutFile {
            path: urls::SITEMAP.into(),
            data: OutData::Bytes(sitemap),
        })?;
        Ok(Ok(()))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Memory;
    use crate::pipeline::{BuildOptions, Stages, Stats};
    use crate::watch::Plan;
    use std::sync::{Arc, OnceLock};

    fn locs(xml: &str) -> Vec<String> {
        xml.split("<loc>")
            .skip(1)
            .filter_map(|s| s.split_once("</loc>").map(|(l, _)| l.to_owned()))
            .collect()
    }

    /// A sitemap of more addresses than one part may list comes in parts of at most the
    /// limit, in order, with `sitemap.xml` their index; a part filled exactly is not followed
    /// by an empty one; within the limit it stays one file.
    #[test]
    fn a_long_sitemap_is_split_in_parts_under_an_index() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        let mut stages = Stages::once(BuildOptions::new(root));
        let updated = stages.update(&Plan::everything(), &mut Stats::default());
        assert!(updated.is_ok());
        let (Some(lib), Some(r)) = (stages.library(), stages.renderer()) else {
            panic!("the fixture builds");
        };
        let related = Arc::new((0..lib.cases.len()).map(|_| OnceLock::new()).collect());
        let langs: Vec<LangData> = lib
            .langs()
            .map(|l| LangData::new(lib, l, r, Arc::clone(&related)))
            .collect();
        let jobs = jobs(lib, &langs);
        let all: Vec<String> = sitemap_entries(lib, &langs, &jobs).map(|e| e.url).collect();
        let n = all.len();
        let exact = (2..n)
            .find(|d| n.is_multiple_of(*d) && n / d > 1)
            .unwrap_or(n);
        assert!(exact < n, "{n} addresses: some limit divides them");
        for limit in [n, n + 1, 3, exact] {
            let sink = Memory::default();
            let made = r.sitemaps(
                lib,
                &langs,
                sitemap_entries(lib, &langs, &jobs),
                limit,
                &sink,
            );
            assert!(matches!(made, Ok(Ok(()))), "limit {limit}");
            let files: std::collections::BTreeMap<String, String> = sink
                .into_files()
                .into_iter()
                .filter_map(|f| match f.data {
                    OutData::Bytes(b) => Some((f.path, String::from_utf8_lossy(&b).into_owned())),
                    OutData::Copy(_) => None,
                })
                .collect();
            assert!(files["robots.txt"].contains("/sitemap.xml"));
            let index = &files[urls::SITEMAP];
            if limit >= n {
                assert_eq!(files.len(), 2, "limit {limit}: {:?}", files.keys());
                assert!(index.contains("<urlset"));
                assert_eq!(locs(index).len(), n);
                continue;
            }
            let parts = n.div_ceil(limit);
            assert!(index.contains("<sitemapindex"), "{index}");
            let want: Vec<String> = (1..=parts)
                .map(|p| urls::absolute(&lib.config.base_url, &urls::sitemap_part(p)))
                .collect();
            assert_eq!(locs(index), want, "limit {limit}");
            assert_eq!(files.len(), parts + 2, "limit {limit}: {:?}", files.keys());
            let mut listed = Vec::new();
            for p in 1..=parts {
                let part = &files[&urls::sitemap_part(p)];
                assert!(part.contains("<urlset"));
                let urls: Vec<String> = part
                    .split("<url>")
                    .skip(1)
                    .filter_map(|u| locs(u).into_iter().next())
                    .collect();
                assert!(
                    !urls.is_empty() && urls.len() <= limit,
                    "part {p}: {}",
                    urls.len()
                );
                listed.extend(urls);
            }
            assert_eq!(listed, all, "limit {limit}: every address once, in order");
        }
    }
}
