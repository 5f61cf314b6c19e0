//! `content/site.yaml`: site settings, languages and the vocabularies every case is checked
//! against. Parsed from text; never touches the file system.

use indexmap::IndexMap;
use serde_saphyr::Spanned;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceText, Span, suggest};
use crate::i18n::Text;
use crate::t;
use crate::yaml::YamlDoc;

pub(crate) mod file;
mod synonyms;
mod vocab;

use file::*;
pub use vocab::*;

mod lang;
pub use lang::Lang;

/// A text given once per language.
pub type Labels = IndexMap<Spanned<String>, String>;

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
    /// Groups of words that mean the same, per language ([`Lang`]): a search for one finds the
    /// others too.
    pub synonyms: Vec<Vec<Vec<String>>>,
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
        self.languages.iter().position(|l| l.code == code).map(Lang)
    }

    /// Every language of the site, the default first.
    pub fn langs(&self) -> impl Iterator<Item = Lang> + use<> {
        Lang::all(self.languages.len())
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

        let default = &file.default_language;
        let languages = languages(&doc, &file, diags)?;

        let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
        let title = labels(
            &doc,
            t!("config-what-title"),
            default,
            &file.title,
            &codes,
            diags,
        );
        let description = if file.description.is_empty() {
            vec![String::new(); codes.len()]
        } else {
            labels(
                &doc,
                t!("config-what-description"),
                default,
                &file.description,
                &codes,
                diags,
            )
        };

        let vocab = vocabularies(&doc, &file.vocabularies, &codes, diags);

        let synonyms = synonyms::synonyms(
            &doc,
            file.search.as_ref().map(|s| &s.synonyms),
            &codes,
            diags,
        );
        let page_size = page_size(&doc, file.page_size.as_ref(), diags);
        let (photos, photo_cache) = photo_settings(&doc, file.photos.as_ref(), diags);
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
            synonyms,
        })
    }
}

/// The six vocabularies, each checked.
fn vocabularies(
    doc: &YamlDoc<'_>,
    v: &VocabulariesFile,
    codes: &[&str],
    diags: &mut Diagnostics,
) -> Vocabularies {
    Vocabularies {
        methods: vocabulary(doc, Vocab::Methods, &v.methods, codes, diags),
        challenges: vocabulary(doc, Vocab::Challenges, &v.challenges, codes, diags),
        kinds: vocabulary(doc, Vocab::Kinds, &v.kinds, codes, diags),
        roles: vocabulary(doc, Vocab::Roles, &v.roles, codes, diags),
        provinces: vocabulary(doc, Vocab::Provinces, &v.provinces, codes, diags),
        changes: vocabulary(doc, Vocab::Changes, &v.changes, codes, diags),
    }
}

/// Checks that a per-language text has every language and no other, and orders it by [`Lang`].
pub(super) fn labels(
    doc: &YamlDoc<'_>,
    what: Text,
    anchor: &Spanned<String>,
    given: &Labels,
    codes: &[&str],
    diags: &mut Diagnostics,
) -> Vec<String> {
    for k in given.keys() {
        if !codes.contains(&k.value.as_str()) {
            diags.push(
                Diagnostic::error(doc.at(k), t!("config-not-a-language", code = &k.value)).hint(
                    suggest(&k.value, t!("what-language"), codes.iter().copied()),
                ),
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
                    Diagnostic::error(
                        doc.at(at),
                        t!("config-label-missing", what = what.clone(), code = *code),
                    )
                    .hint(t!("config-label-missing-hint", code = *code)),
                );
                String::new()
            }
        })
        .collect()
}

/// The site's languages, the default one first, each with its URL prefix.
fn languages(doc: &YamlDoc<'_>, file: &SiteFile, diags: &mut Diagnostics) -> Option<Vec<Language>> {
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
                t!("config-default-language-unlisted", code = &default.value),
            )
            .hint(suggest(
                &default.value,
                t!("what-language"),
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
                    t!("config-language-code-invalid", code = &code.value),
                )
                .hint(t!("config-language-code-invalid-hint")),
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
    Some(languages)
}

/// How many entries a listing page shows: 60 unless site.yaml says otherwise.
fn page_size(doc: &YamlDoc<'_>, given: Option<&Spanned<usize>>, diags: &mut Diagnostics) -> usize {
    match given {
        None => 60,
        Some(p) if (1..=1000).contains(&p.value) => p.value,
        Some(p) => {
            diags.push(
                Diagnostic::error(
                    doc.at(p),
                    t!("config-page-size-range", size = p.value.to_string()),
                )
                .hint(t!("config-page-size-range-hint")),
            );
            60
        }
    }
}

/// How photos are processed, and where processed photos are cached.
fn photo_settings(
    doc: &YamlDoc<'_>,
    given: Option<&PhotosFile>,
    diags: &mut Diagnostics,
) -> (PhotoSettings, std::path::PathBuf) {
    let mut photos = PhotoSettings::default();
    let mut photo_cache = std::path::PathBuf::from(".casebook-cache");
    if let Some(p) = given {
        if let Some(w) = &p.widths {
            let mut widths = w.value.clone();
            widths.sort_unstable();
            widths.dedup();
            if widths.is_empty() || widths.iter().any(|&x| !(16..=8192).contains(&x)) {
                diags.push(
                    Diagnostic::error(doc.at(w), t!("config-photo-widths"))
                        .hint(t!("config-photo-widths-hint")),
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
                    Diagnostic::error(doc.at(q), t!("config-photo-quality"))
                        .hint(t!("config-photo-quality-hint")),
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
    (photos, photo_cache)
}
