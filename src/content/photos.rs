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

/// A language's photo pairs: its own list, each side's file and description checked, or the
/// default language's when it gives none.
pub(super) fn photo_pairs(
    v: &LangFile<'_>,
    f: &CaseFront,
    base: Option<(&CaseText, &CaseFront)>,
    files: &PhotoFiles<'_>,
    diags: &mut Diagnostics,
) -> Localized<Vec<PhotoPair>> {
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
    // Set for the whole case in the default language's file, or pair by pair.
    let whole_case = base
        .map_or(f.illustrative_photos, |(_, bf)| bf.illustrative_photos)
        .unwrap_or(false);
    let mut out = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let pair = Pair {
            v,
            doc: v.doc(),
            files,
            n: i + 1,
            inherited: base_list.and_then(|b| b.get(i)),
            is_default: base.is_none(),
        };
        let before = pair.side(&p.before, &p.alt_before, BEFORE, diags);
        let after = pair.side(&p.after, &p.alt_after, AFTER, diags);
        let inherited = pair.inherited;
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
            illustrative: p
                .illustrative
                .or_else(|| inherited.map(|b| b.illustrative))
                .unwrap_or(whole_case),
        });
    }
    Localized::own(out)
}

/// Which side of a pair: its name in messages, and where the default language's pair has it.
struct Which {
    name: &'static str,
    pick: fn(&PhotoPair) -> &PhotoSide,
}

const BEFORE: Which = Which {
    name: "before",
    pick: |p| &p.before,
};

const AFTER: Which = Which {
    name: "after",
    pick: |p| &p.after,
};

/// One pair of one language's file, as its sides are read.
struct Pair<'a> {
    v: &'a LangFile<'a>,
    doc: crate::yaml::YamlDoc<'a>,
    files: &'a PhotoFiles<'a>,
    /// Its place in the list, from 1.
    n: usize,
    /// The default language's pair in the same place, for a translation.
    inherited: Option<&'a PhotoPair>,
    /// Whether this is the default language's file (which asks for the photos).
    is_default: bool,
}

impl Pair<'_> {
    /// One side: its file found in the case folder, its description; either inherited when a
    /// translation leaves it out.
    fn side(
        &self,
        file: &Option<Spanned<String>>,
        alt: &Option<Spanned<String>>,
        which: Which,
        diags: &mut Diagnostics,
    ) -> PhotoSide {
        PhotoSide {
            file: self.file(file, &which, diags),
            alt: self.alt(alt, file, &which, diags),
        }
    }

    /// A side's file, found in the case folder.
    fn file(
        &self,
        file: &Option<Spanned<String>>,
        which: &Which,
        diags: &mut Diagnostics,
    ) -> PathBuf {
        let (doc, which_name) = (&self.doc, which.name);
        let Some(name) = file else {
            if let Some(b) = self.inherited {
                return (which.pick)(b).file.clone();
            }
            diags.push(
                Diagnostic::error(
                    self.v.top(),
                    t!("photo-file-missing", pair = self.n, which = which_name),
                )
                .hint(t!("photo-file-missing-hint", which = which_name)),
            );
            return PathBuf::new();
        };
        let Some(path) = self.files.resolve(&name.value) else {
            diags.push(
                Diagnostic::error(doc.at(name), t!("photo-not-in-folder", file = &name.value))
                    .label(t!("photo-not-in-folder-label"))
                    .hint(t!("photo-not-in-folder-hint")),
            );
            return PathBuf::new();
        };
        if let Some(b) = self.inherited
            && (which.pick)(b).file != path
        {
            diags.push(
                Diagnostic::error(doc.at(name), t!("photo-file-differs", which = which_name))
                    .hint(t!("photo-file-differs-hint")),
            );
        }
        if self.is_default {
            self.files.request(&name.value, doc.at(name));
        }
        path
    }

    /// A side's description, which every photo needs.
    fn alt(
        &self,
        alt: &Option<Spanned<String>>,
        file: &Option<Spanned<String>>,
        which: &Which,
        diags: &mut Diagnostics,
    ) -> String {
        match (alt, self.inherited) {
            (Some(a), _) if !a.value.trim().is_empty() => a.value.clone(),
            (None, Some(b)) => (which.pick)(b).alt.clone(),
            (a, _) => {
                let doc = &self.doc;
                let span = a.as_ref().map_or_else(
                    || file.as_ref().map_or_else(|| self.v.top(), |f| doc.at(f)),
                    |a| doc.at(a),
                );
                diags.push(
                    Diagnostic::error(
                        span,
                        t!("photo-alt-missing", pair = self.n, which = which.name),
                    )
                    .hint(t!("photo-alt-missing-hint", which = which.name)),
                );
                String::new()
            }
        }
    }
}
