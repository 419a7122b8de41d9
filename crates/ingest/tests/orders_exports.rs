//! Orders exports with line items and cancellation columns, one fixture each
//! in `fixtures/orders/` (our own rows, in each platform's documented layout),
//! with their figures worked out by hand in the comments.

use segscope_ingest::line_items::LineStructure;
use segscope_ingest::quality::FileReport;
use segscope_ingest::{read_file, sniff, DatasetBuilder, FileKind, FileSchema, Role};
use segscope_model::{Dataset, OrderStatus};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/orders/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(schema: FileSchema, bytes: &[u8]) -> (FileReport, Dataset) {
    let mut builder = DatasetBuilder::new();
    let report = read_file(schema, bytes, &mut builder).expect("read");
    assert!(report.balances(), "{report:?}");
    (report, builder.finish().0)
}

fn cents(amount: f64) -> i64 {
    (amount * 100.0).round() as i64
}

/// Per order: amount in cents and status, in file order.
fn orders(dataset: &Dataset) -> Vec<(i64, OrderStatus)> {
    let o = &dataset.orders;
    (0..o.len()).map(|i| (cents(o.amount()[i]), o.status()[i])).collect()
}

fn header(schema: &FileSchema, role: Role) -> Option<&str> {
    schema.column(role).map(|c| schema.headers[c].as_str())
}

/// The header sniffing maps to `role` in a small orders file.
fn column_for(text: &str, role: Role) -> Option<String> {
    let schema = sniff("o.csv", text.as_bytes(), true).expect("sniff");
    header(&schema, role).map(str::to_string)
}

use OrderStatus::{Cancelled, Paid, Refunded};

#[test]
fn shopify_cancelled_at_cancels_paid_orders() {
    let bytes = fixture("shopify_cancelled.csv");
    let schema = sniff("shopify_cancelled.csv", &bytes, true).unwrap();
    assert_eq!(header(&schema, Role::CancelledAt), Some("Cancelled at"));
    assert_eq!(header(&schema, Role::Status), Some("Financial Status"));
    assert_eq!(header(&schema, Role::Amount), Some("Total"));
    assert_eq!(header(&schema, Role::UnitPrice), Some("Lineitem price"));
    assert_eq!(schema.line_structure, LineStructure::OrderTotalOnFirstLine);
    let (report, dataset) = read(schema, &bytes);
    assert_eq!(report.line_structure, LineStructure::OrderTotalOnFirstLine);
    assert_eq!(
        orders(&dataset),
        vec![
            (5400, Paid),      // #2001: 54.00 over two lines
            (1800, Cancelled), // #2002: paid, cancelled at 12:00
            (9600, Cancelled), // #2003: paid, cancelled the next day (two lines)
            (3000, Cancelled), // #2004: refunded and cancelled: cancelled
            (4800, Paid),      // #2005: partially refunded 80.00 less 32.00
            (2400, Paid),      // #2006: authorized
            (1600, Cancelled), // #2007: pending
        ]
    );
    // #2001, #2003 and #2005 have one further line each.
    assert_eq!(report.lines_merged, 3);
    // Counted per order, not per line: #2003's second line is no second cancellation.
    assert_eq!(
        (report.refunds, report.cancellations, report.partial_refunds),
        (0, 4, 1)
    );
    assert_eq!(dataset.customers.len(), 4);
}

#[test]
fn woocommerce_order_export_plugin_counts_the_repeated_total_once() {
    let bytes = fixture("woo_order_export_plugin.csv");
    let mut schema = sniff("woo_order_export_plugin.csv", &bytes, true).unwrap();
    // The file kind and the customer column come from other detection (its
    // lifetime columns `Customer Paid Orders`, `Customer Total Spent` read as
    // a customer summary); here they are set as the mapping step would.
    if schema.kind != FileKind::Orders {
        schema.set_kind(FileKind::Orders);
    }
    for role in &mut schema.roles {
        if role.role == Role::CustomerKey {
            role.column = None;
        }
    }
    assert_eq!(header(&schema, Role::Phone), Some("Phone (Billing)"));
    assert_eq!(header(&schema, Role::Amount), Some("Order Total Amount"));
    assert_eq!(header(&schema, Role::Category), Some("Item Name"));
    assert_eq!(header(&schema, Role::OrderId), Some("Order Number"));
    assert_eq!(header(&schema, Role::Status), Some("Order Status"));
    let (report, dataset) = read(schema, &bytes);
    assert_eq!(report.line_structure, LineStructure::OrderTotalRepeated);
    // 14 rows: 5104's second row is the first one exported twice.
    assert_eq!(
        (report.rows_read, report.rows_kept, report.duplicates_removed),
        (14, 13, 1)
    );
    // 5101 (+1), 5103 (+2), 5105 (+1), 5108 (+1); the repeated 5104 row is a duplicate.
    assert_eq!(report.lines_merged, 5);
    assert_eq!(
        orders(&dataset),
        vec![
            (3850, Paid),      // 5101 Completed, two items
            (2400, Paid),      // 5102 Processing
            (4500, Cancelled), // 5103 On hold, three items
            (2250, Paid),      // 5104 Completed
            (5200, Refunded),  // 5105 Refunded, two items
            (1900, Cancelled), // 5106 Pending payment
            (1550, Cancelled), // 5107 Cancelled
            (7100, Paid),      // 5108 Completed, two items
        ]
    );
    assert_eq!((report.refunds, report.cancellations), (1, 3));
    // Keyed by the billing phone's digits: Lucía, Marco, Anna, Joana.
    assert_eq!(dataset.customers.len(), 4);
    assert_eq!(dataset.customers.key()[0], "34600111222");
}

