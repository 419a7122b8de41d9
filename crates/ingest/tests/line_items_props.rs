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
                dataset.customers.key[o.customer[i] as usize].clone(),
                format_day(o.day[i]),
                (o.amount[i] * 100.0).round() as i64,
                o.status[i],
            )
        })
        .collect();
    let mut customers = dataset.customers.key.clone();
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
