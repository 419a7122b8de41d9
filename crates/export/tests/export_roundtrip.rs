//! The per-customer CSV read back with the `csv` crate: header, one row per
//! customer, values equal to the analysis, and customer keys that survive any
//! characters (apart from the formula-guard prefix).

use proptest::prelude::*;
use segscope_engine::settings::Settings;
use segscope_engine::{run, Analysis};
use segscope_export::{csv_cell::needs_formula_guard, customers_csv, CUSTOMER_COLUMNS};
use segscope_model::Dataset;

mod common;

/// The shared dataset with refunds.
fn dataset(keys: Vec<String>) -> Dataset {
    common::dataset(keys, true)
}

/// The CSV read back as rows of strings, after checking BOM and header.
fn read_back(csv_text: &str) -> Vec<Vec<String>> {
    let body = csv_text.strip_prefix('\u{feff}').expect("the export starts with a BOM");
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(body.as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_string).collect();
    assert_eq!(header, CUSTOMER_COLUMNS);
    reader
        .records()
        .map(|r| r.expect("well-formed row").iter().map(str::to_string).collect())
        .collect()
}

fn analysis(d: &Dataset) -> Analysis {
    run(d, &Settings::default())
}

#[test]
fn values_match_the_analysis() {
    let keys: Vec<String> = (0..20).map(|i| format!("cust-{i}")).collect();
    let d = dataset(keys);
    let a = analysis(&d);
    let rows = read_back(&customers_csv(&d, &a));
    assert_eq!(rows.len(), d.customers.len());
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.len(), CUSTOMER_COLUMNS.len());
        assert_eq!(row[0], d.customers.key()[i]);
        assert_eq!(row[3], a.metrics.orders()[i].to_string());
        let revenue: f64 = row[4].parse().expect("revenue is a number");
        assert!((revenue - a.metrics.revenue()[i]).abs() <= 0.005);
        let buyer = a.metrics.orders()[i] > 0;
        assert_eq!(row[1].is_empty(), !buyer);
        assert_eq!(row[5].is_empty(), !buyer);
        assert_eq!(
            row[6],
            a.metrics.recency_days()[i].map(|r| r.to_string()).unwrap_or_default()
        );
        assert_eq!(
            row[7],
            if buyer {
                a.labels.r()[i].to_string()
            } else {
                String::new()
            }
        );
        assert_eq!(row[10], a.labels.segment()[i].map(|s| s.english_name()).unwrap_or(""));
        if buyer {
            let score: f64 = row[11].parse().expect("value score is a number");
            assert!((score - a.labels.value_score()[i].unwrap_or(-1.0)).abs() <= 0.00005);
            assert!(["High", "Medium", "Low"].contains(&row[12].as_str()));
        } else {
            assert_eq!(row[12], "No purchase");
        }
        let expected_source = match d.customers.source()[i] {
            Some(0) => "'=Ads, \"paid\"",
            Some(_) => "微信群",
            None => "",
        };
        let level = usize::from(a.labels.member_level()[i]);
        assert_eq!(row[13], a.summary.membership[level].name);
        assert_eq!(row[14], a.labels.lifecycle()[i].english_name());
        let expected_favorite = match (i % 4, i % 2) {
            (3, _) => "",
            (_, 0) => "books",
            _ => "'+toys",
        };
        // No events file: lead stage and engagement cannot be computed.
        assert_eq!((row[15].as_str(), row[16].as_str()), ("", ""));
        assert_eq!(row[17], expected_favorite);
        assert_eq!(row[18], expected_source);
    }
}

#[test]
fn user_tier_names_are_exported_as_given_and_guarded() {
    let d = dataset(vec!["a".into(), "b".into(), "c".into()]);
    let mut settings = Settings::default();
    settings.tiers.names = vec!["Gold".into(), "-Silver".into(), "Bronze, plain".into()];
    let a = run(&d, &settings);
    let rows = read_back(&customers_csv(&d, &a));
    let tiers: Vec<&str> = rows.iter().map(|r| r[12].as_str()).collect();
    // Value scores by hand: a 0.2333, b 0.2, c 0.4667 → c, a, b.
    assert_eq!(tiers, ["'-Silver", "Bronze, plain", "Gold"]);
}

#[test]
fn empty_dataset_has_only_the_header() {
    let d = Dataset::default();
    assert!(read_back(&customers_csv(&d, &analysis(&d))).is_empty());
}

proptest! {
    #[test]
    fn any_customer_key_survives_the_round_trip(
        keys in prop::collection::vec(
            prop_oneof![
                "\\PC*",
                "[=+@\t\r-]?[a-z,\"\r\n ]{0,8}",
                any::<String>(),
            ],
            0..12,
        )
    ) {
        let d = dataset(keys.clone());
        let rows = read_back(&customers_csv(&d, &analysis(&d)));
        prop_assert_eq!(rows.len(), keys.len());
        for (row, key) in rows.iter().zip(&keys) {
            let expected = if needs_formula_guard(key) { format!("'{key}") } else { key.clone() };
            prop_assert_eq!(&row[0], &expected);
        }
    }
}
