//! RFM scores (docs/product.md#rfm-scores-and-segments): `score = 1 + ⌊s × (share of buyers with a strictly
//! worse value)⌋`, so equal values get equal scores and the worst value gets 1.

pub(crate) mod segment;
pub mod settings;
pub(crate) mod stats;

use crate::metrics::CustomerMetrics;
use crate::rank::BuyerRanks;
use segment::RfmSegment;
use segscope_model::CustomerIdx;
use settings::FixedCutoffs;

/// R, F, M scores and segment per customer; 0 and `None` for non-buyers.
pub(crate) struct RfmScores {
    /// Recency scores.
    pub r: Vec<u8>,
    /// Frequency scores.
    pub f: Vec<u8>,
    /// Monetary scores.
    pub m: Vec<u8>,
    /// Named segments from R and F.
    pub segment: Vec<Option<RfmSegment>>,
}

/// The score of a buyer with `worse` of `buyers` buyers strictly worse, on a
/// `scale`-point scale, in exact integer arithmetic: `1 + ⌊worse · s / buyers⌋`.
pub(crate) fn score(worse: u32, buyers: usize, scale: u8) -> u8 {
    let s = u64::from(scale);
    let n = u64::try_from(buyers).unwrap_or(u64::MAX).max(1);
    let worse = u64::from(worse).min(n - 1);
    u8::try_from(1 + worse * s / n).unwrap_or(scale)
}

/// Scores every buyer; `ranks` is indexed by position in `buyers`.
pub(crate) fn assign(customers: usize, buyers: &[CustomerIdx], ranks: &BuyerRanks, scale: u8) -> RfmScores {
    let mut scores = RfmScores {
        r: vec![0; customers],
        f: vec![0; customers],
        m: vec![0; customers],
        segment: vec![None; customers],
    };
    let n = buyers.len();
    for (position, &customer) in buyers.iter().enumerate() {
        let c = customer as usize;
        if c >= customers {
            continue;
        }
        let rank = |column: &[u32]| score(column.get(position).copied().unwrap_or(0), n, scale);
        let (r, f) = (rank(&ranks.recency_worse), rank(&ranks.orders_smaller));
        scores.r[c] = r;
        scores.f[c] = f;
        scores.m[c] = rank(&ranks.revenue_smaller);
        scores.segment[c] = Some(RfmSegment::from_scores(r, f, scale));
    }
    scores
}

