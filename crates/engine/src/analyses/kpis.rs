//! Overview KPIs (docs/product.md#analyses-and-charts): customers, buyers, revenue, AOV, repeat rate and
//! how concentrated revenue is in the top buyers.

use crate::metrics::CustomerMetrics;
use crate::settings::TierSettings;
use crate::tiers::ceil_share;
use segscope_model::CustomerIdx;
use serde::{Deserialize, Serialize};

/// Headline numbers of the dashboard. Ratios are 0 when their denominator is 0.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Kpis {
    /// All customers in the dataset.
    pub customers: u64,
    /// Customers with at least one paid order.
    pub buyers: u64,
    /// Paid orders on or before the as-of day.
    pub paid_orders: u64,
    /// Sum of paid order amounts.
    pub revenue: f64,
    /// Average order value: revenue / paid orders.
    pub aov: f64,
    /// Share of buyers with at least two paid orders.
    pub repeat_rate: f64,
    /// Share of buyers making up the top tier (the first cut-off, e.g. 0.2).
    pub top_share: f64,
    /// Revenue share of the top ⌈top_share · buyers⌉ buyers by revenue.
    pub top_revenue_share: f64,
    /// Refunded or returned orders on or before the as-of day.
    pub refunded_orders: u64,
    /// Cancelled orders on or before the as-of day.
    pub cancelled_orders: u64,
    /// Share of buyers whose lifecycle stage is New or Active.
    #[serde(default)]
    pub active_share: f64,
}

/// `numerator / denominator`, or 0 when the denominator is 0.
pub(crate) fn ratio(numerator: f64, denominator: f64) -> f64 {
    if denominator > 0.0 {
        numerator / denominator
    } else {
        0.0
    }
}

impl Kpis {
    /// Computes the KPIs from per-customer metrics.
    pub(crate) fn compute(metrics: &CustomerMetrics, buyers: &[CustomerIdx], tiers: &TierSettings) -> Kpis {
        let sum_u64 = |column: &[u32]| column.iter().map(|&x| u64::from(x)).sum::<u64>();
        let paid_orders = sum_u64(&metrics.orders);
        let revenue: f64 = metrics.revenue.iter().sum();
        let repeaters = metrics.orders.iter().filter(|&&n| n >= 2).count();
        let top_share = tiers
            .cutoffs
            .first()
            .copied()
            .filter(|s| s.is_finite())
            .unwrap_or(0.0)
            .clamp(0.0, 1.0);
        Kpis {
            customers: metrics.len() as u64,
            buyers: buyers.len() as u64,
            paid_orders,
            revenue,
            aov: ratio(revenue, paid_orders as f64),
            repeat_rate: ratio(repeaters as f64, buyers.len() as f64),
            top_share,
            // Summing in another order may overshoot the total by a rounding error.
            top_revenue_share: ratio(top_revenue(metrics, buyers, top_share), revenue).min(1.0),
            refunded_orders: sum_u64(&metrics.refunded),
            cancelled_orders: sum_u64(&metrics.cancelled),
            // Set from the lifecycle stages by the summary.
            active_share: 0.0,
        }
    }
}

/// Revenue of the top ⌈share · n⌉ buyers by revenue, in O(n) by selection.
fn top_revenue(metrics: &CustomerMetrics, buyers: &[CustomerIdx], share: f64) -> f64 {
    let mut revenues: Vec<f64> = buyers
        .iter()
        .filter_map(|&c| metrics.revenue.get(c as usize).copied())
        .collect();
    let top = ceil_share(share, revenues.len());
    if top == 0 {
        return 0.0;
    }
    if top < revenues.len() {
        revenues.select_nth_unstable_by(top - 1, |a, b| b.total_cmp(a));
    }
    revenues.iter().take(top).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use segscope_model::{Dataset, OrderStatus};

    fn kpis_of(dataset: &Dataset) -> Kpis {
        let metrics = CustomerMetrics::compute(dataset, 100);
        Kpis::compute(&metrics, &metrics.buyers(), &TierSettings::default())
    }

    #[test]
    fn kpis_by_hand() {
        // Revenues: a 60 (2 orders), b 10, c 20, d 5, e 5; f never bought.
        // Top ⌈0.2 · 5⌉ = 1 buyer (a) brings 60 of 100.
        let mut d = fixture::paid(
            &["a", "b", "c", "d", "e", "f"],
            &[
                (0, 1, 30.0),
                (0, 2, 30.0),
                (1, 1, 10.0),
                (2, 1, 20.0),
                (3, 1, 5.0),
                (4, 1, 5.0),
            ],
        );
        d.orders.push(5, 1, 7.0, OrderStatus::Refunded);
        d.orders.push(5, 2, 7.0, OrderStatus::Cancelled);
        d.orders.push(5, 3, 7.0, OrderStatus::Cancelled);
        let k = kpis_of(&d);
        assert_eq!((k.customers, k.buyers, k.paid_orders), (6, 5, 6));
        assert_eq!(k.revenue, 100.0);
        assert!((k.aov - 100.0 / 6.0).abs() < 1e-12);
        assert_eq!(k.repeat_rate, 0.2);
        assert_eq!(k.top_share, 0.2);
        assert_eq!(k.top_revenue_share, 0.6);
        assert_eq!((k.refunded_orders, k.cancelled_orders), (1, 2));
    }

    #[test]
    fn empty_dataset_gives_zero_ratios() {
        let k = kpis_of(&Dataset::default());
        assert_eq!(
            k,
            Kpis {
                top_share: 0.2,
                ..Kpis::default()
            }
        );
    }

    #[test]
    fn one_buyer_brings_all_revenue() {
        let k = kpis_of(&fixture::paid(&["only"], &[(0, 1, 42.0)]));
        assert_eq!((k.buyers, k.top_revenue_share, k.repeat_rate), (1, 1.0, 0.0));
    }
}
