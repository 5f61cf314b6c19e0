//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (holds the demo library).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture site under tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// Runs the casebook binary.
pub fn casebook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run casebook: {e}"))
}

/// Every file under `dir`, as paths relative to it with `/` separators, sorted.
pub fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap_or(e.path())
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    v.sort();
    v
}

/// Reads a text file or fails the test with its path.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A page in one canonical spelling (minify-html's), so a test can look for an attribute
/// without caring how a template quoted it.
pub fn canonical(html: &str) -> String {
    let out = minify_html::minify(html.as_bytes(), &casebook::minify::html_cfg());
    String::from_utf8_lossy(&out).into_owned()
}

/// Copies the site at `from` to `to`, leaving out its photo cache.
pub fn copy_dir(from: &Path, to: &Path) {
    for f in files(from)
        .into_iter()
        .filter(|f| !f.starts_with(".casebook-cache"))
    {
        let dest = to.join(&f);
        std::fs::create_dir_all(dest.parent().unwrap_or(to)).unwrap_or_else(|e| panic!("{e}"));
        std::fs::copy(from.join(&f), dest).unwrap_or_else(|e| panic!("{e}"));
    }
}
