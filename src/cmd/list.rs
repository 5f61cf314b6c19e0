//! `casebook list`: every case, course and page with its state, for the terminal (the same
//! as the preview's dashboard at `/__casebook/`).

use super::*;

/// Arguments of `casebook list`.
#[derive(clap::Args)]
pub struct Args {
    /// The site folder, holding content/.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Only drafts.
    #[arg(long)]
    pub drafts: bool,
    /// Only what is not yet (fully) translated into this language, such as `en`.
    #[arg(long, value_name = "LANGUAGE")]
    pub untranslated: Option<String>,
}

/// Runs the command.
pub fn run(args: Args, ui: &Ui) -> ExitCode {
    let Args {
        root,
        drafts,
        untranslated,
    } = args;
    let locale = ui.locale(&root);
    // Drafts are listed too; photos are only measured, not encoded.
    let opts = BuildOptions {
        drafts: true,
        photos: casebook::photos::Mode::Plan,
        ..BuildOptions::new(root.clone())
    };
    let mut stages = pipeline::Stages::once(opts);
    let plan = casebook::watch::Plan::everything();
    if let Err(e) = stages.update(&plan, &mut pipeline::Stats::default()) {
        return io_error(&e, locale);
    }
    let diagnostics = stages.diagnostics();
    let Some(lib) = stages.library() else {
        eprintln!("{}", diagnostics.render_human(ui.color, locale));
        return ExitCode::from(1);
    };
    let entries: Vec<_> = casebook::inventory::of(lib, &diagnostics)
        .into_iter()
        .filter(|e| !drafts || e.draft)
        .filter(|e| untranslated.as_deref().is_none_or(|l| e.untranslated(l)))
        .collect();
    print!("{}", casebook::inventory::lines(&entries, locale));
    ExitCode::SUCCESS
}
