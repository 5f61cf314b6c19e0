//! `Section`: what a document of `content/` is — a case, a method, a course or a page — the
//! folder it lives in, where each language's file of it is, and the word an `@/` link names it
//! by. Reading the content, listing it, linking to it and creating it all ask here.

use crate::i18n::Text;
use crate::t;
use crate::urls::Page;

/// What a document is, which is also the folder of `content/` it lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// `content/cases/<slug>/index.md`, with its photos beside it.
    Case,
    /// `content/methods/<key>.md`, the text of one method of the vocabulary.
    Method,
    /// `content/courses/<slug>.md`.
    Course,
    /// `content/pages/<slug>.md`.
    Page,
}

impl Section {
    /// Its folder under `content/`, and the word after `@/` in a link to it.
    pub const fn folder(self) -> &'static str {
        match self {
            Section::Case => "cases",
            Section::Method => "methods",
            Section::Course => "courses",
            Section::Page => "pages",
        }
    }

    /// The section a folder under `content/` (or a link's first word) names.
    pub fn named(folder: &str) -> Option<Section> {
        [
            Section::Case,
            Section::Method,
            Section::Course,
            Section::Page,
        ]
        .into_iter()
        .find(|s| s.folder() == folder)
    }

    /// A document's file, relative to the site root: the default language's file when `code`
    /// is `None`, else the translation's (`content/cases/x/index.en.md`).
    pub fn file(self, slug: &str, code: Option<&str>) -> String {
        let lang = code.map(|c| format!(".{c}")).unwrap_or_default();
        match self {
            Section::Case => format!("content/cases/{slug}/index{lang}.md"),
            _ => format!("content/{}/{slug}{lang}.md", self.folder()),
        }
    }

    /// What every file of a document starts with, relative to the site root: a case's folder,
    /// or the other sections' file name up to its language code.
    pub fn prefix(self, slug: &str) -> String {
        match self {
            Section::Case => format!("content/cases/{slug}/"),
            _ => format!("content/{}/{slug}.", self.folder()),
        }
    }

    /// The section and slug of a file from its path's parts relative to the site root, and the
    /// file's name: `["content", "cases", "x", "index.md"]` is case `x`'s `index.md`. For the
    /// sections of single files the slug is left in the file name (`""` is returned).
    pub fn of_parts<'a>(parts: &[&'a str]) -> Option<(Section, &'a str, &'a str)> {
        match parts {
            ["content", "cases", slug, file] => Some((Section::Case, slug, file)),
            ["content", folder, file] => match Section::named(folder)? {
                Section::Case => None,
                s => Some((s, "", file)),
            },
            _ => None,
        }
    }

    /// The page that shows a document.
    pub fn page(self, slug: &str) -> Page<'_> {
        match self {
            Section::Case => Page::Case { slug },
            Section::Method => Page::Method { key: slug, page: 1 },
            Section::Course => Page::Course { slug },
            Section::Page => Page::Doc { slug },
        }
    }

    /// What it is, in words ("case", "案例").
    pub fn name(self) -> Text {
        match self {
            Section::Case => t!("section-case"),
            Section::Method => t!("section-method"),
            Section::Course => t!("section-course"),
            Section::Page => t!("section-page"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Section;

    #[test]
    fn files_and_parts_agree() {
        for s in [
            Section::Case,
            Section::Method,
            Section::Course,
            Section::Page,
        ] {
            assert_eq!(Section::named(s.folder()), Some(s));
            for code in [None, Some("en")] {
                let file = s.file("x", code);
                assert!(file.starts_with(&s.prefix("x")), "{file}");
                let parts: Vec<&str> = file.split('/').collect();
                let Some((found, slug, name)) = Section::of_parts(&parts) else {
                    panic!("{file} is not recognised");
                };
                assert_eq!(found, s);
                let slug = if slug.is_empty() {
                    name.split('.').next()
                } else {
                    Some(slug)
                };
                assert_eq!(slug, Some("x"));
            }
        }
        assert_eq!(Section::of_parts(&["content", "other", "a.md"]), None);
        assert_eq!(Section::of_parts(&["content", "cases", "a.md"]), None);
    }
}
