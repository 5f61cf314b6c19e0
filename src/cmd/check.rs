//! `casebook check`: every stage run, nothing written, every problem printed; `--watch` again
//! after each save.

use super::*;

/// Arguments of `casebook check`.
#[derive(clap::Args)]
pub struct Args {
    /// The site folder, holding content/.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Check drafts too.
    #[arg(long)]
    pub drafts: bool,
    /// Treat warnings as errors: nothing left unfinished is published.
    #[arg(long)]
    pub strict: bool,
    /// Keep watching and print fresh diagnostics after each save.
    #[arg(long)]
    pub watch: bool,
    /// With --watch: poll for changes (network and container folders).
    #[arg(long)]
    pub poll: bool,
}

/// Runs the command.
pub fn run(args: Args, ui: &Ui) -> ExitCode {
    let Args {
        root,
        format,
        drafts,
        strict,
        watch,
        poll,
    } = args;
    let locale = ui.locale(&root);
    let opts = BuildOptions {
        drafts,
        strict,
        minify: false,
        progress: if watch { None } else { progress_bar() },
        photos: casebook::photos::Mode::Check,
        ..BuildOptions::new(root.clone())
    };
    let run = || -> Result<bool, std::io::Error> {
        let outcome = pipeline::build(&opts, &casebook::output::Discard::default())?;
        match format {
            Format::Human => {
                report(&outcome, ui.color, locale);
                if watch
                    && outcome.diagnostics.error_count() + outcome.diagnostics.warning_count() == 0
                {
                    say(locale, t!("cli-no-problems"));
                }
            }
            Format::Json => println!(
                "{}",
                serde_json::to_string_pretty(&outcome.diagnostics.to_json(locale))
                    .unwrap_or_default()
            ),
        }
        Ok(outcome.diagnostics.has_errors())
    };
    let failed = match run() {
        Ok(f) => f,
        Err(e) => return io_error(&e, locale),
    };
    if !watch {
        return if failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
    }
    let abs = casebook::serve::canonical(&root);
    let (_watcher, rx) = match casebook::serve::watch_sources(&abs, poll) {
        Ok(w) => w,
        Err(e) => return io_error(&e, locale),
    };
    let shown = root.display().to_string();
    say(locale, t!("cli-watching", root = shown));
    while casebook::serve::next_change(&rx, &abs).is_some() {
        eprintln!("\n— {} —", jiff::Timestamp::now().strftime("%H:%M:%S"));
        match casebook::fault::catch(run) {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => say(
                locale,
                t!("cli-io-error", detail = casebook::i18n::io_text(&e, locale)),
            ),
            Err(panic) => say(locale, internal_error(&panic)),
        }
    }
    ExitCode::SUCCESS
}
