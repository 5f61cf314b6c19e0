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
        let templates = read_templates(theme, diags);
        let sources = templates.iter().map(|(n, s)| (n.as_str(), &*s.text));
        let tera = match compile(sources.collect()) {
            Ok(t) => t,
            Err(e) => {
                diags.push(tera_diagnostic(&e, &templates));
                return None;
            }
        };
        check_required(&tera, theme, diags);
        let tera_min = minified(&templates);
        let (i18n, strings) = ui_strings(theme, config, diags);
        let (assets, static_files) = fingerprinted(theme);
        if diags.has_errors() {
            return None;
        }
        Some(Renderer {
            tera,
            tera_min,
            templates,
            i18n,
            strings,
            assets: views::value(&assets),
            static_files,
        })
    }
}

/// The theme's templates, each as text; one that is not UTF-8 is reported and left out.
fn read_templates(theme: &Theme, diags: &mut Diagnostics) -> Vec<(String, SourceText)> {
    let mut templates = Vec::new();
    for (name, f) in theme.under("templates") {
        match std::str::from_utf8(&f.bytes) {
            Ok(text) => templates.push((name.to_owned(), SourceText::new(f.display.clone(), text))),
            Err(_) => diags.push(Diagnostic::error(
                Span::file_only(&f.display),
                t!("theme-template-not-utf8"),
            )),
        }
    }
    templates
}

/// Templates parsed by Tera, escaping HTML and XML.
fn compile(sources: Vec<(&str, &str)>) -> Result<Tera, tera::Error> {
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    tera.add_raw_templates(sources).map(|()| tera)
}

/// The templates with their HTML minified once, so no page needs minifying; `None` when none
/// can be. A template that cannot be minified safely is used as written.
fn minified(templates: &[(String, SourceText)]) -> Option<Tera> {
    let min: Vec<Option<String>> = templates
        .iter()
        .map(|(n, s)| {
            n.ends_with(".html")
                .then(|| crate::minify::template(&s.text))
                .flatten()
        })
        .collect();
    if min.iter().all(Option::is_none) {
        return None;
    }
    let sources = templates
        .iter()
        .zip(&min)
        .map(|((n, s), m)| (n.as_str(), m.as_deref().unwrap_or(&s.text)));
    compile(sources.collect()).ok()
}

/// The templates every theme must have: one per kind of page, the feed, the sitemap and
/// robots.txt.
const REQUIRED: [&str; 16] = [
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
];

/// Reports each required template the theme lacks.
fn check_required(tera: &Tera, theme: &Theme, diags: &mut Diagnostics) {
    for required in REQUIRED.iter().filter(|r| !tera.contains_template(r)) {
        diags.push(
            Diagnostic::error(
                Span::file_only(format!("themes/{}/templates/{required}", theme.name)),
                t!(
                    "theme-template-missing",
                    theme = &theme.name,
                    template = *required
                ),
            )
            .hint(t!("theme-template-missing-hint")),
        );
    }
}

/// The theme's UI strings of every language, as template values and as text. A string the
/// default language has and another lacks is reported and taken from the default language.
fn ui_strings(
    theme: &Theme,
    config: &Config,
    diags: &mut Diagnostics,
) -> (Vec<Value>, Vec<IndexMap<String, String>>) {
    let mut i18n: Vec<Value> = Vec::new();
    let mut all: Vec<IndexMap<String, String>> = Vec::new();
    for lang in &config.languages {
        let Some(strings) = read_strings(theme, &lang.code, all.first(), diags) else {
            continue;
        };
        i18n.push(views::value(&strings));
        all.push(strings);
    }
    (i18n, all)
}

/// One language's UI strings, with what it lacks of the default language's (`default`).
fn read_strings(
    theme: &Theme,
    code: &str,
    default: Option<&IndexMap<String, String>>,
    diags: &mut Diagnostics,
) -> Option<IndexMap<String, String>> {
    let name = format!("{code}.yaml");
    let Some((_, file)) = theme.under("i18n").find(|(n, _)| *n == name) else {
        diags.push(
            Diagnostic::error(
                Span::file_only(format!("themes/{}/i18n/{name}", theme.name)),
                t!("theme-strings-missing", theme = &theme.name, code = code),
            )
            .hint(t!("theme-strings-missing-hint")),
        );
        return None;
    };
    let text = String::from_utf8_lossy(&file.bytes).into_owned();
    let source = SourceText::new(file.display.clone(), text);
    let doc = crate::yaml::YamlDoc {
        source: &source,
        yaml: &source.text,
        first_line: 1,
    };
    let mut strings: IndexMap<String, String> = doc.parse().map_err(|d| diags.push(d)).ok()?;
    for (k, v) in default.into_iter().flatten() {
        if !strings.contains_key(k) {
            diags.push(
                Diagnostic::warning(source.whole(), t!("theme-string-missing", key = k)).hint(t!(
                    "theme-string-missing-hint",
                    key = k,
                    text = v
                )),
            );
            strings.insert(k.clone(), v.clone());
        }
    }
    Some(strings)
}

/// The theme's static files under fingerprinted names (every one, so hosts may cache all of
/// `assets/` for good): each name with its output path, and the files.
fn fingerprinted(theme: &Theme) -> (IndexMap<String, String>, Vec<OutFile>) {
    let mut assets = IndexMap::new();
    let mut files = Vec::new();
    for (name, f) in theme.under("static") {
        let bytes = super::assets::minified(name, &f.bytes).into_owned();
        let out = crate::urls::asset(name, &blake3::hash(&bytes).to_hex());
        assets.insert(name.to_owned(), out.clone());
        files.push(OutFile {
            path: out,
            data: OutData::Bytes(bytes),
        });
    }
    (assets, files)
}
