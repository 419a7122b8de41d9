//! Value-tier settings: weights of the value score, cut-offs and names.

use crate::settings::SettingsError;
use serde::{Deserialize, Serialize};

/// Value tier settings (docs/product.md#value-tiers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TierSettings {
    /// Weight of the average order value percentile.
    pub weight_aov: f64,
    /// Weight of the paid order count percentile.
    pub weight_orders: f64,
    /// Weight of the revenue percentile.
    pub weight_revenue: f64,
    /// Cumulative shares of buyers that end each tier but the last, ascending
    /// (default `[0.2, 0.5]`: top 20 % High, up to 50 % Medium, rest Low).
    pub cutoffs: Vec<f64>,
    /// Tier names, best first; one more than `cutoffs`. Empty names fall back to
    /// the built-in localized names.
    pub names: Vec<String>,
}

impl Default for TierSettings {
    fn default() -> Self {
        TierSettings {
            weight_aov: 0.3,
            weight_orders: 0.3,
            weight_revenue: 0.4,
            cutoffs: vec![0.2, 0.5],
            names: vec!["High".into(), "Medium".into(), "Low".into()],
        }
    }
}

impl TierSettings {
    /// Checks the weights (finite, non-negative, some positive) and the
    /// cut-offs (at least one, strictly rising, inside 0–1).
    pub fn validate(&self) -> Result<(), SettingsError> {
        let weights = [self.weight_aov, self.weight_orders, self.weight_revenue];
        if weights.iter().any(|w| !w.is_finite() || *w < 0.0) || weights.iter().sum::<f64>() <= 0.0 {
            return Err(SettingsError::TierWeights);
        }
        let ascending = self.cutoffs.windows(2).all(|w| w[0] < w[1]);
        let in_range = self.cutoffs.iter().all(|c| c.is_finite() && *c > 0.0 && *c < 1.0);
        if self.cutoffs.is_empty() || !ascending || !in_range {
            return Err(SettingsError::TierCutoffs);
        }
        Ok(())
    }

    /// Checks that there is one name per tier (one more than the cut-offs).
    pub fn validate_names(&self) -> Result<(), SettingsError> {
        if self.names.len() != self.cutoffs.len() + 1 {
            return Err(SettingsError::TierNames {
                cutoffs: self.cutoffs.len(),
            });
        }
        Ok(())
    }
}
