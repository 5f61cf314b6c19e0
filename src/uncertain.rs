//! Phrases a document marks as uncertain or reconstructed (`uncertain:` in its front matter),
//! found in its page's text and wrapped so readers see them: every occurrence gets a dotted
//! underline and its reason on hover; the first also gets a number that points at the page's
//! note listing every reason, and keyboard focus (a reader tabs to each reason once). One pass
//! over the page's finished HTML marks them wherever the text appears (title, place, method
//! rows, practices, captions, body), so no template or field needs to know.
//!
//! Only the text of `<main>` is marked, and not inside an element with `data-unmarked` (the
//! notes themselves, lists of other cases), `<nav>` (breadcrumbs and tables of contents, which
//! print hides: the first mark, which carries the number, must be in the text), `<script>`,
//! `<style>`, `<textarea>` or inside a tag's attributes. Marks are numbered in reading order.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::Uncertain;

/// Elements whose text is never marked.
const SKIPPED: [&str; 5] = ["script", "style", "textarea", "option", "nav"];

/// The page `html` with every occurrence of each phrase in `list` marked. Note `n` of the
/// page's notes is `list[n - 1]`.
pub fn mark(html: &str, list: &[Uncertain]) -> String {
    let Some(finder) = Finder::new(list) else {
        return html.to_owned();
    };
    let Some(start) = html.find("<main") else {
        return html.to_owned();
    };
    let end = html.rfind("</main>").unwrap_or(html.len()).max(start);
    let mut out = String::with_capacity(html.len() + 256);
    out.push_str(&html[..start]);
    let mut scan = Scan {
        finder: &finder,
        list,
        out,
        skip: None,
        shown: vec![None; list.len()],
    };
    scan.run(&html[start..end]);
    let mut out = scan.out;
    out.push_str(&html[end..]);
    out
}

/// Every way a phrase is written in a page: escaped as templates escape a value, and as
/// Markdown escapes body text. Each pattern maps back to its phrase.
struct Finder {
    ac: AhoCorasick,
    phrase_of: Vec<usize>,
}

impl Finder {
    fn new(list: &[Uncertain]) -> Option<Finder> {
        let mut patterns: Vec<String> = Vec::new();
        let mut phrase_of = Vec::new();
        for (i, u) in list.iter().enumerate() {
            if u.text.trim().is_empty() {
                continue;
            }
            for p in [escape(&u.text, true), escape(&u.text, false)] {
                if !patterns.contains(&p) {
                    patterns.push(p);
                    phrase_of.push(i);
                }
            }
        }
        if patterns.is_empty() {
            return None;
        }
        // The longest phrase wins where two start at one place ("5 至 10 名" over "5 至 10").
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok()?;
        Some(Finder { ac, phrase_of })
    }
}

/// `text` as it appears in HTML: with `&`, `<` and `>` escaped, and with quotes escaped too as
/// templates escape values (`"` as `&quot;`, `'` as `&#39;`) when `quotes`.
fn escape(text: &str, quotes: bool) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' if quotes => s.push_str("&quot;"),
            '\'' if quotes => s.push_str("&#39;"),
            c => s.push(c),
        }
    }
    s
}

/// A pass over `<main>`: tags copied as they are, text copied with its phrases marked.
struct Scan<'a> {
    finder: &'a Finder,
    list: &'a [Uncertain],
    out: String,
    /// Inside an element whose text is not marked: its name and how deep in it the scan is.
    skip: Option<(String, usize)>,
    /// The number each phrase got where the page first shows it, in reading order: that
    /// occurrence carries the number and keyboard focus, later ones only the underline and the
    /// reason on hover.
    shown: Vec<Option<usize>>,
}

