//! The totals of a customer-summary row (docs/product.md#customer-summary): the
//! lifetime order count and spend, and first/last order dates when the
//! export has them (`docs/ingest/summaries.md`).

use super::{Rejected, RowHandler};
use crate::quality::RejectReason;
use crate::records::Record;
use crate::value::parse_amount;
use segscope_model::{CustomerIdx, Day};

/// A summary row's totals, as read.
pub(crate) struct RowTotals {
    /// Lifetime paid orders.
    pub orders: u32,
    /// Lifetime spend (finite, ≥ 0).
    pub spent: f64,
    /// First order date, if any.
    pub first: Option<Day>,
    /// Last order date, if any.
    pub last: Option<Day>,
}

impl RowHandler<'_> {
    /// Stores the row's totals for `customer`. A row with neither an order
    /// count nor a spend registers the customer only; a spend without a count
    /// is one order; a count or spend that is not a number rejects the row.
    pub(super) fn summary_totals(&mut self, record: &Record, customer: CustomerIdx) -> Result<(), Rejected> {
        let c = self.columns;
        let number = |column: Option<usize>| match column {
            None => Ok(None),
            Some(i) => match parse_amount(record.get(i)) {
                Ok(Some(v)) if v.is_finite() => Ok(Some(v)),
                Ok(None) => Ok(None),
                _ => Err((RejectReason::BadAmount, Some(i))),
            },
        };
        let count = number(c.order_count)?;
        let spent = number(c.total_spent)?;
        if count.is_some_and(|n| n < 0.0) {
            return Err((RejectReason::BadAmount, c.order_count));
        }
        if spent.is_some_and(|s| s < 0.0) {
            self.state.report.negative_amounts += 1;
        }
        let spent = spent.map(|s| s.max(0.0));
        let orders = match (count, spent) {
            (None, None) => return Ok(()),
            (Some(n), _) => n.round().min(f64::from(u32::MAX)) as u32,
            (None, Some(s)) => u32::from(s > 0.0),
        };
        let first = c.first_order.and_then(|i| self.state.dates.read(record.get(i)));
        let last = c.date.and_then(|i| self.state.dates.read(record.get(i)));
        let totals = RowTotals {
            orders,
            spent: spent.unwrap_or(0.0),
            first: first.map(|d| d.0),
            last: last.map(|d| d.0),
        };
        let Some((slot, replaced)) = self.builder.set_totals(customer, totals) else {
            return Ok(());
        };
        self.state.report.orders = (self.state.report.orders + u64::from(orders)).saturating_sub(u64::from(replaced));
        // Ambiguous dates are re-read at the end: target 2·slot (first) or 2·slot + 1 (last).
        let target = |side: u32| slot.checked_mul(2).and_then(|t| t.checked_add(side));
        if let Some(day) = first {
            self.state.dates.keep(day, target(0));
        }
        if let Some(day) = last {
            self.state.dates.keep(day, target(1));
        }
        Ok(())
    }
}
