//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (holds the demo library).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture site under tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// Runs the casebook binary.
pub fn casebook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(args)
        .env("NO_COLOR", "1")
        // Tests read messages in English; tests/i18n.rs reads them in Chinese too.
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .unwrap_or_else(|e| panic!("cannot run casebook: {e}"))
}

/// Runs the casebook binary on the site at `root` (`args`, then `--root <root>`), with `env`
/// set, messages in English.
pub fn casebook_in(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(args)
        .arg("--root")
        .arg(root)
        .envs(env.iter().copied())
        .env("NO_COLOR", "1")
        // Tests read messages in English; tests/i18n.rs reads them in Chinese too.
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .unwrap_or_else(|e| panic!("cannot run casebook: {e}"))
}

/// Every file under `dir`, as paths relative to it with `/` separators, sorted.
pub fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap_or(e.path())
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    v.sort();
    v
}

/// Reads a text file or fails the test with its path.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A page in one canonical spelling (minify-html's), so a test can look for an attribute
/// without caring how a template quoted it.
pub fn canonical(html: &str) -> String {
    let out = minify_html::minify(html.as_bytes(), &casebook::minify::html_cfg());
    String::from_utf8_lossy(&out).into_owned()
}

/// Copies the site at `from` to `to`, leaving out its photo cache.
pub fn copy_dir(from: &Path, to: &Path) {
    for f in files(from)
        .into_iter()
        .filter(|f| !f.starts_with(".casebook-cache"))
    {
        let dest = to.join(&f);
        std::fs::create_dir_all(dest.parent().unwrap_or(to)).unwrap_or_else(|e| panic!("{e}"));
        std::fs::copy(from.join(&f), dest).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// A built site as path → bytes, with `/` separators.
pub type Site = std::collections::BTreeMap<String, Vec<u8>>;

/// Every file under `dir`, read.
pub fn read_site(dir: &Path) -> Site {
    files(dir)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).unwrap_or_else(|e| panic!("{f}: {e}"));
            (f, bytes)
        })
        .collect()
}

/// The values of every `name=` attribute in `html`, however minify-html quoted them, with
/// `&amp;` decoded.
pub fn attributes(html: &str, name: &str) -> Vec<String> {
    let re = regex_lite::Regex::new(&format!(
        r#"[\s"']{name}=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))"#
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    re.captures_iter(html)
        .filter_map(|c| c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)))
        .map(|m| m.as_str().replace("&amp;", "&"))
        .collect()
}

/// Checks link closure: every local `href`, `src` and `srcset` of every HTML page (the 404
/// page aside, which hosts serve at any depth) resolves to a file of `site`, and every
/// `#fragment` to an `id` in its target. Returns how many links were checked; panics with
/// every broken one.
pub fn check_links(site: &Site) -> usize {
    let ids: std::collections::HashMap<&str, std::collections::HashSet<String>> = site
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| {
            let html = String::from_utf8_lossy(b);
            (p.as_str(), attributes(&html, "id").into_iter().collect())
        })
        .collect();
    let mut broken = Vec::new();
    let mut checked = 0;
    for (page, bytes) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        if page.ends_with("404.html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        let mut urls = attributes(&html, "href");
        urls.extend(attributes(&html, "src"));
        for set in attributes(&html, "srcset") {
            urls.extend(
                set.split(',')
                    .filter_map(|c| c.split_whitespace().next())
                    .map(str::to_owned),
            );
        }
        let dir = Path::new(page.as_str()).parent().unwrap_or(Path::new(""));
        for url in urls {
            let lower = url.to_ascii_lowercase();
            if ["https:", "http:", "mailto:", "data:", "tel:"]
                .iter()
                .any(|s| lower.starts_with(s))
            {
                continue;
            }
            checked += 1;
            if url.starts_with('/') {
                broken.push(format!("{page}: absolute link {url}"));
                continue;
            }
            let (path, fragment) = match url.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (url.as_str(), None),
            };
            let path = path.split('?').next().unwrap_or("");
            let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
            let target = if decoded.is_empty() {
                page.clone()
            } else {
                let mut t = normalize(&dir.join(decoded.as_ref()));
                if decoded.ends_with('/') || t.is_empty() {
                    t = if t.is_empty() {
                        "index.html".into()
                    } else {
                        format!("{t}/index.html")
                    };
                }
                t
            };
            if !site.contains_key(&target) {
                broken.push(format!("{page}: broken link {url} (no {target})"));
                continue;
            }
            if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                let f = percent_encoding::percent_decode_str(f).decode_utf8_lossy();
                if !ids
                    .get(target.as_str())
                    .is_some_and(|s| s.contains(f.as_ref()))
                {
                    broken.push(format!("{page}: no id `{f}` in {target} ({url})"));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{} broken links, such as:\n{}",
        broken.len(),
        broken[..broken.len().min(20)].join("\n")
    );
    checked
}

