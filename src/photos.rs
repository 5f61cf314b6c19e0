//! The photo stage: every photo a case names is decoded, turned upright from its EXIF
//! orientation, converted to sRGB, resized to the site's widths (never up) and encoded as WebP
//! and JPEG, with no metadata of the source in any output. Results are cached by the BLAKE3
//! hash of the source bytes and the settings, so a rebuild with unchanged photos decodes none.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{self, Cursor};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Span};
use crate::i18n::Text;
use crate::t;

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

fn cache_dir(cache: &Path, key: &str) -> PathBuf {
    cache.join(&key[..2]).join(key)
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

/// The cache key of a source: its bytes and every setting that changes the output.
fn key_of(bytes: &[u8], s: &PhotoSettings) -> String {
    let mut h = blake3::Hasher::new();
    h.update(bytes);
    h.update(format!("v1|{:?}|{}", s.widths, s.quality).as_bytes());
    h.finalize().to_hex().to_string()
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

/// A cache entry being written for one photo.
struct Entry<'a> {
    cache: &'a Path,
    dir: PathBuf,
    req: &'a Request,
    s: &'a PhotoSettings,
}

impl Entry<'_> {
    /// Encodes every size of `p` from `rgb` into the entry's folder.
    fn write(&self, rgb: &image::RgbImage, p: Processed) -> Result<Processed, Diagnostic> {
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

/// A photo's decoder, opened from its header: format checked, truncation and decompression
/// bombs refused before any pixel is decoded.
struct Opened<'a> {
    decoder: Box<dyn ImageDecoder + 'a>,
    orientation: Option<image::metadata::Orientation>,
    icc: Option<Vec<u8>>,
    size: (u32, u32),
}

fn open<'a>(bytes: &'a [u8], req: &Request, s: &PhotoSettings) -> Result<Opened<'a>, Diagnostic> {
    let name = req.file.display().to_string();
    let unsupported = || {
        photo_error(
            req,
            t!("photos-unsupported", name = &name),
            t!("photos-unsupported-hint"),
        )
    };
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| unsupported())?;
    let format = reader.format();
    if !matches!(
        format,
        Some(image::ImageFormat::Jpeg | image::ImageFormat::Png | image::ImageFormat::WebP)
    ) {
        return Err(unsupported());
    }
    // A JPEG cut short (an interrupted copy) lacks its end marker; the decoder would fill the
    // missing part with grey rather than fail.
    if format == Some(image::ImageFormat::Jpeg) {
        let end = bytes
            .iter()
            .rposition(|&b| b != 0 && b != b' ' && b != b'\n' && b != b'\r')
            .unwrap_or(0);
        if end < 1 || bytes[end - 1..=end] != [0xFF, 0xD9] {
            return Err(photo_error(
                req,
                t!("photos-truncated", name = &name),
                t!("photos-truncated-hint"),
            ));
        }
    }
    let mut decoder = reader.into_decoder().map_err(|e| {
        photo_error(
            req,
            t!("photos-unreadable", name = &name, detail = e.to_string()),
            t!("photos-unreadable-hint"),
        )
    })?;
    // The JPEG decoder reports its orientation only once its EXIF block has been read.
    let _ = decoder.exif_metadata();
    let orientation = decoder.orientation().ok();
    let icc = decoder.icc_profile().ok().flatten();
    let (w, h) = decoder.dimensions();
    let pixels = u64::from(w) * u64::from(h);
    if pixels > s.max_pixels {
        return Err(photo_error(
            req,
            t!(
                "photos-too-large",
                name = &name,
                width = w.to_string(),
                height = h.to_string(),
                megapixels = (pixels / 1_000_000).to_string(),
                allowed = (s.max_pixels / 1_000_000).to_string()
            ),
            t!("photos-too-large-hint"),
        ));
    }
    Ok(Opened {
        decoder: Box::new(decoder),
        orientation,
        icc,
        size: (w, h),
    })
}

