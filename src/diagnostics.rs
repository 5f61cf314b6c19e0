//! Content and template diagnostics: what went wrong, where (file:line:column), and how to fix it.
//!
//! Every stage reports problems by pushing a [`Diagnostic`] instead of returning early, so one
//! run shows every error of every file (ripgrep's "a soft error is counted, not fatal").

use std::panic::Location;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use crate::i18n::{Locale, Text};
use crate::t;
use serde::Serialize;

/// How serious a diagnostic is: errors fail the build, warnings are reported and counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The site cannot be built correctly until this is fixed.
    Error,
    /// The site builds, but an editor should look at this.
    Warning,
}

/// A text file with its path relative to the site root, shared cheaply between stages so a
/// diagnostic can quote the lines it points at.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// Path relative to the site root, as shown to editors (`content/cases/x/index.md`).
    pub path: PathBuf,
    /// The whole file.
    pub text: Arc<str>,
}

impl SourceText {
    /// Wraps a file's text with the path editors know it by.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Self {
        Self {
            path: path.into(),
            text: text.into(),
        }
    }

    /// Points at a byte range of this file.
    /// Any range is accepted: both ends are clamped to the text and moved to the nearest
    /// character boundary (the start back, the end forward), so a byte length reported by a
    /// parser can never split a Chinese character.
    pub fn span(&self, range: std::ops::Range<usize>) -> Span {
        let start = self.text.floor_char_boundary(range.start);
        let end = self.text.ceil_char_boundary(range.end.max(start));
        let (line, column) = line_column(&self.text, start);
        Span {
            source: Some(self.clone()),
            line,
            column,
            range: start..end,
        }
    }

    /// Points at a 1-based line and column of this file (as YAML parsers report them).
    pub fn span_at(&self, line: usize, column: usize, len: usize) -> Span {
        let start = byte_offset(&self.text, line, column);
        let end = (start + len.max(1)).min(self.text.len());
        // A zero-width file still gets a well-formed (empty) range.
        self.span(start..end.max(start))
    }

    /// Points at the start of the file: for problems that belong to the file as a whole.
    pub fn whole(&self) -> Span {
        let end = self.text.find('\n').unwrap_or(self.text.len());
        self.span(0..end)
    }
}

/// A place in a source file.
#[derive(Debug, Clone)]
pub struct Span {
    source: Option<SourceText>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    range: std::ops::Range<usize>,
}

impl Span {
    /// A span for a file whose text could not be read (an IO error, a binary file).
    pub fn file_only(path: impl Into<PathBuf>) -> Self {
        Self {
            source: Some(SourceText::new(path, "")),
            line: 1,
            column: 1,
            range: 0..0,
        }
    }

    /// The file this span points into.
    pub fn path(&self) -> Option<&Path> {
        self.source.as_ref().map(|s| s.path.as_path())
    }
}

/// The message id of a diagnostic [`Diagnostics::downgraded`] made a warning.
const DOWNGRADED: &str = "downgraded";

/// One problem found in the content, the theme or the site settings.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: Text,
    /// Where it is.
    pub span: Span,
    /// A short label under the highlighted text.
    pub label: Option<Text>,
    /// How to fix it.
    pub hint: Option<Text>,
    /// The line of casebook's source that made it, so tests can show that every diagnostic
    /// the code can produce is produced by some test.
    origin: &'static Location<'static>,
}

