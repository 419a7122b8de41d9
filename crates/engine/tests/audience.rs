//! Lead stages, engagement, interest and demographics on the demo dataset,
//! checked against an independent reading of its CSV files, plus invariants
//! on generated data.

use proptest::prelude::*;
use segscope_engine::audience::{Dimension, Engagement, LeadStage};
use segscope_engine::settings::Settings;
use segscope_engine::{self as analyze, Analysis};
use segscope_ingest::builder::DatasetBuilder;
use segscope_ingest::parse::read_file;
use segscope_ingest::sniff::sniff;
use segscope_model::{Customers, Dataset, EventKind, OrderStatus};
use std::collections::HashMap;
use std::path::PathBuf;

fn demo_file(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../public/demo")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn demo() -> (Dataset, Analysis) {
    let mut builder = DatasetBuilder::new();
    for name in ["customers.csv", "orders.csv", "events.csv"] {
        let bytes = demo_file(name);
        let schema = sniff(name, &bytes, true).expect("sniff");
        read_file(schema, &bytes, &mut builder).expect("read");
    }
    let (dataset, _) = builder.finish();
    let analysis = analyze::run(&dataset, &Settings::default());
    (dataset, analysis)
}

/// Days since 1970-01-01 of a `YYYY-MM-DD…` text.
fn day(text: &str) -> i64 {
    let (y, m, d) = (&text[0..4], &text[5..7], &text[8..10]);
    let date = chrono::NaiveDate::from_ymd_opt(y.parse().unwrap(), m.parse().unwrap(), d.parse().unwrap()).unwrap();
    (date - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days()
}

fn rows(name: &str) -> Vec<HashMap<String, String>> {
    let bytes = demo_file(name);
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// docs/product.md#lead-stages written out once more, straight from the files: paid orders
/// make a customer Purchased; otherwise checkout/coupon or an add-to-cart
/// within 7 days is Decision; ≥ 3 product views or compare/add-to-cart/
/// trial/inquiry is Consideration; any other event Awareness; none Unengaged.
fn independent_lead_stages(as_of: i64) -> HashMap<String, &'static str> {
    let paid_words = ["completed", "paid", "shipped", "delivered", ""];
    let mut buyers = std::collections::HashSet::new();
    let mut last_activity: HashMap<String, i64> = HashMap::new();
    for r in rows("orders.csv") {
        let d = day(&r["order_date"]);
        if d > as_of {
            continue;
        }
        let e = last_activity.entry(r["customer_id"].clone()).or_insert(d);
        *e = (*e).max(d);
        if paid_words.contains(&r["status"].to_lowercase().as_str()) {
            buyers.insert(r["customer_id"].clone());
        }
    }
    let mut stage: HashMap<String, &'static str> = HashMap::new();
    let mut views: HashMap<String, u32> = HashMap::new();
    let rank = |s: &str| {
        ["Unengaged", "Awareness", "Consideration", "Decision"]
            .iter()
            .position(|x| *x == s)
            .unwrap()
    };
    for r in rows("events.csv") {
        let d = day(&r["timestamp"]);
        if d > as_of {
            continue;
        }
        let id = r["customer_id"].clone();
        let kind = r["event_type"].as_str();
        let reached = match kind {
            "checkout_started" | "coupon_claimed" => "Decision",
            "add_to_cart" if as_of - d <= 7 => "Decision",
            "add_to_cart" | "compare" | "trial" | "inquiry" => "Consideration",
            _ => "Awareness",
        };
        if kind == "product_view" {
            *views.entry(id.clone()).or_insert(0) += 1;
        }
        let slot = stage.entry(id).or_insert("Unengaged");
        if rank(reached) > rank(slot) {
            *slot = reached;
        }
    }
    for (id, n) in views {
        let slot = stage.get_mut(&id).unwrap();
        if n >= 3 && rank(slot) < rank("Consideration") {
            *slot = "Consideration";
        }
    }
    for id in buyers {
        stage.insert(id, "Purchased");
    }
    stage
}

#[test]
fn demo_lead_stages_match_an_independent_reading() {
    let (dataset, analysis) = demo();
    assert!(analysis.labels.has_events());
    let expected = independent_lead_stages(i64::from(analysis.as_of));
    let mut compared = 0;
    for (c, key) in dataset.customers.key().iter().enumerate() {
        let ours = analysis.labels.lead_stage()[c].english_name();
        let theirs = expected.get(key).copied().unwrap_or("Unengaged");
        assert_eq!(ours, theirs, "customer {key}");
        compared += 1;
    }
    assert_eq!(compared, dataset.customers.len());
    let leads = &analysis.summary.audience.leads;
    assert!(
        leads[LeadStage::Decision.index()] > 0 && leads[LeadStage::Consideration.index()] > 0,
        "{leads:?}"
    );
}

#[test]
fn demo_summary_is_consistent() {
    let (dataset, analysis) = demo();
    let a = &analysis.summary.audience;
    let n = dataset.customers.len() as u64;
    assert_eq!(a.leads.iter().sum::<u64>(), n);
    assert_eq!(a.engagement.iter().sum::<u64>(), n);
    assert!(a.engagement[Engagement::Active.index()] > 0);
    assert_eq!(a.events, dataset.events.len() as u64);
    assert!(a.event_counts[EventKind::ProductView.index()] > 0);
    assert!(a.journey.windows(2).all(|w| w[0] >= w[1]), "{:?}", a.journey);
    assert_eq!(a.journey[3], analysis.summary.kpis.buyers);
    for split in &a.demographics {
        assert_eq!(
            split.bands.iter().map(|b| b.customers).sum::<u64>(),
            n,
            "{:?}",
            split.dimension
        );
        for band in &split.bands {
            assert_eq!(band.by_tier.iter().sum::<u64>(), band.customers);
            assert_eq!(band.by_stage.iter().sum::<u64>(), band.customers);
        }
    }
    let age = &a.demographics[0];
    assert_eq!(age.dimension, Dimension::Age);
    assert!(age.known > n / 2, "ages known for {} of {n}", age.known);
    assert!(!a.categories.is_empty());
    assert!(a.categories.iter().any(|c| c.browsed_not_bought > 0));
    assert_eq!(a.affinity.len(), 11);
    let profile = dataset.customers.profile();
    assert!((0..profile.contacts().len()).any(|c| profile
        .contacts()
        .get(c, segscope_model::ContactField::Email)
        .is_some()
        && profile.contacts().display_name(c).is_some()));
}

fn events_dataset(customers: usize, events: &[(usize, i32, usize)], orders: &[(usize, i32)]) -> Dataset {
    let mut d = Dataset {
        customers: Customers::with_keys((0..customers).map(|i| format!("c{i}")).collect()),
        categories: vec!["a".into(), "b".into()],
        ..Dataset::default()
    };
    for &(c, day, kind) in events {
        let category = (kind % 3).min(1) as u16;
        d.events
            .push_with_category(c as u32, day, EventKind::ALL[kind % EventKind::ALL.len()], category);
    }
    for &(c, day) in orders {
        d.orders.push(c as u32, day, 10.0, OrderStatus::Paid);
    }
    d
}

proptest! {
    #[test]
    fn one_stage_and_one_engagement_per_customer_and_funnels_never_rise(
        customers in 1usize..30,
        events in prop::collection::vec((0usize..30, 0i32..200, 0usize..15), 0..120),
        orders in prop::collection::vec((0usize..30, 0i32..200), 0..40),
    ) {
        let events: Vec<_> = events.into_iter().map(|(c, d, k)| (c % customers, d, k)).collect();
        let orders: Vec<_> = orders.into_iter().map(|(c, d)| (c % customers, d)).collect();
        let d = events_dataset(customers, &events, &orders);
        let a = analyze::run(&d, &Settings::default());
        prop_assert_eq!(a.labels.lead_stage().len(), customers);
        prop_assert_eq!(a.labels.engagement().len(), customers);
        let s = &a.summary.audience;
        prop_assert_eq!(s.leads.iter().sum::<u64>(), customers as u64);
        let funnel = s.lead_funnel.as_ref().map(|f| f.steps).unwrap_or_default();
        prop_assert!(funnel.windows(2).all(|w| w[0] >= w[1]));
        prop_assert!(s.journey.windows(2).all(|w| w[0] >= w[1]));
        for c in 0..customers {
            let buyer = a.metrics.orders()[c] > 0;
            prop_assert_eq!(a.labels.lead_stage()[c] == LeadStage::Purchased, buyer);
        }
    }
}

/// A customer known only from a customer summary bought: it is Purchased,
/// and the summary's last order counts as an interaction for engagement
/// (docs/ingest/summaries.md), like an order row's.
#[test]
fn summary_buyers_are_purchased_and_engaged_by_their_last_order() {
    let mut d = events_dataset(3, &[(1, 10, 0), (2, 110, 0)], &[(0, 100)]);
    d.totals.push(1, 3, 90.0, Some(40), Some(100));
    let settings = Settings {
        as_of: chrono::NaiveDate::from_ymd_opt(1970, 1, 1).and_then(|d| d.checked_add_days(chrono::Days::new(120))),
        ..Settings::default()
    };
    let a = analyze::run(&d, &settings);
    assert_eq!(a.metrics.orders()[1], 3, "the summary's orders count");
    assert_eq!(a.labels.lead_stage()[1], LeadStage::Purchased);
    assert_eq!(a.labels.lead_stage()[2], LeadStage::Awareness);
    // Last order 20 days before the as-of date: active (30 days by default),
    // not dormant from the page view 110 days before.
    assert_eq!(a.labels.engagement()[1], Engagement::Active);
    assert_eq!(a.labels.engagement()[0], Engagement::Active);
}
