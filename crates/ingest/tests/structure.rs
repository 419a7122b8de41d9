//! Where a file's table starts (docs/ingest/structure.md): columns aligned
//! with runs of spaces, files without a header row, title rows above the
//! header (text and workbooks), header names that repeat, and a national id
//! as the only buyer key. The real-export families keep their headers.

use rust_xlsxwriter::Workbook;
use segscope_ingest::records::BLANKS;
use segscope_ingest::workbook::{is_workbook, sniff_first_sheet};
use segscope_ingest::{read_file, sniff, DatasetBuilder, FileKind, FileSchema, Role, SNIFF_BYTES};
use std::path::Path;

const CDNOW: &str = "\
00001 19970101  1  11.77
00002 19970112  1  12.00
00002 19970112  5  77.00
00003 19970102  2  20.76
00003 19970330  2  20.76
00003 19970402  2  19.54
00004 19970101  2  29.33
00004 19970118  2  29.73
00004 19970802  1  14.96
00005 19970101  2  29.33
";

fn header_of(schema: &FileSchema, role: Role) -> Option<&str> {
    schema.column(role).map(|c| schema.headers[c].as_str())
}

#[test]
fn aligned_columns_without_a_header_are_read_from_their_values() {
    let schema = sniff("CDNOW_master.txt", CDNOW.as_bytes(), true).unwrap();
    assert_eq!(schema.delimiter, BLANKS);
    assert!(schema.headerless);
    assert_eq!(schema.headers, ["Column 1", "Column 2", "Column 3", "Column 4"]);
    assert_eq!(schema.samples.len(), 10, "the first record is data");
    assert_eq!(schema.kind, FileKind::Orders);
    assert_eq!(schema.finding, None);
    assert_eq!(header_of(&schema, Role::CustomerKey), Some("Column 1"));
    assert_eq!(header_of(&schema, Role::OrderDate), Some("Column 2"));
    assert_eq!(header_of(&schema, Role::Quantity), Some("Column 3"));
    assert_eq!(header_of(&schema, Role::Amount), Some("Column 4"));
    assert_eq!(
        schema.column(Role::OrderId),
        None,
        "a buyer's rows on other days are no order lines"
    );
    let mut builder = DatasetBuilder::new();
    let report = read_file(schema, CDNOW.as_bytes(), &mut builder).unwrap();
    assert_eq!((report.rows_read, report.rows_kept), (10, 10));
    let (dataset, _) = builder.finish();
    assert_eq!(dataset.customers.len(), 5);
    assert_eq!(dataset.orders.len(), 10, "two records on one day are two orders");
    assert_eq!(dataset.customers.key()[0], "00001");
}

#[test]
fn aligned_columns_under_a_header_keep_it() {
    let text = "customer   date      qty  amount\n\
                00001      19970101    1   11.77\n\
                00002      19970112    5   77.00\n\
                00003      19970102    2   20.76\n";
    let schema = sniff("aligned.txt", text.as_bytes(), true).unwrap();
    assert_eq!(schema.delimiter, BLANKS);
    assert!(!schema.headerless);
    assert_eq!(schema.headers, ["customer", "date", "qty", "amount"]);
    assert_eq!(header_of(&schema, Role::CustomerKey), Some("customer"));
    assert_eq!(header_of(&schema, Role::Quantity), Some("qty"));
}

#[test]
fn a_csv_with_spaces_in_its_cells_stays_a_csv() {
    let text = "name,city,order date,amount\nAna Souza,New York,2024-01-05 10:00,12.50\n\
                Luis Pérez,San José,2024-01-06 11:00,3.00\nEva Li,Rio de Janeiro,2024-01-07 09:30,8.00\n";
    let schema = sniff("o.csv", text.as_bytes(), true).unwrap();
    assert_eq!(schema.delimiter, b',');
    assert!(!schema.headerless);
    // Headerless CSV with a date-time cell: commas split it best.
    let text = "A1,2024-01-05 10:00,12.50\nA2,2024-01-06 11:00,3.00\nA1,2024-01-09 08:00,8.00\n";
    let schema = sniff("o.csv", text.as_bytes(), true).unwrap();
    assert_eq!(schema.delimiter, b',');
    assert!(schema.headerless);
    assert_eq!(header_of(&schema, Role::OrderDate), Some("Column 2"));
}

#[test]
fn title_rows_above_a_csv_header_are_skipped_and_rows_keep_their_numbers() {
    let text = "Sales report\nPeriod: January 2024\n\n\
                order_id,customer_id,order_date,amount\n\
                1001,C1,2024-01-05,10.00\n\
                1002,C2,not a date,12.00\n\
                1003,C1,2024-01-07,5.50\n";
    let schema = sniff("report.csv", text.as_bytes(), true).unwrap();
    assert_eq!(schema.title_rows, 2);
    assert_eq!(schema.header_line, 4);
    assert_eq!(schema.headers, ["order_id", "customer_id", "order_date", "amount"]);
    assert_eq!(schema.samples.len(), 3);
    assert_eq!(header_of(&schema, Role::CustomerKey), Some("customer_id"));
    let mut builder = DatasetBuilder::new();
    let report = read_file(schema, text.as_bytes(), &mut builder).unwrap();
    assert_eq!((report.rows_read, report.rows_kept, report.rows_rejected), (3, 2, 1));
    let (_, quality) = builder.finish();
    assert_eq!(quality.rejections[0].row, 6, "the line the bad row is on");
    assert_eq!(quality.rejections[0].column, "order_date");
}

