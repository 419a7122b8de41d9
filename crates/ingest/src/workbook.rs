//! Spreadsheets dropped like CSV files: a workbook's sheet becomes UTF-8
//! CSV (see [`super::xlsx`], which reads `.xlsx`/`.xlsm` safely) and then
//! takes the same path as a dropped CSV — sniff, mapping, streaming parse.
//! Older `.xls` files get a message asking to save them as `.xlsx`.

use super::error::{IngestError, Problem};
use super::sniff::{sniff, FileSchema};
use super::xlsx;

/// The first bytes of an OLE compound file: an old Excel `.xls` workbook.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// True when `prefix` starts like a workbook: a zip (`.xlsx`) or an OLE
/// compound file (`.xls`, which is refused with advice).
pub fn is_workbook(prefix: &[u8]) -> bool {
    prefix.starts_with(b"PK\x03\x04") || prefix.starts_with(&OLE_MAGIC)
}

/// Refuses `.xls` with its own advice.
fn refuse_old_excel(file_name: &str, bytes: &[u8]) -> Result<(), IngestError> {
    match bytes.starts_with(&OLE_MAGIC) {
        true => Err(IngestError::file(file_name, Problem::OldExcelFormat)),
        false => Ok(()),
    }
}

/// The names of the workbook's sheets, in order.
pub fn sheet_names(file_name: &str, bytes: &[u8]) -> Result<Vec<String>, IngestError> {
    refuse_old_excel(file_name, bytes)?;
    xlsx::sheet_names(file_name, bytes)
}

/// Sheet `sheet` (0-based) of the workbook as UTF-8 CSV (see [`xlsx::sheet_to_csv`]).
pub fn sheet_to_csv(file_name: &str, bytes: &[u8], sheet: usize) -> Result<Vec<u8>, IngestError> {
    refuse_old_excel(file_name, bytes)?;
    xlsx::sheet_to_csv(file_name, bytes, sheet)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workbook_magic() {
        assert!(is_workbook(b"PK\x03\x04rest"));
        assert!(is_workbook(&OLE_MAGIC));
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
