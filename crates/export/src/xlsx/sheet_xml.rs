//! A worksheet's XML (SpreadsheetML), written row by row: a frozen, bold
//! header row with an autofilter, text as inline strings (never formulas),
//! numbers as numbers and days as Excel dates.

use super::super::customer_row::Cell;
use super::super::number_cell::push_day;
use super::styles;
use segscope_model::Day;
use std::fmt::Write;

/// Excel's serial number of 1970-01-01 (day 0 of the dataset).
const UNIX_EPOCH_SERIAL: i64 = 25_569;
/// Serials Excel shows as the right date: 1900-03-01 (before it Excel
/// counts a 29 February 1900) to 9999-12-31. Other days are written as text.
const DATE_SERIALS: std::ops::RangeInclusive<i64> = 61..=2_958_465;

/// Appends the start of a sheet of `rows` rows (header included) and
/// `columns` columns, up to the opening of its data.
pub(super) fn push_sheet_start(out: &mut String, rows: u32, columns: usize, selected: bool) {
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
    );
    let _ = write!(
        out,
        "<dimension ref=\"A1:{}\"/>",
        cell_ref(columns.max(1) - 1, rows.max(1))
    );
    let _ = write!(
        out,
        "<sheetViews><sheetView {}workbookViewId=\"0\">\
         <pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>\
         <selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>",
        if selected { "tabSelected=\"1\" " } else { "" }
    );
    let _ = write!(
        out,
        "<sheetFormatPr defaultRowHeight=\"15\"/><cols><col min=\"1\" max=\"{columns}\" width=\"16\" customWidth=\"1\"/></cols><sheetData>"
    );
}

/// Appends the end of the sheet, with the autofilter over all its rows.
pub(super) fn push_sheet_end(out: &mut String, rows: u32, columns: usize) {
    let _ = write!(
        out,
        "</sheetData><autoFilter ref=\"A1:{}\"/></worksheet>",
        cell_ref(columns.max(1) - 1, rows.max(1))
    );
}

/// Appends row 1: bold header texts.
pub(super) fn push_header_row(out: &mut String, headers: &[&str]) {
    out.push_str("<row r=\"1\">");
    for (column, header) in headers.iter().enumerate() {
        push_text_cell(out, column, "1", header, styles::BOLD);
    }
    out.push_str("</row>");
}

/// Appends row `row` (1-based) holding `cells`; empty cells are left out.
pub(super) fn push_row(out: &mut String, row: u32, cells: &[Cell]) {
    let row = row.to_string();
    let _ = write!(out, "<row r=\"{row}\">");
    for (column, cell) in cells.iter().enumerate() {
        match *cell {
            Cell::Empty => {}
            Cell::Text(ref text) if text.is_empty() => {}
            Cell::Text(ref text) => push_text_cell(out, column, &row, text, styles::DEFAULT),
            Cell::Int(n) => push_number_cell(out, column, &row, n, styles::DEFAULT),
            Cell::Fixed(v, decimals) => {
                let style = if decimals == 2 { styles::MONEY } else { styles::SCORE };
                push_number_cell(out, column, &row, v, style);
            }
            Cell::Day(day) => push_day_cell(out, column, &row, day),
        }
    }
    out.push_str("</row>");
}

/// Appends `<c r="B7"` with the style unless it is the default.
fn push_cell_start(out: &mut String, column: usize, row: &str, style: u8) {
    out.push_str("<c r=\"");
    push_column_letters(out, column);
    out.push_str(row);
    out.push('"');
    if style != styles::DEFAULT {
        let _ = write!(out, " s=\"{style}\"");
    }
}

