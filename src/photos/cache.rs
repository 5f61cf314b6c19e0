//! The photo cache: entries keyed by the BLAKE3 hash of a photo's bytes and the settings,
//! written whole beside and renamed into place, looked up, and pruned of what no build uses.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;

pub(super) fn cache_dir(cache: &Path, key: &str) -> PathBuf {
    cache.join(&key[..2]).join(key)
}

/// The cache key of a source: its bytes and every setting that changes the output.
pub(super) fn key_of(bytes: &[u8], s: &PhotoSettings) -> String {
    let mut h = blake3::Hasher::new();
    h.update(bytes);
    h.update(format!("v1|{:?}|{}", s.widths, s.quality).as_bytes());
    h.finalize().to_hex().to_string()
}

/// A cache entry being written for one photo.
pub(super) struct Entry<'a> {
    /// The cache folder.
    pub(super) cache: &'a Path,
    /// The entry's folder in it.
    pub(super) dir: PathBuf,
    /// The photo, as a case names it.
    pub(super) req: &'a Request,
    /// The site's photo settings.
    pub(super) s: &'a PhotoSettings,
}

impl Entry<'_> {
    /// Encodes every size of `p` from `rgb` into the entry's folder.
    pub(super) fn write(
        &self,
        rgb: &image::RgbImage,
        p: Processed,
    ) -> Result<Processed, Diagnostic> {
        // Unique per process and per call: two builds, or two files with the same bytes in
        // one build, may encode the same entry at once.
        static SEQ: AtomicUsize = AtomicUsize::new(0);
        let tmp = self.dir.with_extension(format!(
            "tmp-{}-{}",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&tmp).map_err(|e| self.io_error(e))?;
        for z in &p.sizes {
            self.encode(rgb, z, &tmp)?;
        }
        let meta = serde_json::to_vec(&p).unwrap_or_default();
        std::fs::write(tmp.join("meta.json"), meta).map_err(|e| self.io_error(e))?;
        self.commit(&tmp)?;
        Ok(p)
    }

    /// One size as WebP and JPEG.
    fn encode(&self, rgb: &image::RgbImage, z: &Size, tmp: &Path) -> Result<(), Diagnostic> {
        let (req, name) = (self.req, self.req.file.display().to_string());
        let Size { width, height } = *z;
        let pixels = resize(rgb, width, height).map_err(|e| {
            photo_error(
                req,
                t!("photos-cannot-resize", name = &name, detail = e),
                t!("photos-save-again-hint"),
            )
        })?;
        let quality = self.s.quality;
        let webp = webp::Encoder::from_rgb(&pixels, width, height).encode(f32::from(quality));
        std::fs::write(tmp.join(format!("{width}.webp")), &*webp).map_err(|e| self.io_error(e))?;
        let mut jpg = Vec::new();
        jpeg_encoder::Encoder::new(&mut jpg, quality)
            .encode(
                &pixels,
                width as u16,
                height as u16,
                jpeg_encoder::ColorType::Rgb,
            )
            .map_err(|e| {
                photo_error(
                    req,
                    t!("photos-cannot-encode", name = &name, detail = e.to_string()),
                    t!("photos-save-again-hint"),
                )
            })?;
        std::fs::write(tmp.join(format!("{width}.jpg")), &jpg).map_err(|e| self.io_error(e))
    }

    /// Renames the finished folder into place. Written beside, then renamed: another build
    /// reading the cache never sees half an entry. If another build finished the same entry
    /// first, its copy is kept (it is identical) and never removed under its feet.
    fn commit(&self, tmp: &Path) -> Result<(), Diagnostic> {
        let dir = &self.dir;
        if let Some(parent) = dir.parent() {
            std::fs::create_dir_all(parent).map_err(|e| self.io_error(e))?;
        }
        if std::fs::rename(tmp, dir).is_ok() {
            return Ok(());
        }
        let _ = std::fs::remove_dir_all(tmp);
        if dir.join("meta.json").is_file() {
            return Ok(());
        }
        // A broken entry (an interrupted build): replace it.
        let _ = std::fs::remove_dir_all(dir);
        Err(photo_error(
            self.req,
            t!(
                "photos-cache-damaged",
                name = self.req.file.display().to_string()
            ),
            t!("photos-cache-damaged-hint"),
        ))
    }

    /// An error writing the cache.
    fn io_error(&self, e: io::Error) -> Diagnostic {
        photo_error(
            self.req,
            t!(
                "photos-cache-write",
                cache = self.cache.display().to_string(),
                detail = e.to_string()
            ),
            t!("photos-cache-write-hint"),
        )
    }
}

/// Whether a cached file is there and has data (an emptied file is not a cache hit).
pub(super) fn nonempty(p: &Path) -> bool {
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.len() > 0)
}

/// Path, size and modification time of a source: when all three are unchanged, so is the file.
/// The settings are part of it, as they are of the cache key.
pub(super) fn file_stamp(root: &Path, file: &Path, s: &PhotoSettings) -> Option<String> {
    let m = std::fs::metadata(root.join(file)).ok()?;
    let t = m
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(format!(
        "{}|{}|{}|{:?}|{}",
        file.display(),
        m.len(),
        t.as_nanos(),
        s.widths,
        s.quality
    ))
}

/// A complete cache entry, if there is one for `key`.
pub(super) fn cached_entry(cache: &Path, key: &str, file: &Path) -> Option<Processed> {
    if key.len() < 10 {
        return None;
    }
    let dir = cache_dir(cache, key);
    let p: Processed = serde_json::from_slice(&std::fs::read(dir.join("meta.json")).ok()?).ok()?;
    let complete = p.sizes.iter().all(|z| {
        nonempty(&dir.join(format!("{}.webp", z.width)))
            && nonempty(&dir.join(format!("{}.jpg", z.width)))
    });
    complete.then(|| Processed {
        stem: url_stem(file),
        ..p
    })
}

/// Removes cache entries no build uses any more.
pub fn prune(cache: &Path, keep: &HashSet<String>) {
    let Ok(prefixes) = std::fs::read_dir(cache) else {
        return;
    };
    for p in prefixes.flatten() {
        let Ok(entries) = std::fs::read_dir(p.path()) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            // Entries being written by a build running now are not ours to remove.
            if !keep.contains(&name) && !name.contains(".tmp-") {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
}

/// Path of one cached file of a processed photo.
pub fn cached_file(cache: &Path, p: &Processed, width: u32, ext: &str) -> PathBuf {
    cache_dir(cache, &p.key).join(format!("{width}.{ext}"))
}
