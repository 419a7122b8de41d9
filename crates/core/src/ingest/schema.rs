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
}

impl FileKind {
    /// All kinds, in the order the UI lists them.
    pub const ALL: [FileKind; 4] = [
        FileKind::Orders,
        FileKind::Customers,
        FileKind::Events,
        FileKind::Summary,
    ];

    /// The i18n key of the kind's name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            FileKind::Orders => "kind.orders",
            FileKind::Customers => "kind.customers",
            FileKind::Events => "kind.events",
            FileKind::Summary => "kind.summary",
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
                CancelledAt,
            ],
            FileKind::Customers => &[
                CustomerKey,
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
    /// When an order was cancelled (Shopify `Cancelled at`): a set cell makes
    /// the order cancelled whatever its status column says.
    CancelledAt,
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
            Role::Gender => "role.gender",
            Role::BirthDate => "role.birth_date",
            Role::Age => "role.age",
            Role::Income => "role.income",
            Role::Occupation => "role.occupation",
            Role::Region => "role.region",
            Role::City => "role.city",
            Role::Country => "role.country",
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

/// The roles of `kind` without which its rows cannot be used.
pub fn required_roles(kind: FileKind) -> &'static [Role] {
    match kind {
        FileKind::Orders => &[Role::CustomerKey, Role::OrderDate, Role::Amount],
        FileKind::Customers => &[Role::CustomerKey],
        FileKind::Events => &[Role::CustomerKey, Role::Timestamp, Role::EventType],
        FileKind::Summary => &[Role::CustomerKey],
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
