//! Where rendered files go. For `build`, a staging folder beside the output that is swapped in
//! only when every page rendered, so a failed build leaves the previous output as it was.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

/// Refuses an output folder whose replacement would lose an editor's files: an existing file,
/// the site folder or one that holds it, a folder inside `content/` or `themes/`, or a folder
/// of other files (a build replaces its output whole, and the next build deletes what it
/// replaced).
pub fn check_target(root: &Path, out: &Path) -> io::Result<()> {
    let absolute = |p: &Path| {
        fs::canonicalize(p)
            .or_else(|_| {
                // Not there yet: its folder, made absolute, with its name.
                let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
                let dir = fs::canonicalize(parent.unwrap_or(Path::new(".")))?;
                Ok::<_, io::Error>(p.file_name().map_or(dir.clone(), |n| dir.join(n)))
            })
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let (root_at, out_at) = (absolute(root), absolute(out));
    let shown = out.display().to_string();
    let refuse = |text| Err(crate::i18n::io_error(io::ErrorKind::InvalidInput, text));
    if out.exists() && !out.is_dir() {
        return refuse(crate::t!("cli-out-is-file", out = shown));
    }
    if root_at.starts_with(&out_at) {
        return refuse(crate::t!("cli-out-holds-site", out = shown));
    }
    if ["content", "themes"]
        .iter()
        .any(|d| out_at.starts_with(root_at.join(d)))
    {
        return refuse(crate::t!("cli-out-in-sources", out = shown));
    }
    // Every site casebook builds has a home page; an empty folder (or one holding only what
    // systems and version control leave, such as `.gitkeep`) has nothing to lose.
    let foreign = fs::read_dir(out).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| !crate::load::is_ignored_name(&e.file_name().to_string_lossy()))
    }) && !out.join("index.html").is_file();
    if foreign {
        return refuse(crate::t!("cli-out-not-a-site", out = shown));
    }
    Ok(())
}

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

    /// Takes one file made piece by piece (a whole-library file such as the open data). A
    /// sink that writes to disk writes each piece as it comes, so the file is never whole in
    /// memory; by default the pieces are joined and [`Sink::put`].
    fn put_pieces(
        &self,
        path: String,
        pieces: &mut dyn Iterator<Item = Vec<u8>>,
    ) -> io::Result<()> {
        let mut bytes = Vec::new();
        for piece in pieces {
            bytes.extend_from_slice(&piece);
        }
        self.put(OutFile {
            path,
            data: OutData::Bytes(bytes),
        })
    }
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
            .map_err(|_| {
                crate::i18n::io_error(io::ErrorKind::Other, crate::t!("output-thread-panicked"))
            })?
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

    fn put_pieces(&self, _: String, pieces: &mut dyn Iterator<Item = Vec<u8>>) -> io::Result<()> {
        self.files.fetch_add(1, Ordering::Relaxed);
        let bytes: usize = pieces.map(|p| p.len()).sum();
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
        Ok(())
    }
}

/// A new site being written beside the output folder; [`Staging::commit`] swaps it in.
///
/// The site the swap replaces is not deleted but kept beside the output
/// (`.<name>.prev`), and the next build writes into it: a file whose bytes are unchanged is
/// left as it is, a changed one is rewritten in place, and what the new site lacks is removed
/// at the end. Rebuilding a site of thousands of pages then creates and deletes almost no
/// files, which is most of what a rebuild cost (on ext4 without a journal, creating files
/// right after deleting as many is slower still). The price is a second copy of the site on
/// disk. Dropped without committing, the folder is kept for the next build in the same way;
/// the output is left as it was either way.
#[derive(Debug)]
pub struct Staging {
    root: PathBuf,
    dir: PathBuf,
    out: PathBuf,
    /// Whether `dir` holds an earlier site, so files may already be in place.
    recycled: bool,
    /// Paths written, when `dir` was recycled (to remove what is not among them).
    written: Mutex<Vec<String>>,
    committed: bool,
    /// Files written.
    pub files: AtomicUsize,
    /// Bytes written (copied files not counted).
    pub bytes: AtomicUsize,
}