fn push_text_cell(out: &mut String, column: usize, row: &str, text: &str, style: u8) {
    push_cell_start(out, column, row, style);
    out.push_str(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    push_xml_text(out, text);
    out.push_str("</t></is></c>");
}

fn push_number_cell(out: &mut String, column: usize, row: &str, value: impl std::fmt::Display, style: u8) {
    push_cell_start(out, column, row, style);
    let _ = write!(out, "><v>{value}</v></c>");
}

/// A day as an Excel date, or as `YYYY-MM-DD` text outside Excel's range.
fn push_day_cell(out: &mut String, column: usize, row: &str, day: Day) {
    let serial = i64::from(day) + UNIX_EPOCH_SERIAL;
    if DATE_SERIALS.contains(&serial) {
        push_number_cell(out, column, row, serial, styles::DATE);
    } else {
        let mut text = String::with_capacity(10);
        push_day(&mut text, Some(day));
        push_text_cell(out, column, row, &text, styles::DEFAULT);
    }
}

/// `A1`-style reference of 0-based `column` and 1-based `row`.
fn cell_ref(column: usize, row: u32) -> String {
    let mut out = String::with_capacity(10);
    push_column_letters(&mut out, column);
    let _ = write!(out, "{row}");
    out
}

/// Appends the letters of 0-based `column`: `A`, …, `Z`, `AA`, …
pub(super) fn push_column_letters(out: &mut String, column: usize) {
    let mut letters = [0u8; 4];
    let mut start = letters.len();
    let mut n = column + 1;
    while n > 0 && start > 0 {
        start -= 1;
        letters[start] = b'A' + ((n - 1) % 26) as u8;
        n = (n - 1) / 26;
    }
    for &letter in &letters[start..] {
        out.push(char::from(letter));
    }
}

/// Appends `text` escaped for XML content or attributes. Characters XML 1.0
/// cannot hold (controls but tab and LF, U+FFFE, U+FFFF) and CR (which XML
/// readers turn into LF) are written as Excel's `_xHHHH_` escapes, and an
/// underscore that would start such an escape as `_x005F_`.
pub(super) fn push_xml_text(out: &mut String, text: &str) {
    // Most text needs nothing: U+FFFE and U+FFFF are the only ones of the
    // characters above that do not start with an ASCII byte, and start with 0xEF.
    if !text
        .bytes()
        .any(|b| b < b' ' || matches!(b, b'&' | b'<' | b'>' | b'"' | b'_' | 0xef))
    {
        out.push_str(text);
        return;
    }
    for (at, c) in text.char_indices() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' => out.push(c),
            '_' if starts_an_escape(&text[at..]) => out.push_str("_x005F_"),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {
                let _ = write!(out, "_x{:04X}_", u32::from(c));
            }
            c => out.push(c),
        }
    }
}

/// True when `text` starts with `_xHHHH_`.
fn starts_an_escape(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 7 && b[1] == b'x' && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        push_xml_text(&mut out, text);
        out
    }

    #[test]
    fn text_is_escaped_for_xml_and_excel() {
        assert_eq!(escaped("a<b>&\"c\""), "a&lt;b&gt;&amp;&quot;c&quot;");
        assert_eq!(escaped("tab\tlf\ncr\r"), "tab\tlf\ncr_x000D_");
        assert_eq!(escaped("\u{1}\u{ffff}"), "_x0001__xFFFF_");
        assert_eq!(escaped("_x0041_ _x00_ _"), "_x005F_x0041_ _x00_ _");
        assert_eq!(escaped("=SUM(A1)"), "=SUM(A1)");
    }

    #[test]
    fn references_and_dates() {
        assert_eq!(cell_ref(0, 1), "A1");
        assert_eq!(cell_ref(23, 7), "X7");
        assert_eq!(cell_ref(26, 2), "AA2");
        assert_eq!(cell_ref(16_383, 1), "XFD1");
        let mut out = String::new();
        push_day_cell(&mut out, 1, "2", 19_727);
        assert_eq!(out, "<c r=\"B2\" s=\"4\"><v>45296</v></c>");
        out.clear();
        push_day_cell(&mut out, 1, "2", -25_509);
        assert!(out.contains("1900-02-28"), "{out}");
    }
}
