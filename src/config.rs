//! `content/site.yaml`: site settings, languages and the vocabularies every case is checked
//! against. Parsed from text; never touches the file system.

use indexmap::IndexMap;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceText, Span, suggest};
use crate::yaml::YamlDoc;

/// Index of a language in [`Config::languages`]; 0 is the default language.
pub type Lang = usize;

/// A text given once per language.
pub type Labels = IndexMap<Spanned<String>, String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    title: Labels,
    #[serde(default)]
    description: Labels,
    #[serde(default)]
    base_url: Option<String>,
    default_language: Spanned<String>,
    languages: IndexMap<Spanned<String>, LanguageFile>,
    #[serde(default)]
    theme: Option<Spanned<String>>,
    #[serde(default)]
    allow_html: bool,
    #[serde(default)]
    feed_limit: Option<usize>,
    #[serde(default)]
    page_size: Option<Spanned<usize>>,
    #[serde(default)]
    photos: Option<PhotosFile>,
    vocabularies: VocabulariesFile,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PhotosFile {
    widths: Option<Spanned<Vec<u32>>>,
    quality: Option<Spanned<u8>>,
    max_megapixels: Option<u64>,
    cache: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageFile {
    name: String,
    locale: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabulariesFile {
    methods: IndexMap<Spanned<String>, Labels>,
    challenges: IndexMap<Spanned<String>, Labels>,
    kinds: IndexMap<Spanned<String>, Labels>,
    roles: IndexMap<Spanned<String>, Labels>,
    provinces: IndexMap<Spanned<String>, Labels>,
    changes: IndexMap<Spanned<String>, Labels>,
}

/// One language the site is published in.
#[derive(Debug, Clone)]
pub struct Language {
    /// Short code used in file names (`index.en.md`) and URLs (`/en/`).
    pub code: String,
    /// Name shown in the language switch, in its own language.
    pub name: String,
    /// BCP 47 tag for `lang` attributes and `hreflang` (`zh-CN`).
    pub locale: String,
    /// URL prefix of its pages: empty for the default language, `en/` for the others.
    pub prefix: String,
}

/// One key of a vocabulary with its label in every language.
#[derive(Debug, Clone)]
pub struct Term {
    /// The key editors write (`co-decision`).
    pub key: String,
    /// Label per language, indexed by [`Lang`].
    pub labels: Vec<String>,
}

/// The six vocabularies, and everything casebook knows about each: its name in site.yaml,
/// front matter and URLs, its singular for messages and templates, its search parameter, and
/// whether a case names one term or several. Every list of vocabularies is made from
/// [`Vocab::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Vocab {
    /// The co- methods; each has pages of its own rather than term pages.
    Methods,
    /// Provinces.
    Provinces,
    /// Rural or urban.
    Kinds,
    /// Pilot, model point, reference.
    Roles,
    /// Problems a case solved.
    Challenges,
    /// The "five changes" a case shows.
    Changes,
}

impl Vocab {
    /// Every vocabulary, in the order pages, facets and templates list them.
    pub const ALL: [Vocab; 6] = [
        Vocab::Methods,
        Vocab::Provinces,
        Vocab::Kinds,
        Vocab::Roles,
        Vocab::Challenges,
        Vocab::Changes,
    ];

    /// The plural name: the key under `vocabularies:`, the front-matter field of the
    /// multi-valued ones and the folder of its term pages (`provinces`).
    pub const fn name(self) -> &'static str {
        match self {
            Vocab::Methods => "methods",
            Vocab::Provinces => "provinces",
            Vocab::Kinds => "kinds",
            Vocab::Roles => "roles",
            Vocab::Challenges => "challenges",
            Vocab::Changes => "changes",
        }
    }

    /// The singular (`province`): messages, and the field of the single-valued ones.
    pub const fn singular(self) -> &'static str {
        match self {
            Vocab::Methods => "method",
            Vocab::Provinces => "province",
            Vocab::Kinds => "kind",
            Vocab::Roles => "role",
            Vocab::Challenges => "challenge",
            Vocab::Changes => "change",
        }
    }

    /// The vocabulary of a plural name.
    pub fn from_name(name: &str) -> Option<Vocab> {
        Vocab::ALL.into_iter().find(|v| v.name() == name)
    }

    /// Whether a case names several of its terms (`methods: …`, `challenges: [...]`).
    pub const fn multi(self) -> bool {
        matches!(self, Vocab::Methods | Vocab::Challenges | Vocab::Changes)
    }

    /// The URL parameter that narrows a search by it, for those search can narrow by.
    pub const fn search_param(self) -> Option<&'static str> {
        match self {
            Vocab::Changes => None,
            v => Some(v.singular()),
        }
    }

    /// The vocabularies a search can narrow by, each with its URL parameter, in the order the
    /// search form and the index list them.
    pub fn facets() -> impl Iterator<Item = (&'static str, Vocab)> {
        Vocab::ALL
            .into_iter()
            .filter_map(|v| Some((v.search_param()?, v)))
    }

    /// Whether its terms have pages listing their cases (methods have pages of their own).
    pub const fn term_pages(self) -> bool {
        !matches!(self, Vocab::Methods)
    }
}

