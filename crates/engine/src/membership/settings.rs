//! Membership settings: how points are earned and the levels they reach.

use crate::settings::SettingsError;
use serde::{Deserialize, Serialize};

/// One membership level: its name and the points it starts at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct MemberLevel {
    /// Level name as shown (the built-in names are shown localized).
    pub name: String,
    /// Points at which the level starts.
    pub min_points: f64,
}

/// Membership levels (docs/product.md#membership-levels).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MembershipSettings {
    /// Where a customer's points come from.
    pub points_source: PointsSource,
    /// Points earned per unit of paid revenue (up to the as-of date), wherever
    /// points are computed from revenue.
    pub points_per_currency_unit: f64,
    /// Levels, lowest first; the first starts at 0. A customer is at the
    /// highest level whose `min_points` their points reach (thresholds are
    /// inclusive); non-buyers with 0 points are at the first level.
    pub levels: Vec<MemberLevel>,
}

impl Default for MembershipSettings {
    fn default() -> Self {
        let level = |name: &str, min_points: f64| MemberLevel {
            name: name.into(),
            min_points,
        };
        MembershipSettings {
            points_source: PointsSource::FromColumnElseRevenue,
            points_per_currency_unit: 1.0,
            levels: vec![
                level("Bronze", 0.0),
                level("Silver", 1_000.0),
                level("Gold", 5_000.0),
                level("Diamond", 20_000.0),
            ],
        }
    }
}

/// Where membership points come from (docs/product.md#membership-levels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum PointsSource {
    /// The points balance of the customers file for customers that have one
    /// (it is the shop's own figure, and includes points not earned by
    /// orders); paid revenue × rate for everyone else.
    #[default]
    FromColumnElseRevenue,
    /// Paid revenue × rate for every customer, ignoring any points column.
    Revenue,
}

impl MembershipSettings {
    /// Checks the points rate (finite, non-negative) and the levels: the
    /// first at 0 points, thresholds finite and strictly rising, at most
    /// [`MAX_MEMBER_LEVELS`](crate::settings::MAX_MEMBER_LEVELS), each named.
    pub fn validate(&self) -> Result<(), SettingsError> {
        if !self.points_per_currency_unit.is_finite() || self.points_per_currency_unit < 0.0 {
            return Err(SettingsError::PointsRate);
        }
        let first_at_zero = self.levels.first().is_some_and(|l| l.min_points == 0.0);
        let rising = self.levels.windows(2).all(|w| w[0].min_points < w[1].min_points);
        let finite = self.levels.iter().all(|l| l.min_points.is_finite());
        if !first_at_zero || !rising || !finite || self.levels.len() > crate::settings::MAX_MEMBER_LEVELS {
            return Err(SettingsError::MemberLevels);
        }
        if self.levels.iter().any(|l| l.name.trim().is_empty()) {
            return Err(SettingsError::MemberLevelName);
        }
        Ok(())
    }
}
