//! Refund rows folded into their orders (docs/ingest/orders.md#refund-rows):
//! a row whose event type says refund is no order and no order date; it is
//! taken off the order whose id it carries, wherever it stands in the file.

use segscope_ingest::quality::FileReport;
use segscope_ingest::{read_file, sniff, DatasetBuilder, FileKind, FileSchema, Role};
use segscope_model::{Dataset, OrderStatus};
use OrderStatus::{Paid, Refunded};

fn read_text(text: &str) -> (FileSchema, FileReport, Dataset) {
    let schema = sniff("payments.csv", text.as_bytes(), true).expect("sniff");
    assert_eq!(schema.kind, FileKind::Orders, "{:?}", schema.headers);
    let mut builder = DatasetBuilder::new();
    let report = read_file(schema.clone(), text.as_bytes(), &mut builder).expect("read");
    assert!(report.balances(), "{report:?}");
    (schema, report, builder.finish().0)
}

fn header(schema: &FileSchema, role: Role) -> Option<&str> {
    schema.column(role).map(|c| schema.headers[c].as_str())
}

/// Per order, in the order they were made: customer key, day, amount in
/// cents, status.
fn orders(dataset: &Dataset) -> Vec<(String, String, i64, OrderStatus)> {
    let o = &dataset.orders;
    (0..o.len())
        .map(|i| {
            (
                dataset.customers.key()[o.customer()[i] as usize].clone(),
                segscope_model::date::format_day(o.day()[i]),
                (o.amount()[i] * 100.0).round() as i64,
                o.status()[i],
            )
        })
        .collect()
}

fn order(key: &str, day: &str, cents: i64, status: OrderStatus) -> (String, String, i64, OrderStatus) {
    (key.to_string(), day.to_string(), cents, status)
}

/// Square transactions, newest first: each refund row comes before its payment.
const TRANSACTIONS: &str = "\
Date,Time,Gross Sales,Net Sales,Tax,Partial Refunds,Total Collected,Fees,Net Total,Transaction ID,Payment ID,Event Type,Customer ID,Customer Name
2023-05-09,09:00:00,-$20.00,-$20.00,-$1.65,$0.00,-$21.65,$0.00,-$21.65,TXB,pbR,Refund,CUST-B,Bruno
2023-05-08,10:00:00,$40.00,$40.00,$3.30,$0.00,$43.30,-$1.23,$42.07,TXC,pc,Payment,CUST-C,Carla
2023-05-07,07:55:00,-$60.00,-$60.00,-$4.95,$0.00,-$64.95,$0.00,-$64.95,TXA,paR,Refund,CUST-A,Ana
2023-05-05,07:55:00,$60.00,$60.00,$4.95,$0.00,$64.95,-$1.79,$63.16,TXA,pa,Payment,CUST-A,Ana
2023-05-04,12:00:00,$40.00,$40.00,$3.30,-$21.65,$43.30,-$1.23,$42.07,TXB,pb,Payment,CUST-B,Bruno
";

#[test]
fn refund_rows_before_their_payment_fold_into_it() {
    let (schema, report, dataset) = read_text(TRANSACTIONS);
    assert_eq!(header(&schema, Role::Amount), Some("Total Collected"));
    assert_eq!(header(&schema, Role::OrderId), Some("Transaction ID"));
    assert_eq!(header(&schema, Role::EventType), Some("Event Type"));
    assert_eq!(header(&schema, Role::PartialRefund), Some("Partial Refunds"));
    assert_eq!(
        orders(&dataset),
        vec![
            order("CUST-C", "2023-05-08", 4330, Paid),
            // Refunded in full two days later: the refund date is no order date.
            order("CUST-A", "2023-05-05", 6495, Refunded),
            // Partly refunded (stated on the payment and as a row): taken off once.
            order("CUST-B", "2023-05-04", 4330 - 2165, Paid),
        ]
    );
    assert_eq!((report.orders, report.refund_rows, report.rows_kept), (3, 2, 5));
    assert_eq!((report.refunds, report.partial_refunds), (1, 1));
    assert_eq!(report.refunds_without_order, 0);
}

#[test]
fn refund_rows_after_their_payment_read_the_same() {
    let mut lines: Vec<&str> = TRANSACTIONS.lines().collect();
    lines[1..].reverse();
    let oldest_first = lines.join("\n") + "\n";
    let (_, report, dataset) = read_text(&oldest_first);
    let by_day = |d: &Dataset| {
        let mut o = orders(d);
        o.sort_by(|a, b| a.1.cmp(&b.1));
        o
    };
    assert_eq!(by_day(&dataset), by_day(&read_text(TRANSACTIONS).2));
    assert_eq!((report.refunds, report.partial_refunds), (1, 1));
}

