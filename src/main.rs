//! The `casebook` command line: parses arguments, dispatches to the library, prints, and
//! decides the exit code in one place (0 ok, 1 content errors, 2 usage or IO errors).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use casebook::pipeline::{self, BuildOptions, Outcome};

// Rendering thousands of pages on every core allocates heavily; mimalloc's per-thread heaps
// cut build time by a fifth against the system allocator (benches/run).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "casebook",
    version,
    about = "Build a searchable library of community pilot case studies"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the whole site into the output folder (all or nothing).
    Build {
        /// The site folder, holding content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder [default: <root>/public].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Publish drafts too.
        #[arg(long)]
        drafts: bool,
        /// Absolute URL the site is published at (canonical, feed and sitemap URLs).
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Run every stage and report problems, writing nothing.
    Check {
        /// The site folder, holding content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Check drafts too.
        #[arg(long)]
        drafts: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let color = std::io::stderr().is_terminal();
    match cli.command {
        Command::Build {
            root,
            out,
            drafts,
            base_url,
        } => {
            let out = out.unwrap_or_else(|| root.join("public"));
            let opts = BuildOptions {
                root: root.clone(),
                drafts,
                base_url,
                minify: true,
            };
            let started = std::time::Instant::now();
            let outcome = match pipeline::build_into(&opts, &out) {
                Ok(o) => o,
                Err(e) => return io_error(&e),
            };
            report(&outcome, color);
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
            eprintln!(
                "built {} cases into {} files ({:.1} MB) in {:.2} s → {}",
                outcome.stats.cases,
                outcome.stats.files,
                outcome.stats.bytes as f64 / 1e6,
                started.elapsed().as_secs_f64(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Command::Check {
            root,
            format,
            drafts,
        } => {
            let opts = BuildOptions {
                root,
                drafts,
                base_url: None,
                minify: false,
            };
            let outcome = match pipeline::build(&opts, &casebook::output::Discard::default()) {
                Ok(o) => o,
                Err(e) => return io_error(&e),
            };
            match format {
                Format::Human => report(&outcome, color),
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&outcome.diagnostics.to_json())
                        .unwrap_or_default()
                ),
            }
            if outcome.diagnostics.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}

fn report(outcome: &Outcome, color: bool) {
    let d = &outcome.diagnostics;
    if d.error_count() + d.warning_count() > 0 {
        eprintln!("{}", d.render_human(color));
    }
}

fn io_error(e: &std::io::Error) -> ExitCode {
    eprintln!("error: {e}");
    ExitCode::from(2)
}
