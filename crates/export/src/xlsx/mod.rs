//! The per-customer workbook (docs/product.md#acting-on-segments): an "All customers" sheet, then one
//! sheet per RFM segment that has customers, then "No purchase" for
//! non-buyers; headers and labels in the chosen language.
//!
//! A compact writer rather than a general xlsx library (rust_xlsxwriter cost
//! ~400 KB gzip in the worker, zip's writer alone ~175 KB): the package is a
//! zip of five kinds of XML parts, and each sheet's XML is streamed through
//! the deflater row by row, so memory holds the compressed file only. Text cells are inline strings, which
//! spreadsheets never evaluate, so formula-looking text needs no `'` prefix.

mod package;
mod sheet_name;
mod sheet_xml;
mod styles;

use super::customer_row::{customer_cells, localized_columns, LabelTexts, Wording, COLUMNS};
use super::error::ExportError;
use super::zip_out::ZipOut;
use crate::texts::t;
use package::SheetEntry;
use segscope_engine::{Analysis, RfmSegment};
use segscope_i18n::Lang;
use segscope_model::Dataset;
use std::io::Write;

/// Rows Excel allows per sheet, the header included; longer sheets are split
/// into "Name", "Name (2)", …
const EXCEL_ROWS: usize = 1_048_576;
/// Sheet XML is handed to the deflater in pieces of about this size.
const FLUSH_BYTES: usize = 1 << 16;

/// The `.xlsx` workbook of the customers at `indices` (in that order; out of
/// range ones skipped), with headers and labels in `lang`: bold frozen
/// header, autofilter, numbers as numbers and dates as Excel dates.
pub fn customers_xlsx(
    dataset: &Dataset,
    analysis: &Analysis,
    indices: impl Iterator<Item = usize>,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    workbook(dataset, analysis, indices, lang, EXCEL_ROWS - 1)
}

/// One sheet to write: its name and its customers.
struct Sheet {
    name: String,
    customers: Vec<usize>,
}

/// What every row of every sheet is read from.
struct Source<'a> {
    dataset: &'a Dataset,
    analysis: &'a Analysis,
    texts: LabelTexts<'a>,
    headers: [&'static str; COLUMNS],
}

/// The workbook, with at most `rows_per_sheet` customers per sheet.
fn workbook(
    dataset: &Dataset,
    analysis: &Analysis,
    indices: impl Iterator<Item = usize>,
    lang: Lang,
    rows_per_sheet: usize,
) -> Result<Vec<u8>, ExportError> {
    let source = Source {
        dataset,
        analysis,
        texts: LabelTexts::new(analysis, Wording::Localized(lang)),
        headers: localized_columns(lang),
    };
    let sheets = plan(&source, indices, lang, rows_per_sheet);
    let columns = source.headers.len();
    let entries: Vec<SheetEntry> = sheets
        .iter()
        .map(|s| SheetEntry {
            name: s.name.clone(),
            rows: row_count(s),
            columns,
        })
        .collect();
    let mut zip = ZipOut::default();
    let parts = [
        ("[Content_Types].xml", package::content_types(sheets.len())),
        ("_rels/.rels", package::root_rels()),
        ("xl/workbook.xml", package::workbook(&entries)),
        ("xl/_rels/workbook.xml.rels", package::workbook_rels(sheets.len())),
        ("xl/styles.xml", styles::STYLES_XML.to_string()),
    ];
    for (path, xml) in parts {
        zip.add(path, |out| out.write_all(xml.as_bytes()))?;
    }
    for (n, sheet) in sheets.iter().enumerate() {
        zip.add(&package::sheet_path(n + 1), |out| {
            write_sheet(out, &source, sheet, n == 0)
        })?;
    }
    zip.finish()
}

/// The sheets: everyone, then each segment with customers in table order,
/// then the non-buyers; each split after `rows_per_sheet` customers.
fn plan(source: &Source, indices: impl Iterator<Item = usize>, lang: Lang, rows_per_sheet: usize) -> Vec<Sheet> {
    let customers = source.dataset.customers.len();
    let all: Vec<usize> = indices.filter(|&i| i < customers).collect();
    let no_purchase = RfmSegment::ALL.len();
    let mut groups = vec![Vec::new(); no_purchase + 1];
    for &i in &all {
        let segment = source.analysis.labels.segment().get(i).copied().flatten();
        groups[segment.map_or(no_purchase, RfmSegment::index)].push(i);
    }
    let titles = RfmSegment::ALL
        .iter()
        .map(|&s| source.texts.segment(s))
        .chain([source.texts.no_purchase()]);
    let named = std::iter::once((t(lang, "export.sheet.all"), all))
        .chain(titles.zip(groups).filter(|(_, rows)| !rows.is_empty()));
    let mut sheets: Vec<Sheet> = Vec::new();
    for (title, rows) in named {
        // An empty selection still gets its header-only first sheet.
        let chunks: Vec<&[usize]> = if rows.is_empty() {
            vec![&[]]
        } else {
            rows.chunks(rows_per_sheet.max(1)).collect()
        };
        for chunk in chunks {
            let taken: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
            sheets.push(Sheet {
                name: sheet_name::unique_sheet_name(title, &taken),
                customers: chunk.to_vec(),
            });
        }
    }
    sheets
}

/// Rows of `sheet`, the header included.
fn row_count(sheet: &Sheet) -> u32 {
    u32::try_from(sheet.customers.len() + 1).unwrap_or(u32::MAX)
}

/// Streams one sheet's XML into `out`.
fn write_sheet(out: &mut dyn Write, source: &Source, sheet: &Sheet, selected: bool) -> std::io::Result<()> {
    let rows = row_count(sheet);
    let columns = source.headers.len();
    let mut xml = String::with_capacity(FLUSH_BYTES + 4096);
    sheet_xml::push_sheet_start(&mut xml, rows, columns, selected);
    sheet_xml::push_header_row(&mut xml, &source.headers);
    let mut row = 1u32;
    for &i in &sheet.customers {
        if let Some(cells) = customer_cells(source.dataset, source.analysis, &source.texts, i) {
            row += 1;
            sheet_xml::push_row(&mut xml, row, &cells);
        }
        if xml.len() >= FLUSH_BYTES {
            out.write_all(xml.as_bytes())?;
            xml.clear();
        }
    }
    sheet_xml::push_sheet_end(&mut xml, rows, columns);
    out.write_all(xml.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use segscope_engine::run;
    use segscope_engine::settings::Settings;

    #[test]
    fn long_sheets_are_split_under_numbered_names() {
        let keys: Vec<String> = (0..5).map(|i| format!("c{i}")).collect();
        let d = Dataset {
            customers: segscope_model::Customers::with_keys(keys),
            ..Dataset::default()
        };
        let a = run(&d, &Settings::default());
        let source = Source {
            dataset: &d,
            analysis: &a,
            texts: LabelTexts::new(&a, Wording::Localized(Lang::En)),
            headers: localized_columns(Lang::En),
        };
        let sheets = plan(&source, 0..7, Lang::En, 2);
        let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "All customers",
                "All customers (2)",
                "All customers (3)",
                "No purchase",
                "No purchase (2)",
                "No purchase (3)"
            ]
        );
        assert_eq!(sheets[2].customers, vec![4]);
        assert!(workbook(&d, &a, 0..5, Lang::En, 2).is_ok());
    }
}
