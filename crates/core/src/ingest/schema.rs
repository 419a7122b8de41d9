//! File kinds and column roles, detected from header synonyms in English and
//! Chinese (SPEC S1). The user can override every choice in the mapping step.

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
}

impl FileKind {
    /// All kinds, in the order the UI lists them.
    pub const ALL: [FileKind; 5] = [
        FileKind::Orders,
        FileKind::Customers,
        FileKind::Events,
        FileKind::Summary,
        FileKind::OrderDetails,
    ];

    /// The i18n key of the kind's name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            FileKind::Orders => "kind.orders",
            FileKind::Customers => "kind.customers",
            FileKind::Events => "kind.events",
            FileKind::Summary => "kind.summary",
            FileKind::OrderDetails => "kind.order_details",
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
                RefundedAmount,
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
            ],
            FileKind::OrderDetails => &[OrderId, Amount, Quantity, UnitPrice, Freight, Category],
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
    /// Event type.
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
    /// The person behind an order-level customer id (Olist
    /// `customer_unique_id`): customers sharing it are one customer.
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
            Role::Gender => "role.gender",
            Role::BirthDate => "role.birth_date",
            Role::Age => "role.age",
            Role::Income => "role.income",
            Role::Occupation => "role.occupation",
            Role::Region => "role.region",
            Role::City => "role.city",
            Role::Country => "role.country",
            Role::PersonKey => "role.person_key",
            Role::Freight => "role.freight",
        }
    }
}

/// Synonyms too generic to count when a header merely contains them:
/// "Billing Name" is no order id, "Shipping State" no status, "Product Type"
/// no event type.
const EXACT_ONLY: &[&str] = &["name", "state", "type"];

/// A role and the column chosen for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleColumn {
    /// The role.
    pub role: Role,
    /// The chosen column index, if any.
    pub column: Option<usize>,
    /// How sure detection is, 0–1 (1 = exact synonym; user choices are 1).
    pub confidence: f32,
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
fn match_score(header: &str, role: Role) -> f32 {
    let h = normalise_header(header);
    if h.is_empty() {
        return 0.0;
    }
    let syns = role.synonyms();
    if let Some(pos) = syns.iter().position(|s| *s == h) {
        return 1.0 - pos as f32 * 0.001;
    }
    let specific = |s: &&&str| s.chars().count() >= 4 && !EXACT_ONLY.contains(*s);
    if syns.iter().filter(specific).any(|s| h.contains(s)) {
        return 0.6;
    }
    0.0
}

