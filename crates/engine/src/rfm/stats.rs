//! RFM totals for the dashboard: the R × F grid and one row per named segment.

use crate::analyses::kpis::ratio;
use crate::labels::Labels;
use crate::metrics::CustomerMetrics;
use crate::rfm::segment::RfmSegment;
use serde::{Deserialize, Serialize};

/// Buyers in one cell of the R × F grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RfCell {
    /// Recency score.
    pub r: u8,
    /// Frequency score.
    pub f: u8,
    /// Buyers with these scores.
    pub customers: u64,
    /// Their mean revenue (0 for an empty cell).
    pub avg_monetary: f64,
}

/// Buyers in one named RFM segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentStat {
    /// The segment.
    pub segment: RfmSegment,
    /// Buyers in it.
    pub customers: u64,
    /// Share of all buyers.
    pub customer_share: f64,
    /// Their revenue.
    pub revenue: f64,
    /// Share of total revenue.
    pub revenue_share: f64,
    /// Mean recency in days (0 for an empty segment).
    pub avg_recency_days: f64,
    /// Mean paid orders (0 for an empty segment).
    pub avg_orders: f64,
    /// Mean revenue (0 for an empty segment).
    pub avg_monetary: f64,
}

/// Running sums of one group of buyers.
#[derive(Clone, Copy, Default)]
struct Totals {
    customers: u64,
    revenue: f64,
    recency: f64,
    orders: f64,
}

impl Totals {
    fn mean(&self, sum: f64) -> f64 {
        ratio(sum, self.customers as f64)
    }
}

/// The `scale × scale` grid, R from best (top row) to worst, F from 1 to
/// `scale` within each row; and one row per segment in table order.
pub(crate) fn rfm_stats(metrics: &CustomerMetrics, labels: &Labels) -> (Vec<RfCell>, Vec<SegmentStat>) {
    let s = usize::from(labels.rfm_scale);
    let mut cells = vec![Totals::default(); s * s];
    let mut segments = [Totals::default(); RfmSegment::ALL.len()];
    for (i, segment) in labels.segment.iter().enumerate() {
        let Some(segment) = segment else {
            continue;
        };
        let revenue = metrics.revenue.get(i).copied().unwrap_or(0.0);
        let add = |totals: &mut Totals| {
            totals.customers += 1;
            totals.revenue += revenue;
            totals.recency += f64::from(metrics.recency_days.get(i).copied().flatten().unwrap_or(0));
            totals.orders += f64::from(metrics.orders.get(i).copied().unwrap_or(0));
        };
        add(&mut segments[segment.index()]);
        let score = |column: &[u8]| usize::from(column.get(i).copied().unwrap_or(0));
        let (r, f) = (score(&labels.r), score(&labels.f));
        if (1..=s).contains(&r) && (1..=s).contains(&f) {
            add(&mut cells[(s - r) * s + (f - 1)]);
        }
    }
    let grid = cells
        .iter()
        .enumerate()
        .map(|(cell, totals)| RfCell {
            r: u8::try_from(s - cell / s).unwrap_or(0),
            f: u8::try_from(cell % s + 1).unwrap_or(0),
            customers: totals.customers,
            avg_monetary: totals.mean(totals.revenue),
        })
        .collect();
    let buyers: u64 = segments.iter().map(|t| t.customers).sum();
    let revenue: f64 = segments.iter().map(|t| t.revenue).sum();
    let rows = RfmSegment::ALL
        .iter()
        .zip(&segments)
        .map(|(&segment, totals)| SegmentStat {
            segment,
            customers: totals.customers,
            customer_share: ratio(totals.customers as f64, buyers as f64),
            revenue: totals.revenue,
            revenue_share: ratio(totals.revenue, revenue),
            avg_recency_days: totals.mean(totals.recency),
            avg_orders: totals.mean(totals.orders),
            avg_monetary: totals.mean(totals.revenue),
        })
        .collect();
    (grid, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_and_segments_by_hand() {
        // Three buyers on a 3-point scale and one non-buyer.
        let metrics = CustomerMetrics {
            orders: vec![4, 1, 2, 0],
            revenue: vec![100.0, 10.0, 30.0, 0.0],
            recency_days: vec![Some(2), Some(50), Some(4), None],
            ..CustomerMetrics::default()
        };
        let labels = Labels {
            rfm_scale: 3,
            r: vec![3, 1, 3, 0],
            f: vec![3, 1, 3, 0],
            m: vec![3, 1, 2, 0],
            segment: vec![
                Some(RfmSegment::Champions),
                Some(RfmSegment::Lost),
                Some(RfmSegment::Champions),
                None,
            ],
            ..Labels::default()
        };
        let (grid, segments) = rfm_stats(&metrics, &labels);
        assert_eq!(grid.len(), 9);
        assert_eq!((grid[0].r, grid[0].f), (3, 1));
        assert_eq!(
            (grid[2].r, grid[2].f, grid[2].customers, grid[2].avg_monetary),
            (3, 3, 2, 65.0)
        );
        assert_eq!((grid[6].r, grid[6].f, grid[6].customers), (1, 1, 1));
        assert_eq!(segments.len(), 11);
        let champions = &segments[0];
        assert_eq!(
            (champions.customers, champions.avg_recency_days, champions.avg_orders),
            (2, 3.0, 3.0)
        );
        assert!((champions.customer_share - 2.0 / 3.0).abs() < 1e-12);
        assert!((champions.revenue_share - 130.0 / 140.0).abs() < 1e-12);
        assert_eq!(segments[10].customers, 1);
        assert_eq!(segments[1].avg_monetary, 0.0);
    }
}
