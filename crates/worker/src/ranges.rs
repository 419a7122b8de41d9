//! One large file read in ranges: the session worker and each helper read
//! every n-th range (n workers), and the session worker merges the helpers'
//! parts in file order between its own ranges, reading again any range that
//! cannot be merged exactly (docs/ingest/speed.md#parallel-read).

use crate::helpers::Helpers;
use segscope_ingest::split::{
    planned_range_start, range_count, range_reader, range_start, Absorbed, RangeReader, RANGE_PROBE_BYTES,
};
use segscope_ingest::{FileParser, FileSchema};
use segscope_session::protocol::{Failure, RangeReply, Request};
use segscope_session::Loader;
use segscope_worker::reader::ChunkReader;
use web_sys::File;

/// Reads bytes `start..end` of `file` on its own (a helper's work).
pub async fn read_range(file: &File, schema: FileSchema, start: f64, end: f64) -> RangeReply {
    let last = end >= file.size();
    let mut reader = RangeReader::new(schema, (end - start) as u64).ok()?;
    let mut chunks = ChunkReader::range(file, start, end);
    while let Some(chunk) = chunks.next().await {
        reader.feed(&chunk.ok()?).ok()?;
    }
    reader.finish(last).ok()
}

/// Where the ranges of `file` start: `0`, then the planned starts of the
/// `ranges - 1` others (just after a line break, between two orders, near
/// [`planned_range_start`]), then the size.
async fn bounds(file: &File, schema: &FileSchema, ranges: usize, workers: usize) -> Vec<f64> {
    let size = file.size();
    let mut bounds = vec![0.0];
    // Every window is asked for before the first is awaited: the reads
    // overlap instead of each waiting for the one before.
    let windows: Vec<_> = (1..ranges)
        .map(|k| {
            let from = planned_range_start(size as u64, k, ranges, workers) as f64;
            let window = ChunkReader::read_range(file, from, (from + RANGE_PROBE_BYTES as f64).min(size));
            (from, window)
        })
        .collect();
    for (from, window) in windows {
        let Some(window) = window.await else {
            continue;
        };
        if let Some(at) = range_start(&window, schema) {
            let start = from + at as f64;
            if start > *bounds.last().unwrap_or(&0.0) && start < size {
                bounds.push(start);
            }
        }
    }
    bounds.push(size);
    bounds
}

/// Feeds bytes `start..end` of `file` to the open parser.
async fn feed(
    loader: &mut Loader,
    parser: &mut FileParser,
    file: &File,
    (start, end): (f64, f64),
    on_bytes: &mut impl FnMut(f64) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let mut chunks = ChunkReader::range(file, start, end);
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.map_err(|()| Failure::ReadFailed { file: file.name() })?;
        loader.feed(parser, &chunk).map_err(Failure::Ingest)?;
        on_bytes(chunk.len() as f64)?;
    }
    Ok(())
}

/// Reads all of `file` into the open parser, every n-th range on each
/// helper; returns how many workers' ranges were merged (1 when every
/// helper's range was read again here). `on_bytes` is told of each range's
/// bytes as they are read or merged, and ends the read with its error.
pub async fn read_in_ranges(
    loader: &mut Loader,
    parser: &mut FileParser,
    file: &File,
    schema: &FileSchema,
    helpers: &mut Helpers,
    on_bytes: &mut impl FnMut(f64) -> Result<(), Failure>,
) -> Result<u32, Failure> {
    let workers = helpers.len() + 1;
    let bounds = bounds(file, schema, range_count(file.size() as u64, workers), workers).await;
    let ranges: Vec<(f64, f64)> = bounds.windows(2).map(|w| (w[0], w[1])).collect();
    let sent: Vec<bool> = (0..helpers.len())
        .map(|h| {
            let theirs: Vec<(f64, f64)> = (0..ranges.len())
                .filter(|&k| range_reader(k, workers) == h + 1)
                .map(|k| ranges[k])
                .collect();
            let request = Request::ReadRanges {
                schema: schema.clone(),
                ranges: theirs,
            };
            helpers.send(h, &request, file)
        })
        .collect();
    let mut merged_from = vec![false; workers];
    merged_from[0] = true;
    for (k, &range) in ranges.iter().enumerate() {
        let reader = range_reader(k, workers);
        let part = match reader {
            0 => None,
            h if sent[h - 1] => helpers.receive(h - 1).await.flatten(),
            _ => None,
        };
        // A read asked to stop stops here rather than merge the part.
        on_bytes(0.0)?;
        match part.map(|part| loader.absorb(parser, &part)) {
            Some(Absorbed::Merged) => {
                merged_from[reader] = true;
                on_bytes(range.1 - range.0)?;
            }
            Some(Absorbed::ReadAgain) | None => feed(loader, parser, file, range, on_bytes).await?,
        }
    }
    Ok(merged_from.iter().filter(|&&m| m).count() as u32)
}
