//! Push-based CSV record reading over csv-core: feed chunks as they arrive,
//! get whole records back, quoted fields with delimiters and newlines included.
//! Text aligned in columns separated by runs of spaces (the delimiter
//! [`BLANKS`]) is read line by line instead (docs/ingest/structure.md#whitespace-columns).

use crate::plain_line::{split_plain_line, splits_plain_lines};
use crate::row_fingerprint;
use csv_core::{ReadRecordResult, Reader, ReaderBuilder};
use memchr::memchr;
use xxhash_rust::xxh3::xxh3_64;

/// One parsed record: its fields as byte slices.
pub struct Record<'a> {
    /// The fields' bytes: one after another, or a line as it is.
    data: &'a [u8],
    /// Where each field ends in `data` ([`Layout::Ends`]), or where each
    /// starts and ends ([`Layout::Pairs`]).
    bounds: &'a [usize],
    line: u64,
    delimiter: u8,
    layout: Layout,
}

/// How a [`Record`]'s bounds place its fields.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// `bounds` are the fields' ends, and each field starts `gap` bytes
    /// after the previous one ends: 0 for csv-core's fields back to back,
    /// 1 for a line without quotes as it is (the delimiter between).
    Ends { gap: usize },
    /// `bounds` are each field's start and end in a line with quotes around
    /// some fields, which are not part of them.
    Pairs,
}
impl<'a> Record<'a> {
    /// Number of fields.
    pub fn len(&self) -> usize {
        match self.layout {
            Layout::Ends { .. } => self.bounds.len(),
            Layout::Pairs => self.bounds.len() / 2,
        }
    }

    /// True when the record has no fields.
    pub fn is_empty(&self) -> bool {
        self.bounds.is_empty()
    }

    /// The field at `i`, or an empty slice when the row is short.
    #[inline]
    pub fn get(&self, i: usize) -> &'a [u8] {
        let (start, end) = match self.layout {
            Layout::Ends { .. } if i >= self.bounds.len() => return b"",
            Layout::Ends { .. } if i == 0 => (0, self.bounds[0]),
            Layout::Ends { gap } => (self.bounds[i - 1] + gap, self.bounds[i]),
            Layout::Pairs if 2 * i >= self.bounds.len() => return b"",
            Layout::Pairs => (self.bounds[2 * i], self.bounds[2 * i + 1]),
        };
        &self.data[start..end]
    }

    /// Where `part` (a field or a piece of one) lies in the record's bytes,
    /// to find it again with [`Record::bytes_at`] when the same record is
    /// handed on; `None` for bytes from elsewhere.
    pub fn range_of(&self, part: &[u8]) -> Option<std::ops::Range<usize>> {
        let start = (part.as_ptr() as usize).checked_sub(self.data.as_ptr() as usize)?;
        (start + part.len() <= self.data.len()).then_some(start..start + part.len())
    }

    /// The record's bytes in `range`, as [`Record::range_of`] gave it (empty
    /// when out of the record).
    pub fn bytes_at(&self, range: std::ops::Range<usize>) -> &'a [u8] {
        self.data.get(range).unwrap_or_default()
    }

    /// Line breaks read up to the end of this record: its line number when
    /// it ends with one (a quoted line break inside a field counts too).
    pub fn line(&self) -> u64 {
        self.line
    }

    /// A 128-bit fingerprint of the whole row, field boundaries included
    /// (of the fields joined by the delimiter, seeded with where each field
    /// ends in that join: [`row_fingerprint`]), so
    /// different rows practically never share one, however each was read.
    /// Used to find exact duplicate rows.
    /// `scratch` holds the join when the record is not a line as it is; it
    /// only grows, so a file's rows join into the same bytes.
    pub fn fingerprint(&self, scratch: &mut Vec<u8>) -> u128 {
        if self.layout == (Layout::Ends { gap: 1 }) {
            // The line is the fields joined by the delimiter.
            let (joined, boundaries) = self
                .bounds
                .iter()
                .fold((0, 0u64), |(_, h), &end| (end, h.rotate_left(7) ^ end as u64));
            return row_fingerprint::fingerprint(&self.data[..joined], boundaries);
        }
        // The join is no longer than the fields' bytes and a delimiter each.
        let room = self.data.len() + self.len();
        if scratch.len() < room {
            scratch.resize(room, 0);
        }
        let (mut joined, mut boundaries) = (0, 0u64);
        for i in 0..self.len() {
            if i > 0 {
                scratch[joined] = self.delimiter;
                joined += 1;
            }
            let field = self.get(i);
            copy_in_words(&mut scratch[joined..joined + field.len()], field);
            joined += field.len();
            boundaries = boundaries.rotate_left(7) ^ joined as u64;
        }
        row_fingerprint::fingerprint(&scratch[..joined], boundaries)
    }
}