/// Assigns columns to the roles of `kind`, each column to at most one role,
/// best matches first.
pub fn detect_roles(headers: &[String], kind: FileKind) -> Vec<RoleColumn> {
    let roles = kind.roles();
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    for (ri, role) in roles.iter().enumerate() {
        for (ci, h) in headers.iter().enumerate() {
            let score = match_score(h, *role);
            if score > 0.0 {
                candidates.push((score, ri, ci));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut result: Vec<RoleColumn> = roles
        .iter()
        .map(|r| RoleColumn {
            role: *r,
            column: None,
            confidence: 0.0,
        })
        .collect();
    let mut used = vec![false; headers.len()];
    for (score, ri, ci) in candidates {
        if result[ri].column.is_none() && !used[ci] {
            result[ri] = RoleColumn {
                role: roles[ri],
                column: Some(ci),
                confidence: score,
            };
            used[ci] = true;
        }
    }
    result
}

/// Classifies a file by its headers: the kind whose roles match best.
///
/// A customer list with totals (Shopify's customer export: `Total Spent`,
/// `Total Orders`) is a [`FileKind::Summary`], as SPEC S1 names it, rather
/// than [`FileKind::Customers`]: its totals stay mapped (reading registers the
/// customers only, for now), while Customers would add just signup date and
/// source, which that export does not have.
pub fn classify(headers: &[String]) -> FileKind {
    let has = |role: Role| headers.iter().any(|h| match_score(h, role) >= 0.6);
    if let Some(kind) = classify_joined(headers) {
        return kind;
    }
    if has(Role::EventType) && has(Role::Timestamp) && !has(Role::Amount) {
        FileKind::Events
    } else if has(Role::TotalSpent) || (has(Role::OrderCount) && !has(Role::OrderDate)) {
        FileKind::Summary
    } else if (has(Role::Amount) || has(Role::UnitPrice)) && has(Role::OrderDate) {
        FileKind::Orders
    } else {
        FileKind::Customers
    }
}

/// The tables of a shop exported as several files
/// (`docs/ingest/joins.md#several-tables-of-one-shop`): rows with an order id
/// and money but no customer key and no order date are order details
/// (payments, order lines); rows with an order id, a customer key and an
/// order date but no money are orders whose amounts the details give. Only
/// exact order-date headers count here: `shipping_limit_date` on an order
/// line is no order date, and a bare `name` is no order id.
fn classify_joined(headers: &[String]) -> Option<FileKind> {
    let has = |role: Role| headers.iter().any(|h| match_score(h, role) >= 0.6);
    let has_exact = |role: Role| headers.iter().any(|h| match_score(h, role) >= 0.9);
    let order_id = headers
        .iter()
        .any(|h| normalise_header(h) != "name" && match_score(h, Role::OrderId) >= 0.6);
    let money = has(Role::Amount) || has(Role::UnitPrice);
    let customer = has(Role::CustomerKey) || has(Role::Email) || has(Role::Phone);
    match (order_id, money, customer, has_exact(Role::OrderDate)) {
        (true, true, false, false) => Some(FileKind::OrderDetails),
        (true, false, true, true) => Some(FileKind::Orders),
        _ => None,
    }
}

/// The roles of `kind` without which its rows cannot be used.
pub fn required_roles(kind: FileKind) -> &'static [Role] {
    match kind {
        FileKind::Orders => &[Role::CustomerKey, Role::OrderDate, Role::Amount],
        FileKind::Customers => &[Role::CustomerKey],
        FileKind::Events => &[Role::CustomerKey, Role::Timestamp, Role::EventType],
        FileKind::Summary => &[Role::CustomerKey],
        FileKind::OrderDetails => &[Role::OrderId],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(hs: &[&str]) -> Vec<String> {
        hs.iter().map(|s| s.to_string()).collect()
    }

    fn column(roles: &[RoleColumn], role: Role) -> Option<usize> {
        roles.iter().find(|r| r.role == role).and_then(|r| r.column)
    }

    #[test]
    fn english_orders_are_recognised() {
        let h = headers(&["order_id", "customer_id", "order_date", "amount", "status", "category"]);
        assert_eq!(classify(&h), FileKind::Orders);
        let roles = detect_roles(&h, FileKind::Orders);
        assert_eq!(column(&roles, Role::CustomerKey), Some(1));
        assert_eq!(column(&roles, Role::OrderDate), Some(2));
        assert_eq!(column(&roles, Role::Amount), Some(3));
        assert_eq!(column(&roles, Role::OrderId), Some(0));
    }

    #[test]
    fn chinese_headers_are_recognised() {
        let h = headers(&["订单编号", "客户ID", "下单时间", "实付金额", "订单状态"]);
        assert_eq!(classify(&h), FileKind::Orders);
        let roles = detect_roles(&h, FileKind::Orders);
        assert_eq!(column(&roles, Role::CustomerKey), Some(1));
        assert_eq!(column(&roles, Role::Amount), Some(3));
        let c = headers(&["客户ID", "姓名", "注册日期", "来源渠道"]);
        assert_eq!(classify(&c), FileKind::Customers);
        assert_eq!(column(&detect_roles(&c, FileKind::Customers), Role::Source), Some(3));
    }

    #[test]
    fn generic_words_count_only_as_whole_headers() {
        let h = headers(&["customer_id", "customer_name", "order_date", "amount", "billing_state"]);
        let roles = detect_roles(&h, FileKind::Orders);
        assert_eq!(column(&roles, Role::OrderId), None);
        assert_eq!(column(&roles, Role::Status), None);
        let h = headers(&["Name", "Billing Name", "Created at", "Total", "State"]);
        let roles = detect_roles(&h, FileKind::Orders);
        assert_eq!(column(&roles, Role::OrderId), Some(0));
        assert_eq!(column(&roles, Role::Status), Some(4));
        assert_eq!(
            classify(&headers(&["customer_id", "signup_date", "product_type", "timestamp"])),
            FileKind::Customers
        );
    }

    #[test]
    fn buyer_phone_and_paid_amount_win_in_chinese_exports() {
        let h = headers(&[
            "订单号",
            "下单时间",
            "买家手机号",
            "商品总金额",
            "订单实付金额",
            "收货人手机号",
            "订单退款状态",
            "订单状态",
        ]);
        assert_eq!(classify(&h), FileKind::Orders);
        let roles = detect_roles(&h, FileKind::Orders);
        assert_eq!(column(&roles, Role::Phone), Some(2));
        assert_eq!(column(&roles, Role::Amount), Some(4));
        assert_eq!(column(&roles, Role::Status), Some(7));
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
        assert_eq!(classify(&orders), FileKind::Orders);
        let roles = detect_roles(&orders, FileKind::Orders);
        assert_eq!(column(&roles, Role::OrderDate), Some(3));
        assert_eq!(column(&roles, Role::Amount), None);
        let payments = headers(&[
            "order_id",
            "payment_sequential",
            "payment_type",
            "payment_installments",
            "payment_value",
        ]);
        assert_eq!(classify(&payments), FileKind::OrderDetails);
        assert_eq!(
            column(&detect_roles(&payments, FileKind::OrderDetails), Role::Amount),
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
        assert_eq!(classify(&items), FileKind::OrderDetails);
        let roles = detect_roles(&items, FileKind::OrderDetails);
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
        assert_eq!(classify(&customers), FileKind::Customers);
        let roles = detect_roles(&customers, FileKind::Customers);
        assert_eq!(column(&roles, Role::CustomerKey), Some(0));
        assert_eq!(column(&roles, Role::PersonKey), Some(1));
        let profile = headers(&["customer_id", "name", "signup_date"]);
        assert_eq!(classify(&profile), FileKind::Customers);
    }

    #[test]
    fn events_and_summaries_are_recognised() {
        assert_eq!(
            classify(&headers(&["customer_id", "timestamp", "event_type", "category"])),
            FileKind::Events
        );
        assert_eq!(
            classify(&headers(&["Customer ID", "Total Spent", "Total Orders"])),
            FileKind::Summary
        );
    }
}
