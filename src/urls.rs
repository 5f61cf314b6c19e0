//! Every address of the site: where each page, list page, term page, photo, case file and
//! feed is written, and how one page links to another. Templates, Markdown links, the
//! preview, open data, the sitemap and the search client all ask here, so an address changes
//! in one place.
//!
//! A page's *path* is its folder relative to a language's root (`cases/x/`, empty for the home
//! page); its *file* is what is written there (`cases/x/index.html`). Links between pages are
//! relative (`../../cases/x/index.html`), so the site works from `file://` and under any
//! sub-path; only canonical, feed and sitemap addresses are absolute.

use crate::config::Vocab;

/// A page of the site, whatever its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page<'a> {
    /// The home page.
    Home,
    /// Page `page` (1-based) of the case library.
    Library {
        /// 1-based page number.
        page: usize,
    },
    /// A case.
    Case {
        /// The case's slug.
        slug: &'a str,
    },
    /// The list of methods.
    Methods,
    /// Page `page` of a method's practices.
    Method {
        /// The method's key.
        key: &'a str,
        /// 1-based page number.
        page: usize,
    },
    /// The practice library.
    Practices,
    /// Page `page` of the method matrix.
    Matrix {
        /// 1-based page number.
        page: usize,
    },
    /// The terms of a taxonomy (`provinces/`).
    Taxonomy {
        /// The taxonomy's name, which is its folder.
        name: &'a str,
    },
    /// Page `page` of the cases of one term (`provinces/hubei/`) or tag (`tags/党建/`).
    Term {
        /// The taxonomy's name.
        taxonomy: &'a str,
        /// The term's key, or the tag's slug.
        key: &'a str,
        /// 1-based page number.
        page: usize,
    },
    /// The list of courses.
    Courses,
    /// A course pack.
    Course {
        /// The course's slug.
        slug: &'a str,
    },
    /// A free page (`guide/`).
    Doc {
        /// The page's slug, which is its folder.
        slug: &'a str,
    },
    /// The not-found page (one per language, served at any depth).
    NotFound,
    /// The Atom feed.
    Feed,
}

impl Page<'_> {
    /// The page's folder relative to a language root (`cases/x/`), or its file name for the
    /// pages that are single files (`404.html`, `atom.xml`).
    pub fn path(&self) -> String {
        match *self {
            Page::Home => String::new(),
            Page::Library { page } => paged("cases/", page),
            Page::Case { slug } => format!("cases/{slug}/"),
            Page::Methods => "methods/".to_owned(),
            Page::Method { key, page } => paged(&format!("methods/{key}/"), page),
            Page::Practices => "practices/".to_owned(),
            Page::Matrix { page } => paged("matrix/", page),
            Page::Taxonomy { name } => format!("{name}/"),
            Page::Term {
                taxonomy,
                key,
                page,
            } => paged(&format!("{taxonomy}/{key}/"), page),
            Page::Courses => "courses/".to_owned(),
            Page::Course { slug } => format!("courses/{slug}/"),
            Page::Doc { slug } => format!("{slug}/"),
            Page::NotFound => "404.html".to_owned(),
            Page::Feed => "atom.xml".to_owned(),
        }
    }

    /// The file written for the page, relative to a language root.
    pub fn file(&self) -> String {
        file_of(&self.path())
    }
}

/// The file a path names: a folder's `index.html`, or the path itself when it is a file.
pub fn file_of(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    }
}

/// Folder of page `n` (1-based) of a list whose first page is the folder `base`.
pub fn paged(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_owned()
    } else {
        format!("{base}page/{n}/")
    }
}

/// How many folders deeper page `n` of a list is than its first page.
pub fn paged_depth(n: usize) -> usize {
    paged("", n).matches('/').count()
}

/// The relative path from a file in the folder `path` (under the language prefix `prefix`)
/// back to the site root: `../../` for `cases/x/` in the default language.
pub fn root_of(prefix: &str, path: &str) -> String {
    "../".repeat(path.matches('/').count() + prefix.matches('/').count())
}

/// The root of links in a page `depth` folders below its language root, in the language
/// whose prefix is `prefix`.
pub fn root_at(prefix: &str, depth: usize) -> String {
    "../".repeat(depth + prefix.matches('/').count())
}

