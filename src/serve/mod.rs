//! `casebook serve`: builds the site into memory, serves it over HTTP, watches the sources,
//! rebuilds on save and tells open pages to reload (server-sent events). A failed rebuild
//! keeps the last good site and shows its diagnostics over every page.

// The preview reports its rebuilds on the terminal it was started from.
#![allow(clippy::print_stderr)]

use crate::diagnostics::Diagnostics;
use crate::i18n::{Locale, Text};
use crate::pipeline::BuildOptions;
use crate::t;
use crate::watch::Plan;
use axum::Router;
use axum::routing::get;
use notify_debouncer_full::DebounceEventResult;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, RwLock};
use std::time::Instant;
use tokio::sync::broadcast;

mod builder;
mod dashboard;
mod http;
mod lazy;
mod stored;
mod unshown;
mod watcher;

pub use builder::{Builder, Rebuilt};
pub use http::resolve;
pub use lazy::LazyPhoto;
pub use stored::Stored;
pub use watcher::{Watch, canonical, next_change, watch_sources};

use builder::*;
use http::*;
use stored::*;

/// Options of `casebook serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Address to bind.
    pub bind: IpAddr,
    /// Port (0 picks a free one).
    pub port: u16,
    /// Show drafts.
    pub drafts: bool,
    /// Poll the file system instead of using OS notifications (network and container folders).
    pub poll: bool,
    /// The language of diagnostics, in the terminal and the overlay.
    pub locale: Locale,
}

/// Runs the preview server until interrupted. Prints diagnostics like `check` does.
pub fn serve(opts: ServeOptions, color: bool, ready: impl FnOnce(SocketAddr)) -> io::Result<()> {
    // The port is taken before the first build, so a port in use is said at once.
    let listener = listen(&opts)?;
    let build_opts = BuildOptions {
        progress: None,
        photos: crate::photos::Mode::Plan,
        root: opts.root.clone(),
        drafts: opts.drafts,
        strict: false,
        overrides: Default::default(),
        minify: true,
    };
    let started = Instant::now();
    let (builder, first) = first_build(build_opts)?;
    print_diagnostics(&first.diagnostics, color, opts.locale);
    let site = Arc::new(RwLock::new(Site {
        files: first.files.unwrap_or_default(),
        lazy: first.lazy,
        generation: 1,
        errors: rendered(&first.diagnostics, opts.locale),
        dashboard: String::new(),
        unshown: Default::default(),
    }));
    remake_dashboard(
        &site,
        builder.stages.library(),
        &first.diagnostics,
        opts.locale,
    );
    let files = site.read().map(|s| s.files.len()).unwrap_or(0);
    let seconds = format!("{:.2}", started.elapsed().as_secs_f64());
    say(
        opts.locale,
        t!("serve-built", files = files, seconds = seconds),
    );

    let (events, _) = broadcast::channel(16);
    let state = AppState {
        site: site.clone(),
        events: events.clone(),
        locale: opts.locale,
    };

    // File events → one rebuild thread. Events that arrive during a rebuild wait in the
    // channel and are folded into the next one, so no save is lost.
    let (_watcher, rx) = watch_sources(&canonical(&opts.root), opts.poll)?;
    let root = canonical(&opts.root);
    let locale = opts.locale;
    std::thread::spawn(move || rebuild_loop(rx, builder, &root, &site, &events, (color, locale)));

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let app = Router::new()
            .route("/__casebook/live.js", get(live_js))
            .route("/__casebook/events", get(sse))
            .route("/__casebook/status", get(status))
            .route("/__casebook/", get(http::dashboard))
            .fallback(get(page))
            .with_state(state);
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let addr = listener.local_addr()?;
        ready(addr);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })
}

fn rebuild_loop(
    rx: mpsc::Receiver<DebounceEventResult>,
    mut builder: Builder,
    root: &Path,
    site: &RwLock<Site>,
    events: &broadcast::Sender<BuildEvent>,
    (color, locale): (bool, Locale),
) {
    while let Some(plan) = next_change(&rx, root) {
        let t = Instant::now();
        // A bug in a rebuild must not end the preview: the editor could not restart it.
        let result = match crate::fault::catch(|| builder.rebuild(&plan)) {
            Ok(r) => r.map_err(Failure::Io),
            Err(panic) => {
                // What the rebuild was changing may be half-made: start the kept stages anew.
                builder = Builder::new(builder.opts.clone());
                Err(Failure::Internal(
                    internal_error(&plan, &panic).in_locale(locale),
                ))
            }
        };
        let Ok(mut s) = site.write() else { return };
        s.generation += 1;
        let mut published = false;
        let mut diagnostics = None;
        let mut event = BuildEvent {
            generation: s.generation,
            errors: Vec::new(),
            page: None,
            css_only: plan.css_only,
            css: None,
            heading: String::new(),
        };
        match result {
            Ok(r) => {
                print_diagnostics(&r.diagnostics, color, locale);
                s.errors = rendered(&r.diagnostics, locale);
                diagnostics = Some(r.diagnostics);
                if let Some(files) = r.files {
                    published = true;
                    s.files = files;
                    s.lazy = r.lazy;
                    event.css = stylesheet(&s.files);
                    event.page = plan
                        .edited_case
                        .as_ref()
                        .and_then(|(slug, lang)| case_page(builder.stages.library(), slug, lang));
                }
                say(locale, rebuilt(&plan, t, s.errors.len()));
            }
            Err(Failure::Io(e)) => {
                let message =
                    t!("cli-io-error", detail = crate::i18n::io_text(&e, locale)).in_locale(locale);
                eprintln!("{message}");
                s.errors = vec![Shown::message(message)];
            }
            Err(Failure::Internal(message)) => {
                eprintln!("{message}");
                s.errors = vec![Shown::message(message)];
            }
        }
        event.errors = s.errors.clone();
        event.heading = overlay_heading(event.errors.len(), locale);
        drop(s);
        let _ = events.send(event);
        // The dashboard is remade once the pages have gone out, so it adds nothing to the
        // time from a save to the reload.
        if let Some(d) = diagnostics {
            remake_dashboard(site, builder.stages.library(), &d, locale);
        }
        // The search index of an edited case follows the reload.
        if published
            && let Some(files) = builder.finish_search()
            && let Ok(mut s) = site.write()
        {
            s.files = files;
        }
    }
}

