//! The mistakes a Chinese input method or a paste from Word or WPS puts into YAML, recognised
//! near where the parser failed, so that the error names what was typed and what to type
//! instead rather than repeating the parser's words.

use crate::i18n::Text;
use crate::t;

/// A mistake found in the YAML text: where, and what to say about it.
#[derive(Debug, PartialEq)]
pub(super) struct Mistake {
    /// 1-based line in the YAML text.
    pub(super) line: usize,
    /// 1-based column, in characters.
    pub(super) column: usize,
    /// Length in bytes of what is marked.
    pub(super) len: usize,
    pub(super) message: Text,
    pub(super) label: Text,
    pub(super) hint: Text,
}

/// Characters of a key as editors write them (`since`, `alt_before`, `co-decision`).
fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// A line without its indentation and list dash, and how many characters those took.
fn content_of(line: &str) -> (usize, &str) {
    let rest = line.trim_start_matches([' ', '\t']);
    let rest = rest.strip_prefix("- ").unwrap_or(rest);
    let rest = rest.trim_start_matches(' ');
    (line[..line.len() - rest.len()].chars().count(), rest)
}

/// A line's content as `key: value`, when it starts with a key as editors write them.
fn field(content: &str) -> Option<(&str, &str)> {
    let (key, value) = content.split_once(": ")?;
    (!key.is_empty() && key.chars().all(is_key_char)).then_some((key, value))
}

/// The lines to look at for an error reported on line `near`: that line, then the ones above
/// it, nearest first (the parser notices most mistakes a line or more after them), then the
/// one below.
fn around(yaml: &str, near: usize) -> Vec<(usize, &str)> {
    let lines: Vec<&str> = yaml.lines().collect();
    let near = near.clamp(1, lines.len().max(1));
    let mut order: Vec<usize> = (1..=near).rev().collect();
    if near < lines.len() {
        order.push(near + 1);
    }
    order
        .into_iter()
        .filter_map(|n| lines.get(n - 1).map(|l| (n, *l)))
        .collect()
}

/// `since： 2019`: a key followed by the full-width colon a Chinese input method types.
pub(super) fn full_width_colon(yaml: &str, near: usize) -> Option<Mistake> {
    around(yaml, near).into_iter().find_map(|(n, line)| {
        let (skip, rest) = content_of(line);
        let key: String = rest.chars().take_while(|&c| is_key_char(c)).collect();
        let after = rest[key.len()..].trim_start_matches(' ');
        if key.is_empty() || !after.starts_with('：') {
            return None;
        }
        let column = skip + rest[..rest.len() - after.len()].chars().count() + 1;
        Some(Mistake {
            line: n,
            column,
            len: '：'.len_utf8(),
            message: t!("yaml-full-width-colon", key = &key),
            label: t!("yaml-full-width-colon-label"),
            hint: t!("yaml-full-width-colon-hint", key = &key),
        })
    })
}

/// `title: “甲村: 经验”`: text quoted with Chinese quotation marks, which YAML does not take
/// as quotes.
pub(super) fn chinese_quotes(yaml: &str, near: usize) -> Option<Mistake> {
    // Only the failing line and the one above: elsewhere such marks are the text's own.
    around(yaml, near)
        .into_iter()
        .take(2)
        .find_map(|(n, line)| {
            // `"5”`: an ASCII quote that a Chinese mark was meant to close.
            if let Some(m) = closed_with_chinese_mark(n, line) {
                return Some(m);
            }
            // Marks inside ASCII quotes are the text's own.
            let quoted_parts: Vec<(usize, usize)> = value_quotes(line)
                .into_iter()
                .map(|(at, end)| (at, end.map_or(line.len(), |e| at + 1 + e)))
                .collect();
            let (at, mark) = line.char_indices().find(|&(i, c)| {
                matches!(c, '“' | '”' | '‘' | '’')
                    && !quoted_parts.iter().any(|&(a, e)| a < i && i < e)
            })?;
            Some(Mistake {
                line: n,
                column: line[..at].chars().count() + 1,
                len: mark.len_utf8(),
                message: t!("yaml-chinese-quote", mark = mark.to_string()),
                label: t!("yaml-chinese-quote-label"),
                hint: t!("yaml-chinese-quote-hint", line = quoted(line.trim())),
            })
        })
}

