//! Settings of the event- and profile-based schemes: lead stages (docs/product.md#lead-stages),
//! engagement (S5.6), interest weights (S5.7) and income bands (S6).

use crate::settings::{SettingsError, MAX_INCOME_BOUNDS};
use segscope_model::EventKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How far towards a purchase one event of a kind takes a lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadStep {
    /// Does not move a lead at all.
    Ignore,
    /// Passive attention: the lead knows the brand.
    Awareness,
    /// Weighing a purchase.
    Consideration,
    /// About to buy.
    Decision,
}

/// Lead purchase stages from events (docs/product.md#lead-stages).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LeadSettings {
    /// The stage each event kind reaches (kinds not listed are ignored).
    pub stage_of: BTreeMap<EventKind, LeadStep>,
    /// Product views that make a lead considering (≥ this many).
    pub product_views_for_consideration: u32,
    /// An add-to-cart this many days before the as-of date or fewer makes a
    /// lead deciding.
    pub recent_cart_days: u32,
}

impl Default for LeadSettings {
    fn default() -> Self {
        use EventKind::*;
        use LeadStep::*;
        let stage_of = [
            (PageView, Awareness),
            (ProductView, Awareness),
            (Like, Awareness),
            (Comment, Awareness),
            (Share, Awareness),
            (AddToCart, Consideration),
            (Compare, Consideration),
            (Trial, Consideration),
            (Inquiry, Consideration),
            (CheckoutStarted, Decision),
            (CouponClaimed, Decision),
            (ServiceRequest, Awareness),
            (ReturnRequest, Awareness),
            (Purchase, Decision),
            (Other, Awareness),
        ];
        LeadSettings {
            stage_of: stage_of.into_iter().collect(),
            product_views_for_consideration: 3,
            recent_cart_days: 7,
        }
    }
}

impl LeadSettings {
    /// The step an event of `kind` reaches.
    pub fn step(&self, kind: EventKind) -> LeadStep {
        self.stage_of.get(&kind).copied().unwrap_or(LeadStep::Ignore)
    }
}

/// Engagement windows (docs/product.md#engagement).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EngagementSettings {
    /// Active: the last interaction at most this many days before the as-of date.
    pub active_days: u32,
    /// Silent: at most this many days; beyond is dormant.
    pub silent_days: u32,
}

impl Default for EngagementSettings {
    fn default() -> Self {
        EngagementSettings {
            active_days: 30,
            silent_days: 90,
        }
    }
}

/// Weights of the favourite-category score (docs/product.md#interest): each paid order in
/// a category adds `order_weight`, each event about it its kind's weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InterestSettings {
    /// Weight of one paid order.
    pub order_weight: f64,
    /// Weight of one event of each kind (kinds not listed weigh 0).
    pub event_weights: BTreeMap<EventKind, f64>,
}

impl Default for InterestSettings {
    fn default() -> Self {
        use EventKind::*;
        let weights = [
            (PageView, 0.5),
            (ProductView, 1.0),
            (Like, 1.0),
            (Comment, 1.0),
            (Share, 1.0),
            (AddToCart, 2.0),
            (Compare, 1.5),
            (Trial, 2.0),
            (Inquiry, 1.5),
            (CheckoutStarted, 3.0),
            (CouponClaimed, 1.0),
        ];
        InterestSettings {
            order_weight: 5.0,
            event_weights: weights.into_iter().collect(),
        }
    }
}

impl InterestSettings {
    /// The weight of one event of `kind`.
    pub fn weight(&self, kind: EventKind) -> f64 {
        self.event_weights.get(&kind).copied().unwrap_or(0.0)
    }
}

/// Demographic bands (docs/product.md#analyses-and-charts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct DemographicSettings {
    /// Rising income band boundaries; `None` = the quartiles of the data,
    /// rounded to two significant digits.
    pub income_bounds: Option<Vec<f64>>,
}

/// The first problem with these settings, if any.
pub(crate) fn problem(
    leads: &LeadSettings,
    engagement: &EngagementSettings,
    interest: &InterestSettings,
    demographics: &DemographicSettings,
) -> Option<SettingsError> {
    if leads.product_views_for_consideration == 0 {
        return Some(SettingsError::ProductViews);
    }
    if engagement.active_days == 0 || engagement.silent_days <= engagement.active_days {
        return Some(SettingsError::EngagementWindows);
    }
    let weights_ok = std::iter::once(interest.order_weight)
        .chain(interest.event_weights.values().copied())
        .all(|w| w.is_finite() && w >= 0.0);
    if !weights_ok {
        return Some(SettingsError::InterestWeights);
    }
    if let Some(bounds) = &demographics.income_bounds {
        let rising = bounds.windows(2).all(|w| w[0] < w[1]);
        let positive = bounds.iter().all(|b| b.is_finite() && *b > 0.0);
        if bounds.is_empty() || bounds.len() > MAX_INCOME_BOUNDS || !rising || !positive {
            return Some(SettingsError::IncomeBands);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_follow_the_spec() {
        let leads = LeadSettings::default();
        assert_eq!(leads.step(EventKind::CheckoutStarted), LeadStep::Decision);
        assert_eq!(leads.step(EventKind::Compare), LeadStep::Consideration);
        assert_eq!(leads.step(EventKind::PageView), LeadStep::Awareness);
        let ok = problem(
            &leads,
            &EngagementSettings::default(),
            &InterestSettings::default(),
            &DemographicSettings::default(),
        );
        assert_eq!(ok, None);
    }

    #[test]
    fn bad_values_are_named() {
        let d = DemographicSettings {
            income_bounds: Some(vec![5.0, 3.0]),
        };
        let e = EngagementSettings {
            active_days: 30,
            silent_days: 30,
        };
        assert_eq!(
            problem(
                &LeadSettings::default(),
                &EngagementSettings::default(),
                &InterestSettings::default(),
                &d
            ),
            Some(SettingsError::IncomeBands)
        );
        assert_eq!(
            problem(
                &LeadSettings::default(),
                &e,
                &InterestSettings::default(),
                &DemographicSettings::default()
            ),
            Some(SettingsError::EngagementWindows)
        );
    }

    #[test]
    fn json_uses_snake_case_event_names() {
        let json = serde_json::to_string(&LeadSettings::default()).unwrap_or_default();
        assert!(json.contains("\"add_to_cart\":\"consideration\""), "{json}");
    }
}
