//! A dropped file as the worker reads it: text files are streamed from the
//! `File` in chunks; a workbook's chosen sheet is read by the workbook
//! worker ([`crate::sheets`]), kept as CSV in memory and handed out in
//! chunks the same way.

use crate::sheets::read_sheet;
use segscope_ingest::workbook::is_workbook;
use segscope_ingest::{sniff_as, FileSchema, IngestError, SNIFF_BYTES};
use segscope_session::protocol::Sheet;
use segscope_worker::reader::ChunkReader;
use std::rc::Rc;
use web_sys::File;

/// The size of the chunks handed out from memory, as from a file.
const MEMORY_CHUNK: usize = 8 << 20;

/// A file to read (cheap to clone: the bytes are shared).
#[derive(Clone)]
pub enum Source {
    /// A CSV/TSV/TXT file, streamed.
    Text(File),
    /// A spreadsheet workbook and its chosen sheet as CSV.
    Workbook {
        /// The dropped file.
        file: File,
        /// The chosen sheet's index.
        sheet: usize,
        /// The chosen sheet as UTF-8 CSV (empty when it could not be read).
        csv: Rc<Vec<u8>>,
    },
}

impl Source {
    /// Takes a first look at `file`; `None` when the browser cannot read it.
    pub async fn open(file: File) -> Option<(Source, Result<FileSchema, IngestError>)> {
        let size = file.size();
        let prefix = ChunkReader::read_range(&file, 0.0, size.min(SNIFF_BYTES as f64)).await?;
        if !is_workbook(&prefix) {
            let schema = sniff_as(&file.name(), &prefix, size <= SNIFF_BYTES as f64, None);
            return Some((Source::Text(file), schema));
        }
        let empty = Source::Workbook {
            file: file.clone(),
            sheet: 0,
            csv: Rc::default(),
        };
        Some(empty.with_sheet(read_sheet(&file, None).await?))
    }

    /// Sniffs the file again in the user's `encoding` (text files; a
    /// workbook's sheet is always UTF-8 and is sniffed as such).
    pub async fn reinspect(&self, encoding: &str) -> Option<Result<FileSchema, IngestError>> {
        match self {
            Source::Text(file) => {
                let size = file.size();
                let prefix = ChunkReader::read_range(file, 0.0, size.min(SNIFF_BYTES as f64)).await?;
                Some(sniff_as(
                    &file.name(),
                    &prefix,
                    size <= SNIFF_BYTES as f64,
                    Some(encoding),
                ))
            }
            Source::Workbook { file, sheet, .. } => Some(read_sheet(file, Some(*sheet)).await?.map(|s| s.schema)),
        }
    }

    /// Reads sheet `sheet` of a workbook and sniffs it: the source that
    /// reads that sheet (this one when it cannot be read) and its schema.
    /// `None` when the browser could not read the file.
    pub async fn choose_sheet(&self, sheet: usize) -> Option<(Source, Result<FileSchema, IngestError>)> {
        let Source::Workbook { file, .. } = self else {
            return None;
        };
        Some(self.clone().with_sheet(read_sheet(file, Some(sheet)).await?))
    }

    /// This workbook reading `read`'s sheet, or unchanged when it failed.
    fn with_sheet(self, read: Result<Sheet, IngestError>) -> (Source, Result<FileSchema, IngestError>) {
        match (self, read) {
            (Source::Workbook { file, .. }, Ok(Sheet { schema, csv })) => {
                let source = Source::Workbook {
                    file,
                    sheet: schema.sheet,
                    csv: Rc::new(csv),
                };
                (source, Ok(schema))
            }
            (source, read) => (source, read.map(|s| s.schema)),
        }
    }

    /// Bytes the full read goes through: the file's, or the chosen sheet's as CSV.
    pub fn size(&self) -> f64 {
        match self {
            Source::Text(file) => file.size(),
            Source::Workbook { csv, .. } => csv.len() as f64,
        }
    }

    /// The file, when it is a text file read straight from it.
    pub fn text_file(&self) -> Option<&File> {
        match self {
            Source::Text(file) => Some(file),
            Source::Workbook { .. } => None,
        }
    }

    /// The dropped file's name.
    pub fn name(&self) -> String {
        match self {
            Source::Text(file) | Source::Workbook { file, .. } => file.name(),
        }
    }

    /// The file's bytes in chunks, for the full read.
    pub fn chunks(&self) -> Chunks {
        match self {
            Source::Text(file) => Chunks::Stream {
                name: file.name(),
                reader: ChunkReader::new(file.clone()),
            },
            Source::Workbook { file, csv, .. } => Chunks::Memory {
                name: file.name(),
                data: csv.clone(),
                at: 0,
            },
        }
    }
}

/// A source's bytes, chunk by chunk.
pub enum Chunks {
    /// Streamed from the file.
    Stream {
        /// The file's name.
        name: String,
        /// The reader.
        reader: ChunkReader,
    },
    /// Handed out from memory.
    Memory {
        /// The file's name.
        name: String,
        /// The bytes.
        data: Rc<Vec<u8>>,
        /// Bytes handed out so far.
        at: usize,
    },
}

impl Chunks {
    /// The file's name.
    pub fn name(&self) -> String {
        match self {
            Chunks::Stream { name, .. } | Chunks::Memory { name, .. } => name.clone(),
        }
    }

    /// The next chunk; `None` at the end, `Some(Err)` when the browser failed.
    pub async fn next(&mut self) -> Option<Result<Vec<u8>, ()>> {
        match self {
            Chunks::Stream { reader, .. } => reader.next().await,
            Chunks::Memory { data, at, .. } => {
                if *at >= data.len() {
                    return None;
                }
                let end = (*at + MEMORY_CHUNK).min(data.len());
                let chunk = data[*at..end].to_vec();
                *at = end;
                Some(Ok(chunk))
            }
        }
    }
}
