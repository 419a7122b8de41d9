//! Reads one CSV file natively as the worker would (sniff the first bytes,
//! then the whole file in 8 MB chunks) and prints rows, time and MB/s; with
//! a range count, also reads it in that many ranges as the workers would
//! (one after another here) and prints each range's read and the merge, to
//! size the parallel read (docs/ingest/speed.md). For profiling with `perf record`.
//! Usage: `cargo run --release -p segscope-ingest --example read_timing -- FILE [RUNS] [RANGES]`.

use segscope_ingest::split::{range_start, read_range, Absorbed, RANGE_PROBE_BYTES};
use segscope_ingest::{read_file, sniff, DatasetBuilder, FileParser, FileSchema, SNIFF_BYTES};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: read_timing FILE [RUNS] [RANGES]");
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let ranges: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
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
        if ranges > 1 {
            in_ranges(&schema, &bytes, ranges);
        }
    }
}

/// Reads `bytes` in `ranges` ranges and prints how long each step took.
fn in_ranges(schema: &FileSchema, bytes: &[u8], ranges: usize) {
    let mut bounds = vec![0];
    for k in 1..ranges {
        let from = bytes.len() * k / ranges;
        let window = &bytes[from..(from + RANGE_PROBE_BYTES).min(bytes.len())];
        if let Some(at) = range_start(window, schema) {
            bounds.push(from + at);
        }
    }
    bounds.push(bytes.len());
    let mut builder = DatasetBuilder::new();
    let mut parser = FileParser::for_builder(schema.clone(), &mut builder).expect("open");
    let clock = Instant::now();
    parser.expect_bytes(bytes.len() as u64, &mut builder);
    parser.feed(&bytes[..bounds[1]], &mut builder).expect("read");
    let mut line = format!("  range 0: {:.3} s", clock.elapsed().as_secs_f64());
    for k in 1..bounds.len() - 1 {
        let clock = Instant::now();
        let part = read_range(schema.clone(), &bytes[bounds[k]..bounds[k + 1]], k + 2 == bounds.len()).expect("range");
        let read = clock.elapsed().as_secs_f64();
        let clock = Instant::now();
        let absorbed = parser.absorb(&part, &mut builder);
        line += &format!(
            ", range {k}: {read:.3} s + merge {:.3} s ({absorbed:?})",
            clock.elapsed().as_secs_f64()
        );
        if absorbed == Absorbed::ReadAgain {
            parser
                .feed(&bytes[bounds[k]..bounds[k + 1]], &mut builder)
                .expect("read");
        }
    }
    let clock = Instant::now();
    parser.finish(&mut builder).expect("finish");
    println!("{line}, finish {:.3} s", clock.elapsed().as_secs_f64());
}
