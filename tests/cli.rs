//! End-to-end runs of the `casebook` binary: exit codes, atomic output, drafts, base URL, and
//! links that work from `file://`.

mod common;

use common::{casebook, files, fixture, read, repo};

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs the binary with `args` as given (no `--root` added) and `env` (say, the language).
fn run_with(args: &[&std::ffi::OsStr], env: &[(&str, &str)]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(args)
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .output()
        .unwrap_or_else(|e| panic!("cannot run casebook: {e}"))
}

#[test]
fn demo_library_checks_with_no_errors_and_no_warnings() {
    let o = casebook(&["check", "--root", repo().to_str().unwrap_or(".")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).trim().is_empty(),
        "expected no diagnostics, got:\n{}",
        stderr(&o)
    );
    let o = casebook(&[
        "check",
        "--root",
        repo().to_str().unwrap_or("."),
        "--format",
        "json",
    ]);
    let v: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("bad JSON: {e}"));
    assert_eq!(v["errors"], 0);
    assert_eq!(v["warnings"], 0);
}

#[test]
fn build_writes_every_page_type_in_both_languages() {
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let o = casebook(&[
        "build",
        "--root",
        repo().to_str().unwrap_or("."),
        "--out",
        out.path().to_str().unwrap_or(""),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    for prefix in ["", "en/"] {
        for page in [
            "index.html",
            "cases/index.html",
            "cases/bailinsi/index.html",
            "cases/shiqiao/index.html",
            "cases/caodian/index.html",
            "cases/zengcuoan/index.html",
            "cases/mudan/index.html",
            "methods/index.html",
            "methods/co-decision/index.html",
            "methods/co-sharing/index.html",
            "practices/index.html",
            "matrix/index.html",
            "provinces/hubei/index.html",
            "kinds/rural/index.html",
            "roles/reference/index.html",
            "challenges/no-money/index.html",
            "changes/governance/index.html",
            "tags/index.html",
            "courses/joint-creation-basics/index.html",
            "guide/index.html",
            "about/index.html",
            "404.html",
            "atom.xml",
            "data/cases.json",
            "data/cases.csv",
        ] {
            let p = out.path().join(format!("{prefix}{page}"));
            assert!(p.is_file(), "missing {}", p.display());
        }
    }
    for f in ["sitemap.xml", "robots.txt"] {
        assert!(out.path().join(f).is_file(), "missing {f}");
    }
    // Every photo output has data and decodes (two cases share one photo: its outputs are
    // written once).
    let photos = files(&out.path().join("photos"));
    assert!(photos.len() >= 48, "{photos:?}");
    for f in &photos {
        let path = out.path().join("photos").join(f);
        assert!(
            std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) > 0,
            "{f} is empty"
        );
        image::image_dimensions(&path).unwrap_or_else(|e| panic!("{f} does not decode: {e}"));
    }
    let json: serde_json::Value =
        serde_json::from_str(&read(&out.path().join("data/cases.json"))).unwrap_or_default();
    assert_eq!(json.as_array().map(Vec::len), Some(5));
    let sitemap = read(&out.path().join("sitemap.xml"));
    assert!(
        sitemap.contains(r#"hreflang="en" href="https://casebook.netlify.app/en/cases/bailinsi/""#),
        "{sitemap}"
    );
}

#[test]
fn content_errors_exit_1_and_leave_the_previous_output_untouched() {
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out_dir = out.path().join("site");
    let good = casebook(&[
        "build",
        "--root",
        fixture("minimal").to_str().unwrap_or(""),
        "--out",
        out_dir.to_str().unwrap_or(""),
    ]);
    assert!(good.status.success(), "{}", stderr(&good));
    let before = files(&out_dir);
    let index_before = read(&out_dir.join("cases/alpha/index.html"));

    let site = common::error_site("unknown-key");
    let bad = casebook(&[
        "build",
        "--root",
        site.root().to_str().unwrap_or(""),
        "--out",
        out_dir.to_str().unwrap_or(""),
    ]);
    assert_eq!(bad.status.code(), Some(1), "{}", stderr(&bad));
    assert!(
        stderr(&bad).contains("content/cases/alpha/index.md:5:7"),
        "{}",
        stderr(&bad)
    );
    assert_eq!(files(&out_dir), before);
    assert_eq!(read(&out_dir.join("cases/alpha/index.html")), index_before);
    // No staging folders are left beside the output.
    let siblings: Vec<String> = files(out.path())
        .into_iter()
        .filter(|f| !f.starts_with("site/"))
        .collect();
    assert!(siblings.is_empty(), "{siblings:?}");
}

#[test]
fn an_output_folder_that_would_lose_files_is_refused_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = tmp.path().join("site");
    common::copy_dir(&fixture("minimal"), &root);
    let sources = files(&root);
    let letter = tmp.path().join("稿子.txt");
    std::fs::write(&letter, "重要的稿子").unwrap_or_else(|e| panic!("{e}"));
    let notes = tmp.path().join("notes");
    std::fs::create_dir(&notes).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(notes.join("a.md"), "笔记").unwrap_or_else(|e| panic!("{e}"));
    let build_into = |out: &std::path::Path| {
        common::casebook_in(&root, &["build", "--out", out.to_str().unwrap_or("")], &[])
    };
    for (out, says) in [
        (root.join("content"), "inside content/ or themes/"),
        (
            root.join("content/cases/public"),
            "inside content/ or themes/",
        ),
        (root.join("themes"), "inside content/ or themes/"),
        (root.clone(), "the site folder is inside it"),
        (tmp.path().to_path_buf(), "the site folder is inside it"),
        (letter.clone(), "it is an existing file"),
        (notes.clone(), "is not a site casebook built"),
    ] {
        let o = build_into(&out);
        assert_eq!(o.status.code(), Some(2), "{out:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{out:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("--out public"), "{}", stderr(&o));
    }
    // Nothing was touched: the sources, the file, the folder, and nothing left beside them.
    assert_eq!(files(&root), sources);
    assert_eq!(read(&letter), "重要的稿子");
    assert_eq!(files(&notes), vec!["a.md".to_owned()]);
    assert_eq!(files(tmp.path()).len(), sources.len() + 2);
    // A new folder, an empty one and a site casebook built are fine.
    let fresh = tmp.path().join("out");
    assert!(build_into(&fresh).status.success());
    assert!(build_into(&fresh).status.success(), "a rebuild");
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(empty.join(".gitkeep"), "").unwrap_or_else(|e| panic!("{e}"));
    assert!(build_into(&empty).status.success());
}

#[test]
fn template_errors_exit_1_and_name_the_template_line() {
    let site = common::error_site("bad-template");
    let o = casebook(&["check", "--root", site.root().to_str().unwrap_or("")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("templates/page.html:17:4"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(
        casebook(&["build", "--no-such-flag"]).status.code(),
        Some(2)
    );
    let empty = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let o = casebook(&["build", "--root", empty.path().to_str().unwrap_or("")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no content/ folder"), "{}", stderr(&o));
}

/// A mistyped command, option or value is said in the user's language, with what to type.
#[test]
fn usage_errors_say_in_the_users_language_what_to_type() {
    let zh = [("LC_ALL", "zh_CN.UTF-8")];
    let cases: [(&[&str], &str); 6] = [
        (
            &["buld"],
            "错误：casebook 没有 `buld` 这个命令\n是不是想写 `build`？\n运行 `casebook --help`",
        ),
        (
            &["build", "--outt", "x"],
            "错误：`--outt` 不是这个命令的选项\n是不是想写 `--out`？",
        ),
        (
            &["check", "--zzz"],
            "错误：`--zzz` 不是这个命令的选项\n运行 `casebook --help`",
        ),
        (
            &["new", "case"],
            "错误：缺少 <SLUG>：请写在命令后面，格式是 `casebook new",
        ),
        (
            &["new", "cas", "x"],
            "错误：`<WHAT>` 不能写成 `cas`，只能写其中之一：case, course, translation",
        ),
        (
            &["serve", "--port", "八"],
            "错误：`--port <PORT>` 不能写成 `八`",
        ),
    ];
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
        run_with(&args, env)
    };
    for (args, said) in cases {
        let o = run(args, &zh);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(said), "{args:?}: {}", stderr(&o));
    }
    let o = run(&["buld"], &[("LC_ALL", "en_US.UTF-8")]);
    assert!(
        stderr(&o).contains("error: casebook has no command `buld`\ndid you mean `build`?"),
        "{}",
        stderr(&o)
    );
}

/// A folder that cannot be made for the output is named, with what is wrong, in the user's
/// language.
#[test]
fn an_output_folder_that_cannot_be_made_is_named_with_why() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = tmp.path().join("notes.txt");
    std::fs::write(&file, "x").unwrap_or_else(|e| panic!("{e}"));
    let out = file.join("site");
    let site = fixture("minimal");
    let args = [
        "build".as_ref(),
        "--root".as_ref(),
        site.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ];
    let o = run_with(&args, &[("LC_ALL", "zh_CN.UTF-8")]);
    assert_eq!(o.status.code(), Some(2));
    let said = format!("{}：路径中的一部分是文件，不是文件夹", file.display());
    assert!(stderr(&o).contains(&said), "{}", stderr(&o));
}

#[test]
fn drafts_are_published_only_with_the_flag() {
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = fixture("minimal");
    let o = casebook(&[
        "build",
        "--root",
        root.to_str().unwrap_or(""),
        "--out",
        out.path().join("a").to_str().unwrap_or(""),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!out.path().join("a/cases/gamma/index.html").exists());
    let o = casebook(&[
        "build",
        "--root",
        root.to_str().unwrap_or(""),
        "--drafts",
        "--out",
        out.path().join("b").to_str().unwrap_or(""),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = common::canonical(&read(&out.path().join("b/cases/gamma/index.html")));
    // The notice itself, not the word 草稿 (the draft's own title has it).
    assert!(
        page.contains("草稿：此案例尚未发布，仅在预览中可见。"),
        "draft notice missing"
    );
    let published = read(&out.path().join("b/cases/alpha/index.html"));
    assert!(
        !published.contains("此案例尚未发布"),
        "a published case shows the draft notice"
    );
}

#[test]
fn base_url_sets_canonical_feed_and_sitemap_only() {
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let o = casebook(&[
        "build",
        "--root",
        fixture("minimal").to_str().unwrap_or(""),
        "--base-url",
        "https://deploy-preview-7.example.net/",
        "--out",
        out.path().to_str().unwrap_or(""),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out.path().join("cases/alpha/index.html"));
    assert!(
        page.contains(
            r#"<link rel="canonical" href="https://deploy-preview-7.example.net/cases/alpha/">"#
        ),
        "{page}"
    );
    assert!(
        page.contains(r#"href="../../cases/beta/index.html""#),
        "internal links stay relative"
    );
    assert!(
        read(&out.path().join("atom.xml"))
            .contains("https://deploy-preview-7.example.net/cases/alpha/")
    );
    assert!(
        read(&out.path().join("sitemap.xml"))
            .contains("<loc>https://deploy-preview-7.example.net/en/cases/alpha/</loc>")
    );
}

/// Every `href`/`src` of every page is relative and points at a file that exists, so the
/// site works opened from a folder (`file://`) and under any sub-path.
#[test]
fn every_internal_link_is_relative_and_resolves() {
    for root in [repo(), fixture("minimal"), fixture("photos")] {
        let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let o = casebook(&[
            "build",
            "--root",
            root.to_str().unwrap_or(""),
            "--out",
            out.path().to_str().unwrap_or(""),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let checked = common::check_links(&common::read_site(out.path()));
        assert!(checked > 100, "only {checked} links checked");
    }
}

/// The inode of a file, to tell a file left in place from one written anew.
#[cfg(unix)]
fn inode(path: &std::path::Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .ino()
}

#[cfg(unix)]
#[test]
fn rebuilds_write_into_the_replaced_site_and_match_a_fresh_build() {
    let site = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    common::copy_dir(&fixture("photos"), site.path());
    let out = site.path().join("public");
    let build = |out: &std::path::Path| {
        let o = casebook(&[
            "build",
            "--root",
            site.path().to_str().unwrap_or(""),
            "--out",
            out.to_str().unwrap_or(""),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    };
    // A case the first two builds have and the third does not.
    let extra = site.path().join("content/cases/delta");
    std::fs::create_dir_all(&extra).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        extra.join("index.md"),
        "---\ntitle: 丁村\nsummary: 丁村的概述。\nplace: {village: 丁村, province: hubei}\nkind: rural\nrole: pilot\nupdated: 2020-01-01\ntags: [丁村独有]\nmethods:\n  co-decision: 村民议事\n---\n丁村的故事。\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    build(&out);
    let page = "cases/alpha/index.html";
    let first = inode(&out.join(page));
    assert!(out.join("cases/delta/index.html").exists());
    let photo = files(&out)
        .into_iter()
        .find(|f| f.starts_with("photos/") && f.ends_with(".jpg"))
        .unwrap_or_else(|| panic!("no photo in the output"));
    let photo_bytes = std::fs::read(out.join(&photo)).unwrap_or_else(|e| panic!("{e}"));
    // The second build keeps the first site beside the output; the third writes into it.
    build(&out);
    let prev = site.path().join(".public.prev");
    assert!(prev.join(page).exists(), "the replaced site is kept");
    // An edit and a removed case between the second and third builds.
    let case = site.path().join("content/cases/alpha/index.md");
    let text = read(&case).replacen("title: ", "title: 新 ", 1);
    std::fs::write(&case, text).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_dir_all(&extra).unwrap_or_else(|e| panic!("{e}"));
    build(&out);

    let fresh = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    build(&fresh.path().join("public"));
    let fresh = fresh.path().join("public");
    assert_eq!(files(&out), files(&fresh), "same files as a fresh build");
    for f in files(&fresh) {
        assert!(
            std::fs::read(out.join(&f)).ok() == std::fs::read(fresh.join(&f)).ok(),
            "{f} differs from a fresh build"
        );
    }
    // What only the recycled site had is gone: the case's pages and its tag's folder.
    assert!(!out.join("cases/delta").exists());
    assert!(!files(&out).iter().any(|f| f.contains("丁村独有")));
    // The page was rewritten in place: the first build's file, with the new title.
    assert_eq!(inode(&out.join(page)), first);
    assert!(read(&out.join(page)).contains("新 "));
    // Photos linked from the cache were replaced, never written through: the cache still
    // holds what the first build linked.
    let now = std::fs::read(out.join(&photo))
        .unwrap_or_else(|e| panic!("{photo} is gone from the rebuilt site: {e}"));
    assert_eq!(now, photo_bytes);
    let cached: Vec<String> = files(&site.path().join(".casebook-cache"))
        .into_iter()
        .filter(|f| f.ends_with(".jpg") || f.ends_with(".webp"))
        .collect();
    assert!(!cached.is_empty());
    for f in cached {
        let len = std::fs::metadata(site.path().join(".casebook-cache").join(&f))
            .map(|m| m.len())
            .unwrap_or(0);
        assert!(len > 0, "cache file {f} was emptied");
    }
    // Beside the output: only the site the last build replaced.
    let beside: Vec<String> = std::fs::read_dir(site.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public"))
        .collect();
    assert_eq!(beside, [".public.prev"]);
}

#[test]
fn strict_turns_warnings_of_published_files_into_errors_but_not_a_drafts() {
    // A link from the site's root is a warning; the minimal site also has a draft with gaps.
    let site = common::Overlay::minimal().replace(
        "content/cases/alpha/index.md",
        "(@/cases/beta)",
        "(/cases/beta/)",
    );
    let root = site.root().to_str().unwrap_or("");
    let o = casebook(&["check", "--root", root]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning: link `/cases/beta/` starts at the site's root"));
    let o = casebook(&["check", "--strict", "--root", root]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("error: link `/cases/beta/` starts at the site's root"));
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out_dir = out.path().join("site");
    let out_arg = out_dir.to_str().unwrap_or("");
    let o = casebook(&["build", "--strict", "--root", root, "--out", out_arg]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        !out_dir.exists(),
        "a strict build with a warning publishes nothing"
    );
    // Without the warning, the draft's own gaps do not stop a strict build.
    let clean = common::Overlay::minimal().write(
        "content/cases/delta/index.md",
        "---\ntitle: 丁村\nsummary: \"\"\ndraft: true\n---\n",
    );
    let root = clean.root().to_str().unwrap_or("");
    let o = casebook(&["build", "--strict", "--root", root, "--out", out_arg]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("(in a draft; fix it before the draft is published)"));
}

#[test]
fn a_port_in_use_is_said_before_building_with_the_port_to_try() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
    let port = taken
        .local_addr()
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("{e}"))
        .to_string();
    let root = fixture("minimal");
    let o = casebook(&[
        "serve",
        "--root",
        root.to_str().unwrap_or(""),
        "--port",
        &port,
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let said = stderr(&o);
    assert!(
        said.contains(&format!("port {port} is already in use")) && said.contains("--port "),
        "{said}"
    );
    assert!(!said.contains("built "), "said only after building: {said}");
}

#[test]
fn a_case_that_fails_adds_no_error_to_the_course_translation_teaching_it() {
    let site = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for dir in ["content", "themes"] {
        common::copy_dir(&common::repo().join(dir), &site.path().join(dir));
    }
    let case = site.path().join("content/cases/bailinsi/index.md");
    let text = common::read(&case).replacen(
        "uncertain:\n",
        "uncertain:\n  - text：“七里坪”\n    why: 由译文推断\n",
        1,
    );
    std::fs::write(&case, text).unwrap_or_else(|e| panic!("{e}"));
    let root = site.path().to_str().unwrap_or("");
    let o = casebook(&["check", "--lang", "en", "--root", root]);
    let err = stderr(&o);
    assert!(err.contains("full-width colon"), "{err}");
    assert!(
        err.contains("1 error, 0 warnings"),
        "only the case's own error: {err}"
    );
}
