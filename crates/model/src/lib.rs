//! Segscope's data model: the cleaned, columnar dataset that every analysis
//! reads, with the day and money helpers and the progress stages every crate
//! shares.
//!
//! Days are counted as [`Day`]: whole days since 1970-01-01 (negative before).

use serde::{Deserialize, Serialize};

mod contacts;
mod customer_ix;
pub mod date;
mod events;
pub mod format;
mod lifetime;
pub mod money;
mod profile;
pub mod progress;
mod survey;

pub use contacts::{ContactField, Contacts};
pub use customer_ix::CustomerIx;
pub use events::{EventKind, Events};
pub use lifetime::LifetimeTotals;
pub use profile::{Gender, Profiles};
pub use survey::{Answer, AnswerColumn, Question, QuestionKind, Survey};

/// Whole days since 1970-01-01 (the Unix epoch), in the shop's local calendar.
pub type Day = i32;

/// Dense index of a customer in [`Customers`].
pub type CustomerIdx = u32;

/// Index into [`Dataset::categories`]; [`NO_CATEGORY`] when the order has none.
pub type CategoryIdx = u16;

/// The [`CategoryIdx`] of an order without a category.
pub const NO_CATEGORY: CategoryIdx = CategoryIdx::MAX;

/// What happened to an order, as far as value metrics care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderStatus {
    /// Paid and kept: counts towards value metrics.
    Paid,
    /// Refunded or returned after payment: after-sales behaviour, not value.
    Refunded,
    /// Cancelled before fulfilment (UCI invoices starting with `C` too).
    Cancelled,
}

impl OrderStatus {
    /// True when the order counts towards revenue, frequency and recency.
    pub fn is_paid(self) -> bool {
        self == OrderStatus::Paid
    }
}

/// Orders, one entry per kept order row, stored column by column.
///
/// The columns are private so that they always have the same length: rows
/// are only added by [`Orders::push`] and [`Orders::push_with_category`],
/// removed by [`Orders::retain`], and the `set_…` methods change one field of
/// one existing order. Read them through the slice getters named like the
/// columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Orders {
    /// The customer who placed each order.
    customer: Vec<CustomerIdx>,
    /// The order date.
    day: Vec<Day>,
    /// The order amount in the file's currency (always ≥ 0; sign is folded into status).
    amount: Vec<f64>,
    /// Paid, refunded or cancelled.
    status: Vec<OrderStatus>,
    /// The product category of the order (of its first line).
    category: Vec<CategoryIdx>,
}

impl Orders {
    /// Number of orders.
    #[inline]
    pub fn len(&self) -> usize {
        self.customer.len()
    }

