//! `casebook new`: a new case, course or translation written from the site's own template.

use super::*;

use casebook::scaffold::{self, Kind, NewFile};

/// Arguments of `casebook new`.
#[derive(clap::Args)]
pub struct Args {
    /// What to create: a case, a course, or a translation of an existing case or course.
    #[arg(value_enum)]
    pub kind: NewKind,
    /// Its slug: lower-case letters, digits and `-` (for a translation, the case's or
    /// course's slug).
    pub slug: String,
    /// For a translation: the language code to translate into, such as `en`.
    #[arg(value_name = "LANGUAGE")]
    pub into: Option<String>,
    /// The site folder, holding content/.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// Runs the command.
pub fn run(args: Args, ui: &Ui) -> ExitCode {
    let Args {
        kind,
        slug,
        into,
        root,
    } = args;
    let locale = ui.locale(&root);
    let (sources, config) = match super::schema::site(&root, ui, locale) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let today = jiff::Timestamp::now().strftime("%Y-%m-%d").to_string();
    let made = match (kind, into) {
        (NewKind::Case, _) => scaffold::files(Kind::Case, &slug, &config, &today),
        (NewKind::Course, _) => scaffold::files(Kind::Course, &slug, &config, &today),
        (NewKind::Translation, None) => Err(t!("cli-new-translation-needs-lang")),
        (NewKind::Translation, Some(lang)) => match existing(&root, &slug) {
            Some(kind) => scaffold::translation(kind, &slug, &lang, &config).map(|f| vec![f]),
            None => Err(t!("cli-new-nothing-to-translate", slug = &slug)),
        },
    };
    let files = match made {
        Ok(f) => f,
        Err(why) => {
            say(locale, t!("cli-error", message = why));
            return ExitCode::from(2);
        }
    };
    let code = write(&root, &files, kind, &slug, locale);
    // The new file's first line points at the schemas: make sure they are there, and know
    // a new case's slug.
    let mut sources = sources;
    if kind == NewKind::Case {
        for (path, text) in &files {
            sources
                .markdown
                .push(casebook::diagnostics::SourceText::new(path, text.as_str()));
        }
    }
    if let Err(e) = super::schema::write_schemas(&sources, &config, locale, None) {
        say(locale, t!("cli-schema-not-written", detail = e.to_string()));
    }
    code
}

/// Whether `slug` names a case or a course of the site at `root`.
fn existing(root: &std::path::Path, slug: &str) -> Option<Kind> {
    if root
        .join(format!("content/cases/{slug}/index.md"))
        .is_file()
    {
        Some(Kind::Case)
    } else if root.join(format!("content/courses/{slug}.md")).is_file() {
        Some(Kind::Course)
    } else {
        None
    }
}

/// Writes the new files, none of which may exist yet (nor, for a case, its folder).
fn write(
    root: &std::path::Path,
    files: &[NewFile],
    kind: NewKind,
    slug: &str,
    locale: Locale,
) -> ExitCode {
    let taken = match kind {
        NewKind::Case => root.join(format!("content/cases/{slug}")).exists(),
        _ => files.iter().any(|(p, _)| root.join(p).exists()),
    };
    if taken {
        let message = match (kind, files.first()) {
            (NewKind::Translation, Some((path, _))) => {
                t!("cli-new-translation-exists", path = path.as_str())
            }
            (NewKind::Case, _) => t!("cli-new-exists", kind = "case", slug = slug),
            _ => t!("cli-new-exists", kind = "course", slug = slug),
        };
        say(locale, message);
        return ExitCode::from(2);
    }
    for (path, text) in files {
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
