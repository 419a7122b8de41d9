//! Excel `.xlsx` / `.xlsm` workbooks, read without trusting their size claims:
//! one worksheet at a time becomes UTF-8 CSV, which then takes the same path as
//! a dropped CSV (sniff, mapping, streaming parse).
//!
//! calamine's `worksheet_range` allocates the whole bounding box of a sheet
//! (a 5 KB workbook with cells in A1 and XFD1048576 asks for 550 GB), and
//! opening a workbook reserves as many strings as `sharedStrings.xml` claims.
//! Both abort the process, so here the zip is checked first (declared part
//! sizes, which the zip reader enforces, and the shared-string count), and the
//! sheet is streamed cell by cell into CSV, without a dense range.
//! `.xls`, `.xlsb`, `.ods` and password-protected files are not read here:
//! they give [`Problem::UnreadableWorkbook`], whose message says to save as
//! `.xlsx` or CSV UTF-8.

use super::error::{IngestError, Problem};
use calamine::{DataRef, Reader, Xlsx, XlsxError};
use quick_xml::events::Event;
use std::borrow::Cow;
use std::io::{Cursor, Read};

/// More non-empty cells than this in one sheet are refused
/// ([`Problem::WorkbookTooLarge`]): a sheet that large belongs in a CSV, which
/// is streamed.
pub const MAX_CELLS: usize = 20_000_000;

/// The CSV of one sheet may be at most this long (1 GiB); longer is
/// [`Problem::WorkbookTooLarge`]. Kept at a power of two so the output buffer
/// never has to grow past it (on wasm32 a `Vec` cannot exceed 2 GiB).
pub const MAX_CSV_BYTES: usize = 1 << 30;

/// Cell elements read, empty ones included, before a sheet is refused: bounds
/// the time spent on a sheet of millions of empty styled cells.
const MAX_SCANNED_CELLS: usize = 5 * MAX_CELLS;

/// Largest uncompressed worksheet part (the zip reader enforces the declared
/// size, so this bounds the time spent parsing one sheet).
const MAX_SHEET_PART_BYTES: u64 = 2 << 30;

/// Largest total of the other XML parts, which calamine holds in memory
/// (shared strings, styles, workbook, relationships).
const MAX_OTHER_PARTS_BYTES: u64 = 1 << 30;

/// How far into `sharedStrings.xml` its `<sst>` start tag must begin.
const MAX_SST_HEAD_BYTES: u64 = 1 << 20;

/// Every shared string takes at least this many bytes of XML
/// (`<si><t/></si>` is 13), so a larger `uniqueCount` is a false claim.
const MIN_SHARED_STRING_XML_BYTES: u64 = 8;

/// The names of the workbook's sheets, in workbook order.
pub fn sheet_names(file_name: &str, bytes: &[u8]) -> Result<Vec<String>, IngestError> {
    Ok(open(file_name, bytes)?.sheet_names())
}

/// Sheet `sheet` (0-based, as in [`sheet_names`]) as UTF-8 CSV: comma
/// separated, RFC 4180 quoting of fields holding `,` `"` CR or LF, LF line
/// ends. Rows start at the first row with a value and columns at the first
/// column with a value; empty rows inside are kept as empty lines, so line
/// `n` of the CSV is sheet row `n` (offset by the leading empty rows);
/// trailing empty fields are left off. Numbers are written so they read back exactly (whole
/// numbers without `.0`), booleans as `TRUE`/`FALSE`, error cells as empty,
/// dates as `YYYY-MM-DD`, with ` HH:MM:SS` when they have a time.
pub fn sheet_to_csv(file_name: &str, bytes: &[u8], sheet: usize) -> Result<Vec<u8>, IngestError> {
    let mut workbook = open(file_name, bytes)?;
    let name = workbook
        .sheet_names()
        .get(sheet)
        .cloned()
        .ok_or_else(|| unreadable(file_name))?;
    let csv = match stream_sheet(&mut workbook, &name) {
        Err(Stop::OutOfOrder) => sorted_sheet(&mut workbook, &name),
        done => done,
    };
    csv.map_err(|stop| match stop {
        Stop::TooLarge => IngestError::file(file_name, Problem::WorkbookTooLarge),
        Stop::OutOfOrder | Stop::Unreadable => unreadable(file_name),
    })
}

