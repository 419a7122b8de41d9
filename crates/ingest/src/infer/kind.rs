//! The kind of a file from evidence: headers and values together, with a
//! finding when the file is not one of the tables the app reads
//! (docs/ingest/roles.md#file-kind).

use super::fit::contradicts;
use super::profile::ColumnProfile;
use super::survey::looks_like_survey;
use crate::schema::{header_score, FileKind, Role};
use serde::{Deserialize, Serialize};

/// What a file that the app cannot analyse looks like; the mapping step says
/// it in one sentence, with what the app needs instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Finding {
    /// Orders without a buyer column: no customer id, e-mail or phone.
    NoBuyerColumn,
    /// A product or price list: prices, no dates, no buyers.
    ProductList,
    /// None of the app's tables: no buyer, no order, no event column.
    Unrecognised,
}

impl Finding {
    /// The i18n key of the finding's sentence.
    pub fn i18n_key(self) -> &'static str {
        match self {
            Finding::NoBuyerColumn => "finding.no_buyer_column",
            Finding::ProductList => "finding.product_list",
            Finding::Unrecognised => "finding.unrecognised",
        }
    }
}

/// A file's kind, and what it looks like when it is none of the app's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classification {
    /// The kind to read it as ([`FileKind::Ignored`] when it cannot be read).
    pub kind: FileKind,
    /// Why it cannot be analysed as it is, if so.
    pub finding: Option<Finding>,
}

/// Classifies a file from its headers and the profiles of its columns
/// (`profiles` may be empty: headers alone then decide).
pub fn classify(headers: &[String], profiles: &[ColumnProfile], samples: &[Vec<String>]) -> Classification {
    // Each header's best score over every role, once (scoring is the costly part).
    let best: Vec<f32> = headers.iter().map(|h| best_header_score(h)).collect();
    let names = |h: &str, i: usize, role: Role| {
        let score = header_score(h, role);
        score >= 0.6 && score + 0.01 >= best[i]
    };
    let has = |role: Role| headers.iter().enumerate().any(|(i, h)| names(h, i, role));
    let values = |test: &dyn Fn(&ColumnProfile) -> bool| profiles.iter().any(|p| p.filled > 0 && test(p));
    let read = |kind| Classification { kind, finding: None };
    let unusable = |finding| Classification {
        kind: FileKind::Ignored,
        finding: Some(finding),
    };
    if looks_like_survey(headers, samples) {
        return read(FileKind::Survey);
    }
    let money = has(Role::Amount) || has(Role::UnitPrice) || values(&|p| p.share(p.money) >= 0.8);
    let key_column = headers
        .iter()
        .zip(profiles.iter().map(Some).chain(std::iter::repeat(None)))
        .enumerate()
        .any(|(i, (h, p))| names(h, i, Role::CustomerKey) && !p.is_some_and(|p| contradicts(Role::CustomerKey, p)));
    let buyer = key_column
        || has(Role::Email)
        || has(Role::Phone)
        || has(Role::PersonKey)
        || values(&|p| p.share(p.emails) >= 0.8 || p.share(p.phones) >= 0.8);
    let unnamed_dates = headers
        .iter()
        .zip(profiles)
        .any(|(h, p)| p.filled > 0 && p.share(p.dates) >= 0.8 && DATE_ROLES.iter().all(|r| header_score(h, *r) == 0.0));
    let dated = has(Role::OrderDate) || unnamed_dates;
    let event_names = has(Role::EventType) || values(&|p| p.share(p.event_words) >= 0.8 && p.distinct <= 60);
    if event_names && (has(Role::Timestamp) || dated) && !money {
        return read(FileKind::Events);
    }
    // Payments or order lines keyed by order id only join their orders
    // (docs/ingest/joins.md#several-tables-of-one-shop); only an exact
    // order-date header counts against that (`shipping_limit_date` does not).
    let exact_order_date = headers.iter().any(|h| header_score(h, Role::OrderDate) > 0.9);
    if has(Role::OrderId) && money && !buyer && !exact_order_date {
        return read(FileKind::OrderDetails);
    }
    let order_level = (has(Role::OrderId) || dated) && money;
    let linked_orders = has(Role::OrderId) && has(Role::OrderDate) && has(Role::CustomerKey);
    if order_level || linked_orders {
        return if buyer {
            read(FileKind::Orders)
        } else {
            Classification {
                kind: FileKind::Orders,
                finding: Some(Finding::NoBuyerColumn),
            }
        };
    }
    if has(Role::TotalSpent) || (has(Role::OrderCount) && !has(Role::OrderDate)) {
        return read(FileKind::Summary);
    }
    if buyer {
        return read(FileKind::Customers);
    }
    if money {
        return unusable(Finding::ProductList);
    }
    unusable(Finding::Unrecognised)
}

/// The best score `header` has for any role of any kind: a header names a role
/// only when it names no other role better (`signup_date` is no order date,
/// `Name` no order id).
fn best_header_score(header: &str) -> f32 {
    FileKind::ALL
        .iter()
        .flat_map(|k| k.roles())
        .map(|role| header_score(header, *role))
        .fold(0.0, f32::max)
}

