//! Customers: signup moment, acquisition source, demographics and the latent purchase behaviour
//! (conversion, purchase rate, spend level, dropout moment), plus guest buyers who never signed up.

use crate::config::Lang;
use crate::dist::{self, Stream};
use crate::format::Ymd;
use crate::timeline::{Timeline, DAYS, DAY_SECS, END_SECS};
use crate::vocab::CITIES;
use chrono::{Datelike, NaiveDate};
use rand_chacha::ChaCha8Rng;

/// Share of guest buyers (in orders only), relative to the customers in customers.csv.
pub const GUEST_SHARE: f64 = 0.02;

/// Popularity of the product categories (order of [`crate::vocab::CATEGORY`]).
pub const CATEGORY_WEIGHTS: [f64; 8] = [22.0, 15.0, 10.0, 14.0, 16.0, 9.0, 8.0, 6.0];

/// Popularity of the sales channels (order of [`crate::vocab::CHANNEL`]).
pub const CHANNEL_WEIGHTS: [f64; 4] = [35.0, 40.0, 15.0, 10.0];

/// How customers from one acquisition source behave.
struct SourceProfile {
    weight: f64,
    conversion: f64,
    value: f64,
    frequency: f64,
    lifetime_days: f64,
}

const fn profile(weight: f64, conversion: f64, value: f64, frequency: f64, lifetime_days: f64) -> SourceProfile {
    SourceProfile {
        weight,
        conversion,
        value,
        frequency,
        lifetime_days,
    }
}

/// Profiles in the order of [`crate::vocab::SOURCE`].
const SOURCES: [SourceProfile; 7] = [
    profile(22.0, 0.72, 1.00, 1.00, 420.0),
    profile(18.0, 0.64, 0.90, 0.85, 330.0),
    profile(17.0, 0.52, 0.75, 0.80, 260.0),
    profile(10.0, 0.86, 1.25, 1.30, 560.0),
    profile(10.0, 0.78, 1.05, 1.20, 480.0),
    profile(8.0, 0.60, 1.20, 0.90, 400.0),
    profile(15.0, 0.74, 0.85, 1.05, 300.0),
];

/// Income relative to the median, per occupation (order of [`crate::vocab::OCCUPATION`]).
const OCCUPATION_INCOME: [f64; 12] = [0.25, 1.5, 1.0, 1.7, 0.9, 1.1, 1.2, 1.1, 1.2, 0.9, 1.0, 0.6];

/// Relative frequency of the working occupations (indices 1–10).
const WORKING_WEIGHTS: [f64; 10] = [14.0, 9.0, 4.0, 5.0, 12.0, 6.0, 7.0, 10.0, 22.0, 8.0];

/// Signups at the end of the window relative to its start.
const SIGNUP_GROWTH: f64 = 2.5;

/// One person of the population: a registered customer or a guest buyer.
pub struct Person {
    /// Never signed up: appears in orders only.
    pub guest: bool,
    /// Signup moment in seconds (for guests: their first order).
    pub signup: u32,
    /// Acquisition source index.
    pub source: u8,
    /// Gender index, `None` when unknown.
    pub gender: Option<u8>,
    /// Birth date, `None` when not given.
    pub birth: Option<Ymd>,
    /// Annual income relative to the median, `None` when not given.
    pub income: Option<f64>,
    /// Occupation index, `None` when not given.
    pub occupation: Option<u8>,
    /// Index into [`CITIES`].
    pub city: u8,
    /// Preferred sales channel.
    pub channel: u8,
    /// Favourite category.
    pub favourite: u8,
    /// Raw draws choosing the name parts.
    pub name: [u32; 3],
    /// Raw draw choosing email and phone details.
    pub contact: u32,
    /// Buys at least once.
    pub buyer: bool,
    /// First order moment in seconds (buyers only).
    pub first_order: u32,
    /// Last day the customer may still buy (the dropout moment).
    pub last_day: u32,
    /// Relative purchase rate while alive.
    pub rate: f64,
    /// Relative order value.
    pub spend: f64,
}

/// Generates `customers` registered customers plus about [`GUEST_SHARE`] guests, ordered by
/// signup, so that customer numbers grow with time.
pub fn generate(seed: u64, customers: u32, timeline: &Timeline) -> Vec<Person> {
    let mut rng = dist::rng(seed, Stream::People);
    let guests = (f64::from(customers) * GUEST_SHARE).round() as u32;
    let total = customers + guests;
    let growth = SIGNUP_GROWTH.ln() / f64::from(DAYS);
    let mut signups: Vec<u32> = (0..total)
        .map(|_| {
            let u = dist::unit(&mut rng);
            let day = ((1.0 + u * ((growth * f64::from(DAYS)).exp() - 1.0)).ln() / growth) as u32;
            day.min(DAYS - 1) * DAY_SECS + timeline.sample_second_of_day(&mut rng)
        })
        .collect();
    signups.sort_unstable();
    let source_weights: Vec<f64> = SOURCES.iter().map(|s| s.weight).collect();
    let city_weights: Vec<f64> = CITIES.iter().map(|c| c.weight).collect();
    let mut guests_left = guests;
    signups
        .into_iter()
        .enumerate()
        .map(|(i, signup)| {
            let guest = dist::unit(&mut rng) * f64::from(total - i as u32) < f64::from(guests_left);
            if guest {
                guests_left -= 1;
            }
            let source = dist::pick(&mut rng, &source_weights);
            person(&mut rng, guest, signup, source, &city_weights)
        })
        .collect()
}

