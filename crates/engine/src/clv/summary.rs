//! Per-customer calibration summaries (x, tₓ, T, m̄) for the CLV models, in
//! the BG/NBD literature's conventions: purchases on one day count as one
//! transaction, the first day is the customer's "birth" (not a repeat), and
//! times are measured from it in days or fractional weeks (days / 7).
//!
//! These are the conventions of Fader & Hardie's CDNOW summaries: their
//! customer 1 (orders 1997-01-01, -01-18, -08-02; calibration to 1997-09-30)
//! has x = 2, tₓ = 213/7 = 30.43 and T = 272/7 = 38.86 weeks.

use segscope_model::Day;
use serde::{Deserialize, Serialize};

/// The time unit of the CLV models' rates and periods.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// Days.
    Days,
    /// Weeks of 7 days (fractional, as in the literature).
    #[default]
    Weeks,
}

impl TimeUnit {
    /// Days in one unit.
    pub fn days(self) -> f64 {
        match self {
            TimeUnit::Days => 1.0,
            TimeUnit::Weeks => 7.0,
        }
    }
}

/// One customer's purchase history up to the calibration end.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CustomerSummary {
    /// x: repeat purchases, i.e. distinct purchase days − 1.
    pub frequency: u32,
    /// tₓ: time from the first to the last purchase day, in the time unit.
    pub recency: f64,
    /// T: time from the first purchase day to the calibration end, in the time unit.
    pub age: f64,
    /// m̄: mean spend per repeat day (the first day left out); 0 when x = 0.
    pub monetary: f64,
}

/// Summarises one customer's paid orders `(day, amount)`, given ascending by
/// day, as of `end` (orders after it are ignored; non-finite amounts count
/// as 0). `None` when the customer has no order on or before `end`.
pub fn summarize(orders: impl IntoIterator<Item = (Day, f64)>, end: Day, unit: TimeUnit) -> Option<CustomerSummary> {
    let mut first: Option<Day> = None;
    let mut last = 0;
    let mut frequency = 0u32;
    let mut repeat_spend = 0.0;
    for (day, amount) in orders {
        if day > end {
            continue;
        }
        let amount = if amount.is_finite() { amount } else { 0.0 };
        match first {
            None => {
                first = Some(day);
                last = day;
            }
            Some(f) if day != f => {
                if day != last {
                    frequency = frequency.saturating_add(1);
                    last = day;
                }
                repeat_spend += amount;
            }
            Some(_) => {}
        }
    }
    let first = first?;
    let days = unit.days();
    Some(CustomerSummary {
        frequency,
        recency: (f64::from(last) - f64::from(first)) / days,
        age: (f64::from(end) - f64::from(first)) / days,
        monetary: if frequency > 0 {
            repeat_spend / f64::from(frequency)
        } else {
            0.0
        },
    })
}

/// Counts the distinct days in `(end, until]` among one customer's paid order
/// days: the actual repeat purchases in a holdout period after `end`.
pub fn holdout_repeats(days: impl IntoIterator<Item = Day>, end: Day, until: Day) -> u32 {
    let mut count = 0u32;
    let mut last = None;
    for day in days {
        if day > end && day <= until && last != Some(day) {
            count = count.saturating_add(1);
            last = Some(day);
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cdnow_customer_one_in_weeks() {
        // 1997-01-01 = day 9862; orders on 01-01, 01-18, 08-02 and 12-12 (after the end).
        let (d0, end) = (9862, 9862 + 272);
        let orders = [(d0, 29.33), (d0 + 17, 29.73), (d0 + 213, 14.96), (d0 + 345, 26.48)];
        let s = summarize(orders, end, TimeUnit::Weeks);
        let s = s.unwrap_or(CustomerSummary {
            frequency: 99,
            recency: 0.0,
            age: 0.0,
            monetary: 0.0,
        });
        assert_eq!(s.frequency, 2);
        assert!((s.recency - 30.428_571).abs() < 1e-5);
        assert!((s.age - 38.857_143).abs() < 1e-5);
        assert!((s.monetary - 22.345).abs() < 1e-12);
    }

    #[test]
    fn same_day_orders_are_one_purchase_and_first_day_spend_is_not_repeat_spend() {
        let orders = [(10, 5.0), (10, 7.0), (12, 1.0), (12, 2.0), (20, f64::NAN)];
        let s = summarize(orders, 30, TimeUnit::Days);
        assert_eq!(
            s,
            Some(CustomerSummary {
                frequency: 2,
                recency: 10.0,
                age: 20.0,
                monetary: 1.5,
            })
        );
    }

    #[test]
    fn one_time_buyers_have_zero_frequency_and_monetary() {
        let s = summarize([(3, 9.0), (3, 1.0)], 3, TimeUnit::Weeks);
        assert_eq!(
            s,
            Some(CustomerSummary {
                frequency: 0,
                recency: 0.0,
                age: 0.0,
                monetary: 0.0,
            })
        );
    }

    #[test]
    fn customers_without_orders_by_the_end_have_no_summary() {
        assert_eq!(summarize([], 10, TimeUnit::Days), None);
        assert_eq!(summarize([(11, 1.0)], 10, TimeUnit::Days), None);
    }

    #[test]
    fn extreme_days_do_not_overflow() {
        let s = summarize([(i32::MIN, 1.0), (i32::MAX, 1.0)], i32::MAX, TimeUnit::Days);
        assert_eq!(s.map(|s| s.frequency), Some(1));
        assert!(s.is_some_and(|s| s.recency > 4e9 && s.age == s.recency));
    }

    #[test]
    fn holdout_counts_distinct_days_after_the_end_up_to_until() {
        assert_eq!(holdout_repeats([1, 5, 6, 6, 9, 10, 11], 5, 10), 3);
        assert_eq!(holdout_repeats([], 5, 10), 0);
    }
}
