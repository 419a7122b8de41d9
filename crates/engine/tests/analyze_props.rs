//! Properties of the analysis on random datasets and settings: one label per
//! customer and scheme, RFM scores exactly as docs/product.md#rfm-scores-and-segments, tiers cut exactly at
//! ⌈cutoff · n⌉, and totals that add up.

use proptest::prelude::*;
use segscope_engine::settings::{Settings, TierSettings};
use segscope_engine::{run, Analysis, LifecycleStage, RfmSegment};
use segscope_model::{Customers, Dataset, OrderStatus};

/// A random order: customer (modulo the customer count), day, amount, status.
type RawOrder = (usize, i32, f64, OrderStatus);

fn status() -> impl Strategy<Value = OrderStatus> {
    prop_oneof![
        6 => Just(OrderStatus::Paid),
        1 => Just(OrderStatus::Refunded),
        1 => Just(OrderStatus::Cancelled),
    ]
}

/// Amounts from a small set, so that ties are common.
fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(5.0),
        Just(10.0),
        Just(10.5),
        Just(99.99),
        (0u32..10_000).prop_map(|cents| f64::from(cents) / 100.0),
    ]
}

fn raw_orders() -> impl Strategy<Value = Vec<RawOrder>> {
    prop::collection::vec((0usize..1000, 0i32..40, amount(), status()), 0..120)
}

fn build(customers: usize, orders: &[RawOrder]) -> Dataset {
    let mut dataset = Dataset {
        customers: Customers::with_keys((0..customers).map(|i| format!("k{:03}", (i * 37) % 1000)).collect()),
        ..Dataset::default()
    };
    if customers > 0 {
        for &(c, day, amount, status) in orders {
            dataset.orders.push((c % customers) as u32, day, amount, status);
        }
    }
    dataset
}

/// Settings with scale 3–5, 1–3 cut-offs that are multiples of 0.05, random weights.
fn settings() -> impl Strategy<Value = Settings> {
    (
        3u8..=5,
        prop::collection::btree_set(1u32..20, 1..4),
        (0u32..5, 0u32..5, 1u32..5),
        prop::option::of(0i32..45),
    )
        .prop_map(|(scale, twentieths, (wa, wo, wr), as_of)| {
            let cutoffs: Vec<f64> = twentieths.iter().map(|&k| f64::from(k) / 20.0).collect();
            let names = (0..=cutoffs.len()).map(|i| format!("T{i}")).collect();
            let mut s = Settings {
                as_of: as_of.and_then(|d| {
                    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_days(chrono::Days::new(d as u64))
                }),
                tiers: TierSettings {
                    weight_aov: f64::from(wa),
                    weight_orders: f64::from(wo),
                    weight_revenue: f64::from(wr),
                    cutoffs,
                    names,
                },
                ..Settings::default()
            };
            s.rfm.scale = scale;
            s
        })
}

fn case() -> impl Strategy<Value = (Dataset, Settings)> {
    (0usize..40, raw_orders(), settings()).prop_map(|(n, orders, settings)| (build(n, &orders), settings))
}

fn buyers(a: &Analysis) -> Vec<usize> {
    (0..a.metrics.orders().len())
        .filter(|&i| a.metrics.orders()[i] > 0)
        .collect()
}

/// `1 + ⌊s · worse / n⌋` by brute force.
fn expected_score(worse: usize, n: usize, s: u8) -> u8 {
    (1 + worse * usize::from(s) / n) as u8
}

