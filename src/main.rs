//! The `casebook` command line: parses arguments, dispatches to the library, prints, and
//! decides the exit code in one place (0 ok, 1 content errors, 2 usage or IO errors).

// The command line is where casebook talks to its user.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use casebook::i18n::{Locale, Text};
use casebook::pipeline::{self, BuildOptions, Outcome};
use casebook::t;

mod cmd;

// Rendering thousands of pages on every core allocates heavily; mimalloc's per-thread heaps
// cut build time by a fifth against the system allocator (benches/run).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (mimalloc.h); its Rust bindings do not name it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Memory a stage frees goes back to the system after 10 ms instead of mimalloc's default
/// second (ten for whole arenas): a build moves from stage to stage faster than that, and
/// each stage's freed memory would otherwise still count while the next one grows. It cuts
/// the peak of a 10,000-case build by a sixth at no measurable cost in time.
fn return_freed_memory_sooner() {
    // SAFETY: mi_option_get and mi_option_set only read and write mimalloc's option table.
    unsafe {
        // Only if option 15 is what this mimalloc calls purge_delay (its default is 1000 ms).
        if libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) == 1000 {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10);
        }
    }
}

#[derive(Parser)]
#[command(
    name = "casebook",
    version,
    about = "Build a searchable library of community pilot case studies"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of messages: zh or en [default: from LC_ALL, LC_MESSAGES or LANG, else the
    /// site's default language].
    #[arg(long, global = true)]
    lang: Option<String>,
}

/// How a command talks to its user: in colour or not, and in which language.
struct Ui {
    color: bool,
    lang: Option<String>,
}

impl Ui {
    /// The language of messages about the site at `root` (see [`Locale::choose`]).
    fn locale(&self, root: &std::path::Path) -> Locale {
        let site = casebook::load::site_language(root);
        Locale::choose(
            self.lang.as_deref(),
            |v| std::env::var(v).ok(),
            site.as_deref(),
        )
    }

    /// The language of messages when no site is known.
    fn locale_without_site(&self) -> Locale {
        Locale::choose(self.lang.as_deref(), |v| std::env::var(v).ok(), None)
    }
}

/// Prints a message in `locale` on stderr.
fn say(locale: Locale, text: Text) {
    eprintln!("{}", text.in_locale(locale));
}

#[derive(Subcommand)]
enum Command {
    /// Build the whole site into the output folder (all or nothing).
    Build(cmd::build::Args),
    /// Run every stage and report problems, writing nothing.
    Check(cmd::check::Args),
    /// Preview the site: build into memory, serve it, rebuild on save and reload the browser.
    Serve(cmd::serve::Args),
    /// List every case, course and page with its state: draft or published, translations,
    /// problems.
    List(cmd::list::Args),
    /// Start a new case or course from a template (a draft), or a translation of one.
    New(cmd::new::Args),
    /// Write JSON Schemas of front matter and site.yaml into .casebook/schema/, for completion
    /// and errors while typing in editors with a YAML language server.
    Schema(cmd::schema::Args),
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

fn main() -> ExitCode {
    return_freed_memory_sooner();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let locale = cmd::help::locale_of(&args);
    let parsed = cmd::help::localized(Cli::command(), locale)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            if !e.use_stderr() {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            match cmd::help::usage_error(&e) {
                Some((text, meant)) => {
                    say(locale, text);
                    if let Some(meant) = meant {
                        say(locale, meant);
                    }
                }
                None => {
                    let _ = e.print();
                }
            }
            say(locale, t!("help-see"));
            return ExitCode::from(2);
        }
    };
    let ui = Ui {
        color: std::io::stderr().is_terminal(),
        lang: cli.lang,
    };
    // A bug in casebook ends the command with a message and exit code 2, never a bare panic:
    // `build` has written nothing by then (its staging folder is set aside), `check` nothing
    // at all.
    casebook::fault::catch(|| run(cli.command, &ui)).unwrap_or_else(|panic| {
        say(ui.locale_without_site(), internal_error(&panic));
        ExitCode::from(2)
    })
}

/// The message for a command that stopped on a bug.
fn internal_error(panic: &casebook::fault::Panic) -> Text {
    t!("cli-internal-error", message = &panic.message)
}

fn run(command: Command, ui: &Ui) -> ExitCode {
    match command {
        Command::Build(args) => cmd::build::run(args, ui),
        Command::Check(args) => cmd::check::run(args, ui),
        Command::Serve(args) => cmd::serve::run(args, ui),
        Command::New(args) => cmd::new::run(args, ui),
        Command::List(args) => cmd::list::run(args, ui),
        Command::Schema(args) => cmd::schema::run(args, ui),
    }
}

/// A progress bar on stderr for long stages, or none when stderr is not a terminal.
fn progress_bar() -> Option<pipeline::Progress> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{prefix} {bar:30} {pos}/{len}") {
        bar.set_style(style);
    }
    Some(pipeline::Progress(std::sync::Arc::new(
        move |what, done, total| {
            bar.set_prefix(what);
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            if done >= total {
                bar.finish_and_clear();
            }
        },
    )))
}

/// Opens `url` in the desktop's browser; failing to is not worth stopping for.
fn open_browser(url: &str, locale: Locale) {
    let cmd = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(cmd).arg(url).spawn().is_err() {
        say(locale, t!("cli-no-browser", url = url));
    }
}

fn report(outcome: &Outcome, color: bool, locale: Locale) {
    let d = &outcome.diagnostics;
    if d.error_count() + d.warning_count() > 0 {
        eprintln!("{}", d.render_human(color, locale));
    }
}

fn io_error(e: &std::io::Error, locale: Locale) -> ExitCode {
    say(
        locale,
        t!("cli-io-error", detail = casebook::i18n::io_text(e, locale)),
    );
    ExitCode::from(2)
}
