//! The build as a flat sequence of named stages, each taking a value and returning one:
//! load → content → photos → theme → search → render → write. `check` runs the same stages
//! without writing.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::content::{self, ContentOptions};
use crate::diagnostics::Diagnostics;
use crate::load;
use crate::model::Library;
use crate::output::{Sink, Staging};
use crate::photos::{self, Photos};
use crate::render::{RenderOptions, Renderer};
use crate::search;
use crate::theme;
use crate::watch::Plan;
use std::sync::atomic::Ordering;

/// What to build and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holds `content/`).
    pub root: PathBuf,
    /// Publish drafts.
    pub drafts: bool,
    /// Settings that take the place of site.yaml's (`--base-url`: canonical, feed and
    /// sitemap URLs).
    pub overrides: crate::config::Overrides,
    /// Render from minified templates (see [`crate::minify`]).
    pub minify: bool,
    /// Told how a long stage is getting on (the command line draws a bar).
    pub progress: Option<Progress>,
    /// How much photo work to do: all of it, checking only, or sizes only (preview).
    pub photos: photos::Mode,
    /// Treat warnings as errors (`--strict`): for a publishing pipeline that must not let a
    /// placeholder or a preview-only link through.
    pub strict: bool,
}

impl BuildOptions {
    /// Options for building the site at `root` with defaults: no drafts, minified, quiet.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            drafts: false,
            strict: false,
            overrides: Default::default(),
            minify: true,
            progress: None,
            photos: photos::Mode::Full,
        }
    }
}

/// Where a long stage reports how far it got: the stage's name, work done and total (the
/// total once more when it is finished).
#[derive(Clone)]
pub struct Progress(pub Arc<dyn Fn(&'static str, usize, usize) + Send + Sync>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

/// Counts and timings of a run, for the closing line and the benchmark.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Published cases.
    pub cases: usize,
    /// Files in the output.
    pub files: usize,
    /// Bytes in the output (made by the build; copied files not counted).
    pub bytes: usize,
    /// Photos processed and taken from the cache.
    pub photos: photos::Counts,
    /// Time per stage.
    pub stages: Vec<(&'static str, Duration)>,
}

/// The result of running the stages: every diagnostic, and the library if it parsed.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every diagnostic of every stage.
    pub diagnostics: Diagnostics,
    /// The photos the site shows, processed (when every stage ran).
    pub photos: Photos,
    /// Where processed photos are cached (when every stage ran).
    pub photo_cache: Option<PathBuf>,
    /// Whether every stage succeeded and every file reached the sink.
    pub complete: bool,
    /// Counts and timings.
    pub stats: Stats,
}

/// The stages up to rendering — load, content, photos, theme — each one's output kept with what
/// it was made from, so that a run after a change redoes only what the change invalidates.
/// `build` and `check` run them once from nothing; the preview keeps them between saves. The
/// order of the stages is written here and nowhere else.
pub struct Stages {
    opts: BuildOptions,
    /// Whether the outputs are kept for another run (the preview): then the file texts stay
    /// in memory for the next change, instead of being let go as soon as they are parsed.
    kept: bool,
    sources: Option<load::Sources>,
    cache: content::CaseCache,
    library: Option<Library>,
    photos: Photos,
    renderer: Option<Renderer>,
    content_diags: Diagnostics,
    theme_diags: Diagnostics,
}

/// What a run of [`Stages::update`] did.
#[derive(Debug, Default)]
pub struct Updated {
    /// The library before the run, when the content stage ran again.
    pub previous: Option<Library>,
    /// Whether the content stage ran again.
    pub content: bool,
    /// Whether every file was read again (a folder was added, removed or renamed, or the
    /// site settings changed), rather than only the changed ones.
    pub reloaded: bool,
}

impl Stages {
    /// Stages run once, as `build` and `check` run them.
    pub fn once(opts: BuildOptions) -> Stages {
        Stages::new(opts, false)
    }

    /// Stages kept between runs, as the preview keeps them.
    pub fn kept(opts: BuildOptions) -> Stages {
        Stages::new(opts, true)
    }

    fn new(opts: BuildOptions, kept: bool) -> Stages {
        Stages {
            opts,
            kept,
            sources: None,
            cache: content::CaseCache::default(),
            library: None,
            photos: Photos::new(),
            renderer: None,
            content_diags: Diagnostics::new(),
            theme_diags: Diagnostics::new(),
        }
    }

    /// Brings the stages up to date with `plan` (all of them on the first run), timing each.
    pub fn update(&mut self, plan: &Plan, stats: &mut Stats) -> io::Result<Updated> {
        let mut updated = Updated::default();
        let mut t = Instant::now();
        let mut lap = |stats: &mut Stats, name: &'static str| {
            stats.stages.push((name, t.elapsed()));
            t = Instant::now();
        };
        if plan.config || plan.content || self.library.is_none() {
            updated.content = true;
            let reuse = match (&mut self.sources, plan.config) {
                (Some(sources), false) => sources.update(&plan.content_files),
                _ => false,
            };
            if !reuse {
                self.sources = Some(load::load(&self.opts.root)?);
                updated.reloaded = true;
            }
            if plan.config {
                self.cache.clear();
            }
            lap(stats, "load");
            let mut d = Diagnostics::new();
            updated.previous = self.library.take();
            let options = ContentOptions {
                drafts: self.opts.drafts,
                overrides: self.opts.overrides.clone(),
            };
            if let Some(sources) = &self.sources {
                crate::fault::injected(sources);
            }
            if self.kept {
                if let Some(sources) = &self.sources {
                    self.library =
                        content::parse_cached(sources, &options, &mut d, &mut self.cache);
                }
            } else if let Some(sources) = self.sources.take() {
                // Read once: each file's text goes as soon as its document is parsed, but for
                // what courses render again.
                self.library = content::parse_once(sources, &options, &mut d);
                self.cache.clear();
            }
            stats.cases = self.library.as_ref().map_or(0, |l| l.cases.len());
            lap(stats, "content");
            (self.photos, stats.photos) = match &self.library {
                Some(lib) => photo_stage(&self.opts, lib, &mut d),
                None => Default::default(),
            };
            lap(stats, "photos");
            self.content_diags = d;
        }
        // The theme is compiled even when the content has errors, so template errors are
        // reported in the same run.
        if plan.config || plan.theme || self.renderer.is_none() {
            let mut d = Diagnostics::new();
            self.renderer = match &self.library {
                Some(lib) => match theme::load(&self.opts.root, &lib.config, &mut d)? {
                    Some(theme) => Renderer::new(&theme, &lib.config, &mut d),
                    None => None,
                },
                None => None,
            };
            self.theme_diags = d;
            lap(stats, "theme");
        }
        Ok(updated)
    }

    /// The library, if the content stage made one.
    pub fn library(&self) -> Option<&Library> {
        self.library.as_ref()
    }

    /// The processed photos of the library, by source file.
    pub fn photos(&self) -> &Photos {
        &self.photos
    }

    /// The compiled theme, if the theme stage made one.
    pub fn renderer(&self) -> Option<&Renderer> {
        self.renderer.as_ref()
    }

    /// The diagnostics of the stages' current outputs.
    pub fn diagnostics(&self) -> Diagnostics {
        let mut d = self.content_diags.clone();
        d.extend(self.theme_diags.clone());
        d
    }

    /// The processed photos, taken out of the stages.
    pub fn into_photos(self) -> Photos {
        self.photos
    }
}

