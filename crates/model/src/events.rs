//! Behavioural events (views, carts, coupons …), stored column by column.

use super::{CategoryIdx, CustomerIdx, Day, NO_CATEGORY};
use serde::{Deserialize, Serialize};

/// What a customer did, from an events file's type column (docs/product.md#inputs, docs/product.md#lead-stages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Visited or viewed a page, opened the app, logged in.
    PageView,
    /// Viewed a product's page.
    ProductView,
    /// Liked, favourited or collected something.
    Like,
    /// Commented or reviewed.
    Comment,
    /// Shared or forwarded.
    Share,
    /// Put a product in the cart.
    AddToCart,
    /// Compared products.
    Compare,
    /// Tried a product or claimed a sample.
    Trial,
    /// Asked a question before buying.
    Inquiry,
    /// Started checkout (or placed an order not yet paid).
    CheckoutStarted,
    /// Claimed a coupon.
    CouponClaimed,
    /// Contacted customer service.
    ServiceRequest,
    /// Asked to return or refund.
    ReturnRequest,
    /// Paid (an order event in an events file).
    Purchase,
    /// Any other event type.
    Other,
}

impl EventKind {
    /// Every kind, in display order.
    pub const ALL: [EventKind; 15] = [
        EventKind::PageView,
        EventKind::ProductView,
        EventKind::Like,
        EventKind::Comment,
        EventKind::Share,
        EventKind::AddToCart,
        EventKind::Compare,
        EventKind::Trial,
        EventKind::Inquiry,
        EventKind::CheckoutStarted,
        EventKind::CouponClaimed,
        EventKind::ServiceRequest,
        EventKind::ReturnRequest,
        EventKind::Purchase,
        EventKind::Other,
    ];

    /// Position in [`EventKind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The snake_case English name (as in settings JSON and exports).
    pub fn english_name(self) -> &'static str {
        self.i18n_key().trim_start_matches("event.")
    }

    /// The i18n key of the kind's display name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            EventKind::PageView => "event.page_view",
            EventKind::ProductView => "event.product_view",
            EventKind::Like => "event.like",
            EventKind::Comment => "event.comment",
            EventKind::Share => "event.share",
            EventKind::AddToCart => "event.add_to_cart",
            EventKind::Compare => "event.compare",
            EventKind::Trial => "event.trial",
            EventKind::Inquiry => "event.inquiry",
            EventKind::CheckoutStarted => "event.checkout_started",
            EventKind::CouponClaimed => "event.coupon_claimed",
            EventKind::ServiceRequest => "event.service_request",
            EventKind::ReturnRequest => "event.return_request",
            EventKind::Purchase => "event.purchase",
            EventKind::Other => "event.other",
        }
    }

    /// True for looking at things: page and product views (what "browsed" means).
    pub fn is_browse(self) -> bool {
        matches!(self, EventKind::PageView | EventKind::ProductView)
    }
}

/// Kept events, one entry per event row, stored column by column.
///
/// The columns are private so that they always have the same length: rows
/// are only added by [`Events::push`] and [`Events::push_with_category`],
/// and [`Events::set_day`] changes the date of one existing event. Read them
/// through the slice getters named like the columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Events {
    /// Who did it.
    customer: Vec<CustomerIdx>,
    /// When.
    day: Vec<Day>,
    /// What.
    kind: Vec<EventKind>,
    /// About which product category ([`NO_CATEGORY`] when none).
    category: Vec<CategoryIdx>,
}

impl Events {
    /// Number of events.
    #[inline]
    pub fn len(&self) -> usize {
        self.customer.len()
    }

    /// True when there are no events.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.customer.is_empty()
    }

    /// The customer who did each event.
    #[inline]
    pub fn customer(&self) -> &[CustomerIdx] {
        &self.customer
    }

    /// The date of each event.
    #[inline]
    pub fn day(&self) -> &[Day] {
        &self.day
    }

    /// What each event was.
    #[inline]
    pub fn kind(&self) -> &[EventKind] {
        &self.kind
    }

    /// The product category each event was about, indexing
    /// [`Dataset::categories`](crate::Dataset::categories); [`NO_CATEGORY`]
    /// when none.
    #[inline]
    pub fn category(&self) -> &[CategoryIdx] {
        &self.category
    }

    /// Appends one event without a category.
    pub fn push(&mut self, customer: CustomerIdx, day: Day, kind: EventKind) {
        self.push_with_category(customer, day, kind, NO_CATEGORY);
    }

    /// Appends one event with a category ([`NO_CATEGORY`] for none).
    pub fn push_with_category(&mut self, customer: CustomerIdx, day: Day, kind: EventKind, category: CategoryIdx) {
        self.customer.push(customer);
        self.day.push(day);
        self.kind.push(kind);
        self.category.push(category);
        debug_assert!(
            self.day.len() == self.len() && self.kind.len() == self.len() && self.category.len() == self.len(),
            "event columns of unequal length"
        );
    }

    /// Moves event `i` to another date (a re-read ambiguous date).
    ///
    /// # Panics
    /// When there is no event `i`.
    pub fn set_day(&mut self, i: usize, day: Day) {
        self.day[i] = day;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_columns_stay_aligned() {
        let mut e = Events::default();
        assert!(e.is_empty());
        e.push(0, 10, EventKind::Like);
        e.push_with_category(1, 11, EventKind::Share, 3);
        e.set_day(1, 9);
        assert_eq!(e.len(), 2);
        assert_eq!(e.customer(), [0, 1]);
        assert_eq!(e.day(), [10, 9]);
        assert_eq!(e.kind(), [EventKind::Like, EventKind::Share]);
        assert_eq!(e.category(), [NO_CATEGORY, 3]);
    }

    #[test]
    fn names_follow_the_order_of_all() {
        for (i, kind) in EventKind::ALL.iter().enumerate() {
            assert_eq!(kind.index(), i);
            let json = serde_json::to_string(kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.english_name()));
        }
    }
}
