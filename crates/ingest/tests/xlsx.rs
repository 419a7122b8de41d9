//! `.xlsx` sheets become CSV that the CSV pipeline reads like a dropped file;
//! workbooks that lie about their size, or are damaged, give an error and
//! never a panic or an abort. Workbooks are written in memory here (no binary
//! fixtures) and edited part by part to make the bad ones.

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_xlsxwriter::{Format, Workbook};
use segscope_i18n::Lang;
use segscope_ingest::workbook::is_workbook;
use segscope_ingest::xlsx::{sheet_names, sheet_to_csv};
use segscope_ingest::{read_file, sniff, workbook, DatasetBuilder, FileKind, Problem, Role};
use std::io::{Cursor, Read, Write};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Orders (with a date cell, a date-time cell, float amounts, a customer id
/// holding a comma and quotes, an empty row and a bad amount) and customers.
fn shop_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    let orders = book.add_worksheet();
    orders.set_name("Orders").unwrap();
    for (col, header) in ["order_id", "customer_id", "order_date", "amount", "status"]
        .iter()
        .enumerate()
    {
        orders.write_string(0, col as u16, *header).unwrap();
    }
    let lee = "Lee, \"Jo\"";
    orders.write_number(1, 0, 1001).unwrap();
    orders.write_string(1, 1, "C1").unwrap();
    orders.write_datetime_with_format(1, 2, day(2024, 1, 5), &date).unwrap();
    orders.write_number(1, 3, 12.5).unwrap();
    orders.write_string(1, 4, "paid").unwrap();
    orders.write_number(2, 0, 1002).unwrap();
    orders.write_string(2, 1, lee).unwrap();
    let afternoon = day(2024, 1, 6).and_hms_opt(13, 5, 0).unwrap();
    orders.write_datetime_with_format(2, 2, afternoon, &datetime).unwrap();
    orders.write_number(2, 3, 30.0).unwrap();
    orders.write_string(2, 4, "paid").unwrap();
    // Row 4 of the sheet is left empty, as exports sometimes have.
    orders.write_number(4, 0, 1003).unwrap();
    orders.write_string(4, 1, "C1").unwrap();
    orders.write_datetime_with_format(4, 2, day(2024, 1, 7), &date).unwrap();
    orders.write_number(4, 3, 7.25).unwrap();
    orders.write_string(4, 4, "cancelled").unwrap();
    orders.write_number(5, 0, 1004).unwrap();
    orders.write_string(5, 1, lee).unwrap();
    orders.write_datetime_with_format(5, 2, day(2024, 2, 1), &date).unwrap();
    orders.write_number(5, 3, 19.99).unwrap();
    orders.write_string(5, 4, "paid").unwrap();
    orders.write_number(6, 0, 1005).unwrap();
    orders.write_string(6, 1, "C3").unwrap();
    orders.write_datetime_with_format(6, 2, day(2024, 2, 2), &date).unwrap();
    orders.write_string(6, 3, "n/a").unwrap();
    orders.write_string(6, 4, "paid").unwrap();

    let customers = book.add_worksheet();
    customers.set_name("客户").unwrap();
    for (col, header) in ["customer_id", "name", "vip", "points"].iter().enumerate() {
        customers.write_string(0, col as u16, *header).unwrap();
    }
    customers.write_string(1, 0, "C1").unwrap();
    customers.write_string(1, 1, "张三").unwrap();
    customers.write_boolean(1, 2, true).unwrap();
    customers.write_number(1, 3, 120).unwrap();
    customers.write_string(2, 0, "C3").unwrap();
    customers.write_string(2, 1, "line one\nline two").unwrap();
    customers.write_boolean(2, 2, false).unwrap();
    book.save_to_buffer().unwrap()
}

const ORDERS_CSV: &str = "order_id,customer_id,order_date,amount,status\n\
    1001,C1,2024-01-05,12.5,paid\n\
    1002,\"Lee, \"\"Jo\"\"\",2024-01-06 13:05:00,30,paid\n\
    \n\
    1003,C1,2024-01-07,7.25,cancelled\n\
    1004,\"Lee, \"\"Jo\"\"\",2024-02-01,19.99,paid\n\
    1005,C3,2024-02-02,n/a,paid\n";

fn csv_text(bytes: &[u8], sheet: usize) -> String {
    String::from_utf8(sheet_to_csv("shop.xlsx", bytes, sheet).unwrap()).unwrap()
}