#[test]
fn item_rows_with_blank_order_fields_belong_to_their_order() {
    let bytes = fixture("item_rows_blank_order_fields.csv");
    let schema = sniff("item_rows_blank_order_fields.csv", &bytes, true).unwrap();
    assert_eq!(schema.delimiter, b';');
    assert_eq!(schema.kind, FileKind::Orders);
    assert_eq!(schema.line_structure, LineStructure::OrderTotalOnFirstLine);
    let (report, dataset) = read(schema, &bytes);
    // Item rows without e-mail or date are lines of their order, not rejections.
    assert_eq!((report.rows_read, report.rows_kept, report.rows_rejected), (10, 10, 0));
    assert_eq!(report.lines_merged, 4);
    assert_eq!(
        orders(&dataset),
        vec![
            (4500, Paid),      // 1001 Pagado
            (3000, Cancelled), // 1002 Pendiente
            (6250, Paid),      // 1003 Pagado, three items
            (2500, Refunded),  // 1004 Reembolsado
            (4000, Paid),      // 1005 Aprobado
            (2000, Cancelled), // 1006 Cancelado
        ]
    );
    assert_eq!(dataset.customers.len(), 3);
    assert_eq!(report.first_date.as_deref(), Some("2024-02-03"));
    assert_eq!(report.last_date.as_deref(), Some("2024-02-29"));
}

#[test]
fn financial_status_wins_over_fulfillment_status() {
    let text = "Name,Email,Fulfillment Status,Lineitem fulfillment status,Financial Status,Total,Created at\n\
                #1001,a@example.com,fulfilled,fulfilled,paid,10.00,2024-03-01 09:15:22 -0500\n\
                #1002,b@example.com,unfulfilled,pending,refunded,12.00,2024-03-02 09:15:22 -0500\n";
    assert_eq!(column_for(text, Role::Status).as_deref(), Some("Financial Status"));
}

#[test]
fn the_order_total_is_the_amount_when_line_columns_exist() {
    let text = "Order ID,Customer ID,Order Date,Line Total,Quantity,Unit Price,Order Total\n\
                1,C1,2024-01-05,20.00,2,10.00,35.00\n\
                1,C1,2024-01-05,15.00,1,15.00,35.00\n\
                2,C2,2024-01-06,8.00,1,8.00,8.00\n";
    assert_eq!(column_for(text, Role::Amount).as_deref(), Some("Order Total"));
    assert_eq!(column_for(text, Role::UnitPrice).as_deref(), Some("Unit Price"));
}

#[test]
fn cancellation_and_refund_columns_are_recognised() {
    let taobao = "订单编号,买家会员名,订单创建时间,买家实际支付金额,退款金额,取消时间\n\
                  1001,tb_a,2024-05-02 10:00:00,89.00,0.00,\n\
                  1002,tb_b,2024-05-03 11:00:00,45.50,10.00,2024-05-03 12:00:00\n";
    assert_eq!(column_for(taobao, Role::CancelledAt).as_deref(), Some("取消时间"));
    assert_eq!(column_for(taobao, Role::RefundedAmount).as_deref(), Some("退款金额"));
    assert_eq!(column_for(taobao, Role::Amount).as_deref(), Some("买家实际支付金额"));
    for header in ["canceled_at", "Cancellation Date"] {
        let text = format!(
            "order_id,customer_id,order_date,amount,{header}\n1,C1,2024-01-05,10.00,\n2,C2,2024-01-06,12.00,2024-01-07\n"
        );
        assert_eq!(
            column_for(&text, Role::CancelledAt).as_deref(),
            Some(header),
            "{header}"
        );
    }
}