/// Why a sheet was not converted.
enum Stop {
    /// A cell came before one already written: read the sheet again, sorted.
    OutOfOrder,
    /// More cells or CSV than the limits allow.
    TooLarge,
    /// The sheet XML could not be read.
    Unreadable,
}

fn unreadable(file_name: &str) -> IngestError {
    IngestError::file(file_name, Problem::UnreadableWorkbook)
}

/// Opens the workbook after checking the zip's size claims.
fn open<'b>(file_name: &str, bytes: &'b [u8]) -> Result<Xlsx<Cursor<&'b [u8]>>, IngestError> {
    check_parts(file_name, bytes)?;
    Xlsx::new(Cursor::new(bytes)).map_err(|_| unreadable(file_name))
}

/// Refuses a zip whose parts claim more than calamine can hold or parse in
/// reasonable time, or whose shared-string count is larger than its XML
/// could hold (calamine reserves that many strings up front).
fn check_parts(file_name: &str, bytes: &[u8]) -> Result<(), IngestError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| unreadable(file_name))?;
    let mut other_parts = 0u64;
    let mut shared_strings = Vec::new();
    for index in 0..zip.len() {
        let Ok(entry) = zip.by_index_raw(index) else {
            continue;
        };
        let name = String::from_utf8_lossy(entry.name_raw()).to_ascii_lowercase();
        let size = entry.size();
        if name.contains("worksheets/") || name.contains("worksheets\\") {
            if size > MAX_SHEET_PART_BYTES {
                return Err(IngestError::file(file_name, Problem::WorkbookTooLarge));
            }
        } else if name.ends_with(".xml") || name.ends_with(".rels") {
            other_parts = other_parts.saturating_add(size);
        }
        if name.ends_with("sharedstrings.xml") {
            shared_strings.push((index, size));
        }
    }
    if other_parts > MAX_OTHER_PARTS_BYTES {
        return Err(IngestError::file(file_name, Problem::WorkbookTooLarge));
    }
    for (index, size) in shared_strings {
        let Ok(entry) = zip.by_index(index) else {
            continue; // calamine fails on it too, with an error
        };
        let claimed = shared_string_count(entry.take(MAX_SST_HEAD_BYTES)).ok_or_else(|| unreadable(file_name))?;
        if claimed > (MAX_CELLS as u64).min(size / MIN_SHARED_STRING_XML_BYTES) {
            return Err(unreadable(file_name));
        }
    }
    Ok(())
}

/// The `uniqueCount` of the first `<sst>` start tag, read as calamine reads it
/// (0 when absent or not a number calamine would use); `None` when the tag is
/// not in the head, which a real workbook never does.
fn shared_string_count(head: impl Read) -> Option<u64> {
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(head));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "sst" => {
                for attr in e.attributes().with_checks(false).flatten() {
                    if attr.key.as_ref() == "uniqueCount" {
                        let digits = attr.value.as_bytes();
                        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
                            return Some(0);
                        }
                        // Saturates: an overflowing count is refused, not skipped.
                        return Some(
                            digits
                                .iter()
                                .fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0'))),
                        );
                    }
                }
                return Some(0);
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// Converts the sheet in one pass over its cells, which come in row order in
/// every workbook Excel and the usual libraries write.
fn stream_sheet<RS: Read + std::io::Seek>(workbook: &mut Xlsx<RS>, name: &str) -> Result<Vec<u8>, Stop> {
    let mut cells = match workbook.worksheet_cells_reader(name) {
        Ok(cells) => cells,
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()), // a chart sheet: no rows
        Err(_) => return Err(Stop::Unreadable),
    };
    let mut csv = CsvSheet::default();
    let mut scanned = 0usize;
    while let Some(cell) = cells.next_cell().map_err(|_| Stop::Unreadable)? {
        scanned += 1;
        if scanned > MAX_SCANNED_CELLS {
            return Err(Stop::TooLarge);
        }
        let (row, col) = cell.get_position();
        csv.push(row, col, &cell_text(cell.get_value()))?;
    }
    Ok(csv.finish())
}

