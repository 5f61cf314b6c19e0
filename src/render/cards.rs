//! Case cards, rendered once per case and language and copied into every list with the
//! page's own root.

use crate::model::Library;

use super::*;

/// Stands for a page's `root` in HTML made once for many pages. Private-use characters, which
/// no editor's text holds in this order.
pub(super) const ROOT_MARK: &str = "\u{E00A}\u{E00B}";

/// A card's HTML made once, without its pages' `root`: the text, and where a root goes in it.
pub(super) struct CardHtml {
    pub(super) text: String,
    pub(super) roots: Vec<usize>,
}

impl CardHtml {
    /// Takes the [`ROOT_MARK`]s out of `html`, noting where they were.
    pub(super) fn new(html: &str) -> CardHtml {
        let mut text = String::with_capacity(html.len());
        let mut roots = Vec::new();
        for (k, part) in html.split(ROOT_MARK).enumerate() {
            if k > 0 {
                roots.push(text.len());
            }
            text.push_str(part);
        }
        text.shrink_to_fit();
        CardHtml { text, roots }
    }

    /// Appends the card to `out` with `root` at the start of its links.
    pub(super) fn push_to(&self, out: &mut String, root: &str) {
        let mut at = 0;
        for &r in &self.roots {
            out.push_str(&self.text[at..r]);
            out.push_str(root);
            at = r;
        }
        out.push_str(&self.text[at..]);
    }
}

impl Renderer {
    /// The cards of `list` as HTML for a page whose links start with `root`. Each card is
    /// rendered once per language (from `partials/card.html`, which sees the card as `c` and
    /// the site-wide variables) and its link roots filled in for each page: listing pages show
    /// every case several times over, and rendering a card costs far more than copying it.
    pub(super) fn cards_html(
        &self,
        lib: &Library,
        ld: &LangData,
        list: &[CaseId],
        root: &str,
        opts: &RenderOptions,
    ) -> Result<String, tera::Error> {
        const CARD: &str = "partials/card.html";
        let tera = self.tera(opts);
        if !tera.contains_template(CARD) {
            return Ok(String::new());
        }
        let mut cards = Vec::with_capacity(list.len());
        for &i in list {
            let card = match ld.card_html[i.index()].get() {
                Some(c) => c,
                None => {
                    let mut ctx = ld.base.clone();
                    ctx.insert_value("c", ld.card(lib, i));
                    ctx.insert("root", ROOT_MARK);
                    let bytes = with_buffer(|buf| tera.render_to(CARD, &ctx, buf))?;
                    let html = String::from_utf8(bytes).unwrap_or_default();
                    ld.card_html[i.index()].get_or_init(|| CardHtml::new(&html))
                }
            };
            cards.push(card);
        }
        // Sized once: a library page holds hundreds of cards, and growing the string by
        // doubling would copy them several times over.
        let len = cards
            .iter()
            .map(|c| c.text.len() + c.roots.len() * root.len())
            .sum();
        let mut out = String::with_capacity(len);
        for c in cards {
            c.push_to(&mut out, root);
        }
        Ok(out)
    }
}
