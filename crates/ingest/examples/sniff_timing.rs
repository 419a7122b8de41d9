//! Sniffs the first [`SNIFF_BYTES`] of one file natively, as the worker does
//! when a file is chosen, and prints the time per sniff, to find where the
//! step before the mapping goes (docs/ingest/speed.md#measuring).
//! Usage: `cargo run --release -p segscope-ingest --example sniff_timing -- FILE [RUNS]`.

use segscope_ingest::{sniff, SNIFF_BYTES};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: sniff_timing FILE [RUNS]");
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(20);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let prefix = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let started = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(sniff(&path, prefix, bytes.len() <= SNIFF_BYTES).expect("sniff"));
    }
    println!(
        "{:.2} ms per sniff",
        started.elapsed().as_secs_f64() * 1e3 / runs as f64
    );
}
