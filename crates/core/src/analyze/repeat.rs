//! Repeat buying (SPEC S6): repurchase rate, time to the second order, the
//! distribution of gaps between orders, and monthly cohort retention.

use super::kpis::ratio;
use super::paid_days::{median, PaidDays};
use crate::date::{format_month, month_index};
use crate::model::Day;
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

/// How many cohorts (months of first purchase) and months after it are shown.
pub const COHORT_MONTHS: usize = 24;

/// Counts per [`GAP_BINS`] range and the median.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayHistogram {
    /// The ranges, as in [`GAP_BINS`].
    pub bins: Vec<(u32, Option<u32>)>,
    /// Values per range.
    pub counts: Vec<u64>,
    /// Median of all values, in days.
    pub median_days: Option<f64>,
}

impl DayHistogram {
    fn of(values: Vec<i32>) -> DayHistogram {
        let mut counts = vec![0u64; GAP_BINS.len()];
        for &v in &values {
            let v = v.max(0) as u32;
            let bin = GAP_BINS
                .iter()
                .position(|&(_, hi)| hi.is_none_or(|hi| v <= hi))
                .unwrap_or(0);
            counts[bin] += 1;
        }
        DayHistogram {
            bins: GAP_BINS.to_vec(),
            counts,
            median_days: median(values),
        }
    }
}

/// Monthly cohorts: customers by the month of their first paid order, and
/// the share of them buying again k months later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CohortTable {
    /// Cohort months (`YYYY-MM`), oldest first (the latest [`COHORT_MONTHS`]).
    pub cohorts: Vec<String>,
    /// Customers per cohort.
    pub sizes: Vec<u64>,
    /// Columns: months since the first purchase, 0 ….
    pub months_after: usize,
    /// Row-major shares (cohort × months after); `None` after the as-of month.
    pub cells: Vec<Option<f64>>,
}

/// Repeat-buying figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RepeatStats {
    /// Customers with a paid order.
    pub buyers: u64,
    /// Of them, with two or more.
    pub repeat_buyers: u64,
    /// repeat_buyers / buyers.
    pub repurchase_rate: f64,
    /// Days from the first to the second paid order.
    pub time_to_second: DayHistogram,
    /// Days between consecutive paid orders of the same customer.
    pub gaps: DayHistogram,
    /// Monthly cohort retention.
    pub cohorts: CohortTable,
}

impl RepeatStats {
    /// Computes the figures from the paid order days.
    pub(crate) fn build(paid: &PaidDays, as_of: Day) -> RepeatStats {
        let customers = paid.customers();
        let buyers = (0..customers).filter(|&c| !paid.of(c).is_empty()).count() as u64;
        let seconds: Vec<i32> = (0..customers)
            .filter_map(|c| paid.of(c).get(0..2).map(|d| d[1] - d[0]))
            .collect();
        let repeat_buyers = seconds.len() as u64;
        RepeatStats {
            buyers,
            repeat_buyers,
            repurchase_rate: ratio(repeat_buyers as f64, buyers as f64),
            time_to_second: DayHistogram::of(seconds),
            gaps: DayHistogram::of(paid.gaps().collect()),
            cohorts: cohorts(paid, as_of),
        }
    }
}

fn cohorts(paid: &PaidDays, as_of: Day) -> CohortTable {
    let last_month = month_index(as_of);
    let first_month = last_month - COHORT_MONTHS as i32 + 1;
    let mut sizes = vec![0u64; COHORT_MONTHS];
    let mut active = vec![0u64; COHORT_MONTHS * COHORT_MONTHS];
    let mut months: Vec<i32> = Vec::new();
    for c in 0..paid.customers() {
        let days = paid.of(c);
        let Some(&first) = days.first() else {
            continue;
        };
        let cohort = month_index(first);
        if cohort < first_month || cohort > last_month {
            continue;
        }
        let row = (cohort - first_month) as usize;
        sizes[row] += 1;
        months.clear();
        months.extend(days.iter().map(|&d| month_index(d) - cohort));
        months.dedup();
        for &k in months.iter().filter(|&&k| (0..COHORT_MONTHS as i32).contains(&k)) {
            active[row * COHORT_MONTHS + k as usize] += 1;
        }
    }
    let cells = (0..COHORT_MONTHS * COHORT_MONTHS)
        .map(|i| {
            let (row, k) = (i / COHORT_MONTHS, i % COHORT_MONTHS);
            let observable = first_month + (row + k) as i32 <= last_month;
            (observable && sizes[row] > 0).then(|| ratio(active[i] as f64, sizes[row] as f64))
        })
        .collect();
    CohortTable {
        cohorts: (0..COHORT_MONTHS)
            .map(|r| format_month(first_month + r as i32))
            .collect(),
        sizes,
        months_after: COHORT_MONTHS,
        cells,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::date::day_from_ymd;

    fn day(y: i32, m: u32, d: u32) -> Day {
        day_from_ymd(y, m, d).unwrap_or_default()
    }

    #[test]
    fn repeat_figures_by_hand() {
        // a: 2024-01-10, 01-20, 03-05 · b: 2024-02-01 · c: 2024-03-01, 03-01 (same day).
        let d = fixture::paid(
            &["a", "b", "c"],
            &[
                (0, day(2024, 1, 10), 1.0),
                (0, day(2024, 1, 20), 1.0),
                (0, day(2024, 3, 5), 1.0),
                (1, day(2024, 2, 1), 1.0),
                (2, day(2024, 3, 1), 1.0),
                (2, day(2024, 3, 1), 1.0),
            ],
        );
        let as_of = day(2024, 3, 31);
        let r = RepeatStats::build(&PaidDays::collect(&d, as_of), as_of);
        assert_eq!((r.buyers, r.repeat_buyers), (3, 2));
        // Second orders after 10 and 0 days; gaps 10, 45, 0.
        assert_eq!(r.time_to_second.counts, vec![1, 1, 0, 0, 0, 0, 0, 0]);
        assert_eq!(r.gaps.counts, vec![1, 1, 0, 1, 0, 0, 0, 0]);
        assert_eq!(r.gaps.median_days, Some(10.0));
        let t = &r.cohorts;
        let row = |m: &str| t.cohorts.iter().position(|c| c == m).unwrap();
        let cell = |m: &str, k: usize| t.cells[row(m) * t.months_after + k];
        assert_eq!(t.cohorts.last().map(String::as_str), Some("2024-03"));
        assert_eq!(t.sizes[row("2024-01")], 1);
        // a bought in months 0 and 2 after January, not 1.
        assert_eq!(
            (cell("2024-01", 0), cell("2024-01", 1), cell("2024-01", 2)),
            (Some(1.0), Some(0.0), Some(1.0))
        );
        // March is the last observable month.
        assert_eq!(cell("2024-01", 3), None);
        assert_eq!(cell("2024-03", 1), None);
        assert_eq!(cell("2023-12", 0), None, "empty cohort");
    }
}
