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
    /// Treat warnings as errors: nothing left unfinished is published.
    #[arg(long)]
    pub strict: bool,
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
        strict,
        base_url,
        zip,
    } = args;
    let out = out.unwrap_or_else(|| root.join("public"));
    let opts = BuildOptions {
        drafts,
        strict,
        overrides: casebook::config::Overrides { base_url },
        progress: progress_bar(),
        ..BuildOptions::new(root.clone())
    };
    let locale = ui.locale(&root);
    let started = std::time::Instant::now();
    let outcome = match pipeline::build_into(&opts, &out) {
        Ok(o) => o,
        Err(e) => return io_error(&e, locale),
    };
    report(&outcome, ui.color, locale);
    if !outcome.complete {
        say(
            locale,
            t!("cli-build-failed", out = out.display().to_string()),
        );
        return ExitCode::from(1);
    }
    summary(&outcome, started, &out, locale);
    if let Some(zip) = zip {
        match casebook::bundle::zip_site(&out, &zip) {
            Ok(p) => say(
                locale,
                t!(
                    "cli-packed",
                    files = p.files,
                    zip = zip.display().to_string(),
                    mb = format!("{:.1}", p.bytes as f64 / 1e6)
                ),
            ),
            Err(e) => {
                let path = zip.display().to_string();
                say(
                    locale,
                    t!(
                        "cli-cannot-write",
                        path = path,
                        detail = casebook::i18n::os_text(&e)
                    ),
                );
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}

/// What the build did: per-stage timings when `CASEBOOK_TIMINGS` is set, photos, and the
/// closing line.
fn summary(outcome: &Outcome, started: std::time::Instant, out: &std::path::Path, locale: Locale) {
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
        say(
            locale,
            t!("cli-photos", processed = p.processed, cached = p.cached),
        );
    }
    say(
        locale,
        t!(
            "cli-built",
            cases = outcome.stats.cases,
            files = outcome.stats.files,
            mb = format!("{:.1}", outcome.stats.bytes as f64 / 1e6),
            seconds = format!("{:.2}", started.elapsed().as_secs_f64()),
            out = out.display().to_string()
        ),
    );
}