impl Diagnostic {
    /// An error at `span`.
    #[track_caller]
    pub fn error(span: Span, message: impl Into<Text>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            span,
            label: None,
            hint: None,
            origin: Location::caller(),
        }
    }

    /// A warning at `span`.
    #[track_caller]
    pub fn warning(span: Span, message: impl Into<Text>) -> Self {
        Self {
            severity: Severity::Warning,
            message: message.into(),
            span,
            label: None,
            hint: None,
            origin: Location::caller(),
        }
    }

    /// Where in casebook's source the diagnostic was made.
    pub fn origin(&self) -> &'static Location<'static> {
        self.origin
    }

    /// The same diagnostic, said to be made where a problem found earlier was (a Markdown
    /// problem becomes a diagnostic in one place, but was found in many).
    pub fn made_at(mut self, origin: &'static Location<'static>) -> Self {
        self.origin = origin;
        self
    }

    /// Adds how to fix it.
    pub fn hint(mut self, hint: impl Into<Text>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a label under the highlighted text.
    pub fn label(mut self, label: impl Into<Text>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// `path:line:column`, the form editors and terminals recognise.
    pub fn location(&self) -> String {
        match self.span.path() {
            Some(p) => format!("{}:{}:{}", p.display(), self.span.line, self.span.column),
            None => "<unknown>".to_owned(),
        }
    }

    /// Renders the diagnostic in `locale` with the quoted source lines, as cargo does.
    pub fn render(&self, color: bool, locale: Locale) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR.with_name(t!("level-error").in_locale(locale)),
            Severity::Warning => Level::WARNING.with_name(t!("level-warning").in_locale(locale)),
        };
        let path = self
            .span
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let text = self
            .span
            .source
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_else(|| Arc::from(""));
        let message = self.message.in_locale(locale);
        let label = self.label.as_ref().map(|l| l.in_locale(locale));
        let hint = self.hint.as_ref().map(|h| h.in_locale(locale));
        let mut title = level.primary_title(message.as_str());
        let mut group;
        if text.is_empty() {
            title = title.id(path.as_str());
            let place = t!("diagnostic-in-file", place = self.location()).in_locale(locale);
            let note = Level::NOTE.with_name(t!("level-note").in_locale(locale));
            group = title.element(note.message(place));
        } else {
            let (excerpt, offset, first_line) = excerpt(&text, self.span.range.clone());
            // Windows line ends would show as `␍`: a space keeps every byte offset.
            let excerpt = excerpt.replace('\r', " ");
            let range = (self.span.range.start - offset)..(self.span.range.end - offset);
            let mut ann = AnnotationKind::Primary.span(range);
            if let Some(label) = &label {
                ann = ann.label(label.as_str());
            }
            group = title.element(
                Snippet::source(excerpt)
                    .line_start(first_line)
                    .path(path.as_str())
                    .fold(true)
                    .annotation(ann),
            );
        }
        if let Some(hint) = &hint {
            let help = Level::HELP.with_name(t!("level-help").in_locale(locale));
            group = group.element(help.message(hint.as_str()));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&[group])
    }
}

/// The line a diagnostic points into, cut where the problem starts and ends, for a page that
/// marks the problem itself rather than drawing carets under it: carets line up only where
/// every character has the width a terminal gives it, which a browser's fonts do not promise
/// for Chinese text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Quote {
    /// Its 1-based line number.
    pub line: usize,
    /// The line up to the problem.
    pub before: String,
    /// The problem, up to the end of the line.
    pub marked: String,
    /// The rest of the line.
    pub after: String,
}

impl Diagnostic {
    /// The quoted line of the problem, or `None` for a file that could not be read.
    pub fn quote(&self) -> Option<Quote> {
        let text = &self.span.source.as_ref()?.text;
        if text.is_empty() {
            return None;
        }
        let (excerpt, offset, first_line) = excerpt(text, self.span.range.clone());
        let start = self
            .span
            .range
            .start
            .saturating_sub(offset)
            .min(excerpt.len());
        let start = excerpt.floor_char_boundary(start);
        let line_end = excerpt[start..]
            .find('\n')
            .map_or(excerpt.len(), |i| start + i);
        let end = excerpt.ceil_char_boundary(self.span.range.end.saturating_sub(offset));
        let end = end.clamp(start, line_end);
        let line_start = excerpt[..start].rfind('\n').map_or(0, |i| i + 1);
        // Windows line ends are not shown, as in the terminal.
        let clean = |s: &str| s.trim_end_matches('\r').to_owned();
        Some(Quote {
            line: first_line + excerpt[..line_start].matches('\n').count(),
            before: clean(&excerpt[line_start..start]),
            marked: clean(&excerpt[start..end]),
            after: clean(&excerpt[end..line_end]),
        })
    }
}

