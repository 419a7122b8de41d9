//! Reads one CSV file natively as the worker would (sniff the first bytes,
//! then the whole file in 8 MB chunks) and prints rows, time and MB/s; for
//! profiling the read with `perf record` (docs/ingest/speed.md).
//! Usage: `cargo run --release -p segscope-ingest --example read_timing -- FILE [RUNS]`.

use segscope_ingest::{read_file, sniff, DatasetBuilder, SNIFF_BYTES};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: read_timing FILE [RUNS]");
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let prefix = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let schema = sniff(&path, prefix, bytes.len() <= SNIFF_BYTES).unwrap_or_else(|e| panic!("{path}: {e:?}"));
    for _ in 0..runs {
        let started = Instant::now();
        let mut builder = DatasetBuilder::new();
        let report = read_file(schema.clone(), &bytes, &mut builder).expect("read");
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "{} rows read, {} kept: {seconds:.3} s, {:.0} MB/s",
            report.rows_read,
            report.rows_kept,
            bytes.len() as f64 / seconds / 1e6
        );
    }
}
