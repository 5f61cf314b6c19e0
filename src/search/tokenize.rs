//! One case's text turned into terms with their fields and positions, by workers that number
//! their terms without sharing a table.

use rustc_hash::FxHashMap;

use rust_stemmers::{Algorithm, Stemmer};

use crate::config::{Config, Lang, Vocab};
use crate::id::TermId;
use crate::model::Case;

use super::*;

/// Per case, what it contributes to the index.
#[derive(Debug, Clone, Default)]
pub(super) struct DocTerms {
    /// Term → (weighted frequency, position mask).
    pub(super) terms: Vec<(Box<str>, f32, u8)>,
    /// Surface word → stem, where they differ.
    pub(super) aliases: Vec<(Box<str>, Box<str>)>,
    /// Tokens in all fields.
    pub(super) len: u32,
}

/// What one case gives the index, its terms numbered by the [`Tokenizer`] that read it.
pub(super) struct LocalDoc {
    /// (term number, weighted frequency, position mask).
    pub(super) terms: Vec<(u32, f32, u8)>,
    pub(super) aliases: Vec<(Box<str>, Box<str>)>,
    pub(super) len: u32,
    pub(super) row: Row,
    pub(super) facets: Vec<Vec<TermId>>,
}

/// What a word seen before is: its stem's number, and the stem itself when it differs (an
/// alias), with the last case that listed the alias.
pub(super) struct Surface {
    pub(super) id: u32,
    pub(super) alias: Option<Box<str>>,
    pub(super) listed_in: u32,
}

/// Tokenizes many cases, numbering their terms as it goes: CJK terms are looked up by their
/// code points and words by their surface form, so the common case (a term seen before)
/// costs one hash lookup and makes no string.
pub(super) struct Tokenizer {
    pub(super) stemmer: Stemmer,
    pub(super) cjk: FxHashMap<u64, u32>,
    pub(super) words: FxHashMap<Box<str>, u32>,
    /// Word as written → its stem's number: a word seen before costs one lookup, no stemming.
    pub(super) surfaces: FxHashMap<Box<str>, Surface>,
    /// Term number → text.
    pub(super) texts: Vec<Box<str>>,
    /// Term number → (frequency, mask, the case they belong to), reset lazily per case.
    pub(super) acc: Vec<(f32, u8, u32)>,
    pub(super) touched: Vec<u32>,
    pub(super) case: u32,
    pub(super) norm: String,
    pub(super) plain: String,
    /// Pinyin words of runs of Chinese characters already read: libraries repeat their
    /// towns, counties and the words of their titles and practice names, and reading a run
    /// costs more than looking it up.
    pub(super) pinyin: FxHashMap<Box<str>, Box<str>>,
    /// Whether every case lists its own aliases (an index that will be updated removes a
    /// case's before it adds them again); otherwise the run lists each alias once.
    pub(super) per_case: bool,
}

impl Tokenizer {
    pub(super) fn new(per_case: bool) -> Self {
        Tokenizer {
            per_case,
            stemmer: Stemmer::create(Algorithm::English),
            cjk: FxHashMap::default(),
            words: FxHashMap::default(),
            surfaces: FxHashMap::default(),
            texts: Vec::new(),
            acc: Vec::new(),
            touched: Vec::new(),
            case: 0,
            norm: String::new(),
            plain: String::new(),
            pinyin: FxHashMap::default(),
        }
    }

    pub(super) fn number(&mut self, text: Box<str>) -> u32 {
        let id = self.texts.len() as u32;
        self.texts.push(text);
        self.acc.push((0.0, 0, 0));
        id
    }

    pub(super) fn cjk_id(&mut self, key: u64, text: impl FnOnce() -> String) -> u32 {
        if let Some(&id) = self.cjk.get(&key) {
            return id;
        }
        let id = self.number(text().into());
        self.cjk.insert(key, id);
        id
    }

    /// The number of a word's stem, and whether this case still has to list the word as an
    /// alias of it.
    pub(super) fn word(&mut self, surface: &str, aliases: &mut Vec<(Box<str>, Box<str>)>) -> u32 {
        if let Some(s) = self.surfaces.get_mut(surface) {
            if let Some(stem) = &s.alias
                && self.per_case
                && s.listed_in != self.case
            {
                s.listed_in = self.case;
                aliases.push((surface.into(), stem.clone()));
            }
            return s.id;
        }
        let stem = self.stemmer.stem(surface).into_owned();
        let id = match self.words.get(stem.as_str()) {
            Some(&id) => id,
            None => {
                let id = self.number(stem.as_str().into());
                self.words.insert(stem.as_str().into(), id);
                id
            }
        };
        let alias = (stem != surface).then(|| Box::<str>::from(stem));
        if let Some(stem) = &alias {
            aliases.push((surface.into(), stem.clone()));
        }
        self.surfaces.insert(
            surface.into(),
            Surface {
                id,
                alias,
                listed_in: self.case,
            },
        );
        id
    }

    /// Adds the tokens of `text` to the current case, each weighing `w`.
    pub(super) fn add(
        &mut self,
        text: &str,
        w: f32,
        len: &mut u32,
        aliases: &mut Vec<(Box<str>, Box<str>)>,
    ) {
        let mut norm = std::mem::take(&mut self.norm);
        normalize_into(text, &mut norm);
        scan(&norm, |t| {
            let (id, mask) = match t {
                Tok::Bigram(a, b, pos) => {
                    let key = (u64::from(a) << 32) | u64::from(b);
                    (
                        self.cjk_id(key, || [a, b].iter().collect()),
                        1u8 << (pos % 6),
                    )
                }
                Tok::Unigram(c, _) => (self.cjk_id(u64::from(c), || c.to_string()), 0),
                Tok::Word(w) => (self.word(w, aliases), 0),
            };
            if !matches!(t, Tok::Unigram(..)) {
                *len += 1;
            }
            let e = &mut self.acc[id as usize];
            if e.2 == self.case {
                e.0 += w;
                e.1 |= mask;
            } else {
                *e = (w, mask, self.case);
                self.touched.push(id);
            }
        });
        self.norm = norm;
    }

