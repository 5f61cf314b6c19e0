//! Fuzzing with proptest: case files made from a seed corpus (the demo's cases and the
//! editors' mistakes in `tests/fuzz/seeds/`) and mutated the ways editors' files go wrong —
//! tabs, full-width punctuation, curly quotes, BOM and CRLF, cut-off text, stray bytes, deep
//! nesting, YAML anchors — are run through decoding, the content stage, the search index and
//! rendering; arbitrary byte ranges over multi-byte text are run through the diagnostics
//! renderer. Nothing may panic, and every diagnostic must render.
//!
//! `cargo test --test fuzz` runs a short round (CI); a long run sets the number of cases, for
//! example `CASEBOOK_FUZZ_CASES=20000 cargo test --release --test fuzz` (see README).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use casebook::config::Config;
use casebook::content::{self, ContentOptions};
use casebook::diagnostics::{Diagnostic, Diagnostics, SourceText};
use casebook::load::{self, Sources};
use casebook::output::Discard;
use casebook::render::{RenderOptions, Renderer};
use proptest::prelude::*;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Cases per property: a short round unless `CASEBOOK_FUZZ_CASES` says otherwise.
fn cases(default: u32) -> u32 {
    std::env::var("CASEBOOK_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The seed corpus: every case file of the demo library and of the minimal fixture, and the
/// mistakes collected in tests/fuzz/seeds/.
fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut out = Vec::new();
        for dir in [
            "content",
            "tests/fixtures/minimal/content",
            "tests/fuzz/seeds",
        ] {
            for e in walkdir::WalkDir::new(repo().join(dir))
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
            {
                out.push(std::fs::read(e.path()).unwrap_or_else(|err| panic!("{err}")));
            }
        }
        assert!(out.len() > 20, "seed corpus too small: {}", out.len());
        out
    })
}

/// The minimal fixture's site settings and a renderer made from the built-in theme, shared by
/// every case (compiling the theme is the slow part).
fn site() -> &'static (SourceText, Config, Renderer) {
    static SITE: OnceLock<(SourceText, Config, Renderer)> = OnceLock::new();
    SITE.get_or_init(|| {
        let rel = Path::new("content/site.yaml");
        let text = std::fs::read_to_string(repo().join("tests/fixtures/minimal").join(rel))
            .unwrap_or_else(|e| panic!("{e}"));
        let source = SourceText::new(rel, text);
        let mut d = Diagnostics::new();
        let config = Config::parse(&source, &mut d).unwrap_or_else(|| panic!("{d:?}"));
        let theme = casebook::theme::load(Path::new("/nonexistent"), &config, &mut d)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("no built-in theme"));
        let renderer = Renderer::new(&theme, &config, &mut d).unwrap_or_else(|| panic!("{d:?}"));
        (source, config, renderer)
    })
}

/// One way an editor's file goes wrong. Positions are taken modulo the text's length and
/// moved to a character boundary.
#[derive(Debug, Clone)]
enum Mutation {
    /// A tab in place of the two spaces that start a line.
    Tab(usize),
    /// An ASCII punctuation mark typed with a Chinese input method.
    FullWidth(usize),
    /// Text inserted (any characters, tabs and line ends included).
    Insert(usize, String),
    /// Raw bytes inserted (often not UTF-8).
    Bytes(usize, Vec<u8>),
    /// The text cut off.
    Truncate(usize),
    /// A line repeated (duplicate keys).
    DupLine(usize),
    /// A line removed.
    DropLine(usize),
    /// A byte-order mark in front.
    Bom,
    /// Windows line ends.
    Crlf,
    /// A deeply nested value.
    Nest(usize, u8),
    /// An anchor and an alias.
    Anchor(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Tab),
        any::<usize>().prop_map(Mutation::FullWidth),
        (any::<usize>(), "[\\PC\t\r\n：，“”「」]{0,12}").prop_map(|(p, s)| Mutation::Insert(p, s)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..6))
            .prop_map(|(p, b)| Mutation::Bytes(p, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        any::<usize>().prop_map(Mutation::DupLine),
        any::<usize>().prop_map(Mutation::DropLine),
        Just(Mutation::Bom),
        Just(Mutation::Crlf),
        (any::<usize>(), 1u8..120).prop_map(|(p, d)| Mutation::Nest(p, d)),
        any::<usize>().prop_map(Mutation::Anchor),
    ]
}

