//! Helpers shared by the engine's property tests.

use segscope_model::{Dataset, OrderStatus, NO_CATEGORY};

/// A random order as the property tests draw it: (customer, day, cents,
/// status draw) and a category draw; status 0 is a refund, 1 a
/// cancellation, anything else paid; categories from 3 up mean none.
pub type OrderDraw = ((usize, i32, u32, u8), u16);

/// Adds the drawn orders to `dataset`, customers taken modulo its size.
pub fn push_orders(dataset: &mut Dataset, orders: Vec<OrderDraw>) {
    let n = dataset.customers.len().max(1);
    for ((c, day, cents, s), category) in orders {
        let status = match s {
            0 => OrderStatus::Refunded,
            1 => OrderStatus::Cancelled,
            _ => OrderStatus::Paid,
        };
        let category = if category < 3 { category } else { NO_CATEGORY };
        dataset
            .orders
            .push_with_category((c % n) as u32, day, f64::from(cents) / 100.0, status, category);
    }
}
