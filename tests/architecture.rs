//! The invariants of ARCHITECTURE.md that are absences, checked on the source: which modules
//! may touch the file system, print, or read the clock and the environment. Clippy's lints
//! (Cargo.toml) forbid `unwrap`, `expect` and printing everywhere else; this test says where
//! the exceptions may be, so a new one is a decision, not an accident.

mod common;

/// A module's code without its `#[cfg(test)]` part (tests may do anything).
fn code_of(path: &std::path::Path) -> String {
    let text = common::read(path);
    text.split("#[cfg(test)]").next().unwrap_or("").to_owned()
}

/// Every module under src/, by its path from src/, with its code.
fn modules() -> Vec<(String, String)> {
    let src = common::repo().join("src");
    common::files(&src)
        .into_iter()
        .filter(|f| f.ends_with(".rs"))
        .map(|f| {
            let code = code_of(&src.join(&f));
            (f, code)
        })
        .collect()
}

/// Modules whose code contains any of `needles`, outside those `allowed` (a folder name
/// ending in `/` allows everything under it).
fn offenders(needles: &[&str], allowed: &[&str]) -> Vec<String> {
    modules()
        .into_iter()
        .filter(|(f, _)| {
            !allowed
                .iter()
                .any(|a| f == a || (a.ends_with('/') && f.starts_with(a)))
        })
        .filter_map(|(f, code)| {
            let hits: Vec<&str> = needles
                .iter()
                .copied()
                .filter(|n| code.contains(n))
                .collect();
            (!hits.is_empty()).then(|| format!("src/{f}: {}", hits.join(", ")))
        })
        .collect()
}

#[test]
fn only_the_io_modules_touch_the_file_system() {
    let found = offenders(
        &[
            "std::fs",
            "fs::",
            "File::",
            "read_dir",
            "WalkDir",
            ".exists()",
            ".is_dir()",
            ".is_file()",
            "canonicalize",
            "metadata(",
        ],
        &[
            "load.rs",
            "theme/",
            "photos/",
            "output.rs",
            "bundle.rs",
            "serve/",
            "main.rs",
            "cmd/",
        ],
    );
    assert!(
        found.is_empty(),
        "file system access outside the IO modules (ARCHITECTURE.md):\n{}",
        found.join("\n")
    );
}

#[test]
fn only_section_knows_where_content_files_are() {
    let found = offenders(
        &[
            "\"content/cases",
            "\"content/methods",
            "\"content/courses",
            "\"content/pages",
            "\"content\", \"cases\"",
            "\"content\", \"methods\"",
            "\"content\", \"courses\"",
            "\"content\", \"pages\"",
        ],
        &["section.rs", "schema/tests.rs", "search/tests.rs"],
    );
    assert!(
        found.is_empty(),
        "content paths written outside section.rs (ARCHITECTURE.md):\n{}",
        found.join("\n")
    );
}

#[test]
fn only_the_command_line_and_the_preview_print() {
    let found = offenders(
        &[
            "println!",
            "eprintln!",
            "print!(",
            "eprint!(",
            "dbg!(",
            "std::io::stdout",
            "std::io::stderr()",
        ],
        &["main.rs", "cmd/", "serve/"],
    );
    assert!(
        found.is_empty(),
        "printing outside the command line (main.rs, cmd/) and serve/:\n{}",
        found.join("\n")
    );
    let bars = offenders(&["indicatif"], &["main.rs", "cmd/"]);
    assert!(
        bars.is_empty(),
        "progress drawn outside the command line:\n{}",
        bars.join("\n")
    );
}

#[test]
fn only_the_command_line_reads_the_clock_and_the_preview_and_fault_the_environment() {
    let clock = offenders(
        &[
            "Timestamp::now",
            "Zoned::now",
            "SystemTime::now",
            "chrono::",
        ],
        &["main.rs", "cmd/"],
    );
    assert!(
        clock.is_empty(),
        "the clock read outside the command line (main.rs, cmd/):\n{}",
        clock.join("\n")
    );
    let env = offenders(
        &["env::var", "env::args"],
        &["main.rs", "cmd/", "serve/", "fault.rs"],
    );
    // The pipeline's timings and the photo stage's thread count are not settings a stage
    // decides on: they come in through options.
    assert!(
        env.is_empty(),
        "environment read outside main.rs, serve/ and fault.rs:\n{}",
        env.join("\n")
    );
}

