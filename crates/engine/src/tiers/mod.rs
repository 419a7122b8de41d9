//! Value tiers (docs/product.md#value-tiers): a weighted percentile score per buyer, buyers
//! ordered by (score desc, revenue desc, customer key asc), cut at cumulative
//! shares ⌈cutoff · n⌉.

pub mod settings;
pub(crate) mod stats;

use crate::metrics::CustomerMetrics;
use crate::rank::{float_key, BuyerRanks};
use segscope_model::CustomerIdx;
use settings::TierSettings;

/// Value score and tier index per customer; `None` for non-buyers ("No purchase").
pub(crate) struct TierAssignment {
    /// Value score in 0..1: the integer value key over (sum of weights × buyers).
    pub value_score: Vec<Option<f64>>,
    /// Index of the tier, best first.
    pub tier: Vec<Option<u32>>,
}

/// Decimal places a weight or cut-off keeps: they are exact rationals over
/// 10⁶, so the browser and the warehouse SQL compute the same integers.
pub const DECIMAL_SCALE: u64 = 1_000_000;

/// `x` in millionths (`0.2` → 200 000), for finite `x` in 0…10⁶; 0 otherwise.
fn millionths(x: f64) -> u64 {
    if x.is_finite() && x > 0.0 {
        (x.min(1e6) * DECIMAL_SCALE as f64).round() as u64
    } else {
        0
    }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// A share `p / q` in lowest terms, from a decimal share rounded to 10⁻⁶.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    /// Numerator.
    pub p: u64,
    /// Denominator (≥ 1).
    pub q: u64,
}

impl Share {
    /// `share` (clamped to 0…1) as an exact fraction: `0.2` is 1/5.
    pub fn of(share: f64) -> Share {
        let p = if share.is_nan() { 0 } else { millionths(share.min(1.0)) };
        let g = gcd(p, DECIMAL_SCALE).max(1);
        Share {
            p: p / g,
            q: DECIMAL_SCALE / g,
        }
    }

    /// `⌈p · n / q⌉` in integers, clamped to `0..=n`.
    pub fn ceil_of(self, n: usize) -> usize {
        let n128 = n as u128;
        let count = (u128::from(self.p) * n128).div_ceil(u128::from(self.q));
        usize::try_from(count.min(n128)).unwrap_or(n)
    }
}

/// `⌈share · n⌉` with the share taken as an exact decimal ([`Share`]), so
/// `0.7 · 10` is 7, not 8.
pub(crate) fn ceil_share(share: f64, n: usize) -> usize {
    Share::of(share).ceil_of(n)
}

/// Cumulative end position of every tier among `n` ordered buyers; the last
/// tier ends at `n`. Ends never decrease, whatever the cut-offs.
pub(crate) fn tier_ends(cutoffs: &[f64], n: usize) -> Vec<usize> {
    let mut ends = Vec::with_capacity(cutoffs.len() + 1);
    let mut previous = 0;
    for &cutoff in cutoffs {
        previous = ceil_share(cutoff, n).max(previous);
        ends.push(previous);
    }
    ends.push(n);
    ends
}

/// The weights of AOV, orders and revenue as the smallest integers in their
/// exact decimal proportion (0.3, 0.3, 0.4 → 3, 3, 4; docs/product.md#value-tiers).
/// The value key of a buyer is `Σ weight · (buyers strictly below)`, an
/// integer, so equal keys tie exactly.
pub fn integer_weights(settings: &TierSettings) -> [u64; 3] {
    let weights = [settings.weight_aov, settings.weight_orders, settings.weight_revenue].map(millionths);
    let g = weights.iter().fold(0, |g, &w| gcd(g, w)).max(1);
    weights.map(|w| w / g)
}

