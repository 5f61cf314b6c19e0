//! Times the search index of a library alone, built and encoded several times in one process:
//! steadier than the search stage of one build, for work on the indexer. Reports wall time
//! and the CPU time of all threads (on a shared machine the wall time varies more).
//!
//!     cargo run --release --example search_index -- target/bench/corpus-10000 [runs]

use std::time::Instant;

use casebook::pipeline::{BuildOptions, Stages};
use casebook::watch::Plan;

// The allocator the binary uses (src/main.rs): the indexer allocates heavily.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// CPU time of the whole process so far, in seconds (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let root = args
        .next()
        .unwrap_or_else(|| "target/bench/corpus-10000".into());
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(7);
    let mut stages = Stages::once(BuildOptions::new(root));
    stages.update(&Plan::everything(), &mut Default::default())?;
    let Some(lib) = stages.library() else {
        return Err(std::io::Error::other("the library did not load"));
    };
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    for _ in 0..runs.max(1) {
        let (t, c) = (Instant::now(), cpu_seconds());
        let files = casebook::search::Index::files_of(lib);
        wall.push(t.elapsed().as_secs_f64());
        cpu.push(cpu_seconds() - c);
        std::hint::black_box(files);
    }
    let best = wall.iter().copied().fold(f64::INFINITY, f64::min);
    #[allow(clippy::print_stdout)]
    {
        println!(
            "{} cases: search index {:.0} ms median ({:.0} ms best) over {runs} runs, {:.0} ms CPU median",
            lib.cases.len(),
            median(&mut wall) * 1e3,
            best * 1e3,
            median(&mut cpu) * 1e3,
        );
    }
    Ok(())
}
