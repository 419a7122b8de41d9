//! Value-tier settings: weights of the value score, cut-offs and names.

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