/// Copies `src` into `dst` (as long) eight bytes at a time: for fields of
/// a few bytes this is faster in the workers' WebAssembly than
/// `copy_from_slice`, whose `memory.copy` costs a call per field
/// (docs/ingest/speed.md#row-fingerprints).
fn copy_in_words(dst: &mut [u8], src: &[u8]) {
    let mut words = src.chunks_exact(8);
    let mut out = dst.chunks_exact_mut(8);
    for (to, from) in (&mut out).zip(&mut words) {
        to.copy_from_slice(from);
    }
    for (to, from) in out.into_remainder().iter_mut().zip(words.remainder()) {
        *to = *from;
    }
}

/// What takes the records a [`RecordReader`] cuts. Plain lines are cut a few
/// at a time, and each is shown to [`RecordSink::ahead`] before any of them
/// goes to [`RecordSink::record`], so that the memory the records will need
/// can be fetched for all of them at once (docs/ingest/speed.md#looking-ahead).
pub trait RecordSink {
    /// Asked before each group of plain lines: whether to cut it
    /// [`LINES_AHEAD`] lines at a time and show them to
    /// [`RecordSink::ahead`], or (false) to hand on the next line at once.
    fn look_ahead(&mut self) -> bool {
        true
    }

    /// A record that [`RecordSink::record`] will get soon, to read ahead for.
    fn ahead(&mut self, _record: &Record) {}

    /// Every record cut ahead has been shown to [`RecordSink::ahead`].
    fn fetch_ahead(&mut self) {}

    /// Takes one record; false stops the read.
    fn record(&mut self, record: &Record) -> bool;
}

impl<F: FnMut(&Record) -> bool> RecordSink for F {
    fn record(&mut self, record: &Record) -> bool {
        self(record)
    }
}

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// Plain lines cut before the first of them is handed on.
pub(crate) const LINES_AHEAD: usize = 16;

/// A fast 64-bit hash of bytes (XXH3-64).
pub fn hash64(bytes: &[u8]) -> u64 {
    xxh3_64(bytes)
}

/// The delimiter value for text aligned in columns: fields separated by runs
/// of spaces or tabs, leading and trailing blanks ignored (`00001 19970101  1
/// 11.77`). A field in double quotes keeps its blanks (`"New York"`, `""` for
/// a quote inside); a record is one line (quotes do not span lines); blank
/// lines are skipped, as in CSV. A single space never separates CSV fields
/// in practice, so the byte is free to mean this.
pub const BLANKS: u8 = b' ';

/// How records are cut out of the text.
enum Dialect {
    /// CSV with a one-byte delimiter and `"` quotes.
    Csv(Box<Reader>),
    /// Columns separated by runs of blanks, one record per line; `partial`
    /// holds a line cut by the end of a chunk.
    Blanks { partial: Vec<u8>, line: u64 },
}

/// Reads records from a stream of UTF-8 chunks.
pub struct RecordReader {
    dialect: Dialect,
    out: Vec<u8>,
    ends: Vec<usize>,
    out_len: usize,
    ends_len: usize,
    /// Bytes other than line breaks were read since the last complete record.
    partial: bool,
    delimiter: u8,
    /// The delimiter, when whole plain lines are cut without csv-core
    /// (docs/ingest/speed.md#plain-lines).
    plain_delimiter: Option<u8>,
    /// Line breaks read outside csv-core, which counts only its own.
    plain_line_breaks: u64,
    /// csv-core has been called.
    core_has_read: bool,
    /// Field bounds of the plain lines cut ahead, `2 * ends.len()` per line
    /// (room for a start and an end per field, which quoted lines need).
    ahead_ends: Vec<usize>,
    /// The first bytes of the input while they are all a byte-order mark
    /// has so far.
    bom_wait: Vec<u8>,
}

/// The longest record accepted, in bytes; longer means the file is not CSV
/// (or its quotes are broken), and stops the read with a clear message.
pub const MAX_RECORD_BYTES: usize = 64 << 20;

