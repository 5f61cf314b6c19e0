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
use crate::photos;
use crate::render::{RenderOptions, Renderer};
use crate::search;
use crate::theme;
use std::sync::atomic::Ordering;

/// What to build and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holds `content/`).
    pub root: PathBuf,
    /// Publish drafts.
    pub drafts: bool,
    /// Overrides `base_url` of site.yaml (canonical, feed and sitemap URLs).
    pub base_url: Option<String>,
    /// Render from minified templates (see [`crate::minify`]).
    pub minify: bool,
    /// Told how a long stage is getting on (the command line draws a bar).
    pub progress: Option<Progress>,
    /// How much photo work to do: all of it, checking only, or sizes only (preview).
    pub photos: photos::Mode,
}

impl BuildOptions {
    /// Options for building the site at `root` with defaults: no drafts, minified, quiet.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            drafts: false,
            base_url: None,
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
    /// The validated library, if the content stage succeeded.
    pub library: Option<Library>,
    /// Whether every stage succeeded and every file reached the sink.
    pub complete: bool,
    /// Counts and timings.
    pub stats: Stats,
}

/// Runs every stage, handing each finished file to `sink`. IO problems that prevent reading
/// the site or writing its files are errors; problems in the content are diagnostics (and
/// leave `complete` false).
pub fn build(opts: &BuildOptions, sink: &dyn Sink) -> io::Result<Outcome> {
    let mut out = Outcome::default();
    let mut t = Instant::now();
    let mut lap = |stats: &mut Stats, name: &'static str| {
        stats.stages.push((name, t.elapsed()));
        t = Instant::now();
    };

    let sources = load::load(&opts.root)?;
    crate::fault::injected(&sources);
    lap(&mut out.stats, "load");

    let Some(mut lib) = content::parse(
        &sources,
        ContentOptions {
            drafts: opts.drafts,
        },
        &mut out.diagnostics,
    ) else {
        return Ok(out);
    };
    // Bodies keep the text they need (shared); the rest of what was read can go.
    drop(sources);
    if let Some(url) = &opts.base_url {
        lib.config.base_url = url.trim_end_matches('/').to_owned();
    }
    out.stats.cases = lib.cases.len();
    lap(&mut out.stats, "content");

    out.stats.photos = photo_stage(opts, &mut lib, &mut out.diagnostics);
    lib.release_sources();
    lap(&mut out.stats, "photos");

    // The theme is compiled even when the content has errors, so template errors are reported
    // in the same run; nothing is rendered then.
    let renderer = match theme::load(&opts.root, &lib.config, &mut out.diagnostics)? {
        Some(theme) => Renderer::new(&theme, &lib.config, &mut out.diagnostics),
        None => None,
    };
    lap(&mut out.stats, "theme");
    let Some(renderer) = renderer.filter(|_| !out.diagnostics.has_errors()) else {
        out.library = Some(lib);
        return Ok(out);
    };

    // The search index is made and handed over before the pages, and dropped: its memory is
    // free again when rendering needs it, so a build's peak is the larger of the two, not
    // their sum.
    let files = search::Index::files_of(&lib);
    lap(&mut out.stats, "search");
    for f in files {
        sink.put(f)?;
    }
    lap(&mut out.stats, "search write");
    renderer.render(
        &lib,
        &RenderOptions {
            minify: opts.minify,
        },
        sink,
        &mut out.diagnostics,
    )?;
    lap(&mut out.stats, "render+write");
    out.library = Some(lib);
    out.complete = !out.diagnostics.has_errors();
    Ok(out)
}

/// Processes every photo the library shows (see [`photos::process_all`]) and records the
/// results in `lib.photos`; problems become diagnostics.
pub fn photo_stage(
    opts: &BuildOptions,
    lib: &mut Library,
    diags: &mut Diagnostics,
) -> photos::Counts {
    let requests: Vec<photos::Request> = lib
        .cases
        .iter()
        .flat_map(|c| c.photo_requests.iter().cloned())
        .collect();
    if requests.is_empty() {
        return photos::Counts::default();
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
    lib.photos = processed;
    counts
}

/// Builds into `out_dir`: written beside it and swapped in only when complete.
pub fn build_into(opts: &BuildOptions, out_dir: &Path) -> io::Result<Outcome> {
    let staging = Staging::create(&opts.root, out_dir)?;
    let mut outcome = build(opts, &staging)?;
    outcome.stats.files = staging.files.load(Ordering::Relaxed);
    outcome.stats.bytes = staging.bytes.load(Ordering::Relaxed);
    if outcome.complete {
        let t = Instant::now();
        staging.commit()?;
        // Cache entries no photo of this build used are removed.
        if let Some(lib) = &outcome.library {
            let keep = lib.photos.values().map(|p| p.key.clone()).collect();
            photos::prune(&opts.root.join(&lib.config.photo_cache), &keep);
        }
        outcome.stats.stages.push(("swap", t.elapsed()));
    }
    Ok(outcome)
}
