//! The editor's dashboard at `/__casebook/`: every case, course and page with its state
//! (see [`crate::inventory`]), linked to its page, remade after every rebuild and reloaded
//! by the live script. Served by the preview only; never part of a built site.

use crate::diagnostics::Diagnostics;
use crate::i18n::Locale;
use crate::inventory::{self, Entry, Translation};
use crate::markdown::escape_into;
use crate::t;

/// The dashboard page for the library's `entries` (see [`crate::inventory::of`]) and the
/// diagnostics of its last rebuild, in `locale`.
pub(super) fn page(entries: &[Entry], diags: &Diagnostics, locale: Locale) -> String {
    let say = |t: crate::i18n::Text| t.in_locale(locale);
    let mut rows = String::new();
    for e in entries {
        rows.push_str(&row(e, locale));
    }
    let mut title = String::new();
    escape_into(&mut title, &say(t!("dashboard-title")));
    let lang = match locale {
        Locale::Zh => "zh-CN",
        Locale::En => "en",
    };
    let head = [
        t!("dashboard-column-kind"),
        t!("dashboard-column-page"),
        t!("dashboard-column-state"),
        t!("dashboard-column-translations"),
    ]
    .map(|h| {
        let mut cell = String::new();
        escape_into(&mut cell, &say(h));
        format!("<th scope=\"col\">{cell}</th>")
    })
    .concat();
    let summary = say(t!(
        "dashboard-summary",
        documents = entries.len(),
        errors = diags.error_count(),
        warnings = diags.warning_count()
    ));
    let mut summary_html = String::new();
    escape_into(&mut summary_html, &summary);
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"icon\" href=\"data:,\"><style>{STYLE}</style></head><body><main><h1>{title}</h1><p id=\"summary\">{summary_html}</p><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></main><script src=\"/__casebook/live.js\"></script></body></html>"
    )
}

pub(super) const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1f;background:#fafafa}main{max-width:72rem;margin:0 auto;padding:1.5rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}.draft{color:#8a5a00}.bad{color:#b00020;font-weight:600}.missing{color:#b00020}.partial{color:#8a5a00}";

fn row(e: &Entry, locale: Locale) -> String {
    let say = |t: crate::i18n::Text| {
        let mut s = String::new();
        escape_into(&mut s, &t.in_locale(locale));
        s
    };
    let mut title = String::new();
    escape_into(
        &mut title,
        if e.title.is_empty() {
            &e.slug
        } else {
            &e.title
        },
    );
    let state_class = if e.errors > 0 {
        "bad"
    } else if e.draft {
        "draft"
    } else {
        ""
    };
    let translations: String = e
        .translations
        .iter()
        .map(|(code, t)| {
            let class = match t {
                Translation::Complete => "",
                Translation::Inherits(_) => "partial",
                Translation::Missing => "missing",
            };
            format!(
                "<span class=\"{class}\">{}</span><br>",
                say(inventory::translation_text(code, t))
            )
        })
        .collect();
    // A folder's name is the slug of a document that failed, and may be anything.
    let (mut slug, mut path) = (String::new(), String::new());
    escape_into(&mut slug, &e.slug);
    escape_into(&mut path, &e.path);
    // A document without a page links to its address too: the preview says there why.
    format!(
        "<tr data-slug=\"{slug}\"><td>{kind}</td><td><a href=\"/{path}\">{title}</a> <small>{slug}</small></td><td class=\"{state_class}\">{state}</td><td>{translations}</td></tr>",
        kind = say(e.kind_text()),
        state = say(e.state_text()),
    )
}
