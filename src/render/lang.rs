//! What every page of one language shares: the site values, navigation, vocabularies, the
//! term index and the cards.

use crate::config::{Config, Lang, Vocab};
use crate::model::Library;
use crate::urls::{self, Page};
use crate::views::{self, TermIndex, TermRef};
use indexmap::IndexMap;
use serde::Serialize;
use std::sync::{Arc, OnceLock};
use tera::{Context, Value};

use super::*;

/// Data of one language shared by all its pages.
pub(super) struct LangData {
    pub(super) lang: Lang,
    pub(super) base: Context,
    pub(super) cards: Vec<OnceLock<Value>>,
    /// Each case's card as HTML, rendered once.
    pub(super) card_html: Vec<OnceLock<CardHtml>>,
    /// Each case's related cases (the same in every language, so shared).
    pub(super) related: Arc<Vec<OnceLock<Vec<CaseId>>>>,
    /// The vocabularies' terms as template values.
    pub(super) terms: views::TermValues,
    /// The navigation's sections.
    pub(super) nav: Vec<NavItem>,
    pub(super) index: TermIndex,
    /// Per method, the practices filed under it as (case, practice) indexes, in library order.
    pub(super) practices: Vec<Vec<(CaseId, usize)>>,
}

impl LangData {
    /// The card of case `i`, made once and shared by every page that lists it.
    pub(super) fn card(&self, lib: &Library, i: CaseId) -> Value {
        self.cards[i.index()]
            .get_or_init(|| views::card(&lib.config, self.lang, &lib.cases[i], &self.terms))
            .clone()
    }

    /// The cases related to case `i`.
    pub(super) fn related(&self, lib: &Library, i: CaseId) -> &[CaseId] {
        self.related[i.index()].get_or_init(|| views::related(lib, &self.index, i))
    }

    pub(super) fn new(
        lib: &Library,
        lang: Lang,
        r: &Renderer,
        related: Arc<Vec<OnceLock<Vec<CaseId>>>>,
    ) -> LangData {
        let config = &lib.config;
        // Cards are made when first needed: a preview rebuild of one case's page needs three.
        let cards = (0..lib.cases.len()).map(|_| OnceLock::new()).collect();
        let card_html = (0..lib.cases.len()).map(|_| OnceLock::new()).collect();
        let l = &config.languages[lang];
        let mut base = Context::new();
        base.insert(
            "lang",
            &LangView {
                code: l.code.clone(),
                locale: l.locale.clone(),
                og_locale: l.locale.replace('-', "_"),
                name: l.name.clone(),
                prefix: l.prefix.clone(),
                default: lang.is_default(),
            },
        );
        base.insert("default_locale", &config.languages[0].locale);
        base.insert_value(
            "t",
            r.i18n
                .get(lang.index())
                .cloned()
                .unwrap_or_else(Value::none),
        );
        base.insert(
            "site",
            &SiteView {
                title: config.title[lang].clone(),
                description: config.description[lang].clone(),
                base_url: config.base_url.clone(),
            },
        );
        base.insert_value("assets", r.assets.clone());
        base.insert("vocab", &vocab_view(config, lang));
        let nav = nav(config, lang, lib, r.strings.get(lang.index()));
        base.insert("nav", &nav);
        let mut practices = vec![Vec::new(); config.vocab.methods.terms.len()];
        for (ci, c) in lib.case_ids() {
            for (pi, p) in c.texts[0].practices.value.iter().enumerate() {
                practices[p.method.index()].push((ci, pi));
            }
        }
        LangData {
            lang,
            base,
            cards,
            card_html,
            related,
            terms: views::TermValues::new(config, lang),
            nav,
            index: views::term_index(lib, lang),
            practices,
        }
    }
}

#[derive(Serialize)]
pub(super) struct LangView {
    pub(super) code: String,
    pub(super) locale: String,
    /// The locale as Open Graph writes it (`zh_CN`).
    pub(super) og_locale: String,
    pub(super) name: String,
    pub(super) prefix: String,
    pub(super) default: bool,
}

#[derive(Serialize)]
pub(super) struct SiteView {
    pub(super) title: String,
    pub(super) description: String,
    pub(super) base_url: String,
}

#[derive(Serialize)]
pub(super) struct NavItem {
    pub(super) key: &'static str,
    /// Folder without language prefix: the section's pages are the ones under it.
    pub(super) path: String,
    pub(super) url: String,
    /// Its UI string (`nav_<key>`).
    pub(super) label: String,
}

/// The sections of the site navigation links to, each with its label: pages mark the one
/// they belong to by `page.section`.
pub(super) fn nav(
    config: &Config,
    lang: Lang,
    lib: &Library,
    strings: Option<&IndexMap<String, String>>,
) -> Vec<NavItem> {
    let item = |key: &'static str, path: &str| NavItem {
        key,
        path: path.to_owned(),
        url: urls::site_file(config.prefix(lang), path),
        label: strings
            .and_then(|s| s.get(&format!("nav_{key}")))
            .cloned()
            .unwrap_or_default(),
    };
    let mut items = vec![
        item("cases", &Page::Library { page: 1 }.path()),
        item("methods", &Page::Methods.path()),
        item("practices", &Page::Practices.path()),
        item("matrix", &Page::Matrix { page: 1 }.path()),
    ];
    if !lib.courses.is_empty() {
        items.push(item("courses", &Page::Courses.path()));
    }
    for key in ["guide", "about"] {
        if lib.pages.iter().any(|p| p.slug == key) {
            items.push(item(key, &Page::Doc { slug: key }.path()));
        }
    }
    items
}

pub(super) fn vocab_view(config: &Config, lang: Lang) -> IndexMap<&'static str, Vec<TermRef>> {
    let mut m = IndexMap::new();
    for name in Vocab::ALL.map(Vocab::name) {
        let v = views::vocabulary(config, name).map_or(0, |v| v.terms.len());
        m.insert(
            name,
            TermId::all(v)
                .map(|i| views::term(config, lang, name, i))
                .collect(),
        );
    }
    m
}

pub(super) fn term_of(ld: &LangData, name: &str, t: usize) -> (TermRef, Vec<CaseId>) {
    ld.index
        .terms
        .get(name)
        .and_then(|terms| terms.get(t))
        .cloned()
        .unwrap_or_else(|| {
            (
                TermRef {
                    key: String::new(),
                    label: String::new(),
                    url: String::new(),
                },
                Vec::new(),
            )
        })
}
