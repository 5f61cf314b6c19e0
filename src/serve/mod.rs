//! `casebook serve`: builds the site into memory, serves it over HTTP, watches the sources,
//! rebuilds on save and tells open pages to reload (server-sent events). A failed rebuild
//! keeps the last good site and shows its diagnostics over every page.

// The preview reports its rebuilds on the terminal it was started from.
#![allow(clippy::print_stderr)]

use std::collections::{HashMap, HashSet};
use std::convert::Infallible;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use notify_debouncer_full::notify::{self, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer, new_debouncer_opt};
use serde::Serialize;
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::config::Vocab;
use crate::content::{self, ContentOptions};
use crate::diagnostics::Diagnostics;
use crate::load;
use crate::model::Library;
use crate::output::{Memory, OutData};
use crate::pipeline::BuildOptions;
use crate::render::{Job, RenderOptions, Renderer};
use crate::search;
use crate::theme;
use crate::urls::{self, Page};
use crate::watch::{self, Plan};

const LIVE_JS: &str = include_str!("live.js");

/// Options of `casebook serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Address to bind.
    pub bind: IpAddr,
    /// Port (0 picks a free one).
    pub port: u16,
    /// Show drafts.
    pub drafts: bool,
    /// Poll the file system instead of using OS notifications (network and container folders).
    pub poll: bool,
}

/// What the server serves: the last good build, and the errors of the latest one.
#[derive(Default)]
struct Site {
    files: Arc<HashMap<String, Arc<[u8]>>>,
    /// Photo files not encoded yet: made when first asked for.
    lazy: Arc<HashMap<String, LazyPhoto>>,
    generation: u64,
    errors: Vec<String>,
}

#[derive(Clone, Serialize)]
struct BuildEvent {
    generation: u64,
    errors: Vec<String>,
    /// The page of the case just edited, to take the browser there.
    page: Option<String>,
    css_only: bool,
    /// New stylesheet URL, for a CSS-only change.
    css: Option<String>,
}

#[derive(Clone)]
struct AppState {
    site: Arc<RwLock<Site>>,
    events: broadcast::Sender<BuildEvent>,
}

/// The parts of a build kept between rebuilds, so a change redoes only the stages it affects.
/// Public so tests can hold the preview's site against `build`'s, edit after edit.
pub struct Builder {
    opts: BuildOptions,
    sources: Option<load::Sources>,
    cache: content::CaseCache,
    library: Option<Library>,
    renderer: Option<Renderer>,
    /// Diagnostics of the content and theme stages of the kept parts.
    content_diags: Diagnostics,
    theme_diags: Diagnostics,
    /// The files of the last good build.
    files: Arc<HashMap<String, Arc<[u8]>>>,
    /// Its photos not encoded yet.
    lazy: Arc<HashMap<String, LazyPhoto>>,
    /// The search index of the library, updated case by case.
    search: Option<search::Index>,
    /// Whether `search` is out of date with `library`.
    search_stale: bool,
    /// The files of `search`, encoded.
    search_files: Vec<(String, Arc<[u8]>)>,
    /// Cases edited since `search_files` were encoded, re-indexed after the reload (see
    /// [`Builder::finish_search`]).
    search_pending: Vec<usize>,
}

/// Result of one rebuild.
/// A photo output the preview encodes when a page first asks for it, so `serve` starts before
/// every photo is encoded.
#[derive(Debug, Clone)]
pub struct LazyPhoto {
    request: crate::photos::Request,
    root: PathBuf,
    cache: PathBuf,
    settings: crate::photos::PhotoSettings,
    width: u32,
    ext: &'static str,
}

impl LazyPhoto {
    /// Encodes the photo (all its sizes, into the cache) and returns this size's bytes.
    fn make(&self) -> io::Result<Vec<u8>> {
        let p = crate::photos::process(&self.root, &self.cache, &self.request, &self.settings)
            .map_err(|d| io::Error::other(d.render(false)))?;
        std::fs::read(crate::photos::cached_file(
            &self.cache,
            &p,
            self.width,
            self.ext,
        ))
    }
}

