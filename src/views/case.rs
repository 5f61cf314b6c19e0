//! A case page as templates see it: its texts with fallbacks marked, method rows, photo pairs
//! as `<picture>` markup, and, on a draft, the parts still to write.

use indexmap::IndexMap;
use serde::Serialize;
use tera::Value;

use super::*;

/// Which parts of a page are shown in the default language.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Fallbacks {
    /// Any part at all.
    pub any: bool,
    /// The page has no translation file.
    pub untranslated: bool,
    /// Summary.
    pub summary: bool,
    /// Method texts.
    pub methods: bool,
    /// Practices.
    pub practices: bool,
    /// Figures.
    pub figures: bool,
    /// Narrative.
    pub body: bool,
}

impl Fallbacks {
    /// What a page in `lang` shows of the default language's, from its texts.
    pub fn of(lang: Lang, t: &CaseText) -> Fallbacks {
        let translation = !lang.is_default();
        Fallbacks {
            any: translation
                && (!t.translated
                    || t.summary.fallback
                    || t.methods.fallback
                    || t.practices.fallback
                    || t.body.fallback),
            untranslated: translation && !t.translated,
            summary: translation && t.summary.fallback,
            methods: translation && t.methods.fallback,
            practices: translation && t.practices.fallback,
            figures: translation && t.figures.fallback,
            body: translation && t.body.fallback && !t.body.value.html.is_empty(),
        }
    }
}

/// A before/after pair on a page.
#[derive(Debug, Clone, Serialize)]
pub struct PairView {
    /// `<picture>` markup of the before photo.
    pub before: String,
    /// `<picture>` markup of the after photo.
    pub after: String,
    /// Caption.
    pub caption: String,
    /// Credit and licence.
    pub credit: Option<String>,
    /// Year of the before photo.
    pub year_before: Option<i32>,
    /// Year of the after photo.
    pub year_after: Option<i32>,
    /// Whether the photos only illustrate: no before/after labels, no slider.
    pub illustrative: bool,
}

/// `sizes` of a photo in a before/after pair: full width on phones, half of the 72rem column
/// side by side on wide screens.
pub(super) const PAIR_SIZES: &str = "(min-width: 48rem) 36rem, 100vw";

/// `sizes` of a photo in a narrative.
pub(super) const BODY_SIZES: &str = "(min-width: 48rem) 42rem, 100vw";