/// Converts a sheet whose cells are out of row order: collects them, sorts
/// them, and keeps the last of cells written twice, as calamine's range does.
fn sorted_sheet<RS: Read + std::io::Seek>(workbook: &mut Xlsx<RS>, name: &str) -> Result<Vec<u8>, Stop> {
    let mut cells = workbook.worksheet_cells_reader(name).map_err(|_| Stop::Unreadable)?;
    let mut all: Vec<((u32, u32), String)> = Vec::new();
    let (mut scanned, mut text_bytes) = (0usize, 0usize);
    while let Some(cell) = cells.next_cell().map_err(|_| Stop::Unreadable)? {
        scanned += 1;
        let text = cell_text(cell.get_value());
        text_bytes = text_bytes.saturating_add(text.len());
        if scanned > MAX_SCANNED_CELLS || all.len() >= MAX_CELLS || text_bytes > MAX_CSV_BYTES {
            return Err(Stop::TooLarge);
        }
        all.push((cell.get_position(), text.into_owned()));
    }
    all.sort_by_key(|(pos, _)| *pos);
    let mut csv = CsvSheet::default();
    for (i, (pos, text)) in all.iter().enumerate() {
        if all.get(i + 1).is_some_and(|(next, _)| next == pos) {
            continue;
        }
        csv.push(pos.0, pos.1, text)?;
    }
    Ok(csv.finish())
}

/// CSV written cell by cell, in row order; lines begin at absolute column 0
/// and the leading columns no row uses are cut off in [`CsvSheet::finish`].
#[derive(Default)]
struct CsvSheet {
    out: Vec<u8>,
    /// The row being written and the column after its last field.
    at: Option<(u32, u32)>,
    /// Where each line with a field begins in `out`.
    line_starts: Vec<usize>,
    /// The first column with a value, over all rows.
    first_col: u32,
    /// Non-empty cells written.
    cells: usize,
}

impl CsvSheet {
    /// Adds a cell's text; empty text writes nothing.
    fn push(&mut self, row: u32, col: u32, text: &str) -> Result<(), Stop> {
        if text.is_empty() {
            return Ok(());
        }
        self.cells += 1;
        if self.cells > MAX_CELLS {
            return Err(Stop::TooLarge);
        }
        let commas = match self.at {
            None => {
                self.first_col = col;
                self.line_starts.push(self.out.len());
                col
            }
            Some((at_row, _)) if row > at_row => {
                self.reserve((row - at_row) as usize)?;
                self.out.resize(self.out.len() + (row - at_row) as usize, b'\n');
                self.first_col = self.first_col.min(col);
                self.line_starts.push(self.out.len());
                col
            }
            Some((at_row, next_col)) if row == at_row && col >= next_col => col - next_col + 1,
            Some(_) => return Err(Stop::OutOfOrder),
        };
        self.at = Some((row, col.saturating_add(1)));
        self.reserve(
            (commas as usize)
                .saturating_add(text.len().saturating_mul(2))
                .saturating_add(2),
        )?;
        self.out.resize(self.out.len() + commas as usize, b',');
        push_field(&mut self.out, text);
        Ok(())
    }

    /// Refuses to grow the CSV past [`MAX_CSV_BYTES`].
    fn reserve(&mut self, more: usize) -> Result<(), Stop> {
        if self.out.len().saturating_add(more) > MAX_CSV_BYTES {
            return Err(Stop::TooLarge);
        }
        Ok(())
    }

    /// Ends the last line and cuts the unused leading columns.
    fn finish(mut self) -> Vec<u8> {
        if self.at.is_some() {
            self.out.push(b'\n');
        }
        let cut = self.first_col as usize;
        if cut > 0 {
            // Each line with a field starts with at least `cut` commas (a
            // field never begins with a comma, quoted or not).
            let (mut read, mut write) = (0usize, 0usize);
            for &start in &self.line_starts {
                self.out.copy_within(read..start, write);
                write += start - read;
                read = start + cut;
            }
            self.out.copy_within(read.., write);
            write += self.out.len() - read;
            self.out.truncate(write);
        }
        self.out
    }
}