proptest! {
    #[test]
    fn every_customer_has_exactly_one_label_per_scheme((dataset, settings) in case()) {
        prop_assert!(settings.validate().is_ok());
        let a = run(&dataset, &settings);
        let n = dataset.customers.len();
        let l = &a.labels;
        let columns = [
            l.r().len(),
            l.f().len(),
            l.m().len(),
            l.segment().len(),
            l.value_score().len(),
            l.tier().len(),
            l.member_level().len(),
            l.lifecycle().len(),
            a.points.len(),
            a.metrics.favorite_category().len(),
            a.metrics.distinct_categories().len(),
        ];
        for column in columns {
            prop_assert_eq!(column, n);
        }
        let tiers = settings.tiers.cutoffs.len() + 1;
        for i in 0..n {
            let buyer = a.metrics.orders()[i] > 0;
            prop_assert_eq!(l.segment()[i].is_some(), buyer);
            prop_assert_eq!(l.value_score()[i].is_some(), buyer);
            prop_assert_eq!(l.tier()[i].is_some(), buyer);
            if let Some(tier) = l.tier()[i] {
                prop_assert!((tier as usize) < tiers);
            }
            prop_assert!(usize::from(l.member_level()[i]) < settings.membership.levels.len());
            prop_assert_eq!(l.lifecycle()[i] == LifecycleStage::Potential, !buyer);
        }
    }

    #[test]
    fn scores_follow_the_spec_formula((dataset, settings) in case()) {
        let a = run(&dataset, &settings);
        let s = settings.rfm.scale;
        let m = &a.metrics;
        let b = buyers(&a);
        let n = b.len();
        for i in 0..m.orders().len() {
            if m.orders()[i] == 0 {
                prop_assert_eq!((a.labels.r()[i], a.labels.f()[i], a.labels.m()[i]), (0, 0, 0));
                continue;
            }
            let worse_r = b.iter().filter(|&&j| m.recency_days()[j] > m.recency_days()[i]).count();
            let worse_f = b.iter().filter(|&&j| m.orders()[j] < m.orders()[i]).count();
            let worse_m = b.iter().filter(|&&j| m.revenue()[j] < m.revenue()[i]).count();
            prop_assert_eq!(a.labels.r()[i], expected_score(worse_r, n, s));
            prop_assert_eq!(a.labels.f()[i], expected_score(worse_f, n, s));
            prop_assert_eq!(a.labels.m()[i], expected_score(worse_m, n, s));
            for score in [a.labels.r()[i], a.labels.f()[i], a.labels.m()[i]] {
                prop_assert!((1..=s).contains(&score));
            }
            let segment = RfmSegment::from_scores(a.labels.r()[i], a.labels.f()[i], s);
            prop_assert_eq!(a.labels.segment()[i], Some(segment));
        }
    }

    #[test]
    fn equal_values_get_equal_scores_and_better_values_never_lower((dataset, settings) in case()) {
        let a = run(&dataset, &settings);
        let (m, l) = (&a.metrics, &a.labels);
        let b = buyers(&a);
        for &i in &b {
            for &j in &b {
                if m.recency_days()[i] == m.recency_days()[j] { prop_assert_eq!(l.r()[i], l.r()[j]); }
                if m.recency_days()[i] < m.recency_days()[j] { prop_assert!(l.r()[i] >= l.r()[j]); }
                if m.orders()[i] == m.orders()[j] { prop_assert_eq!(l.f()[i], l.f()[j]); }
                if m.orders()[i] > m.orders()[j] { prop_assert!(l.f()[i] >= l.f()[j]); }
                if m.revenue()[i] == m.revenue()[j] { prop_assert_eq!(l.m()[i], l.m()[j]); }
                if m.revenue()[i] > m.revenue()[j] { prop_assert!(l.m()[i] >= l.m()[j]); }
            }
        }
        // The worst value always scores 1.
        if let Some(&worst) = b.iter().max_by_key(|&&i| m.recency_days()[i]) {
            prop_assert_eq!(l.r()[worst], 1);
        }
    }

    #[test]
    fn tiers_are_cut_at_the_ceiling_of_each_cutoff((dataset, settings) in case()) {
        let a = run(&dataset, &settings);
        let n = buyers(&a).len();
        let tiers = settings.tiers.cutoffs.len() + 1;
        let mut counts = vec![0usize; tiers];
        for tier in a.labels.tier().iter().flatten() {
            counts[*tier as usize] += 1;
        }
        let mut cumulative = 0;
        for (i, cutoff) in settings.tiers.cutoffs.iter().enumerate() {
            cumulative += counts[i];
            // Cut-offs are k/20, so ⌈k·n/20⌉ in integers.
            let k = (cutoff * 20.0).round() as usize;
            prop_assert_eq!(cumulative, (k * n).div_ceil(20));
        }
        prop_assert_eq!(counts.iter().sum::<usize>(), n);
        // A better tier never holds a lower value score than a worse tier;
        // equal scores are ordered by revenue, then by customer key: with
        // the counts above, this fixes every buyer's tier.
        let l = &a.labels;
        let (revenue, keys) = (a.metrics.revenue(), dataset.customers.key());
        for i in 0..l.tier().len() {
            for j in 0..l.tier().len() {
                if let (Some(ti), Some(tj), Some(si), Some(sj)) = (l.tier()[i], l.tier()[j], l.value_score()[i], l.value_score()[j]) {
                    if ti < tj {
                        prop_assert!(si >= sj);
                        if si == sj {
                            prop_assert!(revenue[i] >= revenue[j]);
                            if revenue[i] == revenue[j] { prop_assert!(keys[i] <= keys[j]); }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn summary_totals_add_up((dataset, settings) in case()) {
        let a = run(&dataset, &settings);
        let s = &a.summary;
        let buyers = buyers(&a).len() as u64;
        prop_assert_eq!(s.kpis.customers, dataset.customers.len() as u64);
        prop_assert_eq!(s.kpis.buyers, buyers);
        prop_assert_eq!(s.tiers.iter().map(|t| t.customers).sum::<u64>(), s.kpis.customers);
        prop_assert_eq!(s.tiers.len(), settings.tiers.cutoffs.len() + 2);
        prop_assert_eq!(s.segments.iter().map(|t| t.customers).sum::<u64>(), buyers);
        prop_assert_eq!(s.segments.len(), RfmSegment::ALL.len());
        let scale = usize::from(settings.rfm.scale);
        prop_assert_eq!(s.rf_grid.len(), scale * scale);
        prop_assert_eq!(s.rf_grid.iter().map(|c| c.customers).sum::<u64>(), buyers);
        for ratio in [s.kpis.repeat_rate, s.kpis.top_revenue_share, s.kpis.top_share] {
            prop_assert!((0.0..=1.0).contains(&ratio));
        }
        if s.kpis.revenue > 0.0 {
            let shares: f64 = s.tiers.iter().map(|t| t.revenue_share).sum();
            prop_assert!((shares - 1.0).abs() < 1e-9);
        }
    }

    #[test]
    fn orders_after_as_of_change_nothing((dataset, settings) in case()) {
        let a = run(&dataset, &settings);
        let mut trimmed = dataset.clone();
        trimmed.orders = Default::default();
        for i in 0..dataset.orders.len() {
            if dataset.orders.day()[i] <= a.as_of {
                trimmed.orders.push(dataset.orders.customer()[i], dataset.orders.day()[i], dataset.orders.amount()[i], dataset.orders.status()[i]);
            }
        }
        let fixed = Settings { as_of: Some(segscope_model::date::date_of(a.as_of)), ..settings };
        let b = run(&trimmed, &fixed);
        prop_assert_eq!(&a.metrics, &b.metrics);
        prop_assert_eq!(&a.labels, &b.labels);
        prop_assert_eq!(&a.summary.kpis, &b.summary.kpis);
    }
}

#[test]
fn every_grid_cell_has_a_segment_and_every_segment_a_cell() {
    let mut reached = Vec::new();
    for r in 1..=5 {
        for f in 1..=5 {
            reached.push(RfmSegment::from_scores(r, f, 5));
        }
    }
    for segment in RfmSegment::ALL {
        assert!(reached.contains(&segment), "{segment:?} is unreachable");
    }
    for scale in 3..=5 {
        for r in 1..=scale {
            for f in 1..=scale {
                assert!(RfmSegment::ALL.contains(&RfmSegment::from_scores(r, f, scale)));
            }
        }
    }
}

#[test]
fn segment_names_match_the_spec() {
    let names: Vec<&str> = RfmSegment::ALL.iter().map(|s| s.english_name()).collect();
    assert_eq!(
        names,
        [
            "Champions",
            "Loyal Customers",
            "Potential Loyalists",
            "New Customers",
            "Promising",
            "Need Attention",
            "About To Sleep",
            "At Risk",
            "Can't Lose Them",
            "Hibernating",
            "Lost"
        ]
    );
    for segment in RfmSegment::ALL {
        assert!(segscope_engine::texts::has(segment.i18n_key()));
    }
}
