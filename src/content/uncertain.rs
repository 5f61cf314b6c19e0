//! A document's `uncertain:` list checked: each phrase says why, is written in the file's own
//! text, and is listed once. A translation's list is followed by the default language's
//! phrases it does not repeat, which mark the text it inherits.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Uncertain;
use crate::t;

use super::files::LangFile;
use super::front::UncertainFront;

/// The phrases `v` marks, checked, followed by those of `base` (the default language's) that
/// it does not list itself. A phrase left empty (`text: ""`) counts as left out.
pub(super) fn uncertain(
    v: &LangFile<'_>,
    list: Option<&[UncertainFront]>,
    base: Option<&[Uncertain]>,
    diags: &mut Diagnostics,
) -> Vec<Uncertain> {
    let doc = v.doc();
    let list = list.unwrap_or_default();
    let mut out: Vec<Uncertain> = Vec::new();
    for u in list.iter().filter(|u| !u.text.value.trim().is_empty()) {
        let text = &u.text.value;
        if out.iter().any(|o| &o.text == text) {
            diags.push(
                Diagnostic::warning(doc.at(&u.text), t!("uncertain-twice", text = text))
                    .hint(t!("uncertain-twice-hint")),
            );
            continue;
        }
        if u.why.trim().is_empty() {
            diags.push(
                Diagnostic::error(doc.at(&u.text), t!("uncertain-why-missing", text = text))
                    .hint(t!("uncertain-why-missing-hint")),
            );
        }
        if !written_elsewhere(&v.source.text, text, list) {
            diags.push(
                Diagnostic::warning(doc.at(&u.text), t!("uncertain-not-found", text = text))
                    .hint(t!("uncertain-not-found-hint")),
            );
        }
        out.push(Uncertain {
            text: text.clone(),
            why: u.why.trim().to_owned(),
        });
    }
    for b in base.unwrap_or_default() {
        if !out.iter().any(|o| o.text == b.text) {
            out.push(b.clone());
        }
    }
    out
}

/// Whether `text` occurs in the file outside the `uncertain:` list itself (where it is written
/// once as a phrase, and may be quoted in a reason).
fn written_elsewhere(file: &str, text: &str, list: &[UncertainFront]) -> bool {
    let in_list: usize = list
        .iter()
        .map(|u| u.text.value.matches(text).count() + u.why.matches(text).count())
        .sum();
    file.matches(text).count() > in_list
}
