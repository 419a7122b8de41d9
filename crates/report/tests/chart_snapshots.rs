//! Chart snapshots: both charts for a fixed small dataset in both languages,
//! compared with `tests/snapshots/*.svg`. Run with `UPDATE_SNAPSHOTS=1` to
//! rewrite the files after an intended change.

mod common;

use segscope_engine::settings::Settings;
use segscope_engine::{run, Summary};
use segscope_i18n::Lang;
use segscope_model::{Customers, Dataset, OrderStatus};
use segscope_report::{rf_heatmap, tier_distribution};

/// Twelve customers (ten buyers) with spread-out recency, frequency and spend.
fn dataset() -> Dataset {
    let keys: Vec<String> = (1..=12).map(|i| format!("C{i:03}")).collect();
    let mut d = Dataset {
        customers: Customers::with_keys(keys),
        ..Dataset::default()
    };
    // (customer, days before 2024-03-01, amount)
    let paid: [(u32, i32, f64); 24] = [
        (0, 2, 120.0),
        (0, 20, 80.0),
        (0, 45, 150.0),
        (0, 70, 60.0),
        (1, 5, 35.5),
        (1, 60, 42.0),
        (2, 9, 300.0),
        (3, 15, 19.9),
        (4, 30, 1250.0),
        (4, 90, 980.0),
        (4, 150, 1100.0),
        (5, 40, 64.0),
        (5, 41, 12.0),
        (6, 100, 28.0),
        (7, 120, 310.0),
        (7, 200, 95.0),
        (7, 260, 120.0),
        (7, 300, 88.0),
        (8, 180, 15.0),
        (9, 240, 45.0),
        (9, 250, 55.0),
        (0, 1, 99.0),
        (2, 3, 45.0),
        (6, 7, 18.0),
    ];
    let base = segscope_model::date::day_from_ymd(2024, 3, 1).unwrap_or(0);
    for (customer, days_before, amount) in paid {
        d.orders.push(customer, base - days_before, amount, OrderStatus::Paid);
    }
    d.orders.push(10, base - 3, 50.0, OrderStatus::Refunded);
    d.orders.push(3, base - 1, 20.0, OrderStatus::Cancelled);
    d
}

fn summary() -> Summary {
    run(&dataset(), &Settings::default()).summary
}

fn check(name: &str, actual: &str) {
    common::check_snapshot(name, actual);
}

#[test]
fn tier_distribution_en() {
    check("tiers_en.svg", &tier_distribution(&summary(), Lang::En));
}

#[test]
fn tier_distribution_zh() {
    check("tiers_zh.svg", &tier_distribution(&summary(), Lang::Zh));
}

#[test]
fn rf_heatmap_en() {
    check("rf_heatmap_en.svg", &rf_heatmap(&summary(), Lang::En));
}

#[test]
fn rf_heatmap_zh() {
    check("rf_heatmap_zh.svg", &rf_heatmap(&summary(), Lang::Zh));
}

#[test]
fn empty_summary_renders_no_data() {
    let empty = run(&Dataset::default(), &Settings::default()).summary;
    for svg in [tier_distribution(&empty, Lang::En), rf_heatmap(&empty, Lang::En)] {
        assert!(svg.contains(">No data</text>"), "{svg}");
        assert!(svg.ends_with("</svg>\n"));
    }
    let zh = rf_heatmap(&empty, Lang::Zh);
    assert!(zh.contains(">暂无数据</text>"));
    // Buyers without dated orders (a customer summary) have no R×F cell.
    let mut undated = summary();
    undated.rf_grid.iter_mut().for_each(|cell| cell.customers = 0);
    assert!(rf_heatmap(&undated, Lang::En).contains(">No data</text>"));
}
