//! Conversions between [`Day`] numbers and calendar dates.

use crate::model::Day;
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

#[cfg(test)]
mod tests {
    use super::*;

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
