//! Engagement (docs/product.md#engagement): Active when the last interaction — an event or an
//! order of any status — is at most `active_days` before the as-of date,
//! Silent up to `silent_days`, Dormant beyond or never.

use crate::settings::EngagementSettings;
use segscope_model::date::{month_index, MonthWindow};
use segscope_model::Day;
use serde::{Deserialize, Serialize};

/// How recently a customer interacted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Engagement {
    /// Interacted within the active window.
    Active,
    /// Within the silent window.
    Silent,
    /// Longer ago, or never.
    Dormant,
}

impl Engagement {
    /// Every level, most engaged first.
    pub const ALL: [Engagement; 3] = [Engagement::Active, Engagement::Silent, Engagement::Dormant];

    /// Position in [`Engagement::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The English name of the spec (exports).
    pub fn english_name(self) -> &'static str {
        match self {
            Engagement::Active => "Active",
            Engagement::Silent => "Silent",
            Engagement::Dormant => "Dormant",
        }
    }

    /// The i18n key of the display name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            Engagement::Active => "engagement.active",
            Engagement::Silent => "engagement.silent",
            Engagement::Dormant => "engagement.dormant",
        }
    }
}

/// The engagement of a customer whose last interaction was on `last`.
pub fn engagement(last: Option<Day>, as_of: Day, settings: &EngagementSettings) -> Engagement {
    let Some(last) = last else {
        return Engagement::Dormant;
    };
    let days = i64::from(as_of) - i64::from(last);
    if days <= i64::from(settings.active_days) {
        Engagement::Active
    } else if days <= i64::from(settings.silent_days) {
        Engagement::Silent
    } else {
        Engagement::Dormant
    }
}

/// Customers who interacted in a calendar month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthActivity {
    /// `YYYY-MM`.
    pub month: String,
    /// Distinct customers with an event or order that month.
    pub customers: u64,
}

/// Months kept in the trend, ending with the month of the day before the
/// as-of date (the last day with data).
pub const TREND_MONTHS: i32 = 12;

/// Counts, per month of the last [`TREND_MONTHS`], the customers who
/// interacted: `days_of(c)` yields customer `c`'s interaction days.
pub fn monthly_trend<'a, I>(customers: usize, as_of: Day, days_of: impl Fn(usize) -> I) -> Vec<MonthActivity>
where
    I: Iterator<Item = Day> + 'a,
{
    let last = month_index(as_of.saturating_sub(1));
    let first = last - (TREND_MONTHS - 1);
    let mut counts = vec![0u64; TREND_MONTHS as usize];
    let mut seen = [false; TREND_MONTHS as usize];
    let window = MonthWindow::new(first, last);
    for c in 0..customers {
        seen.fill(false);
        for m in days_of(c).filter_map(|day| window.month(day)) {
            seen[(m - first) as usize] = true;
        }
        for (count, hit) in counts.iter_mut().zip(seen) {
            *count += u64::from(hit);
        }
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, customers)| MonthActivity {
            month: segscope_model::date::format_month(first + i as i32),
            customers,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_inclusive() {
        let s = EngagementSettings::default();
        assert_eq!(engagement(Some(70), 100, &s), Engagement::Active);
        assert_eq!(engagement(Some(69), 100, &s), Engagement::Silent);
        assert_eq!(engagement(Some(10), 100, &s), Engagement::Silent);
        assert_eq!(engagement(Some(9), 100, &s), Engagement::Dormant);
        assert_eq!(engagement(None, 100, &s), Engagement::Dormant);
    }

    #[test]
    fn trend_counts_each_customer_once_a_month() {
        // 2024-01-05 = day 19727; 2024-01-20 = 19742; 2023-12-31 = 19722.
        let days = [vec![19_727, 19_742], vec![19_722], vec![]];
        let trend = monthly_trend(3, 19_743, |c| days[c].clone().into_iter());
        assert_eq!(trend.len(), 12);
        assert_eq!(trend[11].month, "2024-01");
        assert_eq!(trend[11].customers, 1);
        assert_eq!(trend[10].customers, 1);
        assert_eq!(trend.iter().map(|m| m.customers).sum::<u64>(), 2);
    }
}
