//! Properties of every library, checked over generated libraries of many shapes: the build
//! succeeds, every local link and fragment of every page resolves, and the preview serves the
//! same bytes as `build` writes, before and after edits.

mod common;
mod library;

use std::collections::BTreeSet;

use casebook::pipeline::BuildOptions;
use casebook::serve::Builder;
use casebook::watch::{self, Plan};
use common::{Site, build_in_memory as build, check_links};
use library::{Shape, generate};

/// What the preview holds after `plan`: its files, and the photo outputs it would encode
/// on request.
fn preview(builder: &mut Builder, plan: &Plan) -> (Site, BTreeSet<String>) {
    let rebuilt = builder
        .rebuild(plan)
        .unwrap_or_else(|e| panic!("preview failed: {e}"));
    assert!(
        !rebuilt.diagnostics.has_errors(),
        "{}",
        rebuilt
            .diagnostics
            .render_human(false, casebook::i18n::Locale::En)
    );
    let lazy: BTreeSet<String> = rebuilt.lazy.keys().cloned().collect();
    let files = builder
        .finish_search()
        .or(rebuilt.files)
        .unwrap_or_else(|| panic!("the preview has no site"));
    let site = files
        .iter()
        .map(|(k, v)| {
            let bytes = v.bytes().unwrap_or_else(|e| panic!("{k}: {e}"));
            (k.clone(), bytes.into_owned())
        })
        .collect();
    (site, lazy)
}

/// The preview's site is the built site: the same paths (photos the preview has not encoded
/// yet count as there) and, for every file it holds, the same bytes.
fn assert_same(built: &Site, served: &(Site, BTreeSet<String>), when: &str) {
    let (files, lazy) = served;
    let paths: BTreeSet<&String> = files.keys().chain(lazy.iter()).collect();
    let want: BTreeSet<&String> = built.keys().collect();
    let missing: Vec<_> = want.difference(&paths).take(10).collect();
    let extra: Vec<_> = paths.difference(&want).take(10).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{when}: the preview lacks {missing:?} and has more: {extra:?}"
    );
    for (path, bytes) in files {
        assert!(
            built.get(path) == Some(bytes),
            "{when}: {path} differs between preview and build"
        );
    }
}

/// A change to a file's text.
type Edit = Box<dyn Fn(&str) -> String>;

/// The case text with the files of its first photo pair swapped.
fn swap_photos(t: &str) -> String {
    let lines: Vec<&str> = t.lines().collect();
    let Some(i) = lines.iter().position(|l| l.starts_with("  - before: ")) else {
        return t.to_owned();
    };
    let (before, after) = (
        &lines[i]["  - before: ".len()..],
        &lines[i + 1]["    after: ".len()..],
    );
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    out[i] = format!("  - before: {after}");
    out[i + 1] = format!("    after: {before}");
    out.join("\n") + "\n"
}

fn shapes() -> Vec<(&'static str, Shape)> {
    let base = Shape {
        cases: 1,
        page_size: 60,
        translate_every: 0,
        photos_every: 0,
        courses: 0,
        drafts: 0,
        seed: 1,
    };
    vec![
        ("one case", base),
        (
            "page size 1, every case translated, photos everywhere",
            Shape {
                cases: 9,
                page_size: 1,
                translate_every: 1,
                photos_every: 1,
                courses: 2,
                seed: 2,
                ..base
            },
        ),
        (
            "page size 2, some translated, drafts",
            Shape {
                cases: 23,
                page_size: 2,
                translate_every: 3,
                photos_every: 2,
                courses: 1,
                drafts: 3,
                seed: 3,
            },
        ),
        (
            "page size 7",
            Shape {
                cases: 61,
                page_size: 7,
                translate_every: 5,
                photos_every: 4,
                courses: 3,
                drafts: 1,
                seed: 4,
            },
        ),
        (
            "page size 50, several pages per method and term",
            Shape {
                cases: 240,
                page_size: 50,
                translate_every: 2,
                photos_every: 9,
                courses: 2,
                seed: 5,
                ..base
            },
        ),
    ]
}

#[test]
fn every_link_of_every_generated_library_resolves() {
    for (name, shape) in shapes() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        generate(shape, dir.path());
        let site = build(dir.path());
        let checked = check_links(&site);
        assert!(
            checked > shape.cases * 10,
            "{name}: only {checked} links checked"
        );
        // Later pages of lists exist and were checked too.
        if shape.cases > shape.page_size {
            assert!(
                site.contains_key("cases/page/2/index.html"),
                "{name}: no second library page"
            );
        }
    }
}

