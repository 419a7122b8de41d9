//! The fixed parts of the `.xlsx` package (Office Open XML): content types,
//! relationships and the workbook part listing the sheets.

use super::sheet_xml::{push_column_letters, push_xml_text};
use std::fmt::Write;

const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A sheet as the workbook part lists it.
pub(super) struct SheetEntry {
    /// The sheet's (valid, unique) name.
    pub name: String,
    /// Rows, the header included.
    pub rows: u32,
    /// Columns.
    pub columns: usize,
}

/// The path of sheet `n` (1-based) in the package.
pub(super) fn sheet_path(n: usize) -> String {
    format!("xl/worksheets/sheet{n}.xml")
}

/// `[Content_Types].xml` for `sheets` sheets.
pub(super) fn content_types(sheets: usize) -> String {
    let mut out = format!(
        "{XML_HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
         <Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    );
    for n in 1..=sheets {
        let _ = write!(
            out,
            "<Override PartName=\"/{}\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
            sheet_path(n)
        );
    }
    out.push_str("</Types>");
    out
}

/// `_rels/.rels`: the package's main part is the workbook.
pub(super) fn root_rels() -> String {
    format!(
        "{XML_HEAD}<Relationships xmlns=\"{REL_NS}\">\
         <Relationship Id=\"rId1\" Type=\"{DOC_REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    )
}

/// `xl/_rels/workbook.xml.rels`: sheet `n` is `rId{n}`, styles come last.
pub(super) fn workbook_rels(sheets: usize) -> String {
    let mut out = format!("{XML_HEAD}<Relationships xmlns=\"{REL_NS}\">");
    for n in 1..=sheets {
        let _ = write!(
            out,
            "<Relationship Id=\"rId{n}\" Type=\"{DOC_REL}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>"
        );
    }
    let _ = write!(
        out,
        "<Relationship Id=\"rId{}\" Type=\"{DOC_REL}/styles\" Target=\"styles.xml\"/></Relationships>",
        sheets + 1
    );
    out
}

/// `xl/workbook.xml`: the sheets in order, and each one's filter range as
/// the hidden `_FilterDatabase` name Excel expects beside an autofilter.
pub(super) fn workbook(sheets: &[SheetEntry]) -> String {
    let mut out = format!(
        "{XML_HEAD}<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
         xmlns:r=\"{DOC_REL}\"><bookViews><workbookView/></bookViews><sheets>"
    );
    for (i, sheet) in sheets.iter().enumerate() {
        out.push_str("<sheet name=\"");
        push_xml_text(&mut out, &sheet.name);
        let _ = write!(out, "\" sheetId=\"{}\" r:id=\"rId{}\"/>", i + 1, i + 1);
    }
    out.push_str("</sheets><definedNames>");
    for (i, sheet) in sheets.iter().enumerate() {
        let _ = write!(
            out,
            "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{i}\" hidden=\"1\">'"
        );
        push_xml_text(&mut out, &sheet.name.replace('\'', "''"));
        out.push_str("'!$A$1:$");
        push_column_letters(&mut out, sheet.columns.max(1) - 1);
        let _ = write!(out, "${}</definedName>", sheet.rows.max(1));
    }
    out.push_str("</definedNames></workbook>");
    out
}
