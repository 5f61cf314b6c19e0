//! End-to-end test of `casebook serve`: start it on a free loopback port, edit a case file,
//! and see the new text served; break the YAML and see the error reported while the last good
//! page keeps being served; fix it and see the error go.

mod common;

use std::path::Path;

use common::{Server, copy_dir, get, wait_for};

/// The preview of the site at `root`, its output lines left unread.
fn start(root: &Path) -> Server {
    common::serve(root, &[]).0
}

/// Every shard of the Chinese search index, as served, concatenated.
fn search_shards(addr: &str) -> String {
    let (status, meta) = get(addr, "/search/meta.js");
    assert_eq!(status, 200, "{meta}");
    let json = meta
        .trim()
        .strip_prefix("CBS.put(\"meta\",")
        .and_then(|m| m.strip_suffix(");"))
        .unwrap_or_else(|| panic!("not a meta file: {meta}"));
    let meta: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"));
    let v = meta["v"].as_str().unwrap_or_default();
    let mut names = Vec::new();
    for b in 0..meta["shards"].as_u64().unwrap_or(0) {
        match meta["split"][b.to_string()].as_u64() {
            Some(k) => names.extend((0..k).map(|j| format!("s{b}-{j}"))),
            None => names.push(format!("s{b}")),
        }
    }
    names
        .iter()
        .map(|name| {
            // The index may be swapped between reading meta.js and its files: an old name
            // is then gone, and the caller tries again.
            let (status, body) = get(addr, &format!("/search/i/{name}.{v}.js"));
            if status == 200 { body } else { String::new() }
        })
        .collect()
}

#[test]
fn serve_rebuilds_on_save_and_keeps_the_last_good_site_on_errors() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    copy_dir(&common::fixture("minimal"), dir.path());
    let server = start(dir.path());
    let addr = server.addr.clone();

    let (status, body) = get(&addr, "/cases/alpha/");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>甲村</h1>"), "{body}");
    assert!(
        body.contains("/__casebook/live.js"),
        "the reload script is injected"
    );
    assert_eq!(get(&addr, "/%2e%2e/%2e%2e/etc/passwd").0, 404);
    assert_eq!(get(&addr, "/no/such/page/").0, 404);
    // Drafts show in preview.
    assert_eq!(get(&addr, "/cases/gamma/").0, 200);

    let file = dir.path().join("content/cases/alpha/index.md");
    let original = common::read(&file);
    std::fs::write(&file, original.replace("title: 甲村", "title: 甲村新名"))
        .unwrap_or_else(|e| panic!("{e}"));
    wait_for("the edited title", || {
        get(&addr, "/cases/alpha/").1.contains("<h1>甲村新名</h1>")
    });
    // The search index follows (just after the reload): the new name is found, and nothing
    // else is lost.
    wait_for("the new name in the search index", || {
        search_shards(&addr).contains("\"新名\":")
    });
    assert!(search_shards(&addr).contains("\"理事\":"));

    // A save by rename (how many editors save) is seen too.
    let tmp = dir.path().join("content/cases/alpha/.index.md.tmp");
    std::fs::write(&tmp, original.replace("title: 甲村", "title: 甲村改名"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::rename(&tmp, &file).unwrap_or_else(|e| panic!("{e}"));
    wait_for("the renamed-in title", || {
        get(&addr, "/cases/alpha/").1.contains("<h1>甲村改名</h1>")
    });

    std::fs::write(&file, original.replace("kind: rural", "kind: [rural"))
        .unwrap_or_else(|e| panic!("{e}"));
    wait_for("the error", || {
        get(&addr, "/__casebook/status")
            .1
            .contains("content/cases/alpha/index.md:5:7")
    });
    assert!(
        get(&addr, "/cases/alpha/").1.contains("<h1>甲村改名</h1>"),
        "the last good page keeps being served"
    );
    let status = get(&addr, "/__casebook/status").1;
    assert!(
        status.contains("the last change has 1 error — showing the last good version"),
        "the overlay's heading, in the preview's language: {status}"
    );

    std::fs::write(&file, &original).unwrap_or_else(|e| panic!("{e}"));
    wait_for("the error to clear", || {
        get(&addr, "/__casebook/status").1.contains("\"errors\":[]")
    });
    assert!(get(&addr, "/cases/alpha/").1.contains("<h1>甲村</h1>"));

    // A new case folder appears, a deleted one goes.
    let new = dir.path().join("content/cases/delta");
    std::fs::create_dir_all(&new).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        new.join("index.md"),
        common::read(&dir.path().join("content/cases/beta/index.md")).replace("乙社区", "丁社区"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    wait_for("the new case", || get(&addr, "/cases/delta/").0 == 200);
    std::fs::remove_dir_all(&new).unwrap_or_else(|e| panic!("{e}"));
    wait_for("the deleted case to go", || {
        get(&addr, "/cases/delta/").0 == 404
    });
}

/// The preview keeps text compressed and sends it so to browsers that accept gzip; the same
/// bytes, as built, to clients that do not. Pages always go uncompressed, with the reload
/// script.
#[test]
fn serve_sends_gzip_to_browsers_that_accept_it() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    copy_dir(&common::fixture("minimal"), dir.path());
    let server = start(dir.path());
    let (status, _, built) = common::fetch(&server.addr, "/data/cases.json", "");
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&built).contains("甲村"));
    let (status, head, sent) = common::fetch(
        &server.addr,
        "/data/cases.json",
        "Accept-Encoding: gzip, br\r\n",
    );
    assert_eq!(status, 200);
    assert!(head.contains("content-encoding: gzip"), "{head}");
    assert!(head.contains("vary: accept-encoding"), "{head}");
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&sent[..]), &mut unzipped)
        .unwrap_or_else(|e| panic!("not gzip: {e}"));
    assert_eq!(unzipped, built, "the gzip stream is the built file");
    let (_, head, _) = common::fetch(&server.addr, "/data/cases.json", "Accept-Encoding: br\r\n");
    assert!(!head.contains("content-encoding"), "{head}");
    let (status, head, page) =
        common::fetch(&server.addr, "/cases/alpha/", "Accept-Encoding: gzip\r\n");
    assert_eq!(status, 200);
    assert!(!head.contains("content-encoding"), "{head}");
    assert!(String::from_utf8_lossy(&page).contains("/__casebook/live.js"));
}

