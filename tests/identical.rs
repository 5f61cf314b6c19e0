//! Every file of the demo library, the fixtures and a generated library, as a list of paths
//! and content hashes: a change to the code that changes any byte of any page shows here,
//! so a reshaping of the code can show that users see nothing of it. Photos are listed by
//! path only (their encoders' output may differ by processor).

mod common;
mod library;

use std::fmt::Write as _;
use std::path::Path;

fn manifest(root: &Path) -> String {
    let mut out = String::new();
    for (path, bytes) in common::build_in_memory(root) {
        let _ = if path.starts_with("photos/") {
            writeln!(out, "{path}")
        } else {
            writeln!(out, "{path} {}", &blake3::hash(&bytes).to_hex()[..16])
        };
    }
    out
}

#[test]
fn demo_library() {
    insta::assert_snapshot!(manifest(&common::repo()));
}

#[test]
fn fixtures() {
    for name in ["minimal", "photos", "search"] {
        insta::assert_snapshot!(name, manifest(&common::fixture(name)));
    }
}

#[test]
fn generated_library() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    library::generate(
        library::Shape {
            cases: 30,
            page_size: 4,
            translate_every: 2,
            photos_every: 5,
            courses: 2,
            drafts: 1,
            seed: 7,
        },
        dir.path(),
    );
    insta::assert_snapshot!(manifest(dir.path()));
}
