//! Behavioural events of registered customers: funnel-like journeys for those who never buy
//! (awareness, consideration or decision stage, or nothing at all), and browsing, carts,
//! reviews and after-sales requests around the orders of buyers.

use crate::dist::{self, Stream};
use crate::orders::{OrderBook, REFUNDED, RETURNED};
use crate::people::{Person, CATEGORY_WEIGHTS};
use crate::timeline::{Timeline, DAYS, DAY_SECS, END_SECS};
use rand_chacha::ChaCha8Rng;

/// Event types, in the order of [`crate::vocab::EVENT_TYPE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Viewed a page.
    PageView,
    /// Viewed a product.
    ProductView,
    /// Liked a post or product.
    Like,
    /// Wrote a comment or review.
    Comment,
    /// Shared a post or product.
    Share,
    /// Put a product in the cart.
    AddToCart,
    /// Compared products.
    Compare,
    /// Tried a product or sample.
    Trial,
    /// Asked a question before buying.
    Inquiry,
    /// Started checkout.
    CheckoutStarted,
    /// Claimed a coupon.
    CouponClaimed,
    /// Contacted customer service.
    ServiceRequest,
    /// Asked to return an order.
    ReturnRequest,
}

/// One event.
#[derive(Clone, Copy, Debug)]
pub struct Event {
    /// Moment in seconds since the window opened.
    pub ts: u32,
    /// Index of the customer in the population.
    pub person: u32,
    /// What happened.
    pub kind: Kind,
    /// Category index, `None` for events not about a product.
    pub category: Option<u8>,
}

/// Generates the events of all registered customers, sorted by time.
pub fn generate(people: &[Person], book: &OrderBook, timeline: &Timeline, seed: u64) -> Vec<Event> {
    let mut rng = dist::rng(seed, Stream::Events);
    let mut out = Vec::with_capacity(people.len() * 4);
    for (i, p) in people.iter().enumerate() {
        if p.guest {
            continue;
        }
        let mut journey = Journey {
            rng: &mut rng,
            out: &mut out,
            person: i as u32,
            favourite: p.favourite,
        };
        if p.buyer {
            journey.buyer(p, book, i, timeline);
        } else {
            journey.lead(p);
        }
    }
    out.sort_by_key(|e| e.ts);
    out
}

struct Journey<'a> {
    rng: &'a mut ChaCha8Rng,
    out: &'a mut Vec<Event>,
    person: u32,
    favourite: u8,
}

