//! Date order when every date is ambiguous (`docs/ingest/date-order.md`):
//! a UCI-shaped fixture whose dates are all `12/1/2010` … `12/5/2010` reads
//! as 1–5 December, and random short windows of dates written either way
//! always read in the order they were written.

use chrono::Datelike;
use proptest::prelude::*;
use segscope_i18n::Lang;
use segscope_ingest::date_order::{DateOrderReason, PlausibilityCue};
use segscope_ingest::value::DateOrder;
use segscope_ingest::{read_file, sniff, DatasetBuilder, FileKind};
use segscope_model::date::{date_of, day_from_ymd, format_day};

#[test]
fn uci_first_days_read_as_december_2010() {
    let path = format!("{}/tests/fixtures/dates/uci_first_days.csv", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let schema = sniff("uci_first_days.csv", &bytes, true).expect("sniff");
    assert_eq!(schema.kind, FileKind::Orders);
    // The mapping step: month-first, because the dates span 4 days that way.
    assert_eq!(schema.date_order, DateOrder::MonthFirst);
    let DateOrderReason::Plausible(p) = schema.date_order_reason else {
        panic!("{:?}", schema.date_order_reason);
    };
    assert_eq!(
        (p.cue, p.chosen.span_days, p.other.span_days),
        (PlausibilityCue::Span, 4, 120)
    );
    assert_eq!(
        schema.date_order_reason.sentence(schema.date_order, Lang::En),
        "Read month first (05/01/2024 is 1 May): every date reads both ways; this way they span 4 days, the other way 120."
    );

    let mut builder = DatasetBuilder::new();
    let report = read_file(schema, &bytes, &mut builder).expect("read");
    let (dataset, _) = builder.finish();
    assert_eq!(report.rows_rejected, 0);
    assert_eq!(report.date_order, Some(DateOrder::MonthFirst));
    assert!(matches!(report.date_order_reason, Some(DateOrderReason::Plausible(_))));
    assert_eq!(report.first_date.as_deref(), Some("2010-12-01"));
    assert_eq!(report.last_date.as_deref(), Some("2010-12-05"));
    assert_eq!(dataset.orders.len(), 15);
    for &day in dataset.orders.day() {
        let date = date_of(day);
        assert_eq!((date.year(), date.month()), (2010, 12), "{}", format_day(day));
    }
}

#[test]
fn a_users_choice_still_wins() {
    let path = format!("{}/tests/fixtures/dates/uci_first_days.csv", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut schema = sniff("uci_first_days.csv", &bytes, true).expect("sniff");
    schema.date_order = DateOrder::DayFirst;
    schema.date_order_fixed = true;
    let mut builder = DatasetBuilder::new();
    let report = read_file(schema, &bytes, &mut builder).expect("read");
    assert_eq!(report.date_order, Some(DateOrder::DayFirst));
    assert_eq!(report.date_order_reason, Some(DateOrderReason::UserChoice));
    assert_eq!(report.first_date.as_deref(), Some("2010-01-12"));
    assert_eq!(report.last_date.as_deref(), Some("2010-05-12"));
}

/// A window of dates: its first day, how many days it spans, which of them
/// the rows carry (offsets into the window, in file order), and whether the
/// rows are sorted.
fn window() -> impl Strategy<Value = (i32, Vec<u32>, bool, bool)> {
    // Half the windows start on the 1st–11th, where every date can be ambiguous.
    let first_day = prop_oneof![1u32..12, 1u32..29];
    let start = (2015i32..2026, 1u32..13, first_day).prop_map(|(y, m, d)| day_from_ymd(y, m, d).unwrap_or(0));
    (start, 1u32..11).prop_flat_map(|(start, len)| {
        (
            Just(start),
            prop::collection::vec(0..len, 2..60),
            any::<bool>(),
            any::<bool>(),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Dates of a short window written day-first or month-first read back in
    /// the order written whenever the cells can tell: some cell reads one way
    /// only, or at least two distinct days and two cells that read both ways
    /// (otherwise the two readings are the same set of dates).
    #[test]
    fn short_windows_read_in_the_order_written((start, offsets, sorted, month_first) in window()) {
        let mut offsets = offsets;
        if sorted {
            offsets.sort_unstable();
        }
        let order = if month_first { DateOrder::MonthFirst } else { DateOrder::DayFirst };
        let days: Vec<i32> = offsets.iter().map(|o| start + *o as i32).collect();
        let mut text = String::from("customer_id,order_date,amount\n");
        for (i, day) in days.iter().enumerate() {
            let date = date_of(*day);
            let (a, b) = match order {
                DateOrder::DayFirst => (date.day(), date.month()),
                DateOrder::MonthFirst => (date.month(), date.day()),
            };
            let time = if i % 2 == 0 { " 9:15" } else { "" };
            text.push_str(&format!("c{},{a}/{b}/{}{time},{}\n", i % 5, date.year(), 10 + i));
        }
        let proves = days.iter().any(|d| date_of(*d).day() > 12);
        let two_way = days.iter().filter(|d| date_of(**d).day() != date_of(**d).month()).count();
        let mut distinct = days.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let decidable = proves || (distinct.len() >= 2 && two_way >= 2);

        let schema = sniff("w.csv", text.as_bytes(), true).expect("sniff");
        let sniffed = (schema.date_order, schema.date_order_reason);
        let mut builder = DatasetBuilder::new();
        let report = read_file(schema, text.as_bytes(), &mut builder).expect("read");
        let (dataset, _) = builder.finish();
        if decidable {
            prop_assert_eq!(sniffed.0, order, "sniff: {:?}\n{}", sniffed.1, text);
            prop_assert_eq!(report.date_order, Some(order), "read: {:?}", report.date_order_reason);
            let mut read = dataset.orders.day().to_vec();
            read.sort_unstable();
            prop_assert_eq!(read, { let mut d = days.clone(); d.sort_unstable(); d });
        } else {
            prop_assert!(matches!(report.date_order_reason, Some(DateOrderReason::Default) | None), "{:?}", report.date_order_reason);
        }
    }
}