/// Byte offset of the start of line `n` (modulo the line count).
fn line_start(t: &[u8], n: usize) -> usize {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            t.iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .filter(|&i| i < t.len())
        .collect();
    if starts.is_empty() {
        0
    } else {
        starts[n % starts.len()]
    }
}

fn line_end(t: &[u8], start: usize) -> usize {
    t[start..]
        .iter()
        .position(|b| *b == b'\n')
        .map_or(t.len(), |i| start + i + 1)
}

/// A position in `t` that does not split a UTF-8 sequence (where `t` is UTF-8 there).
fn at(t: &[u8], p: usize) -> usize {
    let mut i = p % (t.len() + 1);
    while i > 0 && i < t.len() && (t[i] & 0xC0) == 0x80 {
        i -= 1;
    }
    i
}

fn apply(mut t: Vec<u8>, m: &Mutation) -> Vec<u8> {
    match m {
        Mutation::Tab(n) => {
            let s = line_start(&t, *n);
            if t[s..].starts_with(b"  ") {
                t.splice(s..s + 2, [b'\t']);
            } else {
                t.insert(s, b'\t');
            }
        }
        Mutation::FullWidth(p) => {
            let from: &[(u8, &str)] = &[
                (b':', "："),
                (b',', "，"),
                (b'"', "“"),
                (b'\'', "”"),
                (b'[', "【"),
                (b'-', "－"),
            ];
            let i = at(&t, *p);
            if let Some(j) = t[i..].iter().position(|b| from.iter().any(|(c, _)| c == b)) {
                let c = t[i + j];
                let to = from.iter().find(|(x, _)| *x == c).map_or("：", |(_, s)| *s);
                t.splice(i + j..i + j + 1, to.bytes());
            }
        }
        Mutation::Insert(p, s) => {
            let i = at(&t, *p);
            t.splice(i..i, s.bytes());
        }
        Mutation::Bytes(p, b) => {
            let i = p % (t.len() + 1);
            t.splice(i..i, b.iter().copied());
        }
        Mutation::Truncate(p) => t.truncate(p % (t.len() + 1)),
        Mutation::DupLine(n) => {
            let s = line_start(&t, *n);
            let line = t[s..line_end(&t, s)].to_vec();
            t.splice(s..s, line);
        }
        Mutation::DropLine(n) => {
            let s = line_start(&t, *n);
            let e = line_end(&t, s);
            t.drain(s..e);
        }
        Mutation::Bom => t.splice(0..0, [0xEF, 0xBB, 0xBF]).for_each(drop),
        Mutation::Crlf => {
            t = t
                .iter()
                .flat_map(|&b| {
                    if b == b'\n' {
                        vec![b'\r', b'\n']
                    } else {
                        vec![b]
                    }
                })
                .collect();
        }
        Mutation::Nest(n, d) => {
            let s = line_start(&t, *n);
            let d = usize::from(*d);
            let v = format!("x{n}: {}深{}\n", "[".repeat(d), "]".repeat(d));
            t.splice(s..s, v.bytes());
        }
        Mutation::Anchor(n) => {
            let s = line_start(&t, *n);
            t.splice(s..s, b"a: &a [\xe6\x9d\x91, *a]\nb: *a\n".iter().copied());
        }
    }
    t
}

/// Every diagnostic renders, for the terminal and as JSON, and points inside its file.
fn render_all(d: &Diagnostics) {
    let human = d.render_human(false, casebook::i18n::Locale::En);
    assert!(
        human.ends_with("warnings") || human.ends_with("warning"),
        "{human}"
    );
    let json = d.to_json(casebook::i18n::Locale::En);
    for item in json["diagnostics"].as_array().into_iter().flatten() {
        assert!(item["line"].as_u64().unwrap_or(0) >= 1, "{item}");
        assert!(item["column"].as_u64().unwrap_or(0) >= 1, "{item}");
    }
}