/// Scores every buyer against fixed cut-offs (see [`FixedCutoffs`]).
pub(crate) fn assign_fixed(metrics: &CustomerMetrics, fixed: &FixedCutoffs, scale: u8) -> RfmScores {
    let n = metrics.len();
    let met = |thresholds: &[f64], hit: &dyn Fn(f64) -> bool| {
        let count = thresholds.iter().filter(|&&t| hit(t)).count();
        u8::try_from(1 + count).unwrap_or(scale).min(scale)
    };
    let mut scores = RfmScores {
        r: vec![0; n],
        f: vec![0; n],
        m: vec![0; n],
        segment: vec![None; n],
    };
    for i in 0..n {
        let Some(recency) = metrics.recency_days[i] else {
            continue;
        };
        let recency = f64::from(recency);
        let orders = f64::from(metrics.orders[i]);
        let r = met(&fixed.recency_days, &|t| recency <= t);
        let f = met(&fixed.orders, &|t| orders >= t);
        scores.r[i] = r;
        scores.f[i] = f;
        scores.m[i] = met(&fixed.revenue, &|t| metrics.revenue[i] >= t);
        scores.segment[i] = Some(RfmSegment::from_scores(r, f, scale));
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::metrics::CustomerMetrics;

    fn scores_of(dataset: &segscope_model::Dataset, as_of: i32, scale: u8) -> RfmScores {
        let metrics = CustomerMetrics::compute(dataset, as_of);
        let buyers = metrics.buyers();
        let ranks = BuyerRanks::compute(&metrics, &buyers);
        assign(metrics.len(), &buyers, &ranks, scale)
    }

    #[test]
    fn fixed_cutoffs_count_the_thresholds_met() {
        // As of day 100: recencies 1, 40, 200; orders 1, 3, 12; revenue 5, 50, 500.
        let d = fixture::paid(
            &["a", "b", "c", "none"],
            &[(0, 99, 5.0), (1, 60, 20.0), (1, 55, 20.0), (1, 50, 10.0)]
                .into_iter()
                .chain((0..12).map(|k| (2, k - 100, 500.0 / 12.0)))
                .collect::<Vec<_>>(),
        );
        let m = CustomerMetrics::compute(&d, 100);
        let fixed = FixedCutoffs {
            recency_days: vec![30.0, 60.0, 90.0, 180.0],
            orders: vec![2.0, 3.0, 5.0, 10.0],
            revenue: vec![10.0, 50.0, 100.0, 400.0],
        };
        let s = assign_fixed(&m, &fixed, 5);
        assert_eq!(s.r, vec![5, 4, 1, 0]);
        assert_eq!(s.f, vec![1, 3, 5, 0]);
        assert_eq!(s.m, vec![1, 3, 5, 0]);
        assert_eq!(s.segment[3], None);
    }

    #[test]
    fn recency_scores_with_ties_by_hand() {
        // As of day 100, last orders on days 99, 99, 95, 90, 70 give recencies
        // [1, 1, 5, 10, 30]. Buyers with strictly more recency days: [3, 3, 2, 1, 0],
        // so R = 1 + ⌊5·worse/5⌋ = [4, 4, 3, 2, 1]: the tied best pair gets 4, not 5.
        let d = fixture::one_order_each(&[(99, 10.0), (99, 10.0), (95, 10.0), (90, 10.0), (70, 10.0)]);
        let s = scores_of(&d, 100, 5);
        assert_eq!(s.r, vec![4, 4, 3, 2, 1]);
        // All F and M values tie: nobody is strictly worse, so everyone gets 1.
        assert_eq!(s.f, vec![1; 5]);
        assert_eq!(s.m, vec![1; 5]);
    }

    #[test]
    fn monetary_and_frequency_by_hand_on_a_three_point_scale() {
        // Revenue [50, 20, 20, 80] → strictly less: [2, 0, 0, 3]; M = 1 + ⌊3·x/4⌋ = [2, 1, 1, 3].
        // Orders [2, 1, 1, 3] → strictly fewer: [2, 0, 0, 3]; F = [2, 1, 1, 3].
        let d = fixture::paid(
            &["a", "b", "c", "d"],
            &[
                (0, 1, 25.0),
                (0, 2, 25.0),
                (1, 1, 20.0),
                (2, 1, 20.0),
                (3, 1, 30.0),
                (3, 2, 30.0),
                (3, 3, 20.0),
            ],
        );
        let s = scores_of(&d, 10, 3);
        assert_eq!(s.m, vec![2, 1, 1, 3]);
        assert_eq!(s.f, vec![2, 1, 1, 3]);
    }

    #[test]
    fn non_buyers_get_zero_and_no_segment() {
        let d = fixture::paid(&["buyer", "browser"], &[(0, 5, 9.0)]);
        let s = scores_of(&d, 10, 5);
        assert_eq!((s.r[1], s.f[1], s.m[1], s.segment[1]), (0, 0, 0, None));
        // A single buyer has nobody worse: all scores 1, segment Lost.
        assert_eq!((s.r[0], s.f[0], s.m[0]), (1, 1, 1));
        assert_eq!(s.segment[0], Some(RfmSegment::Lost));
    }

    #[test]
    fn distinct_values_spread_over_the_whole_scale() {
        let orders: Vec<(i32, f64)> = (0..10).map(|i| (i, f64::from(i))).collect();
        let s = scores_of(&fixture::one_order_each(&orders), 10, 5);
        // Revenue 0..9: worse = i, M = 1 + ⌊i/2⌋.
        assert_eq!(s.m, vec![1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
        assert_eq!(s.r, s.m);
    }

    #[test]
    fn score_never_leaves_the_scale() {
        assert_eq!(score(0, 0, 5), 1);
        assert_eq!(score(9, 10, 5), 5);
        assert_eq!(score(99, 10, 5), 5);
        assert_eq!(score(2, 3, 4), 3);
    }
}
