//! The offline bundle: a built site packed into one zip that works unzipped and opened from
//! `file://` (every link is relative, search loads by `<script>` tag).

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// What went into a bundle.
#[derive(Debug, Clone, Copy, Default)]
pub struct Packed {
    /// Files in the zip.
    pub files: usize,
    /// Size of the zip in bytes.
    pub bytes: u64,
}

/// Packs every file under `site` into `zip_path`, inside one folder named after the zip (so
/// unzipping does not scatter files), in path order with a fixed date: the same site always
/// gives the same bytes. Written beside the target and renamed into place, so a failure never
/// leaves half a zip.
pub fn zip_site(site: &Path, zip_path: &Path) -> io::Result<Packed> {
    let folder = zip_path
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty())
        .unwrap_or("site")
        .to_owned();
    let dir = zip_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{folder}.zip.tmp-{}", std::process::id()));
    let result = write_zip(site, &tmp, &folder).and_then(|files| {
        fs::rename(&tmp, zip_path)?;
        Ok(files)
    });
    match result {
        Ok(files) => Ok(Packed {
            files,
            bytes: fs::metadata(zip_path)?.len(),
        }),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn write_zip(site: &Path, tmp: &Path, folder: &str) -> io::Result<usize> {
    let mut zip = ZipWriter::new(io::BufWriter::new(fs::File::create(tmp)?));
    let mut count = 0;
    for entry in walkdir::WalkDir::new(site).sort_by_file_name() {
        let entry = entry.map_err(io::Error::other)?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(site)
            .map_err(io::Error::other)?
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        // Photos are compressed already; deflating them again costs time and saves nothing.
        let method = match rel.rsplit_once('.').map(|(_, e)| e) {
            Some("jpg" | "jpeg" | "webp" | "png" | "gif" | "zip") => CompressionMethod::Stored,
            _ => CompressionMethod::Deflated,
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(DateTime::default())
            .unix_permissions(0o644);
        zip.start_file(format!("{folder}/{rel}"), options)
            .map_err(io::Error::other)?;
        zip.write_all(&fs::read(entry.path())?)?;
        count += 1;
    }
    let mut inner = zip.finish().map_err(io::Error::other)?;
    inner.flush()?;
    Ok(count)
}
