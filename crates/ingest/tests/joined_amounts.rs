//! The mapping step asks for an orders file's amount only when no other file
//! of the set gives it: Olist's orders table has no money column, its
//! payments table (joined by order id) has the amounts.

use segscope_ingest::{amount_from_other_files, sniff, FileKind, FileSchema};

const OLIST: &str = "tests/fixtures/real/olist/";

fn schema(name: &str) -> FileSchema {
    let bytes = std::fs::read(format!("{OLIST}{name}")).expect("fixture");
    sniff(name, &bytes, bytes.len() <= segscope_ingest::SNIFF_BYTES).expect("sniff")
}

#[test]
fn olist_orders_take_their_amounts_from_the_payments() {
    let orders = schema("olist_orders_dataset.csv");
    let payments = schema("olist_order_payments_dataset.csv");
    let customers = schema("olist_customers_dataset.csv");
    assert_eq!((orders.kind, payments.kind), (FileKind::Orders, FileKind::OrderDetails));
    let all = [orders.clone(), payments, customers.clone()];
    assert!(amount_from_other_files(&orders, &all));
    assert!(
        !amount_from_other_files(&orders, &[orders.clone(), customers.clone()]),
        "alone it lacks amounts"
    );
    assert!(
        !amount_from_other_files(&customers, &all),
        "only orders files need amounts"
    );
}