impl Staging {
    /// Creates the staging folder beside `out`, from the site kept by the last build if there
    /// is one; `root` is where [`OutData::Copy`] paths are relative to.
    pub fn create(root: &Path, out: &Path) -> io::Result<Staging> {
        if let Some(parent) = out.parent()
            && !parent.as_os_str().is_empty()
        {
            fs::create_dir_all(parent).map_err(|e| {
                // A file where a folder of the path should be: `create_dir_all` says only
                // that it exists.
                let e = if parent.is_file() {
                    io::ErrorKind::NotADirectory.into()
                } else {
                    e
                };
                crate::i18n::io_error_at(parent, &e)
            })?;
        }
        let dir = sibling(out, &format!("new-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(|e| crate::i18n::io_error_at(out, &e))?;
        }
        // Renaming claims the kept site: of two builds started at once, one gets it.
        let recycled = fs::rename(sibling(out, "prev"), &dir).is_ok();
        if !recycled {
            // Said of the folder the editor named: the staging folder beside it is ours.
            fs::create_dir_all(&dir).map_err(|e| crate::i18n::io_error_at(out, &e))?;
        }
        Ok(Staging {
            root: root.to_path_buf(),
            dir,
            out: out.to_path_buf(),
            recycled,
            written: Mutex::new(Vec::new()),
            committed: false,
            files: AtomicUsize::new(0),
            bytes: AtomicUsize::new(0),
        })
    }

    /// Removes what the new site does not have, then puts it in place of the output folder.
    pub fn commit(mut self) -> io::Result<()> {
        if self.recycled {
            let written = std::mem::take(&mut *self.written.lock().map_err(|_| {
                crate::i18n::io_error(io::ErrorKind::Other, crate::t!("output-thread-panicked"))
            })?);
            remove_all_but(&self.dir, &written)
                .map_err(|e| crate::i18n::io_error_at(&self.dir, &e))?;
        }
        swap(&self.dir, &self.out).map_err(|e| crate::i18n::io_error_at(&self.out, &e))?;
        self.committed = true;
        Ok(())
    }

    /// Writes `bytes` at `dest` unless it already holds them.
    fn write_bytes(&self, dest: &Path, bytes: &[u8]) -> io::Result<()> {
        if self.recycled {
            match fs::symlink_metadata(dest) {
                Ok(m)
                    if m.is_file()
                        && m.len() == bytes.len() as u64
                        && links(&m) == 1
                        && fs::read(dest)? == bytes =>
                {
                    return Ok(());
                }
                // A file that is also a photo of the cache (a link) is replaced, never
                // written through; so is a folder where the new site has a file.
                Ok(m) if !m.is_file() || links(&m) > 1 => remove_path(dest, &m)?,
                _ => {}
            }
        }
        fs::write(dest, bytes)
    }

    /// Links (or copies) `from` at `dest` unless that link is already there.
    fn link(&self, from: &Path, dest: &Path) -> io::Result<()> {
        if self.recycled
            && let Ok(m) = fs::symlink_metadata(dest)
        {
            if same_file(&m, from) {
                return Ok(());
            }
            remove_path(dest, &m)?;
        }
        // Never copy onto a path that exists: it may be a link to the source itself, and
        // copying would empty both.
        if fs::symlink_metadata(dest).is_ok() {
            let path = dest.display().to_string();
            return Err(crate::i18n::io_error(
                io::ErrorKind::AlreadyExists,
                crate::t!("output-written-twice", path = path),
            ));
        }
        // A hard link costs no copying (the photo cache holds hundreds of megabytes); a copy
        // when the output is on another file system.
        fs::hard_link(from, dest).or_else(|_| fs::copy(from, dest).map(|_| ()))
    }
}

impl Sink for Staging {
    fn put(&self, f: OutFile) -> io::Result<()> {
        let bytes = match &f.data {
            OutData::Bytes(b) => b.len(),
            OutData::Copy(_) => 0,
        };
        self.put_with(f.path, bytes, |dest| match &f.data {
            OutData::Bytes(b) => self.write_bytes(dest, b),
            OutData::Copy(src) => self.link(&self.root.join(src), dest),
        })
    }

