//! The same orders written one row per order and as item rows — the order
//! total repeated on every item row (WooCommerce order-export plugins), the
//! order fields on the first item row only (Shopify), and every order field
//! but the id blank on later rows — read to the same Dataset: the same
//! customers and, per order, the same customer, day, amount and status.

use proptest::prelude::*;
use segscope_ingest::line_items::LineStructure;
use segscope_ingest::{read_file, sniff, DatasetBuilder, FileKind};
use segscope_model::date::format_day;
use segscope_model::{Dataset, OrderStatus};

/// One generated order.
#[derive(Debug, Clone)]
struct Order {
    customer: usize,
    date: (i32, u32, u32),
    total_cents: u32,
    status: OrderStatus,
    /// Cancelled after the fact: a cancellation date, status word unchanged.
    cancelled_at: bool,
    /// Item name, quantity, unit price in cents.
    items: Vec<(String, u32, u32)>,
}

fn order() -> impl Strategy<Value = Order> {
    let status = prop_oneof![
        6 => Just(OrderStatus::Paid),
        1 => Just(OrderStatus::Refunded),
        1 => Just(OrderStatus::Cancelled),
    ];
    let item = ("[a-z]{2,6}( [A-Z]{1,2})?", 1u32..4, 100u32..20_000);
    (
        0usize..6,
        (2022i32..2025, 1u32..13, 1u32..29),
        0u32..200_000,
        status,
        prop::bool::weighted(0.15),
        prop::collection::vec(item, 1..5),
    )
        .prop_map(|(customer, date, total_cents, status, cancelled_at, items)| Order {
            customer,
            date,
            total_cents,
            status,
            cancelled_at,
            items,
        })
}

fn email(customer: usize) -> String {
    format!("buyer{customer}@example.com")
}

fn date(o: &Order) -> String {
    let (y, m, d) = o.date;
    format!("{y}-{m:02}-{d:02}")
}

fn money(cents: u32) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

fn cancelled_at(o: &Order) -> String {
    if o.cancelled_at {
        format!("{} 18:30:00", date(o))
    } else {
        String::new()
    }
}

/// A status word of the platform's vocabulary: generic, WooCommerce, Shopify.
fn word(status: OrderStatus, vocabulary: usize, id: usize) -> &'static str {
    let words: [&[&str]; 3] = match status {
        OrderStatus::Paid => [
            &["paid", "completed"],
            &["Completed", "Processing"],
            &["paid", "authorized"],
        ],
        OrderStatus::Refunded => [&["refunded"], &["Refunded"], &["refunded"]],
        OrderStatus::Cancelled => [
            &["cancelled"],
            &["On hold", "Pending payment", "Failed"],
            &["voided", "pending"],
        ],
    };
    let list = words[vocabulary];
    list[id % list.len()]
}

fn one_row_per_order(orders: &[Order]) -> String {
    let mut out = String::from("Order ID,Email,Order Date,Status,Cancelled at,Total\n");
    for (i, o) in orders.iter().enumerate() {
        out += &format!(
            "{},{},{},{},{},{}\n",
            1001 + i,
            email(o.customer),
            date(o),
            word(o.status, 0, i),
            cancelled_at(o),
            money(o.total_cents)
        );
    }
    out
}

fn total_repeated(orders: &[Order]) -> String {
    let mut out = String::from(
        "\"Order Number\",\"Order Status\",\"Order Date\",\"Email (Billing)\",\"Cancelled at\",\"Item Name\",\"Quantity\",\"Item Price\",\"Order Total Amount\"\n",
    );
    for (i, o) in orders.iter().enumerate() {
        for (name, qty, price) in &o.items {
            out += &format!(
                "\"{}\",\"{}\",\"{}\",\"{}\",\"{}\",\"{name}\",\"{qty}\",\"{}\",\"{}\"\n",
                2001 + i,
                word(o.status, 1, i),
                date(o),
                email(o.customer),
                cancelled_at(o),
                money(*price),
                money(o.total_cents)
            );
        }
    }
    out
}

