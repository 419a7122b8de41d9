//! Lifetime totals from a customer summary (docs/product.md#customer-summary: one
//! row per customer with total spent, order count and, when the export has
//! them, first and last order dates). They stand in for the orders of
//! customers that have no order row; see `docs/ingest/summaries.md`.

use super::{CustomerIdx, Day};

/// One entry per customer a summary gave totals for, stored column by column.
/// A customer appears at most once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LifetimeTotals {
    /// The customer.
    pub customer: Vec<CustomerIdx>,
    /// Lifetime paid orders.
    pub orders: Vec<u32>,
    /// Lifetime spend in the file's currency (finite, ≥ 0).
    pub spent: Vec<f64>,
    /// First order date, when the summary has one.
    pub first_day: Vec<Option<Day>>,
    /// Last order date, when the summary has one.
    pub last_day: Vec<Option<Day>>,
}

impl LifetimeTotals {
    /// Number of entries.
    pub fn len(&self) -> usize {
        self.customer.len()
    }

    /// True when no summary gave totals.
    pub fn is_empty(&self) -> bool {
        self.customer.is_empty()
    }

    /// Appends one customer's totals.
    pub fn push(&mut self, customer: CustomerIdx, orders: u32, spent: f64, first: Option<Day>, last: Option<Day>) {
        self.customer.push(customer);
        self.orders.push(orders);
        self.spent.push(spent);
        self.first_day.push(first);
        self.last_day.push(last);
    }

    /// Entries with at least one order.
    pub fn buyers(&self) -> usize {
        self.orders.iter().filter(|&&n| n > 0).count()
    }

    /// The latest last-order date (else first-order date) of any entry.
    pub fn last_day(&self) -> Option<Day> {
        self.last_day
            .iter()
            .zip(&self.first_day)
            .filter_map(|(last, first)| last.or(*first))
            .max()
    }

    /// The earliest first-order date (else last-order date) of any entry.
    pub fn first_day(&self) -> Option<Day> {
        self.first_day
            .iter()
            .zip(&self.last_day)
            .filter_map(|(first, last)| first.or(*last))
            .min()
    }

    /// Keeps only the entries whose customer `keep` accepts; returns how
    /// many were dropped.
    pub fn retain(&mut self, keep: impl Fn(CustomerIdx) -> bool) -> usize {
        let before = self.len();
        let mut kept = LifetimeTotals::default();
        for i in 0..before {
            if keep(self.customer[i]) {
                kept.push(
                    self.customer[i],
                    self.orders[i],
                    self.spent[i],
                    self.first_day[i],
                    self.last_day[i],
                );
            }
        }
        *self = kept;
        before - self.len()
    }
}
