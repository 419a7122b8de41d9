//! Lifetime totals from a customer summary (docs/product.md#customer-summary: one
//! row per customer with total spent, order count and, when the export has
//! them, first and last order dates). They stand in for the orders of
//! customers that have no order row; see `docs/ingest/summaries.md`.

use super::{CustomerIdx, Day};

/// One entry per customer a summary gave totals for, stored column by column.
/// A customer appears at most once.
///
/// The columns are private so that they always have the same length: entries
/// are only added by [`LifetimeTotals::push`] and removed by
/// [`LifetimeTotals::retain`]; [`LifetimeTotals::replace`] and the `set_…`
/// methods change one existing entry. Read them through the slice getters
/// named like the columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LifetimeTotals {
    /// The customer.
    customer: Vec<CustomerIdx>,
    /// Lifetime paid orders.
    orders: Vec<u32>,
    /// Lifetime spend in the file's currency (finite, ≥ 0).
    spent: Vec<f64>,
    /// First order date, when the summary has one.
    first_day: Vec<Option<Day>>,
    /// Last order date, when the summary has one.
    last_day: Vec<Option<Day>>,
}

impl LifetimeTotals {
    /// Number of entries.
    #[inline]
    pub fn len(&self) -> usize {
        self.customer.len()
    }

    /// True when no summary gave totals.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.customer.is_empty()
    }

    /// The customer of each entry.
    #[inline]
    pub fn customer(&self) -> &[CustomerIdx] {
        &self.customer
    }

    /// The lifetime paid orders of each entry.
    #[inline]
    pub fn orders(&self) -> &[u32] {
        &self.orders
    }

    /// The lifetime spend of each entry in the file's currency (finite, ≥ 0).
    #[inline]
    pub fn spent(&self) -> &[f64] {
        &self.spent
    }

    /// The first order date of each entry, when the summary has one.
    #[inline]
    pub fn first_day(&self) -> &[Option<Day>] {
        &self.first_day
    }

    /// The last order date of each entry, when the summary has one.
    #[inline]
    pub fn last_day(&self) -> &[Option<Day>] {
        &self.last_day
    }

    /// Appends one customer's totals.
    pub fn push(&mut self, customer: CustomerIdx, orders: u32, spent: f64, first: Option<Day>, last: Option<Day>) {
        self.customer.push(customer);
        self.orders.push(orders);
        self.spent.push(spent);
        self.first_day.push(first);
        self.last_day.push(last);
        let n = self.len();
        debug_assert!(
            self.orders.len() == n && self.spent.len() == n && self.first_day.len() == n && self.last_day.len() == n,
            "lifetime total columns of unequal length"
        );
    }

    /// Replaces the totals of entry `i`, keeping its customer (a fuller row
    /// for the same customer).
    ///
    /// # Panics
    /// When there is no entry `i`.
    pub fn replace(&mut self, i: usize, orders: u32, spent: f64, first: Option<Day>, last: Option<Day>) {
        self.orders[i] = orders;
        self.spent[i] = spent;
        self.first_day[i] = first;
        self.last_day[i] = last;
    }

    /// Sets the first order date of entry `i` (a re-read ambiguous date).
    ///
    /// # Panics
    /// When there is no entry `i`.
    pub fn set_first_day(&mut self, i: usize, day: Day) {
        self.first_day[i] = Some(day);
    }

    /// Sets the last order date of entry `i` (a re-read ambiguous date).
    ///
    /// # Panics
    /// When there is no entry `i`.
    pub fn set_last_day(&mut self, i: usize, day: Day) {
        self.last_day[i] = Some(day);
    }

    /// Entries with at least one order.
    pub fn buyers(&self) -> usize {
        self.orders.iter().filter(|&&n| n > 0).count()
    }

    /// The latest last-order date (else first-order date) of any entry.
    pub fn latest_day(&self) -> Option<Day> {
        self.last_day
            .iter()
            .zip(&self.first_day)
            .filter_map(|(last, first)| last.or(*first))
            .max()
    }

    /// The earliest first-order date (else last-order date) of any entry.
    pub fn earliest_day(&self) -> Option<Day> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn total_columns_stay_aligned() {
        let mut t = LifetimeTotals::default();
        t.push(4, 2, 30.0, Some(10), Some(20));
        t.push(5, 1, 5.0, None, None);
        t.push(6, 0, 0.0, None, Some(8));
        t.replace(1, 3, 12.5, None, Some(25));
        t.set_first_day(2, 7);
        t.set_last_day(0, 21);
        assert_eq!(t.retain(|c| c != 4), 1);
        assert_eq!(t.customer(), [5, 6]);
        assert_eq!(t.orders(), [3, 0]);
        assert_eq!(t.spent(), [12.5, 0.0]);
        assert_eq!(t.first_day(), [None, Some(7)]);
        assert_eq!(t.last_day(), [Some(25), Some(8)]);
        assert_eq!((t.earliest_day(), t.latest_day()), (Some(7), Some(25)));
        assert_eq!(t.buyers(), 1);
    }
}
