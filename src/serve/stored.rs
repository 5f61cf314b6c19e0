//! A file of the preview's site as memory keeps it: pages and other text gzip-compressed, so
//! a large library's site fits beside the editor's other programs, and sent compressed to
//! browsers that accept gzip (all of them).

use crate::output::{OutData, OutFile, Sink};
use axum::body::Bytes;
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use std::borrow::Cow;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::sync::Mutex;

/// Below this size a file is kept as it is: gzip's header and trailer would outweigh the gain.
const SMALLEST_COMPRESSED: usize = 512;

/// One file's bytes, compressed or as built.
#[derive(Debug, Clone)]
pub struct Stored {
    data: Bytes,
    gzip: bool,
}

impl Stored {
    /// Keeps `bytes`, the file at `path`: compressed when it is text (the photos are
    /// compressed already). Compression is gzip's fastest level: a 10,000-case site shrinks
    /// about fivefold, and its first build in the preview takes no longer (less memory to
    /// fill makes up for the compressing).
    pub fn new(path: &str, bytes: Vec<u8>) -> Stored {
        if bytes.len() < SMALLEST_COMPRESSED || !is_text(path) {
            return Stored::raw(bytes);
        }
        let mut gz = GzEncoder::new(Vec::with_capacity(bytes.len() / 4), Compression::fast());
        match gz.write_all(&bytes).and_then(|()| gz.finish()) {
            Ok(mut z) => {
                z.shrink_to_fit();
                Stored {
                    data: Bytes::from(z),
                    gzip: true,
                }
            }
            // Writing into memory does not fail; if it did, the file is kept as built.
            Err(_) => Stored::raw(bytes),
        }
    }

    /// Keeps the file at `path` made of `pieces`, compressing each as it comes when the file
    /// is text, so it is never whole in memory uncompressed.
    pub fn from_pieces(path: &str, pieces: &mut dyn Iterator<Item = Vec<u8>>) -> Stored {
        if !is_text(path) {
            return Stored::raw(pieces.flatten().collect());
        }
        let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
        let mut raw = 0;
        for piece in pieces {
            raw += piece.len();
            // Writing into memory does not fail.
            let _ = gz.write_all(&piece);
        }
        match gz.finish() {
            Ok(mut z) if raw > 0 => {
                z.shrink_to_fit();
                Stored {
                    data: Bytes::from(z),
                    gzip: true,
                }
            }
            _ => Stored::raw(Vec::new()),
        }
    }

    /// Keeps `bytes` as they are.
    pub fn raw(bytes: Vec<u8>) -> Stored {
        Stored {
            data: Bytes::from(bytes),
            gzip: false,
        }
    }

    /// The file's bytes, as built.
    pub fn bytes(&self) -> io::Result<Cow<'_, [u8]>> {
        if !self.gzip {
            return Ok(Cow::Borrowed(&self.data));
        }
        let mut out = Vec::with_capacity(self.data.len() * 5);
        GzDecoder::new(&self.data[..]).read_to_end(&mut out)?;
        Ok(Cow::Owned(out))
    }

    /// The gzip stream of the file, when it is kept compressed.
    pub fn gzipped(&self) -> Option<Bytes> {
        self.gzip.then(|| self.data.clone())
    }

    /// The file as it is kept, compressed or not (cheap: shares the bytes).
    pub fn kept(&self) -> Bytes {
        self.data.clone()
    }

    /// Bytes of memory the file takes.
    pub fn size(&self) -> usize {
        self.data.len()
    }
}

/// A file the render handed over: kept, or a source file to read (photos, documents).
pub(super) enum Handed {
    Kept(Stored),
    Copy(PathBuf),
}

/// Where the preview's render puts its files: each is compressed by the render thread that
/// made it, as it arrives, so the whole site is never in memory uncompressed.
#[derive(Default)]
pub(super) struct Compressing(Mutex<Vec<(String, Handed)>>);

impl Compressing {
    /// The files received.
    pub(super) fn into_files(self) -> Vec<(String, Handed)> {
        self.0.into_inner().unwrap_or_default()
    }
}

impl Compressing {
    fn keep(&self, path: String, handed: Handed) -> io::Result<()> {
        self.0
            .lock()
            .map_err(|_| {
                crate::i18n::io_error(io::ErrorKind::Other, crate::t!("output-thread-panicked"))
            })?
            .push((path, handed));
        Ok(())
    }
}

impl Sink for Compressing {
    fn put(&self, file: OutFile) -> io::Result<()> {
        let handed = match file.data {
            OutData::Bytes(b) => Handed::Kept(Stored::new(&file.path, b)),
            OutData::Copy(src) => Handed::Copy(src),
        };
        self.keep(file.path, handed)
    }

    fn put_pieces(
        &self,
        path: String,
        pieces: &mut dyn Iterator<Item = Vec<u8>>,
    ) -> io::Result<()> {
        let stored = Stored::from_pieces(&path, pieces);
        self.keep(path, Handed::Kept(stored))
    }
}

/// Whether the file at `path` is text, by the type it is served as: what is sent as text,
/// JSON, XML or SVG compresses; photos and documents do not.
fn is_text(path: &str) -> bool {
    let ct = super::http::content_type(path);
    ct.starts_with("text/") || ct.contains("json") || ct.contains("xml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_kept_compressed_and_read_back_as_built() {
        let page = "<p>柏林寺村的垃圾分类</p>\n".repeat(200).into_bytes();
        let s = Stored::new("cases/bailinsi/index.html", page.clone());
        assert!(s.gzipped().is_some());
        assert!(s.size() < page.len() / 10, "{} bytes", s.size());
        assert_eq!(s.bytes().ok().as_deref(), Some(&page[..]));
    }

    #[test]
    fn a_file_made_in_pieces_reads_back_whole() {
        let pieces = ["[\n", "{\"slug\":\"石桥村\"}", ",\n{}", "\n]\n"];
        let whole: String = pieces.concat();
        let s = Stored::from_pieces(
            "data/cases.json",
            &mut pieces.iter().map(|p| p.as_bytes().to_vec()),
        );
        assert!(s.gzipped().is_some());
        assert_eq!(s.bytes().ok().as_deref(), Some(whole.as_bytes()));
    }

    #[test]
    fn photos_and_small_files_are_kept_as_they_are() {
        let photo = vec![0xffu8; 4096];
        let s = Stored::new("photos/a-800.webp", photo.clone());
        assert!(s.gzipped().is_none());
        assert_eq!(s.bytes().ok().as_deref(), Some(&photo[..]));
        let tiny = b"User-agent: *\n".to_vec();
        let s = Stored::new("robots.txt", tiny.clone());
        assert!(s.gzipped().is_none());
        assert_eq!(s.size(), tiny.len());
    }
}