/// `key: value` with its value quoted as YAML reads quotes. A value wholly inside Chinese
/// quotation marks gets ASCII ones instead; any other keeps its marks as text, inside ASCII
/// quotes, so what follows a closing `”` stays valid.
fn quoted(line: &str) -> String {
    let Some((key, value)) = line.split_once(": ") else {
        return line.replace(['“', '”'], "\"").replace(['‘', '’'], "'");
    };
    let value = value.trim();
    let inner = value
        .strip_prefix('“')
        .and_then(|v| v.strip_suffix('”'))
        .filter(|v| !v.contains(['“', '”']));
    let text = inner.unwrap_or(value);
    let escaped = text.replace('\\', "\\\\").replace('"', "\\\"");
    format!("{key}: \"{escaped}\"")
}

/// A double-quoted value whose closing quote is missing: the parser reads on, often to the end
/// of the front matter, and fails there. Points at the quote that opened it, in a `key: value`
/// line or inside `[…]` and `{…}`; one closed with a Chinese quotation mark (`"5”`) is named
/// so, with the line as it should be.
pub(super) fn unclosed_quote(yaml: &str, near: usize) -> Option<Mistake> {
    yaml.lines()
        .enumerate()
        .take(near.saturating_sub(1))
        .find_map(|(i, line)| {
            let at = open_quote(line)?;
            if let Some(m) = closed_with_chinese_mark(i + 1, line) {
                return Some(m);
            }
            Some(Mistake {
                line: i + 1,
                column: line[..at].chars().count() + 1,
                len: 1,
                message: t!("yaml-unclosed-quote"),
                label: t!("yaml-unclosed-quote-label"),
                hint: t!("yaml-unclosed-quote-hint"),
            })
        })
}

/// `value: "5”`: a quote on line `n` ended with a Chinese quotation mark (the ASCII quote
/// that closes it, if any, belongs to the next value); the hint gives the line with an ASCII
/// one.
fn closed_with_chinese_mark(n: usize, line: &str) -> Option<Mistake> {
    let at = value_quotes(line).into_iter().find_map(|(at, end)| {
        let inner = &line[at + 1..];
        let text = &inner[..end.unwrap_or(inner.len())];
        // `"他说“好”"` quotes a quotation: its `”` closes the `“` before it.
        let close = text.find('”')?;
        (!text[..close].contains('“')).then_some(at)
    })?;
    let rest = &line[at + 1..];
    let fixed = format!(
        "{}\"{}",
        line[..at].trim_start(),
        rest.replacen('”', "\"", 1)
    );
    Some(Mistake {
        line: n,
        column: line[..at].chars().count() + 1,
        len: 1,
        message: t!("yaml-quote-closed-chinese"),
        label: t!("yaml-unclosed-quote-label"),
        hint: t!("yaml-quote-closed-chinese-hint", line = fixed),
    })
}

/// Where a double-quoted value opens on `line` without closing on it.
fn open_quote(line: &str) -> Option<usize> {
    value_quotes(line)
        .into_iter()
        .find_map(|(at, end)| end.is_none().then_some(at))
}

/// The double quotes that start a value on `line` (after `: `, a list's `- `, `[`, `{` or `,`,
/// outside other quotes and comments), each with the offset of its closing quote in the text
/// after it, if the line closes it.
fn value_quotes(line: &str) -> Vec<(usize, Option<usize>)> {
    let mut found = Vec::new();
    let mut prev: Option<char> = None;
    let mut i = 0;
    while let Some(c) = line[i..].chars().next() {
        let starts_value = matches!(prev, None | Some(':' | '-' | '[' | '{' | ','));
        match c {
            '"' | '\'' if starts_value => {
                let end = closing(&line[i + 1..], c);
                if c == '"' {
                    found.push((i, end));
                }
                let Some(end) = end else {
                    break;
                };
                i += 1 + end;
                prev = Some(c);
            }
            // A comment: nothing after it is YAML.
            '#' if i > 0 && line[..i].ends_with(' ') => break,
            ' ' | '\t' => {}
            c => prev = Some(c),
        }
        i += c.len_utf8();
    }
    found
}

