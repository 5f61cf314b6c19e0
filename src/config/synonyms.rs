//! `search.synonyms` in site.yaml: groups of words that mean the same, per language, which a
//! search for one of them also finds ("rubbish", "garbage", "waste"; 垃圾, 废弃物).

use crate::diagnostics::{Diagnostic, Diagnostics, suggest};
use crate::t;
use crate::yaml::YamlDoc;

use super::file::SynonymsFile;

/// The groups of each language, in the order of the site's languages; each group's words as
/// written, empty ones left out.
pub(super) fn synonyms(
    doc: &YamlDoc<'_>,
    given: Option<&SynonymsFile>,
    codes: &[&str],
    diags: &mut Diagnostics,
) -> Vec<Vec<Vec<String>>> {
    let mut out = vec![Vec::new(); codes.len()];
    for (code, groups) in given.into_iter().flatten() {
        let Some(l) = codes.iter().position(|c| *c == code.value) else {
            diags.push(
                Diagnostic::error(
                    doc.at(code),
                    t!("config-not-a-language", code = &code.value),
                )
                .hint(suggest(
                    &code.value,
                    t!("what-language"),
                    codes.iter().copied(),
                )),
            );
            continue;
        };
        for group in groups {
            let words: Vec<String> = group
                .value
                .iter()
                .map(|w| w.trim().to_owned())
                .filter(|w| !w.is_empty())
                .collect();
            if words.len() < 2 {
                diags.push(
                    Diagnostic::warning(doc.at(group), t!("config-synonyms-one-word"))
                        .hint(t!("config-synonyms-one-word-hint")),
                );
                continue;
            }
            out[l].push(words);
        }
    }
    out
}
