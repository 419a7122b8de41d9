//! Property tests of ingest: every row is accounted for, and CSV written by the
//! `csv` crate reads back to the same records, whatever the chunking; so do
//! columns aligned with runs of spaces (docs/ingest/structure.md).

use proptest::prelude::*;
use segscope_ingest::records::BLANKS;
use segscope_ingest::{read_file, sniff, DatasetBuilder, FileParser};
use segscope_model::Dataset;

/// One generated order row: key, date, amount, status, and the text it becomes.
#[derive(Debug, Clone)]
struct Row {
    key: String,
    date: String,
    amount: String,
    status: &'static str,
}

fn row() -> impl Strategy<Value = Row> {
    let key = prop_oneof![4 => "[A-E][0-9]{0,2}", 1 => Just(String::new()), 1 => "[ a-z,\"\n]{1,6}"];
    let date = prop_oneof![
        6 => (2020i32..2025, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        1 => Just("2024-13-45".to_string()),
        1 => Just("n/a".to_string()),
        1 => (2020i32..2025, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y}/{m}/{d} 10:05")),
    ];
    let amount = prop_oneof![
        6 => (0u32..100_000).prop_map(|c| format!("{}.{:02}", c / 100, c % 100)),
        1 => Just("abc".to_string()),
        1 => Just(String::new()),
        1 => (0u32..100_000).prop_map(|c| format!("\"¥{},{:03}.5\"", c / 1000 + 1, c % 1000)),
        1 => (1u32..500).prop_map(|c| format!("-{c}")),
    ];
    let status = prop_oneof![Just("paid"), Just("refunded"), Just("cancelled"), Just("已付款")];
    (key, date, amount, status).prop_map(|(key, date, amount, status)| Row {
        key,
        date,
        amount,
        status,
    })
}

fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn to_csv(rows: &[Row], repeat_every: usize) -> String {
    let mut out = String::from("customer_id,order_date,amount,status\n");
    for (i, r) in rows.iter().enumerate() {
        let line = format!("{},{},{},{}\n", quote(&r.key), r.date, r.amount, r.status);
        out += &line;
        if repeat_every > 0 && i % repeat_every == 0 {
            out += &line; // an exact duplicate row
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn rows_read_equal_kept_plus_rejected_plus_duplicates(rows in prop::collection::vec(row(), 1..60), repeat in 0usize..5, chunk in 1usize..97) {
        let text = to_csv(&rows, repeat);
        let Ok(schema) = sniff("o.csv", text.as_bytes(), true) else { return Ok(()) };
        let mut builder = DatasetBuilder::new();
        let Ok(mut parser) = FileParser::new(schema) else { return Ok(()) };
        for piece in text.as_bytes().chunks(chunk) {
            parser.feed(piece, &mut builder).unwrap();
        }
        // A file with no usable row is reported as an error, with the same accounting.
        if let Ok(report) = parser.finish(&mut builder) {
            prop_assert!(report.balances(), "{report:?}");
            let expected_rows = rows.len() + if repeat > 0 { rows.len().div_ceil(repeat) } else { 0 };
            prop_assert_eq!(report.rows_read as usize, expected_rows);
            let rejected: u64 = report.rejected_by_reason.iter().map(|(_, n)| n).sum();
            prop_assert_eq!(rejected, report.rows_rejected);
            let (dataset, _) = builder.finish();
            prop_assert!(dataset.orders.len() as u64 <= report.rows_kept);
            prop_assert!(dataset.orders.amount().iter().all(|a| a.is_finite() && *a >= 0.0));
        }
    }

    #[test]
    fn csv_written_by_the_csv_crate_reads_back_the_same(cells in prop::collection::vec(("[a-zA-Z0-9 ,\"\n;|\t客户]{1,12}", 0u32..1_000_000), 1..40), chunk in 1usize..64) {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(["customer_id", "order_date", "amount"]).unwrap();
        for (key, cents) in &cells {
            writer.write_record([key.as_str(), "2024-01-05", &format!("{}.{:02}", cents / 100, cents % 100)]).unwrap();
        }
        let bytes = writer.into_inner().unwrap();
        let schema = sniff("o.csv", &bytes, true).unwrap();
        prop_assert_eq!(schema.delimiter, b',');
        let mut builder = DatasetBuilder::new();
        let mut parser = FileParser::new(schema).unwrap();
        for piece in bytes.chunks(chunk) {
            parser.feed(piece, &mut builder).unwrap();
        }
        let report = parser.finish(&mut builder);
        let (dataset, _) = builder.finish();
        // A blank key is missing; `0` is a guest id (WooCommerce) and, with no
        // email or phone to fall back on, missing too.
        let kept: Vec<(String, u32)> = cells.iter().filter(|(k, _)| !k.trim().is_empty() && k.trim() != "0").map(|(k, c)| (k.trim().to_string(), *c)).collect();
        if kept.is_empty() {
            prop_assert!(report.is_err());
            return Ok(());
        }
        let report = report.unwrap();
        prop_assert!(report.balances());
        // Every kept row's key and amount survive the round trip (duplicates aside).
        for (i, &c) in dataset.orders.customer().iter().enumerate() {
            let key = &dataset.customers.key()[c as usize];
            let cents = (dataset.orders.amount()[i] * 100.0).round() as u32;
            prop_assert!(kept.iter().any(|(k, c2)| k == key && *c2 == cents), "{key} {cents}");
        }
    }
}

/// Aligned text as CDNOW_master.txt is written: customer, YYYYMMDD date,
/// count and amount right-aligned in columns padded with spaces, with or
/// without a header, LF or CRLF.
fn aligned(rows: &[(u32, u32, u32, u32)], pad: &[usize], header: bool, crlf: bool) -> String {
    let end = if crlf { "\r\n" } else { "\n" };
    let mut out = String::new();
    if header {
        out += &format!("{:>8} {:>8} {:>3} {:>8}{end}", "customer", "date", "qty", "amount");
    }
    for (i, (customer, day, qty, cents)) in rows.iter().enumerate() {
        let gap = " ".repeat(1 + pad[i % pad.len()]);
        let date = format!("1997{:02}{:02}", 1 + day / 28 % 12, 1 + day % 28);
        let amount = format!("{}.{:02}", cents / 100, cents % 100);
        out += &format!("{customer:05}{gap}{date}{gap}{qty:>3}{gap}{amount:>8}{end}");
    }
    out
}

/// What a read kept: each order's customer key, day and amount.
fn orders_of(dataset: &Dataset) -> Vec<(String, i32, u64)> {
    (0..dataset.orders.len())
        .map(|i| {
            let key = dataset.customers.key()[dataset.orders.customer()[i] as usize].clone();
            (
                key,
                dataset.orders.day()[i],
                (dataset.orders.amount()[i] * 100.0).round() as u64,
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn aligned_columns_read_the_same_whatever_the_chunking(
        rows in prop::collection::vec((1u32..8, 0u32..300, 1u32..9, 1u32..20_000), 3..60),
        pad in prop::collection::vec(0usize..3, 1..4),
        header in any::<bool>(),
        crlf in any::<bool>(),
        chunk in 1usize..97,
    ) {
        let mut rows = rows;
        rows.sort();
        let text = aligned(&rows, &pad, header, crlf);
        let schema = sniff("CDNOW_master.txt", text.as_bytes(), true).unwrap();
        prop_assert_eq!(schema.delimiter, BLANKS);
        prop_assert_eq!(schema.headerless, !header);
        let mut whole = DatasetBuilder::new();
        let whole_report = read_file(schema.clone(), text.as_bytes(), &mut whole);
        let mut chunked = DatasetBuilder::new();
        // A few rows may not show which column is the buyer's.
        let Ok(mut parser) = FileParser::new(schema) else { return Ok(()) };
        for piece in text.as_bytes().chunks(chunk) {
            parser.feed(piece, &mut chunked).unwrap();
        }
        let chunked_report = parser.finish(&mut chunked);
        prop_assert_eq!(whole_report.is_ok(), chunked_report.is_ok());
        if let (Ok(a), Ok(b)) = (whole_report, chunked_report) {
            prop_assert_eq!(a.rows_read as usize, rows.len());
            prop_assert_eq!(a, b);
        }
        let (whole, _) = whole.finish();
        let (chunked, _) = chunked.finish();
        prop_assert_eq!(orders_of(&whole), orders_of(&chunked));
    }
}

#[test]
fn whole_file_helper_reads_a_file() {
    let text = "customer_id,order_date,amount\nA,2024-01-05,10\n";
    let schema = sniff("o.csv", text.as_bytes(), true).unwrap();
    let mut builder = DatasetBuilder::new();
    let report = read_file(schema, text.as_bytes(), &mut builder).unwrap();
    assert_eq!(report.rows_kept, 1);
}
