//! Segscope's data model: the cleaned, columnar dataset that every analysis
//! reads, with the day and money helpers and the progress stages every crate
//! shares.
//!
//! Days are counted as [`Day`]: whole days since 1970-01-01 (negative before).

use serde::{Deserialize, Serialize};

mod customer_ix;
pub mod date;
mod events;
pub mod format;
mod lifetime;
mod profile;
pub mod progress;

pub use customer_ix::CustomerIx;
pub use events::{EventKind, Events};
pub use lifetime::LifetimeTotals;
pub use profile::{Gender, Profiles};

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
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Orders {
    /// The customer who placed each order.
    pub customer: Vec<CustomerIdx>,
    /// The order date.
    pub day: Vec<Day>,
    /// The order amount in the file's currency (always ≥ 0; sign is folded into status).
    pub amount: Vec<f64>,
    /// Paid, refunded or cancelled.
    pub status: Vec<OrderStatus>,
    /// The product category of the order (of its first line).
    pub category: Vec<CategoryIdx>,
}

impl Orders {
    /// Number of orders.
    pub fn len(&self) -> usize {
        self.customer.len()
    }

    /// True when there are no orders.
    pub fn is_empty(&self) -> bool {
        self.customer.is_empty()
    }

    /// Appends one order without a category.
    pub fn push(&mut self, customer: CustomerIdx, day: Day, amount: f64, status: OrderStatus) {
        self.customer.push(customer);
        self.day.push(day);
        self.amount.push(amount);
        self.status.push(status);
        self.category.push(NO_CATEGORY);
    }
}

/// Customers, one entry per distinct customer key, stored column by column.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Customers {
    /// The customer key as it appears in the files (id, or normalised email/phone).
    pub key: Vec<String>,
    /// Index into [`Dataset::sources`] of the acquisition source, if known.
    pub source: Vec<Option<u16>>,
    /// Signup date, if known.
    pub signup: Vec<Option<Day>>,
    /// Loyalty points balance from a customers file, if known.
    pub points: Vec<Option<f64>>,
    /// Contact details and demographics from a customers file.
    pub profile: Profiles,
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

    /// Number of customers.
    pub fn len(&self) -> usize {
        self.key.len()
    }

    /// True when there are no customers.
    pub fn is_empty(&self) -> bool {
        self.key.is_empty()
    }
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
}

impl Dataset {
    /// The latest order date, if there is any order: of the order rows and
    /// of the customer summaries' last-order dates.
    pub fn last_order_day(&self) -> Option<Day> {
        self.orders.day.iter().copied().max().max(self.totals.last_day())
    }

    /// True when some customer bought: an order row of any status, or a
    /// customer summary's total of at least one order.
    pub fn has_orders(&self) -> bool {
        !self.orders.is_empty() || self.totals.buyers() > 0
    }
}
