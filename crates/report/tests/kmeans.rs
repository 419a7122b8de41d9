//! K-means clusters through the public API: the cluster scatter's snapshots
//! in English and Chinese (`tests/snapshots/clusters_*.svg`, rewrite with
//! `UPDATE_SNAPSHOTS=1`), its size on many buyers, and a property test that
//! any small input gives every buyer exactly one cluster and nobody else one.

mod common;

use proptest::prelude::*;
use segscope_engine::kmeans::{cluster, scatter_dots, Clustering, KmeansProblem, KmeansSettings, MAX_DOTS, MIN_BUYERS};
use segscope_engine::{CustomerMetrics, Headline};
use segscope_i18n::Lang;
use segscope_report::cluster_scatter;

/// The cluster scatter as the page draws it: the engine's sample of
/// clustered buyers, drawn by the report.
fn scatter(metrics: &CustomerMetrics, clustering: &Clustering, lang: Lang) -> String {
    cluster_scatter(&clustering.clusters, &scatter_dots(metrics, clustering), lang)
}

/// Customers as (recency days, paid orders, revenue); 0 orders is a non-buyer.
fn metrics(rows: &[(i32, u32, f64)]) -> CustomerMetrics {
    CustomerMetrics::from_headlines(
        10_000,
        rows.iter()
            .map(|&(days, orders, revenue)| Headline::new(orders, revenue, days)),
    )
}

/// `n` customers in three behaviour groups, every seventh a non-buyer.
fn shop(n: u32) -> CustomerMetrics {
    let rows: Vec<(i32, u32, f64)> = (0..n)
        .map(|i| {
            let wobble = f64::from(i * 37 % 11) / 10.0;
            match i % 7 {
                0 => (0, 0, 0.0),
                1 | 4 => (3 + (i % 9) as i32, 6 + i % 5, 800.0 * (1.0 + wobble)),
                2 | 5 => (60 + (i % 40) as i32, 2 + i % 2, 120.0 * (1.0 + wobble)),
                _ => (250 + (i * 13 % 200) as i32, 1, 25.0 * (1.0 + wobble)),
            }
        })
        .collect();
    metrics(&rows)
}

fn clusters_of(m: &CustomerMetrics) -> Clustering {
    match cluster(m, &m.buyers(), &KmeansSettings::default(), 5) {
        Ok(c) => c,
        Err(problem) => panic!("{problem:?}"),
    }
}

#[test]
fn scatter_en() {
    let m = shop(90);
    common::check_snapshot("clusters_en.svg", &scatter(&m, &clusters_of(&m), Lang::En));
}

#[test]
fn scatter_zh() {
    let m = shop(90);
    common::check_snapshot("clusters_zh.svg", &scatter(&m, &clusters_of(&m), Lang::Zh));
}

#[test]
fn scatter_of_many_buyers_stays_small() {
    let m = shop(150_000);
    let c = clusters_of(&m);
    for lang in [Lang::En, Lang::Zh] {
        let svg = scatter(&m, &c, lang);
        assert_eq!(svg.matches("<circle").count(), MAX_DOTS);
        assert!(svg.len() <= 250_000, "{} bytes", svg.len());
    }
}

#[test]
fn scatter_without_clusters_says_no_data() {
    let c = Clustering {
        k: 0,
        silhouette: 0.0,
        silhouette_by_k: Vec::new(),
        chosen_automatically: true,
        assignment: vec![None, Some(3)],
        clusters: Vec::new(),
    };
    let svg = scatter(&CustomerMetrics::default(), &c, Lang::En);
    assert!(svg.contains(">No data</text>"), "{svg}");
}

/// A customer: `None` is a non-buyer, else (recency days, orders, revenue).
fn customer() -> impl Strategy<Value = Option<(i32, u32, f64)>> {
    prop_oneof![
        1 => Just(None),
        4 => (0i32..400, 1u32..20, prop_oneof![Just(0.0), 0.0f64..5_000.0]).prop_map(Some),
        // Few distinct values, so that ties and too-few-distinct cases occur.
        2 => (0i32..2, 1u32..3, Just(10.0)).prop_map(Some),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_buyer_gets_exactly_one_cluster(
        customers in prop::collection::vec(customer(), 0..80),
        k in prop::option::of(2u8..=8),
        seed in any::<u64>(),
    ) {
        let rows: Vec<(i32, u32, f64)> = customers.iter().map(|c| c.unwrap_or((0, 0, 0.0))).collect();
        let m = metrics(&rows);
        let buyers = m.buyers();
        let settings = KmeansSettings { k, seed, sample_size: 200 };
        match cluster(&m, &buyers, &settings, 5) {
            Ok(c) => {
                prop_assert_eq!(c.assignment.len(), rows.len());
                for (i, a) in c.assignment.iter().enumerate() {
                    prop_assert_eq!(a.is_some(), rows[i].1 > 0);
                    prop_assert!(a.is_none_or(|j| j < c.k));
                }
                prop_assert_eq!(usize::from(c.k), c.clusters.len());
                if let Some(k) = k {
                    prop_assert_eq!(c.k, k);
                }
                prop_assert_eq!(c.clusters.iter().map(|p| p.size).sum::<u64>(), buyers.len() as u64);
                for (j, p) in c.clusters.iter().enumerate() {
                    let members = c.assignment.iter().filter(|a| **a == Some(j as u8)).count();
                    prop_assert_eq!(p.size, members as u64);
                }
                prop_assert!((-1.0..=1.0).contains(&c.silhouette));
                prop_assert!(c.silhouette_by_k.iter().all(|(_, s)| (-1.0..=1.0).contains(s)));
                prop_assert!(scatter(&m, &c, Lang::Zh).ends_with("</svg>\n"));
            }
            Err(KmeansProblem::TooFewBuyers { buyers: n, .. }) => {
                prop_assert_eq!(n, buyers.len());
                prop_assert!(n < MIN_BUYERS);
            }
            Err(KmeansProblem::TooFewDistinct { distinct, needed }) => {
                prop_assert!(buyers.len() >= MIN_BUYERS && distinct < needed);
            }
        }
    }
}
