//! Turns orders into the rows of orders.csv, sorted by time, and with `--dirty` gives about
//! 2.6 % of them a flaw: extra rows that must be rejected (blank customer id, garbage date,
//! garbage amount), exact duplicates, and kept rows that are merely awkward (currency symbols and
//! thousands separators, padding whitespace, quoted fields with the delimiter and a line break,
//! foreign currencies, paid rows with a negative amount).

use crate::dist::{self, Stream};
use crate::orders::{Order, OrderBook};
use crate::timeline::END_SECS;
use crate::vocab::{BAD_AMOUNTS, BAD_DATES, CURRENCY};

/// What is wrong with a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flaw {
    /// A clean row.
    None,
    /// Blank customer id (only spaces when `spaces`); rejected.
    MissingKey {
        /// Whether the blank is made of spaces.
        spaces: bool,
    },
    /// Garbage date, index into [`BAD_DATES`]; rejected.
    BadDate(u8),
    /// Garbage amount, index into [`BAD_AMOUNTS`]; rejected.
    BadAmount(u8),
    /// Written twice in a row; the copy is removed as a duplicate.
    Duplicate,
    /// Amount with a currency symbol, code or thousands separators (shape 0–3); kept.
    Decorated(u8),
    /// Spaces around the customer id, amount, status and category; kept.
    Padded,
    /// Category field with the delimiter and a line break inside quotes; kept.
    Multiline,
    /// Paid row with a negative amount, as `(12.00)` when `parens` or else `-12.00`; kept as a
    /// refund.
    Negative {
        /// Whether the amount is written in accounting parentheses.
        parens: bool,
    },
}

/// Why a row is rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Blank customer id.
    MissingKey,
    /// Date that cannot be read.
    BadDate,
    /// Amount that cannot be read.
    BadAmount,
}

impl Flaw {
    /// Why a row with this flaw is rejected, if it is.
    pub fn rejection(self) -> Option<Reason> {
        match self {
            Flaw::MissingKey { .. } => Some(Reason::MissingKey),
            Flaw::BadDate(_) => Some(Reason::BadDate),
            Flaw::BadAmount(_) => Some(Reason::BadAmount),
            _ => None,
        }
    }
}

/// One logical record of orders.csv (a [`Flaw::Duplicate`] record is written twice).
#[derive(Clone, Copy, Debug)]
pub struct Row {
    /// The order (with a negated amount for [`Flaw::Negative`]).
    pub order: Order,
    /// Its flaw.
    pub flaw: Flaw,
    /// Currency index into [`CURRENCY`].
    pub currency: u8,
}

/// The rows of orders.csv in time order; `currency` is the usual currency index.
pub fn export_rows(book: &OrderBook, seed: u64, dirty: bool, currency: u8) -> Vec<Row> {
    let mut rng = dist::rng(seed, Stream::Dirty);
    let mut rows = Vec::with_capacity(book.orders.len() + book.orders.len() / 50);
    for o in &book.orders {
        let mut row = Row {
            order: *o,
            flaw: Flaw::None,
            currency,
        };
        let mut extra = None;
        if dirty {
            let u = dist::unit(&mut rng);
            if u < 0.0095 {
                extra = Some(if u < 0.0035 {
                    Flaw::MissingKey {
                        spaces: dist::unit(&mut rng) < 0.3,
                    }
                } else if u < 0.0065 {
                    Flaw::BadDate(dist::between(&mut rng, 0, BAD_DATES.len() as u32 - 1) as u8)
                } else {
                    Flaw::BadAmount(dist::between(&mut rng, 0, BAD_AMOUNTS.len() as u32 - 1) as u8)
                });
            } else if u < 0.0135 {
                row.flaw = Flaw::Duplicate;
            } else if u < 0.0195 {
                row.flaw = Flaw::Decorated(dist::between(&mut rng, 0, 3) as u8);
            } else if u < 0.0225 {
                row.flaw = Flaw::Padded;
            } else if u < 0.0235 {
                row.flaw = Flaw::Multiline;
            } else if u < 0.0245 {
                let k = dist::between(&mut rng, 0, CURRENCY.len() as u32 - 2) as u8;
                row.currency = if k >= currency { k + 1 } else { k };
            } else if u < 0.0265 && o.is_paid() {
                row.flaw = Flaw::Negative {
                    parens: dist::unit(&mut rng) < 0.5,
                };
                row.order.cents = -row.order.cents;
            }
        }
        rows.push(row);
        if let Some(flaw) = extra {
            let mut order = *o;
            order.ts = (o.ts + dist::between(&mut rng, 1, 900)).min(END_SECS - 1);
            rows.push(Row { order, flaw, currency });
        }
    }
    rows.sort_by_key(|r| r.order.ts);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orders::{PAID, REFUNDED};

    fn book(n: usize) -> OrderBook {
        let orders: Vec<Order> = (0..n)
            .map(|k| Order {
                ts: (n - k) as u32 * 60,
                person: k as u32 % 97,
                cents: 1000 + k as i64,
                status: if k % 10 == 0 { REFUNDED } else { PAID },
                category: 0,
                quantity: 1,
                channel: 0,
            })
            .collect();
        OrderBook {
            starts: vec![0, n],
            paid_cents: vec![0],
            orders,
        }
    }

    #[test]
    fn clean_rows_are_the_orders_in_time_order() {
        let rows = export_rows(&book(1000), 1, false, 1);
        assert_eq!(rows.len(), 1000);
        assert!(rows.iter().all(|r| r.flaw == Flaw::None && r.currency == 1));
        assert!(rows.windows(2).all(|w| w[0].order.ts <= w[1].order.ts));
    }

    #[test]
    fn dirty_share_and_negatives() {
        let n = 100_000;
        let rows = export_rows(&book(n), 1, true, 0);
        let flawed = rows.iter().filter(|r| r.flaw != Flaw::None || r.currency != 0);
        let share = flawed.count() as f64 / n as f64;
        assert!((0.01..0.03).contains(&share), "{share}");
        let rejected = rows.iter().filter(|r| r.flaw.rejection().is_some()).count();
        assert_eq!(rows.len(), n + rejected);
        for r in &rows {
            let negative = matches!(r.flaw, Flaw::Negative { .. });
            assert_eq!(negative, r.order.cents < 0);
            assert!(!negative || r.order.is_paid());
        }
    }
}
