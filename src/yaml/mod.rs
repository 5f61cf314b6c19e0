//! YAML decoding with serde-saphyr, turning its errors into diagnostics that point into the
//! editor's file (front matter is a slice of a Markdown file, so lines are shifted).

use serde::de::DeserializeOwned;
use serde_saphyr::{Error as YamlError, Location, MessageFormatter, Spanned, UserMessageFormatter};

use crate::diagnostics::{Diagnostic, SourceText, Span, suggest};
use crate::t;

mod mistakes;

/// A YAML document that is part of a source file: the whole of `site.yaml`, or the front
/// matter of a Markdown file starting at `first_line`.
#[derive(Clone, Copy)]
pub struct YamlDoc<'a> {
    /// The file the YAML lives in.
    pub source: &'a SourceText,
    /// The YAML text itself.
    pub yaml: &'a str,
    /// 1-based line of the file on which the YAML text starts.
    pub first_line: usize,
}

impl<'a> YamlDoc<'a> {
    /// Decodes the document; on failure, a diagnostic at the offending line and column.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        serde_saphyr::from_str::<T>(self.yaml).map_err(|e| self.error(&e))
    }

    /// The span of a value the YAML decoder located.
    pub fn span(&self, loc: &Location) -> Span {
        if *loc == Location::UNKNOWN {
            return self.source.whole();
        }
        let len = loc.span().byte_len().unwrap_or(1).max(1) as usize;
        self.source.span_at(
            self.first_line + loc.line() as usize - 1,
            loc.column() as usize,
            len,
        )
    }

    /// The span of a top-level key of the document (`summary` in `summary: ""`), if it is
    /// written: where to point at a value that is there but empty.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        let line = self.key_line(key)?;
        Some(self.source.span_at(self.first_line + line, 1, key.len()))
    }

    /// The 0-based line of the document that gives top-level key `key`.
    fn key_line(&self, key: &str) -> Option<usize> {
        self.yaml.lines().position(|l| {
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
    }

    /// The span of a spanned value.
    pub fn at<T>(&self, v: &Spanned<T>) -> Span {
        self.span(&v.referenced)
    }

    fn error(&self, e: &YamlError) -> Diagnostic {
        let inner = e.without_snippet();
        let message = UserMessageFormatter.format_message(inner).into_owned();
        let location = e.location();
        // The parser notices a tab where the value before it ends, often a line above the tab:
        // point at the tab itself.
        if message.contains("tab") {
            let near = location.map_or(1, |l| l.line() as usize);
            if let Some((line, column)) = tab_indent(self.yaml, near) {
                return Diagnostic::error(
                    self.source.span_at(self.first_line + line - 1, column, 1),
                    t!("yaml-tab-indent"),
                )
                .label(t!("yaml-tab-indent-label"))
                .hint(t!("yaml-tab-indent-hint"));
            }
        }
        let span = location.map_or_else(|| self.source.whole(), |l| self.span(&l));
        if let Some(d) = self.mistake(inner, location, &span) {
            return d;
        }
        if let YamlError::Unexpected { expected, .. } = inner
            && let Some(shape) = shape(expected)
        {
            let d = Diagnostic::error(span, t!("yaml-wrong-shape", expected = shape));
            return match *expected {
                "sequence start" | "mapping start" | "empty mapping start" => {
                    d.hint(t!("yaml-invalid-type-hint"))
                }
                // One value is wanted where a list or a group of fields begins.
                _ => d
                    .label(t!("yaml-wrong-shape-label"))
                    .hint(t!("yaml-invalid-hint")),
            };
        }
        let d = Diagnostic::error(span, t!("yaml-invalid", detail = message));
        match inner {
            // `　kind: rural`: indented with a full-width space, which YAML reads as part of
            // the name.
            YamlError::SerdeUnknownField { field, .. } if field.starts_with('\u{3000}') => {
                let name = field.trim_start_matches('\u{3000}');
                Diagnostic::error(d.span, t!("yaml-full-width-space", field = name))
                    .label(t!("yaml-full-width-space-label"))
                    .hint(t!("yaml-full-width-space-hint", field = name))
            }
            YamlError::SerdeUnknownField {
                field, expected, ..
            } => Diagnostic::error(d.span, t!("yaml-unknown-field", field = field))
                .label(t!("yaml-unknown-field-label"))
                .hint(suggest(field, t!("what-field"), expected.iter().copied())),
            YamlError::SerdeMissingField { field, .. } => {
                Diagnostic::error(d.span, t!("yaml-missing-field", field = *field))
                    .hint(t!("yaml-missing-field-hint", field = *field))
            }
            YamlError::SerdeInvalidType { .. } => d.hint(t!("yaml-invalid-type-hint")),
            // `draft: 是`, `featured: 否`: yes and no as an editor says them.
            YamlError::InvalidBooleanStrict { .. }
            | YamlError::InvalidScalar { ty: "boolean", .. } => {
                Diagnostic::error(d.span, t!("yaml-not-boolean"))
                    .label(t!("yaml-not-boolean-label"))
                    .hint(t!("yaml-not-boolean-hint"))
            }
            _ => d.hint(t!("yaml-invalid-hint")),
        }
    }
}

/// What the decoder wanted where it found something else, in the editor's words: the
/// decoder names it in English (`string scalar`), for programmers. `None` for what an editor
/// cannot cause.
fn shape(expected: &str) -> Option<crate::i18n::Text> {
    match expected {
        // Numbers and true or false are read as text first: these are wanted for them too.
        "string scalar" | "str expected" | "missing string" | "scalar" => {
            Some(t!("yaml-shape-value"))
        }
        "sequence start" => Some(t!("yaml-shape-list")),
        "mapping start" | "empty mapping start" => Some(t!("yaml-shape-mapping")),
        _ => None,
    }
}

impl YamlDoc<'_> {
    /// The error for a mistake an editor commonly makes, recognised near where the parser
    /// failed (see [`mistakes`]); `None` when none is.
    fn mistake(&self, e: &YamlError, at: Option<Location>, span: &Span) -> Option<Diagnostic> {
        let near = at.map_or(1, |l| l.line() as usize);
        let found = match e {
            YamlError::DuplicateMappingKey { key: Some(key), .. } => {
                let first = mistakes::first_given(self.yaml, key, near);
                let hint = match first {
                    Some(n) => t!(
                        "yaml-duplicate-key-first-hint",
                        key = key,
                        line = (self.first_line + n - 1).to_string()
                    ),
                    None => t!("yaml-duplicate-key-hint", key = key),
                };
                return Some(
                    Diagnostic::error(span.clone(), t!("yaml-duplicate-key", key = key))
                        .label(t!("yaml-duplicate-key-label"))
                        .hint(hint),
                );
            }
            YamlError::InvalidScalar { .. }
            | YamlError::SerdeInvalidType { .. }
            | YamlError::SerdeInvalidValue { .. } => {
                let l = at?;
                mistakes::number_with_unit(self.yaml, near, l.column() as usize)
            }
            YamlError::SerdeUnknownField { .. }
            | YamlError::SerdeMissingField { .. }
            | YamlError::SerdeUnknownVariant { .. }
            | YamlError::SerdeInvalidLength { .. } => None,
            _ => mistakes::full_width_colon(self.yaml, near)
                .or_else(|| mistakes::chinese_quotes(self.yaml, near))
                .or_else(|| mistakes::unclosed_quote(self.yaml, near))
                // Where one value was wanted, that is the better thing to say of `[`.
                .or_else(|| {
                    let wanted_value = matches!(e, YamlError::Unexpected { .. });
                    (!wanted_value)
                        .then(|| mistakes::unclosed_bracket(self.yaml, near))
                        .flatten()
                })
                .or_else(|| mistakes::reserved_start(self.yaml, near))
                .or_else(|| mistakes::full_width_dash(self.yaml, near))
                .or_else(|| mistakes::colon_in_value(self.yaml, near))
                .or_else(|| mistakes::stray_indent(self.yaml, near))
                .or_else(|| mistakes::no_colon(self.yaml, near))
                .or_else(|| mistakes::stray_item(self.yaml, near)),
        }?;
        Some(self.placed(found))
    }

    /// The mistake as an error at its place in the file.
    fn placed(&self, found: mistakes::Mistake) -> Diagnostic {
        Diagnostic::error(
            self.source
                .span_at(self.first_line + found.line - 1, found.column, found.len),
            found.message,
        )
        .label(found.label)
        .hint(found.hint)
    }

    /// The error for a top-level value begun with `&` (`title: &甲村`): YAML takes the word for
    /// an anchor's name and leaves the value empty, which would read as not written yet.
    pub fn anchored(&self, key: &str) -> Option<Diagnostic> {
        let line = self.key_line(key)?;
        mistakes::reserved_start(self.yaml, line + 1).map(|m| self.placed(m))
    }
}

/// The 1-based line and column of the first tab in the indentation of a line, from line
/// `from` on (or anywhere, when there is none after it).
fn tab_indent(yaml: &str, from: usize) -> Option<(usize, usize)> {
    let tabs: Vec<(usize, usize)> = yaml
        .lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let indent = &l[..l.len() - l.trim_start_matches([' ', '\t']).len()];
            indent
                .find('\t')
                .map(|col| (i + 1, indent[..col].chars().count() + 1))
        })
        .collect();
    tabs.iter()
        .find(|(line, _)| *line >= from)
        .or(tabs.first())
        .copied()
}
