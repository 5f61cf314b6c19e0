//! The command line's help in the user's language. clap writes help from the English doc
//! comments of the argument types; here each command's description, each argument's help,
//! the headings and the `--help`/`--version` flags are said again from the Fluent files, in
//! the language chosen before the arguments are parsed.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use super::*;

/// The language of the help and of usage errors: `--lang` as written among the arguments,
/// else the environment, else the default language of the site `--root` names (or `.`).
pub fn locale_of(args: &[OsString]) -> Locale {
    let value = |name: &str| {
        let long = format!("--{name}");
        let prefix = format!("--{name}=");
        args.iter().enumerate().find_map(|(i, a)| {
            let a = a.to_string_lossy();
            match a.strip_prefix(&prefix) {
                Some(v) => Some(v.to_owned()),
                None if a == long => args.get(i + 1).map(|v| v.to_string_lossy().into_owned()),
                None => None,
            }
        })
    };
    let root = value("root").unwrap_or_else(|| ".".to_owned());
    let site = casebook::load::site_language(std::path::Path::new(&root));
    Locale::choose(
        value("lang").as_deref(),
        |v| std::env::var(v).ok(),
        site.as_deref(),
    )
}

/// A usage error (a mistyped command, option or value) in the user's language, and what
/// was probably meant; `None` for the rarer kinds, which clap says in English.
pub fn usage_error(e: &clap::Error) -> Option<(Text, Option<Text>)> {
    let one = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) if !v.is_empty() => Some(v.join(", ")),
        _ => None,
    };
    let meant = |kind| one(kind).map(|s| t!("usage-did-you-mean", suggestion = s));
    Some(match e.kind() {
        ErrorKind::InvalidSubcommand => (
            t!(
                "usage-unknown-command",
                command = one(ContextKind::InvalidSubcommand)?
            ),
            meant(ContextKind::SuggestedSubcommand),
        ),
        ErrorKind::UnknownArgument => (
            t!(
                "usage-unknown-option",
                option = one(ContextKind::InvalidArg)?
            ),
            meant(ContextKind::SuggestedArg),
        ),
        ErrorKind::MissingRequiredArgument => {
            let usage = e.get(ContextKind::Usage).map(ToString::to_string);
            let usage = usage.as_deref().unwrap_or_default();
            let usage = usage.trim_start_matches("Usage:").trim();
            let what = one(ContextKind::InvalidArg)?;
            (t!("usage-missing", what = what, usage = usage), None)
        }
        ErrorKind::InvalidValue => (
            t!(
                "usage-invalid-value",
                value = one(ContextKind::InvalidValue)?,
                option = one(ContextKind::InvalidArg)?,
                valid = one(ContextKind::ValidValue).unwrap_or_default()
            ),
            None,
        ),
        ErrorKind::ValueValidation => (
            t!(
                "usage-bad-value",
                value = one(ContextKind::InvalidValue)?,
                option = one(ContextKind::InvalidArg)?
            ),
            None,
        ),
        _ => return None,
    })
}

/// `cmd` with its help in `locale`.
pub fn localized(cmd: Command, locale: Locale) -> Command {
    let mut cmd = shared(cmd, locale)
        .about(t!("help-about").in_locale(locale))
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(902)
                .help_heading(t!("help-options").in_locale(locale))
                .help(t!("help-version").in_locale(locale)),
        );
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |s| {
            let about = command_about(&name).map(|t| t.in_locale(locale));
            let s = shared(s, locale);
            match about {
                Some(about) => s.about(about),
                None => s,
            }
        });
    }
    cmd
}

/// What the top command and every subcommand share: headings, the template, a `--help`
/// flag that speaks the language, and each argument's help.
fn shared(cmd: Command, locale: Locale) -> Command {
    let say = |t: Text| t.in_locale(locale);
    let usage = say(t!("help-usage"));
    // A full-width colon carries its own space.
    let gap = if usage.ends_with('：') { "" } else { " " };
    let template =
        format!("{{about-with-newline}}\n{usage}{gap}{{usage}}\n\n{{all-args}}{{after-help}}");
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let name = cmd.get_name().to_owned();
    let mut cmd = cmd
        .disable_help_flag(true)
        .help_template(template)
        .subcommand_help_heading(say(t!("help-commands")))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .display_order(901)
                .help_heading(say(t!("help-options")))
                .help(say(t!("help-help"))),
        );
    for (order, id) in ids.into_iter().enumerate() {
        let help = arg_help(&name, &id).map(say);
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                t!("help-arguments")
            } else {
                t!("help-options")
            };
            // Defaults and choices are said in each help text, in its language.
            let takes_values = a.get_action().takes_values();
            let a = a
                .help_heading(say(heading))
                // The language flag, shared by every command, comes after a command's own.
                .display_order(if id == "lang" { 900 } else { order })
                .hide_default_value(takes_values)
                .hide_possible_values(takes_values);
            match help {
                Some(h) => a.help(h),
                None => a,
            }
        });
    }
    cmd
}