/// `a/b/../c` → `a/c`.
pub fn normalize(p: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

/// A site made from the minimal fixture plus changes: each test states only what differs.
pub struct Overlay {
    dir: tempfile::TempDir,
}

impl Overlay {
    /// A copy of the fixture `name`.
    pub fn of(name: &str) -> Overlay {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        copy_dir(&fixture(name), dir.path());
        Overlay { dir }
    }

    /// A copy of the minimal fixture.
    pub fn minimal() -> Overlay {
        Overlay::of("minimal")
    }

    /// The site's folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `text` to `rel` (creating folders).
    pub fn write(self, rel: &str, text: impl AsRef<[u8]>) -> Overlay {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap_or(self.dir.path()))
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&p, text).unwrap_or_else(|e| panic!("{rel}: {e}"));
        self
    }

    /// Replaces the first `from` in `rel` with `to`; fails when `from` is not there.
    pub fn replace(self, rel: &str, from: &str, to: &str) -> Overlay {
        let text = read(&self.dir.path().join(rel));
        assert!(text.contains(from), "{rel} has no `{from}`");
        let text = text.replacen(from, to, 1);
        self.write(rel, text)
    }

    /// Removes the file `rel`.
    pub fn remove(self, rel: &str) -> Overlay {
        std::fs::remove_file(self.dir.path().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        self
    }

    /// Copies a file from the repository (`rel_from`) into the site (`rel_to`).
    pub fn copy(self, rel_from: &str, rel_to: &str) -> Overlay {
        let bytes = std::fs::read(repo().join(rel_from)).unwrap_or_else(|e| panic!("{e}"));
        self.write(rel_to, bytes)
    }
}

/// The sites of the error snapshots: the minimal site with one kind of mistake each.
pub fn error_site(name: &str) -> Overlay {
    const ALPHA: &str = "content/cases/alpha/index.md";
    const BETA: &str = "content/cases/beta/index.md";
    let min = Overlay::minimal();
    match name {
        "yaml-syntax" => min.replace(
            ALPHA,
            "challenges: [no-one-manages]\n",
            "challenges: [no-one-manages\n  bad: : indentation\n",
        ),
        "unknown-field" => min
            .replace(ALPHA, "summary: 甲村", "sumary: 甲村")
            .replace(BETA, "methods:", "method:"),
        "unknown-key" => min
            .replace(
                ALPHA,
                "province: hubei}\nkind: rural",
                "province: hunan}\nkind: rurall",
            )
            .replace(ALPHA, "[no-one-manages]", "[no-one-manage]")
            .replace(ALPHA, "method: co-management", "method: co-managment"),
        "missing-field" => {
            min.replace(BETA, "title: 乙社区\n", "")
                .replace(BETA, "updated: 2021-05-01\n", "")
        }
        "broken-link" => min
            .replace(ALPHA, "(@/cases/beta)", "(@/cases/betta)")
            .replace(
                ALPHA,
                "## 做法\n\n",
                "## 做法\n\n![巷道](lane.jpg) [旧文件](notes.md)\n\n",
            )
            .replace(ALPHA, "(#background)", "(#backgroud)")
            .replace(ALPHA, "#five-changes)", "#five-change)"),
        "translation-mismatch" => min.replace(
            "content/cases/alpha/index.en.md",
            "figures:",
            "  - name: An extra practice\n    method: co-decision\nkind: urban\nfigures:",
        ),
        "no-front-matter" => min.write(BETA, "# 乙社区\n\n没有元数据。\n"),
        "bad-template" => min
            .copy("themes/default/templates/page.html", "templates/page.html")
            .replace("templates/page.html", "endblock main", "endblok main"),
        other => panic!("no error site `{other}`"),
    }
}

