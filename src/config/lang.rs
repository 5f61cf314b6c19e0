//! `Lang`: one of the site's languages, by its place in `site.yaml`'s `languages:`.

use std::ops::{Index, IndexMut};

/// One of the site's languages: its place in [`super::Config::languages`], the default
/// language first. Lists kept per language (a case's texts, a term's labels) are indexed by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize)]
#[serde(transparent)]
pub struct Lang(pub(super) usize);

impl Lang {
    /// The default language: the first one site.yaml lists.
    pub const DEFAULT: Lang = Lang(0);

    /// Whether this is the default language, which translations inherit from.
    pub const fn is_default(self) -> bool {
        self.0 == 0
    }

    /// Its place among the site's languages.
    pub const fn index(self) -> usize {
        self.0
    }

    /// The first `count` languages, the default first.
    pub fn all(count: usize) -> impl Iterator<Item = Lang> + use<> {
        (0..count).map(Lang)
    }

    /// The items of a list kept per language, each with its language.
    pub fn each<T>(list: &[T]) -> impl Iterator<Item = (Lang, &T)> {
        list.iter().enumerate().map(|(i, x)| (Lang(i), x))
    }
}

impl<T> Index<Lang> for Vec<T> {
    type Output = T;
    fn index(&self, lang: Lang) -> &T {
        &self[lang.0]
    }
}

impl<T> IndexMut<Lang> for Vec<T> {
    fn index_mut(&mut self, lang: Lang) -> &mut T {
        &mut self[lang.0]
    }
}

impl<T> Index<Lang> for [T] {
    type Output = T;
    fn index(&self, lang: Lang) -> &T {
        &self[lang.0]
    }
}