/// A sales report laid out as Mercado Libre writes it: title rows, a row of
/// column groups, two `Estado` columns (the province first here, to show the
/// values decide), a national id as the only buyer key.
fn report_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Ventas").unwrap();
    sheet.write_string(1, 0, "Período: julio de 2023").unwrap();
    sheet.write_string(4, 0, "Ventas").unwrap();
    sheet.write_string(4, 4, "Compradores").unwrap();
    let header = [
        "# de venta",
        "Fecha de venta",
        "Estado",
        "Ingresos por productos (ARS)",
        "Total (ARS)",
        "Comprador",
        "DNI",
        "Estado",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(5, c as u16, *h).unwrap();
    }
    let rows = [
        ("Salta", "Entregado", 30111222, "Ana Gómez", 2),
        ("Jujuy", "Venta cancelada", 28333444, "Luis Díaz", 3),
        ("Salta", "Entregado", 30111222, "Ana Gómez", 5),
        ("Córdoba", "En camino", 35555666, "Eva Romero", 8),
        ("Mendoza", "Devolución finalizada", 28333444, "Luis Díaz", 9),
        ("Salta", "Entregado", 35555666, "Eva Romero", 12),
    ];
    for (i, (province, status, dni, name, day)) in rows.iter().enumerate() {
        let r = 6 + i as u32;
        sheet.write_number(r, 0, 2_000_005_123_456_780.0 + i as f64).unwrap();
        sheet
            .write_string(r, 1, format!("{day} de julio de 2023 14:32 hs."))
            .unwrap();
        sheet.write_string(r, 2, *province).unwrap();
        sheet.write_number(r, 3, 1000.0 * (i + 1) as f64).unwrap();
        sheet.write_number(r, 4, 812.35 * (i + 1) as f64).unwrap();
        sheet.write_string(r, 5, *name).unwrap();
        sheet.write_number(r, 6, *dni as f64).unwrap();
        sheet.write_string(r, 7, *status).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_report_workbook_with_title_rows_repeated_names_and_a_national_id() {
    let (schema, csv) = sniff_first_sheet("Ventas.xlsx", &report_workbook()).unwrap();
    assert_eq!(schema.title_rows, 3, "title, period, column groups");
    assert_eq!(schema.header_line, 6, "the header is on the sheet's row 6");
    assert_eq!(schema.headers[2], "Estado");
    assert_eq!(schema.headers[7], "Estado (2)");
    assert_eq!(schema.kind, FileKind::Orders);
    assert_eq!(schema.finding, None);
    assert_eq!(
        header_of(&schema, Role::Status),
        Some("Estado (2)"),
        "the column of status words"
    );
    assert_eq!(header_of(&schema, Role::PersonKey), Some("DNI"));
    assert_eq!(schema.column(Role::CustomerKey), None);
    assert_eq!(header_of(&schema, Role::Amount), Some("Ingresos por productos (ARS)"));
    assert_eq!(header_of(&schema, Role::OrderDate), Some("Fecha de venta"));
    let mut builder = DatasetBuilder::new();
    let report = read_file(schema, &csv, &mut builder).unwrap();
    assert_eq!((report.rows_read, report.rows_kept), (6, 6));
    assert_eq!((report.cancellations, report.refunds), (1, 1));
    let (dataset, _) = builder.finish();
    assert_eq!(dataset.customers.key(), ["30111222", "28333444", "35555666"]);
}

/// The files of every real-export family (fixtures/real), sniffed as the
/// worker does.
fn real_schemas() -> Vec<(String, FileSchema)> {
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&real).unwrap().flatten().map(|e| e.path()) {
        let Ok(text) = std::fs::read_to_string(dir.join("expected.json")) else {
            continue;
        };
        let manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
        let family = manifest["family"].as_str().unwrap().to_string();
        for file in manifest["files"].as_array().unwrap() {
            let bytes = std::fs::read(dir.join(file.as_str().unwrap())).unwrap();
            let prefix = &bytes[..bytes.len().min(SNIFF_BYTES)];
            let schema = if is_workbook(prefix) {
                sniff_first_sheet(file.as_str().unwrap(), &bytes).map(|(s, _)| s)
            } else {
                sniff(file.as_str().unwrap(), prefix, bytes.len() <= SNIFF_BYTES)
            };
            if let Ok(schema) = schema {
                out.push((family.clone(), schema));
            }
        }
    }
    out
}

#[test]
fn real_exports_keep_their_header_row() {
    let schemas = real_schemas();
    assert!(schemas.len() > 20);
    for (family, schema) in &schemas {
        let layout = (schema.headerless, schema.title_rows, schema.header_line);
        let expected = match family.as_str() {
            "cdnow" => (true, 0, 0),
            "mercadolibre" => (false, 3, 6),
            _ => (false, 0, 1),
        };
        assert_eq!(layout, expected, "{family}: {}", schema.file_name);
        if family != "cdnow" {
            assert_ne!(schema.delimiter, BLANKS, "{family}");
        }
    }
}