/// Shopify style; with `blank_later`, later rows keep only the order id and
/// the item cells.
fn first_line_only(orders: &[Order], blank_later: bool) -> String {
    let mut out = String::from(
        "Name,Email,Financial Status,Created at,Cancelled at,Total,Lineitem quantity,Lineitem name,Lineitem price\n",
    );
    for (i, o) in orders.iter().enumerate() {
        for (n, (name, qty, price)) in o.items.iter().enumerate() {
            let (email, created) = if n > 0 && blank_later {
                (String::new(), String::new())
            } else {
                (email(o.customer), format!("{} 10:15:00", date(o)))
            };
            let (status, cancelled, total) = if n == 0 {
                (word(o.status, 2, i), cancelled_at(o), money(o.total_cents))
            } else {
                ("", String::new(), String::new())
            };
            out += &format!(
                "#{},{email},{status},{created},{cancelled},{total},{qty},{name},{}\n",
                3001 + i,
                money(*price)
            );
        }
    }
    out
}

/// Per order: customer key, day, amount in cents, status; and the customers.
type Summary = (Vec<(String, String, i64, OrderStatus)>, Vec<String>);

fn summary(dataset: &Dataset) -> Summary {
    let o = &dataset.orders;
    let orders = (0..o.len())
        .map(|i| {
            (
                dataset.customers.key()[o.customer()[i] as usize].clone(),
                format_day(o.day()[i]),
                (o.amount()[i] * 100.0).round() as i64,
                o.status()[i],
            )
        })
        .collect();
    let mut customers = dataset.customers.key().to_vec();
    customers.sort();
    (orders, customers)
}

fn expected(orders: &[Order]) -> Summary {
    let rows = orders
        .iter()
        .map(|o| {
            let status = if o.cancelled_at {
                OrderStatus::Cancelled
            } else {
                o.status
            };
            (email(o.customer), date(o), i64::from(o.total_cents), status)
        })
        .collect();
    let mut customers: Vec<String> = orders.iter().map(|o| email(o.customer)).collect();
    customers.sort();
    customers.dedup();
    (rows, customers)
}

/// Sniffs and reads `text`; the dataset and the structure the read used.
fn read(text: &str) -> (Dataset, LineStructure, u64) {
    let schema = sniff("orders.csv", text.as_bytes(), true).expect("sniff");
    assert_eq!(schema.kind, FileKind::Orders, "{:?}", schema.headers);
    let mut builder = DatasetBuilder::new();
    let report = read_file(schema, text.as_bytes(), &mut builder).expect("read");
    assert!(report.balances(), "{report:?}");
    assert_eq!(report.rows_rejected, 0, "{report:?}");
    let (dataset, _) = builder.finish();
    (dataset, report.line_structure, report.lines_merged)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn every_layout_reads_to_the_same_dataset(orders in prop::collection::vec(order(), 1..30)) {
        let want = expected(&orders);
        // Items that repeat exactly are duplicate rows, not further lines.
        let multi_line = orders.iter().any(|o| o.items.iter().any(|item| *item != o.items[0]));
        let (one, structure, merged) = read(&one_row_per_order(&orders));
        prop_assert_eq!(summary(&one), want.clone());
        prop_assert_eq!(structure, LineStructure::OneRowPerOrder);
        prop_assert_eq!(merged, 0);
        let layouts = [
            (total_repeated(&orders), LineStructure::OrderTotalRepeated),
            (first_line_only(&orders, false), LineStructure::OrderTotalOnFirstLine),
            (first_line_only(&orders, true), LineStructure::OrderTotalOnFirstLine),
        ];
        for (text, layout) in layouts {
            let (dataset, structure, _) = read(&text);
            prop_assert_eq!(summary(&dataset), want.clone(), "{}", text);
            if multi_line {
                prop_assert_eq!(structure, layout, "{}", text);
            }
        }
    }
}

/// How a generated order is refunded in the refund-row layouts (Square
/// `Event Type` `Refund` rows with the order's Transaction ID).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Refund {
    None,
    /// Every line refunded.
    Full,
    /// The first line refunded (the whole order when it has one line).
    FirstLine,
}

fn refund() -> impl Strategy<Value = Refund> {
    prop_oneof![3 => Just(Refund::None), 1 => Just(Refund::Full), 1 => Just(Refund::FirstLine)]
}

/// An order's distinct items (an item listed twice would be a duplicate row)
/// with their line amounts in cents.
fn lines(o: &Order) -> Vec<(String, u32, u32, u32)> {
    let mut out: Vec<(String, u32, u32, u32)> = Vec::new();
    for (name, qty, price) in &o.items {
        if !out.iter().any(|(n, q, p, _)| n == name && q == qty && p == price) {
            out.push((name.clone(), *qty, *price, qty * price));
        }
    }
    out
}

