//! Markdown to HTML with pulldown-cmark: heading ids and anchors, `@/` links between pages made
//! relative, raw HTML escaped unless the site opts in, unsafe link schemes dropped.
//!
//! Pure: takes text, returns HTML plus what it found (headings, links, images) for later checks.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::i18n::Text;
use crate::section::Section;
use crate::t;
use crate::urls;

/// Where the rendered HTML will be placed, so links can be written relative to it.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// Pass raw HTML through instead of escaping it.
    pub allow_html: bool,
    /// Relative path from the page to the site root (`../../`).
    pub root: &'a str,
    /// URL prefix of the page's language (`en/` or empty).
    pub lang_prefix: &'a str,
    /// Folder of the page bundle relative to the site root (`cases/x/`), for images beside it.
    pub bundle: Option<&'a str>,
    /// Prefix for heading ids, so several bodies can share one page (course packs).
    pub id_prefix: &'a str,
}

/// A heading of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The `id` attribute (without the context's prefix).
    pub id: String,
    /// Plain text of the heading.
    pub text: String,
}

/// A link to another page of the site, to be checked once every page is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InternalLink {
    /// The section of the page it points to; `None` for a `#fragment` of the same page.
    pub section: Option<Section>,
    /// Its slug or key (empty for a `#fragment` of the same page).
    pub slug: String,
    /// The `#fragment`, if any.
    pub fragment: Option<String>,
    /// Byte range of the link in the Markdown text.
    pub range: Range<usize>,
}

/// An image in a Markdown body: `![alt](dest)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyImage {
    /// The file name as written, relative to the page bundle.
    pub dest: String,
    /// The alternative text (the part in brackets).
    pub alt: String,
    /// Byte range in the Markdown text.
    pub range: Range<usize>,
}

/// Where image `n` of a body goes in its HTML.
pub fn photo_marker(n: usize) -> String {
    format!("<!--casebook-photo:{n}-->")
}

/// A problem found while rendering, with its byte range in the Markdown text.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Byte range in the Markdown text.
    pub range: Range<usize>,
    /// What is wrong.
    pub message: Text,
    /// How to fix it.
    pub hint: Text,
    /// Whether the page is still correct without a fix (the link was dropped safely).
    pub warning: bool,
    /// Where in casebook's source it was found (see [`crate::diagnostics::Diagnostic::origin`]).
    pub origin: &'static std::panic::Location<'static>,
}

impl Problem {
    /// A problem that makes the page wrong until fixed.
    #[track_caller]
    fn error(range: Range<usize>, message: Text, hint: Text) -> Problem {
        Problem {
            range,
            message,
            hint,
            warning: false,
            origin: std::panic::Location::caller(),
        }
    }

    /// A problem the page is safe without (what was wrong was left out).
    #[track_caller]
    fn warning(range: Range<usize>, message: Text, hint: Text) -> Problem {
        Problem {
            range,
            message,
            hint,
            warning: true,
            origin: std::panic::Location::caller(),
        }
    }
}

/// The result of rendering one Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// Headings in document order.
    pub headings: Vec<Heading>,
    /// Links to other pages of the site.
    pub links: Vec<InternalLink>,
    /// Images named relative to the page bundle, in order; the HTML holds a
    /// [`photo_marker`] where each goes, replaced by a `<picture>` once photos are processed.
    pub images: Vec<BodyImage>,
    /// Problems found.
    pub problems: Vec<Problem>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders `text` as HTML placed according to `ctx`.
pub fn render(text: &str, ctx: &Ctx<'_>) -> Rendered {
    let mut out = Rendered::default();
    let mut events: Vec<Event<'_>> = Vec::new();
    // For each open link: whether its tags were dropped (unsafe scheme), so the matching end
    // tag is dropped too.
    let mut link_stack: Vec<bool> = Vec::new();
    let mut heading: Option<(HeadingLevel, Option<String>, usize)> = None;
    let mut used_ids: Vec<String> = Vec::new();
    let mut image: Option<(String, Range<usize>, usize)> = None;
    let mut in_comment = false;

    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((level, id.map(|s| s.to_string()), events.len()));
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((level, explicit, start)) = heading.take() else {
                    continue;
                };
                let inner: Vec<Event<'_>> = events.drain(start..).collect();
                let id = explicit.unwrap_or_else(|| slugify(&plain_text(&inner)));
                let id = unique(&id, &mut used_ids);
                events.extend(heading_html(level as u8, id, inner, ctx, &mut out));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match rewrite_link(&dest_url, ctx, range.clone(), &mut out) {
                Some(dest) => {
                    link_stack.push(false);
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url: dest,
                        title,
                        id,
                    }));
                }
                None => link_stack.push(true),
            },
            Event::End(TagEnd::Link) => {
                if !link_stack.pop().unwrap_or(false) {
                    events.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some((dest_url.to_string(), range, events.len()));
            }
            Event::End(TagEnd::Image) => {
                let Some((dest, range, start)) = image.take() else {
                    continue;
                };
                let alt = plain_text(&events.drain(start..).collect::<Vec<_>>());
                if let Some(html) = place_image(&dest, alt, ctx, range, &mut out) {
                    events.push(Event::InlineHtml(html.into()));
                }
            }
            Event::Html(html) => events.extend(raw_html(html, false, ctx, &mut in_comment)),
            Event::InlineHtml(html) => events.extend(raw_html(html, true, ctx, &mut in_comment)),
            other => events.push(other),
        }
    }
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter());
    out
}

