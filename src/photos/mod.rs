//! The photo stage: every photo a case names is decoded, turned upright from its EXIF
//! orientation, converted to sRGB, resized to the site's widths (never up) and encoded as WebP
//! and JPEG, with no metadata of the source in any output. Results are cached by the BLAKE3
//! hash of the source bytes and the settings, so a rebuild with unchanged photos decodes none.

mod cache;
mod decode;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Span};
use crate::i18n::Text;
use crate::t;

use cache::{Entry, cache_dir, cached_entry, file_stamp, key_of};
pub use cache::{cached_file, prune};
use decode::{decode, resize, upright_size};

pub use crate::config::PhotoSettings;

/// One size of a processed photo.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Size {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// A processed photo: its sizes, each as WebP and JPEG under `photos/` in the output.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Processed {
    /// Cache key: BLAKE3 of the source bytes and the settings.
    pub key: String,
    /// Base name for output files (the source's file stem, made URL-safe).
    pub stem: String,
    /// Sizes, ascending.
    pub sizes: Vec<Size>,
}

impl Processed {
    /// Output path of one size in one format (`webp` or `jpg`).
    pub fn output(&self, width: u32, ext: &str) -> String {
        crate::urls::photo(&self.stem, &self.key, width, ext)
    }

    /// The largest size.
    pub fn largest(&self) -> &Size {
        // `sizes` is never empty: processing fails rather than produce no size.
        &self.sizes[self.sizes.len() - 1]
    }
}

/// A photo to process, with where it was named (for diagnostics).
#[derive(Debug, Clone)]
pub struct Request {
    /// Source file relative to the site root.
    pub file: PathBuf,
    /// Where a case file names it.
    pub span: Span,
}

/// How much of the work the stage does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Decode, resize and encode every photo not in the cache (`build`).
    Full,
    /// Decode photos not in the cache to find damaged ones, write nothing (`check`).
    Check,
    /// Read only headers to know the sizes; encode later, when a photo is asked for (`serve`).
    Plan,
}

/// What the stage did, for the closing line.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    /// Photos decoded and encoded in this run.
    pub processed: usize,
    /// Photos taken from the cache.
    pub cached: usize,
}

fn url_stem(file: &Path) -> String {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let s: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-').to_owned();
    if s.is_empty() { "photo".into() } else { s }
}

/// The output of the photo stage: each photo the library shows, processed, by source file.
pub type Photos = HashMap<PathBuf, Processed>;