    /// The pinyin words of a case's Chinese names in one language.
    fn names_pinyin(&mut self, t: &crate::model::CaseText) -> String {
        let mut py = String::new();
        for run in names(t).flat_map(|n| super::pinyin::cjk_runs(n)) {
            if !self.pinyin.contains_key(run) {
                let mut w = String::new();
                super::pinyin::run_words(run, &mut w);
                self.pinyin.insert(run.into(), w.into());
            }
            if let Some(words) = self.pinyin.get(run).filter(|w| !w.is_empty()) {
                py.push(' ');
                py.push_str(words);
            }
        }
        py
    }

    /// Everything case `case` gives the index in language `lang`.
    pub(super) fn doc(&mut self, config: &Config, lang: Lang, case: &Case) -> LocalDoc {
        // Case 0 is never used, so fresh entries of `acc` belong to no case.
        self.case += 1;
        self.touched.clear();
        let mut len = 0u32;
        let mut aliases = Vec::new();
        let t = &case.texts[lang];
        let mut add = |tk: &mut Self, text: &str, field: Field| {
            tk.add(text, field as u8 as f32, &mut len, &mut aliases);
        };
        add(self, &t.title.value, Field::Title);
        add(self, &t.summary.value, Field::Summary);
        let p = &t.place.value;
        for s in [
            Some(&p.village),
            p.town.as_ref(),
            p.county.as_ref(),
            p.city.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            add(self, s, Field::Place);
        }
        add(
            self,
            &config.vocab.provinces.terms[case.province].labels[lang],
            Field::Place,
        );
        for tag in &t.tags.value {
            add(self, tag, Field::Tag);
        }
        for (_, text) in &t.methods.value {
            add(self, text, Field::Text);
        }
        for pr in &t.practices.value {
            add(self, &pr.name, Field::PracticeName);
            add(self, &pr.summary, Field::Text);
            for s in pr.steps.iter().chain(&pr.conditions) {
                add(self, s, Field::Text);
            }
        }
        // Chinese names as pinyin too, weighing as running text: the name itself ranks first.
        let py = self.names_pinyin(t);
        add(self, &py, Field::Text);
        // A name written in pinyin with an apostrophe between syllables (Zengcuo'an, Xi'an)
        // is two words to the tokenizer; readers type it as one.
        let mut joined = String::new();
        for name in names(t) {
            joined_at_apostrophes(name, &mut joined);
        }
        add(self, &joined, Field::Text);
        // The narrative as the page shows it: its text without markup or link targets.
        let mut plain = std::mem::take(&mut self.plain);
        html_text(&t.body.value.html, &mut plain);
        add(self, &plain, Field::Text);
        self.plain = plain;
        aliases.sort_unstable();
        aliases.dedup();
        LocalDoc {
            terms: self
                .touched
                .iter()
                .map(|&id| {
                    let (tf, mask, _) = self.acc[id as usize];
                    (id, tf, mask)
                })
                .collect(),
            aliases,
            len,
            row: row(config, lang, case),
            facets: facet_values(case),
        }
    }
}

/// A case's names in one language: title, places, tags and practice names.
fn names(t: &crate::model::CaseText) -> impl Iterator<Item = &String> {
    let p = &t.place.value;
    [&t.title.value, &p.village]
        .into_iter()
        .chain([&p.town, &p.county, &p.city].into_iter().flatten())
        .chain(&t.tags.value)
        .chain(t.practices.value.iter().map(|pr| &pr.name))
}

/// Appends to `out` each word of `name` that has an apostrophe between two letters, with its
/// apostrophes left out: "Zengcuo'an" gives "Zengcuoan". Words with CJK characters are left
/// alone.
pub(super) fn joined_at_apostrophes(name: &str, out: &mut String) {
    let is_apostrophe = |c: char| c == '\'' || c == '\u{2019}';
    for word in name.split(|c: char| !c.is_alphanumeric() && !is_apostrophe(c)) {
        let word = word.trim_matches(is_apostrophe);
        // A right quotation mark between Chinese characters closes a quotation; it joins no
        // syllables.
        if word.contains(is_apostrophe) && !word.chars().any(super::text::is_cjk) {
            out.push(' ');
            out.extend(word.chars().filter(|&c| !is_apostrophe(c)));
        }
    }
}

/// Everything one case gives the index, its terms by text (for updating a built index).
pub(super) fn tokenize_case(config: &Config, lang: Lang, case: &Case) -> DocTerms {
    let mut tk = Tokenizer::new(true);
    let d = tk.doc(config, lang, case);
    DocTerms {
        terms: d
            .terms
            .iter()
            .map(|&(id, tf, mask)| (tk.texts[id as usize].clone(), tf, mask))
            .collect(),
        aliases: d.aliases,
        len: d.len,
    }
}

pub(super) fn row(config: &Config, lang: Lang, case: &Case) -> Row {
    let t = &case.texts[lang];
    let summary = &t.summary.value;
    let excerpt = match summary.char_indices().nth(EXCERPT) {
        Some((i, _)) => format!("{}…", &summary[..i]),
        None => summary.clone(),
    };
    Row(
        case.slug.clone(),
        t.title.value.clone(),
        crate::views::place_line(config, lang, case),
        excerpt,
    )
}

pub(super) fn facet_values(case: &Case) -> Vec<Vec<TermId>> {
    Vocab::facets().map(|(_, v)| case.terms(v)).collect()
}
