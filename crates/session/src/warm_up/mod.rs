//! A first analysis of made-up data when the worker starts, so that the
//! browser's optimising compiler has the analysis's loops ready before the
//! user's file comes (docs/ingest/speed.md#warm-code): WebAssembly code first
//! runs in a quick baseline form and is optimised only once it has run a
//! while, and a call already running never switches, so the one analysis of
//! a file would otherwise run in the baseline form from start to end.

mod reading;

pub use reading::warm_up_reading;

use crate::protocol::Reply;
use crate::Session;
use segscope_engine::settings::Settings;
use segscope_ingest::QualityReport;
use segscope_model::{Customers, Dataset, OrderStatus};

/// Customers in the made-up data: enough for every per-customer loop to be
/// optimised, few enough to take a few tens of milliseconds.
const CUSTOMERS: u32 = 20_000;

/// Orders in the made-up data.
const ORDERS: u32 = 150_000;

/// Categories in the made-up data.
const CATEGORIES: u16 = 6;

/// Made-up orders of [`CUSTOMERS`] customers over two years, in several
/// categories and statuses (a fixed sequence: the same every time).
fn made_up_dataset() -> Dataset {
    let mut dataset = Dataset {
        customers: Customers::with_keys((0..CUSTOMERS).map(|c| format!("w{c}")).collect()),
        categories: (0..CATEGORIES).map(|k| format!("k{k}")).collect(),
        ..Dataset::default()
    };
    dataset.orders.reserve(ORDERS as usize);
    // A multiplicative congruential sequence (Knuth's MMIX constants) is all
    // the randomness made-up data needs.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |bound: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % bound
    };
    for _ in 0..ORDERS {
        // Skewed towards low indices, so that some customers buy often.
        let customer = (next(CUSTOMERS as u64) * next(CUSTOMERS as u64) / CUSTOMERS as u64) as u32;
        let day = 19_000 + next(730) as i32;
        let amount = 5.0 + next(20_000) as f64 / 100.0;
        let status = match next(20) {
            0 => OrderStatus::Refunded,
            1 => OrderStatus::Cancelled,
            _ => OrderStatus::Paid,
        };
        dataset
            .orders
            .push_with_category(customer, day, amount, status, next(CATEGORIES as u64) as u16);
    }
    dataset
}

/// Analyses [`made_up_dataset`] with the default settings, as for a file,
/// and hands out the dashboard's reply, for the worker to encode as it
/// encodes its replies (the encoding is generic: instantiated here as well,
/// it would be a second copy of that code in the worker) and forget.
pub fn warm_up() -> Reply {
    let mut session = Session::new(|| 0.0);
    session.load(made_up_dataset(), QualityReport::default());
    session.ready(&Settings::default(), 0.0, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_made_up_data_analyses_to_a_dashboard() {
        let mut session = Session::new(|| 0.0);
        session.load(made_up_dataset(), QualityReport::default());
        let Reply::Ready { summary, .. } = session.ready(&Settings::default(), 0.0, 1) else {
            panic!("no dashboard");
        };
        assert!(summary.kpis.buyers > CUSTOMERS as u64 / 2, "{}", summary.kpis.buyers);
    }
}
