//! Analysis settings (docs/product.md#settings): every window, weight and threshold, with defaults,
//! serde for saving/importing, and validation before use.

use crate::rules::CustomSegments;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod error;

pub use crate::audience::settings::{
    DemographicSettings, EngagementSettings, InterestSettings, LeadSettings, LeadStep,
};
pub use crate::lifecycle::settings::LifecycleSettings;
pub use crate::membership::settings::{MemberLevel, MembershipSettings, PointsSource};
pub use crate::rfm::settings::{FixedCutoffs, RfmSettings};
pub use crate::tiers::settings::TierSettings;
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
    /// Custom segments and tags (docs/product.md#custom-segments-and-tags).
    pub custom_segments: CustomSegments,
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
        if let Some(problem) =
            crate::audience::settings::problem(&self.leads, &self.engagement, &self.interest, &self.demographics)
        {
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
