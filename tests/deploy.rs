//! What a deploy relies on: netlify.toml builds with the command README documents, publishes
//! the folder the build writes, and its header rules and redirects name files the build
//! actually writes; `build --zip` packs a site that works offline.

mod common;

use std::path::Path;

fn netlify() -> toml::Table {
    common::read(&common::repo().join("netlify.toml"))
        .parse()
        .unwrap_or_else(|e| panic!("netlify.toml: {e}"))
}

/// The demo library built into a temporary copy of the repository's content, with the
/// default output folder.
fn built_demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let content = common::repo().join("content");
    for f in common::files(&content) {
        let dest = dir.path().join("content").join(&f);
        std::fs::create_dir_all(dest.parent().unwrap_or(dir.path()))
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::copy(content.join(&f), dest).unwrap_or_else(|e| panic!("{e}"));
    }
    let root = dir.path().to_string_lossy().into_owned();
    let out = common::casebook(&["build", "--root", &root]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

/// Whether a Netlify path pattern (`/assets/*`, `/`) matches a file of the site.
fn matches(pattern: &str, file: &str) -> bool {
    let path = format!("/{file}");
    match pattern.strip_suffix('*') {
        Some(prefix) => path.starts_with(prefix),
        None => path == pattern || format!("{pattern}index.html") == path,
    }
}

#[test]
fn the_build_command_is_the_one_readme_documents() {
    let t = netlify();
    let build = &t["build"];
    let command = build["command"].as_str().unwrap_or_default();
    let readme = common::read(&common::repo().join("README.md"));
    let deploy = readme
        .split_once("## Deploy")
        .map(|(_, r)| r)
        .unwrap_or_else(|| panic!("README has no Deploy section"));
    let documented = deploy
        .split_once("```sh\n")
        .and_then(|(_, r)| r.split_once("```"))
        .map(|(block, _)| block.trim())
        .unwrap_or_else(|| panic!("the Deploy section shows no command"));
    assert_eq!(command, documented);
    assert_eq!(build["publish"].as_str(), Some("public"));
    // Previews build the same way, with the preview's own URL.
    for ctx in ["deploy-preview", "branch-deploy"] {
        let c = t["context"][ctx]["command"].as_str().unwrap_or_default();
        assert_eq!(c, command.replace("$URL", "$DEPLOY_PRIME_URL"), "{ctx}");
    }
    // The toolchain Netlify installs is the one pinned for everyone.
    let pinned = common::read(&common::repo().join("rust-toolchain.toml"));
    assert!(pinned.contains("channel = \"1."), "{pinned}");
}

#[test]
fn header_rules_and_redirects_match_what_the_build_writes() {
    let t = netlify();
    let site = built_demo();
    let public = site.path().join("public");
    assert!(
        public.join("index.html").is_file(),
        "the build writes the publish folder"
    );
    let files = common::files(&public);

    let rules = t["headers"].as_array().cloned().unwrap_or_default();
    let immutable: Vec<&str> = rules
        .iter()
        .filter(|r| {
            r.get("values")
                .and_then(|v| v.get("Cache-Control"))
                .and_then(|v| v.as_str())
                .is_some_and(|v| v.contains("immutable"))
        })
        .filter_map(|r| r["for"].as_str())
        .collect();
    for r in &rules {
        let pattern = r["for"].as_str().unwrap_or_default();
        assert!(
            files.iter().any(|f| matches(pattern, f)),
            "header rule `{pattern}` matches no built file"
        );
    }
    // Everything fingerprinted is cached for good, and nothing else is.
    for f in &files {
        let fingerprinted =
            f.starts_with("assets/") || f.starts_with("photos/") || f.contains("search/i/");
        let cached = immutable.iter().any(|p| matches(p, f));
        assert_eq!(cached, fingerprinted, "{f}");
        if f.ends_with("search/meta.js") {
            assert!(
                !cached,
                "meta.js names the fingerprinted files and must be revalidated"
            );
        }
    }
    let all = rules
        .iter()
        .find(|r| r["for"].as_str() == Some("/*"))
        .unwrap_or_else(|| panic!("no rule for every page"));
    let csp = all["values"]["Content-Security-Policy"]
        .as_str()
        .unwrap_or_default();
    assert!(
        csp.contains("default-src 'self'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
    for h in [
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
    ] {
        assert!(all["values"].get(h).is_some(), "{h}");
    }
    // No page carries an inline script (other than JSON-LD data) or style.
    for f in files.iter().filter(|f| f.ends_with(".html")) {
        let html = common::canonical(&common::read(&public.join(f)));
        assert!(!html.contains(" style="), "{f} has an inline style");
        assert!(!html.contains("<style"), "{f} has a style element");
        for script in html.split("<script").skip(1) {
            let tag = script.split('>').next().unwrap_or_default();
            assert!(
                tag.contains(" src=") || tag.contains("application/ld+json"),
                "{f} has an inline script: <script{tag}>"
            );
        }
    }

    let redirects = t["redirects"].as_array().cloned().unwrap_or_default();
    for r in &redirects {
        let to = r["to"].as_str().unwrap_or_default();
        let target = to.trim_start_matches('/');
        assert!(
            target.is_empty()
                || public.join(target).is_file()
                || public.join(target).join("index.html").is_file(),
            "redirect target {to} is not built"
        );
        // A language redirect only ever leaves `/`, so it cannot loop.
        if r.get("conditions").is_some() {
            assert_eq!(r["from"].as_str(), Some("/"));
            assert_ne!(r["to"].as_str(), Some("/"));
        }
    }
}

#[test]
fn build_zip_packs_the_site_in_one_folder_the_same_way_every_time() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("out");
    let zip = dir.path().join("offline/library.zip");
    let root = common::fixture("minimal");
    let args = |zip: &Path| {
        common::casebook(&[
            "build",
            "--root",
            &root.to_string_lossy(),
            "--out",
            &out.to_string_lossy(),
            "--zip",
            &zip.to_string_lossy(),
        ])
    };
    let first = args(&zip);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let bytes = std::fs::read(&zip).unwrap_or_else(|e| panic!("{e}"));
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<String> = (0..archive.len())
        .filter_map(|i| {
            let f = archive.by_index(i).ok()?;
            f.name().ok().map(|n| n.into_owned())
        })
        .collect();
    let built = common::files(&out);
    assert_eq!(names.len(), built.len());
    for f in &built {
        assert!(names.contains(&format!("library/{f}")), "{f} is in the zip");
    }
    assert!(names.iter().all(|n| n.starts_with("library/")));
    // Reproducible: the same site gives the same bytes.
    let again = dir.path().join("again/library.zip");
    assert!(args(&again).status.success());
    let other = std::fs::read(&again).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        bytes == other,
        "two builds of the same site zip differently"
    );

    // A zip that cannot be written is an IO error, exit 2, and leaves nothing behind.
    let blocked = dir.path().join("blocked");
    std::fs::create_dir_all(blocked.join("site.zip")).unwrap_or_else(|e| panic!("{e}"));
    let failed = args(&blocked.join("site.zip"));
    assert_eq!(failed.status.code(), Some(2));
    assert_eq!(
        common::files(&blocked).len(),
        0,
        "no temporary file is left"
    );
}
