//! Reads the site's content from disk: the only stage that reads `content/`.
//!
//! Walks `content/` with walkdir and reads every text file in parallel. Photos and other
//! files are only listed here; later stages read them when they need their bytes.

use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, SourceText, Span};
use crate::t;

/// Everything read from `content/`, with paths relative to the site root.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// The site root the paths are relative to.
    pub root: PathBuf,
    /// `content/site.yaml`, if present.
    pub site: Option<SourceText>,
    /// Every Markdown file, sorted by path.
    pub markdown: Vec<SourceText>,
    /// Every other file (photos, documents), sorted by path.
    pub assets: Vec<PathBuf>,
    /// Markdown files (and site.yaml) that could not be read as text, each with its error,
    /// sorted by path. Kept with the sources rather than reported once, so the error stays
    /// until the file is fixed and the content stage knows the file exists.
    pub unreadable: Vec<(PathBuf, Diagnostic)>,
}

/// Whether a file name belongs to an editor or the system rather than to the site: swap and
/// backup files, temp files of atomic saves, hidden files.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.starts_with("~$")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".crdownload")
        || name == "Thumbs.db"
        || name == "desktop.ini"
}

/// Reads `content/` under `root`. A file that cannot be read as text is listed in
/// [`Sources::unreadable`] with its diagnostic; a missing `content/` folder is an IO error.
pub fn load(root: &Path) -> io::Result<Sources> {
    let content = root.join("content");
    if !content.is_dir() {
        let root = root.display().to_string();
        return Err(crate::i18n::io_error(
            io::ErrorKind::NotFound,
            crate::t!("load-no-content", root = root),
        ));
    }
    let mut md_paths = Vec::new();
    let mut assets = Vec::new();
    let mut site = None;
    let walker = WalkDir::new(&content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e
                .path()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| content.clone());
            let path = path.display().to_string();
            crate::i18n::io_error(
                io::ErrorKind::Other,
                crate::t!("load-cannot-read", path = path, detail = walk_text(&e)),
            )
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        let name = entry.file_name().to_string_lossy();
        if rel == Path::new("content/site.yaml") {
            site = Some(rel);
        } else if name.ends_with(".md") {
            md_paths.push(rel);
        } else {
            assets.push(rel);
        }
    }

    let read = |rel: &PathBuf| read_text(root, rel);

    let results: Vec<Result<SourceText, Diagnostic>> = md_paths.par_iter().map(read).collect();
    let mut markdown = Vec::with_capacity(results.len());
    let mut unreadable = Vec::new();
    for (r, path) in results.into_iter().zip(md_paths) {
        match r {
            Ok(s) => markdown.push(s),
            Err(d) => unreadable.push((path, d)),
        }
    }
    let site = match site {
        Some(rel) => match read(&rel) {
            Ok(s) => Some(s),
            Err(d) => {
                unreadable.push((rel, d));
                unreadable.sort_by(|a, b| a.0.cmp(&b.0));
                None
            }
        },
        None => None,
    };
    Ok(Sources {
        root: root.to_path_buf(),
        site,
        markdown,
        assets,
        unreadable,
    })
}

/// What went wrong walking a folder: the system's error in the reader's language, or a loop
/// of links.
fn walk_text(e: &walkdir::Error) -> crate::i18n::Text {
    match e.io_error() {
        Some(io) => crate::i18n::os_text(io),
        None => crate::t!("io-other", detail = e.to_string()),
    }
}

/// Reads one text file of the site; `rel` is relative to `root`.
pub fn read_text(root: &Path, rel: &Path) -> Result<SourceText, Diagnostic> {
    let bytes = std::fs::read(root.join(rel)).map_err(|e| {
        Diagnostic::error(
            Span::file_only(rel),
            t!("files-cannot-read", detail = crate::i18n::os_text(&e)),
        )
    })?;
    decode(rel, bytes)
}

/// The text of a file read as `bytes`: UTF-8, or a diagnostic that names the encoding the
/// file is in when it is one Chinese Windows editors save in (UTF-16, GBK), else points at the
/// first byte that is not UTF-8.
pub fn decode(rel: &Path, bytes: Vec<u8>) -> Result<SourceText, Diagnostic> {
    let text = String::from_utf8(bytes).map_err(|e| not_utf8(rel, e.as_bytes(), e.utf8_error()))?;
    Ok(SourceText::new(rel.to_path_buf(), text))
}

fn not_utf8(rel: &Path, bytes: &[u8], e: std::str::Utf8Error) -> Diagnostic {
    let ok = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
    let (line, column) = crate::diagnostics::line_column(&ok, ok.len());
    let mut at = Span::file_only(rel);
    at.line = line;
    at.column = column;
    // Text that is not UTF-8 but reads as GBK, with Chinese in it, is almost surely GBK: the
    // encoding Chinese Windows saves in by default.
    let gbk = || {
        encoding_rs::GBK
            .decode_without_bom_handling_and_without_replacement(bytes)
            .is_some_and(|t| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
    };
    let message = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        t!("files-utf16")
    } else if gbk() {
        t!("files-gbk")
    } else {
        t!("files-not-utf8")
    };
    Diagnostic::error(at, message).hint(t!("files-save-as-utf8-hint"))
}

/// The default language site.yaml names, read before anything else so that messages about
/// the site can be in its language; `None` when there is no readable site.yaml naming one.
pub fn site_language(root: &Path) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Peek {
        default_language: Option<String>,
    }
    let text = std::fs::read_to_string(root.join("content/site.yaml")).ok()?;
    serde_saphyr::from_str::<Peek>(&text).ok()?.default_language
}

impl Sources {
    /// Brings the sources up to date with changed files (paths relative to the root), reading
    /// only those. Returns `false` when a change is not a plain file (a folder was added,
    /// removed or renamed): the caller then loads everything again.
    pub fn update(&mut self, changed: &[PathBuf]) -> bool {
        for rel in changed {
            let full = self.root.join(rel);
            let name = rel
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if rel.iter().any(|p| is_ignored_name(&p.to_string_lossy())) {
                continue;
            }
            if full.is_dir() || (!full.exists() && !name.contains('.')) {
                return false;
            }
            self.markdown.retain(|s| &s.path != rel);
            self.assets.retain(|a| a != rel);
            self.unreadable.retain(|(p, _)| p != rel);
            if !full.exists() {
                if rel == Path::new("content/site.yaml") {
                    self.site = None;
                }
                continue;
            }
            if rel == Path::new("content/site.yaml") || name.ends_with(".md") {
                match read_text(&self.root, rel) {
                    Ok(s) if rel == Path::new("content/site.yaml") => self.site = Some(s),
                    Ok(s) => {
                        let at = self.markdown.partition_point(|m| m.path < *rel);
                        self.markdown.insert(at, s);
                    }
                    Err(d) => {
                        if rel == Path::new("content/site.yaml") {
                            self.site = None;
                        }
                        let at = self.unreadable.partition_point(|(p, _)| p < rel);
                        self.unreadable.insert(at, (rel.clone(), d));
                    }
                }
            } else {
                let at = self.assets.partition_point(|a| a < rel);
                self.assets.insert(at, rel.clone());
            }
        }
        true
    }
}
