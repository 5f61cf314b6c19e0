//! A case: its files in every language decoded, checked against the vocabularies, and each
//! translation merged with the default-language file.

use std::collections::HashSet;
use std::path::Path;

use serde_saphyr::Spanned;

use crate::config::{Config, Lang};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText, Span};
use crate::id::TermId;
use crate::model::*;
use crate::t;
use crate::urls::Page;
use crate::yaml::YamlDoc;

use super::case_text::CaseFolder;

use super::case_text::case_text;
use super::files::*;
use super::front::*;
use super::photos::*;

/// Parses one case: its default-language file and its translations.
pub(super) fn parse_case(
    slug: &str,
    files: &[Option<&SourceText>],
    config: &Config,
    assets: &HashSet<&Path>,
    diags: &mut Diagnostics,
) -> Option<Case> {
    let variants = split_variants(files, diags)?;
    let base = variants[0].as_ref()?;
    let before = diags.error_count();
    let front: CaseFront = base.parse(diags)?;
    let terms = terms(base, &front, &config.vocab, diags);
    let updated = updated_date(base, &front, diags);
    check_since(&base.doc(), &front, diags);

    let bundle = Page::Case { slug }.path();
    let dir = base
        .source
        .path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let folder = CaseFolder {
        config,
        bundle,
        photos: PhotoFiles {
            dir: &dir,
            assets,
            requests: std::sync::Mutex::new(Vec::new()),
        },
    };
    // Sized for every language at once: grown from one, the list would keep room for four
    // texts of which two stay empty (at 100,000 cases, 80 MB).
    let mut texts = Vec::with_capacity(variants.len());
    texts.push(case_text(base, &front, None, Lang::DEFAULT, &folder, diags));
    // A translation is checked against its default-language file only once that file is
    // right: until then, what differs is the default file's mistake, already reported there.
    let base_ok = diags.error_count() == before;
    for (lang, variant) in Lang::each(&variants).skip(1) {
        let own = variant.as_ref().and_then(|tv| {
            let tf = tv.parse::<CaseFront>(diags).filter(|_| base_ok)?;
            check_neutral(tv, &front, &tf, diags);
            let base = Some((&texts[0], &front));
            Some(case_text(tv, &tf, base, lang, &folder, diags))
        });
        texts.push(own.unwrap_or_else(|| inherit_case_text(&texts[0])));
    }

    // A case with errors in its texts is still returned when its core fields resolved, so
    // links and courses naming it do not add follow-on errors; the build fails on the errors
    // already reported.
    let Terms {
        kind,
        role,
        province,
        challenges,
        changes,
    } = terms?;
    Some(Case {
        slug: slug.to_owned(),
        kind,
        role,
        province,
        challenges,
        changes,
        draft: front.draft.unwrap_or(false),
        featured: front.featured.unwrap_or(false),
        since: front.since.map(|s| s.value),
        updated: updated?,
        texts,
        photo_requests: folder.photos.requests.into_inner().unwrap_or_default(),
        dir,
    })
}

/// A case's terms of the vocabularies, each checked.
struct Terms {
    kind: TermId,
    role: TermId,
    province: TermId,
    challenges: Vec<TermId>,
    changes: Vec<TermId>,
}

/// The terms a case's default-language file names; `None` when one it must name is missing or
/// unknown (each reported).
fn terms(
    base: &LangFile<'_>,
    front: &CaseFront,
    v: &crate::config::Vocabularies,
    diags: &mut Diagnostics,
) -> Option<Terms> {
    let doc = base.doc();
    let kind = check_required(
        base,
        "kind",
        front.kind.as_ref(),
        |k| v.kinds.check(&doc, k),
        diags,
    );
    let role = check_required(
        base,
        "role",
        front.role.as_ref(),
        |k| v.roles.check(&doc, k),
        diags,
    );
    let province = province(base, front, v, diags);
    let challenges = front.challenges.as_deref();
    let challenges = check_list(&doc, challenges, |k| v.challenges.check(&doc, k), diags);
    let changes = front.changes.as_deref();
    let changes = check_list(&doc, changes, |k| v.changes.check(&doc, k), diags);
    Some(Terms {
        kind: kind?,
        role: role?,
        province: province?,
        challenges,
        changes,
    })
}

/// The province key, checked, or an error where it is missing.
fn province(
    base: &LangFile<'_>,
    front: &CaseFront,
    v: &crate::config::Vocabularies,
    diags: &mut Diagnostics,
) -> Option<TermId> {
    match front.place.as_ref().and_then(|p| p.province.as_ref()) {
        Some(p) => v
            .provinces
            .check(&base.doc(), p)
            .map_err(|d| diags.push(d))
            .ok(),
        None => {
            diags.push(
                Diagnostic::error(base.top(), t!("case-province-missing"))
                    .hint(t!("case-province-missing-hint")),
            );
            None
        }
    }
}

