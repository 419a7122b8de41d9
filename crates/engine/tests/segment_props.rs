//! Properties of membership, lifecycle, sources, repeat buying, after-sales
//! and favourite categories on random data: one label per customer and
//! scheme, totals that add up, funnels that narrow, shares within 0..1, the
//! what-if matrix consistent with the labels.

mod common;

use proptest::prelude::*;
use segscope_engine::settings::{MemberLevel, Settings};
use segscope_engine::{level_of, run, what_if, LifecycleStage};
use segscope_model::{Customers, Dataset, NO_CATEGORY};

fn dataset() -> impl Strategy<Value = Dataset> {
    let order = ((0usize..60, 0i32..900, 0u32..50_000, 0u8..8), 0u16..4);
    (
        1usize..60,
        prop::collection::vec(order, 0..300),
        prop::collection::vec(prop::option::of(0u16..3), 60),
    )
        .prop_map(|(n, orders, sources)| {
            let mut d = Dataset {
                customers: Customers::with_keys((0..n).map(|i| format!("c{i}")).collect())
                    .with_sources(sources)
                    .with_points((0..n).map(|i| (i % 4 == 0).then_some(i as f64 * 300.0)).collect()),
                sources: vec!["ads".into(), "wechat".into(), "store".into()],
                categories: vec!["shoes".into(), "bags".into(), "hats".into()],
                ..Dataset::default()
            };
            common::push_orders(&mut d, orders);
            d
        })
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        prop::option::of(1u32..400),
        1u32..200,
        prop::collection::btree_set(1u32..100, 0..4),
        0u32..4,
    )
        .prop_map(|(window, new_days, thresholds, rate)| {
            let mut s = Settings::default();
            s.lifecycle.active_window_days = window;
            s.lifecycle.new_days = new_days;
            s.membership.points_per_currency_unit = f64::from(rate);
            s.membership.levels = std::iter::once(0)
                .chain(thresholds.into_iter().map(|t| t * 100))
                .enumerate()
                .map(|(i, p)| MemberLevel {
                    name: format!("L{i}"),
                    min_points: f64::from(p),
                })
                .collect();
            s
        })
}

proptest! {
    #[test]
    fn one_level_and_one_stage_per_customer_and_totals_add_up(d in dataset(), s in settings()) {
        prop_assert!(s.validate().is_ok());
        let a = run(&d, &s);
        let n = d.customers.len();
        prop_assert_eq!(a.labels.member_level().len(), n);
        prop_assert_eq!(a.labels.lifecycle().len(), n);
        for i in 0..n {
            prop_assert!(usize::from(a.labels.member_level()[i]) < s.membership.levels.len());
            prop_assert_eq!(a.labels.member_level()[i], level_of(a.points[i], &s.membership.levels));
            prop_assert_eq!(a.labels.lifecycle()[i] == LifecycleStage::Potential, a.metrics.orders()[i] == 0);
        }
        let sum = &a.summary;
        prop_assert_eq!(sum.membership.iter().map(|l| l.customers).sum::<u64>(), n as u64);
        prop_assert_eq!(sum.lifecycle.stages.iter().map(|st| st.customers).sum::<u64>(), n as u64);
        prop_assert!(sum.lifecycle.funnel.steps.windows(2).all(|w| w[0] >= w[1]), "funnel narrows");
        prop_assert_eq!(sum.lifecycle.funnel.steps[0], n as u64);
        for f in &sum.lifecycle.funnel_by_source {
            prop_assert!(f.steps.windows(2).all(|w| w[0] >= w[1]), "funnel of {:?} narrows", f.source);
        }
        for step in 0..5 {
            let by_source: u64 = sum.lifecycle.funnel_by_source.iter().map(|f| f.steps[step]).sum();
            prop_assert_eq!(by_source, sum.lifecycle.funnel.steps[step]);
        }
        let active = a.labels.lifecycle().iter().filter(|st| matches!(st, LifecycleStage::New | LifecycleStage::Active)).count();
        prop_assert!(sum.lifecycle.funnel.steps[4] <= active as u64);
        prop_assert_eq!(sum.sources.iter().map(|r| r.customers).sum::<u64>(), n as u64);
        prop_assert_eq!(sum.sources.iter().map(|r| r.tier_mix.iter().sum::<u64>()).sum::<u64>(), n as u64);
        prop_assert!(sum.sources.iter().all(|r| (0.0..=1.0).contains(&r.conversion) && (0.0..=1.0).contains(&r.repeat_rate)));
        prop_assert!(sum.repeat.cohorts.cells.iter().flatten().all(|c| (0.0..=1.0).contains(c)));
        prop_assert_eq!(sum.repeat.buyers, sum.kpis.buyers);
        prop_assert!((0.0..=1.0).contains(&sum.kpis.active_share));
        let refunded: u64 = a.metrics.refunded().iter().map(|&r| u64::from(r)).sum();
        prop_assert_eq!(sum.after_sales.overall.refunded_orders, refunded);
        prop_assert_eq!(sum.after_sales.by_tier.iter().map(|r| r.refunded_orders).sum::<u64>(), refunded);
    }

    #[test]
    fn what_if_moves_add_up(d in dataset(), s in settings(), t in settings()) {
        let a = run(&d, &s);
        let w = what_if(&a.points, &s.membership.levels, &t.membership.levels);
        let total: u64 = w.moves.iter().flatten().sum();
        prop_assert_eq!(total, d.customers.len() as u64);
        let diagonal: u64 = w.moves.iter().enumerate().filter_map(|(i, row)| row.get(i)).sum();
        prop_assert_eq!(diagonal + w.moved, total);
        for (from, row) in w.moves.iter().enumerate() {
            prop_assert_eq!(row.iter().sum::<u64>(), a.labels.member_level().iter().filter(|&&l| usize::from(l) == from).count() as u64);
        }
        prop_assert_eq!(w.proposed_counts.iter().sum::<u64>(), total);
        prop_assert!(w.up <= w.moved && w.moved <= total);
        let same = what_if(&a.points, &s.membership.levels, &s.membership.levels);
        prop_assert_eq!(same.moved, 0);
    }

    #[test]
    fn favourite_category_by_definition(d in dataset()) {
        let a = run(&d, &Settings::default());
        let o = &d.orders;
        for c in 0..d.customers.len() {
            // Paid categorised orders of c, by day (stable), summed in that order.
            let mut mine: Vec<usize> = (0..o.len())
                .filter(|&k| o.customer()[k] as usize == c && o.status()[k].is_paid() && o.category()[k] != NO_CATEGORY)
                .collect();
            mine.sort_by_key(|&k| o.day()[k]);
            let mut tally = [(0u32, 0.0f64); 3];
            for &k in &mine {
                let t = &mut tally[usize::from(o.category()[k])];
                t.0 += 1;
                t.1 += o.amount()[k];
            }
            let mut best: Option<usize> = None;
            for k in 0..3 {
                if tally[k].0 > 0 && best.is_none_or(|b| (tally[k].0, tally[k].1) > (tally[b].0, tally[b].1)) {
                    best = Some(k);
                }
            }
            prop_assert_eq!(a.metrics.favorite_category()[c].map(usize::from), best);
            prop_assert_eq!(usize::from(a.metrics.distinct_categories()[c]), tally.iter().filter(|t| t.0 > 0).count());
        }
    }
}