/// Runs every stage, handing each finished file to `sink`. IO problems that prevent reading
/// the site or writing its files are errors; problems in the content are diagnostics (and
/// leave `complete` false).
pub fn build(opts: &BuildOptions, sink: &dyn Sink) -> io::Result<Outcome> {
    let mut out = Outcome::default();
    let mut stages = Stages::once(opts.clone());
    stages.update(&Plan::everything(), &mut out.stats)?;
    out.diagnostics = stages.diagnostics().strict_if(opts.strict);
    let (Some(lib), Some(renderer)) = (stages.library(), stages.renderer()) else {
        return Ok(out);
    };
    if out.diagnostics.has_errors() {
        return Ok(out);
    }
    let mut t = Instant::now();
    let mut lap = |stats: &mut Stats, name: &'static str| {
        stats.stages.push((name, t.elapsed()));
        t = Instant::now();
    };
    // The search index is made and handed over before the pages, and dropped: its memory is
    // free again when rendering needs it, so a build's peak is the larger of the two, not
    // their sum.
    let files = search::Index::files_of(lib);
    lap(&mut out.stats, "search");
    for f in files {
        sink.put(f)?;
    }
    lap(&mut out.stats, "search write");
    renderer.render(
        lib,
        stages.photos(),
        &RenderOptions {
            minify: opts.minify,
        },
        sink,
        &mut out.diagnostics,
    )?;
    lap(&mut out.stats, "render+write");
    out.diagnostics = std::mem::take(&mut out.diagnostics).strict_if(opts.strict);
    out.complete = !out.diagnostics.has_errors();
    out.photo_cache = Some(opts.root.join(&lib.config.photo_cache));
    out.photos = stages.into_photos();
    Ok(out)
}

/// The photo stage: processes every photo the library shows (see [`photos::process_all`]);
/// problems become diagnostics.
fn photo_stage(
    opts: &BuildOptions,
    lib: &Library,
    diags: &mut Diagnostics,
) -> (Photos, photos::Counts) {
    let requests: Vec<photos::Request> = lib
        .cases
        .iter()
        .flat_map(|c| c.photo_requests.iter().cloned())
        .collect();
    if requests.is_empty() {
        return Default::default();
    }
    let cache = opts.root.join(&lib.config.photo_cache);
    let (processed, problems, counts) = photos::process_all(
        &opts.root,
        &cache,
        &requests,
        &lib.config.photos,
        opts.photos,
        &|done, total| {
            if let Some(p) = &opts.progress {
                (p.0)("photos", done, total);
            }
        },
    );
    for d in problems {
        diags.push(d);
    }
    (processed, counts)
}

/// Builds into `out_dir`: written beside it and swapped in only when complete.
pub fn build_into(opts: &BuildOptions, out_dir: &Path) -> io::Result<Outcome> {
    crate::output::check_target(&opts.root, out_dir)?;
    let staging = Staging::create(&opts.root, out_dir)?;
    let mut outcome = build(opts, &staging)?;
    outcome.stats.files = staging.files.load(Ordering::Relaxed);
    outcome.stats.bytes = staging.bytes.load(Ordering::Relaxed);
    if outcome.complete {
        let t = Instant::now();
        staging.commit()?;
        // Cache entries no photo of this build used are removed.
        if let Some(cache) = &outcome.photo_cache {
            let keep = outcome.photos.values().map(|p| p.key.clone()).collect();
            photos::prune(cache, &keep);
        }
        outcome.stats.stages.push(("swap", t.elapsed()));
    }
    Ok(outcome)
}
