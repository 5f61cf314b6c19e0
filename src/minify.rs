//! Minifies a theme's HTML templates with minify-html once, when the theme is compiled, so the
//! pages rendered from them need no minifying of their own. Pure: text in, text out.
//!
//! Minifying every rendered page was half of a build's CPU time, yet almost everything it
//! removed (indentation, line breaks between elements) came from the templates. minify-html
//! reads HTML, not Tera, so a template is prepared first:
//!
//! - A Tera expression in text (`{{ x }}`) becomes a placeholder word of private-use
//!   characters, which minify-html treats as the text it will become.
//! - A Tera statement or comment (`{% for %}`, `{# … #}`) becomes an HTML comment, kept by
//!   `keep_comments`: it renders as nothing, and minify-html drops the whitespace beside a
//!   comment wherever it would drop it beside nothing.
//! - An HTML tag that holds a Tera tag (`<a href="{{ root }}">`) becomes a placeholder tag of
//!   the same name (`<a data-cbk-3>`) and is put back verbatim afterwards, its whitespace
//!   collapsed: minify-html would otherwise reorder, unquote or merge its attributes.
//!
//! The template's own HTML comments are dropped first, as minify-html would drop them.
//!
//! A template this cannot prepare safely (a Tera tag in an HTML comment or in a tag's name, a
//! fragment meant for inside a tag such as `data-x="…"`, quote entities that minify-html would
//! decode) is left as it is, and so is one whose Tera tags do not come back exactly as they
//! went in. Such a template renders unminified, never wrong.

/// The settings of every minify-html run: output stays valid for the Nu validator and readable
/// in view-source during class, and scripts and styles are the theme's own, already small.
pub fn html_cfg() -> minify_html::Cfg {
    let mut cfg = minify_html::Cfg::new();
    cfg.keep_html_and_head_opening_tags = true;
    cfg.keep_closing_tags = true;
    cfg.minify_css = false;
    cfg.minify_js = false;
    cfg
}

/// A piece of template source: literal text, or one Tera tag (`{{ … }}`, `{% … %}`, `{# … #}`,
/// or a whole `{% raw %}…{% endraw %}` block).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    Tera(&'a str),
}

/// Cuts a template into text and Tera tags, or `None` if a tag is never closed (Tera will
/// report that itself; the template is then left alone).
fn pieces(src: &str) -> Option<Vec<Piece<'_>>> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    while i + 1 < b.len() {
        let close = match (b[i], b[i + 1]) {
            (b'{', b'{') => b'}',
            (b'{', b'%') => b'%',
            (b'{', b'#') => b'#',
            _ => {
                i += 1;
                continue;
            }
        };
        let end = tag_end(b, i + 2, close)?;
        let mut tag_end_at = end;
        if close == b'%' && is_statement(&src[i..end], "raw") {
            tag_end_at = raw_end(src, end)?;
        }
        if text_start < i {
            out.push(Piece::Text(&src[text_start..i]));
        }
        out.push(Piece::Tera(&src[i..tag_end_at]));
        i = tag_end_at;
        text_start = i;
    }
    if text_start < src.len() {
        out.push(Piece::Text(&src[text_start..]));
    }
    Some(out)
}

/// Index just past the `}}`, `%}` or `#}` that closes a tag whose body starts at `from`,
/// skipping string literals in expressions and statements.
fn tag_end(b: &[u8], from: usize, close: u8) -> Option<usize> {
    let mut i = from;
    let mut quote: Option<u8> = None;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if close != b'#' && matches!(c, b'"' | b'\'' | b'`') => quote = Some(c),
            None if c == close && b.get(i + 1) == Some(&b'}') => return Some(i + 2),
            None => {}
        }
        i += 1;
    }
    None
}

/// Whether a `{% … %}` tag is the statement `word` (`{% raw %}`, `{%- raw -%}`).
fn is_statement(tag: &str, word: &str) -> bool {
    let inner = tag
        .trim_start_matches("{%")
        .trim_end_matches("%}")
        .trim_matches('-')
        .trim();
    inner == word
}

/// Index just past the `{% endraw %}` that closes a raw block whose opening tag ends at `from`.
fn raw_end(src: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(rel) = src[at..].find("{%") {
        let start = at + rel;
        let end = tag_end(src.as_bytes(), start + 2, b'%')?;
        if is_statement(&src[start..end], "endraw") {
            return Some(end);
        }
        at = end;
    }
    None
}