/// Processes every requested photo (each distinct file once, in parallel), using and filling
/// the cache in `cache`. Returns the processed photos by source file; problems become
/// diagnostics at the place the photo is named. `progress` is told each finished photo.
pub fn process_all(
    root: &Path,
    cache: &Path,
    requests: &[Request],
    settings: &PhotoSettings,
    mode: Mode,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Photos, Vec<Diagnostic>, Counts) {
    let mut first: BTreeMap<&Path, &Request> = BTreeMap::new();
    for r in requests {
        first.entry(r.file.as_path()).or_insert(r);
    }
    let total = first.len();
    // Which cache entry each unchanged source file had last time (by path, size and
    // modification time), so a rebuild need not even read and hash the photos.
    let index_path = cache.join("index.json");
    let index: HashMap<String, String> = std::fs::read(&index_path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let done = AtomicUsize::new(0);
    let cached = AtomicUsize::new(0);
    let results: Vec<(PathBuf, Result<Processed, Diagnostic>)> = first
        .into_par_iter()
        .map(|(file, req)| {
            let stamp = file_stamp(root, file, settings);
            let known = stamp
                .as_ref()
                .and_then(|st| index.get(st))
                .and_then(|key| cached_entry(cache, key, file));
            let r = match known {
                Some(p) => {
                    cached.fetch_add(1, Ordering::Relaxed);
                    Ok(p)
                }
                None => process_one(root, cache, req, settings, mode, &cached),
            };
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            (file.to_path_buf(), r)
        })
        .collect();
    let mut out = HashMap::new();
    let mut diags = Vec::new();
    for (file, r) in results {
        match r {
            Ok(p) => {
                out.insert(file, p);
            }
            Err(d) => diags.push(d),
        }
    }
    if mode == Mode::Full {
        let fresh: HashMap<String, String> = out
            .iter()
            .filter_map(|(f, p)| Some((file_stamp(root, f, settings)?, p.key.clone())))
            .collect();
        if fresh != index
            && let Ok(json) = serde_json::to_vec(&fresh)
        {
            let tmp = cache.join(format!("index.json.tmp-{}", std::process::id()));
            if std::fs::write(&tmp, json).is_ok() {
                let _ = std::fs::rename(&tmp, &index_path);
            }
        }
    }
    let cached = cached.load(Ordering::Relaxed);
    let counts = Counts {
        processed: out.len().saturating_sub(cached),
        cached,
    };
    (out, diags, counts)
}

#[track_caller]
fn photo_error(req: &Request, message: Text, hint: Text) -> Diagnostic {
    Diagnostic::error(req.span.clone(), message)
        .label(t!("photos-this-photo-label"))
        .hint(hint)
}

/// Processes one photo fully (through the cache): what the preview does when a page asks for a
/// photo it has not encoded yet.
pub fn process(
    root: &Path,
    cache: &Path,
    req: &Request,
    s: &PhotoSettings,
) -> Result<Processed, Diagnostic> {
    process_one(root, cache, req, s, Mode::Full, &AtomicUsize::new(0))
}

fn process_one(
    root: &Path,
    cache: &Path,
    req: &Request,
    s: &PhotoSettings,
    mode: Mode,
    cached: &AtomicUsize,
) -> Result<Processed, Diagnostic> {
    let bytes = read_source(root, req)?;
    let key = key_of(&bytes, s);
    if let Some(p) = cached_entry(cache, &key, &req.file) {
        cached.fetch_add(1, Ordering::Relaxed);
        return Ok(p);
    }
    let dir = cache_dir(cache, &key);
    let (img, (w, h)) = if mode == Mode::Plan {
        (None, upright_size(&bytes, req, s)?)
    } else {
        let img = decode(&bytes, req, s)?;
        let size = (img.width(), img.height());
        (Some(img), size)
    };
    let sizes: Vec<Size> = widths(s, w)
        .into_iter()
        .map(|width| Size {
            width,
            height: ((u64::from(h) * u64::from(width) + u64::from(w) / 2) / u64::from(w)).max(1)
                as u32,
        })
        .collect();
    let p = Processed {
        key,
        stem: url_stem(&req.file),
        sizes,
    };
    match img.filter(|_| mode == Mode::Full) {
        Some(img) => Entry { cache, dir, req, s }.write(&img.to_rgb8(), p),
        None => Ok(p),
    }
}

/// The photo's bytes, which must not be empty.
fn read_source(root: &Path, req: &Request) -> Result<Vec<u8>, Diagnostic> {
    let name = req.file.display().to_string();
    let bytes = std::fs::read(root.join(&req.file)).map_err(|e| {
        photo_error(
            req,
            t!("photos-cannot-read", name = &name, detail = e.to_string()),
            t!("photos-cannot-read-hint"),
        )
    })?;
    if bytes.is_empty() {
        return Err(photo_error(
            req,
            t!("photos-empty", name = &name),
            t!("photos-empty-hint"),
        ));
    }
    Ok(bytes)
}

/// The widths to make of a photo `w` pixels wide: the configured ones below it, and its own
/// width when a configured one is as wide or wider. Never upscales.
fn widths(s: &PhotoSettings, w: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = s.widths.iter().copied().filter(|&x| x < w).collect();
    if s.widths.iter().any(|&x| x >= w) || widths.is_empty() {
        widths.push(w);
    }
    widths
}

/// Whether a file is a photo by its extension (published only as processed copies).
pub fn is_photo(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(
        ext.as_str(),
        "jpg" | "jpeg" | "png" | "webp" | "gif" | "heic" | "heif" | "tif" | "tiff" | "bmp" | "avif"
    )
}
