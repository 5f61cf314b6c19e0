//! Embeds `themes/default` in the binary, so `casebook` can build a site whose folder has no
//! copy of the theme (a new site, a test fixture). A site's own `themes/<name>/` wins.

// Cargo reads a build script's instructions from its standard output.
#![allow(clippy::print_stdout)]

use std::fmt::Write as _;
use std::path::Path;

fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, base, out);
        } else if let Ok(rel) = path.strip_prefix(base) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let base = Path::new(&manifest).join("themes/default");
    println!("cargo:rerun-if-changed=themes/default");
    let mut files = Vec::new();
    walk(&base, &base, &mut files);
    let mut code = String::from(
        "/// The default theme's files: path inside the theme, contents.\npub static DEFAULT_THEME: &[(&str, &[u8])] = &[\n",
    );
    for f in files {
        let _ = writeln!(
            code,
            "    ({f:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/themes/default/{f}\"))),"
        );
    }
    code.push_str("];\n");
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    if let Err(e) = std::fs::write(Path::new(&out).join("default_theme.rs"), code) {
        println!("cargo:warning=cannot write the embedded theme: {e}");
        std::process::exit(1);
    }
}