/// The Tera tags of a template, in order: what minifying must leave exactly as it was.
fn tera_tags<'a>(pieces: &[Piece<'a>]) -> Vec<&'a str> {
    pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Tera(t) => Some(*t),
            Piece::Text(_) => None,
        })
        .collect()
}

/// Brackets of the placeholder words that stand for Tera expressions in text (private use).
const WORD_OPEN: char = '\u{E000}';
const WORD_CLOSE: char = '\u{E001}';

/// Elements whose content is not markup: a `<` inside them starts no tag.
const RAW_TEXT: [&str; 4] = ["script", "style", "textarea", "title"];

/// Entities minify-html decodes in text; inside an attribute that a fragment template ends up
/// in, the decoded quote would end the value.
const QUOTE_ENTITIES: [&str; 6] = ["&quot;", "&#34;", "&#x22;", "&apos;", "&#39;", "&#x27;"];

/// Where the scan is in the HTML around the Tera tags.
enum State {
    Data,
    /// Inside `<…>`: its source so far, its name, the open quote, whether it holds Tera.
    Tag {
        src: String,
        name: String,
        end: bool,
        quote: Option<u8>,
        tera: bool,
    },
    Comment,
    /// Inside a raw-text element, until `</name`.
    Raw(String),
}

/// The template with its HTML minified, or `None` to use it as it is.
pub fn template(src: &str) -> Option<String> {
    let lower = src.to_ascii_lowercase();
    if QUOTE_ENTITIES.iter().any(|e| lower.contains(e)) {
        return None;
    }
    if src.contains([WORD_OPEN, WORD_CLOSE]) {
        return None;
    }
    let source = pieces(src)?;
    let (skeleton, originals) = skeleton(&source)?;
    let mut cfg = html_cfg();
    cfg.keep_comments = true;
    // minify-html leaves whitespace at the top of a fragment alone, not knowing what holds it;
    // inside a `<div>` it treats it as flow content, as it will be on most pages.
    let fragment = !["<html", "<head", "<body", "<!doctype"]
        .iter()
        .any(|t| lower.contains(t));
    let skeleton = if fragment {
        format!("<div>{skeleton}</div>")
    } else {
        skeleton
    };
    let minified = String::from_utf8(minify_html::minify(skeleton.as_bytes(), &cfg)).ok()?;
    let mut out = if fragment {
        minified
            .strip_prefix("<div>")?
            .strip_suffix("</div>")?
            .to_owned()
    } else {
        minified
    };
    for (placeholder, original) in &originals {
        if out.matches(placeholder.as_str()).count() != 1 {
            return None;
        }
        out = out.replacen(placeholder.as_str(), original, 1);
    }
    // A partial may be included between words: its outer spaces are kept, collapsed to one.
    if src.starts_with(|c: char| c.is_ascii_whitespace()) && !out.starts_with(' ') {
        out.insert(0, ' ');
    }
    if src.ends_with(|c: char| c.is_ascii_whitespace()) && !out.ends_with(' ') {
        out.push(' ');
    }
    let after = pieces(&out)?;
    (tera_tags(&after) == tera_tags(&source)).then_some(out)
}

/// The template as minify-html may see it: Tera tags, and HTML tags holding them, replaced by
/// placeholders, each returned with the source it stands for.
fn skeleton(pieces: &[Piece<'_>]) -> Option<(String, Vec<(String, String)>)> {
    let mut sk = Skeleton {
        out: String::new(),
        originals: Vec::new(),
        state: State::Data,
        saw_markup: false,
    };
    for (k, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Tera(t) => sk.tera(t)?,
            Piece::Text(text) => {
                let mut i = 0;
                while i < text.len() {
                    i = match sk.state {
                        State::Data => sk.data(text, i, &pieces[k + 1..])?,
                        State::Tag { .. } => sk.tag(text, i)?,
                        State::Comment => sk.comment(text, i),
                        State::Raw(_) => sk.raw(text, i),
                    };
                }
            }
        }
    }
    // Unclosed markup, or no markup at all (a fragment of text or of attributes): as it is.
    if !matches!(sk.state, State::Data) || !sk.saw_markup {
        return None;
    }
    Some((sk.out, sk.originals))
}

/// The skeleton being made: the HTML so far with placeholders, what each placeholder stands
/// for, where the scan is, and whether any markup was seen.
struct Skeleton {
    out: String,
    originals: Vec<(String, String)>,
    state: State,
    saw_markup: bool,
}

