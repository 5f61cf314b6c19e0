//! `casebook new`: a new case is a draft in the site's default language that previews at once
//! (its empty fields count as not written yet, its problems are warnings in every command),
//! and `new translation` adds one language's file that inherits what it leaves empty.

mod common;

use std::path::Path;
use std::process::Output;

use common::{Overlay, get, read, serve, wait_for};

fn run(root: &Path, args: &[&str]) -> Output {
    common::casebook_in(root, args, &[])
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_new_case_is_one_draft_in_the_default_language_that_every_command_accepts() {
    let site = Overlay::minimal();
    let o = run(site.root(), &["new", "case", "xincun"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dir = site.root().join("content/cases/xincun");
    assert_eq!(
        common::files(&dir),
        ["index.md"],
        "only the default language's file"
    );
    let text = read(&dir.join("index.md"));
    // Written in the file's language (the minimal site's default language is Chinese).
    assert!(
        text.contains("## 背景") && text.contains("# 案例名称"),
        "{text}"
    );
    assert!(text.contains("draft: true"));

    let o = run(site.root(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let said = stderr(&o);
    assert!(said.contains("0 errors"), "{said}");
    assert!(
        said.contains(
            "warning: `methods` is empty (in a draft; fix it before the draft is published)"
        ),
        "{said}"
    );
    for (args, published) in [(&["build"][..], false), (&["build", "--drafts"][..], true)] {
        let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let out_dir = out.path().join("site");
        let mut args = args.to_vec();
        let out_arg = out_dir.to_string_lossy().into_owned();
        args.extend(["--out", &out_arg]);
        let o = run(site.root(), &args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let page = out_dir.join("cases/xincun/index.html");
        assert_eq!(page.exists(), published, "{args:?}");
        if published {
            let html = read(&page);
            assert!(
                html.contains("<h1") && html.contains("xincun</h1>"),
                "{html}"
            );
            // Placeholders left empty are not published as empty links or practices.
            assert!(
                !html.contains("href=\"https://\""),
                "empty source link published"
            );
        }
    }
}

#[test]
fn a_new_translation_inherits_what_it_leaves_empty() {
    let site = Overlay::minimal();
    assert!(
        run(site.root(), &["new", "case", "xincun"])
            .status
            .success()
    );
    let o = run(site.root(), &["new", "translation", "xincun", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = read(&site.root().join("content/cases/xincun/index.en.md"));
    assert!(
        text.contains("# The English version"),
        "written in English: {text}"
    );
    let o = run(site.root(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let built = common::build_in_memory_with_drafts(site.root());
    let page = built
        .get("en/cases/xincun/index.html")
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    // The empty title is inherited from the default language, marked, not an empty heading.
    assert!(page.contains("lang=\"zh-CN\">xincun</h1>"), "{page}");
}

#[test]
fn new_refuses_what_it_cannot_make_and_says_why() {
    let site = Overlay::minimal();
    let cases = [
        (
            &["new", "case", "Bad_Slug"][..],
            "`Bad_Slug` is not a valid slug",
        ),
        (
            &["new", "case", "alpha"][..],
            "a case called `alpha` already exists",
        ),
        (
            &["new", "course", "basics"][..],
            "a course called `basics` already exists",
        ),
        (
            &["new", "translation", "alpha"][..],
            "say which language to translate into",
        ),
        (
            &["new", "translation", "alpha", "fr"][..],
            "`fr` is not a translation language of this site",
        ),
        (
            &["new", "translation", "nope", "en"][..],
            "there is no case or course `nope` to translate",
        ),
        (
            &["new", "translation", "alpha", "en"][..],
            "content/cases/alpha/index.en.md already exists",
        ),
    ];
    for (args, says) in cases {
        let o = run(site.root(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    }
    let o = run(site.root(), &["new", "course", "peixun"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(site.root(), &["new", "translation", "peixun", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(site.root().join("content/courses/peixun.en.md").is_file());
    let o = run(site.root(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_case_made_while_the_preview_runs_is_served_at_once_without_errors() {
    let site = Overlay::minimal();
    let (server, _log) = serve(site.root(), &[]);
    assert_eq!(get(&server.addr, "/cases/alpha/").0, 200);
    let o = run(site.root(), &["new", "case", "xincun"]);
    assert!(o.status.success(), "{}", stderr(&o));
    wait_for("the new case's page", || {
        get(&server.addr, "/cases/xincun/").0 == 200
    });
    let (_, status) = get(&server.addr, "/__casebook/status");
    assert!(status.contains("\"errors\":[]"), "{status}");
    let (code, page) = get(&server.addr, "/cases/alpha/");
    assert_eq!(code, 200);
    assert!(!page.contains("xincun</h1>"));
    assert!(
        !page.contains("unfinished"),
        "a published case marks nothing"
    );
    // The draft marks what is still to write where it goes, and lists it at the top; the
    // template's guidance is a comment, never shown.
    let (_, draft) = get(&server.addr, "/cases/xincun/");
    let notice = draft
        .split("notice draft")
        .nth(1)
        .and_then(|n| n.split("</div>").next())
        .unwrap_or_else(|| panic!("no draft notice: {draft}"));
    for part in [
        "#summary",
        "#methods",
        "#practices",
        "#主要做法",
        "#成效",
        "#sources",
    ] {
        assert!(notice.contains(part), "{part} not listed: {notice}");
    }
    assert!(
        notice.contains("#背景"),
        "a section with only guidance is unwritten: {notice}"
    );
    assert_eq!(draft.matches("class=unfinished").count(), 5, "{draft}");
    assert!(draft.contains("draft-marks"));
    assert!(!draft.contains("面临哪些难题"));
}

#[test]
fn the_preview_shows_drafts_unless_told_not_to() {
    let site = Overlay::minimal();
    let (server, _log) = common::serve_with(site.root(), &["--drafts"], &[]);
    assert_eq!(get(&server.addr, "/cases/gamma/").0, 200);
    drop(server);
    let (server, _log) = common::serve_with(site.root(), &["--no-drafts"], &[]);
    assert_eq!(get(&server.addr, "/cases/gamma/").0, 404);
    assert_eq!(get(&server.addr, "/cases/alpha/").0, 200);
}

#[test]
fn list_prints_every_document_with_its_state_and_filters() {
    let site = Overlay::minimal();
    let list = |args: &[&str]| {
        let mut all = vec!["list", "--lang", "en"];
        all.extend_from_slice(args);
        let o = run(site.root(), &all);
        assert!(o.status.success(), "{}", stderr(&o));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let everything = list(&[]);
    let line = |slug: &str| {
        everything
            .lines()
            .find(|l| l.split_whitespace().nth(1) == Some(slug))
            .unwrap_or_else(|| panic!("no line for {slug}:\n{everything}"))
            .to_owned()
    };
    assert!(
        line("alpha").starts_with("case")
            && line("alpha").contains("published, 0 errors, 0 warnings")
    );
    assert!(line("beta").contains("en: no file yet"), "{}", line("beta"));
    assert!(line("gamma").contains("draft"), "{}", line("gamma"));
    assert!(line("basics").starts_with("course"));
    assert!(line("guide").starts_with("page"));
    let drafts = list(&["--drafts"]);
    assert_eq!(drafts.lines().count(), 1, "{drafts}");
    assert!(drafts.contains("gamma"));
    let untranslated = list(&["--untranslated", "en"]);
    assert!(
        untranslated.contains("beta") && !untranslated.contains(" alpha "),
        "{untranslated}"
    );
}