/// A closed list of keys (methods, provinces, …) declared once in site.yaml.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Which vocabulary this is.
    pub vocab: Vocab,
    /// The keys in the order site.yaml declares them; pages list them in that order.
    pub terms: Vec<Term>,
}

impl Vocabulary {
    /// Position of `key`, if declared.
    pub fn index(&self, key: &str) -> Option<usize> {
        self.terms.iter().position(|t| t.key == key)
    }

    /// Checks a key an editor wrote, with a "did you mean" hint when it is unknown.
    pub fn check(&self, doc: &YamlDoc<'_>, key: &Spanned<String>) -> Result<usize, Diagnostic> {
        self.index(&key.value).ok_or_else(|| {
            Diagnostic::error(
                doc.at(key),
                format!("unknown {} key `{}`", self.vocab.singular(), key.value),
            )
            .label(format!(
                "not declared under `vocabularies.{}` in content/site.yaml",
                self.vocab.name()
            ))
            .hint(suggest(
                &key.value,
                "the key",
                self.terms.iter().map(|t| t.key.as_str()),
            ))
        })
    }
}

/// All vocabularies of the site.
#[derive(Debug, Clone)]
pub struct Vocabularies {
    /// The co- methods; each has its own page.
    pub methods: Vocabulary,
    /// Problems a case solved.
    pub challenges: Vocabulary,
    /// Rural or urban.
    pub kinds: Vocabulary,
    /// Pilot, model point, reference.
    pub roles: Vocabulary,
    /// Provinces.
    pub provinces: Vocabulary,
    /// The "five changes" a case shows.
    pub changes: Vocabulary,
}

impl Vocabularies {
    /// The site's terms of one vocabulary.
    pub fn get(&self, v: Vocab) -> &Vocabulary {
        match v {
            Vocab::Methods => &self.methods,
            Vocab::Provinces => &self.provinces,
            Vocab::Kinds => &self.kinds,
            Vocab::Roles => &self.roles,
            Vocab::Challenges => &self.challenges,
            Vocab::Changes => &self.changes,
        }
    }
}

/// How photos are processed (from site.yaml `photos:`).
#[derive(Debug, Clone)]
pub struct PhotoSettings {
    /// Widths to produce, in pixels, ascending.
    pub widths: Vec<u32>,
    /// Lossy quality for WebP and JPEG, 1–100.
    pub quality: u8,
    /// Sources with more pixels than this are refused before decoding (decompression bombs).
    pub max_pixels: u64,
}

impl Default for PhotoSettings {
    fn default() -> Self {
        PhotoSettings {
            widths: vec![480, 960, 1600],
            quality: 80,
            max_pixels: 100_000_000,
        }
    }
}

/// Settings given on the command line, which take the place of site.yaml's.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--base-url`: the address the site is published at.
    pub base_url: Option<String>,
}

