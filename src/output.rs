//! Where rendered files go. For `build`, a staging folder beside the output that is swapped in
//! only when every page rendered, so a failed build leaves the previous output as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// Where rendered files go: a staging folder for `build`, memory for tests and preview, or
/// nowhere for `check`. Called from many threads at once.
pub trait Sink: Sync {
    /// Takes one finished file.
    fn put(&self, file: OutFile) -> io::Result<()>;
}

/// Keeps every file in memory.
#[derive(Debug, Default)]
pub struct Memory(Mutex<Vec<OutFile>>);

impl Memory {
    /// The files received, sorted by path.
    pub fn into_files(self) -> Vec<OutFile> {
        let mut v = self.0.into_inner().unwrap_or_default();
        v.sort_by(|a, b| a.path.cmp(&b.path));
        v
    }
}

impl Sink for Memory {
    fn put(&self, file: OutFile) -> io::Result<()> {
        self.0
            .lock()
            .map_err(|_| io::Error::other("a render thread panicked"))?
            .push(file);
        Ok(())
    }
}

/// Counts files and bytes and keeps nothing (for `check`).
#[derive(Debug, Default)]
pub struct Discard {
    /// Files received.
    pub files: AtomicUsize,
    /// Bytes received (copied files not counted).
    pub bytes: AtomicUsize,
}

impl Sink for Discard {
    fn put(&self, file: OutFile) -> io::Result<()> {
        self.files.fetch_add(1, Ordering::Relaxed);
        if let OutData::Bytes(b) = &file.data {
            self.bytes.fetch_add(b.len(), Ordering::Relaxed);
        }
        Ok(())
    }
}

/// A new site being written beside the output folder; [`Staging::commit`] swaps it in,
/// dropping it without committing removes it and leaves the output as it was.
#[derive(Debug)]
pub struct Staging {
    root: PathBuf,
    dir: PathBuf,
    out: PathBuf,
    committed: bool,
    /// Files written.
    pub files: AtomicUsize,
    /// Bytes written (copied files not counted).
    pub bytes: AtomicUsize,
}

impl Staging {
    /// Creates an empty staging folder beside `out`; `root` is where [`OutData::Copy`] paths
    /// are relative to.
    pub fn create(root: &Path, out: &Path) -> io::Result<Staging> {
        if let Some(parent) = out.parent()
            && !parent.as_os_str().is_empty()
        {
            fs::create_dir_all(parent)?;
        }
        let dir = sibling(out, "new");
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir_all(&dir)?;
        Ok(Staging {
            root: root.to_path_buf(),
            dir,
            out: out.to_path_buf(),
            committed: false,
            files: AtomicUsize::new(0),
            bytes: AtomicUsize::new(0),
        })
    }

    /// Puts the staged site in place of the output folder.
    pub fn commit(mut self) -> io::Result<()> {
        swap(&self.dir, &self.out)?;
        self.committed = true;
        Ok(())
    }
}

impl Sink for Staging {
    fn put(&self, f: OutFile) -> io::Result<()> {
        if f.path.split('/').any(|s| s == ".." || s.is_empty()) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write outside the output folder: {}", f.path),
            ));
        }
        let dest = self.dir.join(&f.path);
        let write = |dest: &Path| match &f.data {
            OutData::Bytes(b) => fs::write(dest, b),
            // A hard link costs no copying (the photo cache holds hundreds of megabytes); a
            // copy when the output is on another file system.
            OutData::Copy(src) => {
                let from = self.root.join(src);
                // Never copy onto a path that exists: it may be a link to the source itself,
                // and copying would empty both.
                if dest.exists() {
                    return Err(io::Error::new(
                        io::ErrorKind::AlreadyExists,
                        format!("{} is written twice", f.path),
                    ));
                }
                fs::hard_link(&from, dest).or_else(|_| fs::copy(&from, dest).map(|_| ()))
            }
        };
        // Folders are created on demand: trying the write first saves a system call for
        // every file whose folder already exists.
        let result = match write(&dest) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if let Some(parent) = dest.parent() {
                    fs::create_dir_all(parent)?;
                }
                write(&dest)
            }
            other => other,
        };
        result.map_err(|e| {
            io::Error::new(e.kind(), format!("cannot write {}: {e}", dest.display()))
        })?;
        self.files.fetch_add(1, Ordering::Relaxed);
        if let OutData::Bytes(b) = &f.data {
            self.bytes.fetch_add(b.len(), Ordering::Relaxed);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

fn sibling(out: &Path, tag: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.{tag}-{}", std::process::id()))
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
    // The new site is in place; failing to delete the old copy loses nothing. Its top-level
    // entries are removed in parallel: unlinking thousands of files is most of a rebuild's
    // system time.
    if let Ok(entries) = fs::read_dir(&old) {
        let paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.par_iter().for_each(|p| {
            let _ = if p.is_dir() {
                fs::remove_dir_all(p)
            } else {
                fs::remove_file(p)
            };
        });
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}
