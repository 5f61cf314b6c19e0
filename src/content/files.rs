//! Which document a Markdown file is (from its path), and its languages' files split into
//! front matter and body.

use std::path::Path;

use serde::Deserialize;

use crate::config::{Config, Lang, is_key};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText, Span, suggest};
use crate::frontmatter::{self, Split, SplitError};
use crate::section::Section;
use crate::t;
use crate::yaml::YamlDoc;

/// A file of one document in one language, split and ready to decode.
pub(super) struct LangFile<'a> {
    pub(super) source: &'a SourceText,
    pub(super) split: Split<'a>,
}

impl<'a> LangFile<'a> {
    pub(super) fn doc(&self) -> YamlDoc<'a> {
        YamlDoc {
            source: self.source,
            yaml: self.split.yaml,
            first_line: self.split.yaml_line,
        }
    }

    /// The opening `---`: where problems of the front matter as a whole are shown.
    pub(super) fn top(&self) -> Span {
        self.source.span_at(1, 1, 3)
    }

    pub(super) fn parse<T: for<'de> Deserialize<'de>>(&self, diags: &mut Diagnostics) -> Option<T> {
        match self.doc().parse::<T>() {
            Ok(v) => Some(v),
            Err(d) => {
                diags.push(d);
                None
            }
        }
    }
}

pub(super) fn is_case_dir(p: &Path) -> bool {
    let mut c = p.components();
    matches!((c.next(), c.next(), c.next(), c.next()), (Some(a), Some(b), Some(_), None) if a.as_os_str() == "content" && b.as_os_str() == "cases")
}

/// Works out what a Markdown file is from its path: `content/cases/<slug>/index.en.md` is the
/// English text of a case.
pub(super) fn classify(
    path: &Path,
    config: &Config,
) -> Result<(Section, String, Lang), Diagnostic> {
    let parts: Vec<String> = path
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let unknown = || {
        Diagnostic::warning(Span::file_only(path), t!("files-markdown-unknown"))
            .hint(t!("files-markdown-unknown-hint"))
    };
    let (kind, slug, file) = Section::of_parts(&parts).ok_or_else(unknown)?;
    let stem = file.strip_suffix(".md").ok_or_else(unknown)?;
    let (name, lang) = match stem.rsplit_once('.') {
        Some((name, code)) => match config.lang(code) {
            Some(l) if !l.is_default() => (name, l),
            Some(_) => {
                return Err(Diagnostic::error(
                    Span::file_only(path),
                    t!("files-default-language-code", code = code),
                )
                .hint(t!(
                    "files-default-language-code-hint",
                    file = file,
                    name = name
                )));
            }
            None => {
                return Err(Diagnostic::error(
                    Span::file_only(path),
                    t!("files-unknown-language-code", code = code),
                )
                .hint(suggest(
                    code,
                    t!("what-language-code"),
                    config.languages.iter().skip(1).map(|l| l.code.as_str()),
                )));
            }
        },
        None => (stem, Lang::DEFAULT),
    };
    let slug = match kind {
        Section::Case => {
            if name != "index" {
                return Err(Diagnostic::warning(
                    Span::file_only(path),
                    t!("files-case-other-markdown"),
                )
                .hint(t!("files-case-other-markdown-hint")));
            }
            slug
        }
        _ => name,
    };
    if !is_key(slug) {
        return Err(Diagnostic::error(
            Span::file_only(path),
            t!("files-invalid-slug", slug = slug),
        )
        .hint(t!("files-invalid-slug-hint")));
    }
    Ok((kind, slug.to_owned(), lang))
}

pub(super) fn split_variants<'a>(
    files: &[Option<&'a SourceText>],
    diags: &mut Diagnostics,
) -> Option<Vec<Option<LangFile<'a>>>> {
    let mut out = Vec::new();
    let mut ok = true;
    for f in files {
        match f {
            None => out.push(None),
            Some(source) => match frontmatter::split(&source.text) {
                Ok(split) => out.push(Some(LangFile { source, split })),
                Err(e) => {
                    ok = false;
                    let (span, msg, hint) = match e {
                        // Saved before anything was pasted in, or emptied by a failed copy.
                        SplitError::NoOpeningFence if source.text.trim().is_empty() => {
                            (source.whole(), t!("files-empty"), t!("files-empty-hint"))
                        }
                        SplitError::NoOpeningFence => (
                            source.whole(),
                            t!("files-no-front-matter"),
                            t!("files-no-front-matter-hint"),
                        ),
                        SplitError::NoClosingFence => (
                            source.whole(),
                            t!("files-front-matter-unclosed"),
                            t!("files-front-matter-unclosed-hint"),
                        ),
                        SplitError::DashedFence { line } => {
                            let at = source.text.lines().nth(line - 1).unwrap_or("");
                            let dashes = at.trim();
                            let column = at.len() - at.trim_start().len() + 1;
                            (
                                source.span_at(line, column, dashes.len()),
                                t!("files-front-matter-dashes", dashes = dashes),
                                t!("files-front-matter-dashes-hint"),
                            )
                        }
                    };
                    diags.push(Diagnostic::error(span, msg).hint(hint));
                    out.push(None);
                }
            },
        }
    }
    ok.then_some(out)
}