/// `<picture>` markup for a processed photo: WebP and JPEG at every size, width and height
/// set so the page does not jump while it loads, and a link to the largest version. Written
/// here rather than in a template because srcset lists are built from the photo's sizes.
pub fn picture(
    photos: &Photos,
    file: &std::path::Path,
    alt: &str,
    root: &str,
    eager: bool,
    sizes: &str,
) -> String {
    let Some(p) = photos.get(file) else {
        return String::new();
    };
    let srcset = |ext: &str| {
        p.sizes
            .iter()
            .map(|z| format!("{root}{} {}w", p.output(z.width, ext), z.width))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let largest = p.largest();
    let middle = &p.sizes[p.sizes.len() / 2];
    let mut alt_esc = String::new();
    crate::markdown::escape_into(&mut alt_esc, alt);
    format!(
        "<a class=\"photo-link\" href=\"{root}{full}\"><picture><source type=\"image/webp\" srcset=\"{webp}\" sizes=\"{sizes}\"><img src=\"{root}{src}\" srcset=\"{jpg}\" sizes=\"{sizes}\" width=\"{w}\" height=\"{h}\" alt=\"{alt_esc}\" loading=\"{loading}\" decoding=\"async\"></picture></a>",
        full = p.output(largest.width, "jpg"),
        webp = srcset("webp"),
        jpg = srcset("jpg"),
        src = p.output(middle.width, "jpg"),
        w = largest.width,
        h = largest.height,
        loading = if eager { "eager" } else { "lazy" },
    )
}

/// A body's HTML with each photo marker replaced by its picture.
pub fn with_pictures(
    photos: &Photos,
    c: &Case,
    html: &str,
    images: &[crate::markdown::BodyImage],
    root: &str,
) -> String {
    if images.is_empty() {
        return html.to_owned();
    }
    let mut out = html.to_owned();
    for (i, img) in images.iter().enumerate() {
        let file = c.dir.join(&img.dest);
        let pic = format!(
            "<span class=\"body-photo\">{}</span>",
            picture(photos, &file, &img.alt, root, false, BODY_SIZES)
        );
        out = out.replacen(&crate::markdown::photo_marker(i), &pic, 1);
    }
    out
}

/// Everything a case page shows (`case` in `case.html`): the fields of [`card`], then
/// `method_rows` (one per method of the vocabulary: `method`, and `text` or none),
/// `practices`, `figures`, `changes`, `tags`, `sources`, `body` (the narrative's HTML, or
/// `body` when given: a course renders narratives again), `toc`, `fb` ([`Fallbacks`]), `draft`,
/// `unfinished` (what a draft has not written yet) and `photos` (before/after pairs).
pub fn case_view(
    lib: &Library,
    photos: &Photos,
    lang: Lang,
    c: &Case,
    root: &str,
    terms: &TermValues,
    body: Option<String>,
) -> Value {
    let config = &lib.config;
    let t = &c.texts[lang];
    let pairs = pair_views(photos, &t.photos.value, root);
    let body = body.unwrap_or_else(|| {
        with_pictures(photos, c, &t.body.value.html, &t.body.value.images, root)
    });
    let method_rows = method_rows(config, t, terms);
    let mut m = card_map(config, lang, c, terms);
    m.insert("method_rows", method_rows.into());
    m.insert(
        "practices",
        value(&practice_views(config, lang, &t.practices.value)),
    );
    m.insert("figures", value(&t.figures.value));
    m.insert(
        "changes",
        c.changes
            .iter()
            .map(|&i| terms.get(Vocab::Changes, i))
            .collect::<Vec<Value>>()
            .into(),
    );
    let tags: Vec<TermRef> = t.tags.value.iter().map(|s| tag(config, lang, s)).collect();
    m.insert("tags", value(&tags));
    m.insert("sources", value(&t.sources.value));
    m.insert("body", Value::safe_string(&body));
    m.insert("toc", value(&toc(&t.body.value)));
    let fb = Fallbacks::of(lang, t);
    m.insert("fb", value(&fb));
    m.insert("draft", c.draft.into());
    m.insert("unfinished", value(&Unfinished::of(c, t)));
    m.insert(
        "illustrative_photos",
        (!pairs.is_empty() && pairs.iter().all(|p| p.illustrative)).into(),
    );
    m.insert("photos", value(&pairs));
    Value::from(m)
}

/// The before/after pairs of a case as its page shows them. The first photo of a page loads
/// at once; the others when scrolled near.
pub(super) fn pair_views(photos: &Photos, pairs: &[PhotoPair], root: &str) -> Vec<PairView> {
    let mut eager = true;
    pairs
        .iter()
        .map(|p| {
            let before = picture(
                photos,
                &p.before.file,
                &p.before.alt,
                root,
                std::mem::take(&mut eager),
                PAIR_SIZES,
            );
            let after = picture(photos, &p.after.file, &p.after.alt, root, false, PAIR_SIZES);
            PairView {
                before,
                after,
                caption: p.caption.clone(),
                credit: p.credit.clone(),
                year_before: p.year_before,
                year_after: p.year_after,
                illustrative: p.illustrative,
            }
        })
        .collect()
}

/// One row per method of the vocabulary, with what the case did under it, or none.
pub(super) fn method_rows(config: &Config, t: &CaseText, terms: &TermValues) -> Vec<Value> {
    TermId::all(config.vocab.methods.terms.len())
        .map(|m| {
            let text = t
                .methods
                .value
                .iter()
                .find(|(k, _)| *k == m)
                .map(|(_, s)| s.as_str());
            let mut row: IndexMap<&'static str, Value> = IndexMap::with_capacity(2);
            row.insert("method", terms.get(Vocab::Methods, m));
            row.insert("text", text.into());
            Value::from(row)
        })
        .collect()
}

/// The parts of a draft not written yet, which its page marks where they go; nothing is
/// marked on a published case, where an empty part is the editor's choice.
#[derive(Serialize, Default)]
pub(super) struct Unfinished {
    summary: bool,
    methods: bool,
    practices: bool,
    sources: bool,
    /// Sections of the narrative that have a heading and nothing under it yet.
    sections: Vec<HeadingView>,
    /// Whether anything at all is left to write.
    any: bool,
}

#[derive(Serialize)]
pub(super) struct HeadingView {
    id: String,
    text: String,
}

impl Unfinished {
    fn of(c: &Case, t: &CaseText) -> Unfinished {
        if !c.draft {
            return Unfinished::default();
        }
        let mut u = Unfinished {
            summary: t.summary.value.trim().is_empty(),
            methods: t.methods.value.is_empty(),
            practices: t.practices.value.is_empty(),
            sources: t.sources.value.is_empty(),
            sections: empty_sections(&t.body.value),
            any: false,
        };
        u.any = u.summary || u.methods || u.practices || u.sources || !u.sections.is_empty();
        u
    }
}

/// The headings of a narrative with nothing under them before the next heading, as a new
/// case's template leaves them.
pub(super) fn empty_sections(body: &Body) -> Vec<HeadingView> {
    body.headings
        .iter()
        .filter(|h| {
            let Some(at) = body.html.find(&format!("id=\"{}\"", h.id)) else {
                return false;
            };
            let rest = &body.html[at..];
            let close = format!("</h{}>", h.level);
            let after = rest.find(&close).map_or("", |i| &rest[i + close.len()..]);
            let after = after.trim_start();
            after.is_empty() || after.starts_with("<h")
        })
        .map(|h| HeadingView {
            id: h.id.clone(),
            text: h.text.clone(),
        })
        .collect()
}
