//! Orders of every buyer: a first order, then a Poisson number of repeat orders spread over the
//! customer's alive period following seasonal demand, with log-normal values and realistic
//! statuses. The purchase rates are scaled so that the mean number of orders per registered
//! customer matches `--orders-per-customer`.

use crate::dist::{self, Stream};
use crate::people::{Person, CATEGORY_WEIGHTS, CHANNEL_WEIGHTS};
use crate::timeline::{Timeline, DAYS, DAY_SECS, END_SECS};

/// Status index of `paid` (see [`crate::vocab::STATUS`]).
pub const PAID: u8 = 0;
/// Status index of `completed`.
pub const COMPLETED: u8 = 1;
/// Status index of `refunded`.
pub const REFUNDED: u8 = 2;
/// Status index of `returned`.
pub const RETURNED: u8 = 3;
/// Status index of `cancelled`.
pub const CANCELLED: u8 = 4;

/// Price level of each category relative to the average (order of [`crate::vocab::CATEGORY`]).
const CATEGORY_PRICE: [f64; 8] = [1.0, 0.9, 2.6, 1.2, 0.45, 1.1, 0.4, 0.7];

/// Expected repeat orders of a guest buyer.
const GUEST_REPEATS: f64 = 0.35;

/// One generated order.
#[derive(Clone, Copy, Debug)]
pub struct Order {
    /// Moment in seconds since the window opened.
    pub ts: u32,
    /// Index of the buyer in the population.
    pub person: u32,
    /// Amount paid, in cents of the currency.
    pub cents: i64,
    /// Status index.
    pub status: u8,
    /// Category index.
    pub category: u8,
    /// Items in the order.
    pub quantity: u8,
    /// Channel index.
    pub channel: u8,
}

impl Order {
    /// Whether the status counts as paid.
    pub fn is_paid(&self) -> bool {
        self.status == PAID || self.status == COMPLETED
    }
}

/// All orders, grouped by person in population order, each person's orders in time order.
pub struct OrderBook {
    /// The orders.
    pub orders: Vec<Order>,
    /// Orders of person `i` are `orders[starts[i]..starts[i + 1]]`.
    pub starts: Vec<usize>,
    /// Total paid-status amount per person, in cents.
    pub paid_cents: Vec<i64>,
}

impl OrderBook {
    /// The orders of person `i`.
    pub fn of(&self, i: usize) -> &[Order] {
        &self.orders[self.starts[i]..self.starts[i + 1]]
    }
}

/// Generates the orders of `people`; `typical_value` is the median order value in the currency
/// and `per_customer` the target mean of orders per registered customer.
pub fn generate(people: &[Person], timeline: &Timeline, seed: u64, typical_value: f64, per_customer: f64) -> OrderBook {
    let mut rng = dist::rng(seed, Stream::Orders);
    let registered = people.iter().filter(|p| !p.guest).count() as f64;
    let guests = people.len() as f64 - registered;
    let mut first_orders = 0.0;
    let mut exposure = 0.0;
    for p in people.iter().filter(|p| p.buyer) {
        first_orders += 1.0;
        if !p.guest {
            exposure += p.rate * timeline.demand(p.first_order / DAY_SECS, p.last_day);
        }
    }
    let repeats = per_customer * registered - first_orders - guests * GUEST_REPEATS;
    let scale = if exposure > 0.0 {
        (repeats / exposure).max(0.0)
    } else {
        0.0
    };

    let mut book = OrderBook {
        orders: Vec::with_capacity((per_customer * registered * 1.05) as usize + 16),
        starts: Vec::with_capacity(people.len() + 1),
        paid_cents: vec![0; people.len()],
    };
    let mut moments = Vec::new();
    for (i, p) in people.iter().enumerate() {
        book.starts.push(book.orders.len());
        if !p.buyer {
            continue;
        }
        let first_day = p.first_order / DAY_SECS;
        let (last_day, count) = if p.guest {
            let last = (first_day + 90).min(DAYS - 1);
            (last, dist::poisson(&mut rng, GUEST_REPEATS))
        } else {
            let mean = scale * p.rate * timeline.demand(first_day, p.last_day);
            (p.last_day, dist::poisson(&mut rng, mean))
        };
        moments.clear();
        moments.push(p.first_order);
        for _ in 0..count {
            let mut ts = timeline.sample_moment(&mut rng, first_day, last_day);
            if ts <= p.first_order {
                ts = (p.first_order + dist::between(&mut rng, 600, 4 * 3600)).min(END_SECS - 1);
            }
            moments.push(ts);
        }
        moments.sort_unstable();
        for &ts in &moments {
            let order = order(&mut rng, p, i as u32, ts, typical_value);
            if order.is_paid() {
                book.paid_cents[i] += order.cents;
            }
            book.orders.push(order);
        }
    }
    book.starts.push(book.orders.len());
    book
}

