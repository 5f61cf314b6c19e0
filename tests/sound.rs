//! The sound core: inputs that once crashed casebook, lost data or published broken links,
//! each reproduced on a site made from the minimal fixture plus one change, and the panic
//! barrier of `check`, `build` and the preview, tested by a panic injected on purpose.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use casebook::content::{self, ContentOptions};
use casebook::diagnostics::Diagnostics;
use common::{Overlay, get, read, repo, serve, wait_for};

fn run(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    common::casebook_in(root, args, env)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `check --format json`: the exit code and each diagnostic as `file:line:column message`.
fn check_json(root: &Path) -> (i32, Vec<String>) {
    let o = run(root, &["check", "--format", "json"], &[]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stderr(&o)));
    let list = json["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            format!(
                "{}:{}:{} {}",
                d["file"].as_str().unwrap_or(""),
                d["line"],
                d["column"],
                d["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    (o.status.code().unwrap_or(-1), list)
}

#[test]
fn a_tab_after_chinese_text_is_a_located_error_on_every_line_of_every_demo_case() {
    let mut tried = 0;
    let sources = casebook::load::load(&repo()).unwrap_or_else(|e| panic!("{e}"));
    for (i, file) in sources.markdown.iter().enumerate() {
        if !file.path.starts_with("content/cases") {
            continue;
        }
        let text = file.text.to_string();
        let Some(end) = text[3..].find("\n---").map(|e| e + 3) else {
            continue;
        };
        // Indented keys and list items (a tab before a comment is allowed).
        for (start, _) in text[..end]
            .match_indices("\n  ")
            .filter(|(s, _)| !text[s + 3..].trim_start().starts_with('#'))
        {
            let mut bad = text.clone();
            bad.replace_range(start + 1..start + 3, "\t");
            let mut s = sources.clone();
            s.markdown[i] = casebook::diagnostics::SourceText::new(file.path.clone(), bad);
            let mut d = Diagnostics::new();
            let _ = content::parse(&s, &ContentOptions::default(), &mut d);
            let rendered = d.render_human(false, casebook::i18n::Locale::En);
            assert!(
                d.has_errors(),
                "{}: a tab at byte {start} passed",
                file.path.display()
            );
            let line = text[..start + 1].matches('\n').count() + 1;
            let at = format!("{}:{line}:1", file.path.display());
            assert!(
                rendered.contains(&at) && rendered.contains("a tab indents this line"),
                "a tab at {at} was reported as:\n{rendered}"
            );
            tried += 1;
        }
    }
    assert!(tried > 50, "only {tried} lines tried");

    // End to end: the editor's case from the report.
    let site = Overlay::of("minimal").replace(
        "content/cases/alpha/index.md",
        "  co-management: 党员",
        "\tco-management: 党员",
    );
    let o = run(site.root(), &["check"], &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("content/cases/alpha/index.md:14:1"), "{err}");
    assert!(err.contains("a tab indents this line"), "{err}");
    assert!(err.contains("replace the tab with two spaces"), "{err}");
}

#[test]
fn the_same_photo_under_two_names_in_two_cases_publishes_both() {
    let site = Overlay::of("photos")
        .copy("tests/fixtures/photos/content/cases/alpha/phone.jpg", "content/cases/beta/同一张.jpg")
        .copy("tests/fixtures/photos/content/cases/alpha/small.png", "content/cases/beta/again.png")
        .replace(
            "content/cases/beta/index.md",
            "---\n",
            "---\nphotos:\n  - {before: 同一张.jpg, after: again.png, alt_before: 同一张照片, alt_after: 又一张}\n",
        );
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let o = run(
        site.root(),
        &["build", "--out", &out.path().to_string_lossy()],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let built = common::read_site(out.path());
    let beta = String::from_utf8_lossy(&built["cases/beta/index.html"]).into_owned();
    assert!(beta.contains("photos/"), "beta shows no photo");
    common::check_links(&built);
}

#[test]
fn an_unreadable_file_causes_no_errors_in_the_files_that_name_it() {
    // GBK bytes for 甲村, as a Windows editor saves them.
    let mut gbk = b"---\ntitle: ".to_vec();
    gbk.extend_from_slice(&[0xBC, 0xD7, 0xB4, 0xE5]);
    gbk.extend_from_slice(b"\n---\n");
    let site = Overlay::minimal().write("content/cases/alpha/index.md", gbk);
    let (code, diags) = check_json(site.root());
    assert_eq!(code, 1);
    assert_eq!(
        diags,
        [
            "content/cases/alpha/index.md:2:8 file is saved as GBK (the older Chinese Windows encoding), not UTF-8"
        ],
        "only the file's own error, none on its translation or on the cases that link it"
    );
}

#[test]
fn a_files_own_errors_come_before_its_translations() {
    let site = Overlay::minimal().replace(
        "content/cases/alpha/index.md",
        "method: co-management",
        "method: co-managment",
    );
    let (code, diags) = check_json(site.root());
    assert_eq!(code, 1);
    assert!(
        diags
            .first()
            .is_some_and(|d| d.starts_with("content/cases/alpha/index.md:17:13 ")),
        "{diags:#?}"
    );
    assert!(
        !diags
            .iter()
            .any(|d| d.starts_with("content/cases/alpha/index.en.md")),
        "the correct translation is blamed: {diags:#?}"
    );
}

#[test]
fn an_unknown_theme_is_a_located_error_that_keeps_the_other_diagnostics() {
    let site = Overlay::minimal()
        .replace(
            "content/site.yaml",
            "vocabularies:",
            "theme: fancy\nvocabularies:",
        )
        .replace(
            "content/cases/alpha/index.md",
            "kind: rural",
            "kind: rurall",
        );
    let (code, diags) = check_json(site.root());
    assert_eq!(code, 1, "{diags:?}");
    assert!(
        diags.contains(&"content/site.yaml:8:8 theme `fancy` not found".to_owned()),
        "{diags:#?}"
    );
    assert!(
        diags
            .iter()
            .any(|d| d.contains("unknown kind key `rurall`")),
        "the content's diagnostics are kept: {diags:#?}"
    );
    let o = run(site.root(), &["check"], &[]);
    assert!(
        stderr(&o).contains("did you mean `default`?") || stderr(&o).contains("default"),
        "{}",
        stderr(&o)
    );
}

const PANIC_ENV: [(&str, &str); 1] = [("CASEBOOK_INJECT_PANIC", "1")];

#[test]
fn check_and_build_turn_a_panic_into_an_internal_error_and_write_nothing() {
    let site = Overlay::minimal();
    let out = site.root().join("public");
    let o = run(site.root(), &["build"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = common::read_site(&out);

    let site = site.replace(
        "content/cases/beta/index.md",
        "乙社区的故事",
        &format!("{} 乙社区的故事", casebook::fault::PANIC_MARKER),
    );
    for cmd in ["check", "build"] {
        let o = run(site.root(), &[cmd], &PANIC_ENV);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {err}");
        assert!(
            err.contains("internal error: injected panic for content/cases/beta/index.md"),
            "{err}"
        );
        assert!(err.contains("This is a bug in casebook"), "{err}");
    }
    assert_eq!(
        common::read_site(&out),
        before,
        "the output is exactly as it was"
    );
    let beside: Vec<String> = std::fs::read_dir(site.root())
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public.new"))
        .collect();
    assert!(beside.is_empty(), "half-written output left: {beside:?}");
}

/// The preview's current errors, as the terminal shows them.
fn errors(addr: &str) -> Vec<String> {
    let (_, body) = get(addr, "/__casebook/status");
    let v: serde_json::Value =
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
    v["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["text"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn a_panic_in_a_rebuild_keeps_the_preview_serving_and_the_next_save_rebuilds() {
    let site = Overlay::minimal();
    let (server, log) = serve(site.root(), &PANIC_ENV);
    let (status, page) = get(&server.addr, "/cases/beta/");
    assert_eq!(status, 200);
    assert!(page.contains("乙社区的故事"));

    let case = site.root().join("content/cases/beta/index.md");
    let text = read(&case);
    let marked = text.replace(
        "乙社区的故事",
        &format!("{} 新的故事", casebook::fault::PANIC_MARKER),
    );
    std::fs::write(&case, &marked).unwrap_or_else(|e| panic!("{e}"));
    // The overlay: the status every page polls and the live events carry.
    wait_for("the internal error in the overlay", || {
        errors(&server.addr).iter().any(|e| {
            e.contains("internal error")
                && e.contains("injected panic")
                && e.contains("content/cases/beta/index.md")
        })
    });
    // The terminal.
    let mut said = String::new();
    wait_for("the internal error in the terminal", || {
        said.extend(log.try_iter().map(|l| l + "\n"));
        said.contains("internal error: casebook failed while rebuilding after a change to content/cases/beta/index.md")
    });
    // The last good site, still served.
    let (status, page) = get(&server.addr, "/cases/beta/");
    assert_eq!(status, 200);
    assert!(page.contains("乙社区的故事") && !page.contains("新的故事"));

    // The next save rebuilds.
    std::fs::write(&case, text.replace("乙社区的故事", "修好后的故事"))
        .unwrap_or_else(|e| panic!("{e}"));
    wait_for("the fixed page", || {
        get(&server.addr, "/cases/beta/").1.contains("修好后的故事")
    });
    assert!(
        errors(&server.addr).is_empty(),
        "{:?}",
        errors(&server.addr)
    );
}

#[test]
fn a_photo_copied_into_its_case_folder_clears_the_missing_photo_error() {
    let site = Overlay::of("photos").replace(
        "content/cases/beta/index.md",
        "---\n",
        "---\nphotos:\n  - {before: later.png, after: later.png, alt_before: 稍后放入的照片, alt_after: 同一张}\n",
    );
    let (server, _log) = serve(site.root(), &[]);
    wait_for("the missing photo error", || {
        errors(&server.addr)
            .iter()
            .any(|e| e.contains("photo `later.png` is not in the case folder"))
    });
    let from: PathBuf = site.root().join("content/cases/alpha/small.png");
    std::fs::copy(&from, site.root().join("content/cases/beta/later.png"))
        .unwrap_or_else(|e| panic!("{e}"));
    wait_for("the error to clear once the photo is there", || {
        errors(&server.addr).is_empty()
    });
    let (status, page) = get(&server.addr, "/cases/beta/");
    assert_eq!(status, 200);
    assert!(page.contains("稍后放入的照片"), "the photo is shown");
}

#[test]
fn a_panic_in_the_first_build_still_starts_the_preview() {
    let site = Overlay::minimal().replace(
        "content/cases/beta/index.md",
        "乙社区的故事",
        &format!("{} 乙社区的故事", casebook::fault::PANIC_MARKER),
    );
    let (server, _log) = serve(site.root(), &PANIC_ENV);
    assert!(
        errors(&server.addr)
            .iter()
            .any(|e| e.contains("internal error") && e.contains("injected panic")),
        "{:?}",
        errors(&server.addr)
    );
    let _site = site.replace(
        "content/cases/beta/index.md",
        casebook::fault::PANIC_MARKER,
        "",
    );
    wait_for("the site once the file is saved again", || {
        get(&server.addr, "/cases/beta/").1.contains("乙社区的故事")
    });
    assert!(errors(&server.addr).is_empty());
}
