//! RFM settings: the scale and optional fixed cut-offs.

use serde::{Deserialize, Serialize};

/// RFM scoring settings (docs/product.md#rfm-scores-and-segments).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RfmSettings {
    /// Number of score levels: 3, 4 or 5.
    pub scale: u8,
    /// Fixed cut-offs instead of quantiles, when set.
    pub fixed: Option<FixedCutoffs>,
}

impl Default for RfmSettings {
    fn default() -> Self {
        RfmSettings { scale: 5, fixed: None }
    }
}

/// Fixed-cut-off RFM scoring: `scale − 1` ascending thresholds per dimension.
/// A score is 1 plus the number of thresholds met: recency at most the
/// threshold (fewer days is better), orders or revenue at least the threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct FixedCutoffs {
    /// Recency thresholds in days, ascending (e.g. 30, 60, 90, 180).
    pub recency_days: Vec<f64>,
    /// Paid-order thresholds, ascending (e.g. 2, 3, 5, 10).
    pub orders: Vec<f64>,
    /// Revenue thresholds, ascending.
    pub revenue: Vec<f64>,
}
