//! The preview's answer at the address of a document that its errors keep out of the site (a
//! draft with a mistake, whose problems are only warnings, say): what is wrong, where, and
//! what to type instead, where the editor expects the page, instead of the site's not-found
//! page. Served by the preview only; never part of a built site.

use std::collections::HashMap;

use crate::diagnostics::Diagnostics;
use crate::i18n::Locale;
use crate::inventory::Entry;
use crate::markdown::escape_into;
use crate::model::Library;
use crate::t;
use crate::urls;

use super::http::Shown;

/// Per site file in every language (`cases/x/index.html`, `en/cases/x/index.html`), the page
/// that says why the document that belongs there has no page; `entries` are the library's
/// (see [`crate::inventory::of`]).
pub(super) fn pages(
    lib: &Library,
    entries: &[Entry],
    diags: &Diagnostics,
    locale: Locale,
) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let sorted = diags.sorted();
    for e in entries.iter().filter(|e| e.failed) {
        let problems: Vec<Shown> = sorted
            .iter()
            .filter(|d| e.holds(d))
            .map(|d| Shown::of(d, locale))
            .collect();
        let html = page(e, &problems, locale);
        for l in &lib.config.languages {
            out.insert(urls::site_file(&l.prefix, &e.path), html.clone());
        }
    }
    out
}

fn page(e: &Entry, problems: &[Shown], locale: Locale) -> String {
    let say = |t: crate::i18n::Text| {
        let mut s = String::new();
        escape_into(&mut s, &t.in_locale(locale));
        s
    };
    let kind = e.kind_text().in_locale(locale);
    let title = say(t!(
        "serve-unshown-title",
        kind = kind,
        slug = e.slug.as_str()
    ));
    let why = say(t!("serve-unshown-why", count = problems.len()));
    let overview = say(t!("dashboard-title"));
    let lang = match locale {
        Locale::Zh => "zh-CN",
        Locale::En => "en",
    };
    let list: String = problems.iter().map(problem).collect();
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"icon\" href=\"data:,\"><style>{}{STYLE}</style></head><body><main><h1>{title}</h1><p>{why}</p>{list}<p><a href=\"/__casebook/\">{overview}</a></p></main></body></html>",
        super::dashboard::STYLE
    )
}

const STYLE: &str = ".problem{background:#fff;border-left:4px solid #b00020;padding:.75rem 1rem;margin:0 0 1rem}.problem p{margin:.25rem 0}.what{color:#b00020;font-weight:600}.where{color:#1a4d8f}pre{white-space:pre-wrap;margin:.5rem 0}mark{background:#b00020;color:#fff;border-radius:2px;padding:0 1px}.line{color:#777}.hint{color:#1b5e20}";

/// One problem as the overlay shows it (`live.js`): what is wrong, where, its line with the
/// problem marked (carets cannot line up under Chinese text in a browser's fonts), and how to
/// fix it.
fn problem(s: &Shown) -> String {
    let esc = |text: &str| {
        let mut out = String::new();
        escape_into(&mut out, text);
        out
    };
    let mut html = format!(
        "<section class=\"problem\"><p class=\"what\">{}</p>",
        esc(&s.title)
    );
    if let Some(at) = &s.location {
        html.push_str(&format!("<p class=\"where\">{}</p>", esc(at)));
    }
    if let Some(q) = &s.quote {
        let marked = if q.marked.is_empty() { " " } else { &q.marked };
        html.push_str(&format!(
            "<pre><span class=\"line\">{} | </span>{}<mark>{}</mark>{}</pre>",
            q.line,
            esc(&q.before),
            esc(marked),
            esc(&q.after)
        ));
        if let Some(label) = &s.label {
            html.push_str(&format!("<p class=\"what\">↑ {}</p>", esc(label)));
        }
    }
    if let Some(hint) = &s.hint {
        html.push_str(&format!("<p class=\"hint\">{}</p>", esc(hint)));
    }
    html.push_str("</section>");
    html
}
