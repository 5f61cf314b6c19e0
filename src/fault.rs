//! The panic barrier: a bug in casebook becomes an internal error with a message, never a
//! dead process or a dead preview. Also the hook tests use to cause such a bug on purpose.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::load::Sources;

/// What a caught panic said.
#[derive(Debug, Clone)]
pub struct Panic {
    /// The panic's message (its location is printed by the panic hook as it happens).
    pub message: String,
}

/// Runs `f`, turning a panic in it (or in any rayon task it waits for) into an error.
///
/// Unwind safety is asserted: every caller drops or rebuilds whatever `f` was changing when
/// it panicked (the preview starts its kept stages afresh, `build` discards its staging
/// folder).
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, Panic> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_owned());
        Panic { message }
    })
}

/// The text that, in any Markdown file, makes a debug build panic after loading when
/// `CASEBOOK_INJECT_PANIC=1` is set: the only way to test the barrier end to end, since a
/// real bug, once found, is fixed. Release builds have no such hook.
pub const PANIC_MARKER: &str = "casebook-inject-panic";

/// Panics if the test hook asks for it (see [`PANIC_MARKER`]).
pub fn injected(sources: &Sources) {
    if cfg!(debug_assertions)
        && std::env::var_os("CASEBOOK_INJECT_PANIC").is_some_and(|v| v == "1")
        && let Some(f) = sources
            .markdown
            .iter()
            .find(|f| f.text.contains(PANIC_MARKER))
    {
        panic!("injected panic for {}", f.path.display());
    }
}
