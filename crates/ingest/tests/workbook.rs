//! Excel workbooks through the same path as CSV: a sheet becomes CSV, is
//! sniffed and read; bad bytes give an error, never a panic.

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_xlsxwriter::{Format, Workbook};
use segscope_ingest::workbook::{sheet_names, sheet_to_csv, sniff_first_sheet, sniff_sheet};
use segscope_ingest::{read_file, DatasetBuilder, FileKind, Problem, Role};

/// A workbook with a notes sheet first and an orders sheet second.
fn orders_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    let notes = book.add_worksheet();
    notes.set_name("说明").unwrap();
    notes.write_string(0, 0, "Exported from the shop").unwrap();
    let orders = book.add_worksheet();
    orders.set_name("Orders").unwrap();
    for (col, header) in ["order_id", "customer_id", "order_date", "amount", "note"]
        .iter()
        .enumerate()
    {
        orders.write_string(0, col as u16, *header).unwrap();
    }
    let day = |d| NaiveDate::from_ymd_opt(2024, 1, d).unwrap();
    orders.write_number(1, 0, 1001).unwrap();
    orders.write_string(1, 1, "C1").unwrap();
    orders.write_datetime_with_format(1, 2, day(5), &date).unwrap();
    orders.write_number(1, 3, 12.5).unwrap();
    orders.write_string(1, 4, "gift, \"wrapped\"").unwrap();
    orders.write_number(2, 0, 1002).unwrap();
    orders.write_string(2, 1, "C2").unwrap();
    orders
        .write_datetime_with_format(2, 2, day(6).and_hms_opt(13, 5, 0).unwrap(), &datetime)
        .unwrap();
    orders.write_number(2, 3, 30).unwrap();
    // Row 4 is left empty, as exports sometimes have.
    orders.write_number(4, 0, 1003).unwrap();
    orders.write_string(4, 1, "C1").unwrap();
    orders.write_string(4, 2, "2024/1/7").unwrap();
    orders.write_number(4, 3, 7.25).unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn a_sheet_becomes_csv_with_dates_numbers_and_quoted_text() {
    let bytes = orders_workbook();
    assert_eq!(sheet_names("o.xlsx", &bytes).unwrap(), vec!["说明", "Orders"]);
    let csv = String::from_utf8(sheet_to_csv("o.xlsx", &bytes, 1).unwrap()).unwrap();
    assert_eq!(
        csv,
        "order_id,customer_id,order_date,amount,note\n\
         1001,C1,2024-01-05,12.5,\"gift, \"\"wrapped\"\"\"\n\
         1002,C2,2024-01-06 13:05:00,30\n\
         \n\
         1003,C1,2024/1/7,7.25\n"
    );
}

#[test]
fn a_chosen_sheet_is_read_like_a_csv_file() {
    let bytes = orders_workbook();
    let (schema, csv) = sniff_sheet("o.xlsx", &bytes, 1).unwrap();
    assert_eq!(schema.sheets, vec!["说明", "Orders"]);
    assert_eq!(schema.sheet, 1);
    assert_eq!(schema.kind, FileKind::Orders);
    assert_eq!(schema.column(Role::Amount), Some(3));
    let mut builder = DatasetBuilder::new();
    let report = read_file(schema, &csv, &mut builder).unwrap();
    assert_eq!((report.rows_read, report.rows_kept, report.rows_rejected), (3, 3, 0));
    let (dataset, _) = builder.finish();
    assert_eq!(dataset.orders.amount().iter().sum::<f64>(), 49.75);
    assert_eq!(dataset.customers.len(), 2);
    assert_eq!(report.first_date.as_deref(), Some("2024-01-05"));
    assert_eq!(report.last_date.as_deref(), Some("2024-01-07"));
}

#[test]
fn a_leading_notes_sheet_is_passed_over() {
    let (schema, _) = sniff_first_sheet("o.xlsx", &orders_workbook()).unwrap();
    assert_eq!(schema.sheet, 1);
    assert_eq!(schema.kind, FileKind::Orders);
}

#[test]
fn chinese_headers_in_a_workbook_map_to_roles() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (col, header) in ["订单号", "客户ID", "下单时间", "实付金额"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "A1").unwrap();
    sheet.write_string(1, 1, "张三").unwrap();
    sheet.write_string(1, 2, "2024年1月5日").unwrap();
    sheet.write_number(1, 3, 88).unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let (schema, _) = sniff_sheet("订单.xlsx", &bytes, 0).unwrap();
    assert_eq!(schema.kind, FileKind::Orders);
    assert_eq!(schema.column(Role::CustomerKey), Some(1));
    assert_eq!(schema.column(Role::OrderDate), Some(2));
}

#[test]
fn a_missing_sheet_or_a_truncated_workbook_is_a_clear_error() {
    let bytes = orders_workbook();
    assert_eq!(
        sheet_to_csv("o.xlsx", &bytes, 7).unwrap_err().problem,
        Problem::UnreadableWorkbook
    );
    let cut = &bytes[..bytes.len() / 2];
    let e = sniff_sheet("o.xlsx", cut, 0).unwrap_err();
    assert_eq!(e.problem, Problem::UnreadableWorkbook);
    assert!(e.message(segscope_i18n::Lang::En).contains("o.xlsx"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Damaged workbooks (bytes flipped anywhere) never panic.
    #[test]
    fn damaged_workbooks_never_panic(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = orders_workbook();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        let _ = sniff_sheet("o.xlsx", &bytes, 1);
    }
}
