//! Per-customer labels of every segmentation scheme, column by column.

mod columns;

use crate::audience::{AudienceLabels, Engagement, LeadReason, LeadStage};
use crate::lifecycle::{ActiveWindow, LifecycleStage};
use crate::membership::level_of;
use crate::metrics::CustomerMetrics;
use crate::rank::BuyerRanks;
use crate::rfm::segment::RfmSegment;
use crate::settings::Settings;
use crate::survey::CustomerAnswers;
use crate::{lifecycle, rfm, tiers};
use segscope_model::{CustomerIdx, Dataset, Day};
use serde::{Deserialize, Serialize};

/// Labels per customer; entry `i` belongs to customer `i` of the dataset.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Labels {
    /// RFM scale in force (3, 4 or 5).
    pub(crate) rfm_scale: u8,
    /// Recency score 1..=scale; 0 for non-buyers.
    pub(crate) r: Vec<u8>,
    /// Frequency score 1..=scale; 0 for non-buyers.
    pub(crate) f: Vec<u8>,
    /// Monetary score 1..=scale; 0 for non-buyers.
    pub(crate) m: Vec<u8>,
    /// Named RFM segment; `None` for non-buyers.
    pub(crate) segment: Vec<Option<RfmSegment>>,
    /// Weighted percentile value score in 0..1; `None` for non-buyers.
    pub(crate) value_score: Vec<Option<f64>>,
    /// Value tier as an index into the tier names (best first); `None` is the
    /// separate "No purchase" label of non-buyers.
    pub(crate) tier: Vec<Option<u32>>,
    /// Membership level as an index into the levels of the settings.
    pub(crate) member_level: Vec<u8>,
    /// Lifecycle stage.
    pub(crate) lifecycle: Vec<LifecycleStage>,
    /// True when the dataset has events up to the as-of date (lead stages
    /// and engagement mean something).
    pub(crate) has_events: bool,
    /// Lead purchase stage (Purchased for buyers).
    pub(crate) lead_stage: Vec<LeadStage>,
    /// Why each lead stage.
    pub(crate) lead_reason: Vec<LeadReason>,
    /// Engagement level.
    pub(crate) engagement: Vec<Engagement>,
    /// Last interaction (event or order of any status).
    pub(crate) last_activity: Vec<Option<Day>>,
    /// The latest NPS score from a survey, when the customer answered one.
    #[serde(default)]
    pub(crate) nps_score: Vec<Option<u8>>,
    /// The latest satisfaction rating from a survey (on its own scale).
    #[serde(default)]
    pub(crate) csat: Vec<Option<u8>>,
    /// The feedback themes each customer mentioned, as bits of the
    /// dictionary's themes.
    pub(crate) themes: Vec<u32>,
}

/// What the membership and lifecycle labels need beyond the metrics.
pub(crate) struct LifecycleInput<'a> {
    /// The as-of day.
    pub as_of: Day,
    /// The active window in force.
    pub window: &'a ActiveWindow,
    /// Per-customer membership points.
    pub points: &'a [f64],
}

impl Labels {
    /// Labels every customer from its metrics; `buyers` lists the customers
    /// with at least one paid order.
    pub(crate) fn assign(
        dataset: &Dataset,
        metrics: &CustomerMetrics,
        buyers: &[CustomerIdx],
        settings: &Settings,
        more: &LifecycleInput,
    ) -> Labels {
        let scale = effective_scale(settings);
        let ranks = BuyerRanks::compute(metrics, buyers);
        // RFM needs recency: buyers without a dated order (from a customer
        // summary without dates) get no scores and no segment.
        let rfm = match &settings.rfm.fixed {
            Some(fixed) => rfm::assign_fixed(metrics, fixed, scale),
            None if metrics.undated_buyers() == 0 => rfm::assign(metrics.len(), buyers, &ranks, scale),
            None => {
                let dated = metrics.dated_buyers();
                let dated_ranks = BuyerRanks::compute(metrics, &dated);
                rfm::assign(metrics.len(), &dated, &dated_ranks, scale)
            }
        };
        let tiers = tiers::assign(dataset.customers.key(), metrics, buyers, &ranks, &settings.tiers);
        Labels {
            rfm_scale: scale,
            r: rfm.r,
            f: rfm.f,
            m: rfm.m,
            segment: rfm.segment,
            value_score: tiers.value_score,
            tier: tiers.tier,
            member_level: more
                .points
                .iter()
                .map(|&p| level_of(p, &settings.membership.levels))
                .collect(),
            lifecycle: lifecycle::assign(metrics, more.window, &settings.lifecycle, more.as_of),
            ..Labels::default()
        }
    }

    /// Adds the labels that come from events (lead stage and its reason,
    /// engagement, last activity); `has_events` says whether any event
    /// counted up to the as-of day.
    pub(crate) fn add_audience(&mut self, audience: AudienceLabels, has_events: bool) {
        self.has_events = has_events;
        (self.lead_stage, self.lead_reason) = audience.lead.into_iter().unzip();
        self.engagement = audience.engagement;
        self.last_activity = audience.last_activity;
    }

    /// Adds each customer's latest survey answers and feedback themes: the
    /// last labels added, so every column is complete and checked here.
    pub(crate) fn add_survey(&mut self, answers: CustomerAnswers, themes: Vec<u32>) {
        self.nps_score = answers.nps;
        self.csat = answers.csat;
        self.themes = themes;
        self.debug_check_lengths();
    }

    /// Checks in debug builds that every column has one entry per customer.
    fn debug_check_lengths(&self) {
        let n = self.lifecycle.len();
        debug_assert!(
            [
                self.r.len(),
                self.f.len(),
                self.m.len(),
                self.segment.len(),
                self.value_score.len(),
                self.tier.len(),
                self.member_level.len(),
                self.lead_stage.len(),
                self.lead_reason.len(),
                self.engagement.len(),
                self.last_activity.len(),
                self.nps_score.len(),
                self.csat.len(),
                self.themes.len(),
            ]
            .iter()
            .all(|&len| len == n),
            "label columns of unequal length"
        );
    }
}

/// The RFM scale from the settings, clamped to 3..=5 for safety.
pub(crate) fn effective_scale(settings: &Settings) -> u8 {
    settings.rfm.scale.clamp(3, 5)
}
