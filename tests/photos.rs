//! The photo pipeline end to end: a phone photo stored sideways with GPS tags comes out
//! upright and without any metadata, sizes never exceed the source, a second build takes
//! every photo from the cache, and bad photos are reported where they are named.

mod common;

use common::{casebook, copy_dir, files, fixture, read};

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn phone_photo_comes_out_upright_without_metadata_and_is_cached() {
    let site = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    copy_dir(&fixture("photos"), site.path());
    let out = site.path().join("public");
    let root = site.path().to_str().unwrap_or("");
    let o = casebook(&["build", "--root", root]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("photos: 2 processed, 0 from the cache"));

    let photos: Vec<String> = files(&out.join("photos"));
    let phone: Vec<&String> = photos.iter().filter(|f| f.starts_with("phone-")).collect();
    assert_eq!(phone.len(), 6, "3 widths × WebP and JPEG: {photos:?}");
    for f in &phone {
        let bytes = std::fs::read(out.join("photos").join(f)).unwrap_or_default();
        // The source stores 1224×1632 pixels sideways (EXIF orientation 6): upright it is a
        // 1632×1224 mountain landscape.
        let (w, h) = image::image_dimensions(out.join("photos").join(f))
            .unwrap_or_else(|e| panic!("{f}: {e}"));
        assert!(w > h, "{f} is {w}×{h}, not turned upright");
        assert!(w <= 1600);
        // Metadata markers of JPEG (APP1 Exif, XMP, ICC) and WebP (EXIF, XMP, ICCP chunks), and
        // the camera make and model the source carries.
        for tag in [
            &b"Exif\0\0"[..],
            b"EXIF",
            b"XMP ",
            b"ICCP",
            b"ICC_PROFILE",
            b"http://ns.adobe.com",
            b"ExampleMaker",
            b"ExamplePhone",
        ] {
            assert!(
                !contains(&bytes, tag),
                "{f} carries {}",
                String::from_utf8_lossy(tag)
            );
        }
    }
    // Sky at the top, grass at the bottom: the right way up, not just the right shape.
    let small = image::open(
        out.join("photos").join(
            phone
                .iter()
                .find(|f| f.ends_with("-480.jpg"))
                .map_or("", |s| s.as_str()),
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"))
    .to_rgb8();
    let mean = |rows: std::ops::Range<u32>| {
        let mut sum = [0u64; 3];
        let mut n = 0u64;
        for y in rows {
            for x in 0..small.width() {
                let p = small.get_pixel(x, y);
                for c in 0..3 {
                    sum[c] += u64::from(p[c]);
                }
                n += 1;
            }
        }
        sum.map(|v| v / n.max(1))
    };
    let top = mean(0..small.height() / 10);
    let bottom = mean(small.height() * 9 / 10..small.height());
    assert!(top[2] > top[0], "the top is sky blue: {top:?}");
    assert!(
        bottom[1] > bottom[2],
        "the bottom is grass green: {bottom:?}"
    );
    // 1632 px wide upright: 480, 960 and 1600 are made, nothing larger (never upscaled).
    assert!(phone.iter().any(|f| f.ends_with("-1600.jpg")), "{phone:?}");
    // A 300 px PNG gets only its own width.
    assert_eq!(
        photos.iter().filter(|f| f.starts_with("small-")).count(),
        2,
        "{photos:?}"
    );
    // No original leaves the case folder.
    assert!(!out.join("cases/alpha/phone.jpg").exists());
    assert!(
        !files(&out)
            .iter()
            .any(|f| f.ends_with("phone.jpg") || f.ends_with("small.png"))
    );

    let page = common::canonical(&read(&out.join("cases/alpha/index.html")));
    assert!(page.contains("<picture>"), "pairs are pictures");
    assert!(page.contains("type=image/webp"), "with a WebP source");
    assert!(
        page.contains("width=1600") && page.contains("height=1200"),
        "and the size of the largest version"
    );
    let imgs: Vec<&str> = page
        .split("<img ")
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or(""))
        .collect();
    assert!(imgs.len() >= 3, "{imgs:?}");
    assert!(
        !imgs[0].contains("loading=lazy"),
        "the first photo loads at once: {}",
        imgs[0]
    );
    assert!(
        imgs[1..].iter().all(|t| t.contains("loading=lazy")),
        "the others when near: {imgs:?}"
    );
    assert!(
        page.contains("class=body-photo"),
        "body images become pictures too"
    );

    // A second build decodes nothing.
    let again = casebook(&["build", "--root", root]);
    assert!(again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("photos: 0 processed, 2 from the cache"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );

    // Entries no build uses any more are pruned.
    let index = site.path().join("content/cases/alpha/index.md");
    std::fs::write(
        &index,
        read(&index)
            .replace("after: small.png", "after: phone.jpg")
            .replace("![橙色方块](small.png)\n", ""),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(site.path().join("content/cases/alpha/small.png"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(casebook(&["build", "--root", root]).status.success());
    let entries = files(&site.path().join(".casebook-cache"))
        .iter()
        .filter(|f| f.ends_with("meta.json"))
        .count();
    assert_eq!(entries, 1, "the unused entry was pruned");
}

#[test]
fn bad_photos_are_reported_where_they_are_named() {
    let o = casebook(&[
        "check",
        "--root",
        fixture("errors/bad-photos").to_str().unwrap_or(""),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    for expected in [
        "photo content/cases/alpha/empty.jpg is an empty file",
        "photo content/cases/alpha/truncated.jpg is truncated",
        "photo content/cases/alpha/anim.gif is not a JPEG, PNG or WebP image",
        "photo content/cases/alpha/bomb.png is 30000×30000 pixels",
        "photo `missing.jpg` is not in the case folder",
        "photo `../beta/index.md` is not in the case folder",
        "photo pair 4 has no `alt_before` text",
        "content/cases/alpha/index.md:27:31",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
}

#[test]
fn an_illustrative_pair_has_no_labels_or_slider_and_a_real_pair_keeps_them() {
    let site = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    copy_dir(&fixture("photos"), site.path());
    let case = site.path().join("content/cases/alpha/index.md");
    let text = read(&case).replace(
        "    year_after: 2021\n",
        "    year_after: 2021\n  - before: small.png\n    after: phone.jpg\n    alt_before: 一块橙色\n    alt_after: 山间草坡\n    caption: 别处的照片\n    illustrative: true\n",
    );
    std::fs::write(&case, text).unwrap_or_else(|e| panic!("{e}"));
    let built = common::build_in_memory(site.path());
    for (path, before, illustrative) in [
        ("cases/alpha/index.html", "改造前", "示意图片"),
        ("en/cases/alpha/index.html", "Before", "Illustrative photos"),
    ] {
        let html =
            String::from_utf8_lossy(built.get(path).map_or(&[][..], Vec::as_slice)).into_owned();
        let count = |needle: &str| html.matches(needle).count();
        assert_eq!(
            (count("class=\"compare\""), count("photo-pair illustrative")),
            (1, 1),
            "{path}: one real pair and one illustrative pair"
        );
        let real_at = html.find("class=\"compare\"").unwrap_or(0);
        let shown_at = html.find("photo-pair illustrative").unwrap_or(0);
        assert!(real_at < shown_at, "{path}: the pairs are out of order");
        let real = &html[real_at..shown_at];
        assert!(
            real.contains("data-compare") && real.contains(&format!(">{before}")),
            "{path}: {real}"
        );
        let pair = html[shown_at..]
            .split("</figure>")
            .next()
            .unwrap_or_default();
        assert!(pair.contains(illustrative), "{path}: {pair}");
        for label in ["data-compare", "compare-side", before] {
            assert!(
                !pair.contains(label),
                "{path}: the illustrative pair shows `{label}`: {pair}"
            );
        }
        assert!(
            pair.find(illustrative) < pair.find("<picture"),
            "{path}: the illustrative label does not come first: {pair}"
        );
    }
}