/// Scores and tiers every buyer; `ranks` is indexed by position in `buyers`.
pub(crate) fn assign(
    keys: &[String],
    metrics: &CustomerMetrics,
    buyers: &[CustomerIdx],
    ranks: &BuyerRanks,
    settings: &TierSettings,
) -> TierAssignment {
    let customers = metrics.len();
    let mut assignment = TierAssignment {
        value_score: vec![None; customers],
        tier: vec![None; customers],
    };
    let n = buyers.len();
    let [w_aov, w_orders, w_revenue] = integer_weights(settings).map(u128::from);
    let denominator = ((w_aov + w_orders + w_revenue) * n as u128).max(1) as f64;
    let below = |column: &[u32], position: usize| u128::from(column.get(position).copied().unwrap_or(0));

    // (value key desc, revenue key desc, customer) for each buyer.
    let mut order: Vec<(u128, u64, CustomerIdx)> = Vec::with_capacity(n);
    for (position, &customer) in buyers.iter().enumerate() {
        let c = customer as usize;
        if c >= customers {
            continue;
        }
        let key = w_aov * below(&ranks.aov_smaller, position)
            + w_orders * below(&ranks.orders_smaller, position)
            + w_revenue * below(&ranks.revenue_smaller, position);
        assignment.value_score[c] = Some(key as f64 / denominator);
        let revenue = metrics.revenue.get(c).copied().unwrap_or(0.0);
        order.push((!key, !float_key(revenue), customer));
    }

    let key_of = |c: CustomerIdx| keys.get(c as usize).map_or("", String::as_str);
    let better_first = |a: &(u128, u64, CustomerIdx), b: &(u128, u64, CustomerIdx)| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then_with(|| key_of(a.2).cmp(key_of(b.2)))
            .then(a.2.cmp(&b.2))
    };

    // Only which tier a buyer falls in matters, not the order within it: cut
    // the buyers at each tier's end by selection, O(n) per tier. The order is
    // total (the index breaks the last ties), so each tier holds exactly the
    // buyers a full sort would put there.
    let ends = tier_ends(&settings.cutoffs, order.len());
    let mut rest: &mut [(u128, u64, CustomerIdx)] = &mut order;
    let mut start = 0;
    for (tier, &end) in ends.iter().enumerate() {
        let len = end.saturating_sub(start).min(rest.len());
        if len > 0 && len < rest.len() {
            rest.select_nth_unstable_by(len, better_first);
        }
        let (members, after) = std::mem::take(&mut rest).split_at_mut(len);
        for &(_, _, customer) in members.iter() {
            assignment.tier[customer as usize] = u32::try_from(tier).ok();
        }
        rest = after;
        start += len;
    }
    assignment
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use segscope_model::Dataset;

    fn run(dataset: &Dataset, settings: &TierSettings) -> TierAssignment {
        let metrics = CustomerMetrics::compute(dataset, 100);
        let buyers = metrics.buyers();
        let ranks = BuyerRanks::compute(&metrics, &buyers);
        assign(dataset.customers.key(), &metrics, &buyers, &ranks, settings)
    }

    #[test]
    fn ceil_share_is_exact_on_decimal_shares() {
        assert_eq!(ceil_share(0.7, 10), 7);
        assert_eq!(ceil_share(0.2, 5), 1);
        assert_eq!(ceil_share(0.2, 6), 2);
        assert_eq!(ceil_share(0.5, 3), 2);
        assert_eq!(ceil_share(0.2, 0), 0);
        assert_eq!(ceil_share(f64::NAN, 10), 0);
        assert_eq!(ceil_share(3.0, 10), 10);
        assert_eq!(tier_ends(&[0.2, 0.5], 10), vec![2, 5, 10]);
        assert_eq!(tier_ends(&[0.5, 0.2], 10), vec![5, 5, 10]);
        assert_eq!(tier_ends(&[0.2, 0.5], 1), vec![1, 1, 1]);
    }

    #[test]
    fn value_scores_and_tiers_by_hand() {
        // One order each, revenue [10, 20, 30, 40, 50]: AOV = revenue, orders all 1.
        // p(aov) = p(revenue) = [0, .2, .4, .6, .8], p(orders) = 0.
        // Score = 0.3·p + 0.4·p = 0.7·p = [0, .14, .28, .42, .56].
        // n = 5: High ends at ⌈1⌉ = 1, Medium at ⌈2.5⌉ = 3.
        let d = fixture::one_order_each(&[(1, 10.0), (1, 20.0), (1, 30.0), (1, 40.0), (1, 50.0)]);
        let a = run(&d, &TierSettings::default());
        let scores: Vec<f64> = a.value_score.iter().map(|s| s.unwrap_or(-1.0)).collect();
        for (got, want) in scores.iter().zip([0.0, 0.14, 0.28, 0.42, 0.56]) {
            assert!((got - want).abs() < 1e-12, "{got} vs {want}");
        }
        assert_eq!(a.tier, vec![Some(2), Some(2), Some(1), Some(1), Some(0)]);
    }

    #[test]
    fn ties_break_by_revenue_then_key() {
        // Equal score ties: every buyer has the same orders, AOV and revenue → all
        // scores 0 and revenues equal, so the key decides: "a" < "b" < "c" < "d" < "e".
        let d = fixture::paid(
            &["e", "b", "d", "a", "c"],
            &[(0, 1, 5.0), (1, 1, 5.0), (2, 1, 5.0), (3, 1, 5.0), (4, 1, 5.0)],
        );
        let a = run(&d, &TierSettings::default());
        // Order a, b, c, d, e → tiers High, Medium, Medium, Low, Low.
        assert_eq!(a.tier, vec![Some(2), Some(1), Some(2), Some(0), Some(1)]);
    }

    #[test]
    fn equal_scores_are_broken_by_revenue() {
        // Only the orders weight counts; "x" and "y" both have one order (score 0)
        // but y spent more, so y ranks above x despite its later key.
        let settings = TierSettings {
            weight_aov: 0.0,
            weight_orders: 1.0,
            weight_revenue: 0.0,
            cutoffs: vec![0.5],
            names: vec!["Top".into(), "Rest".into()],
        };
        let d = fixture::paid(&["x", "y"], &[(0, 1, 5.0), (1, 1, 9.0)]);
        let a = run(&d, &settings);
        assert_eq!(a.tier, vec![Some(1), Some(0)]);
    }

    #[test]
    fn non_buyers_get_no_tier_and_one_buyer_is_top() {
        let d = fixture::paid(&["buyer", "browser"], &[(0, 5, 9.0)]);
        let a = run(&d, &TierSettings::default());
        assert_eq!(a.tier, vec![Some(0), None]);
        assert_eq!(a.value_score, vec![Some(0.0), None]);
        let empty = run(&Dataset::default(), &TierSettings::default());
        assert!(empty.tier.is_empty());
    }

    #[test]
    fn weights_become_the_smallest_integers_in_proportion() {
        let settings = TierSettings {
            weight_aov: 3.0,
            weight_orders: f64::NAN,
            weight_revenue: 1.0,
            ..TierSettings::default()
        };
        assert_eq!(integer_weights(&settings), [3, 0, 1]);
        assert_eq!(integer_weights(&TierSettings::default()), [3, 3, 4]);
        let thirds = TierSettings {
            weight_aov: 0.333333,
            weight_orders: 0.333333,
            weight_revenue: 0.25,
            ..TierSettings::default()
        };
        assert_eq!(integer_weights(&thirds), [333_333, 333_333, 250_000]);
        assert_eq!(Share::of(0.2), Share { p: 1, q: 5 });
        assert_eq!(Share::of(0.7).ceil_of(10), 7);
    }
}
