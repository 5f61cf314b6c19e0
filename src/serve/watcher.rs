//! Watching the sources (notify, debounced) for `serve` and `check --watch`: which changes
//! matter, folded into one plan.

use crate::watch::{self, Plan};
use notify_debouncer_full::notify::{self, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer, new_debouncer_opt};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// A live watcher (keep it alive) and the channel its debounced events arrive on.
pub type Watch = (Box<dyn std::any::Any>, mpsc::Receiver<DebounceEventResult>);

/// Watches content/, themes/ and templates/ of `root`, debounced, with OS notifications or by
/// polling (for network and container folders, where notifications do not arrive).
pub fn watch_sources(root: &Path, poll: bool) -> io::Result<Watch> {
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let debounce = Duration::from_millis(30);
    let watched: Vec<PathBuf> = ["content", "themes", "templates"]
        .iter()
        .map(|d| root.join(d))
        .filter(|p| p.is_dir())
        .collect();
    let watcher: Box<dyn std::any::Any> = if poll {
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(250));
        let mut d = new_debouncer_opt::<_, notify::PollWatcher, _>(
            debounce,
            None,
            tx,
            notify_debouncer_full::NoCache,
            config,
        )
        .map_err(io::Error::other)?;
        for p in &watched {
            d.watch(p, RecursiveMode::Recursive)
                .map_err(io::Error::other)?;
        }
        Box::new(d)
    } else {
        let mut d = new_debouncer(debounce, None, tx).map_err(io::Error::other)?;
        for p in &watched {
            d.watch(p, RecursiveMode::Recursive)
                .map_err(io::Error::other)?;
        }
        Box::new(d)
    };
    Ok((watcher, rx))
}

/// Waits for the next batch of changes that matter and returns its plan (`None` when the
/// watcher is gone). Batches already waiting are folded in.
pub fn next_change(rx: &mpsc::Receiver<DebounceEventResult>, root: &Path) -> Option<Plan> {
    loop {
        let first = rx.recv().ok()?;
        let mut paths: Vec<PathBuf> = Vec::new();
        for b in std::iter::once(first).chain(rx.try_iter()) {
            match b {
                // Reading a file is an event too (the rebuild reads every file): only changes count.
                Ok(evs) => paths.extend(
                    evs.into_iter()
                        .filter(|e| is_change(&e.event.kind))
                        .flat_map(|e| e.event.paths),
                ),
                Err(errs) => errs.iter().for_each(|e| eprintln!("watch error: {e}")),
            }
        }
        let plan = watch::plan(root, paths.iter().map(PathBuf::as_path));
        if !plan.is_empty() {
            return Some(plan);
        }
    }
}

pub(super) fn is_change(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    use notify::event::ModifyKind;
    match kind {
        EventKind::Access(_) | EventKind::Other => false,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Any | EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
    }
}

/// The absolute form of `root`, as file events name paths.
pub fn canonical(root: &Path) -> PathBuf {
    root.canonicalize().unwrap_or_else(|_| root.to_path_buf())
}