/// Why a rebuild produced no site.
enum Failure {
    /// A file could not be read or written.
    Io(io::Error),
    /// casebook itself failed (a caught panic), with the message for the editor.
    Internal(String),
}

/// The message for a rebuild that panicked: what was being rebuilt, and what happens now.
fn internal_error(plan: &Plan, panic: &crate::fault::Panic) -> Text {
    t!(
        "serve-internal-error",
        what = changed(plan),
        message = &panic.message
    )
}

/// The terminal's line after a rebuild that began at `t`: what changed, how long it took,
/// and how many errors it found.
fn rebuilt(plan: &Plan, t: Instant, errors: usize) -> Text {
    let ms = format!("{:.0}", t.elapsed().as_secs_f64() * 1e3);
    let what = changed(plan);
    match errors {
        0 => t!("serve-rebuilt", what = what, ms = ms),
        n => t!(
            "serve-rebuilt-with-errors",
            what = what,
            ms = ms,
            errors = n
        ),
    }
}

/// What a change touched, for the terminal: the files, or the settings and theme.
fn changed(plan: &Plan) -> Text {
    if plan.content_files.is_empty() {
        return t!("serve-what-settings");
    }
    let mut files: Vec<String> = plan
        .content_files
        .iter()
        .map(|p| p.display().to_string().replace('\\', "/"))
        .collect();
    files.sort_unstable();
    files.dedup();
    t!("verbatim", text = files.join(", "))
}

/// The first build of the preview. Even a bug in it leaves a running preview that the next
/// save retries.
fn first_build(opts: BuildOptions) -> io::Result<(Builder, Rebuilt)> {
    let mut builder = Builder::new(opts.clone());
    let everything = Plan::everything();
    match crate::fault::catch(|| builder.rebuild(&everything)) {
        Ok(r) => Ok((builder, r?)),
        Err(panic) => {
            let mut diagnostics = Diagnostics::new();
            diagnostics.push(crate::diagnostics::Diagnostic::error(
                crate::diagnostics::Span::file_only("content"),
                internal_error(&everything, &panic),
            ));
            Ok((Builder::new(opts), Rebuilt::failed(diagnostics)))
        }
    }
}

/// The preview's socket, or an error that says which port is taken and what to do.
fn listen(opts: &ServeOptions) -> io::Result<std::net::TcpListener> {
    let listener =
        std::net::TcpListener::bind(SocketAddr::new(opts.bind, opts.port)).map_err(|e| {
            if e.kind() != io::ErrorKind::AddrInUse {
                return e;
            }
            let next = opts.port.saturating_add(1).to_string();
            let said = t!(
                "serve-port-in-use",
                port = opts.port.to_string(),
                next = next
            );
            io::Error::new(e.kind(), said.in_locale(opts.locale))
        })?;
    listener.set_nonblocking(true)?;
    Ok(listener)
}

/// Puts the dashboard of `lib` and its diagnostics into the served site, and the pages that
/// say why a document has no page at its address.
fn remake_dashboard(
    site: &RwLock<Site>,
    lib: Option<&crate::model::Library>,
    d: &Diagnostics,
    locale: Locale,
) {
    // Both pages are made from one list of the library's documents.
    let entries = lib.map(|l| crate::inventory::of(l, d)).unwrap_or_default();
    let page = dashboard::page(&entries, d, locale);
    let unshown = lib
        .map(|l| unshown::pages(l, &entries, d, locale))
        .unwrap_or_default();
    if let Ok(mut s) = site.write() {
        s.dashboard = page;
        s.unshown = unshown;
    }
}

/// The heading of the overlay over the last good page, in `locale`.
pub(super) fn overlay_heading(errors: usize, locale: Locale) -> String {
    t!("serve-overlay-heading", errors = errors).in_locale(locale)
}

/// Prints a message in `locale` on stderr.
fn say(locale: Locale, text: Text) {
    eprintln!("{}", text.in_locale(locale));
}

fn rendered(d: &Diagnostics, locale: Locale) -> Vec<Shown> {
    d.sorted()
        .into_iter()
        .filter(|x| x.severity == crate::diagnostics::Severity::Error)
        .map(|x| Shown::of(x, locale))
        .collect()
}

fn print_diagnostics(d: &Diagnostics, color: bool, locale: Locale) {
    if d.error_count() + d.warning_count() > 0 {
        eprintln!("{}", d.render_human(color, locale));
    }
}
