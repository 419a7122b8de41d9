//! Behaviour of [`cluster`] on small hand-made buyer sets.

use super::*;
use crate::{Headline, RfmSegment};

/// Metrics of customers given as (recency days, paid orders, revenue);
/// customers with 0 orders are non-buyers.
pub(super) fn metrics(rows: &[(i32, u32, f64)]) -> CustomerMetrics {
    CustomerMetrics::from_headlines(
        10_000,
        rows.iter()
            .map(|&(days, orders, revenue)| Headline::new(orders, revenue, days)),
    )
}

/// 30 recent, frequent, big spenders and 30 lapsed one-off small buyers,
/// interleaved, with a non-buyer every tenth customer.
fn two_blobs() -> CustomerMetrics {
    let mut rows = Vec::new();
    for i in 0..30 {
        rows.push((2 + i % 5, 12 + (i % 4) as u32, 2_000.0 + f64::from(i) * 10.0));
        rows.push((300 + i * 3, 1, 15.0 + f64::from(i % 7)));
        if i % 5 == 0 {
            rows.push((0, 0, 0.0));
        }
    }
    metrics(&rows)
}

fn run(m: &CustomerMetrics, settings: &KmeansSettings) -> Result<Clustering, KmeansProblem> {
    cluster(m, &m.buyers(), settings, 5)
}

#[test]
fn two_separated_blobs_give_two_clean_clusters() {
    let m = two_blobs();
    let c = run(&m, &KmeansSettings::default());
    let Ok(c) = c else {
        panic!("{c:?}");
    };
    assert_eq!(c.k, 2);
    assert!(c.chosen_automatically);
    assert!(c.silhouette > 0.7, "{}", c.silhouette);
    let best = c.silhouette_by_k.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    assert_eq!(best.map(|b| b.0), Some(2));
    assert_eq!(c.silhouette_by_k.first().map(|b| b.0), Some(2));
    assert_eq!(c.silhouette_by_k.len(), 7);
    // The big spenders are cluster 0 (highest revenue first), the others 1.
    for (i, cluster) in c.assignment.iter().enumerate() {
        let expected = match m.orders[i] {
            0 => None,
            1 => Some(1),
            _ => Some(0),
        };
        assert_eq!(*cluster, expected, "customer {i}");
    }
    assert_eq!(c.clusters.iter().map(|p| p.size).collect::<Vec<_>>(), vec![30, 30]);
    assert_eq!(c.clusters[0].nearest_segment, RfmSegment::Champions);
    // The centre is lapsed (R 2 of 5: half the group lapsed longer) with one order.
    assert_eq!(c.clusters[1].nearest_segment, RfmSegment::Hibernating);
    assert_eq!(c.clusters[1].median.orders, 1.0);
    assert!((c.clusters[0].mean.revenue - 2_145.0).abs() < 1e-9);
    assert_eq!(c.summary().k, 2);
}

#[test]
fn same_seed_same_clusters() {
    let rows: Vec<(i32, u32, f64)> = (0..400)
        .map(|i: u32| ((i * 37 % 365) as i32, 1 + i * 13 % 9, f64::from(i * 7919 % 5000)))
        .collect();
    let m = metrics(&rows);
    let settings = KmeansSettings {
        sample_size: 200,
        ..KmeansSettings::default()
    };
    let a = run(&m, &settings);
    let b = run(&m, &settings);
    assert!(a.is_ok());
    assert_eq!(a, b);
}

#[test]
fn a_set_k_is_respected() {
    let m = two_blobs();
    for k in [3, 5] {
        let settings = KmeansSettings {
            k: Some(k),
            ..KmeansSettings::default()
        };
        let c = run(&m, &settings);
        let Ok(c) = c else {
            panic!("{c:?}");
        };
        assert_eq!((c.k, c.clusters.len()), (k, usize::from(k)));
        assert!(!c.chosen_automatically);
        assert!(c.clusters.windows(2).all(|w| w[0].mean.revenue >= w[1].mean.revenue));
        assert_eq!(c.clusters.iter().map(|p| p.size).sum::<u64>(), 60);
    }
}

#[test]
fn degenerate_data_is_a_problem_not_a_panic() {
    let same = metrics(&[(5, 2, 40.0); 50]);
    assert_eq!(
        run(&same, &KmeansSettings::default()),
        Err(KmeansProblem::TooFewDistinct { distinct: 1, needed: 2 })
    );
    let one = metrics(&[(5, 2, 40.0), (0, 0, 0.0)]);
    assert_eq!(
        run(&one, &KmeansSettings::default()),
        Err(KmeansProblem::TooFewBuyers {
            buyers: 1,
            needed: MIN_BUYERS
        })
    );
    let none = metrics(&[(0, 0, 0.0); 20]);
    assert!(matches!(
        run(&none, &KmeansSettings::default()),
        Err(KmeansProblem::TooFewBuyers { buyers: 0, .. })
    ));
    assert!(run(&CustomerMetrics::default(), &KmeansSettings::default()).is_err());
    // Three distinct buyers cannot make five clusters.
    let three: Vec<(i32, u32, f64)> = (0..30).map(|i| (i % 3, 1, 10.0)).collect();
    let five = KmeansSettings {
        k: Some(5),
        ..KmeansSettings::default()
    };
    assert_eq!(
        run(&metrics(&three), &five),
        Err(KmeansProblem::TooFewDistinct { distinct: 3, needed: 5 })
    );
}

#[test]
fn few_distinct_buyers_limit_the_ks_tried_and_bad_inputs_are_clamped() {
    let three: Vec<(i32, u32, f64)> = (0..30).map(|i| (i % 3 * 100, 1, 10.0)).collect();
    let m = metrics(&three);
    let wild = KmeansSettings {
        k: None,
        seed: u64::MAX,
        sample_size: 0,
    };
    let c = run(&m, &wild);
    let Ok(c) = c else {
        panic!("{c:?}");
    };
    assert_eq!(c.silhouette_by_k.iter().map(|s| s.0).collect::<Vec<_>>(), vec![2, 3]);
    assert_eq!(c.k, 3);
    // Customers listed as buyers without an order, or out of range, are skipped.
    let with_bad = cluster(&m, &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99], &wild, 0);
    assert!(matches!(with_bad, Ok(c) if c.clusters.iter().map(|p| p.size).sum::<u64>() == 11));
}
