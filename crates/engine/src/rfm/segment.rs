//! Named RFM segments on the recency × frequency grid (docs/product.md#rfm-scores-and-segments).

use serde::{Deserialize, Serialize};

/// A named RFM segment. Every buyer falls in exactly one; non-buyers in none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RfmSegment {
    /// Bought recently and often.
    Champions,
    /// Buy often, fairly recently.
    LoyalCustomers,
    /// Recent buyers with a few orders.
    PotentialLoyalists,
    /// Very recent first-time buyers.
    NewCustomers,
    /// Recent buyers with a single order.
    Promising,
    /// Middling recency and frequency.
    NeedAttention,
    /// Middling recency, few orders.
    AboutToSleep,
    /// Used to buy often, not recently.
    AtRisk,
    /// Bought most often, long ago.
    CantLoseThem,
    /// Few orders, long ago.
    Hibernating,
    /// One order, longest ago.
    Lost,
}

use RfmSegment::*;

/// The docs/product.md#rfm-scores-and-segments table on the 5-point grid: `GRID[5 - r][f - 1]`.
const GRID: [[RfmSegment; 5]; 5] = [
    [
        NewCustomers,
        PotentialLoyalists,
        PotentialLoyalists,
        Champions,
        Champions,
    ],
    [
        Promising,
        PotentialLoyalists,
        PotentialLoyalists,
        LoyalCustomers,
        LoyalCustomers,
    ],
    [
        AboutToSleep,
        AboutToSleep,
        NeedAttention,
        LoyalCustomers,
        LoyalCustomers,
    ],
    [Hibernating, Hibernating, AtRisk, AtRisk, CantLoseThem],
    [Lost, Hibernating, AtRisk, AtRisk, CantLoseThem],
];

impl RfmSegment {
    /// Every segment, in table order (Champions first, Lost last).
    pub const ALL: [RfmSegment; 11] = [
        Champions,
        LoyalCustomers,
        PotentialLoyalists,
        NewCustomers,
        Promising,
        NeedAttention,
        AboutToSleep,
        AtRisk,
        CantLoseThem,
        Hibernating,
        Lost,
    ];

    /// The segment of an R and F score on a `scale`-point scale (3, 4 or 5).
    ///
    /// Scores on a 3- or 4-point scale are first mapped onto the 5-point grid by
    /// `round((x − 0.5) / s × 5 + 0.5)`, i.e. the grid column whose centre is
    /// nearest to the centre of score `x`: 1, 3, 5 for s = 3 and 1, 2, 4, 5 for
    /// s = 4. Out-of-range inputs are clamped (scale to 3..=5, scores to
    /// 1..=scale), so every input has a segment.
    pub fn from_scores(r: u8, f: u8, scale: u8) -> RfmSegment {
        let r5 = to_five_point(r, scale);
        let f5 = to_five_point(f, scale);
        GRID[usize::from(5 - r5)][usize::from(f5 - 1)]
    }

    /// The English name used in exports (docs/product.md#automation-hooks), whatever the UI language.
    pub fn english_name(self) -> &'static str {
        match self {
            Champions => "Champions",
            LoyalCustomers => "Loyal Customers",
            PotentialLoyalists => "Potential Loyalists",
            NewCustomers => "New Customers",
            Promising => "Promising",
            NeedAttention => "Need Attention",
            AboutToSleep => "About To Sleep",
            AtRisk => "At Risk",
            CantLoseThem => "Can't Lose Them",
            Hibernating => "Hibernating",
            Lost => "Lost",
        }
    }

    /// The i18n key of the segment's display name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            Champions => "seg.champions",
            LoyalCustomers => "seg.loyal_customers",
            PotentialLoyalists => "seg.potential_loyalists",
            NewCustomers => "seg.new_customers",
            Promising => "seg.promising",
            NeedAttention => "seg.need_attention",
            AboutToSleep => "seg.about_to_sleep",
            AtRisk => "seg.at_risk",
            CantLoseThem => "seg.cant_lose_them",
            Hibernating => "seg.hibernating",
            Lost => "seg.lost",
        }
    }

    /// Position in [`RfmSegment::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Maps score `x` of a `scale`-point scale onto 1..=5 with exact integer
/// arithmetic: `round(((2x − 1)·5 + s) / 2s) = ⌊((2x − 1)·5 + 2s) / 2s⌋`.
fn to_five_point(x: u8, scale: u8) -> u8 {
    let s = u32::from(scale.clamp(3, 5));
    let x = u32::from(x).clamp(1, s);
    let five = ((2 * x - 1) * 5 + 2 * s) / (2 * s);
    u8::try_from(five.clamp(1, 5)).unwrap_or(5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_matches_the_spec_table() {
        assert_eq!(RfmSegment::from_scores(5, 1, 5), NewCustomers);
        assert_eq!(RfmSegment::from_scores(5, 4, 5), Champions);
        assert_eq!(RfmSegment::from_scores(4, 1, 5), Promising);
        assert_eq!(RfmSegment::from_scores(4, 5, 5), LoyalCustomers);
        assert_eq!(RfmSegment::from_scores(3, 2, 5), AboutToSleep);
        assert_eq!(RfmSegment::from_scores(3, 3, 5), NeedAttention);
        assert_eq!(RfmSegment::from_scores(2, 3, 5), AtRisk);
        assert_eq!(RfmSegment::from_scores(2, 5, 5), CantLoseThem);
        assert_eq!(RfmSegment::from_scores(1, 1, 5), Lost);
        assert_eq!(RfmSegment::from_scores(1, 2, 5), Hibernating);
    }

    #[test]
    fn smaller_scales_map_to_grid_columns() {
        let map = |s: u8| (1..=s).map(|x| to_five_point(x, s)).collect::<Vec<_>>();
        assert_eq!(map(3), vec![1, 3, 5]);
        assert_eq!(map(4), vec![1, 2, 4, 5]);
        assert_eq!(map(5), vec![1, 2, 3, 4, 5]);
        assert_eq!(RfmSegment::from_scores(3, 3, 3), Champions);
        assert_eq!(RfmSegment::from_scores(1, 1, 4), Lost);
    }

    #[test]
    fn every_segment_is_reachable_and_indexed_in_table_order() {
        for (i, segment) in RfmSegment::ALL.iter().enumerate() {
            assert_eq!(segment.index(), i);
            assert!(GRID.iter().flatten().any(|s| s == segment), "{segment:?}");
        }
        assert_eq!(RfmSegment::ALL[0].english_name(), "Champions");
        assert_eq!(RfmSegment::ALL[10].english_name(), "Lost");
    }

    #[test]
    fn out_of_range_scores_are_clamped() {
        assert_eq!(RfmSegment::from_scores(0, 0, 5), Lost);
        assert_eq!(RfmSegment::from_scores(9, 9, 0), Champions);
    }
}