/// The workbook with zip part `part` replaced by `edit` of it.
fn edit_part(bytes: &[u8], part: &str, edit: impl FnOnce(Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    let mut source = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut edit = Some(edit);
    for index in 0..source.len() {
        let mut entry = source.by_index(index).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if name == part {
            data = (edit.take().unwrap())(data);
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&data).unwrap();
    }
    assert!(edit.is_none(), "no part {part}");
    out.finish().unwrap().into_inner()
}

fn edit_text(bytes: &[u8], part: &str, edit: impl FnOnce(String) -> String) -> Vec<u8> {
    edit_part(bytes, part, |data| edit(String::from_utf8(data).unwrap()).into_bytes())
}

#[test]
fn sheets_become_csv_with_dates_numbers_and_quoted_text() {
    let bytes = shop_workbook();
    assert!(is_workbook(&bytes[..8]));
    assert_eq!(sheet_names("shop.xlsx", &bytes).unwrap(), vec!["Orders", "客户"]);
    assert_eq!(csv_text(&bytes, 0), ORDERS_CSV);
    assert_eq!(
        csv_text(&bytes, 1),
        "customer_id,name,vip,points\nC1,张三,TRUE,120\nC3,\"line one\nline two\",FALSE\n"
    );
}

#[test]
fn a_sheet_is_read_by_the_csv_pipeline() {
    let csv = sheet_to_csv("shop.xlsx", &shop_workbook(), 0).unwrap();
    let schema = sniff("shop.xlsx", &csv, true).unwrap();
    assert_eq!(schema.kind, FileKind::Orders);
    assert_eq!(schema.column(Role::OrderDate), Some(2));
    assert_eq!(schema.column(Role::Amount), Some(3));
    let mut builder = DatasetBuilder::new();
    let report = read_file(schema, &csv, &mut builder).unwrap();
    assert_eq!((report.rows_read, report.rows_kept, report.rows_rejected), (5, 4, 1));
    assert_eq!(report.cancellations, 1);
    assert_eq!(report.first_date.as_deref(), Some("2024-01-05"));
    assert_eq!(report.last_date.as_deref(), Some("2024-02-01"));
    let (dataset, quality) = builder.finish();
    // The bad amount is on row 7 of the sheet and on line 7 of the CSV. The
    // CSV reader numbers rows without counting blank lines (a dropped CSV
    // with that blank line gets the same number), so it reports row 6.
    assert_eq!(quality.rejections.len(), 1);
    assert_eq!(ORDERS_CSV.lines().nth(6), Some("1005,C3,2024-02-02,n/a,paid"));
    assert_eq!(
        (quality.rejections[0].row, quality.rejections[0].value.as_str()),
        (6, "n/a")
    );
    let revenue: f64 = dataset
        .orders
        .amount()
        .iter()
        .zip(dataset.orders.status())
        .filter(|(_, status)| **status == segscope_model::OrderStatus::Paid)
        .map(|(amount, _)| amount)
        .sum();
    assert!((revenue - (12.5 + 30.0 + 19.99)).abs() < 1e-9, "{revenue}");
    assert_eq!(dataset.customers.len(), 2);
}

#[test]
fn chinese_headers_map_to_roles() {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let sheet = book.add_worksheet();
    sheet.set_name("订单").unwrap();
    for (col, header) in ["订单号", "客户ID", "下单时间", "实付金额"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    for (row, (customer, amount)) in [("张三", 88.0), ("李四", 12.3), ("张三", 0.5)].iter().enumerate() {
        let row = row as u32 + 1;
        sheet.write_string(row, 0, format!("E{row}")).unwrap();
        sheet.write_string(row, 1, *customer).unwrap();
        sheet
            .write_datetime_with_format(row, 2, day(2024, 3, row), &date)
            .unwrap();
        sheet.write_number(row, 3, *amount).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let csv = sheet_to_csv("订单.xlsx", &bytes, 0).unwrap();
    assert_eq!(
        String::from_utf8(csv.clone()).unwrap(),
        "订单号,客户ID,下单时间,实付金额\nE1,张三,2024-03-01,88\nE2,李四,2024-03-02,12.3\nE3,张三,2024-03-03,0.5\n"
    );
    let schema = sniff("订单.xlsx", &csv, true).unwrap();
    assert_eq!(schema.kind, FileKind::Orders);
    assert_eq!(schema.column(Role::OrderId), Some(0));
    assert_eq!(schema.column(Role::CustomerKey), Some(1));
    assert_eq!(schema.column(Role::OrderDate), Some(2));
    assert_eq!(schema.column(Role::Amount), Some(3));
    let mut builder = DatasetBuilder::new();
    let report = read_file(schema, &csv, &mut builder).unwrap();
    assert_eq!((report.rows_kept, report.rows_rejected), (3, 0));
    let (dataset, _) = builder.finish();
    assert!((dataset.orders.amount().iter().sum::<f64>() - 100.8).abs() < 1e-9);
    assert_eq!(dataset.customers.len(), 2);
}

#[test]
fn leading_empty_rows_and_columns_are_left_off() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(2, 1, "customer_id").unwrap();
    sheet.write_string(2, 2, "amount").unwrap();
    sheet.write_string(3, 1, "C1").unwrap();
    sheet.write_number(3, 2, -1.5e-7).unwrap();
    sheet.write_number(5, 2, 1e21).unwrap();
    let bytes = book.save_to_buffer().unwrap();
    assert_eq!(
        String::from_utf8(sheet_to_csv("w.xlsx", &bytes, 0).unwrap()).unwrap(),
        "customer_id,amount\nC1,-0.00000015\n\n,1000000000000000000000\n"
    );
}

#[test]
fn cells_out_of_row_order_or_written_twice_read_like_calamines_range() {
    let bytes = shop_workbook();
    let sheet = "xl/worksheets/sheet1.xml";
    // Rows in reverse order.
    let reversed = edit_text(&bytes, sheet, |xml| {
        let start = xml.find("<sheetData>").unwrap() + "<sheetData>".len();
        let end = xml.find("</sheetData>").unwrap();
        let rows: Vec<String> = xml[start..end].split_inclusive("</row>").map(str::to_string).collect();
        let reversed: String = rows.into_iter().rev().collect();
        format!("{}{}{}", &xml[..start], reversed, &xml[end..])
    });
    assert_eq!(csv_text(&reversed, 0), ORDERS_CSV);
    // The first order's row written a second time with another amount: the last one wins.
    let twice = edit_text(&bytes, sheet, |xml| {
        let end = xml.find("</sheetData>").unwrap();
        format!(
            r#"{}<row r="2"><c r="D2"><v>99</v></c></row>{}"#,
            &xml[..end],
            &xml[end..]
        )
    });
    let expected = workbook::sheet_to_csv("shop.xlsx", &twice, 0).unwrap();
    assert_eq!(sheet_to_csv("shop.xlsx", &twice, 0).unwrap(), expected);
    assert!(String::from_utf8(expected)
        .unwrap()
        .contains("\n1001,C1,2024-01-05,99,paid\n"));
}

#[test]
fn a_missing_sheet_or_a_damaged_workbook_is_an_error() {
    let bytes = shop_workbook();
    let e = sheet_to_csv("shop.xlsx", &bytes, 2).unwrap_err();
    assert_eq!(
        (e.file.as_str(), &e.problem),
        ("shop.xlsx", &Problem::UnreadableWorkbook)
    );
    assert!(e.message(Lang::En).contains("save it as .xlsx or CSV UTF-8"));
    for cut in [
        0,
        4,
        30,
        bytes.len() / 3,
        bytes.len() / 2,
        bytes.len() - 22,
        bytes.len() - 1,
    ] {
        assert!(sheet_names("shop.xlsx", &bytes[..cut]).is_err(), "cut at {cut}");
        let e = sheet_to_csv("shop.xlsx", &bytes[..cut], 0).unwrap_err();
        assert_eq!(e.problem, Problem::UnreadableWorkbook, "cut at {cut}");
    }
    // A CSV, an old .xls header and a broken sheet XML.
    assert!(sheet_to_csv("a.csv", b"customer_id,amount\nC1,3\n", 0).is_err());
    assert!(sheet_to_csv("a.xls", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 0).is_err());
    let broken = edit_text(&bytes, "xl/worksheets/sheet1.xml", |xml| {
        xml.replace("</sheetData>", "")
    });
    assert_eq!(
        sheet_to_csv("shop.xlsx", &broken, 0).unwrap_err().problem,
        Problem::UnreadableWorkbook
    );
    assert_eq!(csv_text(&broken, 1).lines().next(), Some("customer_id,name,vip,points"));
}

/// calamine's `worksheet_range` would allocate the 16384 × 1048576 bounding
/// box (550 GB) and abort; the stream writes ~1 MB of empty lines and commas.
#[test]
fn cells_in_opposite_corners_of_the_sheet_do_not_allocate_the_box_between() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "customer_id").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let csv = sheet_to_csv("w.xlsx", &bytes, 0).unwrap();
    assert_eq!(csv.len(), "customer_id\n".len() + 1_048_574 + 16_383 + "x\n".len());
    assert!(csv.starts_with(b"customer_id\n\n\n"));
    assert!(csv.ends_with(&[&b"\n"[..], &[b','; 16_383], b"x\n"].concat()));
}