#[test]
fn the_search_client_reads_the_index_format_the_build_writes() {
    let js = common::read(&common::repo().join("themes/default/static/search.js"));
    let re = regex_lite::Regex::new(r"var FORMAT = (\d+);").unwrap_or_else(|e| panic!("{e}"));
    let client: Option<u32> = re
        .captures(&js)
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().parse().ok());
    assert_eq!(
        client,
        Some(casebook::search::FORMAT),
        "search.js and src/search/ disagree on the index format: change them together"
    );
    // The client builds a result's address only from what the index says.
    assert!(
        !js.contains("\"cases/\""),
        "search.js spells a case address itself"
    );
}

#[test]
fn every_module_says_what_it_is_for() {
    let missing: Vec<String> = modules()
        .into_iter()
        .filter(|(_, code)| !code.trim_start().starts_with("//!"))
        .map(|(f, _)| format!("src/{f}"))
        .collect();
    assert!(
        missing.is_empty(),
        "modules without a `//!` opening line:\n{}",
        missing.join("\n")
    );
}

/// Every function of `code` longer than `limit` lines, by name with its length. A function
/// starts at a line holding `fn name(` that does not end in `;`, and ends at the first line
/// that closes a brace at the indentation it opened at (rustfmt's layout).
fn long_functions(code: &str, limit: usize) -> Vec<(String, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let Some(at) = trimmed.find("fn ") else {
            continue;
        };
        let head = &trimmed[..at];
        let is_item = head.is_empty()
            || head
                .split_whitespace()
                .all(|w| w.starts_with("pub") || ["const", "async", "unsafe"].contains(&w));
        if !is_item || line.trim_end().ends_with(';') {
            continue;
        }
        let name: String = trimmed[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let indent = &line[..line.len() - trimmed.len()];
        let close = format!("{indent}}}");
        let end = lines[i + 1..]
            .iter()
            .position(|l| l.trim_end() == close)
            .map_or(lines.len(), |k| i + 1 + k);
        let len = end - i + 1;
        if len > limit {
            out.push((name, len));
        }
    }
    out
}

/// Functions that were long before the rule and are still to be cut up, with the length
/// each had when listed. The list only shrinks: a listed function may not grow, one shortened
/// below the limit must leave it, and no other may join.
const LONG_FUNCTIONS: &[(&str, &str, usize)] = &[];

#[test]
fn functions_fit_on_a_screen() {
    const LIMIT: usize = 80;
    let mut found = Vec::new();
    let src = common::repo().join("src");
    // Test modules are tests, held to what tests are held to.
    let code_files = common::files(&src)
        .into_iter()
        .filter(|f| f.ends_with(".rs") && !f.ends_with("tests.rs"));
    for f in code_files {
        let code = code_of(&src.join(&f));
        for (name, len) in long_functions(&code, LIMIT) {
            found.push((f.clone(), name, len));
        }
    }
    let listed = |f: &str, n: &str| LONG_FUNCTIONS.iter().find(|(g, m, _)| *g == f && *m == n);
    let new: Vec<String> = found
        .iter()
        .filter(|(f, n, len)| listed(f, n).is_none_or(|(_, _, was)| len > was))
        .map(|(f, n, len)| format!("src/{f}: {n} ({len} lines)"))
        .collect();
    assert!(
        new.is_empty(),
        "functions over {LIMIT} lines, or listed ones grown; cut them into steps of one purpose each:\n{}",
        new.join("\n")
    );
    let done: Vec<String> = LONG_FUNCTIONS
        .iter()
        .filter(|(f, n, _)| !found.iter().any(|(g, m, _)| g == f && m == n))
        .map(|(f, n, _)| format!("src/{f}: {n}"))
        .collect();
    assert!(
        done.is_empty(),
        "now short enough: remove from LONG_FUNCTIONS:\n{}",
        done.join("\n")
    );
}

#[test]
fn the_function_length_check_finds_a_long_function() {
    let body = "    let x = 1;\n".repeat(90);
    let code = format!(
        "/// Doc.\npub(crate) fn long(a: u8) -> u8 {{\n{body}    a\n}}\n\nfn short() {{}}\n"
    );
    assert_eq!(long_functions(&code, 80), vec![("long".to_owned(), 93)]);
}
