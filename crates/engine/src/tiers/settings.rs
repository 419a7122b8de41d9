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

/// The fewest and the most tiers the tier-count control offers.
pub const TIER_COUNTS: std::ops::RangeInclusive<usize> = 2..=6;

/// Starting cut-offs for 2–6 tiers: a small top, wider bands below
/// (cumulative shares of buyers, best first).
const STARTING_CUTOFFS: [&[f64]; 5] = [
    &[0.2],
    &[0.2, 0.5],
    &[0.1, 0.3, 0.6],
    &[0.05, 0.2, 0.4, 0.7],
    &[0.05, 0.15, 0.3, 0.5, 0.75],
];

/// Built-in tier names for 2–6 tiers, best first (shown in the reader's
/// language, docs/product.md#value-tiers); empty names read "Tier N".
const BUILT_IN_NAMES: [&[&str]; 5] = [
    &["High", "Low"],
    &["High", "Medium", "Low"],
    &["Top", "High", "Medium", "Low"],
    &["Top", "High", "Medium", "Low", "Lowest"],
    &["", "", "", "", "", ""],
];

impl TierSettings {
    /// The number of tiers (one more than the cut-offs).
    pub fn count(&self) -> usize {
        self.cutoffs.len() + 1
    }

    /// The built-in names for `count` tiers, best first; empty names (and
    /// counts outside [`TIER_COUNTS`]) read "Tier N".
    pub fn built_in_names(count: usize) -> Vec<String> {
        match count
            .checked_sub(*TIER_COUNTS.start())
            .and_then(|i| BUILT_IN_NAMES.get(i))
        {
            Some(names) => names.iter().map(|n| n.to_string()).collect(),
            None => vec![String::new(); count],
        }
    }

    /// True when the names are the built-in ones for the tier count (then
    /// shown in the reader's language).
    pub fn has_built_in_names(&self) -> bool {
        self.names == Self::built_in_names(self.count())
    }

    /// These settings with `count` tiers (clamped to [`TIER_COUNTS`]): the
    /// starting cut-offs for that count, and the names resized to match
    /// (built-in names stay built in; the user's names are kept in order,
    /// new tiers get an empty name that reads "Tier N").
    pub fn with_tier_count(&self, count: usize) -> TierSettings {
        let count = count.clamp(*TIER_COUNTS.start(), *TIER_COUNTS.end());
        let cutoffs = STARTING_CUTOFFS[count - TIER_COUNTS.start()].to_vec();
        self.with_cutoffs(cutoffs)
    }

    /// These settings with other cut-offs and the names resized to one more
    /// than them, as in [`TierSettings::with_tier_count`].
    pub fn with_cutoffs(&self, cutoffs: Vec<f64>) -> TierSettings {
        let count = cutoffs.len() + 1;
        let names = if self.has_built_in_names() {
            Self::built_in_names(count)
        } else {
            let mut names = self.names.clone();
            names.resize(count, String::new());
            names
        };
        TierSettings {
            cutoffs,
            names,
            ..self.clone()
        }
    }

    /// Checks the weights (finite, non-negative, some positive) and the
    /// cut-offs (at least one, strictly rising, inside 0–1).
    pub fn validate(&self) -> Result<(), SettingsError> {
        let weights = [self.weight_aov, self.weight_orders, self.weight_revenue];
        if weights.iter().any(|w| !w.is_finite() || *w < 0.0 || *w > 1e6) || weights.iter().sum::<f64>() <= 0.0 {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_offered_tier_count_is_valid_and_named() {
        for count in TIER_COUNTS {
            let tiers = TierSettings::default().with_tier_count(count);
            assert_eq!(tiers.count(), count);
            assert_eq!(tiers.names.len(), count);
            assert!(
                tiers.validate().is_ok() && tiers.validate_names().is_ok(),
                "{count} tiers"
            );
            assert!(tiers.has_built_in_names());
        }
    }

    #[test]
    fn three_to_four_and_back_is_the_default_again() {
        let four = TierSettings::default().with_tier_count(4);
        assert_eq!(four.names, ["Top", "High", "Medium", "Low"]);
        assert_eq!(four.with_tier_count(3), TierSettings::default());
    }

    #[test]
    fn user_names_are_kept_and_padded() {
        let mine = TierSettings {
            names: vec!["Gold".into(), "Silver".into(), "Bronze".into()],
            ..TierSettings::default()
        };
        assert_eq!(mine.with_tier_count(4).names, ["Gold", "Silver", "Bronze", ""]);
        assert_eq!(mine.with_cutoffs(vec![0.5]).names, ["Gold", "Silver"]);
        assert_eq!(mine.with_tier_count(99).count(), *TIER_COUNTS.end());
    }
}
