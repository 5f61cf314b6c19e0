//! `casebook new`: a new case or course written from the site's own template.

use super::*;

/// Arguments of `casebook new`.
#[derive(clap::Args)]
pub struct Args {
    /// What to create.
    #[arg(value_enum)]
    pub kind: NewKind,
    /// Its slug: lower-case letters, digits and `-`.
    pub slug: String,
    /// The site folder, holding content/.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// Runs the command.
pub fn run(args: Args, ui: &Ui) -> ExitCode {
    let Args { kind, slug, root } = args;
    let locale = ui.locale(&root);
    let mut diags = casebook::diagnostics::Diagnostics::new();
    let sources = match casebook::load::load(&root) {
        Ok(s) => s,
        Err(e) => return io_error(&e, locale),
    };
    let Some(config) = sources
        .site
        .as_ref()
        .and_then(|s| casebook::config::Config::parse(s, &mut diags))
    else {
        eprintln!("{}", diags.render_human(ui.color, locale));
        say(locale, t!("cli-new-needs-site"));
        return ExitCode::from(1);
    };
    let kind = match kind {
        NewKind::Case => casebook::scaffold::Kind::Case,
        NewKind::Course => casebook::scaffold::Kind::Course,
    };
    let files = match casebook::scaffold::files(
        kind,
        &slug,
        &config,
        &jiff::Timestamp::now().strftime("%Y-%m-%d").to_string(),
    ) {
        Ok(f) => f,
        Err(msg) => {
            eprintln!("error: {msg}");
            return ExitCode::from(2);
        }
    };
    let taken = match kind {
        casebook::scaffold::Kind::Case => root.join(format!("content/cases/{slug}")).exists(),
        casebook::scaffold::Kind::Course => files.iter().any(|(p, _)| root.join(p).exists()),
    };
    if taken {
        let kind = if kind == casebook::scaffold::Kind::Case {
            "case"
        } else {
            "course"
        };
        say(locale, t!("cli-new-exists", kind = kind, slug = &slug));
        return ExitCode::from(2);
    }
    for (path, text) in &files {
        let full = root.join(path);
        let written = full
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&full, text));
        if let Err(e) = written {
            let path = full.display().to_string();
            say(
                locale,
                t!("cli-cannot-write", path = path, detail = e.to_string()),
            );
            return ExitCode::from(2);
        }
        say(locale, t!("cli-created", path = path.as_str()));
    }
    ExitCode::SUCCESS
}
