//! The build as a flat sequence of named stages, each taking a value and returning one:
//! load → content → theme → render → write. `check` runs the same stages without writing.

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::content::{self, ContentOptions};
use crate::diagnostics::Diagnostics;
use crate::load;
use crate::model::Library;
use crate::output::{self, OutFile};
use crate::render::{RenderOptions, Renderer};
use crate::theme;

/// What to build and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holds `content/`).
    pub root: PathBuf,
    /// Publish drafts.
    pub drafts: bool,
    /// Overrides `base_url` of site.yaml (canonical, feed and sitemap URLs).
    pub base_url: Option<String>,
    /// Minify HTML.
    pub minify: bool,
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
    /// Time per stage.
    pub stages: Vec<(&'static str, Duration)>,
}

/// The result of running the stages: diagnostics always, the site only if it built.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every diagnostic of every stage.
    pub diagnostics: Diagnostics,
    /// The validated library, if the content stage succeeded.
    pub library: Option<Library>,
    /// The files of the site, if every stage succeeded.
    pub files: Option<Vec<OutFile>>,
    /// Counts and timings.
    pub stats: Stats,
}

/// Runs every stage up to rendering. IO problems that prevent reading the site (no content
/// folder, unreadable theme) are errors; problems in the content are diagnostics.
pub fn build(opts: &BuildOptions) -> io::Result<Outcome> {
    let mut out = Outcome::default();
    let mut t = Instant::now();
    let mut lap = |stats: &mut Stats, name: &'static str| {
        stats.stages.push((name, t.elapsed()));
        t = Instant::now();
    };

    let sources = load::load(&opts.root, &mut out.diagnostics)?;
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
    if let Some(url) = &opts.base_url {
        lib.config.base_url = url.trim_end_matches('/').to_owned();
    }
    out.stats.cases = lib.cases.len();
    lap(&mut out.stats, "content");

    let theme = theme::load(&opts.root, &lib.config.theme)?;
    let Some(renderer) = Renderer::new(&theme, &lib.config, &mut out.diagnostics) else {
        out.library = Some(lib);
        return Ok(out);
    };
    lap(&mut out.stats, "theme");

    let files = renderer.render(
        &lib,
        &RenderOptions {
            minify: opts.minify,
        },
        &mut out.diagnostics,
    );
    lap(&mut out.stats, "render");
    if let Some(files) = &files {
        out.stats.files = files.len();
        out.stats.bytes = files
            .iter()
            .map(|f| match &f.data {
                output::OutData::Bytes(b) => b.len(),
                output::OutData::Copy(_) => 0,
            })
            .sum();
    }
    out.library = Some(lib);
    out.files = if out.diagnostics.has_errors() {
        None
    } else {
        files
    };
    Ok(out)
}

/// Writes a built site into `out_dir` atomically (see [`output::write_site`]).
pub fn write(outcome: &mut Outcome, root: &Path, out_dir: &Path) -> io::Result<()> {
    let t = Instant::now();
    if let Some(files) = &outcome.files {
        output::write_site(files, root, out_dir)?;
    }
    outcome.stats.stages.push(("write", t.elapsed()));
    Ok(())
}
