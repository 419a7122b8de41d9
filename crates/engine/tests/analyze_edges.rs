//! Membership, lifecycle, sources, repeat buying, after-sales and categories
//! at the edges: no data, no buyer, a single buyer, and an as-of date that
//! cuts orders off.

use chrono::{Days, NaiveDate};
use segscope_engine::settings::{MemberLevel, PointsSource, Settings};
use segscope_engine::{run, what_if, LifecycleStage};
use segscope_model::{Customers, Dataset, OrderStatus, NO_CATEGORY};

/// The date `day` days after 1970-01-01.
fn date(day: u64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_days(Days::new(day))
}

#[test]
fn an_empty_dataset_gives_empty_totals() {
    let a = run(&Dataset::default(), &Settings::default());
    let s = &a.summary;
    assert!(a.points.is_empty() && a.labels.member_level().is_empty() && a.labels.lifecycle().is_empty());
    assert_eq!(s.membership.len(), 4);
    assert!(s.membership.iter().all(|l| l.customers == 0 && l.revenue_share == 0.0));
    assert!(s.lifecycle.stages.iter().all(|st| st.customers == 0));
    assert_eq!(s.lifecycle.funnel.steps, [0; 5]);
    assert!(s.lifecycle.funnel_by_source.is_empty());
    assert_eq!(s.lifecycle.window.days, 90.0);
    assert!(s.sources.is_empty());
    assert_eq!((s.repeat.buyers, s.repeat.repurchase_rate), (0, 0.0));
    assert_eq!(
        (s.repeat.gaps.median_days, s.repeat.time_to_second.median_days),
        (None, None)
    );
    assert!(s.repeat.cohorts.cells.iter().all(Option::is_none));
    assert_eq!(s.after_sales.overall.rate, 0.0);
    assert!(s.after_sales.high_returners.is_empty());
    assert_eq!(s.kpis.active_share, 0.0);
    let levels = Settings::default().membership.levels;
    let w = what_if(&[], &levels, &levels);
    assert_eq!((w.moved, w.up), (0, 0));
    assert!(w.moves.iter().flatten().all(|&n| n == 0));
}

#[test]
fn without_a_buyer_everyone_is_potential_at_the_first_level() {
    let mut d = Dataset {
        customers: Customers::with_keys(vec!["a".into(), "b".into(), "c".into()]).with_sources(vec![
            Some(0),
            Some(0),
            None,
        ]),
        sources: vec!["ads".into()],
        ..Dataset::default()
    };
    d.orders.push(0, 10, 50.0, OrderStatus::Refunded);
    d.orders.push(0, 11, 50.0, OrderStatus::Refunded);
    d.orders.push(1, 12, 20.0, OrderStatus::Cancelled);
    let a = run(&d, &Settings::default());
    let s = &a.summary;
    assert_eq!(a.labels.lifecycle(), vec![LifecycleStage::Potential; 3]);
    assert_eq!(a.labels.member_level(), vec![0; 3]);
    assert_eq!(a.points, vec![0.0; 3]);
    assert_eq!((s.membership[0].customers, s.membership[0].buyers), (3, 0));
    assert_eq!(s.lifecycle.funnel.steps, [3, 0, 0, 0, 0]);
    let ads = &s.sources[0];
    assert_eq!(ads.source.as_deref(), Some("ads"));
    assert_eq!((ads.customers, ads.buyers, ads.conversion, ads.aov), (2, 0, 0.0, 0.0));
    assert_eq!(s.sources[1].source, None);
    assert_eq!(ads.tier_mix.last(), Some(&2), "both in No purchase");
    assert_eq!(s.kpis.active_share, 0.0);
    assert_eq!(s.repeat.repurchase_rate, 0.0);
    // Two refunds and nothing kept: a high returner at rate 1, under "No purchase".
    assert_eq!(s.after_sales.high_returners.len(), 1);
    assert_eq!(s.after_sales.high_returners[0].key, "a");
    assert_eq!(s.after_sales.high_returners[0].rate, 1.0);
    assert_eq!(s.after_sales.by_tier.last().map(|r| r.refunded_orders), Some(2));
    assert!(s.after_sales.by_segment.iter().all(|r| r.refunded_orders == 0));
}

