//! Lifecycle stages (docs/product.md#lifecycle-stages) on a hand-computed fixture: the automatic
//! active window is max(90, 2 × the median gap between consecutive paid
//! orders of the same customer), orders after the as-of date do not count,
//! and every boundary falls on the side the spec says.

use chrono::{Days, NaiveDate};
use segscope_engine::settings::Settings;
use segscope_engine::{run, LifecycleStage};
use segscope_model::{Customers, Dataset, OrderStatus};

/// The date `day` days after 1970-01-01.
fn date(day: u64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_days(Days::new(day))
}

/// Customers `keys` with orders `(customer, day, status)` of 10.0 each.
fn dataset(keys: &[&str], orders: &[(u32, i32, OrderStatus)]) -> Dataset {
    let mut d = Dataset {
        customers: Customers::with_keys(keys.iter().map(|k| (*k).to_string()).collect()),
        ..Dataset::default()
    };
    for &(c, day, status) in orders {
        d.orders.push(c, day, 10.0, status);
    }
    d
}

#[test]
fn automatic_window_and_stages_by_hand() {
    use LifecycleStage::*;
    use OrderStatus::*;
    let keys = [
        "g1",
        "g2",
        "g3",
        "g4",
        "risk_edge",
        "churn_edge",
        "risk",
        "new_edge",
        "not_new",
        "potential",
    ];
    let d = dataset(
        &keys,
        &[
            // Gaps up to day 1000: g1 50, g2 80, g3 100 and 120, g4 150.
            (0, 100, Paid),
            (0, 150, Paid),
            (1, 200, Paid),
            (1, 280, Paid),
            (2, 300, Paid),
            (2, 400, Paid),
            (2, 520, Paid),
            (3, 650, Paid),
            (3, 800, Paid),
            (4, 600, Paid),
            (5, 599, Paid),
            (6, 799, Paid),
            (7, 910, Paid),
            (8, 909, Paid),
            (9, 950, Refunded),
            // After the as-of date: would add a gap of 855 to g1 (median 110).
            (0, 1_005, Paid),
        ],
    );
    let settings = Settings {
        as_of: date(1_000),
        ..Settings::default()
    };
    let a = run(&d, &settings);
    // Gaps 50, 80, 100, 120, 150 → median 100 → A = max(90, 200) = 200.
    let w = a.summary.lifecycle.window;
    assert_eq!((w.median_gap_days, w.days, w.automatic), (Some(100.0), 200.0, true));
    assert_eq!(a.summary.repeat.gaps.median_days, Some(100.0));
    // Recencies: g1 850, g2 720, g3 480, g4 200 (= A), risk_edge 400 (= 2A),
    // churn_edge 401, risk 201, new_edge first order 90 days ago, not_new 91.
    assert_eq!(
        a.labels.lifecycle(),
        vec![Churned, Churned, Churned, Active, AtRisk, Churned, AtRisk, New, Active, Potential]
    );
    let counts: Vec<u64> = a.summary.lifecycle.stages.iter().map(|s| s.customers).collect();
    assert_eq!(counts, vec![1, 1, 2, 2, 4]);
    // Signed up 10, bought 9, twice 4, three times 1 (g3), and g3 is churned.
    assert_eq!(a.summary.lifecycle.funnel.steps, [10, 9, 4, 1, 0]);
    // New or Active: 3 of 9 buyers.
    assert!((a.summary.kpis.active_share - 3.0 / 9.0).abs() < 1e-12);
}

#[test]
fn short_gaps_keep_the_90_day_floor_and_a_set_window_wins() {
    // Gaps 10, 20, 30, 40 → median 25 → 2 × 25 = 50 < 90.
    let d = dataset(
        &["a", "b"],
        &[
            (0, 0, OrderStatus::Paid),
            (0, 10, OrderStatus::Paid),
            (0, 30, OrderStatus::Paid),
            (1, 0, OrderStatus::Paid),
            (1, 30, OrderStatus::Paid),
            (1, 70, OrderStatus::Paid),
        ],
    );
    let a = run(&d, &Settings::default());
    let w = a.summary.lifecycle.window;
    assert_eq!((w.median_gap_days, w.days, w.automatic), (Some(25.0), 90.0, true));
    let mut settings = Settings::default();
    settings.lifecycle.active_window_days = Some(5);
    settings.lifecycle.new_days = 1;
    let a = run(&d, &settings);
    let w = a.summary.lifecycle.window;
    assert_eq!((w.median_gap_days, w.days, w.automatic), (Some(25.0), 5.0, false));
    // As of day 71: a last bought 41 days ago (> 2A = 10), b 1 day ago.
    assert_eq!(
        a.labels.lifecycle(),
        vec![LifecycleStage::Churned, LifecycleStage::Active]
    );
}

#[test]
fn without_any_gap_the_window_is_90_days() {
    let d = dataset(&["a"], &[(0, 5, OrderStatus::Paid)]);
    let w = run(&d, &Settings::default()).summary.lifecycle.window;
    assert_eq!((w.median_gap_days, w.days), (None, 90.0));
}