/// Square item detail: one row per item, line Net Sales summed per
/// Transaction ID; Gross Sales is before discounts.
const ITEMS: &str = "\
Date,Time,Category,Item,Qty,Gross Sales,Discounts,Net Sales,Tax,Transaction ID,Payment ID,Event Type,Customer ID
2023-04-02,10:00:00,Gear,Cups,1,$50.00,-$4.25,$45.75,$0.00,T1,P1,Payment,C1
2023-04-04,12:10:00,Gear,Candle,1,$22.00,$0.00,$22.00,$0.00,T2,P2,Payment,C2
2023-04-04,12:10:00,Gear,Pour-Over,2,$59.98,$0.00,$59.98,$0.00,T2,P2,Payment,C2
2023-04-05,10:00:00,Gear,Cups,-1,-$50.00,$4.25,-$45.75,$0.00,T1,R1,Refund,C1
2023-04-06,09:00:00,Gear,Mug,3,$54.00,$0.00,$54.00,$0.00,T3,P3,Payment,C1
2023-04-07,12:10:00,Gear,Pour-Over,-2,-$59.98,$0.00,-$59.98,$0.00,T2,R2,Refund,C2
";

#[test]
fn item_refund_rows_refund_the_order_or_take_their_lines_off() {
    let (schema, report, dataset) = read_text(ITEMS);
    assert_eq!(header(&schema, Role::Amount), Some("Net Sales"));
    assert_eq!(
        orders(&dataset),
        vec![
            order("C1", "2023-04-02", 4575, Refunded),
            order("C2", "2023-04-04", 2200, Paid),
            order("C1", "2023-04-06", 5400, Paid),
        ]
    );
    assert_eq!((report.orders, report.refund_rows, report.lines_merged), (3, 2, 1));
    assert_eq!((report.refunds, report.partial_refunds), (1, 1));
    assert_eq!(report.negative_amounts, 0);
}

#[test]
fn refund_words_of_other_languages_and_rows_without_a_customer() {
    // A Chinese payment journal: 交易类型 支付 / 退款; the refund row names no buyer.
    let text = "\
订单号,客户ID,下单时间,实付金额,交易类型
A1,u1,2024-03-01 10:00:00,120.00,支付
A2,u2,2024-03-02 11:00:00,80.00,支付
A1,,2024-03-05 09:00:00,-120.00,退款
A2,u2,2024-03-06 09:00:00,-30.00,退款
";
    let (schema, report, dataset) = read_text(text);
    assert_eq!(header(&schema, Role::EventType), Some("交易类型"));
    assert_eq!(
        orders(&dataset),
        vec![
            order("u1", "2024-03-01", 12000, Refunded),
            order("u2", "2024-03-02", 5000, Paid),
        ]
    );
    assert_eq!((report.rows_rejected, report.refund_rows), (0, 2));
    // Spanish and English words, written the other way round (refund first).
    let text = "\
Order ID,Customer ID,Date,Amount,Transaction Type
B1,c1,2024-03-05,-10.00,Reembolso
B2,c2,2024-03-04,-5.00,Partial refund
B1,c1,2024-03-01,10.00,Venta
B2,c2,2024-03-01,25.00,Sale
";
    let (_, _, dataset) = read_text(text);
    assert_eq!(
        orders(&dataset),
        vec![
            order("c1", "2024-03-01", 1000, Refunded),
            order("c2", "2024-03-01", 2000, Paid),
        ]
    );
}

#[test]
fn a_refund_of_an_order_outside_the_file_changes_nothing() {
    let text = "\
Date,Net Sales,Transaction ID,Event Type,Customer ID
2023-05-02,-$18.00,OLD1,Refund,C1
2023-05-03,$30.00,NEW1,Payment,C1
";
    let (_, report, dataset) = read_text(text);
    assert_eq!(orders(&dataset), vec![order("C1", "2023-05-03", 3000, Paid)]);
    assert_eq!((report.refund_rows, report.refunds_without_order), (1, 1));
    assert_eq!((report.refunds, report.rows_kept), (0, 2));
}

#[test]
fn without_an_event_type_a_negative_row_is_still_a_refunded_order() {
    // Unchanged behaviour: no event type column, no folding.
    let text = "\
Order ID,Customer ID,Date,Amount
1,c1,2024-01-01,10.00
2,c1,2024-01-03,-10.00
";
    let (_, report, dataset) = read_text(text);
    assert_eq!(
        orders(&dataset),
        vec![
            order("c1", "2024-01-01", 1000, Paid),
            order("c1", "2024-01-03", 1000, Refunded),
        ]
    );
    assert_eq!((report.refund_rows, report.negative_amounts), (0, 1));
}
