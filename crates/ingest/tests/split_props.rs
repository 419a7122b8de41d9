//! A file read in ranges and merged gives the very Dataset and report of one
//! sequential read, wherever the ranges are cut (docs/ingest/speed.md#parallel-read):
//! at planned starts, at any byte, inside quoted fields spanning lines, in
//! the middle of an order's lines, across duplicates, ambiguous dates,
//! rejections, contact fallbacks and customers known from a customers file.

use proptest::prelude::*;
use segscope_ingest::split::{range_reader, range_start, read_range, splittable, Absorbed};
use segscope_ingest::{read_file, sniff, DatasetBuilder, FileParser, QualityReport};
use segscope_model::Dataset;

/// One generated order line.
#[derive(Debug, Clone)]
struct Line {
    /// 0–6: a new order; 7–8: another line of the order before; 9: a line
    /// of an earlier order (`earlier` picks which).
    order_kind: u8,
    earlier: u32,
    customer: Option<u32>,
    email_case: u8,
    date: String,
    amount: String,
    status: &'static str,
    category: &'static str,
    note: String,
}

fn line() -> impl Strategy<Value = Line> {
    let date = prop_oneof![
        6 => (2022i32..2025, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        2 => (1u32..13, 1u32..13).prop_map(|(a, b)| format!("{a:02}/{b:02}/2023")),
        1 => (13u32..29, 1u32..13).prop_map(|(d, m)| format!("{d}/{m}/2023")),
        1 => Just("n/a".to_string()),
    ];
    let amount = prop_oneof![
        8 => (0u32..50_000).prop_map(|c| format!("{}.{:02}", c / 100, c % 100)),
        1 => Just("abc".to_string()),
        1 => (1u32..500).prop_map(|c| format!("-{c}")),
    ];
    let status = prop_oneof![
        Just("paid"),
        Just("paid"),
        Just("refunded"),
        Just("cancelled"),
        Just("")
    ];
    let category = prop_oneof![Just("shoes"), Just("bags"), Just(""), Just("鞋")];
    let note = prop_oneof![3 => Just(String::new()), 1 => "[a-z ,\"\n]{1,12}"];
    (
        (0u8..10, 0u32..1000),
        // Mostly a few regulars; some customers first met in a later range.
        prop_oneof![6 => (0u32..25).prop_map(Some), 2 => (25u32..100_000).prop_map(Some), 1 => Just(None)],
        0u8..4,
        date,
        amount,
        status,
        category,
        note,
    )
        .prop_map(
            |((order_kind, earlier), customer, email_case, date, amount, status, category, note)| Line {
                order_kind,
                earlier,
                customer,
                email_case,
                date,
                amount,
                status,
                category,
                note,
            },
        )
}

fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// An orders CSV: order lines, repeats of earlier lines (duplicates, near
/// or far), e-mails in mixed case, blank customer ids (keyed by e-mail).
fn orders_csv(lines: &[Line], repeats: &[usize], crlf: bool) -> String {
    let eol = if crlf { "\r\n" } else { "\n" };
    let mut rows = Vec::new();
    let mut orders = 0u32;
    for l in lines {
        let order = match l.order_kind {
            0..=6 => {
                orders += 1;
                orders
            }
            7 | 8 => orders.max(1),
            _ => 1 + l.earlier % orders.max(1),
        };
        let email = match (l.customer, l.email_case) {
            (Some(c), 0) => format!("Buyer{c}@Example.com"),
            (Some(c), _) => format!("buyer{c}@example.com"),
            (None, 0) => String::new(),
            (None, n) => format!("walkin{n}@example.com"),
        };
        let id = match (l.customer, l.email_case) {
            (Some(_), 3) => String::new(),
            (Some(c), _) => format!("C{c}"),
            (None, _) => String::new(),
        };
        rows.push(format!(
            "#{},{},{},{},{},{},{},{}",
            1000 + order,
            id,
            email,
            l.date,
            l.amount,
            l.status,
            l.category,
            quote(&l.note)
        ));
    }
    for &r in repeats {
        if !rows.is_empty() {
            let at = r % rows.len();
            let copy = rows[(r * 7) % rows.len()].clone();
            rows.insert(at, copy);
        }
    }
    let mut out = format!("Order ID,Customer ID,Email,Order Date,Total,Status,Category,Note{eol}");
    for row in rows {
        out += &row;
        out += eol;
    }
    out
}

fn customers_csv() -> String {
    let mut out = String::from("Customer ID,Email,Signup Date\n");
    for c in (0..25).step_by(3) {
        out += &format!("C{c},buyer{c}@example.com,2021-05-0{}\n", 1 + c % 9);
    }
    // Known by e-mail only: later order rows with an id may join them.
    out += ",buyer4@example.com,2021-06-01\n";
    out
}

/// Reads the orders (after the customers file when given) sequentially.
fn sequential(orders: &str, customers: Option<&str>) -> Option<(Dataset, QualityReport)> {
    let mut builder = DatasetBuilder::new();
    if let Some(text) = customers {
        let schema = sniff("customers.csv", text.as_bytes(), true).ok()?;
        read_file(schema, text.as_bytes(), &mut builder).ok()?;
    }
    let schema = sniff("orders.csv", orders.as_bytes(), true).ok()?;
    let outcome = read_file(schema, orders.as_bytes(), &mut builder);
    outcome.ok()?;
    Some(builder.finish())
}

/// Reads the orders in ranges starting at `starts` (sorted byte offsets),
/// as `workers` workers do: the merging one reads every `workers`-th range
/// itself (the first among them), and merges each other range read on its
/// own or reads it again; returns the result and how many ranges merged.
fn in_ranges(
    orders: &str,
    customers: Option<&str>,
    starts: &[usize],
    workers: usize,
) -> Option<(Dataset, QualityReport, usize)> {
    let mut builder = DatasetBuilder::new();
    if let Some(text) = customers {
        let schema = sniff("customers.csv", text.as_bytes(), true).ok()?;
        read_file(schema, text.as_bytes(), &mut builder).ok()?;
    }
    let bytes = orders.as_bytes();
    let schema = sniff("orders.csv", bytes, true).ok()?;
    assert!(splittable(&schema, &builder));
    let mut bounds = vec![0];
    bounds.extend(starts.iter().copied().filter(|&s| s > 0 && s < bytes.len()));
    bounds.push(bytes.len());
    bounds.dedup();
    let mut parser = FileParser::for_builder(schema.clone(), &mut builder).ok()?;
    let mut merged = 0;
    for k in 0..bounds.len() - 1 {
        let range = &bytes[bounds[k]..bounds[k + 1]];
        let last = k + 2 == bounds.len();
        let absorbed = match range_reader(k, workers) {
            0 => Absorbed::ReadAgain,
            _ => match read_range(schema.clone(), range, last) {
                Ok(part) => parser.absorb(&part, &mut builder),
                Err(_) => Absorbed::ReadAgain,
            },
        };
        match absorbed {
            Absorbed::Merged => merged += 1,
            Absorbed::ReadAgain => parser.feed(range, &mut builder).ok()?,
        }
    }
    parser.finish(&mut builder).ok()?;
    let (dataset, report) = builder.finish();
    Some((dataset, report, merged))
}

/// Planned starts: `range_start` from each of `cuts` (fractions of the file).
fn planned(orders: &str, cuts: &[f64]) -> Vec<usize> {
    let bytes = orders.as_bytes();
    let schema = sniff("orders.csv", bytes, true).expect("sniff");
    let mut starts: Vec<usize> = cuts
        .iter()
        .filter_map(|f| {
            let from = (f * bytes.len() as f64) as usize;
            range_start(&bytes[from..], &schema).map(|at| from + at)
        })
        .collect();
    starts.sort_unstable();
    starts
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_ranges_give_the_sequential_read(
        lines in prop::collection::vec(line(), 1..120),
        repeats in prop::collection::vec(0usize..1000, 0..6),
        crlf in any::<bool>(),
        with_customers in any::<bool>(),
        cuts in prop::collection::vec(0.0f64..1.0, 1..8),
        anywhere in any::<bool>(),
        workers in 1usize..4,
    ) {
        let orders = orders_csv(&lines, &repeats, crlf);
        let customers = with_customers.then(customers_csv);
        let Some((dataset, report)) = sequential(&orders, customers.as_deref()) else { return Ok(()) };
        let starts = if anywhere {
            let mut at: Vec<usize> = cuts.iter().map(|f| (f * orders.len() as f64) as usize).collect();
            at.sort_unstable();
            at
        } else {
            planned(&orders, &cuts)
        };
        let (split_dataset, split_report, _) = in_ranges(&orders, customers.as_deref(), &starts, workers).expect("split read");
        prop_assert_eq!(&split_dataset, &dataset);
        prop_assert_eq!(&split_report, &report);
    }
}

/// Orders sorted by id with several lines each, no quotes across lines:
/// planned starts keep each order in one range, so every range read
/// elsewhere merges, whether it follows a merged range or one read by the
/// merging worker itself.
#[test]
fn planned_ranges_of_order_lines_merge() {
    let mut text = String::from("Order ID,Customer ID,Order Date,Total,Status\n");
    for order in 0..3000u32 {
        for line in 0..(1 + order % 3) {
            text += &format!(
                "{},C{},2024-{:02}-{:02},{}.50,paid\n",
                10_000 + order,
                order % 211,
                1 + order % 12,
                1 + line + order % 27,
                order % 90
            );
        }
    }
    let (dataset, report) = sequential(&text, None).expect("read");
    let sixths = planned(&text, &[1.0 / 6.0, 2.0 / 6.0, 0.5, 4.0 / 6.0, 5.0 / 6.0]);
    for (workers, expected) in [(4, 4), (2, 3), (3, 4), (6, 5)] {
        let (split_dataset, split_report, merged) = in_ranges(&text, None, &sixths, workers).expect("split read");
        assert_eq!(merged, expected, "{workers} workers");
        assert_eq!(split_dataset, dataset);
        assert_eq!(split_report, report);
    }
}
