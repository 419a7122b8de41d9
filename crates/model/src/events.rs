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

/// Kept events, one entry per event row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Events {
    /// Who did it.
    pub customer: Vec<CustomerIdx>,
    /// When.
    pub day: Vec<Day>,
    /// What.
    pub kind: Vec<EventKind>,
    /// About which product category ([`NO_CATEGORY`] when none).
    pub category: Vec<CategoryIdx>,
}

impl Events {
    /// Number of events.
    pub fn len(&self) -> usize {
        self.customer.len()
    }

    /// True when there are no events.
    pub fn is_empty(&self) -> bool {
        self.customer.is_empty()
    }

    /// Appends one event without a category.
    pub fn push(&mut self, customer: CustomerIdx, day: Day, kind: EventKind) {
        self.customer.push(customer);
        self.day.push(day);
        self.kind.push(kind);
        self.category.push(NO_CATEGORY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_order_of_all() {
        for (i, kind) in EventKind::ALL.iter().enumerate() {
            assert_eq!(kind.index(), i);
            let json = serde_json::to_string(kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.english_name()));
        }
    }
}
