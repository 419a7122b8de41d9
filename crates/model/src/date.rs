//! Conversions between [`Day`] numbers and calendar dates.

use crate::Day;
use chrono::{Datelike, NaiveDate};

const UNIX_EPOCH_FROM_CE: i32 = 719_163;

/// The day number of a calendar date.
pub fn day_of(date: NaiveDate) -> Day {
    date.num_days_from_ce() - UNIX_EPOCH_FROM_CE
}

/// The calendar date of a day number (clamped to chrono's range).
pub fn date_of(day: Day) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day.saturating_add(UNIX_EPOCH_FROM_CE)).unwrap_or(NaiveDate::MIN)
}

/// `YYYY-MM-DD` for a day number.
pub fn format_day(day: Day) -> String {
    date_of(day).format("%Y-%m-%d").to_string()
}

/// The day number of a proleptic Gregorian date given as numbers, or `None` if
/// the date does not exist.
pub fn day_from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
    NaiveDate::from_ymd_opt(year, month, day).map(day_of)
}

/// Months since January 1970 (0 = 1970-01; negative before), by integer
/// arithmetic on the day number (civil-from-days), fast enough per order.
pub fn month_index(day: Day) -> i32 {
    let z = i64::from(day) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    ((year - 1970) * 12 + month - 1) as i32
}

/// `YYYY-MM` of a [`month_index`].
pub fn format_month(month: i32) -> String {
    format!("{:04}-{:02}", 1970 + month.div_euclid(12), month.rem_euclid(12) + 1)
}

/// The first day of a [`month_index`] (saturating at chrono's range).
pub fn month_start(month: i32) -> Day {
    day_from_ymd(1970 + month.div_euclid(12), month.rem_euclid(12) as u32 + 1, 1).unwrap_or(if month < 0 {
        Day::MIN
    } else {
        Day::MAX
    })
}

/// The months `first..=last` as a day → month table: the month of each of
/// many days in a short window (a year of cohorts or of a trend) by one
/// lookup instead of [`month_index`]'s calendar arithmetic.
#[derive(Debug, Clone)]
pub struct MonthWindow {
    /// The first day of month `first`.
    first_day: Day,
    /// The month of each day from `first_day` on, to the end of `last`.
    months: Vec<i32>,
}

impl MonthWindow {
    /// The window of months `first..=last` (empty when `last < first`).
    pub fn new(first: i32, last: i32) -> MonthWindow {
        let first_day = month_start(first);
        let months = (first..=last)
            .flat_map(|m| {
                let days = month_start(m + 1).saturating_sub(month_start(m)).max(0) as usize;
                std::iter::repeat_n(m, days)
            })
            .collect();
        MonthWindow { first_day, months }
    }

    /// The [`month_index`] of `day`, or `None` outside the window.
    pub fn month(&self, day: Day) -> Option<i32> {
        let offset = usize::try_from(day.checked_sub(self.first_day)?).ok()?;
        self.months.get(offset).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_index_matches_the_calendar() {
        for d in (-800_000..800_000).step_by(997) {
            let date = date_of(d);
            let want = (date.year() - 1970) * 12 + date.month0() as i32;
            assert_eq!(month_index(d), want, "{date}");
        }
        assert_eq!(format_month(month_index(19727)), "2024-01");
        assert_eq!(format_month(-1), "1969-12");
    }

    #[test]
    fn a_month_window_agrees_with_month_index_inside_and_says_none_outside() {
        let (first, last) = (month_index(19_000) - 1, month_index(19_000) + 24);
        let window = MonthWindow::new(first, last);
        for d in 18_000..21_000 {
            let m = month_index(d);
            let want = (first..=last).contains(&m).then_some(m);
            assert_eq!(window.month(d), want, "{}", format_day(d));
        }
        assert_eq!(month_start(month_index(19727)), 19723, "2024-01-01");
        assert_eq!(MonthWindow::new(5, 4).month(month_start(5)), None);
        assert_eq!(MonthWindow::new(0, 0).month(Day::MIN), None);
    }

    #[test]
    fn epoch_and_round_trip() {
        assert_eq!(day_from_ymd(1970, 1, 1), Some(0));
        assert_eq!(day_from_ymd(2024, 1, 5), Some(19727));
        assert_eq!(format_day(19727), "2024-01-05");
        assert_eq!(day_from_ymd(2023, 2, 29), None);
        for d in [-1000, 0, 1, 19727, 30000] {
            assert_eq!(day_of(date_of(d)), d);
        }
    }
}
