//! Splits a Markdown file into its YAML front matter and its Markdown body.

/// A Markdown file cut in two, with positions kept so diagnostics can point into either part.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    /// The YAML between the `---` fences.
    pub yaml: &'a str,
    /// 1-based line of the file on which the YAML starts.
    pub yaml_line: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
}

/// Why a file has no usable front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `---` line.
    NoOpeningFence,
    /// No closing `---` line follows the opening one.
    NoClosingFence,
    /// No closing `---` line, but line `line` (1-based) holds only dashes of another kind or
    /// number (`——`, `－－－`, `----`): what a Chinese input method types for `---`.
    DashedFence { line: usize },
}

/// Whether `line` is made only of dashes, and is not the fence itself.
fn looks_like_fence(line: &str) -> bool {
    let t = line.trim();
    t != "---"
        && t.chars().count() >= 2
        && t.chars().all(|c| {
            matches!(
                c,
                '-' | '\u{2010}'..='\u{2015}' | '\u{2500}' | '\u{30FC}' | '\u{FE63}' | '\u{FF0D}'
            )
        })
}

/// Splits `text` at its `---` fences. A byte-order mark and Windows line ends are accepted,
/// since editors on every system write case files.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let rest = &text[start..];
    let first_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_end].trim_end() != "---" {
        return Err(SplitError::NoOpeningFence);
    }
    let yaml_start = start + first_end;
    let mut pos = yaml_start;
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        if text[pos..line_end].trim_end() == "---" {
            return Ok(Split {
                yaml: &text[yaml_start..pos],
                yaml_line: 2,
                body: &text[line_end..],
                body_offset: line_end,
            });
        }
        pos = line_end;
    }
    match text[yaml_start..].lines().position(looks_like_fence) {
        Some(i) => Err(SplitError::DashedFence { line: i + 2 }),
        None => Err(SplitError::NoClosingFence),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let s = split("---\ntitle: x\n---\n# Hello\n").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.yaml, "title: x\n");
        assert_eq!(s.body, "# Hello\n");
        assert_eq!(s.body_offset, 17);
    }

    #[test]
    fn accepts_crlf_and_bom() {
        let s = split("\u{feff}---\r\ntitle: x\r\n---\r\nbody").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.yaml, "title: x\r\n");
        assert_eq!(s.body, "body");
    }

    #[test]
    fn reports_missing_fences() {
        assert_eq!(split("title: x\n").err(), Some(SplitError::NoOpeningFence));
        assert_eq!(
            split("---\ntitle: x\n").err(),
            Some(SplitError::NoClosingFence)
        );
    }
}