#[test]
fn a_cell_far_beyond_the_last_row_is_refused_before_anything_is_allocated() {
    let far = edit_text(&shop_workbook(), "xl/worksheets/sheet1.xml", |xml| {
        let end = xml.find("</sheetData>").unwrap();
        format!(
            r#"{}<row r="9"><c r="A4000000000" t="str"><v>x</v></c></row>{}"#,
            &xml[..end],
            &xml[end..]
        )
    });
    assert_eq!(
        sheet_to_csv("w.xlsx", &far, 0).unwrap_err().problem,
        Problem::WorkbookTooLarge
    );
}

/// calamine reserves `uniqueCount` strings when it opens a workbook: a false
/// count aborts (or panics with "capacity overflow") before any check of ours
/// could run afterwards, so it is read first.
#[test]
fn a_false_shared_string_count_is_refused_before_calamine_reserves_it() {
    let bytes = shop_workbook();
    for count in [
        "1000000000000",
        "18000000000000000000",
        "99999999999999999999999",
        "20000001",
    ] {
        let lying = edit_text(&bytes, "xl/sharedStrings.xml", |xml| {
            let start = xml.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
            let end = start + xml[start..].find('"').unwrap();
            format!("{}{count}{}", &xml[..start], &xml[end..])
        });
        assert_eq!(
            sheet_names("w.xlsx", &lying).unwrap_err().problem,
            Problem::UnreadableWorkbook
        );
        assert_eq!(
            sheet_to_csv("w.xlsx", &lying, 0).unwrap_err().problem,
            Problem::UnreadableWorkbook
        );
    }
}