/// Cuts the lines around `range` out of `text`, so rendering a diagnostic in a 10,000-line file
/// costs the same as in a 10-line one. Returns the excerpt, its byte offset and its first line.
fn excerpt(text: &str, range: std::ops::Range<usize>) -> (&str, usize, usize) {
    let range = text.floor_char_boundary(range.start)..text.ceil_char_boundary(range.end);
    let start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[range.end..]
        .find('\n')
        .map_or(text.len(), |i| range.end + i);
    let first_line = text[..start].matches('\n').count() + 1;
    (&text[start..end], start, first_line)
}

/// 1-based line and character column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = text.floor_char_boundary(offset);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Byte offset of a 1-based line and character column (the inverse of [`line_column`]).
pub fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[start..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    start
        + rest[..line_end]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_end, |(i, _)| i)
}

/// The "did you mean" hint: the closest of `candidates` to `word`, if any is close enough to be
/// a likely typo rather than a different word.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A hint naming the closest candidate, or listing all of them when none is close. `what`
/// names what the candidates are (`t!("what-field")`: "a field").
pub fn suggest<'a>(
    word: &str,
    what: Text,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Text {
    match did_you_mean(word, candidates.clone()) {
        Some(best) => t!("did-you-mean", best = best),
        None => {
            let mut all: Vec<&str> = candidates.into_iter().collect();
            all.sort_unstable();
            match all.len() {
                0 => t!("suggest-none-yet", what = what),
                1..=12 => t!("suggest-one-of", what = what, names = all.join(", ")),
                n => t!(
                    "suggest-one-of-many",
                    what = what,
                    count = n,
                    names = all[..6].join(", ")
                ),
            }
        }
    }
}

/// Where a file's diagnostics go among others: by path, except that a translation
/// (`index.en.md`) comes right after its default-language file (`index.md`) instead of before
/// it, so a file's own errors are read before anything about its translations.
fn file_order(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let key = match name
        .strip_suffix(".md")
        .and_then(|stem| stem.rsplit_once('.'))
    {
        Some((base, lang)) => format!("{base}.md\u{1}{lang}"),
        None => name.into_owned(),
    };
    path.with_file_name(key)
}

