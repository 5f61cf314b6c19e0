//! The browser stems a query exactly as the index does: the Snowball English stemmer in the
//! default theme's search.js and the one the index is built with give every word of an
//! English dictionary (`/usr/share/dict/words`, Debian's wamerican, about 100,000 words) the
//! same stem. A query for a form the library does not contain ("volunteers") then finds what
//! its stem finds.

mod common;

use std::collections::BTreeSet;
use std::process::Command;

use casebook::search::{Stems, normalize};

/// The words the tokenizer would cut the dictionary into, lower-cased and once each.
fn dictionary() -> Vec<String> {
    let path = std::path::Path::new("/usr/share/dict/words");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (install Debian's wamerican; tests/run does)",
            path.display()
        )
    });
    let words: BTreeSet<String> = normalize(&text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    words.into_iter().collect()
}

/// The stemmer of search.js, between its `stemmer: begin` and `stemmer: end` lines.
fn js_stemmer() -> String {
    let js = common::read(&common::repo().join("themes/default/static/search.js"));
    let (_, rest) = js
        .split_once("// stemmer: begin")
        .unwrap_or_else(|| panic!("search.js has no `// stemmer: begin` line"));
    let (block, _) = rest
        .split_once("// stemmer: end")
        .unwrap_or_else(|| panic!("search.js has no `// stemmer: end` line"));
    block.to_owned()
}

#[test]
fn search_js_stems_every_dictionary_word_as_the_index_does() {
    let words = dictionary();
    assert!(words.len() > 50_000, "only {} words", words.len());
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let list = dir.path().join("words.txt");
    std::fs::write(&list, words.join("\n")).unwrap_or_else(|e| panic!("{e}"));
    let script = dir.path().join("stem.js");
    let runner = format!(
        "{}\nconst fs = require('fs');\n\
         const words = fs.readFileSync(process.argv[2], 'utf8').split('\\n');\n\
         process.stdout.write(words.map(stemWord).join('\\n'));\n",
        js_stemmer()
    );
    std::fs::write(&script, runner).unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new("node")
        .arg(&script)
        .arg(&list)
        .output()
        .unwrap_or_else(|e| panic!("node: {e} (the browser tests need it too)"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let js = String::from_utf8_lossy(&out.stdout).into_owned();
    let js: Vec<&str> = js.split('\n').collect();
    assert_eq!(js.len(), words.len());

    let mut rust = Stems::new();
    let differ: Vec<String> = words
        .iter()
        .zip(&js)
        .filter_map(|(w, j)| {
            let r = rust.stem(w);
            (r != *j).then(|| format!("{w}: index {r}, search.js {j}"))
        })
        .collect();
    assert!(
        differ.is_empty(),
        "{} of {} words stem differently, such as:\n{}",
        differ.len(),
        words.len(),
        differ[..differ.len().min(20)].join("\n")
    );
}

#[test]
fn inflected_forms_find_their_stems() {
    let mut rust = Stems::new();
    for (form, base) in [
        ("volunteers", "volunteer"),
        ("councils", "council"),
        ("evaluated", "evaluation"),
        ("residents", "resident"),
    ] {
        let (a, b) = (rust.stem(form).to_owned(), rust.stem(base).to_owned());
        assert_eq!(a, b, "{form} and {base}");
    }
}
