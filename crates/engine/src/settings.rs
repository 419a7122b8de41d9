//! Analysis settings (SPEC S3): every window, weight and threshold, with defaults,
//! serde for saving/importing, and validation before use.

use crate::rules::CustomSegments;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod audience;
mod error;

pub use audience::{DemographicSettings, EngagementSettings, InterestSettings, LeadSettings, LeadStep};
pub use error::{SettingsError, MAX_INCOME_BOUNDS, MAX_MEMBER_LEVELS};

/// All analysis settings. Missing fields take their defaults when deserialised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Settings {
    /// Recency is measured against this date; later orders are left out.
    /// `None` means the day after the latest order.
    pub as_of: Option<NaiveDate>,
    /// RFM scoring.
    pub rfm: RfmSettings,
    /// Value tiers.
    pub tiers: TierSettings,
    /// Membership levels from points.
    pub membership: MembershipSettings,
    /// Lifecycle stage windows.
    pub lifecycle: LifecycleSettings,
    /// Lead purchase stages from events.
    pub leads: LeadSettings,
    /// Engagement windows.
    pub engagement: EngagementSettings,
    /// Favourite-category weights.
    pub interest: InterestSettings,
    /// Demographic bands.
    pub demographics: DemographicSettings,
    /// K-means clusters.
    pub kmeans: crate::kmeans::KmeansSettings,
    /// Predicted CLV.
    pub clv: crate::clv::ClvSettings,
    /// The user's own playbook actions, by segment key (e.g. `seg.champions`),
    /// replacing the built-in recommendation.
    pub playbook: BTreeMap<String, String>,
    /// Custom segments and tags (SPEC S5.10).
    pub custom_segments: CustomSegments,
}

/// One membership level: its name and the points it starts at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct MemberLevel {
    /// Level name as shown (the built-in names are shown localized).
    pub name: String,
    /// Points at which the level starts.
    pub min_points: f64,
}

/// Membership levels (SPEC S5.3).
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

/// Where membership points come from (SPEC S5.3).
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

/// Lifecycle stage windows (SPEC S5.4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LifecycleSettings {
    /// A first paid order at most this many days before the as-of date makes
    /// a customer New.
    pub new_days: u32,
    /// The active window A in days; `None` means max(90, 2 × the median gap
    /// between consecutive paid orders of the same customer).
    pub active_window_days: Option<u32>,
}

impl Default for LifecycleSettings {
    fn default() -> Self {
        LifecycleSettings {
            new_days: 90,
            active_window_days: None,
        }
    }
}

/// RFM scoring settings (SPEC S5.1).
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

/// Value tier settings (SPEC S5.2).
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

impl Settings {
    fn validate_membership(&self) -> Result<(), SettingsError> {
        let m = &self.membership;
        if !m.points_per_currency_unit.is_finite() || m.points_per_currency_unit < 0.0 {
            return Err(SettingsError::PointsRate);
        }
        let first_at_zero = m.levels.first().is_some_and(|l| l.min_points == 0.0);
        let rising = m.levels.windows(2).all(|w| w[0].min_points < w[1].min_points);
        let finite = m.levels.iter().all(|l| l.min_points.is_finite());
        if !first_at_zero || !rising || !finite || m.levels.len() > MAX_MEMBER_LEVELS {
            return Err(SettingsError::MemberLevels);
        }
        if m.levels.iter().any(|l| l.name.trim().is_empty()) {
            return Err(SettingsError::MemberLevelName);
        }
        Ok(())
    }

    /// Checks that every value is usable; returns the first problem found.
    pub fn validate(&self) -> Result<(), SettingsError> {
        if !(3..=5).contains(&self.rfm.scale) {
            return Err(SettingsError::RfmScale { scale: self.rfm.scale });
        }
        if let Some(fixed) = &self.rfm.fixed {
            let wanted = usize::from(self.rfm.scale.saturating_sub(1));
            let ok = |v: &Vec<f64>| {
                v.len() == wanted && v.iter().all(|x| x.is_finite() && *x >= 0.0) && v.windows(2).all(|w| w[0] < w[1])
            };
            if !(ok(&fixed.recency_days) && ok(&fixed.orders) && ok(&fixed.revenue)) {
                return Err(SettingsError::FixedCutoffs { wanted });
            }
        }
        let t = &self.tiers;
        let weights = [t.weight_aov, t.weight_orders, t.weight_revenue];
        if weights.iter().any(|w| !w.is_finite() || *w < 0.0) || weights.iter().sum::<f64>() <= 0.0 {
            return Err(SettingsError::TierWeights);
        }
        let ascending = t.cutoffs.windows(2).all(|w| w[0] < w[1]);
        let in_range = t.cutoffs.iter().all(|c| c.is_finite() && *c > 0.0 && *c < 1.0);
        if t.cutoffs.is_empty() || !ascending || !in_range {
            return Err(SettingsError::TierCutoffs);
        }
        self.validate_membership()?;
        if self.lifecycle.new_days == 0 || self.lifecycle.active_window_days == Some(0) {
            return Err(SettingsError::LifecycleWindow);
        }
        self.kmeans.validate()?;
        self.clv.validate()?;
        if let Some(problem) = audience::problem(&self.leads, &self.engagement, &self.interest, &self.demographics) {
            return Err(problem);
        }
        if t.names.len() != t.cutoffs.len() + 1 {
            return Err(SettingsError::TierNames {
                cutoffs: t.cutoffs.len(),
            });
        }
        if let Some(problem) = self.custom_segments.validate().into_iter().next() {
            return Err(problem.into());
        }
        Ok(())
    }
}
