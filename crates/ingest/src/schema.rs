//! File kinds and column roles, detected from header synonyms in English and
//! Chinese (docs/product.md#inputs). The user can override every choice in the mapping step.

use serde::{Deserialize, Serialize};

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    /// One row per order (or order line).
    Orders,
    /// One row per customer profile.
    Customers,
    /// One row per behavioural event.
    Events,
    /// One row per customer with totals (e.g. a Shopify customer export).
    Summary,
    /// Rows keyed by order id only, joined to their orders (payments, order
    /// lines): see `docs/ingest/joins.md#several-tables-of-one-shop`.
    OrderDetails,
    /// One row per survey response (docs/product.md#surveys-and-feedback):
    /// the questions are columns, read as the schema's survey layout says.
    Survey,
    /// Not read: a file that is none of the above (a product list, a report);
    /// its schema's finding says what it looks like.
    Ignored,
}

impl FileKind {
    /// All kinds, in the order the UI lists them.
    pub const ALL: [FileKind; 7] = [
        FileKind::Orders,
        FileKind::Customers,
        FileKind::Events,
        FileKind::Summary,
        FileKind::OrderDetails,
        FileKind::Survey,
        FileKind::Ignored,
    ];

    /// The i18n key of the kind's name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            FileKind::Orders => "kind.orders",
            FileKind::Customers => "kind.customers",
            FileKind::Events => "kind.events",
            FileKind::Summary => "kind.summary",
            FileKind::OrderDetails => "kind.order_details",
            FileKind::Survey => "kind.survey",
            FileKind::Ignored => "kind.ignored",
        }
    }

    /// The roles a file of this kind can fill; required ones first.
    pub fn roles(self) -> &'static [Role] {
        use Role::*;
        match self {
            FileKind::Orders => &[
                CustomerKey,
                OrderDate,
                Amount,
                Quantity,
                UnitPrice,
                OrderId,
                Status,
                Category,
                Channel,
                Currency,
                Email,
                Phone,
                PersonKey,
                RefundedAmount,
                CancelledAt,
                OrderState,
                EventType,
                PartialRefund,
                FirstName,
                LastName,
                City,
                Region,
                Zip,
                Country,
                WecomId,
                OpenId,
            ],
            FileKind::Customers => &[
                CustomerKey,
                PersonKey,
                Email,
                Phone,
                Name,
                SignupDate,
                Source,
                Points,
                Gender,
                BirthDate,
                Age,
                Income,
                Occupation,
                Region,
                City,
                Country,
                FirstName,
                LastName,
                Zip,
                WecomId,
                OpenId,
            ],
            FileKind::Events => &[CustomerKey, Timestamp, EventType, Category],
            FileKind::Summary => &[
                CustomerKey,
                TotalSpent,
                OrderCount,
                FirstOrderDate,
                LastOrderDate,
                Email,
                Phone,
                Name,
                FirstName,
                LastName,
                City,
                Region,
                Zip,
                Country,
                WecomId,
                OpenId,
            ],
            FileKind::OrderDetails => &[OrderId, Amount, Quantity, UnitPrice, Freight, Category],
            FileKind::Survey => &[CustomerKey, Email, Phone, Timestamp],
            FileKind::Ignored => &[],
        }
    }
}