/// A cell as the text a CSV export of the sheet would hold.
fn cell_text<'c>(cell: &'c DataRef<'_>) -> Cow<'c, str> {
    match cell {
        DataRef::Empty | DataRef::Error(_) => Cow::Borrowed(""),
        DataRef::SharedString(s) => Cow::Borrowed(s),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cow::Borrowed(s),
        DataRef::Int(i) => Cow::Owned(i.to_string()),
        DataRef::Float(f) => Cow::Owned(float_text(*f)),
        DataRef::Bool(b) => Cow::Borrowed(if *b { "TRUE" } else { "FALSE" }),
        DataRef::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            Cow::Owned(if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            })
        }
        DataRef::DateTime(dt) => Cow::Owned(float_text(dt.as_f64())),
    }
}

/// Shortest text that reads back as `f`; whole numbers without `.0`.
fn float_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// Appends a CSV field, quoted when it holds a comma, quote or line break.
fn push_field(out: &mut Vec<u8>, text: &str) {
    if !text.contains([',', '"', '\n', '\r']) {
        out.extend_from_slice(text.as_bytes());
        return;
    }
    out.push(b'"');
    for byte in text.bytes() {
        if byte == b'"' {
            out.push(b'"');
        }
        out.push(byte);
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv_of(cells: &[(u32, u32, &str)]) -> String {
        let mut csv = CsvSheet::default();
        for &(row, col, text) in cells {
            assert!(csv.push(row, col, text).is_ok());
        }
        String::from_utf8(csv.finish()).unwrap()
    }

    #[test]
    fn rows_gaps_and_leading_columns() {
        assert_eq!(csv_of(&[]), "");
        assert_eq!(csv_of(&[(0, 0, "a"), (0, 2, "b"), (2, 1, "c")]), "a,,b\n\n,c\n");
        // Leading empty rows and columns are cut; a quoted field may hold commas.
        assert_eq!(
            csv_of(&[(3, 2, "h1"), (3, 3, "h2"), (4, 3, "x,y"), (5, 2, "z")]),
            "h1,h2\n,\"x,y\"\nz\n"
        );
        assert_eq!(csv_of(&[(0, 1, "a"), (0, 2, "")]), "a\n");
    }

    #[test]
    fn out_of_order_cells_are_noticed() {
        let mut csv = CsvSheet::default();
        assert!(csv.push(1, 0, "a").is_ok());
        assert!(matches!(csv.push(0, 0, "b"), Err(Stop::OutOfOrder)));
        assert!(matches!(csv.push(1, 0, "b"), Err(Stop::OutOfOrder)));
    }

    #[test]
    fn a_far_cell_past_the_size_cap_is_refused() {
        let mut csv = CsvSheet::default();
        assert!(csv.push(0, 0, "a").is_ok());
        assert!(matches!(csv.push(u32::MAX, 0, "b"), Err(Stop::TooLarge)));
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut out = Vec::new();
        push_field(&mut out, "plain");
        out.push(b',');
        push_field(&mut out, "a,\"b\"\r\nc");
        assert_eq!(out, b"plain,\"a,\"\"b\"\"\r\nc\"");
    }

    #[test]
    fn numbers_read_back_exactly() {
        assert_eq!(float_text(12.0), "12");
        assert_eq!(float_text(12.5), "12.5");
        assert_eq!(float_text(-0.0), "0");
        assert_eq!(float_text(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_text(1e20), "100000000000000000000");
    }

    #[test]
    fn shared_string_count_is_read_like_calamine() {
        let count = |xml: &str| shared_string_count(xml.as_bytes());
        assert_eq!(
            count(r#"<?xml version="1.0"?><sst count="3" uniqueCount="2"><si/>"#),
            Some(2)
        );
        assert_eq!(
            count(r#"<!-- <sst uniqueCount="1"> --><x:sst uniqueCount="99999999999999999999999">"#),
            Some(u64::MAX)
        );
        assert_eq!(count(r#"<sst xmlns="x">"#), Some(0));
        assert_eq!(count(r#"<sst uniqueCount="12a">"#), Some(0));
        assert_eq!(count("<other/>"), None);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bytes in [
            &b"PK\x03\x04"[..],
            b"PK\x03\x04\x00\x00garbage",
            b"",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        ] {
            let e = sheet_to_csv("w.xlsx", bytes, 0).unwrap_err();
            assert_eq!(e.problem, Problem::UnreadableWorkbook);
            assert!(sheet_names("w.xlsx", bytes).is_err());
        }
    }
}
