//! Reading a photo: its size and EXIF orientation, decoded within memory limits, turned
//! upright, converted to sRGB from its ICC profile, and resized.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageReader, Limits};

use super::*;

/// A photo's decoder, opened from its header: format checked, truncation and decompression
/// bombs refused before any pixel is decoded.
pub(super) struct Opened<'a> {
    decoder: Box<dyn ImageDecoder + 'a>,
    orientation: Option<image::metadata::Orientation>,
    icc: Option<Vec<u8>>,
    size: (u32, u32),
}

pub(super) fn open<'a>(
    bytes: &'a [u8],
    req: &Request,
    s: &PhotoSettings,
) -> Result<Opened<'a>, Diagnostic> {
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
pub(super) fn upright_size(
    bytes: &[u8],
    req: &Request,
    s: &PhotoSettings,
) -> Result<(u32, u32), Diagnostic> {
    use image::metadata::Orientation as O;
    let o = open(bytes, req, s)?;
    let (w, h) = o.size;
    Ok(match o.orientation {
        Some(O::Rotate90 | O::Rotate270 | O::Rotate90FlipH | O::Rotate270FlipH) => (h, w),
        _ => (w, h),
    })
}

/// Decodes a photo with limits, upright, in sRGB.
pub(super) fn decode(
    bytes: &[u8],
    req: &Request,
    s: &PhotoSettings,
) -> Result<DynamicImage, Diagnostic> {
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
pub(super) fn to_srgb(img: DynamicImage, icc: &[u8]) -> DynamicImage {
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

pub(super) fn resize(src: &image::RgbImage, width: u32, height: u32) -> Result<Vec<u8>, String> {
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
