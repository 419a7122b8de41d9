//! Reads a `File` in chunks with `Blob.slice().arrayBuffer()`, asking for the
//! next chunk before the current one is handed out, so reading and parsing
//! overlap.

use js_sys::{ArrayBuffer, Promise, Uint8Array};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File};

/// Chunk size: large enough to amortise the promise round trip, small enough
/// that a 650 MB file never sits in memory whole.
const CHUNK_BYTES: f64 = 8.0 * 1024.0 * 1024.0;

/// Streams a file's bytes (or a range of them) chunk by chunk.
pub struct ChunkReader {
    blob: Blob,
    offset: f64,
    end: f64,
    pending: Option<Promise>,
}

impl ChunkReader {
    /// A reader at the start of `file`.
    pub fn new(file: File) -> Self {
        let size = file.size();
        Self::range(&file, 0.0, size)
    }

    /// A reader of bytes `start..end` of `file`.
    pub fn range(file: &File, start: f64, end: f64) -> Self {
        let mut reader = ChunkReader {
            blob: Blob::clone(file),
            offset: start,
            end: end.min(file.size()),
            pending: None,
        };
        reader.pending = reader.request_next();
        reader
    }

    fn request_next(&mut self) -> Option<Promise> {
        if self.offset >= self.end {
            return None;
        }
        let end = (self.offset + CHUNK_BYTES).min(self.end);
        let blob = self.blob.slice_with_f64_and_f64(self.offset, end).ok()?;
        self.offset = end;
        Some(blob.array_buffer())
    }

    /// The next chunk; `None` at the end, `Some(Err)` when the browser failed.
    pub async fn next(&mut self) -> Option<Result<Vec<u8>, ()>> {
        let promise = self.pending.take()?;
        self.pending = self.request_next();
        Some(to_bytes(promise).await)
    }

    /// Reads `start..end` of a file in one go (for sniffing).
    pub async fn read_range(file: &File, start: f64, end: f64) -> Option<Vec<u8>> {
        let blob = file.slice_with_f64_and_f64(start, end).ok()?;
        to_bytes(blob.array_buffer()).await.ok()
    }
}

async fn to_bytes(promise: Promise) -> Result<Vec<u8>, ()> {
    let buffer = JsFuture::from(promise).await.map_err(|_| ())?;
    let buffer: ArrayBuffer = buffer.into();
    Ok(Uint8Array::new(&buffer).to_vec())
}
