//! After-sales behaviour (docs/product.md#analyses-and-charts): refund/return rate by RFM segment and by
//! value tier, and the customers who return the most.

use crate::analyses::kpis::ratio;
use crate::labels::Labels;
use crate::metrics::CustomerMetrics;
use crate::rfm::segment::RfmSegment;
use segscope_model::Dataset;
use serde::{Deserialize, Serialize};

/// How many high returners are listed.
pub const HIGH_RETURNERS: usize = 20;
/// A high returner has at least this many refunded or returned orders …
pub const HIGH_RETURNER_MIN_REFUNDS: u32 = 2;
/// … making up at least this share of their paid and refunded orders.
pub const HIGH_RETURNER_MIN_RATE: f64 = 0.3;

/// Refunds of one group of customers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefundRate {
    /// Paid orders kept.
    pub paid_orders: u64,
    /// Orders refunded or returned.
    pub refunded_orders: u64,
    /// refunded / (paid + refunded).
    pub rate: f64,
}

/// A customer who returns much.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Returner {
    /// Customer key.
    pub key: String,
    /// Orders refunded or returned.
    pub refunded_orders: u32,
    /// Paid orders kept.
    pub paid_orders: u32,
    /// refunded / (paid + refunded).
    pub rate: f64,
}

/// After-sales figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AfterSales {
    /// All customers together.
    pub overall: RefundRate,
    /// Per RFM segment, in [`RfmSegment::ALL`] order.
    pub by_segment: Vec<RefundRate>,
    /// Per value tier (best first), then customers without a paid order.
    pub by_tier: Vec<RefundRate>,
    /// The customers with the most refunds (see the thresholds above).
    pub high_returners: Vec<Returner>,
}

impl AfterSales {
    /// Totals up refunds by label.
    pub(crate) fn build(dataset: &Dataset, metrics: &CustomerMetrics, labels: &Labels, tiers: usize) -> AfterSales {
        let mut overall = (0u64, 0u64);
        let mut by_segment = vec![(0u64, 0u64); RfmSegment::ALL.len()];
        let mut by_tier = vec![(0u64, 0u64); tiers + 1];
        let mut returners = Vec::new();
        for i in 0..metrics.len() {
            let (paid, refunded) = (metrics.orders[i], metrics.refunded.get(i).copied().unwrap_or(0));
            let add = |slot: &mut (u64, u64)| {
                slot.0 += u64::from(paid);
                slot.1 += u64::from(refunded);
            };
            add(&mut overall);
            if let Some(segment) = labels.segment[i] {
                add(&mut by_segment[segment.index()]);
            }
            add(&mut by_tier[labels.tier[i].map_or(tiers, |t| (t as usize).min(tiers))]);
            let rate = ratio(f64::from(refunded), f64::from(paid) + f64::from(refunded));
            if refunded >= HIGH_RETURNER_MIN_REFUNDS && rate >= HIGH_RETURNER_MIN_RATE {
                returners.push((i, refunded, paid, rate));
            }
        }
        returners.sort_by(|a, b| b.1.cmp(&a.1).then(b.3.total_cmp(&a.3)).then(a.0.cmp(&b.0)));
        let rate_of = |(paid, refunded): (u64, u64)| RefundRate {
            paid_orders: paid,
            refunded_orders: refunded,
            rate: ratio(refunded as f64, (paid + refunded) as f64),
        };
        AfterSales {
            overall: rate_of(overall),
            by_segment: by_segment.into_iter().map(rate_of).collect(),
            by_tier: by_tier.into_iter().map(rate_of).collect(),
            high_returners: returners
                .into_iter()
                .take(HIGH_RETURNERS)
                .map(|(i, refunded, paid, rate)| Returner {
                    key: dataset.customers.key()[i].clone(),
                    refunded_orders: refunded,
                    paid_orders: paid,
                    rate,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::fixture;
    use crate::run;
    use crate::settings::Settings;
    use segscope_model::OrderStatus;

    #[test]
    fn refund_rates_and_returners_by_hand() {
        let mut d = fixture::paid(&["a", "b"], &[(0, 1, 10.0), (1, 1, 10.0), (1, 2, 10.0)]);
        d.orders.push(0, 2, 10.0, OrderStatus::Refunded);
        d.orders.push(0, 3, 10.0, OrderStatus::Refunded);
        d.orders.push(1, 3, 10.0, OrderStatus::Cancelled);
        let a = run(&d, &Settings::default());
        let s = &a.summary.after_sales;
        assert_eq!((s.overall.paid_orders, s.overall.refunded_orders), (3, 2));
        assert!((s.overall.rate - 0.4).abs() < 1e-12);
        assert_eq!(s.high_returners.len(), 1);
        assert_eq!(
            (s.high_returners[0].key.as_str(), s.high_returners[0].refunded_orders),
            ("a", 2)
        );
        let total: u64 = s.by_segment.iter().map(|r| r.refunded_orders).sum();
        assert_eq!(total, 2);
        assert_eq!(s.by_tier.iter().map(|r| r.paid_orders).sum::<u64>(), 3);
    }
}