    /// True when there are no orders.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.customer.is_empty()
    }

    /// The customer who placed each order.
    #[inline]
    pub fn customer(&self) -> &[CustomerIdx] {
        &self.customer
    }

    /// The date of each order.
    #[inline]
    pub fn day(&self) -> &[Day] {
        &self.day
    }

    /// The amount of each order in the file's currency (always ≥ 0; the sign
    /// is folded into [`Orders::status`]).
    #[inline]
    pub fn amount(&self) -> &[f64] {
        &self.amount
    }

    /// Whether each order is paid, refunded or cancelled.
    #[inline]
    pub fn status(&self) -> &[OrderStatus] {
        &self.status
    }

    /// The product category of each order (of its first line), indexing
    /// [`Dataset::categories`]; [`NO_CATEGORY`] when it has none.
    #[inline]
    pub fn category(&self) -> &[CategoryIdx] {
        &self.category
    }

    /// Makes room for `additional` more orders in every column at once.
    pub fn reserve(&mut self, additional: usize) {
        self.customer.reserve(additional);
        self.day.reserve(additional);
        self.amount.reserve(additional);
        self.status.reserve(additional);
        self.category.reserve(additional);
    }

    /// Appends one order without a category.
    pub fn push(&mut self, customer: CustomerIdx, day: Day, amount: f64, status: OrderStatus) {
        self.push_with_category(customer, day, amount, status, NO_CATEGORY);
    }

    /// Appends one order with a category ([`NO_CATEGORY`] for none).
    pub fn push_with_category(
        &mut self,
        customer: CustomerIdx,
        day: Day,
        amount: f64,
        status: OrderStatus,
        category: CategoryIdx,
    ) {
        self.customer.push(customer);
        self.day.push(day);
        self.amount.push(amount);
        self.status.push(status);
        self.category.push(category);
        self.debug_check_lengths();
    }

    /// Moves order `i` to another date (a re-read ambiguous date).
    ///
    /// # Panics
    /// When there is no order `i`.
    pub fn set_day(&mut self, i: usize, day: Day) {
        self.day[i] = day;
    }

    /// Replaces the amount of order `i` (a partial refund, a joined amount).
    ///
    /// # Panics
    /// When there is no order `i`.
    pub fn set_amount(&mut self, i: usize, amount: f64) {
        self.amount[i] = amount;
    }

    /// Adds `amount` to the amount of order `i` (one more line of the order,
    /// or an order-details row of it).
    ///
    /// # Panics
    /// When there is no order `i`.
    pub fn add_to_amount(&mut self, i: usize, amount: f64) {
        self.amount[i] += amount;
    }

    /// Changes the status of order `i` (a refund folded into the order).
    ///
    /// # Panics
    /// When there is no order `i`.
    pub fn set_status(&mut self, i: usize, status: OrderStatus) {
        self.status[i] = status;
    }

    /// Gives order `i` a category ([`NO_CATEGORY`] for none).
    ///
    /// # Panics
    /// When there is no order `i`.
    pub fn set_category(&mut self, i: usize, category: CategoryIdx) {
        self.category[i] = category;
    }

    /// Gives the last pushed order a category; does nothing when there are
    /// no orders.
    pub fn set_last_category(&mut self, category: CategoryIdx) {
        if let Some(slot) = self.category.last_mut() {
            *slot = category;
        }
    }

    /// Keeps the orders whose flag in `keep` is set, in their order; orders
    /// past the end of `keep` are kept.
    pub fn retain(&mut self, keep: &[bool]) {
        fn column<T>(column: &mut Vec<T>, keep: &[bool]) {
            let mut flags = keep.iter();
            column.retain(|_| flags.next().copied().unwrap_or(true));
        }
        column(&mut self.customer, keep);
        column(&mut self.day, keep);
        column(&mut self.amount, keep);
        column(&mut self.status, keep);
        column(&mut self.category, keep);
        self.debug_check_lengths();
    }

    /// Checks, in debug builds, that every column has one entry per order.
    #[inline]
    fn debug_check_lengths(&self) {
        let n = self.customer.len();
        debug_assert!(
            self.day.len() == n && self.amount.len() == n && self.status.len() == n && self.category.len() == n,
            "order columns of unequal length"
        );
    }
}

/// Customers, one entry per distinct customer key, stored column by column.
///
/// The columns are private so that they always have the same length:
/// customers are only added by [`Customers::push`] (or made by
/// [`Customers::with_keys`]), and the `set_…` methods change one attribute of
/// one existing customer. Read them through the slice getters named like the
/// columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Customers {
    /// The customer key as it appears in the files (id, or normalised email/phone).
    key: Vec<String>,
    /// Index into [`Dataset::sources`] of the acquisition source, if known.
    source: Vec<Option<u16>>,
    /// Signup date, if known.
    signup: Vec<Option<Day>>,
    /// Loyalty points balance from a customers file, if known.
    points: Vec<Option<f64>>,
    /// Contact details (from any file) and demographics (from a customers file).
    profile: Profiles,
}

impl Customers {
    /// Customers with these keys and no attributes yet.
    pub fn with_keys(key: Vec<String>) -> Self {
        let n = key.len();
        Customers {
            key,
            source: vec![None; n],
            signup: vec![None; n],
            points: vec![None; n],
            profile: Profiles::empty(n),
        }
    }

    /// The same customers with these sources, one per customer (missing
    /// entries are `None`, extra ones dropped, so the columns stay equal).
    pub fn with_sources(mut self, source: Vec<Option<u16>>) -> Self {
        self.source = fitted(source, self.key.len());
        self
    }

    /// The same customers with these signup days (fitted as in [`Self::with_sources`]).
    pub fn with_signups(mut self, signup: Vec<Option<Day>>) -> Self {
        self.signup = fitted(signup, self.key.len());
        self
    }

    /// The same customers with these points balances (fitted as in [`Self::with_sources`]).
    pub fn with_points(mut self, points: Vec<Option<f64>>) -> Self {
        self.points = fitted(points, self.key.len());
        self
    }

    /// Adds a customer keyed by `key`, with no attributes yet; its index.
    pub fn push(&mut self, key: String) -> CustomerIdx {
        let idx = CustomerIdx::try_from(self.key.len()).unwrap_or(CustomerIdx::MAX);
        self.key.push(key);
        self.source.push(None);
        self.signup.push(None);
        self.points.push(None);
        self.profile.push_empty();
        debug_assert!(self.source.len() == self.key.len() && self.points.len() == self.key.len());
        idx
    }

    /// Number of customers.
    pub fn len(&self) -> usize {
        self.key.len()
    }