/// A running preview, ended when dropped.
pub struct Server {
    /// The process.
    pub child: std::process::Child,
    /// Its address (`127.0.0.1:port`).
    pub addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `casebook serve` on a free port for the site at `root`, with `env` set: the server,
/// and the lines it prints.
pub fn serve(root: &Path, env: &[(&str, &str)]) -> (Server, std::sync::mpsc::Receiver<String>) {
    serve_with(root, &[], env)
}

/// Like [`serve`], with more arguments for `casebook serve`.
pub fn serve_with(
    root: &Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> (Server, std::sync::mpsc::Receiver<String>) {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .args(args)
        .env("LC_ALL", "en_US.UTF-8")
        .envs(env.iter().copied())
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start casebook serve: {e}"));
    // Owned by the guard at once, so the process is ended however the test ends.
    let mut server = Server {
        child,
        addr: String::new(),
    };
    let err = server
        .child
        .stderr
        .take()
        .unwrap_or_else(|| panic!("no stderr"));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufRead::lines(std::io::BufReader::new(err)).map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let start = std::time::Instant::now();
    loop {
        let line = rx
            .recv_timeout(std::time::Duration::from_secs(30).saturating_sub(start.elapsed()))
            .unwrap_or_else(|_| panic!("serve did not start"));
        if let Some(rest) = line.strip_prefix("serving on http://") {
            server.addr = rest.split('/').next().unwrap_or("").to_owned();
            return (server, rx);
        }
    }
}

/// A plain HTTP/1.0 GET: status code and body.
pub fn get(addr: &str, path: &str) -> (u16, String) {
    let (status, _, body) = fetch(addr, path, "");
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// GET `path` with extra request header lines (each ending in CRLF): the status, the response
/// headers (lowercased) and the body's bytes as sent.
#[allow(dead_code)]
pub fn fetch(addr: &str, path: &str, headers: &str) -> (u16, String, Vec<u8>) {
    let mut s =
        std::net::TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect {addr}: {e}"));
    let _ = s.set_read_timeout(Some(std::time::Duration::from_secs(10)));
    std::io::Write::write_fmt(
        &mut s,
        format_args!("GET {path} HTTP/1.0\r\nHost: {addr}\r\n{headers}\r\n"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut buf = Vec::new();
    let _ = std::io::Read::read_to_end(&mut s, &mut buf);
    let split = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(buf.len());
    let head = String::from_utf8_lossy(&buf[..split]).to_lowercase();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = buf.get(split + 4..).unwrap_or_default().to_vec();
    (status, head, body)
}

/// Waits up to 20 s for `ok`, failing the test with `what`.
pub fn wait_for(what: &str, mut ok: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(20) {
        if ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("timed out waiting for {what}");
}

/// Builds the site at `root` in memory, as `build` would write it.
pub fn build_in_memory(root: &Path) -> Site {
    build_in_memory_as(casebook::pipeline::BuildOptions::new(root))
}

/// Builds the site at `root` in memory, drafts included.
pub fn build_in_memory_with_drafts(root: &Path) -> Site {
    build_in_memory_as(casebook::pipeline::BuildOptions {
        drafts: true,
        ..casebook::pipeline::BuildOptions::new(root)
    })
}

fn build_in_memory_as(opts: casebook::pipeline::BuildOptions) -> Site {
    let sink = casebook::output::Memory::default();
    let outcome =
        casebook::pipeline::build(&opts, &sink).unwrap_or_else(|e| panic!("build failed: {e}"));
    assert!(
        outcome.complete,
        "the generated library did not build:\n{}",
        outcome
            .diagnostics
            .render_human(false, casebook::i18n::Locale::En)
    );
    sink.into_files()
        .into_iter()
        .map(|f| {
            let bytes = match f.data {
                casebook::output::OutData::Bytes(b) => b,
                casebook::output::OutData::Copy(src) => std::fs::read(opts.root.join(&src))
                    .unwrap_or_else(|e| panic!("{} (copied from {}): {e}", f.path, src.display())),
            };
            (f.path, bytes)
        })
        .collect()
}