/// The meaning of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Customer id.
    CustomerKey,
    /// Order date or timestamp.
    OrderDate,
    /// Order amount (paid total).
    Amount,
    /// Quantity of an order line.
    Quantity,
    /// Unit price of an order line (amount = quantity × unit price).
    UnitPrice,
    /// Order id / invoice number.
    OrderId,
    /// Order status (paid, refunded, cancelled …).
    Status,
    /// Product category or product.
    Category,
    /// Sales channel.
    Channel,
    /// Currency code.
    Currency,
    /// Email address (customer key fallback).
    Email,
    /// Phone number (customer key fallback).
    Phone,
    /// Customer name.
    Name,
    /// Signup / registration date.
    SignupDate,
    /// Acquisition source.
    Source,
    /// Event timestamp.
    Timestamp,
    /// Event type: in an events file, what the customer did; in an orders
    /// file, what the row is (Square `Event Type`: a payment, or a refund
    /// of the order id it carries, folded into that order:
    /// docs/ingest/orders.md#refund-rows).
    EventType,
    /// Total spent (customer summary).
    TotalSpent,
    /// Order count (customer summary).
    OrderCount,
    /// First order date (customer summary).
    FirstOrderDate,
    /// Last order date (customer summary).
    LastOrderDate,
    /// Loyalty points balance (membership levels).
    Points,
    /// Amount refunded on an order (taken off a paid order's amount).
    RefundedAmount,
    /// When an order was cancelled (Shopify `Cancelled at`): a set cell makes
    /// the order cancelled whatever its status column says.
    CancelledAt,
    /// A refund the export itself calls partial (Square `Partial Refunds` on
    /// the payment row): taken off the order's amount, and the order stays
    /// paid even when its refunds add up to all of it.
    PartialRefund,
    /// The order's own state beside its payment status (Tiendanube `Estado de
    /// la orden`): a cancelled or refunded state overrides a paid payment.
    OrderState,
    /// Gender.
    Gender,
    /// Birth date.
    BirthDate,
    /// Age in years.
    Age,
    /// Income.
    Income,
    /// Occupation.
    Occupation,
    /// Province, state or region.
    Region,
    /// City.
    City,
    /// Country.
    Country,
    /// Given name (first name).
    FirstName,
    /// Family name (last name, surname).
    LastName,
    /// Postal code.
    Zip,
    /// 企业微信 external contact id (`external_userid`).
    WecomId,
    /// WeChat user id of an official account or mini program (`openid`).
    OpenId,
    /// The person behind an order-level customer id (Olist
    /// `customer_unique_id`): customers sharing it are one customer. A
    /// national id (DNI, CPF, 身份证号 …) is one too, and keys the buyers of an
    /// orders file that has no customer id, e-mail or phone column.
    PersonKey,
    /// Freight or shipping charged on an order line, added to its price.
    Freight,
}

impl Role {
    /// The i18n key of the role's name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            Role::CustomerKey => "role.customer_key",
            Role::OrderDate => "role.order_date",
            Role::Amount => "role.amount",
            Role::Quantity => "role.quantity",
            Role::UnitPrice => "role.unit_price",
            Role::OrderId => "role.order_id",
            Role::Status => "role.status",
            Role::Category => "role.category",
            Role::Channel => "role.channel",
            Role::Currency => "role.currency",
            Role::Email => "role.email",
            Role::Phone => "role.phone",
            Role::Name => "role.name",
            Role::SignupDate => "role.signup_date",
            Role::Source => "role.source",
            Role::Timestamp => "role.timestamp",
            Role::EventType => "role.event_type",
            Role::TotalSpent => "role.total_spent",
            Role::OrderCount => "role.order_count",
            Role::FirstOrderDate => "role.first_order_date",
            Role::LastOrderDate => "role.last_order_date",
            Role::Points => "role.points",
            Role::RefundedAmount => "role.refunded_amount",
            Role::CancelledAt => "role.cancelled_at",
            Role::OrderState => "role.order_state",
            Role::PartialRefund => "role.partial_refund",
            Role::Gender => "role.gender",
            Role::BirthDate => "role.birth_date",
            Role::Age => "role.age",
            Role::Income => "role.income",
            Role::Occupation => "role.occupation",
            Role::Region => "role.region",
            Role::City => "role.city",
            Role::Country => "role.country",
            Role::FirstName => "role.first_name",
            Role::LastName => "role.last_name",
            Role::Zip => "role.zip",
            Role::WecomId => "role.wecom_id",
            Role::OpenId => "role.open_id",
            Role::PersonKey => "role.person_key",
            Role::Freight => "role.freight",
        }
    }
}

/// Synonyms too generic to count when a header merely contains them:
/// "Billing Name" is no order id, "Shipping State" no status, "Product Type"
/// no event type.
const EXACT_ONLY: &[&str] = &["name", "state", "type", "cuit", "cuil", "curp", "cedula"];

