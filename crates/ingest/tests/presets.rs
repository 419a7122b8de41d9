//! The exports docs/product.md#inputs names, one fixture each in `fixtures/presets/`: the
//! platform's header row in its own order, with invented rows. Each test sniffs
//! and reads its file, then checks the kind, the column chosen for each role,
//! the row accounting, orders after line merging, paid revenue and after-sales.
//!
//! Header sources (facts only):
//! - Shopify orders: Admin › Orders › Export; one row per line item, order
//!   fields only on an order's first row; `Name` is the order number (`#1001`);
//!   no customer id column, so the customer key is the email.
//! - Shopify customers: Admin › Customers › Export; ids and zips carry a
//!   leading `'` (Excel text marker).
//! - WooCommerce: "Order Export & Order Import for WooCommerce" (WebToffee),
//!   the column list of its woocommerce.com documentation; one row per order,
//!   line items packed into `line_item_N`.
//! - Taobao/Tmall: 千牛 卖家中心 订单报表 (GBK, CRLF).
//! - Youzan: the order-export column names the issue lists (订单号, 订单状态,
//!   下单时间, 付款时间, 买家手机号, 粉丝昵称, 订单实付金额, 商品名称, 退款状态 …);
//!   no public sample was available to confirm the full column order.
//! - UCI Online Retail (Chen 2012): `Online Retail.xlsx` saved as CSV.

use segscope_ingest::quality::{FileReport, RejectReason};
use segscope_ingest::{read_file, sniff, DatasetBuilder, FileKind, FileSchema, Role};
use segscope_model::{Dataset, OrderStatus};

/// One fixture, sniffed and read.
struct Loaded {
    schema: FileSchema,
    report: FileReport,
    dataset: Dataset,
}

