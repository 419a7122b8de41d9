//! Ground truth of a generated data set, derived from the rows exactly as written and saved as
//! truth.json, so that an importer can be checked against it.

use crate::config::{Config, DateStyle};
use crate::dirty::{Reason, Row};
use crate::format::{self, Ymd};
use crate::orders::{CANCELLED, REFUNDED, RETURNED};
use crate::people::Person;
use crate::timeline::{Timeline, DAY_SECS};
use crate::vocab::CURRENCY;
use serde::Serialize;
use std::collections::BTreeSet;

/// Rejected order rows per reason.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Rejections {
    /// Rows with a blank customer id.
    pub missing_key: u64,
    /// Rows whose date cannot be read.
    pub bad_date: u64,
    /// Rows whose amount cannot be read.
    pub bad_amount: u64,
}

/// The contents of truth.json.
#[derive(Clone, Debug, Serialize)]
pub struct Truth {
    /// Distinct customer ids across customers.csv and orders.csv.
    pub customers: u64,
    /// Data rows of customers.csv (0 when it is not written).
    pub customers_file_rows: u64,
    /// Customers with at least one kept paid order with a non-negative amount.
    pub buyers: u64,
    /// Kept paid orders with a non-negative amount.
    pub paid_orders: u64,
    /// Sum of their amounts, rounded to cents.
    pub paid_revenue: f64,
    /// Buyers with at least two such orders.
    pub repeat_buyers: u64,
    /// Kept refunded or returned orders plus kept paid orders with a negative amount.
    pub refunded_orders: u64,
    /// Kept cancelled orders.
    pub cancelled_orders: u64,
    /// Ids in orders.csv but not in customers.csv (0 when customers.csv is not written).
    pub orphan_customers: u64,
    /// Data records of orders.csv (a quoted line break does not start a record).
    pub orders_rows_read: u64,
    /// Records neither rejected nor duplicates.
    pub orders_rows_kept: u64,
    /// Records rejected.
    pub orders_rows_rejected: u64,
    /// Exact repeated records removed (the first copy is kept).
    pub orders_duplicates_removed: u64,
    /// Rejected records per reason.
    pub rejected_by_reason: Rejections,
    /// Earliest order date over kept records (`YYYY-MM-DD`).
    pub first_order_date: Option<String>,
    /// Latest order date over kept records (`YYYY-MM-DD`).
    pub last_order_date: Option<String>,
    /// Data rows of events.csv.
    pub events_rows: u64,
    /// Distinct currency codes over kept records, sorted.
    pub currencies: Vec<String>,
    /// The options the files were generated with.
    pub args: Config,
    /// What survey.csv and reviews.csv hold (with `--survey`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback: Option<crate::feedback::FeedbackTruth>,
}

/// Computes the truth of `rows` (orders.csv) and `people`, given the number of event rows.
pub fn compute(cfg: &Config, people: &[Person], rows: &[Row], timeline: &Timeline, events_rows: u64) -> Truth {
    let customers_file = !cfg.no_customers;
    let mut in_orders = vec![false; people.len()];
    let mut paid = vec![0u32; people.len()];
    let mut rejected = Rejections::default();
    let (mut read, mut kept, mut duplicates) = (0, 0, 0);
    let (mut paid_orders, mut revenue_cents, mut refunded, mut cancelled) = (0, 0i64, 0, 0);
    let (mut first, mut last) = (u32::MAX, 0);
    let mut currencies = BTreeSet::new();
    for row in rows {
        let o = &row.order;
        let copies = if row.flaw == crate::dirty::Flaw::Duplicate {
            2
        } else {
            1
        };
        read += copies;
        match row.flaw.rejection() {
            Some(Reason::MissingKey) => {
                rejected.missing_key += 1;
                continue;
            }
            Some(Reason::BadDate) => rejected.bad_date += 1,
            Some(Reason::BadAmount) => rejected.bad_amount += 1,
            None => {}
        }
        in_orders[o.person as usize] = true;
        if row.flaw.rejection().is_some() {
            continue;
        }
        duplicates += copies - 1;
        kept += 1;
        first = first.min(o.ts);
        last = last.max(o.ts);
        currencies.insert(CURRENCY[row.currency as usize]);
        match o.status {
            CANCELLED => cancelled += 1,
            REFUNDED | RETURNED => refunded += 1,
            _ if o.cents < 0 => refunded += 1,
            _ => {
                paid_orders += 1;
                revenue_cents += o.cents;
                paid[o.person as usize] += 1;
            }
        }
    }
    let mut customers = 0;
    let mut orphans = 0;
    for (p, &ordered) in people.iter().zip(&in_orders) {
        let in_file = customers_file && !p.guest;
        customers += u64::from(in_file || ordered);
        orphans += u64::from(customers_file && ordered && p.guest);
    }
    let date = |ts: u32| iso(timeline.ymd(ts / DAY_SECS));
    Truth {
        customers,
        customers_file_rows: if customers_file {
            people.iter().filter(|p| !p.guest).count() as u64
        } else {
            0
        },
        buyers: paid.iter().filter(|&&n| n >= 1).count() as u64,
        paid_orders,
        paid_revenue: revenue_cents as f64 / 100.0,
        repeat_buyers: paid.iter().filter(|&&n| n >= 2).count() as u64,
        refunded_orders: refunded,
        cancelled_orders: cancelled,
        orphan_customers: orphans,
        orders_rows_read: read,
        orders_rows_kept: kept,
        orders_rows_rejected: rejected.missing_key + rejected.bad_date + rejected.bad_amount,
        orders_duplicates_removed: duplicates,
        rejected_by_reason: rejected,
        first_order_date: (kept > 0).then(|| date(first)),
        last_order_date: (kept > 0).then(|| date(last)),
        events_rows,
        currencies: currencies.into_iter().map(String::from).collect(),
        args: cfg.clone(),
        feedback: None,
    }
}

fn iso(d: Ymd) -> String {
    let mut s = String::with_capacity(10);
    format::push_date(&mut s, d, DateStyle::Iso, 0);
    s
}