/// Roles of dated columns in the app's tables: a date column named as one of
/// them is not evidence of an order date.
const DATE_ROLES: [Role; 6] = [
    Role::OrderDate,
    Role::SignupDate,
    Role::Timestamp,
    Role::FirstOrderDate,
    Role::LastOrderDate,
    Role::BirthDate,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::infer::assign_roles;

    fn headers(hs: &[&str]) -> Vec<String> {
        hs.iter().map(|s| s.to_string()).collect()
    }

    fn column(roles: &[crate::schema::RoleColumn], role: Role) -> Option<usize> {
        roles.iter().find(|r| r.role == role).and_then(|r| r.column)
    }

    fn kind(hs: &[&str]) -> FileKind {
        classify(&headers(hs), &[], &[]).kind
    }

    #[test]
    fn kinds_from_headers() {
        assert_eq!(
            kind(&["order_id", "customer_id", "order_date", "amount"]),
            FileKind::Orders
        );
        assert_eq!(
            kind(&["订单编号", "客户ID", "下单时间", "实付金额", "订单状态"]),
            FileKind::Orders
        );
        assert_eq!(kind(&["客户ID", "姓名", "注册日期", "来源渠道"]), FileKind::Customers);
        assert_eq!(
            kind(&["customer_id", "timestamp", "event_type", "category"]),
            FileKind::Events
        );
        assert_eq!(kind(&["Customer ID", "Total Spent", "Total Orders"]), FileKind::Summary);
        assert_eq!(
            kind(&["customer_id", "signup_date", "product_type", "timestamp"]),
            FileKind::Customers
        );
    }

    #[test]
    fn olist_tables_are_recognised() {
        let orders = headers(&[
            "order_id",
            "customer_id",
            "order_status",
            "order_purchase_timestamp",
            "order_approved_at",
            "order_delivered_carrier_date",
            "order_delivered_customer_date",
            "order_estimated_delivery_date",
        ]);
        assert_eq!(classify(&orders, &[], &[]).kind, FileKind::Orders);
        let roles = assign_roles(&orders, &[], FileKind::Orders);
        assert_eq!(column(&roles, Role::OrderDate), Some(3));
        assert_eq!(column(&roles, Role::Amount), None);
        let payments = headers(&[
            "order_id",
            "payment_sequential",
            "payment_type",
            "payment_installments",
            "payment_value",
        ]);
        assert_eq!(classify(&payments, &[], &[]).kind, FileKind::OrderDetails);
        assert_eq!(
            column(&assign_roles(&payments, &[], FileKind::OrderDetails), Role::Amount),
            Some(4)
        );
        let items = headers(&[
            "order_id",
            "order_item_id",
            "product_id",
            "seller_id",
            "shipping_limit_date",
            "price",
            "freight_value",
        ]);
        assert_eq!(classify(&items, &[], &[]).kind, FileKind::OrderDetails);
        let roles = assign_roles(&items, &[], FileKind::OrderDetails);
        assert_eq!(column(&roles, Role::UnitPrice), Some(5));
        assert_eq!(column(&roles, Role::Freight), Some(6));
        assert_eq!(column(&roles, Role::Category), Some(2));
        let customers = headers(&[
            "customer_id",
            "customer_unique_id",
            "customer_zip_code_prefix",
            "customer_city",
            "customer_state",
        ]);
        assert_eq!(classify(&customers, &[], &[]).kind, FileKind::Customers);
        let roles = assign_roles(&customers, &[], FileKind::Customers);
        assert_eq!(column(&roles, Role::CustomerKey), Some(0));
        assert_eq!(column(&roles, Role::PersonKey), Some(1));
        let profile = headers(&["customer_id", "name", "signup_date"]);
        assert_eq!(classify(&profile, &[], &[]).kind, FileKind::Customers);
    }

    #[test]
    fn order_evidence_beats_lifetime_columns() {
        let h = [
            "Order Number",
            "Order Status",
            "Order Date",
            "First Name (Billing)",
            "Phone (Billing)",
            "Item Name",
            "Total products",
            "Order Total Amount",
            "Order Shipping Amount",
            "Customer Paid Orders",
            "Customer Total Spent",
            "City (Shipping)",
        ];
        assert_eq!(kind(&h), FileKind::Orders);
    }

    #[test]
    fn files_that_are_not_customer_tables() {
        let no_buyer = classify(&headers(&["Order ID", "Order Date", "Total"]), &[], &[]);
        assert_eq!(no_buyer.finding, Some(Finding::NoBuyerColumn));
        let products = classify(&headers(&["Handle", "Title", "Vendor", "Variant Price"]), &[], &[]);
        assert_eq!(products.kind, FileKind::Ignored);
        assert_eq!(products.finding, Some(Finding::ProductList));
        let nothing = classify(&headers(&["foo", "bar"]), &[], &[]);
        assert_eq!(nothing.finding, Some(Finding::Unrecognised));
    }
}
