//! Distributions of day counts (time to the second order, gaps between
//! orders): counts per fixed range and the exact median, in one pass without
//! storing or sorting the values.

use serde::{Deserialize, Serialize};

/// Day ranges of the histograms, inclusive; `None` is open-ended.
pub const GAP_BINS: [(u32, Option<u32>); 8] = [
    (0, Some(7)),
    (8, Some(14)),
    (15, Some(30)),
    (31, Some(60)),
    (61, Some(90)),
    (91, Some(180)),
    (181, Some(365)),
    (366, None),
];

/// Values below this are tallied one count per day; larger ones (rare) are kept.
const EXACT_DAYS: usize = 4096;

/// Counts per [`GAP_BINS`] range and the median.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayHistogram {
    /// The ranges, as in [`GAP_BINS`].
    pub bins: Vec<(u32, Option<u32>)>,
    /// Values per range.
    pub counts: Vec<u64>,
    /// Median of all values in days (the mean of the middle two for an even
    /// count); `None` without values.
    pub median_days: Option<f64>,
}

/// The [`GAP_BINS`] range holding `days`.
fn bin_of(days: u32) -> usize {
    GAP_BINS
        .iter()
        .position(|&(_, hi)| hi.is_none_or(|hi| days <= hi))
        .unwrap_or(GAP_BINS.len() - 1)
}

impl DayHistogram {
    /// Bins `values` (negative values count as 0) and takes their median.
    pub(crate) fn of(values: impl Iterator<Item = i32>) -> DayHistogram {
        let mut per_day = vec![0u64; EXACT_DAYS];
        let mut long: Vec<u32> = Vec::new();
        for v in values {
            let v = v.max(0) as u32;
            match per_day.get_mut(v as usize) {
                Some(slot) => *slot += 1,
                None => long.push(v),
            }
        }
        long.sort_unstable();
        let mut counts = vec![0u64; GAP_BINS.len()];
        for (day, &n) in per_day.iter().enumerate() {
            counts[bin_of(day as u32)] += n;
        }
        for &v in &long {
            counts[bin_of(v)] += 1;
        }
        let total: u64 = counts.iter().sum();
        // The value at 0-based rank `k` in ascending order.
        let at = |k: u64| -> u32 {
            let mut seen = 0u64;
            for (day, &n) in per_day.iter().enumerate() {
                seen += n;
                if k < seen {
                    return day as u32;
                }
            }
            long.get((k - seen) as usize).copied().unwrap_or(0)
        };
        let median_days = (total > 0).then(|| {
            let upper = f64::from(at(total / 2));
            if total % 2 == 1 {
                upper
            } else {
                (f64::from(at(total / 2 - 1)) + upper) / 2.0
            }
        });
        DayHistogram {
            bins: GAP_BINS.to_vec(),
            counts,
            median_days,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(values: &[i32]) -> DayHistogram {
        DayHistogram::of(values.iter().copied())
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(of(&[]).median_days, None);
        assert_eq!(of(&[7]).median_days, Some(7.0));
        assert_eq!(of(&[9, 1, 4]).median_days, Some(4.0));
        assert_eq!(of(&[10, 2, 4, 8]).median_days, Some(6.0));
        assert_eq!(of(&[1, 2]).median_days, Some(1.5));
    }

    #[test]
    fn long_values_are_exact_too() {
        assert_eq!(of(&[5_000, 9_000, 1]).median_days, Some(5_000.0));
        assert_eq!(of(&[4_095, 4_096, 7_000, 7_002]).median_days, Some(5_548.0));
        assert_eq!(of(&[5_000, 9_000, 1]).counts, vec![1, 0, 0, 0, 0, 0, 0, 2]);
    }

    #[test]
    fn bins_are_inclusive_at_both_ends() {
        let h = of(&[-3, 0, 7, 8, 14, 15, 30, 31, 60, 61, 90, 91, 180, 181, 365, 366]);
        assert_eq!(h.counts, vec![3, 2, 2, 2, 2, 2, 2, 1]);
        assert_eq!(h.bins.len(), h.counts.len());
    }
}
