//! Reads a `File` in chunks with `Blob.slice().arrayBuffer()`, asking for the
//! next chunks before the current one is handed out, so reading and parsing
//! overlap.

use js_sys::{ArrayBuffer, Promise, Uint8Array};
use std::collections::VecDeque;
use std::future::Future;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File};

/// Chunk size: large enough to amortise the promise round trip, small enough
/// that a 650 MB file never sits in memory whole.
const CHUNK_BYTES: f64 = 8.0 * 1024.0 * 1024.0;

/// The first chunk of a read: small, so that parsing starts as soon as
/// possible while the later, full-size chunks are on their way.
const FIRST_CHUNK_BYTES: f64 = 1024.0 * 1024.0;

/// Chunks asked for at once. The browser moves a chunk's bytes to this
/// thread only while it waits, up to a pipe's worth ahead of the parser: two
/// reads in flight have two pipes filling during a parse (a side run in
/// headless Chromium: 31 ms instead of 45 ms waiting for 37 MB).
const READ_AHEAD: usize = 2;

/// Streams a file's bytes (or a range of them) chunk by chunk.
pub struct ChunkReader {
    blob: Blob,
    start: f64,
    offset: f64,
    end: f64,
    pending: VecDeque<Promise>,
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
            start,
            offset: start,
            end: end.min(file.size()),
            pending: VecDeque::with_capacity(READ_AHEAD),
        };
        reader.request_ahead();
        reader
    }

    fn request_ahead(&mut self) {
        while self.pending.len() < READ_AHEAD {
            match self.request_next() {
                Some(read) => self.pending.push_back(read),
                None => break,
            }
        }
    }

    fn request_next(&mut self) -> Option<Promise> {
        if self.offset >= self.end {
            return None;
        }
        let size = if self.offset == self.start {
            FIRST_CHUNK_BYTES
        } else {
            CHUNK_BYTES
        };
        let end = (self.offset + size).min(self.end);
        let blob = self.blob.slice_with_f64_and_f64(self.offset, end).ok()?;
        self.offset = end;
        Some(blob.array_buffer())
    }

    /// The next chunk; `None` at the end, `Some(Err)` when the browser failed.
    pub async fn next(&mut self) -> Option<Result<Vec<u8>, ()>> {
        let promise = self.pending.pop_front()?;
        self.request_ahead();
        Some(to_bytes(promise).await)
    }

    /// Reads `start..end` of a file in one go (for sniffing, or a window
    /// where a range may start), asked of the browser at once rather than
    /// when first awaited, so that several reads can be in flight together.
    pub fn read_range(file: &File, start: f64, end: f64) -> impl Future<Output = Option<Vec<u8>>> {
        let read = file
            .slice_with_f64_and_f64(start, end)
            .ok()
            .map(|blob| blob.array_buffer());
        async move { to_bytes(read?).await.ok() }
    }
}

async fn to_bytes(promise: Promise) -> Result<Vec<u8>, ()> {
    let buffer = JsFuture::from(promise).await.map_err(|_| ())?;
    let buffer: ArrayBuffer = buffer.into();
    Ok(Uint8Array::new(&buffer).to_vec())
}
