//! Small hand-made datasets for the unit tests of this module.

use segscope_model::{Customers, Dataset, Day, OrderStatus};

/// A dataset with customers `keys` (in order) and paid orders `(customer, day, amount)`.
pub(crate) fn paid(keys: &[&str], orders: &[(u32, Day, f64)]) -> Dataset {
    let mut dataset = Dataset {
        customers: Customers::with_keys(keys.iter().map(|k| (*k).to_string()).collect()),
        ..Dataset::default()
    };
    for &(customer, day, amount) in orders {
        dataset.orders.push(customer, day, amount, OrderStatus::Paid);
    }
    dataset
}

/// Customers `c0`, `c1`, … each with one paid order of `amount` on day `day`.
pub(crate) fn one_order_each(orders: &[(Day, f64)]) -> Dataset {
    let keys: Vec<String> = (0..orders.len()).map(|i| format!("c{i}")).collect();
    let key_refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    let rows: Vec<(u32, Day, f64)> = (0u32..).zip(orders).map(|(i, &(d, a))| (i, d, a)).collect();
    paid(&key_refs, &rows)
}
