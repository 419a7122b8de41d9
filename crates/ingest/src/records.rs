//! Push-based CSV record reading over csv-core: feed chunks as they arrive,
//! get whole records back, quoted fields with delimiters and newlines included.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};
use xxhash_rust::xxh3::{xxh3_128_with_seed, xxh3_64};

/// One parsed record: its fields as byte slices.
pub struct Record<'a> {
    data: &'a [u8],
    ends: &'a [usize],
}

impl<'a> Record<'a> {
    /// Number of fields.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when the record has no fields.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The field at `i`, or an empty slice when the row is short.
    pub fn get(&self, i: usize) -> &'a [u8] {
        if i >= self.ends.len() {
            return b"";
        }
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.data[start..self.ends[i]]
    }

    /// A 128-bit fingerprint of the whole row, field boundaries included
    /// (XXH3-128), so different rows practically never share one. Used to find
    /// exact duplicate rows.
    pub fn fingerprint(&self) -> u128 {
        let bytes = &self.data[..self.ends.last().copied().unwrap_or(0)];
        let boundaries = self.ends.iter().fold(0u64, |h, &e| h.rotate_left(7) ^ e as u64);
        xxh3_128_with_seed(bytes, boundaries)
    }
}

/// A fast 64-bit hash of bytes (XXH3-64).
pub fn hash64(bytes: &[u8]) -> u64 {
    xxh3_64(bytes)
}

/// Reads records from a stream of UTF-8 chunks.
pub struct RecordReader {
    reader: Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    out_len: usize,
    ends_len: usize,
}

/// The longest record accepted, in bytes; longer means the file is not CSV
/// (or its quotes are broken), and stops the read with a clear message.
pub const MAX_RECORD_BYTES: usize = 64 << 20;

/// A record longer than [`MAX_RECORD_BYTES`] was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordTooLong;

impl RecordReader {
    /// A reader for `delimiter`-separated text with `"` quotes.
    pub fn new(delimiter: u8) -> Self {
        RecordReader {
            reader: ReaderBuilder::new().delimiter(delimiter).build(),
            out: vec![0; 64 * 1024],
            ends: vec![0; 256],
            out_len: 0,
            ends_len: 0,
        }
    }

    /// Feeds a chunk (empty = end of input) and calls `on_record` for each
    /// complete record. Returns `Ok(false)` when `on_record` asked to stop.
    pub fn feed(
        &mut self,
        mut input: &[u8],
        mut on_record: impl FnMut(&Record) -> bool,
    ) -> Result<bool, RecordTooLong> {
        loop {
            let (result, nin, nout, nend) =
                self.reader
                    .read_record(input, &mut self.out[self.out_len..], &mut self.ends[self.ends_len..]);
            input = &input[nin..];
            self.out_len += nout;
            self.ends_len += nend;
            match result {
                ReadRecordResult::InputEmpty => return Ok(true),
                ReadRecordResult::OutputFull => {
                    if self.out.len() >= MAX_RECORD_BYTES {
                        return Err(RecordTooLong);
                    }
                    let len = self.out.len() * 2;
                    self.out.resize(len, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let len = self.ends.len() * 2;
                    self.ends.resize(len, 0);
                }
                ReadRecordResult::Record => {
                    let record = Record {
                        data: &self.out[..self.out_len],
                        ends: &self.ends[..self.ends_len],
                    };
                    self.out_len = 0;
                    self.ends_len = 0;
                    if !on_record(&record) {
                        return Ok(false);
                    }
                }
                ReadRecordResult::End => return Ok(true),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str, chunk: usize) -> Vec<Vec<String>> {
        let mut rdr = RecordReader::new(b',');
        let mut rows = Vec::new();
        let mut push = |r: &Record| {
            rows.push(
                (0..r.len())
                    .map(|i| String::from_utf8_lossy(r.get(i)).into_owned())
                    .collect(),
            );
            true
        };
        for piece in text.as_bytes().chunks(chunk) {
            rdr.feed(piece, &mut push).unwrap();
        }
        rdr.feed(b"", &mut push).unwrap();
        rows
    }

    #[test]
    fn quoted_fields_crlf_and_chunk_boundaries() {
        let text = "a,b\r\n\"x, y\",\"line1\nline2\"\r\n\r\n3,\"he said \"\"hi\"\"\"\n4,5";
        for chunk in [1, 2, 3, 7, 1000] {
            let rows = read_all(text, chunk);
            assert_eq!(rows.len(), 4, "chunk {chunk}: {rows:?}");
            assert_eq!(rows[1], vec!["x, y", "line1\nline2"]);
            assert_eq!(rows[2], vec!["3", "he said \"hi\""]);
            assert_eq!(rows[3], vec!["4", "5"]);
        }
    }
}
