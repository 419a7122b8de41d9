//! The customer journey across the seed articles' whole path (docs/product.md#analyses-and-charts):
//! awareness → consideration → decision → purchase → repeat → loyal.

use super::leads::LeadStage;
use crate::RfmSegment;

/// Journey steps, in order.
pub const JOURNEY_STEPS: [&str; 6] = [
    "journey.awareness",
    "journey.consideration",
    "journey.decision",
    "journey.purchase",
    "journey.repeat",
    "journey.loyal",
];

/// How far one customer got: 0 = nowhere, 6 = loyal. A purchase implies the
/// lead steps before it; loyal is a repeat buyer among the Champions or
/// Loyal Customers.
pub fn journey_depth(stage: LeadStage, paid_orders: u32, segment: Option<RfmSegment>) -> usize {
    let loyal = matches!(segment, Some(RfmSegment::Champions | RfmSegment::LoyalCustomers));
    match stage {
        LeadStage::Unengaged => 0,
        LeadStage::Awareness => 1,
        LeadStage::Consideration => 2,
        LeadStage::Decision => 3,
        LeadStage::Purchased if paid_orders < 2 => 4,
        LeadStage::Purchased if !loyal => 5,
        LeadStage::Purchased => 6,
    }
}

/// Customers who reached each step.
pub fn journey_funnel(depths: impl Iterator<Item = usize>) -> [u64; 6] {
    let mut reached = [0u64; 6];
    for depth in depths {
        for slot in reached.iter_mut().take(depth) {
            *slot += 1;
        }
    }
    reached
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_follows_the_path() {
        assert_eq!(journey_depth(LeadStage::Unengaged, 0, None), 0);
        assert_eq!(journey_depth(LeadStage::Decision, 0, None), 3);
        assert_eq!(journey_depth(LeadStage::Purchased, 1, Some(RfmSegment::Champions)), 4);
        assert_eq!(journey_depth(LeadStage::Purchased, 2, Some(RfmSegment::AtRisk)), 5);
        assert_eq!(
            journey_depth(LeadStage::Purchased, 3, Some(RfmSegment::LoyalCustomers)),
            6
        );
        assert_eq!(journey_funnel([0, 3, 6].into_iter()), [2, 2, 2, 1, 1, 1]);
    }
}