/// A heading with its `id` and a `#` link to itself, recorded for links and contents.
fn heading_html<'a>(
    n: u8,
    id: String,
    inner: Vec<Event<'a>>,
    ctx: &Ctx<'_>,
    out: &mut Rendered,
) -> Vec<Event<'a>> {
    let plain = plain_text(&inner);
    let full_id = format!("{}{}", ctx.id_prefix, id);
    let mut open = format!("<h{n} id=\"");
    escape_into(&mut open, &full_id);
    open.push_str("\">");
    let mut close = String::from("<a class=\"anchor\" href=\"#");
    escape_into(&mut close, &full_id);
    close.push_str("\" aria-label=\"§ ");
    escape_into(&mut close, &plain);
    close.push_str(&format!("\">#</a></h{n}>\n"));
    out.headings.push(Heading {
        level: n,
        id,
        text: plain,
    });
    let mut events = vec![Event::Html(open.into())];
    events.extend(inner);
    events.push(Event::Html(close.into()));
    events
}

/// Raw HTML as written. A comment (`<!-- … -->`: a note to editors, such as the guidance of
/// the `new` template) is never published, whether or not the site allows HTML; other HTML
/// is kept where the site allows it and shown as text elsewhere. `in_comment` carries a
/// comment over the lines of an HTML block, which come one event each.
fn raw_html<'a>(
    html: CowStr<'a>,
    inline: bool,
    ctx: &Ctx<'_>,
    in_comment: &mut bool,
) -> Option<Event<'a>> {
    if *in_comment || html.trim_start().starts_with("<!--") {
        *in_comment = !html.contains("-->");
        return None;
    }
    Some(match (ctx.allow_html, inline) {
        (false, _) => Event::Text(html),
        (true, false) => Event::Html(html),
        (true, true) => Event::InlineHtml(html),
    })
}

fn rewrite_link<'a>(
    dest: &str,
    ctx: &Ctx<'_>,
    range: Range<usize>,
    out: &mut Rendered,
) -> Option<CowStr<'a>> {
    let lower = dest.trim().to_ascii_lowercase();
    if ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        let scheme = dest.split(':').next().unwrap_or(dest);
        out.problems.push(Problem::warning(
            range,
            t!("markdown-script-link-removed", scheme = scheme),
            t!("markdown-script-link-removed-hint"),
        ));
        return None;
    }
    if let Some(rest) = dest.strip_prefix("@/") {
        return Some(site_link(dest, rest, ctx, range, out));
    }
    if let Some(fragment) = dest.strip_prefix('#') {
        out.links.push(InternalLink {
            section: None,
            slug: String::new(),
            fragment: Some(fragment.to_owned()),
            range,
        });
        return Some(format!("#{}{}", ctx.id_prefix, fragment).into());
    }
    if let Some(p) = unpublishable_link(dest, range.clone()) {
        out.problems.push(p);
        // Checked like an `@/` link too: a page that does not exist is a broken link, with
        // the slugs that do.
        if let Some((section, slug, fragment)) = local_path(dest).and_then(|p| site_target(&p)) {
            out.links.push(InternalLink {
                section: Some(section),
                slug,
                fragment,
                range: range.clone(),
            });
        }
    }
    if let Some(p) = relative_link(dest, ctx, range.clone()) {
        out.problems.push(p);
    }
    if lower.ends_with(".md") || lower.contains(".md#") {
        out.problems.push(Problem::error(
            range,
            t!("markdown-link-to-md-file", dest = dest),
            t!("markdown-link-to-md-file-hint"),
        ));
    }
    Some(CowStr::from(dest.to_owned()))
}