/// Runs the content stage (and, when it succeeds, search and render) over `files`.
fn run(files: Vec<(&str, Vec<u8>)>) {
    let (site, config, renderer) = site();
    let mut sources = Sources {
        root: PathBuf::from("/nonexistent"),
        site: Some(site.clone()),
        ..Sources::default()
    };
    for (rel, bytes) in files {
        match load::decode(Path::new(rel), bytes) {
            Ok(s) => sources.markdown.push(s),
            Err(d) => sources.unreadable.push((PathBuf::from(rel), d)),
        }
    }
    sources.markdown.sort_by(|a, b| a.path.cmp(&b.path));
    let mut d = Diagnostics::new();
    let lib = content::parse(
        &sources,
        &ContentOptions {
            drafts: true,
            ..ContentOptions::default()
        },
        &mut d,
    );
    render_all(&d);
    if let Some(lib) = lib.filter(|_| !d.has_errors()) {
        assert_eq!(lib.config.languages.len(), config.languages.len());
        let _ = casebook::search::Index::files_of(&lib);
        let mut rd = Diagnostics::new();
        renderer
            .render(
                &lib,
                &Default::default(),
                &RenderOptions { minify: true },
                &Discard::default(),
                &mut rd,
            )
            .unwrap_or_else(|e| panic!("render: {e}"));
        render_all(&rd);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(160), ..ProptestConfig::default() })]

    /// A mutated case file, with a mutated translation beside it and a sound case that links
    /// to it, never makes the content stage, search or render panic.
    #[test]
    fn mutated_case_files_never_panic(
        seed in any::<prop::sample::Index>(),
        en_seed in any::<prop::sample::Index>(),
        muts in prop::collection::vec(mutation(), 0..8),
        en_muts in prop::collection::vec(mutation(), 0..3),
    ) {
        let seeds = seeds();
        let zh = muts.iter().fold(seed.get(seeds).clone(), apply);
        let en = en_muts.iter().fold(en_seed.get(seeds).clone(), apply);
        let sound = std::fs::read(repo().join("tests/fixtures/minimal/content/cases/beta/index.md"))
            .unwrap_or_else(|e| panic!("{e}"));
        let mut linking = sound.clone();
        linking.extend_from_slice("\n[甲](@/cases/alpha#background)\n".as_bytes());
        run(vec![
            ("content/cases/alpha/index.md", zh),
            ("content/cases/alpha/index.en.md", en),
            ("content/cases/beta/index.md", linking),
        ]);
    }

    /// Any byte range over any text — Chinese, tabs, CRLF — points at a well-formed place and
    /// renders.
    #[test]
    fn diagnostics_render_for_any_range(
        text in "[a-z柏林寺村：，“” \t\r\n-]{0,200}",
        start in any::<usize>(),
        len in any::<usize>(),
        line in 0usize..40,
        column in 0usize..60,
    ) {
        let src = SourceText::new("content/cases/a/index.md", text.clone());
        let n = text.len() + 8;
        let (s, l) = (start % n, len % n);
        for span in [src.span(s..s.saturating_add(l)), src.span(s..s / 2), src.span_at(line, column, l), src.whole()] {
            let d = Diagnostic::error(span, casebook::t!("verbatim", text = "消息"))
                .label(casebook::t!("verbatim", text = "标签"))
                .hint(casebook::t!("verbatim", text = "提示"));
            let out = d.render(false, casebook::i18n::Locale::En);
            prop_assert!(out.contains("消息"));
            prop_assert!(d.span.line >= 1 && d.span.column >= 1);
        }
    }
}

/// The seeds themselves, unmutated, each alone and beside every other as its translation.
#[test]
fn every_seed_as_a_case_and_as_a_translation() {
    let seeds = seeds();
    for (i, zh) in seeds.iter().enumerate() {
        let en = &seeds[(i + 1) % seeds.len()];
        run(vec![
            ("content/cases/alpha/index.md", zh.clone()),
            ("content/cases/alpha/index.en.md", en.clone()),
        ]);
    }
}
