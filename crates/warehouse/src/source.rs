//! The user's tables and columns the script reads (docs/warehouse.md#input).

use segscope_ingest::line_items::LineStructure;
use segscope_ingest::{FileKind, FileSchema, Role};
use serde::{Deserialize, Serialize};

/// How the rows of one order id make its amount (the mapping's line
/// structure, docs/ingest/orders.md#line-items).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineAmounts {
    /// Each row's amount is a line of the order: they add up.
    #[default]
    Add,
    /// The order total is on one row or repeated on every row: counted once.
    OncePerOrder,
}

/// Where the orders and customers are, and which columns hold what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SourceTables {
    /// The orders table (may be a dotted path such as `shop.orders`).
    pub orders_table: String,
    /// Order id column; rows sharing one are lines of one order.
    pub order_id: Option<String>,
    /// Customer id column of the orders table.
    pub order_customer: String,
    /// Order date or date-time column (ISO `YYYY-MM-DD…`).
    pub order_date: String,
    /// Paid amount column (plain decimal).
    pub amount: String,
    /// Order status column.
    pub status: Option<String>,
    /// Cancellation date column: any value but a placeholder cancels.
    pub cancelled_at: Option<String>,
    /// How rows of one order id make its amount.
    pub lines: LineAmounts,
    /// The customers table, if any.
    pub customers_table: Option<String>,
    /// Customer id column of the customers table.
    pub customer_id: String,
    /// Points balance column of the customers table.
    pub points: Option<String>,
}

impl Default for SourceTables {
    fn default() -> Self {
        SourceTables {
            orders_table: "orders".into(),
            order_id: None,
            order_customer: "customer_id".into(),
            order_date: "order_date".into(),
            amount: "amount".into(),
            status: None,
            cancelled_at: None,
            lines: LineAmounts::Add,
            customers_table: None,
            customer_id: "customer_id".into(),
            points: None,
        }
    }
}

/// What the mapping of `schemas` relies on that the script does not
/// reproduce (docs/warehouse.md#not-in-the-script), as text keys: the dialog
/// says so before the download.
pub fn unreproduced(schemas: &[FileSchema]) -> Vec<&'static str> {
    let mut gaps = Vec::new();
    let orders: Vec<&FileSchema> = schemas.iter().filter(|s| s.kind == FileKind::Orders).collect();
    let any = |role: Role| orders.iter().any(|s| s.column(role).is_some());
    if any(Role::RefundedAmount) || any(Role::PartialRefund) || any(Role::EventType) {
        gaps.push("warehouse.gap.refunds");
    }
    if orders.iter().any(|s| s.column(Role::Amount).is_none()) {
        gaps.push("warehouse.gap.line_price");
    }
    if orders.iter().any(|s| s.column(Role::CustomerKey).is_none()) {
        gaps.push("warehouse.gap.contact_keys");
    }
    if orders.iter().any(|s| !samples_read_as_written(s)) {
        gaps.push("warehouse.gap.formats");
    }
    let has_kind = |kind: FileKind| schemas.iter().any(|s| s.kind == kind);
    if has_kind(FileKind::OrderDetails) {
        gaps.push("warehouse.gap.joined");
    }
    if has_kind(FileKind::Summary) {
        gaps.push("warehouse.gap.summaries");
    }
    gaps
}

/// True when the sample rows' dates are `YYYY-MM-DD…` and their amounts plain
/// decimals, the formats the script reads (blank cells aside).
fn samples_read_as_written(schema: &FileSchema) -> bool {
    let cells = |role: Role| {
        let column = schema.column(role);
        schema
            .samples
            .iter()
            .filter_map(move |row| row.get(column?))
            .map(|cell| cell.trim())
            .filter(|cell| !cell.is_empty())
    };
    let iso_date = |cell: &str| {
        let b = cell.as_bytes();
        b.len() >= 10 && b[4] == b'-' && b[7] == b'-' && [0, 1, 2, 3, 5, 6, 8, 9].iter().all(|&i| b[i].is_ascii_digit())
    };
    let plain_decimal = |cell: &str| {
        let digits = cell.strip_prefix('-').unwrap_or(cell);
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.') && digits.matches('.').count() <= 1
    };
    cells(Role::OrderDate).all(iso_date) && cells(Role::Amount).all(plain_decimal)
}

impl SourceTables {
    /// The defaults of the dialog: tables `orders` and `customers`, and the
    /// columns the user confirmed in the mapping step (the first orders file
    /// and the first customers file), with their line structure.
    pub fn from_schemas(schemas: &[FileSchema]) -> SourceTables {
        let mut source = SourceTables::default();
        let header = |schema: &FileSchema, role: Role| schema.column(role).and_then(|c| schema.headers.get(c)).cloned();
        if let Some(orders) = schemas.iter().find(|s| s.kind == FileKind::Orders) {
            let named = |role, fallback: &str| header(orders, role).unwrap_or_else(|| fallback.to_string());
            // Keyed by e-mail or phone when there is no id (the dialog then
            // says the import's matching is not reproduced).
            let key = header(orders, Role::CustomerKey)
                .or_else(|| header(orders, Role::Email))
                .or_else(|| header(orders, Role::Phone));
            source.order_customer = key.unwrap_or_else(|| "customer_id".into());
            source.order_date = named(Role::OrderDate, "order_date");
            source.amount = named(Role::Amount, "amount");
            source.order_id = header(orders, Role::OrderId);
            source.status = header(orders, Role::Status);
            source.cancelled_at = header(orders, Role::CancelledAt);
            source.lines = match orders.line_structure {
                LineStructure::OrderTotalOnFirstLine | LineStructure::OrderTotalRepeated => LineAmounts::OncePerOrder,
                LineStructure::OneRowPerOrder | LineStructure::LineAmounts => LineAmounts::Add,
            };
        }
        if let Some(customers) = schemas.iter().find(|s| s.kind == FileKind::Customers) {
            source.customers_table = Some("customers".into());
            source.customer_id = header(customers, Role::CustomerKey).unwrap_or_else(|| "customer_id".into());
            source.points = header(customers, Role::Points);
        }
        source
    }

    /// The first required name that is blank (`orders_table`,
    /// `order_customer`, `order_date`, `amount`, `customer_id`), for a
    /// message; `None` when every required table and column is named.
    pub fn missing(&self) -> Option<&'static str> {
        let blank = |s: &str| s.trim().is_empty();
        if blank(&self.orders_table) {
            Some("orders_table")
        } else if blank(&self.order_customer) {
            Some("order_customer")
        } else if blank(&self.order_date) {
            Some("order_date")
        } else if blank(&self.amount) {
            Some("amount")
        } else if self.customers().is_some() && blank(&self.customer_id) {
            Some("customer_id")
        } else {
            None
        }
    }

    /// The same names with blank optional ones taken as absent.
    pub(crate) fn normalized(&self) -> SourceTables {
        let present = |name: &Option<String>| name.clone().filter(|n| !n.trim().is_empty());
        SourceTables {
            order_id: present(&self.order_id),
            status: present(&self.status),
            cancelled_at: present(&self.cancelled_at),
            customers_table: present(&self.customers_table),
            points: present(&self.points),
            ..self.clone()
        }
    }

    /// The customers table when one is named.
    pub(crate) fn customers(&self) -> Option<&str> {
        self.customers_table.as_deref().filter(|t| !t.trim().is_empty())
    }
}
