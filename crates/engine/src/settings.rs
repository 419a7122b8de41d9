//! Analysis settings (docs/product.md#settings): every window, weight and threshold, with defaults,
//! serde for saving/importing, and validation before use.

use crate::custom::rules::CustomSegments;
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
pub use crate::tiers::settings::{TierSettings, TIER_COUNTS};
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
    /// The user's names of the psychographic classes, largest class first;
    /// a blank or missing name keeps the numbered one
    /// (docs/product.md#psychographic-classes).
    pub class_names: Vec<String>,
    /// The theme dictionary of feedback texts (docs/product.md#feedback-and-reviews).
    pub themes: crate::feedback::ThemeSettings,
}

impl Settings {
    /// Checks that every value is usable, scheme by scheme (each scheme
    /// checks its own settings); returns the first problem found.
    pub fn validate(&self) -> Result<(), SettingsError> {
        self.rfm.validate()?;
        self.tiers.validate()?;
        self.membership.validate()?;
        self.lifecycle.validate()?;
        self.kmeans.validate()?;
        self.clv.validate()?;
        if let Some(problem) =
            crate::audience::settings::problem(&self.leads, &self.engagement, &self.interest, &self.demographics)
        {
            return Err(problem);
        }
        self.tiers.validate_names()?;
        if let Some(problem) = self.custom_segments.validate().into_iter().next() {
            return Err(problem.into());
        }
        if let Some(problem) = self.themes.problem() {
            return Err(SettingsError::Themes(problem));
        }
        Ok(())
    }
}