/// Every diagnostic of a run, collected from all stages.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records one diagnostic.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Moves every diagnostic of `other` into this collection.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// The same diagnostics with errors turned into warnings, each noting why.
    pub fn downgraded(mut self, why: &Text) -> Self {
        for d in &mut self.items {
            if d.severity == Severity::Error {
                d.severity = Severity::Warning;
                d.message = t!("downgraded", message = d.message.clone(), why = why.clone());
                debug_assert_eq!(d.message.id(), DOWNGRADED);
            }
        }
        self
    }

    /// The same diagnostics with warnings turned into errors when `strict` is set, except a
    /// draft's: a draft is unfinished by design, and not published.
    pub fn strict_if(mut self, strict: bool) -> Self {
        if strict {
            for d in &mut self.items {
                if d.message.id() != DOWNGRADED {
                    d.severity = Severity::Error;
                }
            }
        }
        self
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// Whether any error was recorded.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// All diagnostics, sorted by file, line and column so output is stable across runs
    /// whatever order the parallel stages finished in.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by_cached_key(|d| {
            (
                d.span.path().map(file_order),
                d.span.line,
                d.span.column,
                d.message.en(),
            )
        });
        v
    }

    /// Every diagnostic rendered for a terminal in `locale`, followed by a one-line summary.
    pub fn render_human(&self, color: bool, locale: Locale) -> String {
        let mut out = String::new();
        for d in self.sorted() {
            out.push_str(&d.render(color, locale));
            out.push_str("\n\n");
        }
        let summary = t!(
            "diagnostics-summary",
            errors = self.error_count(),
            warnings = self.warning_count()
        );
        out.push_str(&summary.in_locale(locale));
        out
    }

    /// Every diagnostic as JSON in `locale`, for CI and editor integrations. `id` is the
    /// message's Fluent id, the same in every language.
    pub fn to_json(&self, locale: Locale) -> serde_json::Value {
        let items: Vec<serde_json::Value> = self
            .sorted()
            .into_iter()
            .map(|d| {
                serde_json::json!({
                    "severity": d.severity,
                    "file": d.span.path().map(|p| p.to_string_lossy().replace('\\', "/")),
                    "line": d.span.line,
                    "column": d.span.column,
                    "id": d.message.id(),
                    "message": d.message.in_locale(locale),
                    "label": d.label.as_ref().map(|t| t.in_locale(locale)),
                    "hint": d.hint.as_ref().map(|t| t.in_locale(locale)),
                    "rendered": d.render(false, locale),
                })
            })
            .collect();
        serde_json::json!({
            "errors": self.error_count(),
            "warnings": self.warning_count(),
            "diagnostics": items,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters_not_bytes() {
        let text = "第一行\n柏林寺村: x";
        let off = text.find(':').unwrap_or(0);
        assert_eq!(line_column(text, off), (2, 5));
        assert_eq!(byte_offset(text, 2, 5), off);
    }

    #[test]
    fn the_quote_cuts_the_line_at_the_problem_on_character_boundaries() {
        let src = SourceText::new("a.md", "---\r\ntitle：柏林寺村\r\nkind: x\r\n---\r\n");
        let at = src.text.find('：').unwrap_or(0);
        let d = Diagnostic::error(src.span(at..at + 3), t!("verbatim", text = "x"));
        assert_eq!(
            d.quote(),
            Some(Quote {
                line: 2,
                before: "title".into(),
                marked: "：".into(),
                after: "柏林寺村".into()
            })
        );
        // A span running past its line is marked to the line's end.
        let d = Diagnostic::error(src.span(at..src.text.len()), t!("verbatim", text = "x"));
        assert_eq!(d.quote().map(|q| q.marked), Some("：柏林寺村".into()));
        let unreadable = Diagnostic::error(Span::file_only("a.md"), t!("verbatim", text = "x"));
        assert_eq!(unreadable.quote(), None);
    }

    #[test]
    fn windows_line_ends_are_not_shown() {
        let src = SourceText::new("content/cases/a/index.md", "---\r\nkind: rurall\r\n---\r\n");
        let d = Diagnostic::error(src.span_at(2, 7, 6), t!("verbatim", text = "x"));
        let out = d.render(false, Locale::En);
        assert!(out.contains("kind: rurall") && !out.contains('␍'), "{out}");
        assert!(out.contains("^^^^^^"), "{out}");
    }

    #[test]
    fn did_you_mean_finds_typos_only() {
        let keys = ["co-decision", "co-construction", "co-management"];
        assert_eq!(did_you_mean("co-managment", keys), Some("co-management"));
        assert_eq!(did_you_mean("banana", keys), None);
    }

    #[test]
    fn render_quotes_the_line() {
        let src = SourceText::new("content/cases/a/index.md", "---\nkind: rurall\n---\n");
        let d = Diagnostic::error(
            src.span_at(2, 7, 6),
            t!("verbatim", text = "unknown kind `rurall`"),
        )
        .hint(t!("did-you-mean", best = "rural"));
        let out = d.render(false, Locale::En);
        assert!(out.contains("content/cases/a/index.md:2:7"), "{out}");
        assert!(out.contains("kind: rurall"), "{out}");
        assert!(out.contains("did you mean `rural`?"), "{out}");
    }
}