impl Skeleton {
    /// A Tera tag: a placeholder in text, part of the tag it is inside, or (in a comment) a
    /// template left as it is.
    fn tera(&mut self, t: &str) -> Option<()> {
        match &mut self.state {
            State::Data | State::Raw(_) => {
                let n = self.originals.len();
                let placeholder = if t.starts_with("{{") || matches!(self.state, State::Raw(_)) {
                    format!("{WORD_OPEN}{n}{WORD_CLOSE}")
                } else {
                    format!("<!--cbk:{n}-->")
                };
                self.out.push_str(&placeholder);
                self.originals.push((placeholder, t.to_owned()));
            }
            State::Tag { src, tera, .. } => {
                src.push_str(t);
                *tera = true;
            }
            State::Comment => return None,
        }
        Some(())
    }

    /// Text between tags, from byte `i`, up to the next place a tag or a quote may start; or
    /// the start of a tag or comment. Returns where the scan goes on.
    fn data(&mut self, text: &str, i: usize, next: &[Piece<'_>]) -> Option<usize> {
        let b = text.as_bytes();
        let c = b[i];
        if c == b'<' {
            let rest = &text[i..];
            if rest.starts_with("<!--") {
                self.state = State::Comment;
                return Some(i + 4);
            }
            let (end, name_at) = if rest.starts_with("</") {
                (true, i + 2)
            } else {
                (false, i + 1)
            };
            let first = b.get(name_at).copied();
            if first.is_some_and(|f| f.is_ascii_alphabetic() || f == b'!') {
                return self.open_tag(text, i, name_at, end, next);
            }
            // A `<` right before a Tera tag may open a tag it makes.
            first?;
        } else if (c == b'"' || c == b'\'') && i > 0 && b[i - 1] == b'=' {
            // `data-x="…"` outside a tag: a fragment for inside one.
            return None;
        }
        let step = text[i..].chars().next().map_or(1, char::len_utf8);
        let stop = text[i + step..]
            .find(['<', '"', '\''])
            .map_or(b.len(), |n| i + step + n);
        self.out.push_str(&text[i..stop]);
        Some(stop)
    }

    /// The start of a tag whose name begins at `name_at`.
    fn open_tag(
        &mut self,
        text: &str,
        i: usize,
        name_at: usize,
        end: bool,
        next: &[Piece<'_>],
    ) -> Option<usize> {
        let b = text.as_bytes();
        let name_len = b[name_at..]
            .iter()
            .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'-' || c == b':' || c == b'!')
            .count();
        // A name ending where a Tera tag starts is whole only if that tag is followed by a
        // space or the tag's end (`<tr{% if x %} class`), not by more name (`<h{{ n }}>`,
        // `<h{% if a %}1`).
        if name_at + name_len == b.len() {
            let whole = matches!(
                (next.first(), next.get(1)),
                (Some(Piece::Tera(t)), Some(Piece::Text(after)))
                    if t.starts_with("{%")
                        && after.starts_with(|c: char| {
                            c.is_ascii_whitespace() || c == '>' || c == '/'
                        })
            );
            if !whole {
                return None;
            }
        }
        self.saw_markup = true;
        self.state = State::Tag {
            src: text[i..name_at + name_len].to_owned(),
            name: text[name_at..name_at + name_len].to_ascii_lowercase(),
            end,
            quote: None,
            tera: false,
        };
        Some(name_at + name_len)
    }

    /// Inside a tag, from byte `i`: up to the next quote or its end. A tag holding Tera
    /// becomes a placeholder; a closing tag holding Tera leaves the template as it is.
    fn tag(&mut self, text: &str, i: usize) -> Option<usize> {
        let State::Tag {
            src,
            name,
            end,
            quote,
            tera,
        } = &mut self.state
        else {
            return Some(i);
        };
        let rest = &text[i..];
        let stop = match *quote {
            Some(q) => rest.find(q as char),
            None => rest.find(['"', '\'', '>']),
        };
        let Some(n) = stop else {
            src.push_str(rest);
            return Some(text.len());
        };
        let c = text.as_bytes()[i + n];
        src.push_str(&rest[..=n]);
        if quote.is_some() {
            *quote = None;
        } else if c != b'>' {
            *quote = Some(c);
        } else {
            let name = std::mem::take(name);
            if *tera {
                if *end {
                    return None;
                }
                let placeholder = format!("<{name} data-cbk-{}>", self.originals.len());
                self.out.push_str(&placeholder);
                self.originals.push((placeholder, collapse_tag(src)));
            } else {
                self.out.push_str(src);
            }
            self.state = if !*end && RAW_TEXT.contains(&name.as_str()) {
                State::Raw(name)
            } else {
                State::Data
            };
        }
        Some(i + n + 1)
    }

    /// Inside a comment, from byte `i`: to its end, which is dropped with it.
    fn comment(&mut self, text: &str, i: usize) -> usize {
        match text[i..].find("-->") {
            Some(n) => {
                self.state = State::Data;
                i + n + 3
            }
            None => text.len(),
        }
    }

    /// Inside a raw-text element (`<script>`, `<style>`), from byte `i`: kept as it is, up to
    /// its closing tag.
    fn raw(&mut self, text: &str, i: usize) -> usize {
        let State::Raw(name) = &self.state else {
            return i;
        };
        let close = format!("</{name}");
        let rest = text[i..].to_ascii_lowercase();
        match rest.find(&close) {
            Some(n) => {
                self.out.push_str(&text[i..i + n]);
                self.state = State::Data;
                i + n
            }
            None => {
                self.out.push_str(&text[i..]);
                text.len()
            }
        }
    }
}

/// A tag's source with runs of whitespace outside quotes and Tera tags made one space, and
/// none before the closing `>`.
fn collapse_tag(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let pieces = pieces(src).unwrap_or_else(|| vec![Piece::Text(src)]);
    let mut quote: Option<char> = None;
    for p in pieces {
        match p {
            Piece::Tera(t) => out.push_str(t),
            Piece::Text(t) => {
                for c in t.chars() {
                    match quote {
                        Some(q) => {
                            if c == q {
                                quote = None;
                            }
                            out.push(c);
                        }
                        None if c == '"' || c == '\'' => {
                            quote = Some(c);
                            out.push(c);
                        }
                        None if c.is_ascii_whitespace() => {
                            if !out.ends_with(' ') {
                                out.push(' ');
                            }
                        }
                        None if c == '>' || c == '/' => {
                            if out.ends_with(' ') && !out.ends_with("= ") {
                                out.pop();
                            }
                            out.push(c);
                        }
                        None => out.push(c),
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn min(s: &str) -> String {
        template(s).unwrap_or_else(|| panic!("not minified: {s}"))
    }

    #[test]
    fn whitespace_between_elements_goes_and_tera_tags_stay() {
        let src =
            "<ul class=\"x\">\n  {%- for i in items %}\n  <li>{{ i }}</li>\n  {%- endfor %}\n</ul>";
        assert_eq!(
            min(src),
            "<ul class=x>{%- for i in items %}<li>{{ i }}</li>{%- endfor %}</ul>"
        );
    }

    #[test]
    fn tags_holding_tera_come_back_verbatim() {
        let src = "<p>\n  <a   href=\"{{ root }}x/\"\n     class=\"a  b\"{% if on %} aria-current=\"page\"{% endif %} >{{ t.x }}</a>\n</p>";
        assert_eq!(
            min(src),
            "<p><a href=\"{{ root }}x/\" class=\"a  b\"{% if on %} aria-current=\"page\"{% endif %}>{{ t.x }}</a></p>"
        );
    }

    #[test]
    fn a_statement_right_after_a_tag_name_is_part_of_the_tag() {
        assert_eq!(
            min("<tr{% if e %} class=\"empty\"{% endif %}>\n  <td>x</td>\n</tr>"),
            "<tr{% if e %} class=\"empty\"{% endif %}><td>x</td></tr>"
        );
    }

    #[test]
    fn spaces_between_inline_content_are_kept() {
        let src = "<p>{{ a }} · {{ b }}\n   <span>c</span> <span>d</span></p>";
        assert_eq!(
            min(src),
            "<p>{{ a }} · {{ b }} <span>c</span> <span>d</span></p>"
        );
    }

    #[test]
    fn script_and_pre_content_is_untouched() {
        let src = "<script type=\"application/ld+json\">{{ jsonld }}</script>\n<pre>  a\n   b {{ c }}</pre>";
        let out = min(src);
        assert!(out.contains("{{ jsonld }}</script>"), "{out}");
        assert!(out.contains("<pre>  a\n   b {{ c }}</pre>"), "{out}");
    }

    #[test]
    fn strings_inside_tera_tags_may_hold_anything() {
        let src =
            "<p title=\"{{ x | default(value='>  \"}}') }}\">{% set y = \"%}  <b>\" %}{{ y }}</p>";
        let out = min(src);
        assert!(out.contains("{{ x | default(value='>  \"}}') }}"), "{out}");
        assert!(out.contains("{% set y = \"%}  <b>\" %}"), "{out}");
    }

    #[test]
    fn raw_blocks_pass_through_whole() {
        let src = "<div>\n{% raw %}  {{ not tera }}  <b>{% endraw %}\n</div>";
        assert!(min(src).contains("{% raw %}  {{ not tera }}  <b>{% endraw %}"));
    }

    #[test]
    fn any_text_passes_through() {
        let src = "<p>—柏林寺村 «{{ a }}» “x” 'y'</p>\n<span title=\"—{{ b }}—\">—</span>";
        assert_eq!(
            min(src),
            "<p>—柏林寺村 «{{ a }}» “x” 'y'</p><span title=\"—{{ b }}—\">—</span>"
        );
    }

    #[test]
    fn html_comments_go_and_tera_comments_stay() {
        assert_eq!(
            min("<p>a <!-- note --> b{# why #}</p>"),
            "<p>a b{# why #}</p>"
        );
    }

    #[test]
    fn outer_spaces_of_a_partial_are_kept() {
        assert_eq!(min("  <b>{{ x }}</b>\n"), " <b>{{ x }}</b> ");
    }

    #[test]
    fn unsafe_templates_are_left_alone() {
        // An attribute fragment, meant for inside a tag.
        assert_eq!(template("role=\"search\" data-x=\"{{ x }}\""), None);
        // Text only.
        assert_eq!(template("{{ a }} and {{ b }}"), None);
        // Tera inside an HTML comment would be dropped with it.
        assert_eq!(template("<p>x</p><!-- {% if a %} -->"), None);
        // A tag name made by Tera.
        assert_eq!(template("<h{{ n }}>x</h{{ n }}>"), None);
        assert_eq!(template("<h{% if a %}1{% else %}2{% endif %}>x</h1>"), None);
        // An end tag holding Tera.
        assert_eq!(template("<b>x</b{{ y }}>"), None);
        // Quote entities minify-html would decode.
        assert_eq!(template("<p>{{ a }}&quot;</p>"), None);
        // An unclosed Tera tag or HTML tag.
        assert_eq!(template("<p>{{ a </p>"), None);
        assert_eq!(template("<p class=\"x\"{{ a }}"), None);
    }

    #[test]
    fn no_prefix_of_a_template_makes_it_panic() {
        // Cut anywhere (inside a tag, an attribute, a Tera tag, a multi-byte character), a
        // template is minified or left alone, and what comes back keeps its Tera tags.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
        let mut sources: Vec<String> = ["base.html", "case.html", "partials/card.html"]
            .iter()
            .map(|n| std::fs::read_to_string(dir.join(n)).unwrap_or_else(|e| panic!("{n}: {e}")))
            .collect();
        sources.push("<p title='{{ a }}'>—柏林寺村<!-- x --><script>if (a < b) {}</script>".into());
        for src in &sources {
            for (cut, _) in src.char_indices() {
                let part = &src[..cut];
                if let Some(out) = template(part) {
                    let tags = |s: &str| pieces(s).map(|p| tera_tags(&p).len());
                    assert_eq!(tags(&out), tags(part), "{part:?}");
                }
            }
        }
    }

    #[test]
    fn tera_tags_survive_in_order() {
        let src = "{% extends \"base.html\" %}\n{% block title %}{{ a }} · {{ b }}{% endblock title %}\n{% block main %}\n<article class=\"c\">\n  {%- if x %}<p>{{ x }}</p>{% endif %}\n</article>\n{% endblock main %}\n";
        let out = min(src);
        let before = pieces(src).map(|p| tera_tags(&p)).unwrap_or_default();
        let after = pieces(&out).map(|p| tera_tags(&p)).unwrap_or_default();
        assert_eq!(before, after);
        assert!(
            out.contains("<article class=c>{%- if x %}<p>{{ x }}</p>{% endif %}</article>"),
            "{out}"
        );
    }
}

#[cfg(test)]
mod theme_tests {
    /// Every page template and partial of the default theme is minified but the one meant
    /// for inside a tag.
    #[test]
    fn default_theme_templates_are_minified() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
        let mut left = Vec::new();
        for e in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let e = e.unwrap_or_else(|e| panic!("{e}"));
            let name = e
                .path()
                .strip_prefix(&dir)
                .unwrap_or(e.path())
                .display()
                .to_string();
            if !name.ends_with(".html") {
                continue;
            }
            let src = std::fs::read_to_string(e.path()).unwrap_or_else(|e| panic!("{name}: {e}"));
            if super::template(&src).is_none() {
                left.push(name);
            }
        }
        assert_eq!(left, ["partials/search_attrs.html"]);
    }
}
