//! The preview's builder: the stages' outputs kept between rebuilds, and a change turned into
//! the least work that brings the site up to date (the pages an edit to one case changes).

use crate::config::{Lang, Vocab};
use crate::diagnostics::Diagnostics;
use crate::id::CaseId;
use crate::model::Library;
use crate::output::OutData;
use crate::photos::Photos;
use crate::pipeline::{BuildOptions, Stages, Stats};
use crate::render::{Job, Only, RenderOptions};
use crate::search;
use crate::urls::{self, Page};
use crate::watch::Plan;
use std::collections::{HashMap, HashSet};
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use super::*;

/// The parts of a build kept between rebuilds, so a change redoes only the stages it affects.
/// Public so tests can hold the preview's site against `build`'s, edit after edit.
pub struct Builder {
    pub(super) opts: BuildOptions,
    /// The stages up to rendering, as every command runs them, kept between saves.
    pub(super) stages: Stages,
    /// The files of the last good build.
    pub(super) files: Arc<HashMap<String, Stored>>,
    /// Its photos not encoded yet.
    pub(super) lazy: Arc<HashMap<String, LazyPhoto>>,
    /// The search index, kept between saves.
    pub(super) search: KeptSearch,
}

/// The search index of the library, updated case by case, and its encoded files.
#[derive(Default)]
pub(super) struct KeptSearch {
    index: Option<search::Index>,
    /// Whether `index` is out of date with the library.
    stale: bool,
    /// The files of `index`, encoded.
    files: Vec<(String, Stored)>,
    /// Cases edited since `files` were encoded, re-indexed after the reload (see
    /// [`Builder::finish_search`]).
    pending: Vec<CaseId>,
}

impl KeptSearch {
    /// Whether to bring the index up to date beside this render. One edited case in an
    /// index that exists is put off: the pages go out first and the index follows (it costs
    /// more than the pages in a large library, and nobody searches in the instant after a
    /// save).
    fn due_now(&mut self, edited: Option<CaseId>) -> bool {
        let stale = self.stale || self.index.is_none();
        let defer = stale && edited.is_some() && self.index.is_some();
        if defer {
            // Up to date once `pending` is re-indexed.
            self.pending.extend(edited);
            self.stale = false;
            return false;
        }
        if stale {
            self.pending.clear();
        }
        stale
    }

    /// Brings the index up to date: one edited case is re-indexed alone; any other content
    /// change indexes the library again. Returns the milliseconds it took.
    fn update(&mut self, lib: &Library, edited: Option<CaseId>) -> f64 {
        let t = Instant::now();
        match (self.index.as_mut(), edited) {
            (Some(index), Some(i)) => index.update_case(lib, i),
            _ => self.index = Some(search::Index::build(lib)),
        }
        self.files = self.index.as_ref().map_or_else(Vec::new, encode_search);
        self.stale = false;
        ms_since(t)
    }
}

impl Builder {
    /// A builder that has built nothing yet: its first [`Builder::rebuild`] builds everything.
    pub fn new(opts: BuildOptions) -> Self {
        Builder {
            stages: Stages::kept(opts.clone()),
            opts,
            files: Arc::default(),
            lazy: Arc::default(),
            search: KeptSearch {
                stale: true,
                ..KeptSearch::default()
            },
        }
    }

