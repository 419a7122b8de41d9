//! Repeat buying (docs/product.md#analyses-and-charts): repurchase rate, time to the second order, the
//! distribution of gaps between orders, and monthly cohort retention.

use crate::analyses::day_histogram::DayHistogram;
use crate::analyses::kpis::ratio;
use crate::metrics::customer_orders::CustomerOrders;
use segscope_model::date::{format_month, month_index, MonthWindow};
use segscope_model::Day;
use serde::{Deserialize, Serialize};

/// How many cohorts (months of first purchase) and months after it are shown.
pub const COHORT_MONTHS: usize = 24;

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
    /// Computes the figures from the orders grouped by customer; `gaps` is
    /// the histogram of all their gaps (shared with the active window).
    pub(crate) fn build(orders: &CustomerOrders, gaps: DayHistogram, as_of: Day) -> RepeatStats {
        let customers = orders.customers();
        let buyers = (0..customers).filter(|&c| !orders.paid(c).is_empty()).count() as u64;
        let seconds = (0..customers).filter_map(|c| orders.paid(c).get(0..2).map(|d| d[1].day - d[0].day));
        let time_to_second = DayHistogram::of(seconds);
        let repeat_buyers = time_to_second.counts.iter().sum::<u64>();
        RepeatStats {
            buyers,
            repeat_buyers,
            repurchase_rate: ratio(repeat_buyers as f64, buyers as f64),
            time_to_second,
            gaps,
            cohorts: cohorts(orders, as_of),
        }
    }
}

/// The latest [`COHORT_MONTHS`] cohorts up to the as-of month.
fn cohorts(orders: &CustomerOrders, as_of: Day) -> CohortTable {
    let last_month = month_index(as_of);
    let first_month = last_month - COHORT_MONTHS as i32 + 1;
    let mut sizes = vec![0u64; COHORT_MONTHS];
    let mut active = vec![0u64; COHORT_MONTHS * COHORT_MONTHS];
    let mut months: Vec<i32> = Vec::new();
    // Every order of a customer whose first order falls in the window is in it too.
    let window = MonthWindow::new(first_month, last_month);
    for c in 0..orders.customers() {
        let paid = orders.paid(c);
        let Some(cohort) = paid.first().and_then(|p| window.month(p.day)) else {
            continue;
        };
        let row = (cohort - first_month) as usize;
        sizes[row] += 1;
        months.clear();
        months.extend(paid.iter().filter_map(|p| window.month(p.day)).map(|m| m - cohort));
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
    use super::*;
    use crate::fixture;
    use segscope_model::date::day_from_ymd;

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
        let orders = CustomerOrders::collect(&d, as_of);
        let r = RepeatStats::build(&orders, DayHistogram::of(orders.gaps()), as_of);
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
