//! Pages rendered from the minified templates say exactly what pages rendered from the
//! templates as written say: minify-html turns both into the same bytes, page by page, for the
//! demo library and the fixture sites.

mod common;

use casebook::output::{Memory, OutData, OutFile};
use casebook::pipeline::{self, BuildOptions};
use common::{fixture, repo};

fn build(root: &std::path::Path, minify: bool) -> Vec<OutFile> {
    let sink = Memory::default();
    let opts = BuildOptions {
        minify,
        photos: casebook::photos::Mode::Plan,
        ..BuildOptions::new(root)
    };
    let outcome = pipeline::build(&opts, &sink)
        .unwrap_or_else(|e| panic!("build of {} failed: {e}", root.display()));
    assert!(
        outcome.complete,
        "{}",
        outcome
            .diagnostics
            .render_human(false, casebook::i18n::Locale::En)
    );
    sink.into_files()
}

fn html(f: &OutFile) -> Option<&[u8]> {
    match &f.data {
        OutData::Bytes(b) if f.path.ends_with(".html") => Some(b),
        _ => None,
    }
}

fn same_meaning(root: &std::path::Path) {
    let minified = build(root, true);
    let written = build(root, false);
    let paths = |v: &[OutFile]| v.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&minified), paths(&written));
    let cfg = casebook::minify::html_cfg();
    let (mut small, mut large, mut pages) = (0, 0, 0);
    for (fa, fb) in minified.iter().zip(&written) {
        let (Some(a), Some(b)) = (html(fa), html(fb)) else {
            continue;
        };
        let (ma, mb) = (minify_html::minify(a, &cfg), minify_html::minify(b, &cfg));
        assert!(
            ma == mb,
            "{} differs once minified:\nfrom minified templates: {}\nfrom templates as written: {}",
            fa.path,
            String::from_utf8_lossy(&ma),
            String::from_utf8_lossy(&mb)
        );
        // What minify-html would still take out of a page rendered from minified templates
        // is a few bytes (quotes in tags that hold Tera), not the templates' indentation.
        assert!(
            a.len() <= ma.len() + ma.len() / 16,
            "{} is not minified: {} bytes, {} once minified",
            fa.path,
            a.len(),
            ma.len()
        );
        small += a.len();
        large += b.len();
        pages += 1;
    }
    assert!(pages > 10, "only {pages} pages compared");
    assert!(
        small < large,
        "minified templates made {small} bytes of pages, the templates as written {large}"
    );
}

#[test]
fn demo_library_pages_mean_the_same_minified() {
    same_meaning(&repo());
}

#[test]
fn fixture_pages_mean_the_same_minified() {
    for site in ["minimal", "search", "photos"] {
        same_meaning(&fixture(site));
    }
}