/// A link to another page of the site (`@/cases/x#anchor`), made relative to this page.
fn site_link<'a>(
    dest: &str,
    rest: &str,
    ctx: &Ctx<'_>,
    range: Range<usize>,
    out: &mut Rendered,
) -> CowStr<'a> {
    let (path, fragment) = match rest.split_once('#') {
        Some((p, f)) => (p, Some(f.to_owned())),
        None => (rest, None),
    };
    let path = path
        .trim_end_matches('/')
        .trim_end_matches(".md")
        .trim_end_matches("/index");
    let found = path
        .split_once('/')
        .and_then(|(folder, s)| Some((Section::named(folder)?, s)));
    let Some((section, slug)) = found else {
        out.problems.push(Problem::error(
            range,
            t!("markdown-not-site-link", dest = dest),
            t!("markdown-not-site-link-hint"),
        ));
        return CowStr::from("#");
    };
    let page = section.page(slug);
    let mut url = urls::link(ctx.root, ctx.lang_prefix, &page.path());
    if let Some(f) = &fragment {
        url.push('#');
        url.push_str(f);
    }
    out.links.push(InternalLink {
        section: Some(section),
        slug: slug.to_owned(),
        fragment,
        range,
    });
    url.into()
}

/// A link that works in the preview but not on the published site: to the preview's own
/// address (copied from the browser's address bar), or from the site's root (`/cases/x/`),
/// which breaks in the offline copy and under a sub-folder.
fn unpublishable_link(dest: &str, range: Range<usize>) -> Option<Problem> {
    let path = local_path(dest)?;
    let instead = site_link_for(&path);
    let (message, hint) = if dest.contains("://") {
        (
            t!("markdown-link-to-preview", dest = dest),
            t!("markdown-link-to-preview-hint", instead = instead),
        )
    } else {
        (
            t!("markdown-link-from-root", dest = dest),
            t!("markdown-link-from-root-hint", instead = instead),
        )
    };
    Some(Problem::warning(range, message, hint))
}

/// The path of the site a link to the preview's own address or from the site's root names
/// (`http://127.0.0.1:1111/cases/x/` and `/cases/x/` → `cases/x/`); `None` for any other.
fn local_path(dest: &str) -> Option<String> {
    let lower = dest.trim().to_ascii_lowercase();
    let local = ["localhost", "127.0.0.1", "0.0.0.0", "[::1]"];
    let path = match lower.split_once("://") {
        Some((_, rest)) => {
            let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
            let host = host.rsplit_once(':').map_or(host, |(h, port)| {
                if port.chars().all(|c| c.is_ascii_digit()) {
                    h
                } else {
                    host
                }
            });
            if !local.contains(&host) {
                return None;
            }
            path
        }
        None if lower.starts_with('/') && !lower.starts_with("//") => &lower[1..],
        None => return None,
    };
    Some(path.to_owned())
}

/// A case narrative's link that climbs out of its page's folder (`../beta/`): it leads where
/// it should on the case page, and elsewhere in a course pack, which shows the narrative at
/// another depth.
fn relative_link(dest: &str, ctx: &Ctx<'_>, range: Range<usize>) -> Option<Problem> {
    let bundle = ctx.bundle?;
    if !dest.starts_with("../") {
        return None;
    }
    let mut path: Vec<&str> = bundle.split('/').filter(|s| !s.is_empty()).collect();
    for seg in dest.split(['#', '?']).next().unwrap_or("").split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                path.pop();
            }
            s => path.push(s),
        }
    }
    Some(Problem::warning(
        range,
        t!("markdown-relative-link", dest = dest),
        t!(
            "markdown-relative-link-hint",
            instead = site_link_for(&path.join("/"))
        ),
    ))
}

/// The `@/` link to write for a path of the site (`cases/x/index.html` → `@/cases/x`), or a
/// general one when the path is no page's.
fn site_link_for(path: &str) -> String {
    site_target(path).map_or_else(
        || "@/cases/<slug>".to_owned(),
        |(section, slug, _)| format!("@/{}/{slug}", section.folder()),
    )
}