impl Scan<'_> {
    fn run(&mut self, html: &str) {
        let mut rest = html;
        while !rest.is_empty() {
            let Some(lt) = rest.find('<') else {
                self.text(rest);
                break;
            };
            self.text(&rest[..lt]);
            rest = &rest[lt..];
            let len = tag_len(rest);
            let tag = &rest[..len];
            if self.skip.is_none() && has_attribute(tag, "data-uncertain-notes") {
                let end = element_end(rest);
                self.notes(&rest[..end]);
                rest = &rest[end..];
                continue;
            }
            self.tag(tag);
            self.out.push_str(tag);
            rest = &rest[len..];
        }
    }

    /// Follows which elements the scan is inside of, as far as skipping needs.
    fn tag(&mut self, tag: &str) {
        let (closing, name) = tag_name(tag);
        if name.is_empty() {
            return;
        }
        match &mut self.skip {
            Some((skipped, depth)) if *skipped == name => {
                if closing {
                    *depth -= 1;
                    if *depth == 0 {
                        self.skip = None;
                    }
                } else if !tag.ends_with("/>") {
                    *depth += 1;
                }
            }
            Some(_) => {}
            None if !closing
                && (SKIPPED.contains(&name.as_str()) || has_attribute(tag, "data-unmarked")) =>
            {
                self.skip = Some((name, 1));
            }
            None => {}
        }
    }

    /// Text between tags, its phrases marked unless skipped.
    fn text(&mut self, text: &str) {
        if self.skip.is_some() {
            self.out.push_str(text);
            return;
        }
        let mut at = 0;
        for m in self.finder.ac.find_iter(text) {
            let i = self.finder.phrase_of[m.pattern().as_usize()];
            self.out.push_str(&text[at..m.start()]);
            self.marked(i, &text[m.start()..m.end()]);
            at = m.end();
        }
        self.out.push_str(&text[at..]);
    }

    /// The page's notes (an element with `data-uncertain-notes`, each note an
    /// `<li id="uncertain-n" value="n" data-uncertain="n">` numbered by the phrase's place in
    /// the list): only the notes of phrases the page showed before them are kept, renumbered and
    /// ordered as the page shows them, and none at all when it showed none.
    fn notes(&mut self, notes: &str) {
        if self.shown.iter().all(Option::is_none) {
            return;
        }
        let Some(first) = notes.find("<li") else {
            self.out.push_str(notes);
            return;
        };
        let last = notes.rfind("</li>").map_or(notes.len(), |e| e + 5);
        self.out.push_str(&notes[..first]);
        let mut items: Vec<(usize, String)> = Vec::new();
        let mut rest = &notes[first..last];
        while let Some(start) = rest.find("<li") {
            rest = &rest[start..];
            let tag = &rest[..tag_len(rest)];
            let end = rest.find("</li>").map_or(rest.len(), |e| e + 5);
            let n = note_number(tag).unwrap_or(0);
            if let Some(Some(d)) = self.shown.get(n.wrapping_sub(1)) {
                let start_tag = tag
                    .replace(&format!("uncertain-{n}\""), &format!("uncertain-{d}\""))
                    .replace(&format!("value=\"{n}\""), &format!("value=\"{d}\""))
                    .replace(
                        &format!("data-uncertain=\"{n}\""),
                        &format!("data-uncertain=\"{d}\""),
                    );
                items.push((*d, format!("{start_tag}{}", &rest[tag.len()..end])));
            }
            rest = &rest[end..];
        }
        items.sort_by_key(|(d, _)| *d);
        for (_, li) in items {
            self.out.push_str(&li);
        }
        self.out.push_str(&notes[last..]);
    }

    /// One occurrence of phrase `i`, as it is written in the page.
    fn marked(&mut self, i: usize, written: &str) {
        let why = escape(&self.list[i].why, true);
        self.out.push_str("<span class=\"uncertain\" data-why=\"");
        self.out.push_str(&why);
        self.out.push('"');
        if self.shown[i].is_some() {
            self.out.push('>');
            self.out.push_str(written);
            self.out.push_str("</span>");
            return;
        }
        let n = self.shown.iter().flatten().count() + 1;
        self.shown[i] = Some(n);
        self.out.push_str(&format!(
            " tabindex=\"0\" aria-describedby=\"uncertain-{n}\">{written}\
             <sup class=\"uncertain-ref\" aria-hidden=\"true\">?{n}</sup></span>"
        ));
    }
}

/// The length of the tag, comment or doctype at the start of `s` (which starts with `<`): up to
/// its `>` outside quotes, or all of `s` when it is not closed.
fn tag_len(s: &str) -> usize {
    if s.starts_with("<!--") {
        return s.find("-->").map_or(s.len(), |e| e + 3);
    }
    let mut quote: Option<u8> = None;
    for (i, b) in s.bytes().enumerate().skip(1) {
        match (quote, b) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return i + 1,
            (None, _) => {}
        }
    }
    s.len()
}

/// The length of the element that starts `s` (with its start tag), up to the end of its
/// closing tag, counting elements of the same name inside it; all of `s` when it is not closed.
fn element_end(s: &str) -> usize {
    let (_, name) = tag_name(&s[..tag_len(s)]);
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(lt) = s[at..].find('<') {
        let start = at + lt;
        let len = tag_len(&s[start..]);
        let tag = &s[start..start + len];
        let (closing, n) = tag_name(tag);
        if n == name {
            if closing {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return start + len;
                }
            } else if !tag.ends_with("/>") {
                depth += 1;
            }
        }
        at = start + len;
    }
    s.len()
}

