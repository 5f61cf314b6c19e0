//! The preview's HTTP side (axum): the last good site served from memory, the reload script
//! added to pages, live reload over server-sent events, and the status the overlay reads.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::diagnostics::{Diagnostic, Quote, Severity};
use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, RwLock};
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use super::*;

pub(super) const LIVE_JS: &str = include_str!("live.js");

/// What the server serves: the last good build, and the errors of the latest one.
#[derive(Default)]
pub(super) struct Site {
    pub(super) files: Arc<HashMap<String, Stored>>,
    /// Photo files not encoded yet: made when first asked for.
    pub(super) lazy: Arc<HashMap<String, LazyPhoto>>,
    pub(super) generation: u64,
    pub(super) errors: Vec<Shown>,
    /// The editor's dashboard page (see [`super::dashboard`]).
    pub(super) dashboard: String,
    /// Per site file, why the document that belongs there has no page (see
    /// [`super::unshown`]).
    pub(super) unshown: HashMap<String, String>,
}

/// One error as the overlay shows it: in parts, so the page marks the problem in its quoted
/// line (see [`Quote`]), and whole, as the terminal shows it.
#[derive(Clone, Serialize)]
pub(super) struct Shown {
    /// `error: …` or `警告：…`, in the preview's language.
    pub(super) title: String,
    /// `file:line:column`, when the problem has a place.
    pub(super) location: Option<String>,
    pub(super) quote: Option<Quote>,
    pub(super) label: Option<String>,
    /// How to fix it, after its `help:` word.
    pub(super) hint: Option<String>,
    /// The whole, as the terminal shows it.
    pub(super) text: String,
}

impl Shown {
    pub(super) fn of(d: &Diagnostic, locale: Locale) -> Shown {
        let level = match d.severity {
            Severity::Error => t!("level-error"),
            Severity::Warning => t!("level-warning"),
        };
        Shown {
            title: format!(
                "{}: {}",
                level.in_locale(locale),
                d.message.in_locale(locale)
            ),
            location: d.span.path().map(|_| d.location()),
            quote: d.quote(),
            label: d.label.as_ref().map(|l| l.in_locale(locale)),
            hint: d.hint.as_ref().map(|h| {
                format!(
                    "{}: {}",
                    t!("level-help").in_locale(locale),
                    h.in_locale(locale)
                )
            }),
            text: d.render(false, locale),
        }
    }

    /// A failure that is not about a file (an IO error, a bug), said in one line.
    pub(super) fn message(text: String) -> Shown {
        Shown {
            title: text.clone(),
            location: None,
            quote: None,
            label: None,
            hint: None,
            text,
        }
    }
}

#[derive(Clone, Serialize)]
pub(super) struct BuildEvent {
    pub(super) generation: u64,
    pub(super) errors: Vec<Shown>,
    /// The page of the case just edited, to take the browser there.
    pub(super) page: Option<String>,
    pub(super) css_only: bool,
    /// New stylesheet URL, for a CSS-only change.
    pub(super) css: Option<String>,
    /// The overlay's heading, in the preview's language.
    pub(super) heading: String,
}

#[derive(Clone)]
pub(super) struct AppState {
    pub(super) site: Arc<RwLock<Site>>,
    pub(super) events: broadcast::Sender<BuildEvent>,
    /// The language of the overlay.
    pub(super) locale: crate::i18n::Locale,
}

pub(super) async fn live_js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        LIVE_JS,
    )
}

pub(super) async fn dashboard(State(state): State<AppState>) -> impl IntoResponse {
    let page = state
        .site
        .read()
        .map(|s| s.dashboard.clone())
        .unwrap_or_default();
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        page,
    )
}

pub(super) async fn status(State(state): State<AppState>) -> impl IntoResponse {
    let (generation, errors) = state
        .site
        .read()
        .map(|s| (s.generation, s.errors.clone()))
        .unwrap_or_default();
    let heading = overlay_heading(errors.len(), state.locale);
    let body =
        serde_json::json!({ "generation": generation, "errors": errors, "heading": heading })
            .to_string();
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
}

pub(super) async fn sse(
    State(state): State<AppState>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let stream = BroadcastStream::new(state.events.subscribe()).filter_map(|e| {
        let e = e.ok()?;
        Some(Ok(Event::default()
            .event("build")
            .data(serde_json::to_string(&e).unwrap_or_default())))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Maps a request path to a file of the site: `/cases/x/` → `cases/x/index.html`. Paths that
/// try to leave the site (`..`, encoded or not) map to nothing.
pub fn resolve(path: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s if s.contains('\\') || s.contains('\0') => return None,
            s => parts.push(s),
        }
    }
    let mut p = parts.join("/");
    if p.is_empty() || decoded.ends_with('/') {
        if !p.is_empty() {
            p.push('/');
        }
        p.push_str("index.html");
    }
    Some(p)
}

pub(super) fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Puts the reload script into an HTML page: the built files never contain it.
pub(super) fn inject(html: &[u8]) -> Vec<u8> {
    let tag = b"<script src=\"/__casebook/live.js\" defer></script>";
    let pos = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..pos]);
    out.extend_from_slice(tag);
    out.extend_from_slice(&html[pos..]);
    out
}

