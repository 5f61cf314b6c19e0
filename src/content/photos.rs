//! The photo pairs a case names: each file found in its folder, its alt texts, and a
//! translation's pairs lined up with the default language's.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde_saphyr::Spanned;

use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::model::*;
use crate::t;

use super::files::*;
use super::front::*;

/// The photo files beside a case, and the photos its texts ask for.
pub(super) struct PhotoFiles<'a> {
    /// The case folder, relative to the site root.
    pub(super) dir: &'a Path,
    /// Every non-Markdown file of the site.
    pub(super) assets: &'a HashSet<&'a Path>,
    pub(super) requests: std::sync::Mutex<Vec<crate::photos::Request>>,
}

impl PhotoFiles<'_> {
    /// The file a case names, if it is in the case folder.
    pub(super) fn resolve(&self, name: &str) -> Option<PathBuf> {
        if name.split(['/', '\\']).any(|s| s == ".." || s.is_empty()) || name.starts_with('/') {
            return None;
        }
        let file = self.dir.join(name);
        self.assets.contains(file.as_path()).then_some(file)
    }

    pub(super) fn request(&self, name: &str, span: Span) {
        if let Some(file) = self.resolve(name)
            && let Ok(mut r) = self.requests.lock()
        {
            r.push(crate::photos::Request { file, span });
        }
    }
}

pub(super) fn photo_pairs(
    v: &LangFile<'_>,
    f: &CaseFront,
    base: Option<(&CaseText, &CaseFront)>,
    files: &PhotoFiles<'_>,
    diags: &mut Diagnostics,
) -> Localized<Vec<PhotoPair>> {
    let doc = v.doc();
    let Some(list) = &f.photos else {
        return match base {
            Some((b, _)) => Localized::inherited(b.photos.value.clone()),
            None => Localized::own(Vec::new()),
        };
    };
    let base_list = base.map(|(b, _)| &b.photos.value);
    if let Some((_, bf)) = base {
        let base_len = bf.photos.as_ref().map_or(0, Vec::len);
        if base_len != list.len() {
            diags.push(
                Diagnostic::error(
                    v.top(),
                    t!("photo-pairs-count", count = list.len(), base = base_len),
                )
                .hint(t!("photo-pairs-count-hint")),
            );
        }
    }
    let mut out = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let inherited = base_list.and_then(|b| b.get(i));
        let mut side = |file: &Option<Spanned<String>>,
                        alt: &Option<Spanned<String>>,
                        which: &str,
                        pick: fn(&PhotoPair) -> &PhotoSide|
         -> PhotoSide {
            let resolved = match (file, inherited) {
                (Some(name), _) => match files.resolve(&name.value) {
                    Some(path) => {
                        if let Some(b) = inherited
                            && pick(b).file != path
                        {
                            diags.push(
                                Diagnostic::error(
                                    doc.at(name),
                                    t!("photo-file-differs", which = which),
                                )
                                .hint(t!("photo-file-differs-hint")),
                            );
                        }
                        if base.is_none() {
                            files.request(&name.value, doc.at(name));
                        }
                        path
                    }
                    None => {
                        diags.push(
                            Diagnostic::error(
                                doc.at(name),
                                t!("photo-not-in-folder", file = &name.value),
                            )
                            .label(t!("photo-not-in-folder-label"))
                            .hint(t!("photo-not-in-folder-hint")),
                        );
                        PathBuf::new()
                    }
                },
                (None, Some(b)) => pick(b).file.clone(),
                (None, None) => {
                    diags.push(
                        Diagnostic::error(
                            v.top(),
                            t!("photo-file-missing", pair = i + 1, which = which),
                        )
                        .hint(t!("photo-file-missing-hint", which = which)),
                    );
                    PathBuf::new()
                }
            };
            let alt = match (alt, inherited) {
                (Some(a), _) if !a.value.trim().is_empty() => a.value.clone(),
                (None, Some(b)) => pick(b).alt.clone(),
                (a, _) => {
                    let span = a.as_ref().map_or_else(
                        || file.as_ref().map_or_else(|| v.top(), |f| doc.at(f)),
                        |a| doc.at(a),
                    );
                    diags.push(
                        Diagnostic::error(
                            span,
                            t!("photo-alt-missing", pair = i + 1, which = which),
                        )
                        .hint(t!("photo-alt-missing-hint", which = which)),
                    );
                    String::new()
                }
            };
            PhotoSide {
                file: resolved,
                alt,
            }
        };
        let before = side(&p.before, &p.alt_before, "before", |b| &b.before);
        let after = side(&p.after, &p.alt_after, "after", |b| &b.after);
        out.push(PhotoPair {
            before,
            after,
            caption: if p.caption.is_empty() {
                inherited.map(|b| b.caption.clone()).unwrap_or_default()
            } else {
                p.caption.clone()
            },
            year_before: p
                .year_before
                .or_else(|| inherited.and_then(|b| b.year_before)),
            year_after: p
                .year_after
                .or_else(|| inherited.and_then(|b| b.year_after)),
            credit: p
                .credit
                .clone()
                .or_else(|| inherited.and_then(|b| b.credit.clone())),
        });
    }
    Localized::own(out)
}