impl Journey<'_> {
    fn push(&mut self, ts: u32, kind: Kind, category: Option<u8>) {
        if ts < END_SECS {
            self.out.push(Event {
                ts,
                person: self.person,
                kind,
                category,
            });
        }
    }

    fn chance(&mut self, p: f64) -> bool {
        dist::unit(self.rng) < p
    }

    fn category(&mut self) -> u8 {
        if self.chance(0.7) {
            self.favourite
        } else {
            dist::pick(self.rng, &CATEGORY_WEIGHTS) as u8
        }
    }

    /// Seconds until the next step of a browsing journey: minutes, sometimes days.
    fn gap(&mut self) -> u32 {
        if self.chance(0.7) {
            dist::between(self.rng, 20, 1200)
        } else {
            dist::exponential(self.rng, 3.0 * f64::from(DAY_SECS)) as u32
        }
    }

    /// A journey of a customer who never bought, ending at a funnel stage.
    fn lead(&mut self, p: &Person) {
        let stage = dist::pick(self.rng, &[25.0, 35.0, 25.0, 15.0]);
        let mut ts = p.signup + dist::between(self.rng, 0, 600);
        let mut step = |j: &mut Self, kind: Kind, category: Option<u8>| {
            j.push(ts, kind, category);
            ts = ts.saturating_add(j.gap());
        };
        match stage {
            1 => {
                for _ in 0..dist::between(self.rng, 1, 3) {
                    let category = self.chance(0.6).then(|| self.category());
                    step(self, Kind::PageView, category);
                }
                for _ in 0..dist::between(self.rng, 0, 2) {
                    let category = Some(self.category());
                    step(self, Kind::ProductView, category);
                }
                if self.chance(0.2) {
                    let kind = if self.chance(0.5) { Kind::Like } else { Kind::Share };
                    let category = Some(self.category());
                    step(self, kind, category);
                }
            }
            2 => {
                step(self, Kind::PageView, None);
                let category = Some(self.category());
                for _ in 0..dist::between(self.rng, 3, 6) {
                    step(self, Kind::ProductView, category);
                }
                if self.chance(0.5) {
                    let kinds = [Kind::Compare, Kind::Trial, Kind::Inquiry, Kind::AddToCart];
                    let kind = kinds[dist::between(self.rng, 0, 3) as usize];
                    step(self, kind, category);
                }
            }
            3 => {
                step(self, Kind::PageView, None);
                let category = Some(self.category());
                for _ in 0..dist::between(self.rng, 2, 4) {
                    step(self, Kind::ProductView, category);
                }
                step(self, Kind::AddToCart, category);
                if self.chance(0.6) {
                    step(self, Kind::CheckoutStarted, category);
                }
                if self.chance(0.5) {
                    step(self, Kind::CouponClaimed, category);
                }
            }
            _ => {}
        }
    }

    /// Events around the orders of a buyer.
    fn buyer(&mut self, p: &Person, book: &OrderBook, i: usize, timeline: &Timeline) {
        let orders = book.of(i);
        if self.chance(0.6) && p.signup < p.first_order {
            self.push(p.signup, Kind::PageView, None);
        }
        for o in orders {
            let category = Some(o.category);
            if self.chance(0.1) {
                let mut ts = o.ts;
                let mut before = |j: &mut Self, kind: Kind| {
                    ts = ts.saturating_sub(dist::between(j.rng, 30, 900)).max(p.signup);
                    j.push(ts, kind, category);
                };
                if self.chance(0.3) {
                    before(self, Kind::CheckoutStarted);
                }
                if self.chance(0.5) {
                    before(self, Kind::AddToCart);
                }
                if self.chance(0.15) {
                    let kinds = [Kind::Compare, Kind::Trial, Kind::Inquiry];
                    let kind = kinds[dist::between(self.rng, 0, 2) as usize];
                    before(self, kind);
                }
                for _ in 0..dist::between(self.rng, 1, 2) {
                    before(self, Kind::ProductView);
                }
            }
            if self.chance(0.02) {
                let ts = o.ts.saturating_sub(dist::between(self.rng, 600, DAY_SECS));
                self.push(ts.max(p.signup), Kind::CouponClaimed, category);
            }
            let after = o.ts + dist::between(self.rng, DAY_SECS, 10 * DAY_SECS);
            let u = dist::unit(self.rng);
            if u < 0.03 {
                self.push(after, Kind::Comment, category);
            } else if u < 0.045 {
                self.push(after, Kind::Like, category);
            } else if u < 0.06 {
                self.push(after, Kind::Share, category);
            } else if u < 0.07 {
                self.push(after, Kind::ServiceRequest, None);
            }
            if (o.status == REFUNDED || o.status == RETURNED) && self.chance(0.85) {
                let ts = o.ts + dist::between(self.rng, 3600, 7 * DAY_SECS);
                self.push(ts, Kind::ReturnRequest, category);
            }
        }
        if p.last_day + 30 >= DAYS && self.chance(0.5) {
            let from = (DAYS - 30).max(p.signup / DAY_SECS);
            for _ in 0..dist::between(self.rng, 1, 3) {
                let ts = timeline.sample_moment(self.rng, from, DAYS - 1).max(p.signup);
                let kind = if self.chance(0.5) {
                    Kind::PageView
                } else {
                    Kind::ProductView
                };
                let category = Some(self.category());
                self.push(ts, kind, category);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{orders, people};

    #[test]
    fn events_follow_signup_and_fit_the_window() {
        let t = Timeline::default();
        let people = people::generate(2, 3000, &t);
        let book = orders::generate(&people, &t, 2, 110.0, 7.3);
        let events = generate(&people, &book, &t, 2);
        let per_customer = events.len() as f64 / 3000.0;
        assert!((3.0..5.0).contains(&per_customer), "{per_customer}");
        assert!(events.windows(2).all(|w| w[0].ts <= w[1].ts));
        for e in &events {
            let p = &people[e.person as usize];
            assert!(!p.guest && e.ts >= p.signup && e.ts < END_SECS);
        }
    }
}
