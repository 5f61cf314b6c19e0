//! The six vocabularies: what casebook knows about each, and the keys a site declares.

use indexmap::IndexMap;
use serde_saphyr::Spanned;

use super::{Labels, labels};
use crate::diagnostics::{Diagnostic, Diagnostics, suggest};
use crate::i18n::Text;
use crate::id::TermId;
use crate::t;
use crate::yaml::YamlDoc;

/// One key of a vocabulary with its label in every language.
#[derive(Debug, Clone)]
pub struct Term {
    /// The key editors write (`co-decision`).
    pub key: String,
    /// Label per language, indexed by [`Lang`].
    pub labels: Vec<String>,
}

/// The six vocabularies, and everything casebook knows about each: its name in site.yaml,
/// front matter and URLs, its singular for messages and templates, its search parameter, and
/// whether a case names one term or several. Every list of vocabularies is made from
/// [`Vocab::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Vocab {
    /// The co- methods; each has pages of its own rather than term pages.
    Methods,
    /// Provinces.
    Provinces,
    /// Rural or urban.
    Kinds,
    /// Pilot, model point, reference.
    Roles,
    /// Problems a case solved.
    Challenges,
    /// The "five changes" a case shows.
    Changes,
}

impl Vocab {
    /// Every vocabulary, in the order pages, facets and templates list them.
    pub const ALL: [Vocab; 6] = [
        Vocab::Methods,
        Vocab::Provinces,
        Vocab::Kinds,
        Vocab::Roles,
        Vocab::Challenges,
        Vocab::Changes,
    ];

    /// The plural name: the key under `vocabularies:`, the front-matter field of the
    /// multi-valued ones and the folder of its term pages (`provinces`).
    pub const fn name(self) -> &'static str {
        match self {
            Vocab::Methods => "methods",
            Vocab::Provinces => "provinces",
            Vocab::Kinds => "kinds",
            Vocab::Roles => "roles",
            Vocab::Challenges => "challenges",
            Vocab::Changes => "changes",
        }
    }

    /// The singular (`province`): messages, and the field of the single-valued ones.
    pub const fn singular(self) -> &'static str {
        match self {
            Vocab::Methods => "method",
            Vocab::Provinces => "province",
            Vocab::Kinds => "kind",
            Vocab::Roles => "role",
            Vocab::Challenges => "challenge",
            Vocab::Changes => "change",
        }
    }

    /// The vocabulary of a plural name.
    pub fn from_name(name: &str) -> Option<Vocab> {
        Vocab::ALL.into_iter().find(|v| v.name() == name)
    }

    /// Whether a case names several of its terms (`methods: …`, `challenges: [...]`).
    pub const fn multi(self) -> bool {
        matches!(self, Vocab::Methods | Vocab::Challenges | Vocab::Changes)
    }

    /// The URL parameter that narrows a search by it, for those search can narrow by.
    pub const fn search_param(self) -> Option<&'static str> {
        match self {
            Vocab::Changes => None,
            v => Some(v.singular()),
        }
    }

    /// The vocabularies a search can narrow by, each with its URL parameter, in the order the
    /// search form and the index list them.
    pub fn facets() -> impl Iterator<Item = (&'static str, Vocab)> {
        Vocab::ALL
            .into_iter()
            .filter_map(|v| Some((v.search_param()?, v)))
    }

    /// Whether a case's terms of it are the editors' judgement (the problems it addresses, the
    /// changes it shows, its role) rather than facts such as its province: pages label them as
    /// the library's classification.
    pub const fn is_classification(self) -> bool {
        matches!(self, Vocab::Challenges | Vocab::Changes | Vocab::Roles)
    }

    /// Whether its terms have pages listing their cases (methods have pages of their own).
    pub const fn term_pages(self) -> bool {
        !matches!(self, Vocab::Methods)
    }
}

/// A closed list of keys (methods, provinces, …) declared once in site.yaml.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Which vocabulary this is.
    pub vocab: Vocab,
    /// The keys in the order site.yaml declares them; pages list them in that order.
    pub terms: Vec<Term>,
}

impl Vocabulary {
    /// Its terms, each with its id.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (TermId, &Term)> + ExactSizeIterator {
        self.terms
            .iter()
            .enumerate()
            .map(|(i, t)| (TermId::at(i), t))
    }

    /// Position of `key`, if declared.
    pub fn index(&self, key: &str) -> Option<TermId> {
        self.terms.iter().position(|t| t.key == key).map(TermId::at)
    }

    /// Checks a key an editor wrote, with a "did you mean" hint when it is unknown.
    pub fn check(&self, doc: &YamlDoc<'_>, key: &Spanned<String>) -> Result<TermId, Diagnostic> {
        self.index(&key.value).ok_or_else(|| {
            Diagnostic::error(
                doc.at(key),
                t!(
                    "vocab-unknown-key",
                    vocab = self.vocab.singular(),
                    key = &key.value
                ),
            )
            .label(t!(
                "vocab-unknown-key-label",
                vocabulary = self.vocab.name()
            ))
            .hint(self.hint_for(&key.value))
        })
    }

    /// What to type instead of an unknown key: the keys it holds, when a Chinese comma joins
    /// several into one, else the nearest declared key.
    fn hint_for(&self, key: &str) -> Text {
        const COMMAS: [char; 3] = ['，', '、', ','];
        if key.contains(COMMAS) {
            let keys: Vec<&str> = key
                .split(COMMAS)
                .map(str::trim)
                .filter(|k| !k.is_empty())
                .collect();
            return t!("vocab-keys-joined-hint", keys = keys.join(", "));
        }
        suggest(
            key,
            t!("what-key"),
            self.terms.iter().map(|t| t.key.as_str()),
        )
    }
}

/// All vocabularies of the site.
#[derive(Debug, Clone)]
pub struct Vocabularies {
    /// The co- methods; each has its own page.
    pub methods: Vocabulary,
    /// Problems a case solved.
    pub challenges: Vocabulary,
    /// Rural or urban.
    pub kinds: Vocabulary,
    /// Pilot, model point, reference.
    pub roles: Vocabulary,
    /// Provinces.
    pub provinces: Vocabulary,
    /// The "five changes" a case shows.
    pub changes: Vocabulary,
}

impl Vocabularies {
    /// The site's terms of one vocabulary.
    pub fn get(&self, v: Vocab) -> &Vocabulary {
        match v {
            Vocab::Methods => &self.methods,
            Vocab::Provinces => &self.provinces,
            Vocab::Kinds => &self.kinds,
            Vocab::Roles => &self.roles,
            Vocab::Challenges => &self.challenges,
            Vocab::Changes => &self.changes,
        }
    }
}

pub(super) fn vocabulary(
    doc: &YamlDoc<'_>,
    vocab: Vocab,
    entries: &IndexMap<Spanned<String>, Labels>,
    codes: &[&str],
    diags: &mut Diagnostics,
) -> Vocabulary {
    let terms = entries
        .iter()
        .map(|(key, l)| {
            if !is_key(&key.value) {
                diags.push(
                    Diagnostic::error(doc.at(key), t!("vocab-key-invalid", key = &key.value))
                        .hint(t!("vocab-key-invalid-hint")),
                );
            }
            let what = t!("vocab-what-term", key = &key.value);
            Term {
                key: key.value.clone(),
                labels: labels(doc, what, key, l, codes, diags),
            }
        })
        .collect();
    Vocabulary { vocab, terms }
}

/// Whether `s` is a valid key or slug: lower-case ASCII letters, digits and inner hyphens.
pub fn is_key(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