    /// Brings the build up to date with `plan` (everything on the first call).
    pub fn rebuild(&mut self, plan: &Plan) -> io::Result<Rebuilt> {
        let mut full_render =
            plan.config || plan.theme || self.stages.renderer().is_none() || !plan.single_case;
        let t0 = Instant::now();
        let updated = self.stages.update(plan, &mut Stats::default())?;
        if updated.reloaded {
            full_render = true;
        }
        if updated.content {
            self.search.stale = true;
        }
        let mut diagnostics = self.stages.diagnostics();
        let photos = self.stages.photos();
        let (Some(lib), Some(renderer)) = (self.stages.library(), self.stages.renderer()) else {
            return Ok(Rebuilt::failed(diagnostics));
        };
        if diagnostics.has_errors() {
            return Ok(Rebuilt::failed(diagnostics));
        }

        // One case edited and no case added, removed or moved: only the pages that show it.
        let selective = match (&updated.previous, &plan.edited_case) {
            (Some(old), Some((slug, _))) if !full_render && !self.files.is_empty() => {
                Selection::plan(old, lib, slug)
            }
            _ => None,
        };
        drop(updated);
        timing("content+theme", Some(ms_since(t0)));
        let t1 = Instant::now();
        let sink = Compressing::default();
        let opts = RenderOptions { minify: true };
        // The search index is brought up to date and encoded beside the render; a template
        // change keeps the encoded files.
        let edited = selective.as_ref().map(|s| s.case);
        let search_now = self.search.due_now(edited);
        let search = &mut self.search;
        let (rendered, search_ms) = rayon::join(
            || match &selective {
                Some(sel) => renderer.render_some(
                    lib,
                    photos,
                    &opts,
                    &sink,
                    &mut diagnostics,
                    &Only {
                        extras: sel.listed,
                        keep: &|job, path| sel.keeps(job, path),
                    },
                ),
                None => renderer.render(lib, photos, &opts, &sink, &mut diagnostics),
            },
            || search_now.then(|| search.update(lib, edited)),
        );
        rendered?;
        timing("search (beside the render)", search_ms);
        if diagnostics.has_errors() {
            return Ok(Rebuilt::failed(diagnostics));
        }
        let kind = if selective.is_some() {
            "render (selective)"
        } else {
            "render (full)"
        };
        timing(kind, Some(ms_since(t1)));
        let mut lazy = lazy_photos(&self.opts.root, lib, photos);
        let kept = selective.is_some().then_some(&*self.files);
        let mut files = site_files(&self.opts.root, kept, sink, &mut lazy)?;
        put_search(&mut files, &lib.config, &self.search.files);
        lazy.retain(|k, _| !files.contains_key(k));
        self.files = Arc::new(files);
        self.lazy = Arc::new(lazy);
        Ok(Rebuilt {
            files: Some(self.files.clone()),
            lazy: self.lazy.clone(),
            diagnostics,
        })
    }
}

impl Builder {
    /// Re-indexes the cases edited since the index was last encoded and returns the site's
    /// files with the new index, or `None` when nothing was pending.
    pub fn finish_search(&mut self) -> Option<Arc<HashMap<String, Stored>>> {
        let kept = &mut self.search;
        if kept.pending.is_empty() {
            return None;
        }
        let (Some(lib), Some(index)) = (self.stages.library(), &mut kept.index) else {
            return None;
        };
        let t = Instant::now();
        kept.pending.sort_unstable();
        kept.pending.dedup();
        for i in kept.pending.drain(..) {
            index.update_case(lib, i);
        }
        kept.files = encode_search(index);
        let mut files = (*self.files).clone();
        put_search(&mut files, &lib.config, &kept.files);
        self.files = Arc::new(files);
        if std::env::var_os("CASEBOOK_TIMINGS").is_some() {
            eprintln!(
                "  search {:.1} ms (after the reload)",
                t.elapsed().as_secs_f64() * 1e3
            );
        }
        Some(self.files.clone())
    }
}

/// Result of one rebuild.
pub struct Rebuilt {
    /// Every file of the site, if it built.
    pub files: Option<Arc<HashMap<String, Stored>>>,
    /// Photos to encode on first request.
    pub lazy: Arc<HashMap<String, LazyPhoto>>,
    /// Diagnostics of all stages.
    pub diagnostics: Diagnostics,
}

impl Rebuilt {
    /// A run that made no site: the last good one keeps serving.
    pub(super) fn failed(diagnostics: Diagnostics) -> Self {
        Rebuilt {
            files: None,
            lazy: Arc::default(),
            diagnostics,
        }
    }
}