/// A record longer than [`MAX_RECORD_BYTES`] was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordTooLong;

impl RecordReader {
    /// A reader for `delimiter`-separated text with `"` quotes, or for
    /// columns separated by runs of blanks when `delimiter` is [`BLANKS`].
    pub fn new(delimiter: u8) -> Self {
        let dialect = match delimiter {
            BLANKS => Dialect::Blanks {
                partial: Vec::new(),
                line: 0,
            },
            _ => Dialect::Csv(Box::new(ReaderBuilder::new().delimiter(delimiter).build())),
        };
        RecordReader {
            dialect,
            out: vec![0; 64 * 1024],
            ends: vec![0; 256],
            out_len: 0,
            ends_len: 0,
            partial: false,
            delimiter,
            plain_delimiter: Some(delimiter).filter(|&d| d != BLANKS && splits_plain_lines(d)),
            plain_line_breaks: 0,
            core_has_read: false,
            ahead_ends: Vec::new(),
            bom_wait: Vec::new(),
        }
    }

    /// A reader that leaves every line to csv-core, to check the plain-line
    /// path against.
    #[cfg(test)]
    fn without_plain_lines(delimiter: u8) -> Self {
        RecordReader {
            plain_delimiter: None,
            ..Self::new(delimiter)
        }
    }

    /// True when everything fed so far ended complete records (line breaks
    /// aside): the next byte starts a record, as a range split needs
    /// (docs/ingest/speed.md#parallel-read). Always false for blank-separated
    /// text, which is never split.
    pub fn at_record_start(&self) -> bool {
        matches!(self.dialect, Dialect::Csv(_)) && !self.partial && self.bom_wait.is_empty()
    }

    /// Feeds a chunk (empty = end of input) and hands each complete record
    /// to `sink` (a closure taking records, or a [`RecordSink`]). Returns
    /// `Ok(false)` when the sink asked to stop.
    pub fn feed(&mut self, input: &[u8], sink: &mut impl RecordSink) -> Result<bool, RecordTooLong> {
        let before_first_read = !self.core_has_read && matches!(self.dialect, Dialect::Csv(_));
        let bom_cut = !input.is_empty() && input.len() < BOM.len() && BOM.starts_with(input);
        if !before_first_read || (self.bom_wait.is_empty() && !bom_cut) {
            return self.feed_records(input, sink);
        }
        // csv-core strips a byte-order mark only when its first read holds
        // all of it: a mark cut by the first chunks waits for the rest.
        let mut head = std::mem::take(&mut self.bom_wait);
        head.extend_from_slice(input);
        if !input.is_empty() && head.len() < BOM.len() && BOM.starts_with(&head) {
            self.bom_wait = head;
            return Ok(true);
        }
        let more = self.feed_records(&head, sink)?;
        match input.is_empty() && more {
            true => self.feed_records(b"", sink),
            false => Ok(more),
        }
    }

    /// [`RecordReader::feed`] once a byte-order mark cannot be cut.
    fn feed_records(&mut self, mut input: &[u8], sink: &mut impl RecordSink) -> Result<bool, RecordTooLong> {
        // One branch per chunk: the CSV loop below is the hot path.
        let reader = match &mut self.dialect {
            Dialect::Csv(reader) => reader,
            Dialect::Blanks { partial, line } => {
                return feed_blanks(partial, line, &mut self.out, &mut self.ends, input, sink);
            }
        };
        loop {
            // csv-core strips a byte-order mark on its first read: it reads first.
            let at_line_start = self.core_has_read && !self.partial && self.out_len == 0 && self.ends_len == 0;
            if let Some(delimiter) = self.plain_delimiter.filter(|_| at_line_start) {
                let lines_before = reader.line().saturating_sub(1) + self.plain_line_breaks;
                self.ahead_ends.resize(2 * self.ends.len() * LINES_AHEAD, 0);
                let (more, read, breaks) = read_plain_lines(delimiter, input, lines_before, &mut self.ahead_ends, sink);
                input = &input[read..];
                self.plain_line_breaks += breaks;
                if !more {
                    return Ok(false);
                }
            }
            let (result, nin, nout, nend) =
                reader.read_record(input, &mut self.out[self.out_len..], &mut self.ends[self.ends_len..]);
            self.core_has_read = true;
            let is_record = matches!(result, ReadRecordResult::Record | ReadRecordResult::End);
            self.partial = !is_record && (self.partial || input[..nin].iter().any(|b| !matches!(b, b'\r' | b'\n')));
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
                        bounds: &self.ends[..self.ends_len],
                        // csv-core numbers lines from 1: the line breaks read are one less.
                        line: reader.line().saturating_sub(1) + self.plain_line_breaks,
                        delimiter: self.delimiter,
                        layout: Layout::Ends { gap: 0 },
                    };
                    self.out_len = 0;
                    self.ends_len = 0;
                    if !sink.record(&record) {
                        return Ok(false);
                    }
                }
                ReadRecordResult::End => return Ok(true),
            }
        }
    }
}