/// The size of a photo once turned upright, from its header alone.
fn upright_size(bytes: &[u8], req: &Request, s: &PhotoSettings) -> Result<(u32, u32), Diagnostic> {
    use image::metadata::Orientation as O;
    let o = open(bytes, req, s)?;
    let (w, h) = o.size;
    Ok(match o.orientation {
        Some(O::Rotate90 | O::Rotate270 | O::Rotate90FlipH | O::Rotate270FlipH) => (h, w),
        _ => (w, h),
    })
}

/// Decodes a photo with limits, upright, in sRGB.
fn decode(bytes: &[u8], req: &Request, s: &PhotoSettings) -> Result<DynamicImage, Diagnostic> {
    let name = req.file.display().to_string();
    let Opened {
        mut decoder,
        orientation,
        icc,
        size: (w, h),
    } = open(bytes, req, s)?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(w);
    limits.max_image_height = Some(h);
    limits.max_alloc = Some((u64::from(w) * u64::from(h)).saturating_mul(8).max(1 << 20));
    decoder.set_limits(limits).map_err(|e| {
        photo_error(
            req,
            t!("photos-unreadable", name = &name, detail = e.to_string()),
            t!("photos-limits-hint"),
        )
    })?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| {
        photo_error(
            req,
            t!("photos-damaged", name = &name, detail = e.to_string()),
            t!("photos-damaged-hint"),
        )
    })?;
    if let Some(o) = orientation {
        img.apply_orientation(o);
    }
    if let Some(icc) = icc {
        img = to_srgb(img, &icc);
    }
    Ok(img)
}

/// Converts pixels described by an embedded ICC profile to sRGB, so colours stay right once the
/// profile (metadata) is dropped. Sources that are sRGB already, or whose profile cannot be
/// read, are left as they are.
fn to_srgb(img: DynamicImage, icc: &[u8]) -> DynamicImage {
    use moxcms::{ColorProfile, Layout, TransformOptions};
    let Ok(src) = ColorProfile::new_from_slice(icc) else {
        return img;
    };
    let dst = ColorProfile::new_srgb();
    let rgb = img.to_rgb8();
    let Ok(t) =
        src.create_transform_8bit(Layout::Rgb, &dst, Layout::Rgb, TransformOptions::default())
    else {
        return DynamicImage::ImageRgb8(rgb);
    };
    let mut out = vec![0u8; rgb.len()];
    if t.transform(rgb.as_raw(), &mut out).is_err() {
        return DynamicImage::ImageRgb8(rgb);
    }
    image::RgbImage::from_raw(rgb.width(), rgb.height(), out)
        .map_or(DynamicImage::ImageRgb8(rgb), DynamicImage::ImageRgb8)
}

fn resize(src: &image::RgbImage, width: u32, height: u32) -> Result<Vec<u8>, String> {
    use fast_image_resize::images::{Image, ImageRef};
    use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
    if (width, height) == (src.width(), src.height()) {
        return Ok(src.as_raw().clone());
    }
    let from = ImageRef::new(src.width(), src.height(), src.as_raw(), PixelType::U8x3)
        .map_err(|e| e.to_string())?;
    let mut to = Image::new(width, height, PixelType::U8x3);
    Resizer::new()
        .resize(
            &from,
            &mut to,
            &ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3)),
        )
        .map_err(|e| e.to_string())?;
    Ok(to.into_vec())
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

/// Whether a cached file is there and has data (an emptied file is not a cache hit).
fn nonempty(p: &Path) -> bool {
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.len() > 0)
}

/// Path, size and modification time of a source: when all three are unchanged, so is the file.
/// The settings are part of it, as they are of the cache key.
fn file_stamp(root: &Path, file: &Path, s: &PhotoSettings) -> Option<String> {
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
fn cached_entry(cache: &Path, key: &str, file: &Path) -> Option<Processed> {
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
