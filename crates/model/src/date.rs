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