fn load(name: &str) -> Loaded {
    let path = format!("{}/tests/fixtures/presets/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let schema = sniff(name, &bytes, true).expect("sniff");
    let mut builder = DatasetBuilder::new();
    let report = read_file(schema.clone(), &bytes, &mut builder).expect("read");
    assert!(report.balances(), "{name}: rows read ≠ kept + rejected + duplicates");
    let (dataset, _) = builder.finish();
    Loaded {
        schema,
        report,
        dataset,
    }
}

/// Checks the header chosen for each listed role (`None`: no column).
fn assert_roles(schema: &FileSchema, expected: &[(Role, Option<&str>)]) {
    for (role, header) in expected {
        let chosen = schema.column(*role).map(|c| schema.headers[c].as_str());
        assert_eq!(chosen, *header, "{}: column for {role:?}", schema.file_name);
    }
}

/// Checks rows read, kept, rejected for a missing key, and duplicates removed.
fn assert_rows(report: &FileReport, read: u64, kept: u64, missing_key: u64, duplicates: u64) {
    assert_eq!(
        (
            report.rows_read,
            report.rows_kept,
            report.rows_rejected,
            report.duplicates_removed
        ),
        (read, kept, missing_key, duplicates),
        "{}: read, kept, rejected, duplicates",
        report.file
    );
    let by_reason = report
        .rejected_by_reason
        .iter()
        .find(|(r, _)| *r == RejectReason::MissingKey);
    assert_eq!(by_reason.map(|(_, n)| *n), Some(missing_key), "{}", report.file);
}

/// An amount in whole cents, so sums of two-decimal amounts compare exactly.
fn cents(amount: f64) -> i64 {
    (amount * 100.0).round() as i64
}

/// Paid revenue in cents.
fn paid_cents(dataset: &Dataset) -> i64 {
    let orders = &dataset.orders;
    cents(
        (0..orders.len())
            .filter(|&i| orders.status()[i].is_paid())
            .map(|i| orders.amount()[i])
            .sum(),
    )
}

fn orders_with(dataset: &Dataset, status: OrderStatus) -> usize {
    dataset.orders.status().iter().filter(|s| **s == status).count()
}

#[test]
fn shopify_orders() {
    let f = load("shopify_orders.csv");
    assert_eq!(f.schema.kind, FileKind::Orders);
    assert_roles(
        &f.schema,
        &[
            (Role::CustomerKey, None),
            (Role::Email, Some("Email")),
            (Role::Phone, Some("Phone")),
            (Role::OrderDate, Some("Created at")),
            (Role::Amount, Some("Total")),
            (Role::OrderId, Some("Name")),
            (Role::Status, Some("Financial Status")),
            (Role::Quantity, Some("Lineitem quantity")),
            (Role::UnitPrice, Some("Lineitem price")),
            (Role::Category, Some("Lineitem name")),
            (Role::Channel, Some("Source")),
            (Role::Currency, Some("Currency")),
            (Role::RefundedAmount, Some("Refunded Amount")),
        ],
    );
    // 13 rows = 9 orders' first rows + 4 further line rows; #1009 is a
    // point-of-sale sale with neither email nor phone.
    assert_rows(&f.report, 13, 12, 1, 0);
    // #1001 (2 lines), #1004 (3 lines) and #1008 (2 lines) become one order each.
    assert_eq!(f.report.lines_merged, 4);
    assert_eq!(f.dataset.orders.len(), 8);
    assert_eq!(f.dataset.customers.len(), 6);
    assert_eq!(f.dataset.customers.key()[0], "alice@example.com");
    // Paid: #1001 118.80 + #1002 27.00 + #1004 96.12 + #1008 138.02, and #1007
    // partially_refunded 86.40 less its 43.20 refund = 423.14.
    assert_eq!(paid_cents(&f.dataset), cents(423.14));
    assert_eq!(f.report.partial_refunds, 1);
    // Refunded: #1003; not paid: #1005 pending, #1006 voided.
    assert_eq!((f.report.refunds, f.report.cancellations), (1, 2));
    assert_eq!(orders_with(&f.dataset, OrderStatus::Refunded), 1);
    assert_eq!(orders_with(&f.dataset, OrderStatus::Cancelled), 2);
    assert_eq!(f.report.currencies, vec![("USD".to_string(), 8)]);
    assert_eq!(f.report.first_date.as_deref(), Some("2024-03-01"));
    assert_eq!(f.report.last_date.as_deref(), Some("2024-03-10"));
}

#[test]
fn shopify_customers() {
    let f = load("shopify_customers.csv");
    assert_eq!(f.schema.kind, FileKind::Summary);
    assert_roles(
        &f.schema,
        &[
            (Role::CustomerKey, Some("Customer ID")),
            (Role::Email, Some("Email")),
            (Role::TotalSpent, Some("Total Spent")),
            (Role::OrderCount, Some("Total Orders")),
            (Role::FirstOrderDate, None),
            (Role::LastOrderDate, None),
        ],
    );
    assert_rows(&f.report, 8, 8, 0, 0);
    assert_eq!(f.dataset.customers.len(), 8);
    assert!(f.dataset.orders.is_empty());
}

#[test]
fn woocommerce_orders() {
    let f = load("woocommerce_orders.csv");
    assert_eq!(f.schema.kind, FileKind::Orders);
    assert_roles(
        &f.schema,
        &[
            (Role::CustomerKey, Some("customer_id")),
            (Role::Email, Some("customer_email")),
            (Role::Phone, Some("billing_phone")),
            (Role::OrderDate, Some("order_date")),
            (Role::Amount, Some("order_total")),
            (Role::OrderId, Some("order_id")),
            (Role::Status, Some("status")),
            (Role::Currency, Some("order_currency")),
            (Role::Quantity, None),
            (Role::UnitPrice, None),
        ],
    );
    // Order 2105 appears twice (the same row exported twice).
    assert_rows(&f.report, 11, 10, 0, 1);
    assert_eq!(f.dataset.orders.len(), 10);
    assert_eq!(f.dataset.customers.len(), 6);
    // Paid (completed, processing): 2101 54.00 + 2102 32.50 + 2105 120.00
    // + 2108 28.75 + 2110 66.40 = 301.65.
    assert_eq!(paid_cents(&f.dataset), cents(301.65));
    // Refunded: 2103. Not paid: 2104 cancelled, 2106 on-hold, 2107 failed, 2109 pending.
    assert_eq!((f.report.refunds, f.report.cancellations), (1, 4));
    assert_eq!(f.report.currencies, vec![("GBP".to_string(), 10)]);
}

#[test]
fn taobao_orders_in_gbk() {
    let f = load("taobao_orders.csv");
    assert_eq!(f.schema.encoding, "GBK");
    assert_eq!(f.schema.headers[0], "订单编号");
    assert_eq!(f.schema.kind, FileKind::Orders);
    assert_roles(
        &f.schema,
        &[
            (Role::CustomerKey, Some("买家会员名")),
            (Role::OrderDate, Some("订单创建时间")),
            (Role::Amount, Some("买家实际支付金额")),
            (Role::OrderId, Some("订单编号")),
            (Role::Status, Some("订单状态")),
            (Role::Quantity, Some("宝贝总数量")),
            (Role::Category, Some("宝贝标题")),
            (Role::Phone, Some("联系手机")),
            (Role::UnitPrice, None),
        ],
    );
    assert_rows(&f.report, 10, 10, 0, 0);
    assert_eq!(f.dataset.orders.len(), 10);
    assert_eq!(f.dataset.customers.len(), 5);
    assert_eq!(f.dataset.customers.key()[0], "tb_小鹿");
    // Paid, from 买家实际支付金额 (not 买家应付货款: order …803 had a 2.50 coupon):
    // 89.00 + 158.00 + 45.50 + 66.00 + 130.00 + 32.00 + 58.80 = 579.30.
    assert_eq!(paid_cents(&f.dataset), cents(579.30));
    // Not paid: …804 等待买家付款, …805 and …808 交易关闭.
    assert_eq!((f.report.refunds, f.report.cancellations), (0, 3));
    assert_eq!(f.report.first_date.as_deref(), Some("2024-05-02"));
}

#[test]
fn youzan_orders() {
    let f = load("youzan_orders.csv");
    assert_eq!(f.schema.kind, FileKind::Orders);
    assert_roles(
        &f.schema,
        &[
            (Role::CustomerKey, None),
            (Role::Phone, Some("买家手机号")),
            (Role::OrderDate, Some("下单时间")),
            (Role::Amount, Some("订单实付金额")),
            (Role::OrderId, Some("订单号")),
            (Role::Status, Some("订单状态")),
            (Role::Category, Some("全部商品名称")),
            (Role::RefundedAmount, Some("订单已退款金额")),
        ],
    );
    // …007 was picked up in store without a buyer phone: no customer key.
    assert_rows(&f.report, 10, 9, 1, 0);
    assert_eq!(f.dataset.orders.len(), 9);
    // The key is the phone's digits, so `138-0000-1111` is `13800001111`.
    assert_eq!(f.dataset.customers.len(), 6);
    assert_eq!(f.dataset.customers.key()[0], "13800001111");
    // Paid (交易成功, 已发货, 待发货): 128.00 + 59.90 + 88.00 + (210.00 less its 30.00
    // 部分退款) + 36.80 + 76.50 = 569.20.
    assert_eq!(paid_cents(&f.dataset), cents(569.20));
    assert_eq!(f.report.partial_refunds, 1);
    // Not paid: …004 待付款, …005 and …008 已关闭.
    assert_eq!((f.report.refunds, f.report.cancellations), (0, 3));
}

#[test]
fn uci_online_retail() {
    let f = load("uci_online_retail.csv");
    assert_eq!(f.schema.kind, FileKind::Orders);
    assert_roles(
        &f.schema,
        &[
            (Role::CustomerKey, Some("CustomerID")),
            (Role::OrderDate, Some("InvoiceDate")),
            (Role::Amount, None),
            (Role::Quantity, Some("Quantity")),
            (Role::UnitPrice, Some("UnitPrice")),
            (Role::OrderId, Some("InvoiceNo")),
            (Role::Category, Some("Description")),
            (Role::Status, None),
        ],
    );
    // `12/13/2010` in the samples shows the dates are month-first.
    assert_eq!(f.report.first_date.as_deref(), Some("2010-12-01"));
    assert_eq!(f.report.last_date.as_deref(), Some("2010-12-15"));
    // 15 rows: invoice 536510 has no CustomerID, one 536530 line is repeated.
    assert_rows(&f.report, 15, 13, 1, 1);
    // Lines merged: 536401 (+2), 536415 (+1), 536460 (+1), 536530 (+1).
    assert_eq!(f.report.lines_merged, 5);
    assert_eq!(f.dataset.customers.len(), 4);
    // Amount = Σ Quantity × UnitPrice per invoice; C invoices are cancellations
    // (negative quantities, kept as positive amounts with that status).
    let orders = &f.dataset.orders;
    let invoices: Vec<(i64, OrderStatus)> = (0..orders.len())
        .map(|i| (cents(orders.amount()[i]), orders.status()[i]))
        .collect();
    use OrderStatus::{Cancelled, Paid};
    assert_eq!(
        invoices,
        vec![
            (cents(50.94), Paid),     // 536401: 6 × 2.55 + 6 × 3.39 + 2 × 7.65
            (cents(35.72), Paid),     // 536415: 12 × 1.85 + 8 × 1.69
            (cents(53.00), Paid),     // 536460: 4 × 4.25 + 2 × 18
            (cents(4.25), Cancelled), // C536461: −1 × 4.25
            (cents(25.50), Paid),     // 536502: 6 × 4.25
            (cents(26.40), Paid),     // 536530: 24 × 0.55 + 24 × 0.55
            (cents(8.50), Cancelled), // C536540: −2 × 4.25
            (cents(12.60), Paid),     // 536560: 6 × 2.1
        ]
    );
    // 50.94 + 35.72 + 53.00 + 25.50 + 26.40 + 12.60 = 204.16.
    assert_eq!(paid_cents(&f.dataset), cents(204.16));
    assert_eq!(
        (f.report.refunds, f.report.cancellations, f.report.negative_amounts),
        (0, 2, 2)
    );
}