/// A cell value as written by the generator below.
#[derive(Debug, Clone)]
enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
    Date(u32),
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        "[a-z0-9,\" \n]{1,6}".prop_map(Value::Text),
        prop_oneof![any::<i32>().prop_map(f64::from), -1e12f64..1e12, Just(0.1 + 0.2)].prop_map(Value::Number),
        any::<bool>().prop_map(Value::Bool),
        (0u32..3000).prop_map(Value::Date),
    ]
}

fn workbook_of(cells: &[(u32, u16, Value)]) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let sheet = book.add_worksheet();
    for (row, col, value) in cells {
        match value {
            Value::Text(text) => sheet.write_string(*row, *col, text).map(|_| ()),
            Value::Number(n) => sheet.write_number(*row, *col, *n).map(|_| ()),
            Value::Bool(b) => sheet.write_boolean(*row, *col, *b).map(|_| ()),
            Value::Date(hours) => {
                let at = day(2020, 1, 1).and_hms_opt(0, 0, 0).unwrap() + chrono::Duration::hours(i64::from(*hours));
                sheet.write_datetime_with_format(*row, *col, at, &date).map(|_| ())
            }
        }
        .unwrap();
    }
    book.save_to_buffer().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Streaming gives the same CSV as converting calamine's whole range.
    #[test]
    fn same_csv_as_calamines_range(cells in proptest::collection::vec((0u32..40, 0u16..8, value()), 0..60)) {
        let bytes = workbook_of(&cells);
        let streamed = sheet_to_csv("w.xlsx", &bytes, 0).unwrap();
        let ranged = workbook::sheet_to_csv("w.xlsx", &bytes, 0).unwrap();
        prop_assert_eq!(String::from_utf8(streamed).unwrap(), String::from_utf8(ranged).unwrap());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Bytes changed anywhere in the file: an error or a CSV, never a panic.
    #[test]
    fn damaged_files_never_panic(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = shop_workbook();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        let _ = sheet_names("w.xlsx", &bytes);
        let _ = sheet_to_csv("w.xlsx", &bytes, 0);
        let _ = sheet_to_csv("w.xlsx", &bytes, 1);
    }

    /// Bytes changed inside the XML of a valid zip (the file's checksums hold,
    /// so calamine's XML reading is what gets exercised).
    #[test]
    fn damaged_xml_never_panics(
        part in prop_oneof![Just("xl/worksheets/sheet1.xml"), Just("xl/sharedStrings.xml"), Just("xl/workbook.xml"), Just("xl/styles.xml")],
        flips in proptest::collection::vec((any::<prop::sample::Index>(), prop_oneof![any::<u8>(), prop::sample::select(b"<>/\"=0123456789:ABCZ ".to_vec())]), 1..6),
    ) {
        let bytes = edit_part(&shop_workbook(), part, |mut xml| {
            for (at, value) in flips {
                let i = at.index(xml.len());
                xml[i] = value;
            }
            xml
        });
        let _ = sheet_names("w.xlsx", &bytes);
        let _ = sheet_to_csv("w.xlsx", &bytes, 0);
        let _ = sheet_to_csv("w.xlsx", &bytes, 1);
    }
}
