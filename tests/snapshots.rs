//! Snapshot tests: rendered pages of the minimal fixture site, and the diagnostics of every
//! error fixture, exactly as editors see them.

mod common;

use casebook::pipeline::{self, BuildOptions};
use common::fixture;

struct Built {
    outcome: pipeline::Outcome,
    files: Vec<casebook::output::OutFile>,
}

fn build(root: &str) -> Built {
    build_at(&fixture(root))
}

fn build_at(root: &std::path::Path) -> Built {
    let sink = casebook::output::Memory::default();
    let opts = BuildOptions {
        minify: false,
        ..BuildOptions::new(root)
    };
    let outcome = pipeline::build(&opts, &sink)
        .unwrap_or_else(|e| panic!("build of {} failed: {e}", root.display()));
    Built {
        outcome,
        files: sink.into_files(),
    }
}

fn page(built: &Built, path: &str) -> String {
    assert!(
        built.outcome.complete,
        "{}",
        built
            .outcome
            .diagnostics
            .render_human(false, casebook::i18n::Locale::En)
    );
    let f = built
        .files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no page {path}"));
    match &f.data {
        casebook::output::OutData::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        casebook::output::OutData::Copy(_) => panic!("{path} is a copied file"),
    }
}

/// The `<main>` element only: the header and footer are the same on every page.
fn main_of(html: &str) -> String {
    let start = html.find("<main").unwrap_or(0);
    let end = html.find("</main>").map_or(html.len(), |i| i + 7);
    html[start..end]
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn minimal_case_page() {
    let o = build("minimal");
    insta::assert_snapshot!(main_of(&page(&o, "cases/alpha/index.html")));
}

#[test]
fn minimal_case_page_in_english_marks_fallbacks() {
    let o = build("minimal");
    // Beta has no English file: its title and narrative are shown in Chinese, each marked as
    // such on the element that holds it (not merely somewhere on the page, where the language
    // switch and hreflang links say zh-CN on every page).
    let html = common::canonical(&page(&o, "en/cases/beta/index.html"));
    assert!(
        html.contains("<h1 lang=zh-CN>乙社区</h1>"),
        "fallback title unmarked"
    );
    let body =
        regex_lite::Regex::new(r#"<div class="prose fallback" lang=zh-CN>(?s:.)*?乙社区的故事"#)
            .unwrap_or_else(|e| panic!("{e}"));
    assert!(body.is_match(&html), "fallback narrative unmarked");
    // Alpha has one: nothing of it is marked.
    let own = common::canonical(&page(&o, "en/cases/alpha/index.html"));
    assert!(
        own.contains("<h1>Village A</h1>"),
        "translated title marked as Chinese"
    );
    insta::assert_snapshot!(main_of(&page(&o, "en/cases/alpha/index.html")));
}

#[test]
fn minimal_head_metadata() {
    let o = build("minimal");
    let html = page(&o, "en/cases/alpha/index.html");
    let head = &html[..html.find("</head>").unwrap_or(html.len())];
    insta::assert_snapshot!(head);
}

#[test]
fn minimal_library_method_and_course_pages() {
    let o = build("minimal");
    insta::assert_snapshot!("library", main_of(&page(&o, "cases/index.html")));
    insta::assert_snapshot!(
        "method",
        main_of(&page(&o, "methods/co-management/index.html"))
    );
    insta::assert_snapshot!("course", main_of(&page(&o, "courses/basics/index.html")));
    insta::assert_snapshot!("matrix", main_of(&page(&o, "en/matrix/index.html")));
}

#[test]
fn minimal_feed_sitemap_and_open_data() {
    let o = build("minimal");
    insta::assert_snapshot!("atom", page(&o, "atom.xml"));
    insta::assert_snapshot!("sitemap", page(&o, "sitemap.xml"));
    insta::assert_snapshot!("csv", page(&o, "en/data/cases.csv"));
}

#[test]
fn error_diagnostics() {
    for name in [
        "yaml-syntax",
        "unknown-field",
        "unknown-key",
        "missing-field",
        "broken-link",
        "translation-mismatch",
        "no-front-matter",
        "bad-template",
    ] {
        let site = common::error_site(name);
        let o = build_at(site.root()).outcome;
        assert!(!o.complete, "{name} built");
        assert!(o.diagnostics.has_errors(), "{name} has no errors");
        insta::assert_snapshot!(
            format!("diagnostics_{name}"),
            o.diagnostics
                .render_human(false, casebook::i18n::Locale::En)
        );
        insta::assert_json_snapshot!(
            format!("json_{name}"),
            o.diagnostics.to_json(casebook::i18n::Locale::En)["diagnostics"]
                .as_array()
                .map(|a| a
                    .iter()
                    .map(|d| format!(
                        "{}:{}:{} {}",
                        d["file"].as_str().unwrap_or(""),
                        d["line"],
                        d["column"],
                        d["message"].as_str().unwrap_or("")
                    ))
                    .collect::<Vec<_>>())
        );
    }
}