/// One line cut by [`read_plain_lines`] and not yet handed on.
#[derive(Clone, Copy, Default)]
struct CutLine {
    /// Where its bytes start in the input, and how many (its final carriage
    /// return off).
    start: usize,
    len: usize,
    /// Where its bounds start in the bounds buffer, and how many.
    bounds_at: usize,
    bounds_len: usize,
    /// Whether any field was quoted ([`Layout::Pairs`]).
    quoted: bool,
    line: u64,
    /// The bytes and line breaks read once it is handed on.
    read_after: usize,
    breaks_after: u64,
}

/// Reads the whole plain lines at the start of `input`, `lines_before` line
/// breaks into the text, and hands each to `sink` as a record, skipping blank
/// ones, as csv-core would (docs/ingest/speed.md#plain-lines); stops at the
/// first line it must leave to csv-core or that the chunk cuts. Lines are cut
/// [`LINES_AHEAD`] at a time, their bounds packed one after another into
/// `bounds` (each may take an equal share), and shown to
/// [`RecordSink::ahead`] before they are handed on, unless the sink declines
/// ([`RecordSink::look_ahead`]): then one at a time. Returns whether to go on,
/// the bytes read and the line breaks among them.
fn read_plain_lines(
    delimiter: u8,
    input: &[u8],
    lines_before: u64,
    bounds: &mut [usize],
    sink: &mut impl RecordSink,
) -> (bool, usize, u64) {
    let width = bounds.len() / LINES_AHEAD;
    let (mut read, mut breaks) = (0, 0);
    let mut cut = [CutLine::default(); LINES_AHEAD];
    loop {
        let group = if sink.look_ahead() { LINES_AHEAD } else { 1 };
        let (mut n, mut packed) = (0, 0);
        let mut at_end = false;
        while n < group {
            let Some(at) = memchr(b'\n', &input[read..]) else {
                at_end = true;
                break;
            };
            let line = &input[read..read + at];
            if !matches!(line, [] | [b'\r']) {
                // Packed, not at a fixed stride: bounds 4 KB apart would
                // share the same few cache sets.
                let Some((fields, data, quoted)) =
                    split_plain_line(line, delimiter, &mut bounds[packed..packed + width])
                else {
                    at_end = true;
                    break;
                };
                let bounds_len = if quoted { 2 * fields } else { fields };
                // csv-core ends a record at a carriage return, before its line
                // feed is counted: the same line number either way.
                let counted = u64::from(data.len() == line.len());
                cut[n] = CutLine {
                    start: read,
                    len: data.len(),
                    bounds_at: packed,
                    bounds_len,
                    quoted,
                    line: lines_before + breaks + counted,
                    read_after: read + at + 1,
                    breaks_after: breaks + 1,
                };
                packed += bounds_len;
                n += 1;
            }
            breaks += 1;
            read += at + 1;
        }
        let record = |cut: &CutLine| Record {
            data: &input[cut.start..cut.start + cut.len],
            bounds: &bounds[cut.bounds_at..cut.bounds_at + cut.bounds_len],
            line: cut.line,
            delimiter,
            layout: match cut.quoted {
                true => Layout::Pairs,
                false => Layout::Ends { gap: 1 },
            },
        };
        if group > 1 {
            for line in &cut[..n] {
                sink.ahead(&record(line));
            }
            sink.fetch_ahead();
        }
        for line in &cut[..n] {
            if !sink.record(&record(line)) {
                return (false, line.read_after, line.breaks_after);
            }
        }
        if at_end {
            return (true, read, breaks);
        }
    }
}

