//! Writes a built site to its output folder all at once or not at all: the new site is written
//! beside the old one, then swapped in, so a failed build leaves the previous output as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// What an output file holds.
#[derive(Debug, Clone)]
pub enum OutData {
    /// Bytes made by the build.
    Bytes(Vec<u8>),
    /// A source file copied unchanged (path relative to the site root).
    Copy(PathBuf),
}

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct OutFile {
    /// Path relative to the output folder, with `/` separators.
    pub path: String,
    /// Contents.
    pub data: OutData,
}

fn sibling(out: &Path, tag: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.{tag}-{}", std::process::id()))
}

/// Writes `files` as the complete content of `out`, replacing what was there only once every
/// file is written. `root` is where [`OutData::Copy`] paths are relative to.
pub fn write_site(files: &[OutFile], root: &Path, out: &Path) -> io::Result<()> {
    if let Some(parent) = out.parent()
        && !parent.as_os_str().is_empty()
    {
        fs::create_dir_all(parent)?;
    }
    let staging = sibling(out, "new");
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    let result = write_all(files, root, &staging).and_then(|()| swap(&staging, out));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

fn write_all(files: &[OutFile], root: &Path, staging: &Path) -> io::Result<()> {
    fs::create_dir_all(staging)?;
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(|p| staging.join(p)))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        fs::create_dir_all(d)?;
    }
    files.par_iter().try_for_each(|f| {
        if f.path.split('/').any(|s| s == ".." || s.is_empty()) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write outside the output folder: {}", f.path),
            ));
        }
        let dest = staging.join(&f.path);
        match &f.data {
            OutData::Bytes(b) => fs::write(&dest, b),
            OutData::Copy(src) => fs::copy(root.join(src), &dest).map(|_| ()),
        }
        .map_err(|e| io::Error::new(e.kind(), format!("cannot write {}: {e}", dest.display())))
    })
}

/// Puts `staging` in place of `out`. The old folder is moved aside first and deleted last, and
/// put back if the second rename fails.
fn swap(staging: &Path, out: &Path) -> io::Result<()> {
    if !out.exists() {
        return fs::rename(staging, out);
    }
    let old = sibling(out, "old");
    if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    fs::rename(out, &old)?;
    if let Err(e) = fs::rename(staging, out) {
        let _ = fs::rename(&old, out);
        return Err(e);
    }
    // The new site is in place; failing to delete the old copy loses nothing.
    let _ = fs::remove_dir_all(&old);
    Ok(())
}
