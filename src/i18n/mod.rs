//! Every text casebook says to a person — diagnostics, their labels and hints, command-line
//! messages — in Chinese and in English, from Project Fluent files (`zh/*.ftl`, `en/*.ftl`). Code
//! names a text by its id with [`t!`](crate::t); the language is chosen once, where the text
//! is shown, so the same diagnostic can reach a terminal in one language and a test in another.

use std::fmt;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The Fluent files of one language: the messages of the command line and of diagnostics in
/// general, of the content stage, of the site's settings, theme and photos, and the
/// descriptions of fields that editors' tools show. Every
/// language has the same files with the same message ids (`tests/i18n.rs`).
macro_rules! fluent_files {
    ($lang:literal) => {
        [
            include_str!(concat!($lang, "/cli.ftl")),
            include_str!(concat!($lang, "/content.ftl")),
            include_str!(concat!($lang, "/site.ftl")),
            include_str!(concat!($lang, "/schema.ftl")),
        ]
    };
}

/// The Fluent sources, by locale, in the order of [`Locale::ALL`].
pub const SOURCES: [(&str, [&str; 4]); 2] =
    [("zh-CN", fluent_files!("zh")), ("en", fluent_files!("en"))];

/// A language casebook speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    /// Simplified Chinese.
    Zh,
    /// English.
    En,
}

impl Locale {
    /// Every language casebook speaks.
    pub const ALL: [Locale; 2] = [Locale::Zh, Locale::En];

    /// The language of a tag as `--lang`, `LANG`, `LC_ALL` or site.yaml write it (`zh`,
    /// `zh-CN`, `zh_CN.UTF-8`, `en_US`), if casebook speaks it.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Locale::Zh),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The language to speak: `--lang` if given, else the first of `LC_ALL`, `LC_MESSAGES`
    /// and `LANG` that names one casebook speaks, else the site's default language, else
    /// Chinese (the language of most editors). `env` reads an environment variable.
    pub fn choose(
        flag: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
        site_default: Option<&str>,
    ) -> Locale {
        flag.and_then(Locale::from_tag)
            .or_else(|| {
                ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .iter()
                    .filter_map(|v| env(v))
                    .find_map(|t| Locale::from_tag(&t))
            })
            .or_else(|| site_default.and_then(Locale::from_tag))
            .unwrap_or(Locale::Zh)
    }

    fn index(self) -> usize {
        match self {
            Locale::Zh => 0,
            Locale::En => 1,
        }
    }
}

/// The compiled Fluent bundles, in the order of [`Locale::ALL`]. A syntax error in a Fluent
/// file leaves its other messages usable; `tests/i18n.rs` fails on any.
static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(tag, files)| {
            let lang: LanguageIdentifier = tag.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![lang]);
            // Terminals and JSON show text as it is: no invisible isolation marks around
            // arguments.
            bundle.set_use_isolating(false);
            for source in files {
                let resource =
                    FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
                let _ = bundle.add_resource(resource);
            }
            bundle
        })
        .collect()
});

/// The value of one argument of a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, shown as it is.
    Str(String),
    /// A number, which Fluent can choose a plural form by.
    Num(i64),
    /// Another text, shown in the same language.
    Text(Box<Text>),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Self {
        Arg::Text(Box::new(t))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(usize, u8, u32, u64, i32, i64);

/// A text to show a person: a message id of the Fluent files and its arguments, put into
/// words when it is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Text {
    /// The text `id`, without arguments yet.
    pub fn new(id: &'static str) -> Text {
        Text {
            id,
            args: Vec::new(),
        }
    }

    /// This text with one more argument.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Text {
        self.args.push((name, value.into()));
        self
    }

    /// Its Fluent message id.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The text in `locale`. A message missing from that language's file falls back to
    /// English, and one missing from both shows its id (the tests forbid both).
    pub fn in_locale(&self, locale: Locale) -> String {
        self.format(locale)
            .or_else(|| self.format(Locale::En))
            .unwrap_or_else(|| self.id.to_owned())
    }

    /// The text in English, as tests compare it.
    pub fn en(&self) -> String {
        self.in_locale(Locale::En)
    }

    fn format(&self, locale: Locale) -> Option<String> {
        let bundle = BUNDLES.get(locale.index())?;
        let pattern = bundle.get_message(self.id)?.value()?;
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let v = match value {
                Arg::Str(s) => FluentValue::from(s.as_str()),
                Arg::Num(n) => FluentValue::from(*n),
                Arg::Text(t) => FluentValue::from(t.in_locale(locale)),
            };
            args.set(*name, v);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        Some(text.into_owned())
    }
}

