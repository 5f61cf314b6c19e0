//! `casebook new`: a new case, course or translation written from the site's own template.

use super::*;

use casebook::scaffold::{self, NewFile, Template};
use casebook::section::Section;

/// Arguments of `casebook new`.
#[derive(clap::Args)]
pub struct Args {
    /// What to create: a case, a course, or a translation of an existing case or course.
    #[arg(value_enum)]
    pub what: What,
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

/// What `casebook new` makes: a case folder with its default-language file, a course's
/// default-language file, or a translation of an existing case or course. (The variants have
/// no doc comments: clap would show them as help, in English only; `help-new-what` says it in
/// the user's language.)
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum What {
    Case,
    Course,
    Translation,
}

/// Runs the command.
pub fn run(args: Args, ui: &Ui) -> ExitCode {
    let Args {
        what,
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
    let made = match (what, into) {
        (What::Case, _) => scaffold::files(Template::Case, &slug, &config, &today),
        (What::Course, _) => scaffold::files(Template::Course, &slug, &config, &today),
        (What::Translation, None) => Err(t!("cli-new-translation-needs-lang")),
        (What::Translation, Some(lang)) => match existing(&root, &slug) {
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
    let code = write(&root, &files, what, &slug, locale);
    // The new file's first line points at the schemas: make sure they are there, and know
    // a new case's slug.
    let mut sources = sources;
    if what == What::Case {
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
fn existing(root: &std::path::Path, slug: &str) -> Option<Template> {
    [Template::Case, Template::Course]
        .into_iter()
        .find(|t| root.join(t.section().file(slug, None)).is_file())
}

/// Writes the new files, none of which may exist yet (nor, for a case, its folder).
fn write(
    root: &std::path::Path,
    files: &[NewFile],
    what: What,
    slug: &str,
    locale: Locale,
) -> ExitCode {
    let taken = match what {
        What::Case => root.join(Section::Case.prefix(slug)).exists(),
        _ => files.iter().any(|(p, _)| root.join(p).exists()),
    };
    if taken {
        let message = match (what, files.first()) {
            (What::Translation, Some((path, _))) => {
                t!("cli-new-translation-exists", path = path.as_str())
            }
            (What::Case, _) => t!("cli-new-exists", kind = "case", slug = slug),
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
                t!(
                    "cli-cannot-write",
                    path = path,
                    detail = casebook::i18n::os_text(&e)
                ),
            );
            return ExitCode::from(2);
        }
        say(locale, t!("cli-created", path = path.as_str()));
    }
    ExitCode::SUCCESS
}