#[test]
fn serve_starts_before_photos_are_encoded_and_encodes_them_on_request() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let src = common::fixture("photos");
    for f in common::files(&src)
        .into_iter()
        .filter(|f| !f.starts_with(".casebook-cache"))
    {
        let dest = dir.path().join(&f);
        std::fs::create_dir_all(dest.parent().unwrap_or(dir.path()))
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::copy(src.join(&f), dest).unwrap_or_else(|e| panic!("{e}"));
    }
    let server = start(dir.path());
    let cache = dir.path().join(".casebook-cache");
    assert!(
        common::files(&cache).is_empty(),
        "nothing is encoded before a page asks"
    );

    let (_, page) = get(&server.addr, "/cases/alpha/");
    let re = regex_lite::Regex::new(r"photos/phone-[0-9a-f]+-480\.webp")
        .unwrap_or_else(|e| panic!("{e}"));
    let photo = re
        .find(&page)
        .map(|m| m.as_str().to_owned())
        .unwrap_or_else(|| panic!("no photo in the page"));
    let (status, body) = get(&server.addr, &format!("/{photo}"));
    assert_eq!(status, 200);
    assert!(
        body.starts_with("RIFF")
            && body.find("WEBPVP8").is_some_and(|at| at < 20)
            && body.len() > 200,
        "a WebP photo was served: {:?}",
        body.chars().take(16).collect::<String>()
    );
    assert!(
        common::files(&cache)
            .iter()
            .any(|f| f.ends_with("480.webp")),
        "and is now in the cache"
    );

    // The photo's file deleted: an error, and the last good page keeps its photos, which the
    // cache still has.
    let alpha = dir.path().join("content/cases/alpha");
    let source = common::files(&alpha)
        .into_iter()
        .find(|f| f.starts_with("phone"))
        .unwrap_or_else(|| panic!("no phone photo in {alpha:?}"));
    std::fs::remove_file(alpha.join(source)).unwrap_or_else(|e| panic!("{e}"));
    common::wait_for("the missing photo to be reported", || {
        get(&server.addr, "/__casebook/status")
            .1
            .contains("\"errors\":[{")
    });
    let (status, again) = get(&server.addr, &format!("/{photo}"));
    assert_eq!(status, 200, "{again}");
    assert_eq!(again, body);
}

/// A draft whose front matter has a mistake has no page, and its problems are only warnings:
/// the overlay stays empty. At its address the preview says what keeps it out, where, and
/// how to fix it, in the preview's language, and shows the page once it is fixed.
#[test]
fn serve_says_at_a_broken_drafts_address_what_keeps_it_out() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    copy_dir(&common::fixture("minimal"), dir.path());
    let server = start(dir.path());
    let addr = server.addr.clone();
    assert_eq!(get(&addr, "/cases/gamma/").0, 200);

    let file = dir.path().join("content/cases/gamma/index.md");
    let original = common::read(&file);
    std::fs::write(&file, original.replace("kind: rural", "kind: [rural"))
        .unwrap_or_else(|e| panic!("{e}"));
    wait_for("the draft's page to go", || {
        get(&addr, "/cases/gamma/").0 == 404
    });
    for path in ["/cases/gamma/", "/en/cases/gamma/index.html"] {
        let (status, body) = get(&addr, path);
        assert_eq!(status, 404, "{path}");
        for said in [
            "The case “gamma” has no page yet",
            "content/cases/gamma/index.md:5:7",
            "this needs one value",
            "<mark>[</mark>rural",
            "help: check indentation",
            "/__casebook/live.js",
        ] {
            assert!(body.contains(said), "{path} does not say `{said}`: {body}");
        }
    }
    assert!(
        get(&addr, "/__casebook/status").1.contains("\"errors\":[]"),
        "a draft's problems are warnings: the overlay stays empty"
    );
    // The dashboard links the draft to that address.
    assert!(
        get(&addr, "/__casebook/")
            .1
            .contains("href=\"/cases/gamma/\"")
    );
    // Another address keeps the site's own not-found page.
    assert!(!get(&addr, "/cases/nothing/").1.contains("gamma"));

    std::fs::write(&file, &original).unwrap_or_else(|e| panic!("{e}"));
    wait_for("the fixed draft's page", || {
        get(&addr, "/cases/gamma/").0 == 200
    });
}