impl fmt::Display for Text {
    /// English: for logs and errors that reach developers, not editors.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

/// A text named by its Fluent id, with named arguments:
/// `t!("did-you-mean", best = &key)`.
#[macro_export]
macro_rules! t {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Text::new($id)$(.arg(stringify!($name), $value))*
    };
}

/// A text carried inside an [`std::io::Error`], so code on IO paths keeps `io::Result` and the
/// words are still said in the reader's language where the error is shown ([`io_text`]).
#[derive(Debug)]
struct Said(Text);

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.en())
    }
}

impl std::error::Error for Said {}

/// An IO error of `kind` that says `text`.
pub fn io_error(kind: std::io::ErrorKind, text: Text) -> std::io::Error {
    std::io::Error::new(kind, Said(text))
}

/// What an IO error says, in `locale` when casebook wrote its words (the system's own
/// descriptions, such as "permission denied", come as the system gives them).
pub fn io_text(e: &std::io::Error, locale: Locale) -> String {
    match e.get_ref().and_then(|inner| inner.downcast_ref::<Said>()) {
        Some(said) => said.0.in_locale(locale),
        None => os_text(e).in_locale(locale),
    }
}

/// What went wrong with a file, said in the reader's language for what editors meet (a file
/// missing, not permitted, in use, a full disk); other errors as the system gives them.
pub fn os_text(e: &std::io::Error) -> Text {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => crate::t!("io-not-found"),
        K::PermissionDenied => crate::t!("io-permission-denied"),
        K::AlreadyExists => crate::t!("io-already-exists"),
        K::StorageFull => crate::t!("io-storage-full"),
        K::ReadOnlyFilesystem => crate::t!("io-read-only"),
        K::ResourceBusy => crate::t!("io-busy"),
        K::IsADirectory => crate::t!("io-is-a-directory"),
        K::NotADirectory => crate::t!("io-not-a-directory"),
        K::InvalidFilename => crate::t!("io-invalid-filename"),
        _ => crate::t!("io-other", detail = e.to_string()),
    }
}

/// An IO error about `path`: what it is, and what went wrong, each said in the reader's
/// language where the error is shown.
pub fn io_error_at(path: &std::path::Path, e: &std::io::Error) -> std::io::Error {
    io_error(
        e.kind(),
        crate::t!(
            "io-at",
            path = path.display().to_string(),
            detail = os_text(e)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_errors_editors_meet_are_said_in_both_languages() {
        use std::io::ErrorKind as K;
        for kind in [
            K::NotFound,
            K::PermissionDenied,
            K::AlreadyExists,
            K::StorageFull,
            K::ReadOnlyFilesystem,
            K::ResourceBusy,
            K::IsADirectory,
            K::NotADirectory,
            K::InvalidFilename,
        ] {
            let t = os_text(&std::io::Error::from(kind));
            assert_ne!(t.id(), "io-other", "{kind:?}");
            assert_ne!(t.in_locale(Locale::Zh), t.en(), "{kind:?}");
        }
        let other = std::io::Error::other("strange");
        assert_eq!(os_text(&other).en(), "strange");
        let at = io_error_at(
            std::path::Path::new("public/x"),
            &K::PermissionDenied.into(),
        );
        assert_eq!(
            io_text(&at, Locale::Zh),
            "public/x：没有权限：系统不允许 casebook 读写它（它是否正被另一个程序打开，或者在不能写入的文件夹里？）"
        );
    }

    #[test]
    fn locales_are_read_from_the_tags_systems_write() {
        assert_eq!(Locale::from_tag("zh_CN.UTF-8"), Some(Locale::Zh));
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("C.UTF-8"), None);
        let env = |v: &str| (v == "LANG").then(|| "C.UTF-8".to_owned());
        assert_eq!(Locale::choose(None, env, Some("en")), Locale::En);
        assert_eq!(Locale::choose(Some("zh"), env, Some("en")), Locale::Zh);
        assert_eq!(Locale::choose(None, |_| None, None), Locale::Zh);
    }
}
