//! Reference test of the CLV models (docs/product.md#predicted-lifetime-value) on the CDNOW sample: 2,357
//! customers who first bought in 1997 Q1, with their orders to 1998-06-30.
//! The file is not in the repository: `scripts/fetch-cdnow.sh` fetches it
//! (from the `lifetimes` wheel on PyPI) and prints its path; run
//! `CDNOW_SAMPLE="$(scripts/fetch-cdnow.sh)" cargo test -p segscope-engine --test clv_reference`.
//!
//! Published fits, calibration 1997-01-01 … 1997-09-30 (39 weeks), weeks:
//! - BG/NBD: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4
//!   (Fader, Hardie & Lee 2005, "Counting your customers the easy way",
//!   Marketing Science 24(2), section 5);
//! - Gamma-Gamma: p = 6.25, q = 3.74, γ = 15.44 (Fader & Hardie, "The
//!   Gamma-Gamma model of monetary value", 2013, on the 946 repeat buyers).
//!
//! Their summaries' conventions, which `analyze::clv::summary` follows (the
//! published per-customer data has x = 2, tₓ = 30.43, T = 38.86 for customer
//! 1): orders on one day are one transaction; x = distinct days − 1; tₓ and
//! T are days / 7 from the first day to the last purchase day and to
//! 1997-09-30 inclusive of that end day's orders; m̄ is the mean spend of the
//! repeat days.

use segscope_engine::clv::{self, ClvSettings, TimeUnit};
use segscope_model::date::day_from_ymd;
use segscope_model::{Customers, Dataset, Day, OrderStatus};
use std::collections::HashMap;

fn day(y: i32, m: u32, d: u32) -> Day {
    day_from_ymd(y, m, d).unwrap_or_else(|| panic!("bad date {y}-{m}-{d}"))
}

/// Parses the whitespace-separated lines: customer id, second (dense) id,
/// date YYYYMMDD, number of CDs, dollar amount.
fn parse(text: &str) -> Dataset {
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut keys = Vec::new();
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(fields.len(), 5, "line {}: {line:?}", n + 1);
        let date = fields[2];
        let parsed = (date.len() == 8)
            .then(|| {
                Some(day(
                    date[..4].parse().ok()?,
                    date[4..6].parse().ok()?,
                    date[6..].parse().ok()?,
                ))
            })
            .flatten();
        let Some(d) = parsed else {
            panic!("line {}: bad date {date:?}", n + 1);
        };
        let amount: f64 = fields[4]
            .parse()
            .unwrap_or_else(|_| panic!("line {}: bad amount", n + 1));
        let next = u32::try_from(keys.len()).unwrap_or(u32::MAX);
        let c = *index.entry(fields[1].to_string()).or_insert_with(|| {
            keys.push(fields[1].to_string());
            next
        });
        rows.push((c, d, amount));
    }
    let mut dataset = Dataset {
        customers: Customers::with_keys(keys),
        ..Dataset::default()
    };
    for (c, d, amount) in rows {
        dataset.orders.push(c, d, amount, OrderStatus::Paid);
    }
    dataset
}

fn assert_within_1_percent(name: &str, got: f64, published: f64) {
    let error = (got - published).abs() / published;
    println!("{name}: {got:.4} (published {published}, {:.2} % off)", 100.0 * error);
    assert!(error <= 0.01, "{name} = {got}, published {published}");
}

/// The sample's path from `CDNOW_SAMPLE`. Without it the test is skipped on a
/// developer's machine, but fails under CI (`CI` set), where `scripts/test`
/// always fetches the sample: a reference check must not pass by not running.
fn sample_path() -> Option<String> {
    match std::env::var("CDNOW_SAMPLE") {
        Ok(path) => Some(path),
        Err(_) if std::env::var_os("CI").is_some() => {
            panic!("CI is set but CDNOW_SAMPLE is not: run scripts/fetch-cdnow.sh and set CDNOW_SAMPLE to its path")
        }
        Err(_) => {
            println!("skipped: run scripts/fetch-cdnow.sh and set CDNOW_SAMPLE to the path it prints");
            None
        }
    }
}

#[test]
fn cdnow_fits_match_the_published_parameters() {
    let Some(path) = sample_path() else {
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read CDNOW_SAMPLE={path}: {e}"));
    let data = parse(&text);
    assert_eq!(data.customers.len(), 2357, "customers in the CDNOW sample");
    assert_eq!(data.orders.len(), 6919, "orders in the CDNOW sample");

    let settings = ClvSettings {
        time_unit: TimeUnit::Weeks,
        ..ClvSettings::default()
    };
    let model = clv::fit(&data, day(1997, 9, 30), &settings).unwrap_or_else(|p| panic!("no fit: {p:?}"));
    let (bg, gg) = (model.bgnbd, model.gamma_gamma);
    println!("BG/NBD {bg:?}\nGamma-Gamma {gg:?}");
    assert_eq!(model.buyers, 2357);
    assert_eq!(model.repeat_buyers, 946, "the Gamma-Gamma note's repeat buyers");
    assert_within_1_percent("r", bg.r, 0.243);
    assert_within_1_percent("alpha", bg.alpha, 4.414);
    assert_within_1_percent("a", bg.a, 0.793);
    assert_within_1_percent("b", bg.b, 2.426);
    assert!((bg.log_likelihood - -9582.4).abs() < 0.05, "LL = {}", bg.log_likelihood);
    assert_within_1_percent("p", gg.p, 6.25);
    assert_within_1_percent("q", gg.q, 3.74);
    assert_within_1_percent("gamma", gg.gamma, 15.44);

    // Every buyer gets predictions; probabilities are probabilities.
    assert!(model
        .p_alive
        .iter()
        .all(|p| p.is_some_and(|p| (0.0..=1.0).contains(&p))));
    assert!(model.clv.iter().all(|v| v.is_some_and(|v| v >= 0.0 && v.is_finite())));
}

#[test]
fn cdnow_holdout_purchases_match_the_prediction() {
    let Some(path) = sample_path() else {
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read CDNOW_SAMPLE={path}: {e}"));
    let data = parse(&text);
    // Holdout 1997-10-01 … 1998-06-30: 273 days = 39 weeks.
    let settings = ClvSettings::default();
    let check = clv::holdout_check(&data, day(1998, 6, 30), 273, &settings).unwrap_or_else(|p| panic!("{p:?}"));
    println!("holdout: predicted {:.1}, actual {}", check.predicted, check.actual);
    for b in &check.by_frequency {
        println!(
            "  x = {}{}: {} customers, predicted {:.3}, actual {:.3} per customer",
            b.frequency,
            if b.frequency == 7 { "+" } else { "" },
            b.customers,
            b.predicted / f64::from(b.customers.max(1)),
            b.actual as f64 / f64::from(b.customers.max(1)),
        );
    }
    assert_eq!(check.calibration_end, day(1997, 9, 30));
    assert_eq!(check.customers, 2357);
    assert_within_1_percent("holdout r (same fit as the calibration)", check.fit.r, 0.243);
    // 1,882 repeat purchase days happened in the holdout. BG/NBD's conditional
    // expectations (FHL 2005 eq. 10) sum to 1,653.4 of them (12 % low; the
    // model under-predicts CDNOW's light repeat buyers, cf. FHL 2005 fig. 4).
    // The total was checked against an independent evaluation of eq. 10 with
    // the direct ₂F₁ series in Python (1653.409 at these parameters).
    assert_eq!(check.actual, 1882);
    assert!((check.predicted - 1653.41).abs() < 0.5, "predicted {}", check.predicted);
}