/// Validated site settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Site title per language.
    pub title: Vec<String>,
    /// One-sentence description per language.
    pub description: Vec<String>,
    /// Absolute URL the site is published at, without a trailing slash.
    pub base_url: String,
    /// Languages; the first is the default.
    pub languages: Vec<Language>,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// Where site.yaml names the theme (its first line when it names none), for a theme
    /// that cannot be found.
    pub theme_span: Span,
    /// Whether raw HTML in Markdown is passed through (escaped otherwise).
    pub allow_html: bool,
    /// How many entries the Atom feed carries.
    pub feed_limit: usize,
    /// How many cases (or practices, or matrix rows) a listing page shows.
    pub page_size: usize,
    /// How photos are processed.
    pub photos: PhotoSettings,
    /// Folder of the processed-photo cache, relative to the site root unless absolute.
    pub photo_cache: std::path::PathBuf,
    /// The closed lists of keys.
    pub vocab: Vocabularies,
}

impl Config {
    /// These settings with the command line's in place of site.yaml's.
    pub fn overridden(mut self, overrides: &Overrides) -> Config {
        if let Some(url) = &overrides.base_url {
            url.trim_end_matches('/').clone_into(&mut self.base_url);
        }
        self
    }

    /// The URL prefix of a language: empty for the default one, `en/` for English.
    pub fn prefix(&self, lang: Lang) -> &str {
        &self.languages[lang].prefix
    }

    /// Finds a language by its code.
    pub fn lang(&self, code: &str) -> Option<Lang> {
        self.languages.iter().position(|l| l.code == code)
    }

    /// Parses and checks site.yaml, reporting every problem at once.
    pub fn parse(source: &SourceText, diags: &mut Diagnostics) -> Option<Config> {
        let doc = YamlDoc {
            source,
            yaml: &source.text,
            first_line: 1,
        };
        let file: SiteFile = match doc.parse() {
            Ok(f) => f,
            Err(d) => {
                diags.push(d);
                return None;
            }
        };
        let before = diags.error_count();

        let mut languages = Vec::new();
        let default = &file.default_language;
        let Some(default_entry) = file
            .languages
            .iter()
            .find(|(k, _)| k.value == default.value)
        else {
            diags.push(
                Diagnostic::error(
                    doc.at(default),
                    format!(
                        "default language `{}` is not listed under `languages`",
                        default.value
                    ),
                )
                .hint(suggest(
                    &default.value,
                    "the language",
                    file.languages.keys().map(|k| k.value.as_str()),
                )),
            );
            return None;
        };
        let ordered = std::iter::once(default_entry).chain(
            file.languages
                .iter()
                .filter(|(k, _)| k.value != default.value),
        );
        for (code, l) in ordered {
            let valid = !code.value.is_empty()
                && code
                    .value
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-');
            if !valid {
                diags.push(
                    Diagnostic::error(
                        doc.at(code),
                        format!(
                            "language code `{}` is not a lower-case ASCII code",
                            code.value
                        ),
                    )
                    .hint(
                        "use a short code such as `zh` or `en`; it appears in file names and URLs",
                    ),
                );
            }
            let prefix = if languages.is_empty() {
                String::new()
            } else {
                format!("{}/", code.value)
            };
            languages.push(Language {
                code: code.value.clone(),
                name: l.name.clone(),
                locale: l.locale.clone(),
                prefix,
            });
        }

        let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
        let title = labels(&doc, "title", default, &file.title, &codes, diags);
        let description = if file.description.is_empty() {
            vec![String::new(); codes.len()]
        } else {
            labels(
                &doc,
                "description",
                default,
                &file.description,
                &codes,
                diags,
            )
        };

        let v = &file.vocabularies;
        let vocab = Vocabularies {
            methods: vocabulary(&doc, Vocab::Methods, &v.methods, &codes, diags),
            challenges: vocabulary(&doc, Vocab::Challenges, &v.challenges, &codes, diags),
            kinds: vocabulary(&doc, Vocab::Kinds, &v.kinds, &codes, diags),
            roles: vocabulary(&doc, Vocab::Roles, &v.roles, &codes, diags),
            provinces: vocabulary(&doc, Vocab::Provinces, &v.provinces, &codes, diags),
            changes: vocabulary(&doc, Vocab::Changes, &v.changes, &codes, diags),
        };

        let page_size = file.page_size.as_ref().map_or(Ok(60), |p| {
            if (1..=1000).contains(&p.value) {
                Ok(p.value)
            } else {
                Err(
                    Diagnostic::error(doc.at(p), format!("page_size {} is out of range", p.value))
                        .hint("use a number from 1 to 1000; 60 is the default"),
                )
            }
        });
        let page_size = page_size.unwrap_or_else(|d| {
            diags.push(d);
            60
        });
        let mut photos = PhotoSettings::default();
        let mut photo_cache = std::path::PathBuf::from(".casebook-cache");
        if let Some(p) = &file.photos {
            if let Some(w) = &p.widths {
                let mut widths = w.value.clone();
                widths.sort_unstable();
                widths.dedup();
                if widths.is_empty() || widths.iter().any(|&x| !(16..=8192).contains(&x)) {
                    diags.push(
                        Diagnostic::error(
                            doc.at(w),
                            "photo widths must be between 16 and 8192 pixels",
                        )
                        .hint("for example `widths: [480, 960, 1600]`"),
                    );
                } else {
                    photos.widths = widths;
                }
            }
            if let Some(q) = &p.quality {
                if (1..=100).contains(&q.value) {
                    photos.quality = q.value;
                } else {
                    diags.push(
                        Diagnostic::error(doc.at(q), "photo quality must be from 1 to 100")
                            .hint("80 is a good balance of size and quality"),
                    );
                }
            }
            if let Some(m) = p.max_megapixels {
                photos.max_pixels = m.saturating_mul(1_000_000);
            }
            if let Some(c) = &p.cache {
                photo_cache = c.into();
            }
        }
        let base_url = file
            .base_url
            .unwrap_or_else(|| "http://localhost".to_owned());
        if diags.error_count() > before {
            return None;
        }
        Some(Config {
            title,
            description,
            base_url: base_url.trim_end_matches('/').to_owned(),
            languages,
            theme_span: file
                .theme
                .as_ref()
                .map_or_else(|| source.whole(), |t| doc.at(t)),
            theme: file.theme.map_or_else(|| "default".to_owned(), |t| t.value),
            allow_html: file.allow_html,
            feed_limit: file.feed_limit.unwrap_or(50),
            page_size,
            photos,
            photo_cache,
            vocab,
        })
    }
}

