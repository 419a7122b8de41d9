//! Membership levels (docs/product.md#membership-levels): points from the customers file or revenue ×
//! rate, against ascending thresholds; and the what-if view of new thresholds.

pub mod settings;

use crate::analyses::kpis::ratio;
use crate::metrics::CustomerMetrics;
use segscope_model::Dataset;
use serde::{Deserialize, Serialize};
use settings::{MemberLevel, MembershipSettings, PointsSource};

/// Each customer's points: the customers file's balance when there is one and
/// the settings use it ([`PointsSource::FromColumnElseRevenue`]), otherwise
/// paid revenue × rate. A non-finite balance counts as missing.
pub(crate) fn points(dataset: &Dataset, metrics: &CustomerMetrics, settings: &MembershipSettings) -> Vec<f64> {
    let rate = settings.points_per_currency_unit.max(0.0);
    let use_column = settings.points_source == PointsSource::FromColumnElseRevenue;
    (0..metrics.len())
        .map(|i| {
            let from_file = dataset.customers.points().get(i).copied().flatten();
            match from_file.filter(|p| use_column && p.is_finite()) {
                Some(p) => p,
                None => metrics.revenue[i] * rate,
            }
        })
        .collect()
}

/// The level index for `points`: the highest level whose threshold it meets
/// (the first level for anything below every threshold).
pub fn level_of(points: f64, levels: &[MemberLevel]) -> u8 {
    let reached = levels.iter().rposition(|l| points >= l.min_points).unwrap_or(0);
    u8::try_from(reached).unwrap_or(u8::MAX)
}

/// Customers, buyers and revenue of one level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelStat {
    /// Level name (built-in names are shown localized).
    pub name: String,
    /// Points the level starts at.
    pub min_points: f64,
    /// Customers at this level.
    pub customers: u64,
    /// Of them, customers with a paid order.
    pub buyers: u64,
    /// Their revenue.
    pub revenue: f64,
    /// Share of all revenue.
    pub revenue_share: f64,
}

/// Per-level totals.
pub(crate) fn level_stats(levels: &[u8], metrics: &CustomerMetrics, settings: &MembershipSettings) -> Vec<LevelStat> {
    let mut rows: Vec<LevelStat> = settings
        .levels
        .iter()
        .map(|l| LevelStat {
            name: l.name.clone(),
            min_points: l.min_points,
            customers: 0,
            buyers: 0,
            revenue: 0.0,
            revenue_share: 0.0,
        })
        .collect();
    for (i, &level) in levels.iter().enumerate() {
        if let Some(row) = rows.get_mut(usize::from(level)) {
            row.customers += 1;
            row.buyers += u64::from(metrics.orders[i] > 0);
            row.revenue += metrics.revenue[i];
        }
    }
    let total: f64 = rows.iter().map(|r| r.revenue).sum();
    for row in &mut rows {
        row.revenue_share = ratio(row.revenue, total);
    }
    rows
}

/// How customers would move between levels under other thresholds. Levels
/// are compared by position (level `i` now against level `i` proposed), so
/// the diagonal of `moves` plus `moved` is every customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WhatIf {
    /// `moves[from][to]`: customers now at level `from` who would be at `to`.
    pub moves: Vec<Vec<u64>>,
    /// Customers whose level position would change (off the diagonal).
    pub moved: u64,
    /// Of them, customers who would move to a higher position.
    pub up: u64,
    /// Customers per proposed level.
    pub proposed_counts: Vec<u64>,
}