/// Result of one rebuild.
pub struct Rebuilt {
    /// Every file of the site, if it built.
    pub files: Option<Arc<HashMap<String, Arc<[u8]>>>>,
    /// Photos to encode on first request.
    pub lazy: Arc<HashMap<String, LazyPhoto>>,
    /// Diagnostics of all stages.
    pub diagnostics: Diagnostics,
}

/// Folders of the term pages that list `case` (in any language), so a change to the case
/// re-renders those and no other term pages.
fn term_folders(lib: &Library, case: &crate::model::Case) -> Vec<String> {
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
fn listed_fields(lib: &Library, slug: &str) -> Option<String> {
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

/// The pages an edit to one case changes, when no case was added, removed or moved.
struct Selection {
    /// The edited case.
    case: usize,
    /// Case pages to render again: the edited one, and those whose related cases changed or
    /// show it.
    cases: HashSet<usize>,
    /// Courses that teach the edited case (they show its narrative).
    courses: HashSet<usize>,
    /// Term page folders that list the case, before or after the edit.
    terms: Vec<String>,
    /// Whether the edit changed what other pages show of the case (its card, its terms): then
    /// every list, feed and data file is made again too.
    listed: bool,
}

impl Selection {
    fn plan(old: &Library, lib: &Library, slug: &str) -> Option<Selection> {
        let same_order = old.cases.len() == lib.cases.len()
            && old
                .cases
                .iter()
                .zip(&lib.cases)
                .all(|(a, b)| a.slug == b.slug);
        let case = lib.cases.iter().position(|c| c.slug == slug)?;
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
            cases.extend(
                (0..lib.cases.len()).filter(|&i| before[i] != after[i] || after[i].contains(&case)),
            );
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
    fn keeps(&self, job: Job, path: &str) -> bool {
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

impl Builder {
    /// A builder that has built nothing yet: its first [`Builder::rebuild`] builds everything.
    pub fn new(opts: BuildOptions) -> Self {
        Builder {
            opts,
            sources: None,
            cache: content::CaseCache::default(),
            library: None,
            renderer: None,
            content_diags: Diagnostics::new(),
            theme_diags: Diagnostics::new(),
            files: Arc::default(),
            lazy: Arc::default(),
            search: None,
            search_stale: true,
            search_files: Vec::new(),
            search_pending: Vec::new(),
        }
    }

    /// Brings the build up to date with `plan` (everything on the first call).
    pub fn rebuild(&mut self, plan: &Plan) -> io::Result<Rebuilt> {
        // The library before this change, while the selective render is planned.
        let mut old_library = None;
        let mut full_render =
            plan.config || plan.theme || self.renderer.is_none() || !plan.single_case;
        let timing = std::env::var_os("CASEBOOK_TIMINGS").is_some();
        let t0 = Instant::now();
        if plan.config || plan.content || self.library.is_none() {
            let mut d = Diagnostics::new();
            let fresh = match (&mut self.sources, plan.config) {
                (Some(sources), false) => !sources.update(&plan.content_files),
                _ => true,
            };
            if fresh {
                d = Diagnostics::new();
                self.sources = Some(load::load(&self.opts.root)?);
                full_render = true;
            }
            if plan.config {
                self.cache.clear();
            }
            if let Some(sources) = &self.sources {
                crate::fault::injected(sources);
                old_library = self.library.take();
                self.library = content::parse_cached(
                    sources,
                    ContentOptions {
                        drafts: self.opts.drafts,
                    },
                    &mut d,
                    &mut self.cache,
                );
            }
            // Only the photos' sizes are read here; they are encoded when a page asks.
            if let Some(lib) = &mut self.library {
                crate::pipeline::photo_stage(&self.opts, lib, &mut d);
            }
            self.content_diags = d;
            self.search_stale = true;
        }
        if plan.config || plan.theme || self.renderer.is_none() {
            let mut d = Diagnostics::new();
            self.renderer = match &self.library {
                Some(lib) => match theme::load(&self.opts.root, &lib.config, &mut d)? {
                    Some(t) => Renderer::new(&t, &lib.config, &mut d),
                    None => None,
                },
                None => None,
            };
            self.theme_diags = d;
        }
        let mut diagnostics = self.content_diags.clone();
        diagnostics.extend(self.theme_diags.clone());
        let (Some(lib), Some(renderer)) = (&self.library, &self.renderer) else {
            return Ok(Rebuilt {
                files: None,
                lazy: Arc::default(),
                diagnostics,
            });
        };
        if diagnostics.has_errors() {
            return Ok(Rebuilt {
                files: None,
                lazy: Arc::default(),
                diagnostics,
            });
        }

        // One case edited and no case added, removed or moved: only the pages that show it.
        let selective = match (&old_library, &plan.edited_case) {
            (Some(old), Some((slug, _))) if !full_render && !self.files.is_empty() => {
                Selection::plan(old, lib, slug)
            }
            _ => None,
        };
        drop(old_library);
        if timing {
            eprintln!("  content+theme {:.1} ms", t0.elapsed().as_secs_f64() * 1e3);
        }
        let t1 = Instant::now();
        let sink = Memory::default();
        let opts = RenderOptions { minify: true };
        // The search index is brought up to date and encoded beside the render: one edited
        // case is re-indexed alone; any other content change indexes the library again; a
        // template change keeps the encoded files.
        let edited = selective.as_ref().map(|s| s.case);
        let stale = self.search_stale || self.search.is_none();
        // One edited case: the pages go out first and the index follows (it costs more than
        // the pages in a large library, and nobody searches in the instant after a save).
        let defer = stale && edited.is_some() && self.search.is_some();
        if defer {
            self.search_pending.extend(edited);
        }
        let stale = stale && !defer;
        if stale {
            self.search_pending.clear();
        }
        let (index, encoded) = (&mut self.search, &mut self.search_files);
        let (rendered, search_ms) = rayon::join(
            || match &selective {
                Some(sel) => renderer.render_some(
                    lib,
                    &opts,
                    &sink,
                    &mut diagnostics,
                    sel.listed,
                    &|job, path| sel.keeps(job, path),
                ),
                None => renderer.render(lib, &opts, &sink, &mut diagnostics),
            },
            || {
                let t = Instant::now();
                if stale {
                    match (index.as_mut(), edited) {
                        (Some(index), Some(i)) => index.update_case(lib, i),
                        _ => *index = Some(search::Index::build(lib)),
                    }
                    *encoded = index.as_ref().map_or_else(Vec::new, encode_search);
                }
                t.elapsed().as_secs_f64() * 1e3
            },
        );
        rendered?;
        self.search_stale = false;
        if timing {
            eprintln!("  search {search_ms:.1} ms (beside the render)");
        }
        if diagnostics.has_errors() {
            return Ok(Rebuilt {
                files: None,
                lazy: Arc::default(),
                diagnostics,
            });
        }
        if timing {
            eprintln!(
                "  render {:.1} ms ({})",
                t1.elapsed().as_secs_f64() * 1e3,
                if selective.is_some() {
                    "selective"
                } else {
                    "full"
                }
            );
        }
        // Which source each photo output comes from, for photos not encoded yet.
        let mut lazy = HashMap::new();
        let cache = self.opts.root.join(&lib.config.photo_cache);
        for c in &lib.cases {
            for r in &c.photo_requests {
                let Some(p) = lib.photos.get(&r.file) else {
                    continue;
                };
                for z in &p.sizes {
                    for ext in ["webp", "jpg"] {
                        lazy.entry(p.output(z.width, ext))
                            .or_insert_with(|| LazyPhoto {
                                request: r.clone(),
                                root: self.opts.root.clone(),
                                cache: cache.clone(),
                                settings: lib.config.photos.clone(),
                                width: z.width,
                                ext,
                            });
                    }
                }
            }
        }
        let mut files = if selective.is_some() {
            // Photo outputs the library no longer shows go; the rest is rendered again or
            // unchanged.
            let mut kept = (*self.files).clone();
            kept.retain(|path, _| !path.starts_with(urls::PHOTOS) || lazy.contains_key(path));
            kept
        } else {
            HashMap::new()
        };
        for f in sink.into_files() {
            let bytes: Arc<[u8]> = match f.data {
                OutData::Bytes(b) => b.into(),
                // Copied files are read now: the preview serves from memory. A photo not in
                // the cache yet is encoded when first asked for.
                OutData::Copy(src) => match std::fs::read(self.opts.root.join(&src)) {
                    Ok(b) => {
                        lazy.remove(&f.path);
                        b.into()
                    }
                    Err(_) if lazy.contains_key(&f.path) => continue,
                    Err(e) => return Err(e),
                },
            };
            files.insert(f.path, bytes);
        }
        put_search(&mut files, &lib.config, &self.search_files);
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
    pub fn finish_search(&mut self) -> Option<Arc<HashMap<String, Arc<[u8]>>>> {
        if self.search_pending.is_empty() {
            return None;
        }
        let (Some(lib), Some(index)) = (&self.library, &mut self.search) else {
            return None;
        };
        let t = Instant::now();
        self.search_pending.sort_unstable();
        self.search_pending.dedup();
        for i in self.search_pending.drain(..) {
            index.update_case(lib, i);
        }
        self.search_files = encode_search(index);
        let mut files = (*self.files).clone();
        put_search(&mut files, &lib.config, &self.search_files);
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

/// The files of a search index, as the preview serves them.
fn encode_search(index: &search::Index) -> Vec<(String, Arc<[u8]>)> {
    index
        .files()
        .into_iter()
        .filter_map(|f| match f.data {
            OutData::Bytes(b) => Some((f.path, Arc::from(b))),
            OutData::Copy(_) => None,
        })
        .collect()
}

/// Replaces the search index among the site's files.
fn put_search(
    files: &mut HashMap<String, Arc<[u8]>>,
    config: &crate::config::Config,
    search: &[(String, Arc<[u8]>)],
) {
    files.retain(|k, _| !search::Index::owns(config, k));
    for (path, bytes) in search {
        files.insert(path.clone(), bytes.clone());
    }
}

/// URL path of a case page for the event that takes the browser there.
fn case_page(lib: Option<&Library>, slug: &str, lang: &str) -> Option<String> {
    let lib = lib?;
    let l = if lang.is_empty() {
        0
    } else {
        lib.config.lang(lang)?
    };
    lib.case_index(slug)?;
    Some(urls::served(
        lib.config.prefix(l),
        &Page::Case { slug }.path(),
    ))
}

fn stylesheet(files: &HashMap<String, Arc<[u8]>>) -> Option<String> {
    files
        .keys()
        .find(|k| k.starts_with("assets/style.") && k.ends_with(".css"))
        .map(|k| format!("/{k}"))
}

/// A live watcher (keep it alive) and the channel its debounced events arrive on.
pub type Watch = (Box<dyn std::any::Any>, mpsc::Receiver<DebounceEventResult>);

/// Watches content/, themes/ and templates/ of `root`, debounced, with OS notifications or by
/// polling (for network and container folders, where notifications do not arrive).
pub fn watch_sources(root: &Path, poll: bool) -> io::Result<Watch> {
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let debounce = Duration::from_millis(30);
    let watched: Vec<PathBuf> = ["content", "themes", "templates"]
        .iter()
        .map(|d| root.join(d))
        .filter(|p| p.is_dir())
        .collect();
    let watcher: Box<dyn std::any::Any> = if poll {
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(250));
        let mut d = new_debouncer_opt::<_, notify::PollWatcher, _>(
            debounce,
            None,
            tx,
            notify_debouncer_full::NoCache,
            config,
        )
        .map_err(io::Error::other)?;
        for p in &watched {
            d.watch(p, RecursiveMode::Recursive)
                .map_err(io::Error::other)?;
        }
        Box::new(d)
    } else {
        let mut d = new_debouncer(debounce, None, tx).map_err(io::Error::other)?;
        for p in &watched {
            d.watch(p, RecursiveMode::Recursive)
                .map_err(io::Error::other)?;
        }
        Box::new(d)
    };
    Ok((watcher, rx))
}

/// Waits for the next batch of changes that matter and returns its plan (`None` when the
/// watcher is gone). Batches already waiting are folded in.
pub fn next_change(rx: &mpsc::Receiver<DebounceEventResult>, root: &Path) -> Option<Plan> {
    loop {
        let first = rx.recv().ok()?;
        let mut paths: Vec<PathBuf> = Vec::new();
        for b in std::iter::once(first).chain(rx.try_iter()) {
            match b {
                // Reading a file is an event too (the rebuild reads every file): only changes count.
                Ok(evs) => paths.extend(
                    evs.into_iter()
                        .filter(|e| is_change(&e.event.kind))
                        .flat_map(|e| e.event.paths),
                ),
                Err(errs) => errs.iter().for_each(|e| eprintln!("watch error: {e}")),
            }
        }
        let plan = watch::plan(root, paths.iter().map(PathBuf::as_path));
        if !plan.is_empty() {
            return Some(plan);
        }
    }
}

fn is_change(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    use notify::event::ModifyKind;
    match kind {
        EventKind::Access(_) | EventKind::Other => false,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Any | EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
    }
}

/// Runs the preview server until interrupted. Prints diagnostics like `check` does.
pub fn serve(opts: ServeOptions, color: bool, ready: impl FnOnce(SocketAddr)) -> io::Result<()> {
    let build_opts = BuildOptions {
        progress: None,
        photos: crate::photos::Mode::Plan,
        root: opts.root.clone(),
        drafts: opts.drafts,
        base_url: None,
        minify: true,
    };
    let mut builder = Builder::new(build_opts.clone());
    let started = Instant::now();
    let everything = Plan {
        config: true,
        content: true,
        theme: true,
        ..Plan::default()
    };
    // Even a bug in the first build leaves a running preview that the next save retries.
    let first = match crate::fault::catch(|| builder.rebuild(&everything)) {
        Ok(r) => r?,
        Err(panic) => {
            builder = Builder::new(build_opts);
            let mut diagnostics = Diagnostics::new();
            diagnostics.push(crate::diagnostics::Diagnostic::error(
                crate::diagnostics::Span::file_only("content"),
                internal_error(&everything, &panic),
            ));
            Rebuilt {
                files: None,
                lazy: Arc::default(),
                diagnostics,
            }
        }
    };
    print_diagnostics(&first.diagnostics, color);
    let site = Arc::new(RwLock::new(Site {
        files: first.files.unwrap_or_default(),
        lazy: first.lazy,
        generation: 1,
        errors: rendered(&first.diagnostics),
    }));
    eprintln!(
        "built {} files in {:.2} s",
        site.read().map(|s| s.files.len()).unwrap_or(0),
        started.elapsed().as_secs_f64()
    );

    let (events, _) = broadcast::channel(16);
    let state = AppState {
        site: site.clone(),
        events: events.clone(),
    };

    // File events → one rebuild thread. Events that arrive during a rebuild wait in the
    // channel and are folded into the next one, so no save is lost.
    let (_watcher, rx) = watch_sources(&canonical(&opts.root), opts.poll)?;
    let root = canonical(&opts.root);
    std::thread::spawn(move || rebuild_loop(rx, builder, &root, &site, &events, color));

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let app = Router::new()
            .route("/__casebook/live.js", get(live_js))
            .route("/__casebook/events", get(sse))
            .route("/__casebook/status", get(status))
            .fallback(get(page))
            .with_state(state);
        let listener = tokio::net::TcpListener::bind(SocketAddr::new(opts.bind, opts.port)).await?;
        let addr = listener.local_addr()?;
        ready(addr);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })
}

fn rebuild_loop(
    rx: mpsc::Receiver<DebounceEventResult>,
    mut builder: Builder,
    root: &Path,
    site: &RwLock<Site>,
    events: &broadcast::Sender<BuildEvent>,
    color: bool,
) {
    while let Some(plan) = next_change(&rx, root) {
        let t = Instant::now();
        // A bug in a rebuild must not end the preview: the editor could not restart it.
        let result = match crate::fault::catch(|| builder.rebuild(&plan)) {
            Ok(r) => r.map_err(Failure::Io),
            Err(panic) => {
                // What the rebuild was changing may be half-made: start the kept stages anew.
                builder = Builder::new(builder.opts.clone());
                Err(Failure::Internal(internal_error(&plan, &panic)))
            }
        };
        let Ok(mut s) = site.write() else { return };
        s.generation += 1;
        let mut published = false;
        let mut event = BuildEvent {
            generation: s.generation,
            errors: Vec::new(),
            page: None,
            css_only: plan.css_only,
            css: None,
        };
        match result {
            Ok(r) => {
                print_diagnostics(&r.diagnostics, color);
                s.errors = rendered(&r.diagnostics);
                if let Some(files) = r.files {
                    published = true;
                    s.files = files;
                    s.lazy = r.lazy;
                    event.css = stylesheet(&s.files);
                    event.page = plan
                        .edited_case
                        .as_ref()
                        .and_then(|(slug, lang)| case_page(builder.library.as_ref(), slug, lang));
                }
                eprintln!(
                    "rebuilt in {:.0} ms{}",
                    t.elapsed().as_secs_f64() * 1e3,
                    if s.errors.is_empty() {
                        String::new()
                    } else {
                        format!(
                            " with {} errors; serving the last good site",
                            s.errors.len()
                        )
                    }
                );
            }
            Err(Failure::Io(e)) => {
                eprintln!("error: {e}");
                s.errors = vec![format!("error: {e}")];
            }
            Err(Failure::Internal(message)) => {
                eprintln!("{message}");
                s.errors = vec![message];
            }
        }
        event.errors = s.errors.clone();
        drop(s);
        let _ = events.send(event);
        // The search index of an edited case follows the reload.
        if published
            && let Some(files) = builder.finish_search()
            && let Ok(mut s) = site.write()
        {
            s.files = files;
        }
    }
}

/// Why a rebuild produced no site.
enum Failure {
    /// A file could not be read or written.
    Io(io::Error),
    /// casebook itself failed (a caught panic), with the message for the editor.
    Internal(String),
}

/// The message for a rebuild that panicked: what was being rebuilt, and what happens now.
fn internal_error(plan: &Plan, panic: &crate::fault::Panic) -> String {
    let what = if plan.content_files.is_empty() {
        "the site settings or theme".to_owned()
    } else {
        plan.content_files
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "internal error: casebook failed while rebuilding after a change to {what}: {}\n\
         This is a bug in casebook, not in your files; please report it with the file named here. \
         The preview keeps serving the last good site; save again to retry.",
        panic.message
    )
}

/// The absolute form of `root`, as file events name paths.
pub fn canonical(root: &Path) -> PathBuf {
    root.canonicalize().unwrap_or_else(|_| root.to_path_buf())
}

fn rendered(d: &Diagnostics) -> Vec<String> {
    d.sorted()
        .into_iter()
        .filter(|x| x.severity == crate::diagnostics::Severity::Error)
        .map(|x| x.render(false))
        .collect()
}

fn print_diagnostics(d: &Diagnostics, color: bool) {
    if d.error_count() + d.warning_count() > 0 {
        eprintln!("{}", d.render_human(color));
    }
}

async fn live_js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        LIVE_JS,
    )
}

async fn status(State(state): State<AppState>) -> impl IntoResponse {
    let (generation, errors) = state
        .site
        .read()
        .map(|s| (s.generation, s.errors.clone()))
        .unwrap_or_default();
    let body = serde_json::json!({ "generation": generation, "errors": errors }).to_string();
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
}

async fn sse(
    State(state): State<AppState>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let stream = BroadcastStream::new(state.events.subscribe()).filter_map(|e| {
        let e = e.ok()?;
        Some(Ok(Event::default()
            .event("build")
            .data(serde_json::to_string(&e).unwrap_or_default())))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Maps a request path to a file of the site: `/cases/x/` → `cases/x/index.html`. Paths that
/// try to leave the site (`..`, encoded or not) map to nothing.
pub fn resolve(path: &str) -> Option<String> {
    let decoded = percent_decode(path)?;
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s if s.contains('\\') || s.contains('\0') => return None,
            s => parts.push(s),
        }
    }
    let mut p = parts.join("/");
    if p.is_empty() || decoded.ends_with('/') {
        if !p.is_empty() {
            p.push('/');
        }
        p.push_str("index.html");
    }
    Some(p)
}

// Written by hand: percent-decoding a URL path is a dozen lines, and the HTTP stack's own
// helpers decode query strings, not paths.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Puts the reload script into an HTML page: the built files never contain it.
fn inject(html: &[u8]) -> Vec<u8> {
    let tag = b"<script src=\"/__casebook/live.js\" defer></script>";
    let pos = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..pos]);
    out.extend_from_slice(tag);
    out.extend_from_slice(&html[pos..]);
    out
}

async fn page(State(state): State<AppState>, uri: Uri) -> Response {
    // A photo not encoded yet is made now, off the async threads (the lock is not held).
    let lazy = resolve(uri.path()).and_then(|p| {
        state
            .site
            .read()
            .ok()
            .and_then(|s| s.lazy.get(&p).cloned())
            .map(|l| (p, l))
    });
    if let Some((path, photo)) = lazy {
        return match tokio::task::spawn_blocking(move || photo.make()).await {
            Ok(Ok(bytes)) => {
                let mut res = Response::new(Body::from(bytes));
                res.headers_mut().insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(content_type(&path)),
                );
                res.headers_mut()
                    .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                res
            }
            Ok(Err(e)) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        };
    }
    let Ok(site) = state.site.read() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let found = resolve(uri.path()).and_then(|p| {
        let hit = site.files.get(&p).map(|b| (p.clone(), b.clone()));
        // `/cases/x` without the slash: serve the folder's index.
        hit.or_else(|| {
            site.files
                .get(&format!("{p}/index.html"))
                .map(|b| (format!("{p}/index.html"), b.clone()))
        })
    });
    let (status, path, bytes) = match found {
        Some((p, b)) => (StatusCode::OK, p, b),
        None => match site.files.get("404.html") {
            Some(b) => (StatusCode::NOT_FOUND, "404.html".to_owned(), b.clone()),
            None => return (StatusCode::NOT_FOUND, "not found").into_response(),
        },
    };
    let ct = content_type(&path);
    let body = if ct.starts_with("text/html") {
        Body::from(inject(&bytes))
    } else {
        Body::from(bytes.to_vec())
    };
    let mut res = Response::new(body);
    *res.status_mut() = status;
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_folders_and_refuses_to_leave_the_site() {
        assert_eq!(resolve("/").as_deref(), Some("index.html"));
        assert_eq!(resolve("/cases/x/").as_deref(), Some("cases/x/index.html"));
        assert_eq!(
            resolve("/assets/style.css").as_deref(),
            Some("assets/style.css")
        );
        assert_eq!(
            resolve("/tags/%E5%85%9A%E5%BB%BA/").as_deref(),
            Some("tags/党建/index.html")
        );
        assert_eq!(resolve("/../etc/passwd"), None);
        assert_eq!(resolve("/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve("/cases/%2E%2E/%2E%2E/x"), None);
        assert_eq!(resolve("/a%5c..%5cb"), None);
        assert_eq!(resolve("/bad%zz"), None);
    }

    #[test]
    fn injects_the_reload_script_before_body_end() {
        let out =
            String::from_utf8(inject(b"<html><body><p>x</p></body></html>")).unwrap_or_default();
        assert_eq!(
            out,
            "<html><body><p>x</p><script src=\"/__casebook/live.js\" defer></script></body></html>"
        );
    }
}
