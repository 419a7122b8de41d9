//! Tie-aware ranking by sorting: for every value, how many values are strictly
//! smaller. The basis of RFM scores and value-tier percentiles, in O(n) (by
//! counting or a radix sort).

use crate::metrics::CustomerMetrics;
use segscope_model::CustomerIdx;

/// For each buyer (by position in the buyer list), how many buyers have a
/// strictly worse recency, fewer orders, less revenue and a lower AOV.
pub(crate) struct BuyerRanks {
    /// Buyers with strictly more recency days.
    pub recency_worse: Vec<u32>,
    /// Buyers with strictly fewer paid orders.
    pub orders_smaller: Vec<u32>,
    /// Buyers with strictly less revenue.
    pub revenue_smaller: Vec<u32>,
    /// Buyers with a strictly lower average order value.
    pub aov_smaller: Vec<u32>,
}

impl BuyerRanks {
    /// Ranks the given buyers on each metric.
    pub fn compute(metrics: &CustomerMetrics, buyers: &[CustomerIdx]) -> BuyerRanks {
        let column = |values: &[f64]| {
            count_strictly_smaller(buyers.iter().map(|&c| float_key(value_at(values, c).unwrap_or(0.0))))
        };
        let mut ints: Vec<i64> = Vec::with_capacity(buyers.len());
        // More recency days is worse: rank the negated days.
        ints.extend(
            buyers
                .iter()
                .map(|&c| -i64::from(value_at(&metrics.recency_days, c).flatten().unwrap_or(0))),
        );
        let recency_worse = count_smaller_ints(&ints);
        ints.clear();
        ints.extend(
            buyers
                .iter()
                .map(|&c| i64::from(value_at(&metrics.orders, c).unwrap_or(0))),
        );
        let orders_smaller = count_smaller_ints(&ints);
        BuyerRanks {
            recency_worse,
            orders_smaller,
            revenue_smaller: column(&metrics.revenue),
            aov_smaller: column(&metrics.aov),
        }
    }
}

/// The value of customer `c` in a metric column, if in range.
fn value_at<T: Copy>(values: &[T], c: CustomerIdx) -> Option<T> {
    values.get(c as usize).copied()
}

/// An order-preserving `u64` key of a float: `a < b` ⇔ `key(a) < key(b)` and
/// `a == b` ⇔ `key(a) == key(b)` (−0 equals +0; NaN is treated as 0).
pub(crate) fn float_key(x: f64) -> u64 {
    let x = if x.is_nan() { 0.0 } else { x + 0.0 };
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// For each position `i`, the number of keys strictly smaller than `keys[i]`.
/// Equal keys get equal counts.
pub(crate) fn count_strictly_smaller(keys: impl ExactSizeIterator<Item = u64>) -> Vec<u32> {
    let mut sorted: Vec<(u64, u32)> = keys.zip(0u32..).collect();
    // Only equal keys need to meet: the order among them does not matter.
    radsort::sort_by_key(&mut sorted, |&(key, _)| key);
    let mut counts = vec![0u32; sorted.len()];
    let mut group_start = 0u32;
    let mut previous = None;
    for (&(key, position), rank) in sorted.iter().zip(0u32..) {
        if previous != Some(key) {
            group_start = rank;
            previous = Some(key);
        }
        counts[position as usize] = group_start;
    }
    counts
}

/// [`count_strictly_smaller`] for integers: by counting when the values span
/// a range not much wider than their number (days, order counts), in O(n +
/// range); by sorting otherwise.
pub(crate) fn count_smaller_ints(values: &[i64]) -> Vec<u32> {
    let (Some(&min), Some(&max)) = (values.iter().min(), values.iter().max()) else {
        return Vec::new();
    };
    let range = max.abs_diff(min);
    let counting_limit = (values.len() as u64).saturating_mul(4).saturating_add(1024);
    if range > counting_limit {
        return count_strictly_smaller(values.iter().map(|&v| (v as u64) ^ (1 << 63)));
    }
    let mut below = vec![0u32; range as usize + 1];
    for &v in values {
        below[v.abs_diff(min) as usize] += 1;
    }
    let mut running = 0u32;
    for slot in &mut below {
        let here = *slot;
        *slot = running;
        running += here;
    }
    values.iter().map(|&v| below[v.abs_diff(min) as usize]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_strictly_smaller_with_ties() {
        let keys = [5u64, 1, 5, 3, 1];
        assert_eq!(count_strictly_smaller(keys.into_iter()), vec![3, 0, 3, 2, 0]);
        assert!(count_strictly_smaller(std::iter::empty()).is_empty());
    }

    #[test]
    fn float_keys_keep_order_and_equality() {
        let values = [-3.5, -0.0, 0.0, 1e-300, 2.0, f64::INFINITY];
        for pair in values.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            assert_eq!(a < b, float_key(a) < float_key(b), "{a} {b}");
            assert_eq!(a == b, float_key(a) == float_key(b), "{a} {b}");
        }
        assert_eq!(float_key(f64::NAN), float_key(0.0));
    }

    #[test]
    fn integer_counts_agree_by_counting_and_by_sorting() {
        let near = [5i64, -1, 5, 3, -1, 0];
        assert_eq!(count_smaller_ints(&near), vec![4, 0, 4, 3, 0, 2]);
        let far = [i64::MAX, i64::MIN, 0, i64::MAX];
        assert_eq!(count_smaller_ints(&far), vec![2, 0, 1, 2]);
        assert!(count_smaller_ints(&[]).is_empty());
    }
}