/// Feeds one chunk of blank-separated text (empty = end of input): every
/// complete line is a record, a line cut by the chunk's end waits in
/// `partial` for the next chunk.
fn feed_blanks(
    partial: &mut Vec<u8>,
    line: &mut u64,
    out: &mut Vec<u8>,
    ends: &mut Vec<usize>,
    input: &[u8],
    sink: &mut impl RecordSink,
) -> Result<bool, RecordTooLong> {
    let mut emit = |text: &[u8], line: u64| {
        split_blanks(text, out, ends);
        ends.is_empty()
            || sink.record(&Record {
                data: out,
                bounds: ends,
                line,
                delimiter: BLANKS,
                layout: Layout::Ends { gap: 0 },
            })
    };
    if input.is_empty() {
        let more = emit(partial, *line);
        partial.clear();
        return Ok(more);
    }
    let mut rest = input;
    while let Some(at) = rest.iter().position(|&b| b == b'\n') {
        *line += 1;
        let more = if partial.is_empty() {
            emit(&rest[..at], *line)
        } else {
            partial.extend_from_slice(&rest[..at]);
            let more = emit(partial, *line);
            partial.clear();
            more
        };
        if !more {
            return Ok(false);
        }
        rest = &rest[at + 1..];
    }
    if partial.len() + rest.len() > MAX_RECORD_BYTES {
        return Err(RecordTooLong);
    }
    partial.extend_from_slice(rest);
    Ok(true)
}

