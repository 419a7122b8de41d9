//! One large file read in byte ranges at once, on as many workers as the
//! machine has cores, with the same result as one sequential read
//! (docs/ingest/speed.md#parallel-read): each later range is read into a
//! [`RangePart`] of its own, then merged into the sequential reader in file
//! order; a range that cannot be merged exactly is read again sequentially.

mod absorb;
mod cards;
pub(crate) mod packed;
mod part;
mod starts;

pub use absorb::Absorbed;
pub use part::RangePart;
pub use starts::{range_start, RANGE_PROBE_BYTES};

use crate::parse::FileParser;
use crate::records::BLANKS;
use crate::rows::Columns;
use crate::schema::FileKind;
use crate::sniff::FileSchema;
use crate::DatasetBuilder;
use crate::IngestError;

/// Files smaller than this are read in one go: below it the merge and the
/// workers' start-up cost more than they save.
pub const MIN_SPLIT_BYTES: u64 = 8 << 20;

/// The size a range aims at. A worker reads its ranges one after another
/// and sends each as soon as it is read, so what a helper holds, and what
/// is in transit, stays about this small whatever the file's size; and the
/// merging worker, which waits for the last helper's part to be packed,
/// posted and merged, waits for a small part (measured in
/// docs/ingest/speed.md#parallel-read).
pub const RANGE_TARGET_BYTES: u64 = 16 << 20;

/// How many ranges to cut a file of `file_bytes` into for `workers`
/// workers: a multiple of `workers` (each reads every `workers`-th range,
/// see [`range_reader`]), with ranges of at most about
/// [`RANGE_TARGET_BYTES`].
pub fn range_count(file_bytes: u64, workers: usize) -> usize {
    let workers = workers.max(1);
    let rounds = file_bytes.div_ceil(workers as u64 * RANGE_TARGET_BYTES).max(1);
    workers * rounds as usize
}

/// Which of `workers` workers reads range `k` (0 is the one that merges).
pub fn range_reader(k: usize, workers: usize) -> usize {
    k % workers.max(1)
}

/// How long a helper's range is against the merging worker's: the merging
/// worker also unpacks and merges every helper's part, which costs it more
/// than a helper's packing and posting costs the helper, so a helper reads
/// the longer ranges (measured in docs/ingest/speed.md#parallel-read).
const HELPER_RANGE_WEIGHT: f64 = 1.4;

/// Where range `k` of `ranges` is planned to start in a file of
/// `file_bytes` read by `workers` workers (before it is moved to a record
/// boundary): ranges follow each other, the helpers' longer by
/// [`HELPER_RANGE_WEIGHT`].
pub fn planned_range_start(file_bytes: u64, k: usize, ranges: usize, workers: usize) -> u64 {
    let weight = |j: usize| match range_reader(j, workers) {
        0 => 1.0,
        _ => HELPER_RANGE_WEIGHT,
    };
    let before: f64 = (0..k.min(ranges)).map(weight).sum();
    let all: f64 = (0..ranges).map(weight).sum();
    (file_bytes as f64 * before / all.max(f64::MIN_POSITIVE)).floor() as u64
}

/// True when `schema`'s file can be read in ranges: an orders file that
/// takes part in no join, without refund rows folded across the file
/// (docs/ingest/orders.md#refund-rows), in a CSV dialect and an encoding in
/// which a line break always ends a character (not UTF-16).
pub fn splittable(schema: &FileSchema, builder: &DatasetBuilder) -> bool {
    let c = Columns::of(schema);
    schema.kind == FileKind::Orders
        && !builder.has_joins()
        && c.order_event.is_none()
        && c.partial_refund.is_none()
        && schema.delimiter != BLANKS
        && !schema.encoding.to_ascii_uppercase().starts_with("UTF-16")
}

/// Reads one range of a file on its own, chunk by chunk.
pub struct RangeReader {
    parser: FileParser,
    builder: DatasetBuilder,
}

impl RangeReader {
    /// Starts the read of a range of `range_bytes` bytes of `schema`'s file,
    /// starting at a record's first byte.
    pub fn new(schema: FileSchema, range_bytes: u64) -> Result<Self, IngestError> {
        let mut builder = DatasetBuilder::for_range();
        let mut parser = FileParser::for_range(schema, &mut builder)?;
        parser.expect_bytes(range_bytes, &mut builder);
        Ok(RangeReader { parser, builder })
    }

    /// Parses the next chunk of the range.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), IngestError> {
        self.parser.feed(chunk, &mut self.builder)
    }

    /// Finishes the range (`last`: it runs to the end of the file) and hands
    /// out what it read.
    pub fn finish(self, last: bool) -> Result<RangePart, IngestError> {
        self.parser.into_part(self.builder, last)
    }
}

/// Reads one range of a file (`bytes`, starting at a record's first byte;
/// `last` when it runs to the end of the file) into a part to merge.
pub fn read_range(schema: FileSchema, bytes: &[u8], last: bool) -> Result<RangePart, IngestError> {
    let mut reader = RangeReader::new(schema, bytes.len() as u64)?;
    for chunk in bytes.chunks(8 << 20) {
        reader.feed(chunk)?;
    }
    reader.finish(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_a_multiple_of_the_workers_and_near_the_target_size() {
        assert_eq!(range_count(74 << 20, 2), 6);
        assert_eq!(range_count(110 << 20, 2), 8);
        assert_eq!(range_count(686 << 20, 2), 44);
        assert_eq!(range_count(686 << 20, 4), 44);
        assert_eq!(range_count(20 << 20, 4), 4);
        assert_eq!(range_count(0, 0), 1);
        for workers in 1..5 {
            for mb in [8u64, 100, 300, 1000] {
                let n = range_count(mb << 20, workers);
                assert_eq!(n % workers, 0);
                assert!((mb << 20).div_ceil(n as u64) <= RANGE_TARGET_BYTES || n == workers);
            }
        }
    }

    #[test]
    fn each_worker_reads_every_nth_range() {
        let readers: Vec<usize> = (0..6).map(|k| range_reader(k, 3)).collect();
        assert_eq!(readers, [0, 1, 2, 0, 1, 2]);
        assert_eq!(range_reader(5, 0), 0);
    }

    #[test]
    fn planned_starts_rise_to_the_end_with_the_helpers_ranges_longer() {
        assert_eq!(planned_range_start(1200, 0, 2, 2), 0);
        assert!(planned_range_start(1200, 1, 2, 2).abs_diff(500) <= 1);
        assert_eq!(planned_range_start(1200, 2, 2, 2), 1200);
        assert_eq!(planned_range_start(1000, 3, 4, 1), 750);
        for (ranges, workers) in [(2, 2), (6, 3), (12, 2), (4, 4)] {
            let starts: Vec<u64> = (0..=ranges)
                .map(|k| planned_range_start(1 << 30, k, ranges, workers))
                .collect();
            assert!(starts.windows(2).all(|w| w[0] < w[1]));
            assert_eq!(starts[ranges], 1 << 30);
            let length = |k: usize| starts[k + 1] - starts[k];
            assert!(length(0) < length(1));
        }
    }
}
