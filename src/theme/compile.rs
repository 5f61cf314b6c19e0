//! The theme stage's second half: the theme compiled for rendering — its templates parsed (and minified once), its UI strings
//! read, its static files fingerprinted; template errors as diagnostics.

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText, Span};
use crate::output::{OutData, OutFile};
use crate::t;
use crate::theme::Theme;
use crate::views;
use indexmap::IndexMap;
use tera::{Tera, Value};

/// A theme compiled and ready to render any number of times: what the theme stage makes and
/// the render stage (`crate::render`) renders pages with.
pub struct Renderer {
    /// The templates as written: diagnostics point into these.
    pub(crate) tera: Tera,
    /// The same templates minified, when any of them could be.
    pub(crate) tera_min: Option<Tera>,
    pub(crate) templates: Vec<(String, SourceText)>,
    pub(crate) i18n: Vec<Value>,
    /// The same UI strings, for labels made here (navigation).
    pub(crate) strings: Vec<IndexMap<String, String>>,
    pub(crate) assets: Value,
    pub(crate) static_files: Vec<OutFile>,
}

/// A Tera error as a diagnostic pointing at the template file and line.
pub fn tera_diagnostic(e: &tera::Error, templates: &[(String, SourceText)]) -> Diagnostic {
    use tera::ErrorKind;
    let report = match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    let mut message = e.to_string();
    if let Some(src) = std::error::Error::source(e) {
        message = format!("{message}: {src}");
    }
    match report {
        Some(r) => {
            let file = templates.iter().find(|(n, _)| n == r.filename());
            let span = match file {
                Some((_, s)) => s.span_at(
                    r.span().start_line,
                    r.span().start_col + 1,
                    r.span().range.len().max(1),
                ),
                None => Span::file_only(format!("templates/{}", r.filename())),
            };
            Diagnostic::error(span, t!("theme-template-error", detail = r.message()))
                .hint(t!("theme-template-error-hint"))
        }
        None => {
            let first_line = message.lines().next().unwrap_or("").to_owned();
            Diagnostic::error(
                Span::file_only("templates"),
                t!("theme-template-error", detail = first_line),
            )
            .hint(t!("theme-template-error-detail-hint", detail = message))
        }
    }
}

impl Renderer {
    /// Compiles the theme's templates and reads its UI strings.
    pub fn new(theme: &Theme, config: &Config, diags: &mut Diagnostics) -> Option<Renderer> {
        let mut templates = Vec::new();
        for (name, f) in theme.under("templates") {
            match std::str::from_utf8(&f.bytes) {
                Ok(text) => {
                    templates.push((name.to_owned(), SourceText::new(f.display.clone(), text)))
                }
                Err(_) => diags.push(Diagnostic::error(
                    Span::file_only(&f.display),
                    t!("theme-template-not-utf8"),
                )),
            }
        }
        let compile = |sources: Vec<(&str, &str)>| {
            let mut tera = Tera::new();
            tera.autoescape_on([".html", ".xml"]);
            tera.add_raw_templates(sources).map(|()| tera)
        };
        let tera = match compile(
            templates
                .iter()
                .map(|(n, s)| (n.as_str(), &*s.text))
                .collect(),
        ) {
            Ok(t) => t,
            Err(e) => {
                diags.push(tera_diagnostic(&e, &templates));
                return None;
            }
        };
        // Minified once here, so no page needs minifying. A template that cannot be minified
        // safely is used as written.
        let minified: Vec<(&str, Option<String>)> = templates
            .iter()
            .map(|(n, s)| {
                let min = n
                    .ends_with(".html")
                    .then(|| crate::minify::template(&s.text))
                    .flatten();
                (n.as_str(), min)
            })
            .collect();
        let tera_min = if minified.iter().any(|(_, m)| m.is_some()) {
            compile(
                minified
                    .iter()
                    .zip(&templates)
                    .map(|((n, m), (_, s))| (*n, m.as_deref().unwrap_or(&s.text)))
                    .collect(),
            )
            .ok()
        } else {
            None
        };
        for required in [
            "index.html",
            "library.html",
            "case.html",
            "method.html",
            "methods.html",
            "practices.html",
            "matrix.html",
            "taxonomy.html",
            "term.html",
            "courses.html",
            "course.html",
            "page.html",
            "404.html",
            "atom.xml",
            "sitemap.xml",
            "robots.txt",
        ] {
            if !tera.contains_template(required) {
                diags.push(
                    Diagnostic::error(
                        Span::file_only(format!("themes/{}/templates/{required}", theme.name)),
                        t!(
                            "theme-template-missing",
                            theme = &theme.name,
                            template = required
                        ),
                    )
                    .hint(t!("theme-template-missing-hint")),
                );
            }
        }

        let mut i18n: Vec<Value> = Vec::new();
        let mut ui_strings: Vec<IndexMap<String, String>> = Vec::new();
        let mut default_strings: Option<IndexMap<String, String>> = None;
        for lang in &config.languages {
            let file = theme
                .under("i18n")
                .find(|(n, _)| *n == format!("{}.yaml", lang.code))
                .map(|(_, f)| f);
            let Some(file) = file else {
                diags.push(
                    Diagnostic::error(
                        Span::file_only(format!("themes/{}/i18n/{}.yaml", theme.name, lang.code)),
                        t!(
                            "theme-strings-missing",
                            theme = &theme.name,
                            code = &lang.code
                        ),
                    )
                    .hint(t!("theme-strings-missing-hint")),
                );
                continue;
            };
            let text = String::from_utf8_lossy(&file.bytes).into_owned();
            let source = SourceText::new(file.display.clone(), text);
            let doc = crate::yaml::YamlDoc {
                source: &source,
                yaml: &source.text,
                first_line: 1,
            };
            let mut strings: IndexMap<String, String> = match doc.parse() {
                Ok(s) => s,
                Err(d) => {
                    diags.push(d);
                    continue;
                }
            };
            match &default_strings {
                None => default_strings = Some(strings.clone()),
                Some(def) => {
                    for (k, v) in def {
                        if !strings.contains_key(k) {
                            diags.push(
                                Diagnostic::warning(
                                    source.whole(),
                                    t!("theme-string-missing", key = k),
                                )
                                .hint(t!(
                                    "theme-string-missing-hint",
                                    key = k,
                                    text = v
                                )),
                            );
                            strings.insert(k.clone(), v.clone());
                        }
                    }
                }
            }
            i18n.push(views::value(&strings));
            ui_strings.push(strings);
        }

        let mut assets = IndexMap::new();
        let mut static_files = Vec::new();
        for (name, f) in theme.under("static") {
            let hash = blake3::hash(&f.bytes).to_hex();
            // Every asset is fingerprinted, so hosts may cache all of assets/ for good.
            let out = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("assets/{stem}.{}.{ext}", &hash[..10]),
                None => format!("assets/{name}.{}", &hash[..10]),
            };
            assets.insert(name.to_owned(), out.clone());
            static_files.push(OutFile {
                path: out,
                data: OutData::Bytes(f.bytes.to_vec()),
            });
        }
        if diags.has_errors() {
            return None;
        }
        Some(Renderer {
            tera,
            tera_min,
            templates,
            i18n,
            strings: ui_strings,
            assets: views::value(&assets),
            static_files,
        })
    }
}
