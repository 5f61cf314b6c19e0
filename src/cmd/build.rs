//! `casebook build`: the whole site into the output folder, all or nothing, and the offline zip.

use super::*;

/// Arguments of `casebook build`.
#[derive(clap::Args)]
pub struct Args {
    /// The site folder, holding content/.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Output folder [default: <root>/public].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Publish drafts too.
    #[arg(long)]
    pub drafts: bool,
    /// Absolute URL the site is published at (canonical, feed and sitemap URLs).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Also pack the built site into this zip, to unzip and open offline from file://.
    #[arg(long, value_name = "FILE")]
    pub zip: Option<PathBuf>,
}

/// Runs the command.
pub fn run(args: Args, ui: &Ui) -> ExitCode {
    let Args {
        root,
        out,
        drafts,
        base_url,
        zip,
    } = args;
    let out = out.unwrap_or_else(|| root.join("public"));
    let opts = BuildOptions {
        drafts,
        overrides: casebook::config::Overrides { base_url },
        progress: progress_bar(),
        ..BuildOptions::new(root.clone())
    };
    let started = std::time::Instant::now();
    let outcome = match pipeline::build_into(&opts, &out) {
        Ok(o) => o,
        Err(e) => return io_error(&e),
    };
    report(&outcome, ui.color, ui.locale(&root));
    if !outcome.complete {
        eprintln!("build failed: {} left unchanged", out.display());
        return ExitCode::from(1);
    }
    if std::env::var_os("CASEBOOK_TIMINGS").is_some() {
        let parts: Vec<String> = outcome
            .stats
            .stages
            .iter()
            .map(|(n, d)| format!("{n} {:.3}s", d.as_secs_f64()))
            .collect();
        eprintln!("stages: {}", parts.join(", "));
    }
    let p = outcome.stats.photos;
    if p.processed + p.cached > 0 {
        eprintln!(
            "photos: {} processed, {} from the cache",
            p.processed, p.cached
        );
    }
    eprintln!(
        "built {} cases into {} files ({:.1} MB) in {:.2} s → {}",
        outcome.stats.cases,
        outcome.stats.files,
        outcome.stats.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        out.display()
    );
    if let Some(zip) = zip {
        match casebook::bundle::zip_site(&out, &zip) {
            Ok(p) => eprintln!(
                "packed {} files into {} ({:.1} MB): unzip it and open index.html",
                p.files,
                zip.display(),
                p.bytes as f64 / 1e6
            ),
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", zip.display());
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}