/// The pages an edit to one case changes, when no case was added, removed or moved.
pub(super) struct Selection {
    /// The edited case.
    pub(super) case: CaseId,
    /// Case pages to render again: the edited one, and those whose related cases changed or
    /// show it.
    pub(super) cases: HashSet<CaseId>,
    /// Courses that teach the edited case (they show its narrative).
    pub(super) courses: HashSet<usize>,
    /// Term page folders that list the case, before or after the edit.
    pub(super) terms: Vec<String>,
    /// Whether the edit changed what other pages show of the case (its card, its terms): then
    /// every list, feed and data file is made again too.
    pub(super) listed: bool,
}

impl Selection {
    pub(super) fn plan(old: &Library, lib: &Library, slug: &str) -> Option<Selection> {
        let same_order = old.cases.len() == lib.cases.len()
            && old
                .cases
                .iter()
                .zip(&lib.cases)
                .all(|(a, b)| a.slug == b.slug);
        let case = lib.case_index(slug)?;
        if !same_order {
            return None;
        }
        let listed = listed_fields(old, slug) != listed_fields(lib, slug);
        let mut cases = HashSet::from([case]);
        if listed {
            let (before, after) = (
                crate::views::related_all(old),
                crate::views::related_all(lib),
            );
            cases.extend(CaseId::all(lib.cases.len()).filter(|&i| {
                before[i.index()] != after[i.index()] || after[i.index()].contains(&case)
            }));
        }
        let courses = (0..lib.courses.len())
            .filter(|&k| {
                lib.courses[k]
                    .texts
                    .iter()
                    .any(|t| t.sessions.value.iter().any(|s| s.case == case))
            })
            .collect();
        let mut terms = term_folders(old, &old.cases[case]);
        terms.extend(term_folders(lib, &lib.cases[case]));
        Some(Selection {
            case,
            cases,
            courses,
            terms,
            listed,
        })
    }

    /// Whether the page of `job`, at `path`, is rendered again.
    pub(super) fn keeps(&self, job: Job, path: &str) -> bool {
        match job {
            Job::Case(i) => self.cases.contains(&i),
            Job::Course(k) if self.courses.contains(&k) => true,
            _ if !self.listed => false,
            Job::Term { .. } | Job::Tag { .. } => {
                self.terms.iter().any(|t| path.starts_with(t.as_str()))
            }
            _ => true,
        }
    }
}

/// Folders of the term pages that list `case` (in any language), so a change to the case
/// re-renders those and no other term pages.
pub(super) fn term_folders(lib: &Library, case: &crate::model::Case) -> Vec<String> {
    let mut terms: Vec<(&str, String)> = Vocab::ALL
        .into_iter()
        .filter(|v| v.term_pages())
        .flat_map(|v| {
            let voc = lib.config.vocab.get(v);
            case.terms(v)
                .into_iter()
                .map(move |i| (v.name(), voc.terms[i].key.clone()))
        })
        .collect();
    terms.extend(
        case.texts
            .iter()
            .flat_map(|t| t.tags.value.iter())
            .map(|t| ("tags", crate::markdown::slugify(t))),
    );
    terms
        .iter()
        .map(|(taxonomy, key)| {
            Page::Term {
                taxonomy,
                key,
                page: 1,
            }
            .path()
        })
        .collect()
}

/// Everything about a case that other pages show (cards, lists, matrix, feed, open data): when
/// an edit leaves it unchanged, only the case's own pages need rendering again.
pub(super) fn listed_fields(lib: &Library, slug: &str) -> Option<String> {
    let c = lib.cases.iter().find(|c| c.slug == slug)?;
    let texts: Vec<_> = c
        .texts
        .iter()
        .map(|t| {
            (
                &t.title.value,
                &t.summary.value,
                format!("{:?}", t.place.value),
                &t.methods.value,
                format!("{:?}", t.practices.value),
                &t.tags.value,
                t.translated,
            )
        })
        .collect();
    Some(format!(
        "{:?}",
        (
            c.kind,
            c.role,
            c.province,
            c.since,
            c.updated,
            &c.challenges,
            &c.changes,
            c.draft,
            c.featured,
            texts
        )
    ))
}

