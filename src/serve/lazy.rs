//! Photos the preview encodes when a page first asks for them, so it starts before every
//! photo is encoded.

use std::io;
use std::path::PathBuf;

/// Result of one rebuild.
/// A photo output the preview encodes when a page first asks for it, so `serve` starts before
/// every photo is encoded.
#[derive(Debug, Clone)]
pub struct LazyPhoto {
    pub(super) request: crate::photos::Request,
    pub(super) root: PathBuf,
    pub(super) cache: PathBuf,
    pub(super) settings: crate::photos::PhotoSettings,
    pub(super) width: u32,
    pub(super) ext: &'static str,
    /// Where the cache keeps this size once encoded: served from there even when the photo's
    /// file has gone since (the last good page still shows it).
    pub(super) cached: PathBuf,
}

impl LazyPhoto {
    /// Encodes the photo (all its sizes, into the cache) and returns this size's bytes.
    pub(super) fn make(&self, locale: crate::i18n::Locale) -> io::Result<Vec<u8>> {
        if let Ok(bytes) = std::fs::read(&self.cached)
            && !bytes.is_empty()
        {
            return Ok(bytes);
        }
        let p = crate::photos::process(&self.root, &self.cache, &self.request, &self.settings)
            .map_err(|d| io::Error::other(d.render(false, locale)))?;
        std::fs::read(crate::photos::cached_file(
            &self.cache,
            &p,
            self.width,
            self.ext,
        ))
    }
}