/// Checks that a per-language text has every language and no other, and orders it by [`Lang`].
fn labels(
    doc: &YamlDoc<'_>,
    what: &str,
    anchor: &Spanned<String>,
    given: &Labels,
    codes: &[&str],
    diags: &mut Diagnostics,
) -> Vec<String> {
    for k in given.keys() {
        if !codes.contains(&k.value.as_str()) {
            diags.push(
                Diagnostic::error(
                    doc.at(k),
                    format!("`{}` is not a language of this site", k.value),
                )
                .hint(suggest(&k.value, "the language", codes.iter().copied())),
            );
        }
    }
    codes
        .iter()
        .map(|code| match given.iter().find(|(k, _)| k.value == *code) {
            Some((_, v)) => v.clone(),
            None => {
                let at = given.keys().next().unwrap_or(anchor);
                diags.push(
                    Diagnostic::error(doc.at(at), format!("{what} has no `{code}` text")).hint(
                        format!("add `{code}: …` so pages in that language have a label"),
                    ),
                );
                String::new()
            }
        })
        .collect()
}

fn vocabulary(
    doc: &YamlDoc<'_>,
    vocab: Vocab,
    entries: &IndexMap<Spanned<String>, Labels>,
    codes: &[&str],
    diags: &mut Diagnostics,
) -> Vocabulary {
    let terms = entries
        .iter()
        .map(|(key, l)| {
            if !is_key(&key.value) {
                diags.push(
                    Diagnostic::error(doc.at(key), format!("vocabulary key `{}` is not a valid key", key.value))
                        .hint("keys are lower-case ASCII letters, digits and `-` (`co-decision`); they appear in URLs"),
                );
            }
            Term { key: key.value.clone(), labels: labels(doc, &format!("`{}`", key.value), key, l, codes, diags) }
        })
        .collect();
    Vocabulary { vocab, terms }
}

/// Whether `s` is a valid key or slug: lower-case ASCII letters, digits and inner hyphens.
pub fn is_key(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