pub(super) async fn page(State(state): State<AppState>, uri: Uri, headers: HeaderMap) -> Response {
    // A photo not encoded yet is made now, off the async threads (the lock is not held).
    let lazy = resolve(uri.path()).and_then(|p| {
        state
            .site
            .read()
            .ok()
            .and_then(|s| s.lazy.get(&p).cloned())
            .map(|l| (p, l))
    });
    if let Some((path, photo)) = lazy {
        let locale = state.locale;
        return match tokio::task::spawn_blocking(move || photo.make(locale)).await {
            Ok(Ok(bytes)) => {
                let mut res = Response::new(Body::from(bytes));
                res.headers_mut().insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(content_type(&path)),
                );
                res.headers_mut()
                    .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                res
            }
            Ok(Err(e)) => {
                let text = crate::i18n::io_text(&e, locale);
                (StatusCode::INTERNAL_SERVER_ERROR, text).into_response()
            }
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        };
    }
    let Ok(site) = state.site.read() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let found = resolve(uri.path()).and_then(|p| {
        let hit = site.files.get(&p).map(|b| (p.clone(), b.clone()));
        // `/cases/x` without the slash: serve the folder's index.
        hit.or_else(|| {
            site.files
                .get(&format!("{p}/index.html"))
                .map(|b| (format!("{p}/index.html"), b.clone()))
        })
    });
    if found.is_none()
        && let Some(why) = resolve(uri.path()).and_then(|p| site.unshown.get(&p))
    {
        return no_page_yet(why);
    }
    let (status, path, bytes) = match found {
        Some((p, b)) => (StatusCode::OK, p, b),
        None => match site.files.get("404.html") {
            Some(b) => (StatusCode::NOT_FOUND, "404.html".to_owned(), b.clone()),
            None => return (StatusCode::NOT_FOUND, "not found").into_response(),
        },
    };
    drop(site);
    let ct = content_type(&path);
    let (body, gzip) = match body_of(&bytes, ct, accepts_gzip(&headers)) {
        Ok(b) => b,
        Err(e) => {
            let text = crate::i18n::io_text(&e, state.locale);
            return (StatusCode::INTERNAL_SERVER_ERROR, text).into_response();
        }
    };
    let mut res = Response::new(body);
    *res.status_mut() = status;
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if gzip {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    res
}

/// The answer at the address of a document its errors keep out of the site: why (see
/// [`super::unshown`]), with the reload script, so the page shows once it is fixed.
fn no_page_yet(why: &str) -> Response {
    let mut res = Response::new(Body::from(inject(why.as_bytes())));
    *res.status_mut() = StatusCode::NOT_FOUND;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// The body of a response, and whether it is gzip-compressed: a page gets the reload script,
/// so it is sent as built; other files go as kept when the browser accepts gzip.
fn body_of(file: &Stored, ct: &str, gzip_ok: bool) -> std::io::Result<(Body, bool)> {
    if ct.starts_with("text/html") {
        return Ok((Body::from(inject(&file.bytes()?)), false));
    }
    match file.gzipped() {
        Some(z) if gzip_ok => Ok((Body::from(z), true)),
        Some(_) => Ok((Body::from(file.bytes()?.into_owned()), false)),
        None => Ok((Body::from(file.kept()), false)),
    }
}

/// Whether the request's `Accept-Encoding` allows gzip (and does not refuse it with `q=0`).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or("");
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_folders_and_refuses_to_leave_the_site() {
        assert_eq!(resolve("/").as_deref(), Some("index.html"));
        assert_eq!(resolve("/cases/x/").as_deref(), Some("cases/x/index.html"));
        assert_eq!(
            resolve("/assets/style.css").as_deref(),
            Some("assets/style.css")
        );
        assert_eq!(
            resolve("/tags/%E5%85%9A%E5%BB%BA/").as_deref(),
            Some("tags/党建/index.html")
        );
        assert_eq!(resolve("/../etc/passwd"), None);
        assert_eq!(resolve("/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve("/cases/%2E%2E/%2E%2E/x"), None);
        assert_eq!(resolve("/a%5c..%5cb"), None);
        // An escape that is not one is kept as written (no file is called so).
        assert_eq!(resolve("/bad%zz").as_deref(), Some("bad%zz"));
        assert_eq!(resolve("/%ff"), None);
    }

    #[test]
    fn gzip_is_sent_only_to_browsers_that_accept_it() {
        let with = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(
                header::ACCEPT_ENCODING,
                HeaderValue::from_str(v).unwrap_or_else(|_| HeaderValue::from_static("")),
            );
            accepts_gzip(&h)
        };
        assert!(with("gzip, deflate, br, zstd"));
        assert!(with("br;q=1.0, GZIP;q=0.5"));
        assert!(with("*"));
        assert!(!with("br"));
        assert!(!with("gzip;q=0, br"));
        assert!(!accepts_gzip(&HeaderMap::new()));
        let css = Stored::new(
            "assets/style.css",
            "body { color: red }\n".repeat(100).into_bytes(),
        );
        let (_, gz) =
            body_of(&css, content_type("assets/style.css"), true).unwrap_or_else(|e| panic!("{e}"));
        assert!(gz);
        let (_, gz) = body_of(&css, content_type("assets/style.css"), false)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!gz);
    }

    #[test]
    fn injects_the_reload_script_before_body_end() {
        let out =
            String::from_utf8(inject(b"<html><body><p>x</p></body></html>")).unwrap_or_default();
        assert_eq!(
            out,
            "<html><body><p>x</p><script src=\"/__casebook/live.js\" defer></script></body></html>"
        );
    }
}