/// What a subcommand does.
fn command_about(name: &str) -> Option<Text> {
    Some(match name {
        "build" => t!("help-build"),
        "check" => t!("help-check"),
        "serve" => t!("help-serve"),
        "list" => t!("help-list"),
        "new" => t!("help-new"),
        "schema" => t!("help-schema"),
        _ => return None,
    })
}

/// The help of argument `id` of command `command`.
fn arg_help(command: &str, id: &str) -> Option<Text> {
    Some(match (command, id) {
        ("casebook", "lang") => t!("help-lang"),
        (_, "root") => t!("help-root"),
        ("serve", "port") => t!("help-serve-port"),
        ("serve", "bind") => t!("help-serve-bind"),
        ("serve", "drafts") => t!("help-serve-drafts"),
        ("serve", "no_drafts") => t!("help-serve-no-drafts"),
        ("serve", "open") => t!("help-serve-open"),
        ("serve" | "check", "poll") => t!("help-poll"),
        ("build", "out") => t!("help-build-out"),
        ("build", "drafts") => t!("help-build-drafts"),
        ("build" | "check", "strict") => t!("help-strict"),
        ("build", "base_url") => t!("help-build-base-url"),
        ("build", "zip") => t!("help-build-zip"),
        ("check", "format") => t!("help-check-format"),
        ("check", "drafts") => t!("help-check-drafts"),
        ("check", "watch") => t!("help-check-watch"),
        ("list", "drafts") => t!("help-list-drafts"),
        ("list", "untranslated") => t!("help-list-untranslated"),
        ("new", "what") => t!("help-new-what"),
        ("new", "slug") => t!("help-new-slug"),
        ("new", "into") => t!("help-new-into"),
        ("schema", "out") => t!("help-schema-out"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every argument of every command, by command.
    fn arguments(cmd: &Command) -> Vec<(String, &Arg)> {
        let mut out: Vec<(String, &Arg)> = cmd
            .get_arguments()
            .map(|a| (cmd.get_name().to_owned(), a))
            .collect();
        for s in cmd.get_subcommands() {
            out.extend(s.get_arguments().map(|a| (s.get_name().to_owned(), a)));
        }
        out
    }

    #[test]
    fn every_command_and_argument_has_help_in_both_languages() {
        let zh = localized(Cli::command(), Locale::Zh);
        let en = localized(Cli::command(), Locale::En);
        // clap's own consistency checks, which otherwise run only when a command is parsed.
        zh.clone().debug_assert();
        for s in zh.get_subcommands() {
            s.clone().debug_assert();
        }
        for ((command, a), (_, b)) in arguments(&zh).into_iter().zip(arguments(&en)) {
            let (a, b) = (a.get_help(), b.get_help());
            let id = format!("{command} {:?}", b.map(ToString::to_string));
            assert!(a.is_some() && b.is_some(), "no help: {id}");
            assert_ne!(
                a.map(ToString::to_string),
                b.map(ToString::to_string),
                "{id}"
            );
        }
        for (s, t) in zh.get_subcommands().zip(en.get_subcommands()) {
            assert!(s.get_about().is_some(), "{}", s.get_name());
            assert_ne!(
                s.get_about().map(ToString::to_string),
                t.get_about().map(ToString::to_string)
            );
        }
    }

    #[test]
    fn the_language_is_read_from_the_arguments_before_they_are_parsed() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            locale_of(&args(&["casebook", "--lang", "en", "x"])),
            Locale::En
        );
        assert_eq!(
            locale_of(&args(&["casebook", "build", "--lang=zh"])),
            Locale::Zh
        );
    }
}
