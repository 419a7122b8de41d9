//! Per-customer labels of every segmentation scheme, column by column.

use super::metrics::CustomerMetrics;
use super::rank::BuyerRanks;
use super::segment::RfmSegment;
use super::{rfm, tiers};
use crate::model::{CustomerIdx, Dataset};
use crate::settings::Settings;
use serde::{Deserialize, Serialize};

/// Labels per customer; entry `i` belongs to customer `i` of the dataset.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Labels {
    /// RFM scale in force (3, 4 or 5).
    pub rfm_scale: u8,
    /// Recency score 1..=scale; 0 for non-buyers.
    pub r: Vec<u8>,
    /// Frequency score 1..=scale; 0 for non-buyers.
    pub f: Vec<u8>,
    /// Monetary score 1..=scale; 0 for non-buyers.
    pub m: Vec<u8>,
    /// Named RFM segment; `None` for non-buyers.
    pub segment: Vec<Option<RfmSegment>>,
    /// Weighted percentile value score in 0..1; `None` for non-buyers.
    pub value_score: Vec<Option<f64>>,
    /// Value tier as an index into the tier names (best first); `None` is the
    /// separate "No purchase" label of non-buyers.
    pub tier: Vec<Option<u32>>,
}

impl Labels {
    /// Labels every customer from its metrics; `buyers` lists the customers
    /// with at least one paid order.
    pub(crate) fn assign(
        dataset: &Dataset,
        metrics: &CustomerMetrics,
        buyers: &[CustomerIdx],
        settings: &Settings,
    ) -> Labels {
        let scale = effective_scale(settings);
        let ranks = BuyerRanks::compute(metrics, buyers);
        let rfm = rfm::assign(metrics.len(), buyers, &ranks, scale);
        let tiers = tiers::assign(&dataset.customers.key, metrics, buyers, &ranks, &settings.tiers);
        Labels {
            rfm_scale: scale,
            r: rfm.r,
            f: rfm.f,
            m: rfm.m,
            segment: rfm.segment,
            value_score: tiers.value_score,
            tier: tiers.tier,
        }
    }
}

/// The RFM scale from the settings, clamped to 3..=5 for safety.
pub(crate) fn effective_scale(settings: &Settings) -> u8 {
    settings.rfm.scale.clamp(3, 5)
}
