//! Excel workbooks (`.xlsx`/`.xlsm`, read by calamine): one sheet at a time
//! becomes UTF-8 CSV, which then takes the same path as a dropped CSV —
//! sniff, mapping, streaming parse. A workbook is a zip, so it is read whole,
//! unlike CSV. Only the xlsx reader is linked, to keep the download small;
//! older `.xls` files get a message asking to save them as `.xlsx`.

use super::error::{IngestError, Problem};
use super::sniff::{sniff, FileSchema};
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use std::io::Cursor;

/// More cells than this are refused (a sheet that large belongs in a CSV,
/// which is streamed); also a guard against zip bombs claiming huge sheets.
pub const MAX_CELLS: usize = 20_000_000;

/// The first bytes of an OLE compound file: an old Excel `.xls` workbook.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// True when `prefix` starts like a workbook: a zip (`.xlsx`) or an OLE
/// compound file (`.xls`, which is refused with advice).
pub fn is_workbook(prefix: &[u8]) -> bool {
    prefix.starts_with(b"PK\x03\x04") || prefix.starts_with(&OLE_MAGIC)
}

/// Opens the workbook, or says why it cannot be read.
fn open<'a>(file_name: &str, bytes: &'a [u8]) -> Result<Xlsx<Cursor<&'a [u8]>>, IngestError> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(IngestError::file(file_name, Problem::OldExcelFormat));
    }
    open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| unreadable(file_name))
}

/// The names of the workbook's sheets, in order.
pub fn sheet_names(file_name: &str, bytes: &[u8]) -> Result<Vec<String>, IngestError> {
    Ok(open(file_name, bytes)?.sheet_names())
}

/// Sheet `sheet` (0-based) of the workbook as UTF-8 CSV: comma-separated,
/// quoted where needed, LF line ends, rows in sheet order from the first used
/// row. Dates become `YYYY-MM-DD` (with ` HH:MM:SS` when they have a time).
pub fn sheet_to_csv(file_name: &str, bytes: &[u8], sheet: usize) -> Result<Vec<u8>, IngestError> {
    let mut workbook = open(file_name, bytes)?;
    let names = workbook.sheet_names();
    let name = names.get(sheet).ok_or_else(|| unreadable(file_name))?;
    let range = workbook.worksheet_range(name).map_err(|_| unreadable(file_name))?;
    let (rows, columns) = range.get_size();
    if rows.saturating_mul(columns) > MAX_CELLS {
        return Err(IngestError::file(file_name, Problem::WorkbookTooLarge));
    }
    let mut out = Vec::with_capacity(rows * columns * 8);
    for row in range.rows() {
        let used = row.iter().rposition(|c| !matches!(c, Data::Empty)).map_or(0, |i| i + 1);
        for (i, cell) in row[..used].iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            push_field(&mut out, &cell_text(cell));
        }
        out.push(b'\n');
    }
    Ok(out)
}

/// Sniffs sheet `sheet` of a workbook; the schema lists the sheets so the
/// mapping step can offer them. Returns the schema and the sheet's CSV.
pub fn sniff_sheet(file_name: &str, bytes: &[u8], sheet: usize) -> Result<(FileSchema, Vec<u8>), IngestError> {
    let sheets = sheet_names(file_name, bytes)?;
    let csv = sheet_to_csv(file_name, bytes, sheet)?;
    let mut schema = sniff(file_name, &csv, true)?;
    schema.sheets = sheets;
    schema.sheet = sheet;
    Ok((schema, csv))
}

/// Sniffs the first sheet that reads as a table (a leading notes sheet with
/// no rows is passed over); the error of the first sheet when none does.
pub fn sniff_first_sheet(file_name: &str, bytes: &[u8]) -> Result<(FileSchema, Vec<u8>), IngestError> {
    let sheets = sheet_names(file_name, bytes)?.len();
    let first = sniff_sheet(file_name, bytes, 0);
    if first.as_ref().is_ok_and(|(schema, _)| !schema.samples.is_empty()) {
        return first;
    }
    (1..sheets)
        .map(|sheet| sniff_sheet(file_name, bytes, sheet))
        .find(|found| found.as_ref().is_ok_and(|(schema, _)| !schema.samples.is_empty()))
        .unwrap_or(first)
}

fn unreadable(file_name: &str) -> IngestError {
    IngestError::file(file_name, Problem::UnreadableWorkbook)
}

/// A cell as the text a CSV export of the sheet would hold.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTime(dt) => float_text(dt.as_f64()),
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

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut out = Vec::new();
        push_field(&mut out, "plain");
        out.push(b',');
        push_field(&mut out, "a,\"b\"\nc");
        assert_eq!(out, b"plain,\"a,\"\"b\"\"\nc\"");
    }

    #[test]
    fn numbers_read_back_exactly() {
        assert_eq!(float_text(12.0), "12");
        assert_eq!(float_text(12.5), "12.5");
        assert_eq!(float_text(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_text(f64::NAN), "NaN");
    }

    #[test]
    fn workbook_magic() {
        assert!(is_workbook(b"PK\x03\x04rest"));
        assert!(is_workbook(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]));
        assert!(!is_workbook(b"customer_id,amount\n"));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bytes in [&b"PK\x03\x04"[..], b"PK\x03\x04\x00\x00garbage", b""] {
            let e = sheet_to_csv("w.xlsx", bytes, 0).unwrap_err();
            assert_eq!(e.problem, Problem::UnreadableWorkbook);
        }
        let e = sheet_to_csv("w.xls", &OLE_MAGIC, 0).unwrap_err();
        assert_eq!(e.problem, Problem::OldExcelFormat);
    }
}
