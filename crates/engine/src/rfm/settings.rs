//! RFM settings: the scale and optional fixed cut-offs.

use crate::settings::SettingsError;
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

impl RfmSettings {
    /// Checks the scale (3–5) and, when set, the fixed cut-offs: `scale − 1`
    /// finite, non-negative, strictly rising thresholds per dimension.
    pub fn validate(&self) -> Result<(), SettingsError> {
        if !(3..=5).contains(&self.scale) {
            return Err(SettingsError::RfmScale { scale: self.scale });
        }
        if let Some(fixed) = &self.fixed {
            let wanted = usize::from(self.scale.saturating_sub(1));
            let ok = |v: &Vec<f64>| {
                v.len() == wanted && v.iter().all(|x| x.is_finite() && *x >= 0.0) && v.windows(2).all(|w| w[0] < w[1])
            };
            if !(ok(&fixed.recency_days) && ok(&fixed.orders) && ok(&fixed.revenue)) {
                return Err(SettingsError::FixedCutoffs { wanted });
            }
        }
        Ok(())
    }
}
