//! Method pages and free pages, and the Markdown bodies of every document.

use crate::config::{Config, Lang};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::markdown::{self};
use crate::model::*;
use crate::t;
use crate::urls;

use super::files::*;
use super::front::*;
use super::uncertain::uncertain;

/// Renders a body and reports its problems into `diags`.
pub(super) fn render_body(
    v: &LangFile<'_>,
    config: &Config,
    lang: Lang,
    page: &str,
    bundle: Option<&str>,
    diags: &mut Diagnostics,
) -> Body {
    let root = urls::root_of(config.prefix(lang), page);
    let ctx = markdown::Ctx {
        allow_html: config.allow_html,
        root: &root,
        lang_prefix: &config.languages[lang].prefix,
        bundle,
        id_prefix: "",
    };
    let r = markdown::render(v.split.body, &ctx);
    for p in r.problems {
        let span = v
            .source
            .span(v.split.body_offset + p.range.start..v.split.body_offset + p.range.end);
        let d = if p.warning {
            Diagnostic::warning(span, p.message)
        } else {
            Diagnostic::error(span, p.message)
        };
        diags.push(d.hint(p.hint).made_at(p.origin));
    }
    // Kept for the whole build: without the slack a growing string leaves.
    let mut html = r.html;
    html.shrink_to_fit();
    Body {
        html,
        headings: r.headings,
        links: r.links,
        images: r.images,
        source: Some((v.source.clone(), v.split.body_offset)),
        released: None,
    }
}

pub(super) fn text_or_missing(
    v: &LangFile<'_>,
    field: &str,
    value: Option<String>,
    diags: &mut Diagnostics,
) -> String {
    match value {
        Some(s) if !s.trim().is_empty() => s,
        _ => {
            // Written but left empty (as `casebook new` writes it): said where it is.
            let d = match v.doc().key_span(field) {
                Some(at) => v.doc().anchored(field).unwrap_or_else(|| {
                    Diagnostic::error(at, t!("doc-field-empty", field = field))
                        .hint(t!("doc-field-empty-hint", field = field))
                }),
                None => Diagnostic::error(v.top(), t!("doc-field-missing", field = field))
                    .hint(t!("doc-field-missing-hint", field = field)),
            };
            diags.push(d);
            String::new()
        }
    }
}

/// Parses a method or free page: title, summary and body per language. Returns the texts and
/// whether the page is a draft.
pub(super) fn parse_doc(
    files: &[Option<&SourceText>],
    config: &Config,
    page: &str,
    diags: &mut Diagnostics,
) -> Option<(Vec<DocText>, bool)> {
    let variants = split_variants(files, diags)?;
    let base = variants[0].as_ref()?;
    let before = diags.error_count();
    let front: DocFront = base.parse(diags)?;
    let mut texts = vec![doc_text(
        base,
        &front,
        None,
        config,
        Lang::DEFAULT,
        page,
        diags,
    )];
    for (lang, variant) in Lang::each(&variants).skip(1) {
        let t = match variant {
            Some(tv) => match tv.parse::<DocFront>(diags) {
                Some(tf) => doc_text(tv, &tf, Some(&texts[0]), config, lang, page, diags),
                None => inherit_doc(&texts[0]),
            },
            None => inherit_doc(&texts[0]),
        };
        texts.push(t);
    }
    (diags.error_count() == before).then_some((texts, front.draft.unwrap_or(false)))
}

pub(super) fn inherit_doc(b: &DocText) -> DocText {
    DocText {
        title: Localized::inherited(b.title.value.clone()),
        summary: Localized::inherited(b.summary.value.clone()),
        body: Localized::inherited(b.body.value.clone()),
        uncertain: b.uncertain.clone(),
        translated: false,
    }
}

pub(super) fn doc_text(
    v: &LangFile<'_>,
    f: &DocFront,
    base: Option<&DocText>,
    config: &Config,
    lang: Lang,
    page: &str,
    diags: &mut Diagnostics,
) -> DocText {
    let title = match (base, &f.title) {
        (_, Some(t)) if !t.trim().is_empty() => Localized::own(t.clone()),
        (Some(b), _) => Localized::inherited(b.title.value.clone()),
        (None, t) => Localized::own(text_or_missing(v, "title", t.clone(), diags)),
    };
    let summary = match (base, &f.summary) {
        (_, Some(s)) => Localized::own(s.clone()),
        (Some(b), None) => Localized::inherited(b.summary.value.clone()),
        (None, None) => Localized::own(String::new()),
    };
    let body = match base {
        Some(b) if v.split.body.trim().is_empty() => Localized::inherited(b.body.value.clone()),
        _ => Localized::own(render_body(v, config, lang, page, None, diags)),
    };
    let base_marks = base.map(|b| b.uncertain.as_slice());
    DocText {
        title,
        summary,
        body,
        uncertain: uncertain(v, f.uncertain.as_deref(), base_marks, diags),
        translated: true,
    }
}