fn person(rng: &mut ChaCha8Rng, guest: bool, signup: u32, source: usize, city_weights: &[f64]) -> Person {
    let profile = &SOURCES[source];
    let u = dist::unit(rng);
    let gender = if u < 0.55 {
        Some(0)
    } else if u < 0.96 {
        Some(1)
    } else {
        None
    };
    let year = (1990.0 + 10.0 * dist::normal(rng)).round().clamp(1955.0, 2006.0) as i32;
    let ordinal = dist::between(rng, 1, 365);
    let born = NaiveDate::from_yo_opt(year, ordinal).expect("valid ordinal");
    let age = 2024 - year;
    let occupation = if age < 23 && dist::unit(rng) < 0.75 {
        0
    } else if age >= 60 && dist::unit(rng) < 0.7 {
        11
    } else {
        1 + dist::pick(rng, &WORKING_WEIGHTS) as u8
    };
    let income = OCCUPATION_INCOME[occupation as usize] * dist::log_normal(rng, 1.0, 0.45);
    let whale = if dist::unit(rng) < 0.01 {
        4.0 + 8.0 * dist::unit(rng)
    } else {
        1.0
    };
    let spend = profile.value * income.powf(0.25) * dist::log_normal(rng, 1.0, 0.5) * whale;
    let rate = dist::gamma(rng, 0.45, 1.0) * profile.frequency;
    let mean_lifetime = profile.lifetime_days * dist::log_normal(rng, 1.0, 0.5);
    let lifetime = dist::exponential(rng, mean_lifetime);
    let buyer = guest || dist::unit(rng) < profile.conversion;
    let first_order = if guest { signup } else { first_order_after(rng, signup) };
    let first_day = first_order / DAY_SECS;
    Person {
        guest,
        signup,
        source: source as u8,
        gender,
        birth: (dist::unit(rng) >= 0.1).then(|| Ymd {
            year: born.year() as u32,
            month: born.month(),
            day: born.day(),
        }),
        income: (dist::unit(rng) >= 0.15).then_some(income),
        occupation: (dist::unit(rng) >= 0.12).then_some(occupation),
        city: dist::pick(rng, city_weights) as u8,
        channel: if source == 5 && dist::unit(rng) < 0.5 {
            3
        } else {
            dist::pick(rng, &CHANNEL_WEIGHTS) as u8
        },
        favourite: dist::pick(rng, &CATEGORY_WEIGHTS) as u8,
        name: [dist::bits(rng), dist::bits(rng), dist::bits(rng)],
        contact: dist::bits(rng),
        buyer,
        first_order,
        last_day: (f64::from(first_day) + lifetime).min(f64::from(DAYS - 1)) as u32,
        rate,
        spend,
    }
}

/// First purchase: a third in the signup session, the rest after an exponential delay, always
/// inside the window.
fn first_order_after(rng: &mut ChaCha8Rng, signup: u32) -> u32 {
    let delay = if dist::unit(rng) < 0.35 {
        300.0 + 3.0 * 3600.0 * dist::unit(rng)
    } else {
        dist::exponential(rng, 12.0 * f64::from(DAY_SECS))
    };
    let room = f64::from(END_SECS - 1 - signup);
    let delay = if delay < room { delay } else { room * dist::unit(rng) };
    signup + delay as u32
}

/// Loyalty points and membership level (index into [`crate::vocab::MEMBER_LEVEL`]) of customer
/// number `number` who paid `paid_cents` in total: one point per yuan (five per dollar), a
/// signup bonus for most, part of the points already redeemed; the level follows lifetime points.
pub fn loyalty(number: u32, paid_cents: i64, lang: Lang) -> (u64, usize) {
    let per_unit = match lang {
        Lang::En => 5,
        Lang::Zh => 1,
    };
    let bonus = if number.is_multiple_of(5) { 0 } else { 100 };
    let lifetime = (paid_cents.max(0) as u64 / 100) * per_unit + bonus;
    let level = [1_000, 5_000, 20_000].iter().filter(|&&t| lifetime >= t).count();
    let redeemed_percent = u64::from((number.wrapping_mul(2_654_435_761) >> 16) % 41);
    (lifetime * (100 - redeemed_percent) / 100, level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn population_shape() {
        let t = Timeline::default();
        let people = generate(5, 5000, &t);
        let guests = people.iter().filter(|p| p.guest).count();
        assert_eq!(guests, 100);
        assert_eq!(people.len(), 5100);
        assert!(people.windows(2).all(|w| w[0].signup <= w[1].signup));
        let registered: Vec<&Person> = people.iter().filter(|p| !p.guest).collect();
        let buyers = registered.iter().filter(|p| p.buyer).count() as f64;
        let share = buyers / registered.len() as f64;
        assert!((0.62..0.76).contains(&share), "buyer share {share}");
        for p in people.iter().filter(|p| p.buyer) {
            assert!(p.signup <= p.first_order && p.first_order < END_SECS);
            assert!(p.last_day >= p.first_order / DAY_SECS && p.last_day < DAYS);
        }
    }

    #[test]
    fn loyalty_levels() {
        assert_eq!(loyalty(5, 0, Lang::Zh), (0, 0));
        let (points, level) = loyalty(7, 2_500_000, Lang::Zh);
        assert_eq!(level, 3);
        assert!((25_100 * 60 / 100..=25_100).contains(&points));
        assert_eq!(loyalty(10, 300_000, Lang::En).1, 2);
    }
}
