//! Read access to the label columns; the engine alone writes them, so they
//! keep one entry per customer.

use super::Labels;
use crate::audience::{Engagement, LeadReason, LeadStage};
use crate::lifecycle::LifecycleStage;
use crate::rfm::segment::RfmSegment;
use crate::survey::NpsGroup;
use segscope_model::Day;

impl Labels {
    /// RFM scale in force (3, 4 or 5).
    pub fn rfm_scale(&self) -> u8 {
        self.rfm_scale
    }

    /// Recency score 1..=scale; 0 for non-buyers.
    pub fn r(&self) -> &[u8] {
        &self.r
    }

    /// Frequency score 1..=scale; 0 for non-buyers.
    pub fn f(&self) -> &[u8] {
        &self.f
    }

    /// Monetary score 1..=scale; 0 for non-buyers.
    pub fn m(&self) -> &[u8] {
        &self.m
    }

    /// Named RFM segment; `None` for non-buyers.
    pub fn segment(&self) -> &[Option<RfmSegment>] {
        &self.segment
    }

    /// Weighted percentile value score in 0..1; `None` for non-buyers.
    pub fn value_score(&self) -> &[Option<f64>] {
        &self.value_score
    }

    /// Value tier as an index into the tier names (best first); `None` is the
    /// separate "No purchase" label of non-buyers.
    pub fn tier(&self) -> &[Option<u32>] {
        &self.tier
    }

    /// Membership level as an index into the levels of the settings.
    pub fn member_level(&self) -> &[u8] {
        &self.member_level
    }

    /// Lifecycle stage.
    pub fn lifecycle(&self) -> &[LifecycleStage] {
        &self.lifecycle
    }

    /// True when the dataset has events up to the as-of date (lead stages
    /// and engagement mean something).
    pub fn has_events(&self) -> bool {
        self.has_events
    }

    /// Lead purchase stage (Purchased for buyers).
    pub fn lead_stage(&self) -> &[LeadStage] {
        &self.lead_stage
    }

    /// Why each lead stage.
    pub fn lead_reason(&self) -> &[LeadReason] {
        &self.lead_reason
    }

    /// Engagement level.
    pub fn engagement(&self) -> &[Engagement] {
        &self.engagement
    }

    /// Last interaction (event or order of any status).
    pub fn last_activity(&self) -> &[Option<Day>] {
        &self.last_activity
    }

    /// The latest NPS score from a survey, when the customer answered one.
    pub fn nps_score(&self) -> &[Option<u8>] {
        &self.nps_score
    }

    /// The latest satisfaction rating from a survey (on its own scale).
    pub fn csat(&self) -> &[Option<u8>] {
        &self.csat
    }

    /// Feedback themes each customer mentioned (bit `i`: theme `i` of the dictionary).
    pub fn themes(&self) -> &[u32] {
        &self.themes
    }

    /// Customer `i`'s NPS group, from their latest NPS score.
    pub fn nps_group(&self, i: usize) -> Option<NpsGroup> {
        self.nps_score.get(i).copied().flatten().map(NpsGroup::of)
    }
}
