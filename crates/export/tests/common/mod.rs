//! The dataset both export tests read back: buyers over several segments,
//! non-buyers, and keys, sources and categories that look like formulas.

use segscope_model::{Customers, Dataset, OrderStatus};

/// Customers `keys`: most with a categorised paid order (their favourite),
/// every other one with a second order, none for every fourth; with
/// `refunds`, every fifth also has a refunded order.
pub fn dataset(keys: Vec<String>, refunds: bool) -> Dataset {
    let n = keys.len();
    let mut d = Dataset {
        customers: Customers::with_keys(keys),
        sources: vec!["=Ads, \"paid\"".into(), "微信群".into()],
        categories: vec!["books".into(), "+toys".into()],
        ..Dataset::default()
    };
    for i in 0..n {
        d.customers.set_source(i, (i % 3 != 2).then_some((i % 2) as u16));
    }
    for i in 0..n as u32 {
        if i % 4 != 3 {
            d.orders.push_with_category(
                i,
                19_700 + i as i32,
                10.0 + f64::from(i) * 3.25,
                OrderStatus::Paid,
                (i % 2) as u16,
            );
        }
        if i % 2 == 0 {
            d.orders.push(i, 19_720, 7.5, OrderStatus::Paid);
        }
        if refunds && i % 5 == 0 {
            d.orders.push(i, 19_710, 4.0, OrderStatus::Refunded);
        }
    }
    d
}