/// A space or a tab.
fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// Cuts one line (without its `\n`) into fields separated by runs of blanks:
/// the fields' bytes go to `out`, their ends to `ends` (none for a blank line).
fn split_blanks(text: &[u8], out: &mut Vec<u8>, ends: &mut Vec<usize>) {
    out.clear();
    ends.clear();
    let text = text.strip_suffix(b"\r").unwrap_or(text);
    let mut i = 0;
    while i < text.len() {
        if is_blank(text[i]) {
            i += 1;
            continue;
        }
        if text[i] == b'"' {
            i += 1;
            while i < text.len() {
                match (text[i], text.get(i + 1)) {
                    (b'"', Some(b'"')) => {
                        out.push(b'"');
                        i += 2;
                    }
                    (b'"', _) => {
                        i += 1;
                        break;
                    }
                    (b, _) => {
                        out.push(b);
                        i += 1;
                    }
                }
            }
        }
        // Unquoted text, or text glued to a closing quote, runs to the next blank.
        while i < text.len() && !is_blank(text[i]) {
            out.push(text[i]);
            i += 1;
        }
        ends.push(out.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every record's fields and line, and whether each chunk ended at a
    /// record start, reading `text` in `chunks` with `reader`, stopping
    /// after `stop_after` records.
    type Read = (Vec<(Vec<Vec<u8>>, u64, u128)>, Vec<bool>);

    fn read_in_chunks(mut reader: RecordReader, text: &[u8], chunks: &[usize], stop_after: usize) -> Read {
        let mut records = Vec::new();
        let mut starts = Vec::new();
        // One for all records, as a file's read keeps it.
        let mut scratch = Vec::new();
        let mut collect = |r: &Record| {
            records.push((
                (0..r.len()).map(|i| r.get(i).to_vec()).collect(),
                r.line(),
                r.fingerprint(&mut scratch),
            ));
            records.len() < stop_after
        };
        let mut rest = text;
        for &size in chunks.iter().chain(std::iter::once(&usize::MAX)) {
            let (piece, tail) = rest.split_at(size.min(rest.len()));
            rest = tail;
            if !reader.feed(piece, &mut collect).unwrap() {
                return (records, starts);
            }
            starts.push(reader.at_record_start());
            if rest.is_empty() {
                break;
            }
        }
        reader.feed(b"", &mut collect).unwrap();
        (records, starts)
    }

    proptest! {
        #[test]
        fn plain_lines_read_as_csv_core_reads_them(
            bytes in proptest::collection::vec(prop::sample::select(b"ab,;\"\r\n \xef\xbb\xbf".to_vec()), 0..300),
            chunks in proptest::collection::vec(1usize..40, 0..12),
            stop_after in 1usize..200,
        ) {
            for delimiter in [b',', b';'] {
                let fast = read_in_chunks(RecordReader::new(delimiter), &bytes, &chunks, stop_after);
                let core = read_in_chunks(RecordReader::without_plain_lines(delimiter), &bytes, &chunks, stop_after);
                prop_assert_eq!(&fast, &core);
                // And the fields as the csv crate reads the whole text.
                let mut csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(&bytes[..]);
                let expected: Vec<Vec<Vec<u8>>> = csv.byte_records().map(|r| r.unwrap().iter().map(<[u8]>::to_vec).collect()).take(stop_after).collect();
                let got: Vec<Vec<Vec<u8>>> = fast.0.into_iter().map(|(fields, _, _)| fields).collect();
                prop_assert_eq!(got, expected);
            }
        }
    }

    proptest! {
        /// Lines made of whole fields, quoted ones among them (with a
        /// delimiter or line break inside, doubled quotes, quotes mid-field,
        /// quotes and delimiters on either side of a 64-byte boundary),
        /// read as csv-core and the csv crate read them.
        #[test]
        fn quoted_fields_read_as_csv_core_reads_them(
            rows in proptest::collection::vec(
                proptest::collection::vec(prop::sample::select(vec![
                    "a", "", "\"b\"", "\"\"", "\"c,d\"", "\"e\nf\"", "\"g\"\"h\"", "i\"j", "\"k\"l", " \"m\"",
                    // Long enough for lines across several 64-byte words.
                    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn",
                    "\"ooooooooooooooooooooooooooooooo,ooooooooooooooooooooooooooooo\"",
                    "\"ppppppppppppppppppppppppppppppp\"",
                ]), 1..9),
                1..30,
            ),
            crlf in any::<bool>(),
            chunks in proptest::collection::vec(1usize..60, 0..8),
        ) {
            let end = if crlf { "\r\n" } else { "\n" };
            let text: String = rows.iter().map(|r| r.join(",") + end).collect();
            let bytes = text.as_bytes();
            let fast = read_in_chunks(RecordReader::new(b','), bytes, &chunks, usize::MAX);
            let core = read_in_chunks(RecordReader::without_plain_lines(b','), bytes, &chunks, usize::MAX);
            prop_assert_eq!(&fast, &core);
            let mut csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
            let expected: Vec<Vec<Vec<u8>>> = csv.byte_records().map(|r| r.unwrap().iter().map(<[u8]>::to_vec).collect()).collect();
            let got: Vec<Vec<Vec<u8>>> = fast.0.into_iter().map(|(fields, _, _)| fields).collect();
            prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn a_row_has_one_fingerprint_however_it_is_read_short_or_long() {
        for width in [1, 7, 8, 9, 300, 2000] {
            let long = "x".repeat(width);
            // Each after a first line, which csv-core always reads; the
            // last after a longer row, whose join the scratch still holds.
            let rows = [
                format!("h\n{long},b,c\n"),
                format!("h\n\"{long}\",b,\"c\"\n"),
                format!("h\n\"{long}\",\"b\",c\r\n"),
                format!("h\n\"{long}{long}y\",\"bb\",cc\n\"{long}\",\"b\",c\n"),
            ];
            let prints: Vec<u128> = rows
                .iter()
                .flat_map(|row| {
                    let fast = read_in_chunks(RecordReader::new(b','), row.as_bytes(), &[], usize::MAX);
                    let core = read_in_chunks(RecordReader::without_plain_lines(b','), row.as_bytes(), &[], usize::MAX);
                    let last = |read: &Read| read.0.last().map(|r| r.2);
                    [last(&fast), last(&core)]
                })
                .flatten()
                .collect();
            assert_eq!(prints.len(), 8);
            assert!(prints.iter().all(|&p| p == prints[0]), "width {width}: {prints:x?}");
        }
    }

    fn read_all(text: &str, chunk: usize) -> Vec<Vec<String>> {
        read_with(b',', text, chunk)
    }

    fn read_with(delimiter: u8, text: &str, chunk: usize) -> Vec<Vec<String>> {
        let mut rdr = RecordReader::new(delimiter);
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

    #[test]
    fn runs_of_blanks_separate_fields_at_any_chunking() {
        let text = "00001 19970101  1  11.77\r\n  00002\t19970112   5 \"New  York\"  \n\n   \n00003 \"say \"\"hi\"\"\" x\"y\"z \"\"\n00004 19970102";
        for chunk in [1, 2, 3, 5, 7, 1000] {
            let rows = read_with(BLANKS, text, chunk);
            assert_eq!(rows.len(), 4, "chunk {chunk}: {rows:?}");
            assert_eq!(rows[0], ["00001", "19970101", "1", "11.77"]);
            assert_eq!(rows[1], ["00002", "19970112", "5", "New  York"]);
            assert_eq!(rows[2], ["00003", "say \"hi\"", "x\"y\"z", ""]);
            assert_eq!(rows[3], ["00004", "19970102"]);
        }
    }

    /// Logs what a reader hands over: `A` for a look ahead, `F` for the
    /// fetch after them, `R` for a record; each with the record's first field.
    #[derive(Default)]
    struct Log(Vec<String>);

    impl RecordSink for Log {
        fn ahead(&mut self, record: &Record) {
            self.0.push(format!("A{}", String::from_utf8_lossy(record.get(0))));
        }
        fn fetch_ahead(&mut self) {
            self.0.push("F".into());
        }
        fn record(&mut self, record: &Record) -> bool {
            self.0.push(format!("R{}", String::from_utf8_lossy(record.get(0))));
            record.get(0) != b"stop"
        }
    }

    #[test]
    fn plain_lines_are_seen_ahead_in_groups_and_quoted_ones_are_not() {
        let mut text = String::from("h\n");
        for i in 0..LINES_AHEAD + 2 {
            text.push_str(&format!("{i}\n"));
        }
        text.push_str("\"q\nq\"\n7\nstop\nlost\n");
        let mut log = Log::default();
        let more = RecordReader::new(b',').feed(text.as_bytes(), &mut log).unwrap();
        assert!(!more, "the sink asked to stop");
        let log = log.0;
        // csv-core reads the first record (the header here, for a byte-order
        // mark) and the quoted one; every other record is handed on once, in
        // order, after its look ahead.
        let records: Vec<&String> = log.iter().filter(|e| e.starts_with('R')).collect();
        assert_eq!(records.len(), LINES_AHEAD + 6);
        assert_eq!(records.last().unwrap().as_str(), "Rstop");
        for (i, entry) in log
            .iter()
            .enumerate()
            .filter(|(_, e)| e.starts_with('R') && !["Rh", "Rq\nq"].contains(&e.as_str()))
        {
            let ahead = format!("A{}", &entry[1..]);
            let fetch = log[..i]
                .iter()
                .rposition(|e| e == "F")
                .expect("a fetch before every plain record");
            assert!(log[..fetch].contains(&ahead), "{entry} was seen ahead before the fetch");
        }
        // The first group is whole: all its lines are seen before any is handed on.
        assert_eq!(log[0], "Rh");
        assert!(log[1..=LINES_AHEAD].iter().all(|e| e.starts_with('A')));
        assert_eq!(log[LINES_AHEAD + 1], "F");
        assert!(
            !log.contains(&"Aq\nq".to_string()),
            "csv-core's records are not seen ahead"
        );
        assert!(!log.contains(&"Rlost".to_string()));
    }

    #[test]
    fn records_know_the_line_they_end_on() {
        for delimiter in [b',', BLANKS] {
            let mut rdr = RecordReader::new(delimiter);
            let mut lines = Vec::new();
            rdr.feed(b"title\n\nh1,h2\n1,2\n", &mut |r: &Record| {
                lines.push(r.line());
                true
            })
            .unwrap();
            assert_eq!(lines, [1, 3, 4], "{}", delimiter as char);
        }
    }

    #[test]
    fn a_record_start_is_known_after_any_prefix() {
        let text = "a,b\r\n\"x\ny\",2\r\n\r\n3,4\n";
        // Byte offsets after which a new record starts (a CR ends one too).
        let starts = [0, 4, 5, 13, 14, 15, 16, 20];
        for cut in 0..=text.len() {
            let mut rdr = RecordReader::new(b',');
            rdr.feed(&text.as_bytes()[..cut], &mut |_: &Record| true).unwrap();
            assert_eq!(rdr.at_record_start(), starts.contains(&cut), "cut {cut}");
        }
        assert!(!RecordReader::new(BLANKS).at_record_start());
    }

    #[test]
    fn an_endless_blank_separated_line_is_refused() {
        let mut rdr = RecordReader::new(BLANKS);
        let chunk = vec![b'x'; 1 << 20];
        let mut outcome = Ok(true);
        for _ in 0..=MAX_RECORD_BYTES >> 20 {
            outcome = rdr.feed(&chunk, &mut |_: &Record| true);
            if outcome.is_err() {
                break;
            }
        }
        assert_eq!(outcome, Err(RecordTooLong));
    }
}
