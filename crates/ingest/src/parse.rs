//! The full read of one file: chunks in, rows parsed, cleaned and accounted
//! into a [`DatasetBuilder`].

use super::builder::DatasetBuilder;
use super::decode::ChunkDecoder;
use super::error::{IngestError, Problem};
use super::joins::JoinPart;
use super::quality::FileReport;
use super::records::RecordReader;
use super::rows::{Columns, FileState, RowHandler};
use super::schema::{required_roles, FileKind, Role};
use super::sniff::FileSchema;

/// The most bytes parsed in one call, so that the parsing loop is entered
/// again often (docs/ingest/speed.md#pieces).
const PIECE_BYTES: usize = 256 * 1024;

/// Reads one file chunk by chunk.
pub struct FileParser {
    pub(crate) schema: FileSchema,
    pub(crate) columns: Columns,
    pub(crate) decoder: ChunkDecoder,
    pub(crate) records: RecordReader,
    pub(crate) state: FileState,
}

impl FileParser {
    /// Prepares the read of a file whose schema the user confirmed, joined to
    /// no other file; fails when a required role has no column.
    pub fn new(schema: FileSchema) -> Result<Self, IngestError> {
        Self::with_part(schema, |_, _| JoinPart::None)
    }

    /// Prepares the read of a file into `builder`, joined to the other files
    /// its plan knows ([`DatasetBuilder::for_files`]): an orders file may
    /// then lack an amount when order details give it
    /// (`docs/ingest/joins.md#several-tables-of-one-shop`).
    pub fn for_builder(schema: FileSchema, builder: &mut DatasetBuilder) -> Result<Self, IngestError> {
        let parser = Self::with_part(schema, |schema, order_id| builder.join_part(schema, order_id))?;
        if parser.schema.kind == FileKind::Survey {
            builder.start_survey(&parser.schema);
        }
        Ok(parser)
    }

    fn with_part(
        schema: FileSchema,
        part: impl FnOnce(&FileSchema, Option<usize>) -> JoinPart,
    ) -> Result<Self, IngestError> {
        let encoding = encoding_rs::Encoding::for_label(schema.encoding.as_bytes())
            .ok_or_else(|| IngestError::file(&schema.file_name, Problem::UnknownEncoding(schema.encoding.clone())))?;
        let mut columns = Columns::of(&schema);
        let mut missing = None;
        for role in required_roles(schema.kind) {
            let present = schema.covers(*role);
            if !present && missing.is_none() {
                missing = Some(*role);
            }
        }
        if missing.is_none_or(|role| role == Role::Amount) {
            columns.join = part(&schema, columns.order_id);
        }
        let awaits_details = matches!(columns.join, JoinPart::Orders { awaiting: Some(_) });

        if let Some(role) = missing.filter(|role| *role != Role::Amount || !awaits_details) {
            return Err(IngestError::file(&schema.file_name, Problem::MissingColumn(role)));
        }
        Ok(FileParser {
            records: RecordReader::new(schema.delimiter),
            decoder: ChunkDecoder::new(encoding),
            state: FileState::new(&schema),
            schema,
            columns,
        })
    }

    /// Sizes the lookup tables (and, in an orders file, the order columns)
    /// for a file of `file_bytes`, estimated from the sample rows, so they do
    /// not grow step by step during the read: each step would copy them, and
    /// a worker's memory keeps every page it ever touched.
    pub fn expect_bytes(&mut self, file_bytes: u64, builder: &mut DatasetBuilder) {
        let sample_bytes: usize = self
            .schema
            .samples
            .iter()
            .map(|row| row.iter().map(|f| f.len() + 1).sum::<usize>())
            .sum();
        if sample_bytes > 0 {
            let per_row = (sample_bytes / self.schema.samples.len()).max(8) as u64;
            let rows = (file_bytes / per_row).min(50_000_000) as usize;
            self.state.reserve(rows);
            if self.schema.kind == FileKind::Orders {
                builder.dataset.orders.reserve(rows);
            }
        }
    }

    /// Parses the next chunk of raw file bytes, in pieces of [`PIECE_BYTES`].
    pub fn feed(&mut self, chunk: &[u8], builder: &mut DatasetBuilder) -> Result<(), IngestError> {
        chunk
            .chunks(PIECE_BYTES)
            .try_for_each(|piece| self.push(piece, false, builder))
    }

    /// Parses what is left and returns the file's accounting.
    pub fn finish(mut self, builder: &mut DatasetBuilder) -> Result<FileReport, IngestError> {
        self.push(b"", true, builder)?;
        self.state.settle_refunds(builder);
        let (report, dates) = self.state.into_report();
        builder.reread_dates(report.kind, &dates.reread);
        if report.rows_read > 0 && report.rows_kept == 0 {
            let problem = match report.kind {
                FileKind::OrderDetails => Problem::DetailsMatchNoOrder,
                _ => Problem::NoUsableRows,
            };
            return Err(IngestError::file(&report.file, problem));
        }
        builder.joined_file_read(self.columns.join, &report, builder.report.files.len());
        builder.report.files.push(report.clone());
        Ok(report)
    }

    /// Never inlined: a browser swaps in a function's optimised code only
    /// when it is called again (docs/ingest/speed.md#pieces).
    #[inline(never)]
    pub(crate) fn push(&mut self, chunk: &[u8], last: bool, builder: &mut DatasetBuilder) -> Result<(), IngestError> {
        let text = self.decoder.decode(chunk, last);
        let mut rows = RowHandler {
            schema: &self.schema,
            columns: &self.columns,
            state: &mut self.state,
            builder,
        };
        let mut outcome = self.records.feed(text, &mut rows);
        if last && outcome.is_ok() {
            outcome = self.records.feed(b"", &mut rows);
        }
        outcome.map(|_| ()).map_err(|_| IngestError {
            file: self.schema.file_name.clone(),
            row: Some(self.state.row_number(self.state.rows_read() + 1)),
            column: None,
            problem: Problem::RecordTooLong,
        })
    }
}

/// Reads a whole in-memory file in one go (tests, benchmarks, small files).
pub fn read_file(schema: FileSchema, bytes: &[u8], builder: &mut DatasetBuilder) -> Result<FileReport, IngestError> {
    let mut parser = FileParser::for_builder(schema, builder)?;
    parser.expect_bytes(bytes.len() as u64, builder);
    for chunk in bytes.chunks(8 << 20) {
        parser.feed(chunk, builder)?;
    }
    parser.finish(builder)
}