#[test]
fn one_buyer_with_a_points_balance() {
    let mut d = Dataset {
        customers: Customers::with_keys(vec!["vip".into(), "browser".into()]).with_points(vec![Some(6_000.0), None]),
        categories: vec!["tea".into()],
        ..Dataset::default()
    };
    d.orders.push_with_category(0, 100, 1_500.0, OrderStatus::Paid, 0);
    let mut settings = Settings::default();
    let a = run(&d, &settings);
    let s = &a.summary;
    // The file's balance (Gold from 5000) beats revenue × 1 (Silver).
    assert_eq!(
        (a.points.clone(), a.labels.member_level().to_vec()),
        (vec![6_000.0, 0.0], vec![2, 0])
    );
    assert_eq!((s.membership[2].customers, s.membership[2].revenue_share), (1, 1.0));
    assert_eq!(
        a.labels.lifecycle(),
        vec![LifecycleStage::New, LifecycleStage::Potential]
    );
    assert_eq!(s.kpis.active_share, 1.0);
    assert_eq!((s.repeat.buyers, s.repeat.repeat_buyers), (1, 0));
    assert_eq!(s.lifecycle.funnel.steps, [2, 1, 0, 0, 0]);
    assert_eq!(a.metrics.favorite_category(), vec![Some(0), None]);
    assert_eq!(a.metrics.distinct_categories(), vec![1, 0]);
    let cohort = s.repeat.cohorts.sizes.iter().sum::<u64>();
    assert_eq!(cohort, 1);

    settings.membership.points_source = PointsSource::Revenue;
    settings.membership.points_per_currency_unit = 2.0;
    let a = run(&d, &settings);
    assert_eq!(
        (a.points.clone(), a.labels.member_level().to_vec()),
        (vec![3_000.0, 0.0], vec![1, 0])
    );
    // Raising Silver to 3001 moves the buyer down.
    let mut proposed = settings.membership.levels.clone();
    proposed[1] = MemberLevel {
        name: "Silver".into(),
        min_points: 3_001.0,
    };
    let w = what_if(&a.points, &settings.membership.levels, &proposed);
    assert_eq!((w.moved, w.up), (1, 0));
    assert_eq!((w.moves[1][0], w.moves[0][0]), (1, 1));
}

#[test]
fn orders_after_the_as_of_date_are_left_out_everywhere() {
    let mut d = Dataset {
        customers: Customers::with_keys(vec!["a".into(), "b".into()]),
        categories: vec!["tea".into(), "cups".into()],
        ..Dataset::default()
    };
    // a: 1970-01-11 and 1970-02-10 (tea, cups), then 1970-03-12 and a
    // refund after the as-of date. b: a single order after it.
    d.orders.push(0, 10, 100.0, OrderStatus::Paid);
    d.orders.push(0, 40, 100.0, OrderStatus::Paid);
    d.orders.push(0, 70, 5_000.0, OrderStatus::Paid);
    d.orders.push(0, 71, 10.0, OrderStatus::Refunded);
    d.orders.push(1, 65, 10.0, OrderStatus::Paid);
    for (i, category) in [0, 1, 1, 1, NO_CATEGORY].into_iter().enumerate() {
        d.orders.set_category(i, category);
    }
    let mut settings = Settings {
        as_of: date(50),
        ..Settings::default()
    };
    settings.membership.points_source = PointsSource::Revenue;
    let a = run(&d, &settings);
    let s = &a.summary;
    assert_eq!(a.points, vec![200.0, 0.0]);
    assert_eq!(a.labels.member_level(), vec![0, 0]);
    assert_eq!(
        a.labels.lifecycle(),
        vec![LifecycleStage::New, LifecycleStage::Potential]
    );
    assert_eq!((s.repeat.repeat_buyers, s.repeat.gaps.median_days), (1, Some(30.0)));
    assert_eq!(s.after_sales.overall.refunded_orders, 0);
    // A tie of one order each, at equal revenue: the lower index (tea) wins.
    assert_eq!(a.metrics.favorite_category(), vec![Some(0), None]);
    assert_eq!(a.metrics.distinct_categories(), vec![2, 0]);
    // Cohort 1970-01 is seen in months 0 and 1; the as-of month 1970-02 is the last.
    let t = &s.repeat.cohorts;
    let row = t.cohorts.iter().position(|m| m == "1970-01").unwrap_or(0);
    let cells = &t.cells[row * t.months_after..row * t.months_after + 3];
    assert_eq!(cells, &[Some(1.0), Some(1.0), None]);
    assert_eq!(t.cohorts.last().map(String::as_str), Some("1970-02"));
}
