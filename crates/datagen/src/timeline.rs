//! The fixed history window (2022-07-01 to 2024-06-30), its calendar and the seasonal shape of
//! demand. Times are seconds since the window opened, as wall-clock time in China.

use crate::dist;
use crate::format::Ymd;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rand_chacha::ChaCha8Rng;

/// Days in the window.
pub const DAYS: u32 = 731;
/// Seconds in a day.
pub const DAY_SECS: u32 = 86_400;
/// End of the window (exclusive), in seconds since it opened.
pub const END_SECS: u32 = DAYS * DAY_SECS;

/// Relative demand per hour of the day (evening peak).
const HOUR_WEIGHTS: [f64; 24] = [
    4.0, 2.5, 1.5, 1.0, 0.8, 0.8, 1.2, 2.5, 4.5, 6.0, 7.0, 7.5, 8.0, 7.5, 7.0, 7.0, 7.5, 8.0, 8.5, 9.5, 11.0, 12.0,
    10.0, 7.0,
];

/// Relative demand per month (Chinese New Year dip, 618 and Singles' Day peaks).
const MONTH_WEIGHTS: [f64; 12] = [0.95, 0.8, 0.95, 0.95, 1.0, 1.15, 0.95, 0.95, 1.0, 1.05, 1.5, 1.2];

/// Calendar and demand curve of the window.
pub struct Timeline {
    dates: Vec<Ymd>,
    cumulative: Vec<f64>,
    hour_cumulative: [f64; 24],
}

impl Default for Timeline {
    fn default() -> Self {
        let start = NaiveDate::from_ymd_opt(2022, 7, 1).expect("valid start date");
        let mut dates = Vec::with_capacity(DAYS as usize);
        let mut cumulative = Vec::with_capacity(DAYS as usize + 1);
        cumulative.push(0.0);
        for k in 0..DAYS {
            let date = start + Duration::days(k.into());
            let (m, d) = (date.month(), date.day());
            let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
            let festival = match (m, d) {
                (11, 11) => 3.5,
                (11, 10) | (11, 12) | (6, 18) => 2.0,
                (12, 12) | (6, 17) | (6, 19) => 1.4,
                _ => 1.0,
            };
            let w = MONTH_WEIGHTS[m as usize - 1] * festival * if weekend { 1.15 } else { 0.95 };
            cumulative.push(cumulative[k as usize] + w);
            dates.push(Ymd {
                year: date.year() as u32,
                month: m,
                day: d,
            });
        }
        let mut hour_cumulative = [0.0; 24];
        let mut sum = 0.0;
        for (c, w) in hour_cumulative.iter_mut().zip(HOUR_WEIGHTS) {
            sum += w;
            *c = sum;
        }
        Timeline {
            dates,
            cumulative,
            hour_cumulative,
        }
    }
}

impl Timeline {
    /// Calendar date of day `day` of the window.
    pub fn ymd(&self, day: u32) -> Ymd {
        self.dates[day as usize]
    }

    /// Expected demand (about one per ordinary day) over days `first..=last`.
    pub fn demand(&self, first: u32, last: u32) -> f64 {
        self.cumulative[last as usize + 1] - self.cumulative[first as usize]
    }

    /// A day in `first..=last`, drawn in proportion to demand.
    pub fn sample_day(&self, rng: &mut ChaCha8Rng, first: u32, last: u32) -> u32 {
        let lo = self.cumulative[first as usize];
        let u = lo + dist::unit(rng) * self.demand(first, last);
        let k = self.cumulative.partition_point(|&c| c <= u) as u32;
        k.saturating_sub(1).clamp(first, last)
    }

    /// A time of day in seconds, drawn from the daily rhythm.
    pub fn sample_second_of_day(&self, rng: &mut ChaCha8Rng) -> u32 {
        let u = dist::unit(rng) * self.hour_cumulative[23];
        let hour = self.hour_cumulative.partition_point(|&c| c <= u).min(23) as u32;
        hour * 3600 + dist::between(rng, 0, 3599)
    }

    /// A moment in days `first..=last`, drawn from demand and the daily rhythm.
    pub fn sample_moment(&self, rng: &mut ChaCha8Rng, first: u32, last: u32) -> u32 {
        self.sample_day(rng, first, last) * DAY_SECS + self.sample_second_of_day(rng)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_and_seasonality() {
        let t = Timeline::default();
        let first = t.ymd(0);
        let last = t.ymd(DAYS - 1);
        assert_eq!((first.year, first.month, first.day), (2022, 7, 1));
        assert_eq!((last.year, last.month, last.day), (2024, 6, 30));
        let mut rng = dist::rng(3, dist::Stream::Orders);
        let mut november = 0;
        let n = 50_000;
        for _ in 0..n {
            let day = t.sample_day(&mut rng, 10, 400);
            assert!((10..=400).contains(&day));
            if t.ymd(day).month == 11 {
                november += 1;
            }
        }
        // November holds 30 of the 391 days but well above its share of demand.
        assert!(november as f64 / n as f64 > 1.3 * 30.0 / 391.0);
        assert!(t.sample_second_of_day(&mut rng) < DAY_SECS);
    }
}
