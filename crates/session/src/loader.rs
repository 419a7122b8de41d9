//! Reading a set of dropped files into one dataset, in the order their
//! joins need.

use segscope_ingest::split::{splittable, Absorbed, RangePart, MIN_SPLIT_BYTES};
use segscope_ingest::{DatasetBuilder, FileKind, FileParser, FileSchema, IngestError, QualityReport};
use segscope_model::Dataset;

/// Reads several files in sequence into one dataset.
pub struct Loader {
    builder: DatasetBuilder,
}

/// The order in which to read a set of files, as indexes into `schemas`,
/// whatever order they were dropped in
/// (`docs/ingest/joins.md#reading-order`): customers files first (they map
/// order-level customer ids to persons), then customer summaries, orders,
/// order details (joined to the orders read before them), events and
/// surveys (linked to the customers read before them); files
/// of one kind by name.
pub fn reading_order(schemas: &[FileSchema]) -> Vec<usize> {
    let rank = |kind: FileKind| match kind {
        FileKind::Customers => 0,
        FileKind::Summary => 1,
        FileKind::Orders => 2,
        FileKind::OrderDetails => 3,
        FileKind::Events => 4,
        FileKind::Survey => 5,
        FileKind::Ignored => 6,
    };
    let mut order: Vec<usize> = (0..schemas.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&schemas[a], &schemas[b]);
        (rank(x.kind), &x.file_name, &x.headers, x.sheet).cmp(&(rank(y.kind), &y.file_name, &y.headers, y.sheet))
    });
    order
}

impl Loader {
    /// A loader with nothing read yet, for files not joined to each other.
    pub fn new() -> Self {
        Loader {
            builder: DatasetBuilder::new(),
        }
    }

    /// A loader for `schemas`, to be read in [`reading_order`], with the
    /// joins between them planned (order details to their orders).
    pub fn for_files(schemas: &[FileSchema]) -> Self {
        Loader {
            builder: DatasetBuilder::for_files(schemas),
        }
    }

    /// Starts reading a file of `file_bytes` with its confirmed schema.
    pub fn open(&mut self, schema: FileSchema, file_bytes: u64) -> Result<FileParser, IngestError> {
        let mut parser = FileParser::for_builder(schema, &mut self.builder)?;
        parser.expect_bytes(file_bytes, &mut self.builder);
        Ok(parser)
    }

    /// Parses a chunk of the open file.
    pub fn feed(&mut self, parser: &mut FileParser, chunk: &[u8]) -> Result<(), IngestError> {
        parser.feed(chunk, &mut self.builder)
    }

    /// True when a file of `file_bytes` with `schema` is worth reading in
    /// ranges on several workers and can be (docs/ingest/speed.md#parallel-read).
    pub fn splits(&self, schema: &FileSchema, file_bytes: u64) -> bool {
        file_bytes >= MIN_SPLIT_BYTES && splittable(schema, &self.builder)
    }

    /// Merges a range of the open file read elsewhere, the one that starts
    /// where the bytes fed so far end; or says to feed its bytes instead.
    pub fn absorb(&mut self, parser: &mut FileParser, part: &RangePart) -> Absorbed {
        parser.absorb(part, &mut self.builder)
    }

    /// Finishes the open file.
    pub fn close(&mut self, parser: FileParser) -> Result<(), IngestError> {
        parser.finish(&mut self.builder).map(|_| ())
    }

    /// All files read: the dataset and its quality report.
    pub fn finish(self) -> (Dataset, QualityReport) {
        self.builder.finish()
    }

    /// Reads whole files held in memory (`contents[i]` with `schemas[i]`) in
    /// [`reading_order`], as the worker reads dropped files: for native
    /// tools and tests.
    pub fn read_all(schemas: &[FileSchema], contents: &[&[u8]]) -> Result<(Dataset, QualityReport), IngestError> {
        let mut loader = Loader::for_files(schemas);
        for i in reading_order(schemas) {
            let bytes = contents.get(i).copied().unwrap_or_default();
            let mut parser = loader.open(schemas[i].clone(), bytes.len() as u64)?;
            loader.feed(&mut parser, bytes)?;
            loader.close(parser)?;
        }
        Ok(loader.finish())
    }
}

impl Default for Loader {
    fn default() -> Self {
        Self::new()
    }
}