    fn put_pieces(
        &self,
        path: String,
        pieces: &mut dyn Iterator<Item = Vec<u8>>,
    ) -> io::Result<()> {
        let mut written = 0;
        let mut pieces = Some(pieces);
        let result = self.put_with(path, 0, |dest| {
            // A file kept from an earlier site is written anew (never through a link to the
            // photo cache); there are a few of these files, each too large to compare.
            if self.recycled
                && let Ok(m) = fs::symlink_metadata(dest)
            {
                remove_path(dest, &m)?;
            }
            let mut file = fs::File::create(dest)?;
            for piece in pieces.take().into_iter().flatten() {
                written += piece.len();
                io::Write::write_all(&mut file, &piece)?;
            }
            Ok(())
        });
        self.bytes.fetch_add(written, Ordering::Relaxed);
        result
    }
}

impl Staging {
    /// Writes the file at `path` with `write`, making its folders when they are missing, and
    /// counts it (`bytes` of it).
    fn put_with(
        &self,
        path: String,
        bytes: usize,
        mut write: impl FnMut(&Path) -> io::Result<()>,
    ) -> io::Result<()> {
        if path.split('/').any(|s| s == ".." || s.is_empty()) {
            return Err(crate::i18n::io_error(
                io::ErrorKind::InvalidInput,
                crate::t!("output-outside", path = path.as_str()),
            ));
        }
        let dest = self.dir.join(&path);
        // Folders are created on demand: trying the write first saves a system call for
        // every file whose folder already exists.
        let result = match write(&dest) {
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                make_parents(&self.dir, &dest)?;
                write(&dest)
            }
            other => other,
        };
        result.map_err(|e| crate::i18n::io_error_at(&dest, &e))?;
        if self.recycled
            && let Ok(mut w) = self.written.lock()
        {
            w.push(path);
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // Kept for the next build to write into, like a replaced site, unless there is
            // nothing in it.
            let prev = sibling(&self.out, "prev");
            let worth = self.recycled || self.files.load(Ordering::Relaxed) > 0;
            if !worth || prev.exists() || fs::rename(&self.dir, &prev).is_err() {
                let _ = fs::remove_dir_all(&self.dir);
            }
        }
    }
}

/// How many names the file has (a photo of the cache linked into the site has two or more).
fn links(m: &fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        std::os::unix::fs::MetadataExt::nlink(m)
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        1
    }
}

/// Whether `m` describes the file at `path` itself (a hard link made by an earlier build).
fn same_file(m: &fs::Metadata, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path).is_ok_and(|p| p.dev() == m.dev() && p.ino() == m.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = (m, path);
        false
    }
}

fn remove_path(path: &Path, m: &fs::Metadata) -> io::Result<()> {
    if m.is_dir() {
        fs::remove_dir_all(path)
    } else {
        fs::remove_file(path)
    }
}

/// Creates the folders above `dest` (inside `dir`), removing files of an earlier site that
/// stand where a folder must be.
fn make_parents(dir: &Path, dest: &Path) -> io::Result<()> {
    let Some(parent) = dest.parent() else {
        return Ok(());
    };
    if let Ok(rel) = parent.strip_prefix(dir) {
        let mut at = dir.to_path_buf();
        for part in rel.components() {
            at.push(part);
            match fs::symlink_metadata(&at) {
                Ok(m) if !m.is_dir() => fs::remove_file(&at)?,
                _ => {}
            }
        }
    }
    fs::create_dir_all(parent)
}

/// Removes every file and folder under `dir` that is not one of `keep` (paths relative to
/// `dir`, `/`-separated) or a folder holding one.
fn remove_all_but(dir: &Path, keep: &[String]) -> io::Result<()> {
    let files: HashSet<&str> = keep.iter().map(String::as_str).collect();
    let folders: HashSet<&str> = keep
        .iter()
        .flat_map(|p| p.match_indices('/').map(move |(i, _)| &p[..i]))
        .collect();
    prune(dir, "", &files, &folders)
}

/// [`remove_all_but`] for the folder `at` (`rel` inside the site): its folders are visited in
/// parallel, a site being mostly thousands of one-page folders.
fn prune(at: &Path, rel: &str, files: &HashSet<&str>, folders: &HashSet<&str>) -> io::Result<()> {
    let entries: Vec<fs::DirEntry> = fs::read_dir(at)?.collect::<Result<_, _>>()?;
    entries.par_iter().try_for_each(|e| {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let path = if rel.is_empty() {
            name.into_owned()
        } else {
            format!("{rel}/{name}")
        };
        let is_dir = e.file_type()?.is_dir();
        if is_dir && folders.contains(path.as_str()) {
            prune(&e.path(), &path, files, folders)
        } else if is_dir {
            fs::remove_dir_all(e.path())
        } else if !files.contains(path.as_str()) {
            fs::remove_file(e.path())
        } else {
            Ok(())
        }
    })
}

fn sibling(out: &Path, tag: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.{tag}"))
}

/// Puts `staging` in place of `out`; the replaced site is kept as `.<name>.prev` for the next
/// build, and put back if the second rename fails.
fn swap(staging: &Path, out: &Path) -> io::Result<()> {
    if !out.exists() {
        return fs::rename(staging, out);
    }
    let prev = sibling(out, "prev");
    if prev.exists() {
        // Another build kept a site meanwhile; one is enough.
        fs::remove_dir_all(&prev)?;
    }
    fs::rename(out, &prev)?;
    if let Err(e) = fs::rename(staging, out) {
        let _ = fs::rename(&prev, out);
        return Err(e);
    }
    Ok(())
}