/// The date of the latest source or revision, which orders the feed: required, a date.
fn updated_date(
    base: &LangFile<'_>,
    front: &CaseFront,
    diags: &mut Diagnostics,
) -> Option<jiff::civil::Date> {
    let Some(s) = &front.updated else {
        diags.push(
            Diagnostic::error(base.top(), t!("case-updated-missing"))
                .hint(t!("case-updated-missing-hint")),
        );
        return None;
    };
    match s.value.parse::<jiff::civil::Date>() {
        Ok(d) => Some(d),
        Err(_) => {
            diags.push(
                Diagnostic::error(
                    base.doc().at(s),
                    t!("case-updated-not-date", value = &s.value),
                )
                .hint(t!("case-updated-not-date-hint")),
            );
            None
        }
    }
}

/// A pilot's starting year, when given, is one a pilot can have started in.
fn check_since(doc: &YamlDoc<'_>, front: &CaseFront, diags: &mut Diagnostics) {
    if let Some(since) = &front.since
        && !(1949..=2100).contains(&since.value)
    {
        diags.push(
            Diagnostic::error(
                doc.at(since),
                t!("case-since-implausible", year = since.value),
            )
            .hint(t!("case-since-implausible-hint")),
        );
    }
}

pub(super) fn check_required(
    v: &LangFile<'_>,
    field: &str,
    value: Option<&Spanned<String>>,
    check: impl FnOnce(&Spanned<String>) -> Result<TermId, Diagnostic>,
    diags: &mut Diagnostics,
) -> Option<TermId> {
    match value {
        Some(k) => check(k).map_err(|d| diags.push(d)).ok(),
        None => {
            diags.push(
                Diagnostic::error(v.top(), t!("case-vocab-field-missing", field = field))
                    .hint(t!("case-vocab-field-missing-hint", field = field)),
            );
            None
        }
    }
}

pub(super) fn check_list(
    _doc: &YamlDoc<'_>,
    values: Option<&[Spanned<String>]>,
    check: impl Fn(&Spanned<String>) -> Result<TermId, Diagnostic>,
    diags: &mut Diagnostics,
) -> Vec<TermId> {
    let mut out: Vec<TermId> = Vec::new();
    for k in values.unwrap_or_default() {
        if let Ok(i) = check(k).map_err(|d| diags.push(d))
            && !out.contains(&i)
        {
            out.push(i);
        }
    }
    out.sort_unstable();
    out
}

/// A translation may repeat a language-neutral field, but only with the same value: a
/// different one would silently lose to the default language's file.
pub(super) fn check_neutral(
    tv: &LangFile<'_>,
    base: &CaseFront,
    tr: &CaseFront,
    diags: &mut Diagnostics,
) {
    let doc = tv.doc();
    let mut differs = |span: Span, field: &str| {
        diags.push(
            Diagnostic::error(span, t!("case-field-differs", field = field))
                .hint(t!("case-field-differs-hint", field = field)),
        );
    };
    let same = |a: Option<&Spanned<String>>, b: Option<&Spanned<String>>| {
        a.map(|x| &x.value) == b.map(|x| &x.value)
    };
    if let Some(k) = &tr.kind
        && !same(Some(k), base.kind.as_ref())
    {
        differs(doc.at(k), "kind");
    }
    if let Some(k) = &tr.role
        && !same(Some(k), base.role.as_ref())
    {
        differs(doc.at(k), "role");
    }
    if let Some(p) = tr.place.as_ref().and_then(|p| p.province.as_ref())
        && !same(
            Some(p),
            base.place.as_ref().and_then(|p| p.province.as_ref()),
        )
    {
        differs(doc.at(p), "place.province");
    }
    if let Some(s) = &tr.since
        && Some(s.value) != base.since.as_ref().map(|b| b.value)
    {
        differs(doc.at(s), "since");
    }
    if let Some(s) = &tr.updated
        && !same(Some(s), base.updated.as_ref())
    {
        differs(doc.at(s), "updated");
    }
    let keys = |l: Option<&Vec<Spanned<String>>>| {
        l.map(|l| l.iter().map(|k| k.value.clone()).collect::<Vec<_>>())
    };
    for (field, t, b) in [
        ("challenges", &tr.challenges, &base.challenges),
        ("changes", &tr.changes, &base.changes),
    ] {
        if let Some(list) = t
            && keys(Some(list)) != keys(b.as_ref())
        {
            differs(list.first().map_or_else(|| tv.top(), |k| doc.at(k)), field);
        }
    }
    if tr.draft.is_some() && tr.draft != base.draft {
        differs(tv.top(), "draft");
    }
    if tr.featured.is_some() && tr.featured != base.featured {
        differs(tv.top(), "featured");
    }
}

pub(super) fn inherit_case_text(base: &CaseText) -> CaseText {
    CaseText {
        title: Localized::inherited(base.title.value.clone()),
        summary: Localized::inherited(base.summary.value.clone()),
        place: Localized::inherited(base.place.value.clone()),
        methods: Localized::inherited(base.methods.value.clone()),
        practices: Localized::inherited(base.practices.value.clone()),
        figures: Localized::inherited(base.figures.value.clone()),
        sources: Localized::inherited(base.sources.value.clone()),
        tags: Localized::inherited(base.tags.value.clone()),
        photos: Localized::inherited(base.photos.value.clone()),
        body: Localized::inherited(base.body.value.clone()),
        uncertain: base.uncertain.clone(),
        translated: false,
    }
}
