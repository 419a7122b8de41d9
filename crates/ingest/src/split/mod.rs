//! One large file read in byte ranges at once, on as many workers as the
//! machine has cores, with the same result as one sequential read
//! (docs/ingest/speed.md#parallel-read): each later range is read into a
//! [`RangePart`] of its own, then merged into the sequential reader in file
//! order; a range that cannot be merged exactly is read again sequentially.

mod absorb;
mod packed;
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
        parser.expect_bytes(range_bytes);
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