#[test]
fn a_large_library_with_long_lists_has_no_broken_link() {
    let shape = Shape {
        cases: 2000,
        page_size: 50,
        translate_every: 4,
        photos_every: 50,
        courses: 3,
        drafts: 2,
        seed: 6,
    };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    generate(shape, dir.path());
    let site = build(dir.path());
    for p in [
        "methods/co-decision/page/3/index.html",
        "en/methods/co-decision/page/3/index.html",
        "tags/党建引领/page/2/index.html",
    ] {
        assert!(site.contains_key(p), "{p} missing");
    }
    check_links(&site);
    open_data_lists_every_case(dir.path(), &site, shape.cases);
}

/// The open data of a library larger than one piece of its files (they are written piece by
/// piece): written to disk as built in memory, valid, every case once in each language.
fn open_data_lists_every_case(root: &std::path::Path, site: &Site, cases: usize) {
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = out.path().join("public");
    let built = casebook::pipeline::build_into(&BuildOptions::new(root), &out)
        .unwrap_or_else(|e| panic!("build failed: {e}"));
    assert!(built.complete);
    let pages: BTreeSet<String> = site
        .keys()
        .filter_map(|k| k.strip_prefix("cases/")?.strip_suffix("/index.html"))
        .filter(|s| !s.contains('/'))
        .map(str::to_owned)
        .collect();
    assert_eq!(pages.len(), cases);
    for prefix in ["", "en/"] {
        let json = format!("{prefix}data/cases.json");
        let csv = format!("{prefix}data/cases.csv");
        for f in [&json, &csv] {
            let on_disk = std::fs::read(out.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
            assert!(
                site.get(f) == Some(&on_disk),
                "{f} on disk differs from memory"
            );
        }
        let records: Vec<serde_json::Value> = serde_json::from_slice(&site[&json])
            .unwrap_or_else(|e| panic!("{json} is not JSON: {e}"));
        let slugs: BTreeSet<String> = records
            .iter()
            .filter_map(|r| r["slug"].as_str().map(str::to_owned))
            .collect();
        assert_eq!(records.len(), cases, "{json}");
        assert_eq!(slugs, pages, "{json}: every case once");
        let text = String::from_utf8_lossy(&site[&csv]).into_owned();
        let mut rows = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let slugs: Vec<String> = rows
            .records()
            .map(|r| r.unwrap_or_else(|e| panic!("{csv}: {e}"))[0].to_owned())
            .collect();
        assert_eq!(slugs.len(), cases, "{csv}");
        assert_eq!(slugs.into_iter().collect::<BTreeSet<_>>(), pages, "{csv}");
    }
}

#[test]
fn the_preview_serves_what_build_writes_before_and_after_edits() {
    for (name, shape) in shapes().into_iter().take(4) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path();
        generate(shape, root);
        let mut builder = Builder::new(BuildOptions {
            photos: casebook::photos::Mode::Plan,
            ..BuildOptions::new(root)
        });
        let everything = Plan::everything();
        assert_same(&build(root), &preview(&mut builder, &everything), name);

        // Edits the preview handles selectively: the narrative only, a listed field, a
        // translation, and a photo added to a case folder.
        let case = |i: usize| format!("content/cases/{}/index.md", library::slug(i));
        let last = shape.cases - 1;
        let edits: Vec<(String, Edit)> = vec![
            (
                case(0),
                Box::new(|t: &str| format!("{t}\n新增的一段话。\n")),
            ),
            (
                case(last),
                Box::new(|t: &str| t.replacen("title: ", "title: 改名", 1)),
            ),
            (
                case(last),
                Box::new(|t: &str| t.replacen("tags: [", "tags: [新标签, ", 1)),
            ),
            (
                case(0),
                Box::new(|t: &str| t.replacen("alt_before: 改造前的", "alt_before: 改动之前的", 1)),
            ),
            (case(0), Box::new(swap_photos)),
            (
                case(0),
                Box::new(|t: &str| t.replacen("updated: 20", "updated: 19", 1)),
            ),
        ];
        for (rel, edit) in &edits {
            let path = root.join(rel);
            let text = common::read(&path);
            std::fs::write(&path, edit(&text)).unwrap_or_else(|e| panic!("{e}"));
            let plan = watch::plan(root, [path.as_path()]);
            let served = preview(&mut builder, &plan);
            assert_same(
                &build(root),
                &served,
                &format!("{name}, after editing {rel}"),
            );
        }
    }
}