    /// True when there are no customers.
    pub fn is_empty(&self) -> bool {
        self.key.is_empty()
    }

    /// Each customer's key as it appears in the files.
    pub fn key(&self) -> &[String] {
        &self.key
    }

    /// Each customer's acquisition source (index into [`Dataset::sources`]).
    pub fn source(&self) -> &[Option<u16>] {
        &self.source
    }

    /// Each customer's signup day.
    pub fn signup(&self) -> &[Option<Day>] {
        &self.signup
    }

    /// Each customer's points balance from a customers file.
    pub fn points(&self) -> &[Option<f64>] {
        &self.points
    }

    /// Contact details and demographics.
    pub fn profile(&self) -> &Profiles {
        &self.profile
    }

    /// Contact details and demographics, to fill in (their own setters keep
    /// their lengths).
    pub fn profile_mut(&mut self) -> &mut Profiles {
        &mut self.profile
    }

    /// Renames customer `i` (a person key or id found later); no-op out of range.
    pub fn set_key(&mut self, i: usize, key: String) {
        if let Some(slot) = self.key.get_mut(i) {
            *slot = key;
        }
    }

    /// Sets customer `i`'s source; no-op out of range.
    pub fn set_source(&mut self, i: usize, source: Option<u16>) {
        if let Some(slot) = self.source.get_mut(i) {
            *slot = source;
        }
    }

    /// Sets customer `i`'s signup day; no-op out of range.
    pub fn set_signup(&mut self, i: usize, signup: Option<Day>) {
        if let Some(slot) = self.signup.get_mut(i) {
            *slot = signup;
        }
    }

    /// Sets customer `i`'s points balance; no-op out of range.
    pub fn set_points(&mut self, i: usize, points: Option<f64>) {
        if let Some(slot) = self.points.get_mut(i) {
            *slot = points;
        }
    }
}

/// `column` cut or padded with `None` to `n` entries.
fn fitted<T: Clone>(mut column: Vec<Option<T>>, n: usize) -> Vec<Option<T>> {
    column.resize(n, None);
    column
}

/// Everything analysis needs, after parsing and cleaning.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    /// All customers seen in any file.
    pub customers: Customers,
    /// All kept orders.
    pub orders: Orders,
    /// All kept events.
    pub events: Events,
    /// Lifetime totals from customer summaries, for the customers that have
    /// no order row (orders win: see `docs/ingest/summaries.md`).
    pub totals: LifetimeTotals,
    /// Distinct acquisition source names, indexed by [`Customers::source`].
    pub sources: Vec<String>,
    /// Distinct product category names, indexed by [`Orders::category`] and [`Events::category`].
    pub categories: Vec<String>,
    /// Distinct occupations, indexed by [`Profiles::occupation`].
    pub occupations: Vec<String>,
    /// Distinct regions, indexed by [`Profiles::region`].
    pub regions: Vec<String>,
    /// Survey exports read, with each response linked to a customer where
    /// one matches (docs/product.md#surveys-and-feedback).
    pub surveys: Vec<Survey>,
}

impl Dataset {
    /// The latest order date, if there is any order: of the order rows and
    /// of the customer summaries' last-order dates.
    pub fn last_order_day(&self) -> Option<Day> {
        self.orders.day().iter().copied().max().max(self.totals.latest_day())
    }

    /// True when some customer bought: an order row of any status, or a
    /// customer summary's total of at least one order.
    pub fn has_orders(&self) -> bool {
        !self.orders.is_empty() || self.totals.buyers() > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_columns_stay_aligned() {
        let mut o = Orders::default();
        o.set_last_category(3);
        assert!(o.is_empty());
        o.push(0, 10, 5.0, OrderStatus::Paid);
        o.push_with_category(1, 11, 6.0, OrderStatus::Cancelled, 2);
        o.push(2, 12, 7.0, OrderStatus::Paid);
        o.set_last_category(1);
        o.set_category(0, 0);
        o.add_to_amount(0, 1.5);
        o.set_status(2, OrderStatus::Refunded);
        o.set_day(1, 9);
        o.retain(&[true, false]);
        assert_eq!(o.len(), 2);
        assert_eq!(o.customer(), [0, 2]);
        assert_eq!(o.day(), [10, 12]);
        assert_eq!(o.amount(), [6.5, 7.0]);
        assert_eq!(o.status(), [OrderStatus::Paid, OrderStatus::Refunded]);
        assert_eq!(o.category(), [0, 1]);
        o.set_amount(1, 2.0);
        assert_eq!(o.amount(), [6.5, 2.0]);
    }
}