/// Compares the levels of `points` (per customer, as in
/// [`super::Analysis::points`]) under `current` and `proposed` thresholds.
pub fn what_if(points: &[f64], current: &[MemberLevel], proposed: &[MemberLevel]) -> WhatIf {
    let mut moves = vec![vec![0u64; proposed.len().max(1)]; current.len().max(1)];
    let mut proposed_counts = vec![0u64; proposed.len().max(1)];
    let (mut moved, mut up) = (0, 0);
    for &p in points {
        let from = usize::from(level_of(p, current)).min(moves.len() - 1);
        let to = usize::from(level_of(p, proposed)).min(proposed_counts.len() - 1);
        moves[from][to] += 1;
        proposed_counts[to] += 1;
        moved += u64::from(from != to);
        up += u64::from(to > from);
    }
    WhatIf {
        moves,
        moved,
        up,
        proposed_counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use segscope_model::Customers;

    fn levels(thresholds: &[(&str, f64)]) -> Vec<MemberLevel> {
        thresholds
            .iter()
            .map(|(n, p)| MemberLevel {
                name: (*n).into(),
                min_points: *p,
            })
            .collect()
    }

    #[test]
    fn thresholds_are_inclusive() {
        let l = levels(&[("B", 0.0), ("S", 1000.0), ("G", 5000.0)]);
        assert_eq!(
            [
                level_of(-1.0, &l),
                level_of(999.9, &l),
                level_of(1000.0, &l),
                level_of(9e9, &l)
            ],
            [0, 0, 1, 2]
        );
    }

    #[test]
    fn points_prefer_the_file_balance_unless_told_otherwise() {
        let d = Dataset {
            customers: Customers::with_keys(vec!["a".into(), "b".into()]).with_points(vec![Some(50.0), None]),
            ..Dataset::default()
        };
        let m = CustomerMetrics {
            orders: vec![1, 1],
            revenue: vec![10.0, 20.0],
            ..CustomerMetrics::default()
        };
        let mut s = MembershipSettings {
            points_per_currency_unit: 2.0,
            ..MembershipSettings::default()
        };
        assert_eq!(points(&d, &m, &s), vec![50.0, 40.0]);
        s.points_source = PointsSource::Revenue;
        assert_eq!(points(&d, &m, &s), vec![20.0, 40.0]);
    }

    #[test]
    fn what_if_counts_moves() {
        let now = levels(&[("B", 0.0), ("S", 100.0)]);
        let next = levels(&[("B", 0.0), ("S", 50.0), ("G", 150.0)]);
        let w = what_if(&[10.0, 60.0, 120.0, 200.0], &now, &next);
        assert_eq!(w.moves, vec![vec![1, 1, 0], vec![0, 1, 1]]);
        assert_eq!((w.moved, w.up), (2, 2));
        assert_eq!(w.proposed_counts, vec![1, 2, 1]);
    }

    #[test]
    fn what_if_counts_moves_down_and_keeps_the_diagonal() {
        let now = levels(&[("B", 0.0), ("S", 50.0), ("G", 150.0)]);
        let next = levels(&[("B", 0.0), ("S", 100.0)]);
        let w = what_if(&[0.0, 60.0, 120.0, 200.0], &now, &next);
        assert_eq!(w.moves, vec![vec![1, 0], vec![1, 1], vec![0, 1]]);
        assert_eq!((w.moved, w.up), (2, 0));
        let diagonal: u64 = (0..2).map(|i| w.moves[i][i]).sum();
        assert_eq!(diagonal + w.moved, 4);
        assert_eq!(what_if(&[], &now, &next).proposed_counts, vec![0, 0]);
    }

    #[test]
    fn level_totals_and_revenue_shares() {
        let m = CustomerMetrics {
            orders: vec![1, 0, 2, 1],
            revenue: vec![30.0, 0.0, 60.0, 10.0],
            ..CustomerMetrics::default()
        };
        let stats = level_stats(&[0, 0, 1, 1], &m, &MembershipSettings::default());
        assert_eq!(stats.len(), 4);
        let row = |i: usize| {
            (
                stats[i].customers,
                stats[i].buyers,
                stats[i].revenue,
                stats[i].revenue_share,
            )
        };
        assert_eq!(row(0), (2, 1, 30.0, 0.3));
        assert_eq!(row(1), (2, 2, 70.0, 0.7));
        assert_eq!(row(3), (0, 0, 0.0, 0.0));
        // Without revenue every share is 0.
        let none = level_stats(
            &[0],
            &CustomerMetrics {
                orders: vec![0],
                revenue: vec![0.0],
                ..CustomerMetrics::default()
            },
            &MembershipSettings::default(),
        );
        assert_eq!(none[0].revenue_share, 0.0);
    }
}
