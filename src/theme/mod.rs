//! Finds and reads a theme: its Tera templates, static files (CSS, JS) and per-language UI
//! strings. Also reads a site's single-template overrides from `<root>/templates/`.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use walkdir::WalkDir;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, suggest};
use crate::load::is_ignored_name;
use crate::t;

mod assets;
mod compile;

pub use compile::{Renderer, tera_diagnostic};

include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));

/// One file of a theme.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// Path inside the theme (`templates/case.html`, `static/style.css`, `i18n/en.yaml`).
    pub rel: String,
    /// Path shown in diagnostics (relative to the site root, or `<built-in>/…`).
    pub display: PathBuf,
    /// Contents.
    pub bytes: Arc<[u8]>,
}

/// A theme ready to use.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Theme name from site.yaml.
    pub name: String,
    /// All its files, site overrides applied.
    pub files: Vec<ThemeFile>,
}

impl Theme {
    /// Files under `dir/` (`templates`, `static`, `i18n`), with the prefix removed.
    pub fn under<'a>(
        &'a self,
        dir: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a ThemeFile)> + 'a {
        self.files.iter().filter_map(move |f| {
            f.rel
                .strip_prefix(dir)
                .and_then(|r| r.strip_prefix('/'))
                .map(|r| (r, f))
        })
    }
}

fn read_dir_files(dir: &Path, root: &Path) -> io::Result<Vec<ThemeFile>> {
    let mut out = Vec::new();
    for entry in WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()))
    {
        let entry = entry.map_err(io::Error::other)?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(entry.path())?;
        let display = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        out.push(ThemeFile {
            rel,
            display,
            bytes: bytes.into(),
        });
    }
    Ok(out)
}

/// Loads the theme site.yaml names for the site at `root`: `<root>/themes/<name>/` if it
/// exists, else the built-in default theme. Templates in `<root>/templates/` replace the
/// theme's of the same name. A theme that does not exist is a diagnostic at site.yaml's
/// `theme:` line (and `None`); only a failure to read is an IO error.
pub fn load(root: &Path, config: &Config, diags: &mut Diagnostics) -> io::Result<Option<Theme>> {
    let name = config.theme.as_str();
    let dir = root.join("themes").join(name);
    let mut files = if dir.is_dir() {
        read_dir_files(&dir, root)?
    } else if name == "default" {
        DEFAULT_THEME
            .iter()
            .map(|(rel, bytes)| ThemeFile {
                rel: (*rel).to_owned(),
                display: Path::new("<built-in theme>").join(rel),
                bytes: Arc::from(*bytes),
            })
            .collect()
    } else {
        let mut known: Vec<String> = std::fs::read_dir(root.join("themes"))
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        known.push("default".to_owned());
        known.sort();
        known.dedup();
        diags.push(
            Diagnostic::error(
                config.theme_span.clone(),
                t!("theme-not-found", name = name),
            )
            .label(t!("theme-not-found-label"))
            .hint(t!(
                "theme-not-found-hint",
                suggestion = suggest(name, t!("what-theme"), known.iter().map(String::as_str))
            )),
        );
        return Ok(None);
    };
    let overrides = root.join("templates");
    if overrides.is_dir() {
        for mut f in read_dir_files(&overrides, root)? {
            f.rel = format!("templates/{}", f.rel);
            match files.iter_mut().find(|x| x.rel == f.rel) {
                Some(slot) => *slot = f,
                None => files.push(f),
            }
        }
    }
    Ok(Some(Theme {
        name: name.to_owned(),
        files,
    }))
}