/// The refunded lines of an order.
fn refunded(o: &Order, refund: Refund) -> Vec<(String, u32, u32, u32)> {
    let all = lines(o);
    match refund {
        Refund::None => Vec::new(),
        Refund::Full => all,
        Refund::FirstLine => all.into_iter().take(1).collect(),
    }
}

/// A refund's date: a month after the order (a later date, never an order date).
fn refund_date(o: &Order) -> String {
    let (y, m, d) = o.date;
    let (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    format!("{y}-{m:02}-{d:02}")
}

/// Data rows, sorted newest first when `newest_first` (refunds then come
/// before their payment), else in order.
fn sorted(mut rows: Vec<(String, String)>, newest_first: bool) -> String {
    if newest_first {
        rows.sort_by(|a, b| b.0.cmp(&a.0));
    }
    rows.into_iter().map(|(_, row)| row).collect()
}

/// Square item detail: one row per item, refund rows with negative Qty and
/// Net Sales.
fn square_items(orders: &[(Order, Refund)], newest_first: bool) -> String {
    let mut rows = Vec::new();
    for (i, (o, refund)) in orders.iter().enumerate() {
        let row = |day: String, (name, qty, price, cents): &(String, u32, u32, u32), sign: &str, event: &str| {
            let line = format!(
                "{day},{name},{sign}{qty},{},{sign}{},T{},{event},{}\n",
                money(*price),
                money(*cents),
                5000 + i,
                email(o.customer)
            );
            (day, line)
        };
        for line in lines(o) {
            rows.push(row(date(o), &line, "", "Payment"));
        }
        for line in refunded(o, *refund) {
            rows.push(row(refund_date(o), &line, "-", "Refund"));
        }
    }
    String::from("Date,Item,Qty,Unit Price,Net Sales,Transaction ID,Event Type,Customer ID\n")
        + &sorted(rows, newest_first)
}

/// Square transactions: one row per payment, one refund row per refund.
fn square_transactions(orders: &[(Order, Refund)], newest_first: bool) -> String {
    let mut rows = Vec::new();
    for (i, (o, refund)) in orders.iter().enumerate() {
        let total: u32 = lines(o).iter().map(|l| l.3).sum();
        let back: u32 = refunded(o, *refund).iter().map(|l| l.3).sum();
        let row = |day: String, sign: &str, cents: u32, event: &str| {
            let line = format!(
                "{day},{sign}{},W{},{event},{}\n",
                money(cents),
                7000 + i,
                email(o.customer)
            );
            (day, line)
        };
        rows.push(row(date(o), "", total, "Payment"));
        if back > 0 {
            rows.push(row(refund_date(o), "-", back, "Refund"));
        }
    }
    String::from("Date,Total Collected,Transaction ID,Event Type,Customer ID\n") + &sorted(rows, newest_first)
}

/// Per order, sorted: customer, day, amount in cents, status.
fn refund_summary(dataset: &Dataset) -> Vec<(String, String, i64, String)> {
    let mut rows: Vec<_> = summary(dataset)
        .0
        .into_iter()
        .map(|(key, day, cents, status)| (key, day, cents, format!("{status:?}")))
        .collect();
    rows.sort();
    rows
}

fn refund_expected(orders: &[(Order, Refund)]) -> Vec<(String, String, i64, String)> {
    let mut rows: Vec<_> = orders
        .iter()
        .map(|(o, refund)| {
            let total: u32 = lines(o).iter().map(|l| l.3).sum();
            let back: u32 = refunded(o, *refund).iter().map(|l| l.3).sum();
            let (cents, status) = if back >= total {
                (total, OrderStatus::Refunded)
            } else {
                (total - back, OrderStatus::Paid)
            };
            (email(o.customer), date(o), i64::from(cents), format!("{status:?}"))
        })
        .collect();
    rows.sort();
    rows
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Refund rows fold into the order whose id they carry, before or after
    /// its payment: a full refund refunds it, a partial one is taken off, and
    /// neither adds an order or an order date.
    #[test]
    fn refund_rows_fold_into_their_orders(
        orders in prop::collection::vec((order(), refund()), 1..25),
        newest_first in any::<bool>(),
    ) {
        let want = refund_expected(&orders);
        for text in [square_items(&orders, newest_first), square_transactions(&orders, newest_first)] {
            let (dataset, _, _) = read(&text);
            prop_assert_eq!(refund_summary(&dataset), want.clone(), "{}", text);
        }
    }
}
