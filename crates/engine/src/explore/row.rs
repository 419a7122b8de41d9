//! One customer as the explorer's table shows it.

use crate::{Analysis, RfmSegment};
use segscope_model::Dataset;
use serde::{Deserialize, Serialize};

/// A customer's row: key, metrics and labels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerRow {
    /// Index of the customer in the dataset (for the detail view).
    pub index: u32,
    /// Customer key (id, or normalised email/phone).
    pub key: String,
    /// Paid orders.
    pub orders: u32,
    /// Revenue of paid orders.
    pub revenue: f64,
    /// Average order value; 0 without a paid order.
    pub aov: f64,
    /// Days since the latest paid order.
    pub recency_days: Option<i32>,
    /// R, F and M scores; 0 for non-buyers.
    pub rfm: [u8; 3],
    /// Named RFM segment.
    pub segment: Option<RfmSegment>,
    /// Value tier index (best first); `None` for "No purchase".
    pub tier: Option<u32>,
    /// Acquisition source.
    pub source: Option<String>,
}

impl CustomerRow {
    /// The row of customer `i`.
    pub fn of(dataset: &Dataset, analysis: &Analysis, i: u32) -> CustomerRow {
        let at = i as usize;
        let m = &analysis.metrics;
        let l = &analysis.labels;
        CustomerRow {
            index: i,
            key: dataset.customers.key().get(at).cloned().unwrap_or_default(),
            orders: m.orders.get(at).copied().unwrap_or(0),
            revenue: m.revenue.get(at).copied().unwrap_or(0.0),
            aov: m.aov.get(at).copied().unwrap_or(0.0),
            recency_days: m.recency_days.get(at).copied().flatten(),
            rfm: [
                l.r.get(at).copied().unwrap_or(0),
                l.f.get(at).copied().unwrap_or(0),
                l.m.get(at).copied().unwrap_or(0),
            ],
            segment: l.segment.get(at).copied().flatten(),
            tier: l.tier.get(at).copied().flatten(),
            source: dataset
                .customers
                .source()
                .get(at)
                .copied()
                .flatten()
                .and_then(|s| dataset.sources.get(usize::from(s)).cloned()),
        }
    }
}