/// A link from a page whose root is `root` to the page at `path` in the language whose
/// prefix is `prefix` (`en/`, or empty for the default language).
pub fn link(root: &str, prefix: &str, path: &str) -> String {
    format!("{root}{prefix}{}", file_of(path))
}

/// A page's file relative to the site root, language prefix included (what sitemaps, open
/// data and the search client's links start from).
pub fn site_file(prefix: &str, path: &str) -> String {
    format!("{prefix}{}", file_of(path))
}

/// The absolute address of a path relative to the site root, `index.html` left off.
pub fn absolute(base_url: &str, path: &str) -> String {
    format!(
        "{base_url}/{}",
        path.strip_suffix("index.html").unwrap_or(path)
    )
}

/// The root of links on the not-found page, which hosts serve at any depth: the path part of
/// the site's address (`/library/`, or `/`).
pub fn not_found_root(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    format!("{}/", path.trim_end_matches('/'))
}

/// The taxonomies with term pages, each a top-level folder, in the order the site lists them:
/// every vocabulary but the methods, then the tags.
pub fn taxonomies() -> impl Iterator<Item = &'static str> {
    Vocab::ALL
        .into_iter()
        .filter(|v| v.term_pages())
        .map(Vocab::name)
        .chain(std::iter::once("tags"))
}

/// Top-level folders the site uses besides the taxonomies': a free page may not be called so.
const RESERVED: &[&str] = &[
    "assets",
    "cases",
    "methods",
    "practices",
    "matrix",
    "courses",
    "data",
    "photos",
    "search",
    "404",
];

/// Whether a free page may not take `slug`, because the site uses that folder.
pub fn is_reserved(slug: &str) -> bool {
    RESERVED.contains(&slug) || taxonomies().any(|t| t == slug)
}

/// Where a theme's static file is written: under `assets/`, with the first ten hex digits of
/// its hash before the extension (`assets/style.1a2b3c4d5e.css`), so hosts may cache it for
/// good.
pub fn asset(name: &str, hash: &str) -> String {
    let hash = hash.get(..10).unwrap_or(hash);
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("assets/{stem}.{hash}.{ext}"),
        None => format!("assets/{name}.{hash}"),
    }
}

/// The sitemap robots.txt names: the list of the site's pages, or, when they are more than
/// one sitemap file may list, the index of its parts.
pub const SITEMAP: &str = "sitemap.xml";

/// Part `n` (from 1) of a sitemap split in parts.
pub fn sitemap_part(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

/// The output file of one size of a processed photo.
pub fn photo(stem: &str, key: &str, width: u32, ext: &str) -> String {
    format!("photos/{stem}-{}-{width}.{ext}", &key[..key.len().min(10)])
}

/// The folder every photo output is in.
pub const PHOTOS: &str = "photos/";

/// Where a file beside a case (a PDF, say) is published.
pub fn case_file(slug: &str, name: &str) -> String {
    format!("{}{name}", Page::Case { slug }.path())
}

/// The address the preview takes the browser to for a page (absolute on the server).
pub fn served(prefix: &str, path: &str) -> String {
    format!("/{prefix}{path}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_files_and_links() {
        assert_eq!(Page::Home.file(), "index.html");
        assert_eq!(Page::Case { slug: "x" }.path(), "cases/x/");
        assert_eq!(
            Page::Method {
                key: "co-decision",
                page: 3
            }
            .file(),
            "methods/co-decision/page/3/index.html"
        );
        assert_eq!(Page::Feed.file(), "atom.xml");
        assert_eq!(paged_depth(1), 0);
        assert_eq!(paged_depth(4), 2);
        assert_eq!(root_of("en/", "cases/x/"), "../../../");
        assert_eq!(root_at("", 2), "../../");
        assert_eq!(link("../../", "en/", "guide/"), "../../en/guide/index.html");
        assert_eq!(
            absolute("https://e.org/lib", "en/cases/x/index.html"),
            "https://e.org/lib/en/cases/x/"
        );
        assert_eq!(not_found_root("https://e.org/lib/"), "/lib/");
        assert_eq!(not_found_root("https://e.org"), "/");
        assert_eq!(
            photo("a", "0123456789abcdef", 480, "webp"),
            "photos/a-0123456789-480.webp"
        );
    }
}