/// The document a path of the site shows, and the anchor it names: `en/cases/x/#a` is case
/// `x` at `a` (a translation's pages sit under its language code). `None` for a path that is
/// no document's page.
fn site_target(path: &str) -> Option<(Section, String, Option<String>)> {
    let (path, fragment) = match path.split_once('#') {
        Some((p, f)) => (p, Some(f.to_owned()).filter(|f| !f.is_empty())),
        None => (path, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let path = path.trim_end_matches("index.html").trim_end_matches('/');
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        [kind, slug] | [_, kind, slug] if !slug.is_empty() => {
            Some((Section::named(kind)?, (*slug).to_owned(), fragment))
        }
        _ => None,
    }
}

/// Records an image and returns what stands in its place: a marker for a photo beside the
/// page, or nothing (with a problem) for an image from elsewhere.
fn place_image(
    dest: &str,
    alt: String,
    ctx: &Ctx<'_>,
    range: Range<usize>,
    out: &mut Rendered,
) -> Option<String> {
    let is_external = dest.contains("://")
        || dest.starts_with("//")
        || dest.starts_with('/')
        || dest.starts_with("data:");
    if is_external {
        out.problems.push(Problem::error(
            range,
            t!("markdown-image-external", dest = dest),
            t!("markdown-image-external-hint"),
        ));
        return None;
    }
    if ctx.bundle.is_none() {
        out.problems.push(Problem::error(
            range,
            t!("markdown-image-outside-case"),
            t!("markdown-image-outside-case-hint"),
        ));
        return None;
    }
    if alt.trim().is_empty() {
        out.problems.push(Problem::error(
            range.clone(),
            t!("markdown-image-no-alt", dest = dest),
            t!("markdown-image-no-alt-hint"),
        ));
    }
    out.images.push(BodyImage {
        dest: dest.to_owned(),
        alt,
        range,
    });
    Some(photo_marker(out.images.len() - 1))
}

fn plain_text(events: &[Event<'_>]) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s.trim().to_owned()
}

/// An `id` from heading text. Written by hand because slug crates transliterate or drop
/// Chinese; here letters of every script are kept (`五个转变` stays `五个转变`).
pub fn slugify(text: &str) -> String {
    let mut s = String::new();
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if dash && !s.is_empty() {
                s.push('-');
            }
            dash = false;
            s.push(c);
        } else {
            dash = true;
        }
    }
    if s.is_empty() {
        "section".to_owned()
    } else {
        s
    }
}

fn unique(base: &str, used: &mut Vec<String>) -> String {
    let mut id = base.to_owned();
    let mut n = 1;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.push(id.clone());
    id
}

/// `html` rendered for a page moved `levels` folders deeper (page 2 of a list repeats the
/// text of page 1 one `page/N/` further down): every relative `href` and `src` gains that
/// many `../`. Links to a fragment, an absolute path or another scheme stay as they are.
pub fn deepen(html: &str, levels: usize) -> String {
    if levels == 0 {
        return html.to_owned();
    }
    let up = "../".repeat(levels);
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = next_url_attribute(rest) {
        let (head, url) = rest.split_at(at);
        out.push_str(head);
        if is_relative(url) {
            out.push_str(&up);
        }
        rest = url;
    }
    out.push_str(rest);
    out
}