/// The offset in `inner` of the quote `q` that closes a scalar it opened, if on this line.
fn closing(inner: &str, q: char) -> Option<usize> {
    let mut escaped = false;
    let mut chars = inner.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            _ if escaped => escaped = false,
            '\\' if q == '"' => escaped = true,
            // In single quotes, `''` is one quote.
            '\'' if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                chars.next();
            }
            c if c == q => return Some(at),
            _ => {}
        }
    }
    None
}

/// `－ no-one-manages`: a list item begun with the dash a Chinese input method types (or a
/// dash from Word) instead of an ASCII hyphen.
pub(super) fn full_width_dash(yaml: &str, near: usize) -> Option<Mistake> {
    around(yaml, near)
        .into_iter()
        .take(2)
        .find_map(|(n, line)| {
            let rest = line.trim_start_matches([' ', '\u{3000}']);
            let mut cs = rest.chars();
            let dash = cs.next().filter(|c| matches!(c, '－' | '—' | '–' | '−'))?;
            let item = cs.as_str();
            if !item.starts_with([' ', '\u{3000}']) {
                return None;
            }
            Some(Mistake {
                line: n,
                column: line[..line.len() - rest.len()].chars().count() + 1,
                len: dash.len_utf8(),
                message: t!("yaml-full-width-dash", dash = dash.to_string()),
                label: t!("yaml-full-width-dash-label"),
                hint: t!("yaml-full-width-dash-hint", item = item.trim()),
            })
        })
}

/// A line of the mapping without `key: `: a field whose colon was left out (`kind rural`),
/// or text carried onto a new line at the first column (a long summary wrapped by hand),
/// which YAML reads as a new field. Only the line the parser failed on.
pub(super) fn no_colon(yaml: &str, near: usize) -> Option<Mistake> {
    let line = yaml.lines().nth(near.checked_sub(1)?)?;
    let (skip, rest) = content_of(line);
    // A list item (`- x`) is no field, and says nothing of a colon.
    if line.trim_start().starts_with("- ")
        || rest.is_empty()
        || rest.contains(": ")
        || rest.ends_with(':')
        || rest.starts_with('#')
    {
        return None;
    }
    let key: String = rest.chars().take_while(|&c| is_key_char(c)).collect();
    let after = &rest[key.len()..];
    let (message, label, hint) = if !key.is_empty() && after.starts_with(' ') {
        let value = after.trim();
        (
            t!("yaml-no-colon", key = &key),
            t!("yaml-no-colon-label"),
            t!("yaml-no-colon-hint", key = &key, value = value),
        )
    } else {
        (
            t!("yaml-wrapped-line"),
            t!("yaml-wrapped-line-label"),
            t!("yaml-wrapped-line-hint"),
        )
    };
    Some(Mistake {
        line: near,
        column: skip + 1,
        len: rest.chars().next()?.len_utf8(),
        message,
        label,
        hint,
    })
}

/// `title: *重点*村`, `title: @甲村`: a value that begins with a character YAML reserves
/// (an alias, a tag, a directive, or one kept for later), not read as text.
pub(super) fn reserved_start(yaml: &str, near: usize) -> Option<Mistake> {
    let line = yaml.lines().nth(near.checked_sub(1)?)?;
    let (_, rest) = content_of(line);
    let (key, value) = field(rest)?;
    let value = value.trim_start();
    let mark = value.chars().next().filter(|c| "*@`!%&".contains(*c))?;
    let at = line.len() - value.len();
    Some(Mistake {
        line: near,
        column: line[..at].chars().count() + 1,
        len: 1,
        message: t!("yaml-reserved-start", key = key, mark = mark.to_string()),
        label: t!("yaml-reserved-start-label"),
        hint: t!("yaml-reserved-start-hint", line = quoted(rest.trim())),
    })
}

