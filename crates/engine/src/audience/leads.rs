//! Lead purchase stages from events (docs/product.md#lead-stages): customers without a paid
//! order are Unengaged (no counted event), Awareness (passive events only),
//! Consideration (enough product views, or a considering event such as
//! compare, add to cart, trial, inquiry) or Decision (checkout started, coupon
//! claimed, or an add-to-cart in the last days). Buyers are Purchased.

use crate::metrics::customer_events::CustomerEvent;
use crate::settings::{LeadSettings, LeadStep};
use segscope_model::{Day, EventKind};
use serde::{Deserialize, Serialize};

/// A customer's purchase stage, furthest last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadStage {
    /// No counted event and no purchase.
    Unengaged,
    /// Knows the brand: passive events only.
    Awareness,
    /// Weighing a purchase.
    Consideration,
    /// About to buy.
    Decision,
    /// Has a paid order (not a lead any more).
    Purchased,
}

impl LeadStage {
    /// Every stage, in funnel order.
    pub const ALL: [LeadStage; 5] = [
        LeadStage::Unengaged,
        LeadStage::Awareness,
        LeadStage::Consideration,
        LeadStage::Decision,
        LeadStage::Purchased,
    ];

    /// Position in [`LeadStage::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The English name of the spec (exports).
    pub fn english_name(self) -> &'static str {
        match self {
            LeadStage::Unengaged => "Unengaged",
            LeadStage::Awareness => "Awareness",
            LeadStage::Consideration => "Consideration",
            LeadStage::Decision => "Decision",
            LeadStage::Purchased => "Purchased",
        }
    }

    /// The i18n key of the display name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            LeadStage::Unengaged => "lead.unengaged",
            LeadStage::Awareness => "lead.awareness",
            LeadStage::Consideration => "lead.consideration",
            LeadStage::Decision => "lead.decision",
            LeadStage::Purchased => "lead.purchased",
        }
    }
}

/// Why a lead is in its stage: the deciding rule and the day of its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LeadReason {
    /// A paid order.
    Purchased,
    /// No event that counts.
    NoEvents,
    /// The furthest event's mapped stage: its kind and day.
    Event(EventKind, Day),
    /// Enough product views (how many).
    ProductViews(u32),
    /// An add-to-cart this recent (its day).
    RecentCart(Day),
}

/// The stage of one customer and why.
pub(crate) fn lead_stage(
    events: &[CustomerEvent],
    buyer: bool,
    as_of: Day,
    settings: &LeadSettings,
) -> (LeadStage, LeadReason) {
    if buyer {
        return (LeadStage::Purchased, LeadReason::Purchased);
    }
    let mut best: Option<(LeadStep, EventKind, Day)> = None;
    let mut product_views = 0u32;
    let mut recent_cart: Option<Day> = None;
    for e in events {
        if e.kind == EventKind::ProductView {
            product_views += 1;
        }
        if e.kind == EventKind::AddToCart && i64::from(as_of) - i64::from(e.day) <= i64::from(settings.recent_cart_days)
        {
            recent_cart = Some(e.day);
        }
        let step = settings.step(e.kind);
        if step != LeadStep::Ignore && best.is_none_or(|(s, _, _)| step >= s) {
            best = Some((step, e.kind, e.day));
        }
    }
    if let Some(day) = recent_cart {
        return (LeadStage::Decision, LeadReason::RecentCart(day));
    }
    let from_event = best.map(|(step, kind, day)| (stage_of_step(step), LeadReason::Event(kind, day)));
    let views_reach = product_views >= settings.product_views_for_consideration;
    match from_event {
        Some((stage, reason)) if stage >= LeadStage::Consideration || !views_reach => (stage, reason),
        _ if views_reach => (LeadStage::Consideration, LeadReason::ProductViews(product_views)),
        _ => (LeadStage::Unengaged, LeadReason::NoEvents),
    }
}

fn stage_of_step(step: LeadStep) -> LeadStage {
    match step {
        LeadStep::Ignore => LeadStage::Unengaged,
        LeadStep::Awareness => LeadStage::Awareness,
        LeadStep::Consideration => LeadStage::Consideration,
        LeadStep::Decision => LeadStage::Decision,
    }
}

/// Customers at or past each funnel step: Awareness, Consideration, Decision,
/// First purchase (a purchase implies the steps before it).
pub fn lead_funnel(stages: impl Iterator<Item = LeadStage>) -> [u64; 4] {
    let mut reached = [0u64; 4];
    for stage in stages {
        let depth = match stage {
            LeadStage::Unengaged => 0,
            LeadStage::Awareness => 1,
            LeadStage::Consideration => 2,
            LeadStage::Decision => 3,
            LeadStage::Purchased => 4,
        };
        for slot in reached.iter_mut().take(depth) {
            *slot += 1;
        }
    }
    reached
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(day: Day, kind: EventKind) -> CustomerEvent {
        CustomerEvent { day, kind, category: 0 }
    }

    #[test]
    fn each_rule_of_the_spec() {
        let s = LeadSettings::default();
        let stage = |events: &[CustomerEvent]| lead_stage(events, false, 100, &s).0;
        assert_eq!(stage(&[]), LeadStage::Unengaged);
        assert_eq!(
            stage(&[ev(50, EventKind::PageView), ev(60, EventKind::Like)]),
            LeadStage::Awareness
        );
        let two_views = [ev(50, EventKind::ProductView), ev(51, EventKind::ProductView)];
        assert_eq!(stage(&two_views), LeadStage::Awareness);
        let three_views = [two_views[0], two_views[1], ev(52, EventKind::ProductView)];
        assert_eq!(stage(&three_views), LeadStage::Consideration);
        assert_eq!(stage(&[ev(10, EventKind::Compare)]), LeadStage::Consideration);
        // An old add-to-cart is consideration, a recent one decision (≤ 7 days).
        assert_eq!(stage(&[ev(92, EventKind::AddToCart)]), LeadStage::Consideration);
        assert_eq!(stage(&[ev(93, EventKind::AddToCart)]), LeadStage::Decision);
        assert_eq!(stage(&[ev(1, EventKind::CouponClaimed)]), LeadStage::Decision);
        assert_eq!(stage(&[ev(1, EventKind::CheckoutStarted)]), LeadStage::Decision);
        assert_eq!(lead_stage(&[], true, 100, &s).0, LeadStage::Purchased);
    }

    #[test]
    fn the_map_is_configurable() {
        let mut s = LeadSettings::default();
        s.stage_of.insert(EventKind::PageView, LeadStep::Ignore);
        assert_eq!(
            lead_stage(&[ev(1, EventKind::PageView)], false, 10, &s).0,
            LeadStage::Unengaged
        );
        s.stage_of.insert(EventKind::Like, LeadStep::Decision);
        let (stage, reason) = lead_stage(&[ev(4, EventKind::Like)], false, 10, &s);
        assert_eq!(
            (stage, reason),
            (LeadStage::Decision, LeadReason::Event(EventKind::Like, 4))
        );
    }

    #[test]
    fn funnel_counts_reach_and_never_rises() {
        let stages = [
            LeadStage::Unengaged,
            LeadStage::Awareness,
            LeadStage::Decision,
            LeadStage::Purchased,
        ];
        assert_eq!(lead_funnel(stages.into_iter()), [3, 2, 2, 1]);
    }
}