fn order(rng: &mut rand_chacha::ChaCha8Rng, p: &Person, person: u32, ts: u32, typical: f64) -> Order {
    let category = if dist::unit(rng) < 0.55 {
        p.favourite
    } else {
        dist::pick(rng, &CATEGORY_WEIGHTS) as u8
    };
    let quantity = 1 + dist::pick(rng, &[72.0, 17.0, 6.0, 3.0, 1.5, 0.5]) as u8;
    let value = typical
        * p.spend
        * CATEGORY_PRICE[category as usize]
        * (1.0 + 0.6 * f64::from(quantity - 1))
        * dist::log_normal(rng, 1.0, 0.6);
    let ending = dist::unit(rng);
    let cents = if ending < 0.45 {
        (value.round() * 100.0) as i64
    } else if ending < 0.7 {
        (value.floor() * 100.0) as i64 + 90
    } else {
        (value * 100.0).round() as i64
    }
    .max(100);
    let channel = if dist::unit(rng) < 0.75 {
        p.channel
    } else {
        dist::pick(rng, &CHANNEL_WEIGHTS) as u8
    };
    let age_days = (END_SECS - ts) / DAY_SECS;
    let returns = if category == 0 { 0.035 } else { 0.015 };
    let u = dist::unit(rng);
    let status = if u < 0.028 {
        REFUNDED
    } else if u < 0.028 + returns {
        RETURNED
    } else if u < 0.058 + returns {
        CANCELLED
    } else if age_days > 10 && dist::unit(rng) < 0.6 {
        COMPLETED
    } else {
        PAID
    };
    Order {
        ts,
        person,
        cents,
        status,
        category,
        quantity,
        channel,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people;

    #[test]
    fn calibrated_and_consistent() {
        let t = Timeline::default();
        let people = people::generate(11, 20_000, &t);
        let book = generate(&people, &t, 11, 110.0, 7.3);
        let per_customer = book.orders.len() as f64 / 20_000.0;
        assert!((6.9..7.7).contains(&per_customer), "{per_customer}");
        for (i, p) in people.iter().enumerate() {
            let orders = book.of(i);
            assert_eq!(orders.is_empty(), !p.buyer);
            assert!(orders.windows(2).all(|w| w[0].ts <= w[1].ts));
            if let Some(first) = orders.first() {
                assert_eq!(first.ts, p.first_order);
                assert!(p.signup <= first.ts);
            }
            assert!(orders.iter().all(|o| o.ts < END_SECS && o.cents >= 100));
        }
        let paid: Vec<f64> = book
            .orders
            .iter()
            .filter(|o| o.is_paid())
            .map(|o| o.cents as f64 / 100.0)
            .collect();
        let mean = paid.iter().sum::<f64>() / paid.len() as f64;
        assert!((170.0..240.0).contains(&mean), "AOV {mean}");
        let after_sales = book.orders.iter().filter(|o| !o.is_paid()).count() as f64;
        let share = after_sales / book.orders.len() as f64;
        assert!((0.06..0.10).contains(&share), "{share}");
    }
}