/// `kind: rural` then `- x`: a list item under a field that has its value on its own line
/// already. Only the line the parser failed on.
pub(super) fn stray_item(yaml: &str, near: usize) -> Option<Mistake> {
    let lines: Vec<&str> = yaml.lines().collect();
    let line = lines.get(near.checked_sub(1)?)?;
    let rest = line.trim_start_matches(' ');
    let item = rest.strip_prefix("- ")?.trim();
    let above = lines[..near - 1]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let (_, content) = content_of(above);
    let (key, value) = field(content)?;
    if value.trim().is_empty() {
        return None;
    }
    Some(Mistake {
        line: near,
        column: line.len() - rest.len() + 1,
        len: 1,
        message: t!("yaml-stray-item", key = key),
        label: t!("yaml-stray-item-label"),
        hint: t!("yaml-stray-item-hint", key = key, item = item),
    })
}

/// `tags: [党建引领, 垃圾分类`: a list or a group of fields opened with `[` or `{` and not
/// closed on its line (the parser reads on and fails further down). The failing line and the
/// two above it.
pub(super) fn unclosed_bracket(yaml: &str, near: usize) -> Option<Mistake> {
    around(yaml, near)
        .into_iter()
        .take(3)
        .find_map(|(n, line)| {
            let (_, rest) = content_of(line);
            let value = field(rest).map_or(rest, |(_, value)| value.trim_start());
            let open = value.chars().next().filter(|c| matches!(c, '[' | '{'))?;
            let close = if open == '[' { ']' } else { '}' };
            let (mut depth, mut quote) = (0i32, None);
            for c in value.chars() {
                match (quote, c) {
                    (Some(q), c) if c == q => quote = None,
                    (Some(_), _) => {}
                    (None, '"' | '\'') => quote = Some(c),
                    (None, c) if c == open => depth += 1,
                    (None, c) if c == close => depth -= 1,
                    _ => {}
                }
            }
            if depth <= 0 {
                return None;
            }
            let at = line.len() - value.len();
            Some(Mistake {
                line: n,
                column: line[..at].chars().count() + 1,
                len: 1,
                message: t!("yaml-unclosed-bracket", open = open.to_string()),
                label: t!("yaml-unclosed-bracket-label"),
                hint: t!(
                    "yaml-unclosed-bracket-hint",
                    close = close.to_string(),
                    line = format!("{}{close}", rest.trim_end())
                ),
            })
        })
}

/// `summary: 甲村: 议事`: an ASCII colon and a space inside a value, which YAML reads as the
/// start of another field. Only the line the parser failed on: elsewhere such a colon is in
/// quoted text.
pub(super) fn colon_in_value(yaml: &str, near: usize) -> Option<Mistake> {
    let line = yaml.lines().nth(near.checked_sub(1)?)?;
    let (_, rest) = content_of(line);
    let (key, value) = field(rest)?;
    if value
        .trim_start()
        .starts_with(['"', '\'', '[', '{', '|', '>'])
    {
        return None;
    }
    let at = line.len() - value.len() + value.find(": ")?;
    Some(Mistake {
        line: near,
        column: line[..at].chars().count() + 1,
        len: 1,
        message: t!("yaml-colon-in-value", key = key),
        label: t!("yaml-colon-in-value-label"),
        hint: t!("yaml-colon-in-value-hint", line = quoted(rest.trim())),
    })
}

/// ` kind: rural`: a field indented under one that opens nothing to nest it in (the line
/// above has its value already). Points at the spaces.
pub(super) fn stray_indent(yaml: &str, near: usize) -> Option<Mistake> {
    let lines: Vec<&str> = yaml.lines().collect();
    let line = lines.get(near.checked_sub(1)?)?;
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let above = lines[..near - 1]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty())?;
    let (spaces, rest) = (indent(line), line.trim_start_matches(' '));
    let key: String = rest.chars().take_while(|&c| is_key_char(c)).collect();
    let opens = above.trim_end().ends_with(':') || above.trim_start().starts_with("- ");
    if spaces <= indent(above) || opens || key.is_empty() || !rest[key.len()..].starts_with(':') {
        return None;
    }
    Some(Mistake {
        line: near,
        column: 1,
        len: spaces,
        message: t!("yaml-stray-indent", key = &key),
        label: t!("yaml-stray-indent-label"),
        hint: t!("yaml-stray-indent-hint", key = &key),
    })
}