/// Byte offset just after the next ` href="` or ` src="` in `html`.
fn next_url_attribute(html: &str) -> Option<usize> {
    let href = html.find(" href=\"").map(|i| i + 7);
    let src = html.find(" src=\"").map(|i| i + 6);
    match (href, src) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn is_relative(url: &str) -> bool {
    let end = url.find('"').unwrap_or(url.len());
    let url = &url[..end];
    let scheme = url.find(':').is_some_and(|i| {
        url[..i]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    });
    !(url.is_empty() || url.starts_with('#') || url.starts_with('/') || scheme)
}

/// Escapes text for an HTML attribute or element.
pub fn escape_into(out: &mut String, s: &str) {
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut *out, s);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_that_work_only_in_the_preview_suggest_the_site_link() {
        let hint = |dest: &str| unpublishable_link(dest, 0..1).map(|p| p.hint.en());
        let hint_of = |dest: &str| hint(dest).unwrap_or_default();
        assert!(hint_of("http://127.0.0.1:1111/cases/beta/").contains("`@/cases/beta`"));
        assert!(
            hint_of("http://localhost:1111/en/methods/co-decision/index.html#a")
                .contains("`@/methods/co-decision`")
        );
        assert!(hint_of("/pages/guide/").contains("`@/pages/guide`"));
        assert!(hint_of("/").contains("`@/cases/<slug>`"));
        assert_eq!(hint("https://example.org/cases/x/"), None);
        assert_eq!(hint("//cdn.example.org/x"), None);
        assert_eq!(hint("http://localhost.example.org/"), None);
    }

    fn ctx() -> Ctx<'static> {
        Ctx {
            allow_html: false,
            root: "../../",
            lang_prefix: "en/",
            bundle: Some("cases/a/"),
            id_prefix: "",
        }
    }

    #[test]
    fn comments_are_never_published_and_other_html_is_text_unless_allowed() {
        let text = "## 背景\n\n<!-- 这个地方原来是什么样子，\n面临哪些难题。 -->\n\n村里 <!-- 注 --> 有 <b>路</b>。\n\n<div>x</div>\n";
        let r = render(text, &ctx());
        assert!(
            !r.html.contains("难题") && !r.html.contains("注"),
            "{}",
            r.html
        );
        assert!(r.html.contains("&lt;b&gt;路&lt;/b&gt;"), "{}", r.html);
        assert!(r.html.contains("&lt;div&gt;x&lt;/div&gt;"), "{}", r.html);
        let allowed = render(
            text,
            &Ctx {
                allow_html: true,
                ..ctx()
            },
        );
        assert!(!allowed.html.contains("难题") && !allowed.html.contains("注"));
        assert!(allowed.html.contains("<b>路</b>") && allowed.html.contains("<div>x</div>"));
    }

    #[test]
    fn headings_get_ids_and_anchors() {
        let r = render(
            "## 五个转变\n\n## Why it works {#why}\n\n## 五个转变\n",
            &ctx(),
        );
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["五个转变", "why", "五个转变-1"]);
        assert!(
            r.html
                .contains("<h2 id=\"why\">Why it works<a class=\"anchor\" href=\"#why\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn internal_links_become_relative() {
        let r = render("[x](@/cases/shiqiao#practice-1) [y](@/pages/guide)", &ctx());
        assert!(
            r.html
                .contains("href=\"../../en/cases/shiqiao/index.html#practice-1\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("href=\"../../en/guide/index.html\""),
            "{}",
            r.html
        );
        assert_eq!(r.links.len(), 2);
        assert_eq!(r.links[0].section, Some(Section::Case));
        assert_eq!(r.links[0].fragment.as_deref(), Some("practice-1"));
    }

    #[test]
    fn raw_html_is_escaped_and_scripts_dropped() {
        let r = render(
            "<script>alert(1)</script>\n\n[click](javascript:alert(1))",
            &ctx(),
        );
        assert!(!r.html.contains("<script>"), "{}", r.html);
        assert!(r.html.contains("&lt;script&gt;"), "{}", r.html);
        assert!(!r.html.contains("javascript:"), "{}", r.html);
        assert!(r.html.contains("click"));
        assert_eq!(r.problems.len(), 1);
    }

    #[test]
    fn raw_html_passes_when_allowed() {
        let c = Ctx {
            allow_html: true,
            ..ctx()
        };
        let r = render("<mark>hi</mark>", &c);
        assert!(r.html.contains("<mark>hi</mark>"), "{}", r.html);
    }

    #[test]
    fn gfm_extensions_render() {
        let r = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ and a note[^1]\n\n[^1]: the note\n",
            &ctx(),
        );
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<del>old</del>"));
        assert!(r.html.contains("footnote"));
    }

    #[test]
    fn images_become_photo_markers() {
        let r = render("A ![the *old* lane](lane.jpg) and ![](x.png)", &ctx());
        assert!(r.html.contains(&photo_marker(0)), "{}", r.html);
        assert!(r.html.contains(&photo_marker(1)), "{}", r.html);
        assert_eq!(r.images[0].dest, "lane.jpg");
        assert_eq!(r.images[0].alt, "the old lane");
        assert_eq!(r.problems.len(), 1, "the second image has no description");
        let elsewhere = render("![x](https://example.org/x.jpg)", &ctx());
        assert!(elsewhere.images.is_empty() && elsewhere.problems.len() == 1);
    }

    #[test]
    fn deepen_moves_relative_links_only() {
        let html = r##"<p><a href="../../x/index.html#a">x</a> <a href="#b">b</a> <a href="https://e.org/">e</a> <a href="/abs">a</a> <img src="p.jpg" alt=""></p>"##;
        assert_eq!(
            deepen(html, 2),
            r##"<p><a href="../../../../x/index.html#a">x</a> <a href="#b">b</a> <a href="https://e.org/">e</a> <a href="/abs">a</a> <img src="../../p.jpg" alt=""></p>"##
        );
        assert_eq!(deepen(html, 0), html);
    }

    #[test]
    fn slugify_keeps_chinese() {
        assert_eq!(slugify("Why it works!"), "why-it-works");
        assert_eq!(slugify("五个 转变"), "五个-转变");
        assert_eq!(slugify("?!"), "section");
    }
}