/// The files of a search index, as the preview serves them. They are kept as encoded, not
/// compressed: every edit replaces them all a moment after the reload, and compressing them
/// there would hold up the rebuild of a save that follows quickly.
pub(super) fn encode_search(index: &search::Index) -> Vec<(String, Stored)> {
    index
        .files()
        .into_iter()
        .filter_map(|f| match f.data {
            OutData::Bytes(b) => Some((f.path, Stored::raw(b))),
            OutData::Copy(_) => None,
        })
        .collect()
}

/// Replaces the search index among the site's files.
pub(super) fn put_search(
    files: &mut HashMap<String, Stored>,
    config: &crate::config::Config,
    search: &[(String, Stored)],
) {
    files.retain(|k, _| !search::Index::owns(config, k));
    for (path, bytes) in search {
        files.insert(path.clone(), bytes.clone());
    }
}

/// URL path of a case page for the event that takes the browser there.
pub(super) fn case_page(lib: Option<&Library>, slug: &str, lang: &str) -> Option<String> {
    let lib = lib?;
    let l = if lang.is_empty() {
        Lang::DEFAULT
    } else {
        lib.config.lang(lang)?
    };
    lib.case_index(slug)?;
    Some(urls::served(
        lib.config.prefix(l),
        &Page::Case { slug }.path(),
    ))
}

pub(super) fn stylesheet(files: &HashMap<String, Stored>) -> Option<String> {
    files
        .keys()
        .find(|k| k.starts_with("assets/style.") && k.ends_with(".css"))
        .map(|k| format!("/{k}"))
}

/// Which source each photo output comes from, for photos not encoded yet: the preview encodes
/// them when first asked for.
fn lazy_photos(root: &Path, lib: &Library, photos: &Photos) -> HashMap<String, LazyPhoto> {
    let mut lazy = HashMap::new();
    let cache = root.join(&lib.config.photo_cache);
    for c in &lib.cases {
        for r in &c.photo_requests {
            let Some(p) = photos.get(&r.file) else {
                continue;
            };
            for z in &p.sizes {
                for ext in ["webp", "jpg"] {
                    lazy.entry(p.output(z.width, ext))
                        .or_insert_with(|| LazyPhoto {
                            request: r.clone(),
                            root: root.to_owned(),
                            cache: cache.clone(),
                            settings: lib.config.photos.clone(),
                            width: z.width,
                            ext,
                            cached: crate::photos::cached_file(&cache, p, z.width, ext),
                        });
                }
            }
        }
    }
    lazy
}

/// The preview's files after a render: what was rendered, with copied files read into memory,
/// over what an edit of one case left unchanged (`kept`). A photo not in the cache yet stays
/// in `lazy`, to be encoded when first asked for.
fn site_files(
    root: &Path,
    kept: Option<&HashMap<String, Stored>>,
    rendered: Compressing,
    lazy: &mut HashMap<String, LazyPhoto>,
) -> io::Result<HashMap<String, Stored>> {
    let mut files = match kept {
        // Photo outputs the library no longer shows go; the rest is rendered again or
        // unchanged.
        Some(kept) => {
            let mut kept = kept.clone();
            kept.retain(|path, _| !path.starts_with(urls::PHOTOS) || lazy.contains_key(path));
            kept
        }
        None => HashMap::new(),
    };
    for (path, handed) in rendered.into_files() {
        let stored = match handed {
            Handed::Kept(s) => s,
            // Copied files are read now: the preview serves from memory.
            Handed::Copy(src) => match std::fs::read(root.join(&src)) {
                Ok(b) => {
                    lazy.remove(&path);
                    Stored::new(&path, b)
                }
                Err(_) if lazy.contains_key(&path) => continue,
                Err(e) => return Err(e),
            },
        };
        files.insert(path, stored);
    }
    Ok(files)
}

/// Prints how long a step of a rebuild took, when `CASEBOOK_TIMINGS` is set.
fn timing(step: &str, ms: Option<f64>) {
    if let Some(ms) = ms
        && std::env::var_os("CASEBOOK_TIMINGS").is_some()
    {
        eprintln!("  {step} {ms:.1} ms");
    }
}

fn ms_since(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}