/// The note number of a note's `<li data-uncertain="n">`.
fn note_number(tag: &str) -> Option<usize> {
    let (_, rest) = tag.split_once("data-uncertain=\"")?;
    rest.split('"').next()?.parse().ok()
}

/// Whether a tag closes an element, and the element's name in lower case (empty for a
/// comment or a doctype).
fn tag_name(tag: &str) -> (bool, String) {
    let inner = tag.trim_start_matches('<');
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name: String = inner
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    (closing, name.to_ascii_lowercase())
}

/// Whether a start tag has the attribute `name` (with or without a value).
fn has_attribute(tag: &str, name: &str) -> bool {
    tag.match_indices(name).any(|(i, _)| {
        let before = tag[..i].chars().next_back();
        let after = tag[i + name.len()..].chars().next();
        before.is_some_and(char::is_whitespace)
            && after.is_none_or(|c| c == '=' || c == '>' || c == '/' || c.is_whitespace())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(text: &str, why: &str) -> Uncertain {
        Uncertain {
            text: text.into(),
            why: why.into(),
        }
    }

    #[test]
    fn marks_text_in_main_only_and_once_focusable() {
        let html = "<title>七里坪镇</title><main><h1>七里坪镇</h1><p title=\"七里坪镇\">在七里坪镇。</p></main><footer>七里坪镇</footer>";
        let out = mark(html, &[u("七里坪镇", "译文为 Qiling Town")]);
        assert!(out.starts_with("<title>七里坪镇</title>"), "{out}");
        assert!(out.ends_with("<footer>七里坪镇</footer>"), "{out}");
        assert_eq!(out.matches("class=\"uncertain\"").count(), 2, "{out}");
        assert_eq!(out.matches("tabindex=\"0\"").count(), 1, "{out}");
        assert_eq!(
            out.matches("uncertain-ref").count(),
            1,
            "the number is shown once: {out}"
        );
        assert!(
            out.contains("<p title=\"七里坪镇\">"),
            "attributes are left alone: {out}"
        );
        assert!(out.contains("aria-describedby=\"uncertain-1\""), "{out}");
        assert!(out.contains("?1</sup>"), "{out}");
    }

    #[test]
    fn skips_unmarked_elements_scripts_and_nested_ones() {
        let html = "<main><section data-unmarked><div><div>中建</div></div>中建</section><script>var x='中建'</script><p>中建</p></main>";
        let out = mark(html, &[u("中建", "全称待核实")]);
        assert_eq!(out.matches("class=\"uncertain\"").count(), 1, "{out}");
        assert!(out.contains("<p><span class=\"uncertain\""), "{out}");
    }

    #[test]
    fn finds_escaped_quotes_and_prefers_the_longest_phrase() {
        let html = "<main><p>the owners&#39; committee</p><p>owners' committee</p><p>5 to 10 ordinary residents</p></main>";
        let list = [
            u("owners' committee", "a guess"),
            u("5 to 10", "unit"),
            u("5 to 10 ordinary residents", "unit \"people\""),
        ];
        let out = mark(html, &list);
        assert_eq!(out.matches("?1</sup>").count(), 1, "{out}");
        assert_eq!(out.matches("data-why=\"a guess\"").count(), 2, "{out}");
        assert_eq!(
            out.matches("data-why=\"unit\"").count(),
            0,
            "the shorter phrase lost: {out}"
        );
        assert_eq!(
            out.matches("?2</sup>").count(),
            1,
            "numbered in reading order: {out}"
        );
        assert!(
            out.contains("data-why=\"unit &quot;people&quot;\""),
            "{out}"
        );
    }

    #[test]
    fn keeps_the_notes_of_phrases_the_page_shows() {
        let notes = "<section class=\"n\" data-uncertain-notes data-unmarked><h2>存疑</h2><ol><li data-uncertain=\"1\">中建：待核实</li><li data-uncertain=\"2\">三包：待核实</li></ol></section>";
        let list = [u("中建", "待核实"), u("三包", "待核实")];
        let out = mark(&format!("<main><p>中建</p>{notes}</main>"), &list);
        assert!(
            out.contains("<li data-uncertain=\"1\">中建：待核实</li>"),
            "{out}"
        );
        assert!(!out.contains("三包"), "{out}");
        let none = mark(&format!("<main><p>无</p>{notes}</main>"), &list);
        assert_eq!(none, "<main><p>无</p></main>");
    }

    #[test]
    fn a_page_without_phrases_or_main_is_unchanged() {
        let html = "<main><p>x</p></main>";
        assert_eq!(mark(html, &[]), html);
        assert_eq!(
            mark("<p>七里坪镇</p>", &[u("七里坪镇", "y")]),
            "<p>七里坪镇</p>"
        );
    }
}