/// What chose a role's column (docs/ingest/roles.md#assignment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum RoleSource {
    /// The column's header names the role.
    #[default]
    Header,
    /// The header names the role and the values agree.
    HeaderAndValues,
    /// The header is unknown; the values decided.
    Values,
    /// The user chose the column.
    User,
}

impl RoleSource {
    /// The i18n key of the source's description.
    pub fn i18n_key(self) -> &'static str {
        match self {
            RoleSource::Header => "source.header",
            RoleSource::HeaderAndValues => "source.header_and_values",
            RoleSource::Values => "source.values",
            RoleSource::User => "source.user",
        }
    }
}

/// A role and the column chosen for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleColumn {
    /// The role.
    pub role: Role,
    /// The chosen column index, if any.
    pub column: Option<usize>,
    /// How sure detection is, 0–1 (1 = exact synonym; user choices are 1).
    pub confidence: f32,
    /// What chose the column.
    #[serde(default)]
    pub source: RoleSource,
}

impl RoleColumn {
    /// `role` with no column.
    pub fn unassigned(role: Role) -> Self {
        RoleColumn {
            role,
            column: None,
            confidence: 0.0,
            source: RoleSource::Header,
        }
    }
}

/// Normalises a header for matching: lowercase, without spaces, `_`, `-`, `.`, `:`, BOM.
pub fn normalise_header(h: &str) -> String {
    h.chars()
        .filter(|c| {
            !matches!(
                c,
                ' ' | '_' | '-' | '.' | ':' | '\u{feff}' | '"' | '(' | ')' | '（' | '）'
            )
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Scores how well `header` names `role`: 1.0 exact synonym (a little less the
/// further down the list), 0.6 when it contains a specific synonym (four
/// characters or more, not in [`EXACT_ONLY`]).
pub fn header_score(header: &str, role: Role) -> f32 {
    let h = normalise_header(header);
    if h.is_empty() {
        return 0.0;
    }
    let syns = role.synonyms();
    // `Total (ARS)` is `Total` in pesos: a currency code in brackets at the end does not count.
    let bare = currency_suffix(header).and_then(|n| h.get(..h.len() - n));
    if let Some(pos) = syns.iter().position(|s| *s == h || Some(*s) == bare) {
        return 1.0 - pos as f32 * 0.001;
    }
    let specific = |s: &&&str| s.chars().count() >= 4 && !EXACT_ONLY.contains(*s);
    if syns.iter().filter(specific).any(|s| h.contains(s)) {
        return 0.6;
    }
    0.0
}

/// The length of a bracketed currency code that ends `header` (`(ARS)`,
/// `(USD)` …), as it stays after normalising (three letters).
fn currency_suffix(header: &str) -> Option<usize> {
    let inner = header.trim_end().strip_suffix(')')?;
    let (_, code) = inner.rsplit_once('(')?;
    let code = code.trim();
    (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())).then_some(3)
}

/// The roles of `kind` without which its rows cannot be used.
pub fn required_roles(kind: FileKind) -> &'static [Role] {
    match kind {
        FileKind::Orders => &[Role::CustomerKey, Role::OrderDate, Role::Amount],
        FileKind::Customers => &[Role::CustomerKey],
        FileKind::Events => &[Role::CustomerKey, Role::Timestamp, Role::EventType],
        FileKind::Summary => &[Role::CustomerKey],
        FileKind::OrderDetails => &[Role::OrderId],
        FileKind::Survey | FileKind::Ignored => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_scores() {
        assert!(header_score("Order Date", Role::OrderDate) > 0.99);
        assert_eq!(header_score("Billing Name", Role::OrderId), 0.0);
        assert_eq!(header_score("billing_state", Role::Status), 0.0);
        assert!((header_score("Billing Phone", Role::Phone) - 0.6).abs() < 1e-6);
        // A currency code in brackets leaves the name as it is.
        assert!(header_score("Ingresos por productos (ARS)", Role::Amount) > header_score("Total (ARS)", Role::Amount));
        assert!(header_score("Total (ARS)", Role::Amount) > 0.99);
        assert!(header_score("DNI", Role::PersonKey) > 0.99);
        assert_eq!(header_score("Circuito", Role::PersonKey), 0.0);
    }
}