/// `since: 2019年`: a number written with a unit. `line` and `column` are where the parser
/// located the value.
pub(super) fn number_with_unit(yaml: &str, line: usize, column: usize) -> Option<Mistake> {
    let text = yaml.lines().nth(line.checked_sub(1)?)?;
    let start = text.char_indices().nth(column.checked_sub(1)?)?.0;
    let value = text[start..].trim_end();
    let digits = value.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits == value.chars().count() {
        return None;
    }
    let number = &value[..digits];
    Some(Mistake {
        line,
        column,
        len: value.len(),
        message: t!("yaml-number-with-unit", value = value),
        label: t!("yaml-number-with-unit-label"),
        hint: t!("yaml-number-with-unit-hint", number = number),
    })
}

/// The line where `key` was first given in the mapping that gives it again on line `again`:
/// the nearest line above at the same indentation.
pub(super) fn first_given(yaml: &str, key: &str, again: usize) -> Option<usize> {
    let lines: Vec<&str> = yaml.lines().collect();
    let repeat = lines.get(again.checked_sub(1)?)?;
    let indent = repeat.len() - repeat.trim_start().len();
    (1..again).rev().find(|&n| {
        let l = lines[n - 1];
        let rest = &l[(l.len() - l.trim_start().len())..];
        l.len() - rest.len() == indent
            && rest
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_item_begun_with_a_full_width_dash_is_found() {
        let m = full_width_dash("challenges:\n－ no-one-manages\n", 2);
        assert_eq!(m.map(|m| (m.line, m.column, m.len)), Some((2, 1, 3)));
        // A dash inside text, or one not followed by a space, is the text's own.
        assert_eq!(full_width_dash("title: 甲村－乙村\n", 1), None);
        assert_eq!(full_width_dash("summary: >\n  ——引言\n", 2), None);
    }

    #[test]
    fn a_line_without_a_colon_is_a_missing_colon_or_a_wrapped_value() {
        let m = no_colon("title: 甲村\nkind rural\n", 2);
        assert_eq!(
            m.map(|m| (m.line, m.column, m.message.id())),
            Some((2, 1, "yaml-no-colon"))
        );
        let m = no_colon("summary: 甲村，\n垃圾分类有人管。\n", 2);
        assert_eq!(m.map(|m| m.message.id()), Some("yaml-wrapped-line"));
        assert_eq!(no_colon("kind: rural\n", 1), None);
        assert_eq!(no_colon("methods:\n", 1), None);
        assert_eq!(no_colon("kind: rural\n- x\n", 2), None);
    }

    #[test]
    fn a_value_begun_with_a_reserved_character_is_found() {
        let m = reserved_start("title: *重点*村\n", 1);
        assert_eq!(m.map(|m| (m.line, m.column)), Some((1, 8)));
        assert_eq!(reserved_start("title: 重点*村\n", 1), None);
        assert_eq!(reserved_start("title: \"*重点*村\"\n", 1), None);
    }

    #[test]
    fn a_list_item_under_a_field_with_its_value_is_found() {
        let m = stray_item("kind: rural\n- x\n", 2);
        assert_eq!(m.map(|m| (m.line, m.column)), Some((2, 1)));
        assert_eq!(stray_item("tags:\n- x\n", 2), None);
        assert_eq!(stray_item("kind: rural\nrole: x\n", 2), None);
    }

    #[test]
    fn a_bracket_not_closed_on_its_line_is_found() {
        let m = unclosed_bracket("tags: [党建引领, 垃圾分类\nkind: rural\n", 2);
        assert_eq!(m.map(|m| (m.line, m.column)), Some((1, 7)));
        assert_eq!(unclosed_bracket("tags: [a, \"]\", b]\n", 1), None);
        assert_eq!(unclosed_bracket("place: {village: 甲村}\n", 1), None);
    }

    #[test]
    fn a_colon_and_a_space_inside_a_value_is_found_on_the_failing_line() {
        let yaml = "title: 甲村\nsummary: 甲村: 议事\n";
        let m = colon_in_value(yaml, 2);
        assert_eq!(m.map(|m| (m.line, m.column)), Some((2, 12)));
        // Quoted, it is the text's own; and a line without one is not this mistake.
        assert_eq!(colon_in_value("summary: \"甲村: 议事\"\n", 1), None);
        assert_eq!(colon_in_value("title: 甲村\n", 1), None);
    }

    #[test]
    fn a_field_indented_under_a_finished_one_is_a_stray_indent() {
        let yaml = "kind: rural\n  role: pilot\n";
        let m = stray_indent(yaml, 2);
        assert_eq!(m.map(|m| (m.line, m.column, m.len)), Some((2, 1, 2)));
        // Under a key that opens a block, or in a list, indentation is the structure.
        assert_eq!(stray_indent("place:\n  village: 甲村\n", 2), None);
        assert_eq!(
            stray_indent("photos:\n  - before: a.jpg\n    alt: x\n", 3),
            None
        );
    }

    #[test]
    fn a_full_width_colon_after_a_key_is_found_above_the_error() {
        let yaml = "title: 甲村\nsince： 2019\nkind: rural\n";
        let m = full_width_colon(yaml, 3);
        assert_eq!(m.map(|m| (m.line, m.column)), Some((2, 6)));
    }

    #[test]
    fn a_full_width_colon_inside_text_is_not_a_mistake() {
        assert_eq!(
            full_width_colon("title: 甲村：经验\n- 第一步：开会\n", 2),
            None
        );
    }

    #[test]
    fn the_quoted_line_a_hint_offers_is_valid_yaml() {
        assert_eq!(quoted("title: “甲村: 经验”"), "title: \"甲村: 经验\"");
        assert_eq!(
            quoted("summary: “甲村”经验: 很好"),
            "summary: \"“甲村”经验: 很好\""
        );
        assert_eq!(quoted("- “a\"b”"), "- \"a\"b\"");
        for line in [
            "title: “甲村: 经验”",
            "summary: “甲村”经验: 很好",
            "note: 他说“好\\”: 是",
        ] {
            let fixed = quoted(line);
            let parsed: Result<std::collections::BTreeMap<String, String>, _> =
                serde_saphyr::from_str(&fixed);
            assert!(parsed.is_ok(), "{fixed}: {parsed:?}");
        }
    }

    #[test]
    fn an_unclosed_quote_is_found_where_it_opened() {
        let yaml = "title: \"甲村\nsummary: 乙\nkind: rural\n";
        let m = unclosed_quote(yaml, 3);
        assert_eq!(m.map(|m| (m.line, m.column)), Some((1, 8)));
        assert_eq!(unclosed_quote("title: \"a \\\" b\"\nkind: x\n", 2), None);
    }

    #[test]
    fn a_quote_inside_a_flow_mapping_closed_with_a_chinese_mark_is_found() {
        let yaml = "figures:\n  - {label: 户数, value: \"5”}\nsources:\n  - {url: \"https://x\"}\n";
        let m = unclosed_quote(yaml, 4);
        assert_eq!(m.map(|m| (m.line, m.column)), Some((2, 24)));
        // Closed quotes, single quotes holding a `"`, and comments are not this mistake.
        let fine = "a: {b: \"x\", c: 'say \"hi'}\nd: x # a \"comment\ne: y\n";
        assert_eq!(unclosed_quote(fine, 3), None);
        // A quotation inside quotes is the text's own.
        assert_eq!(closed_with_chinese_mark(1, "title: \"他说“好”\""), None);
        assert_eq!(chinese_quotes("title: \"他说“好”\"\nkind2 x\n", 2), None);
    }

    #[test]
    fn a_number_with_a_unit_names_the_number() {
        let m = number_with_unit("since: 2019年\n", 1, 8);
        assert_eq!(m.map(|m| m.hint.en().contains("`2019`")), Some(true));
        assert_eq!(number_with_unit("since: 2019\n", 1, 8), None);
    }

    #[test]
    fn the_first_of_two_keys_is_found_at_its_indentation() {
        let yaml = "title: a\nplace:\n  title: x\ntitle: b\n";
        assert_eq!(first_given(yaml, "title", 4), Some(1));
    }
}
