//! Rows that take part in a join (`docs/ingest/joins.md#several-tables-of-one-shop`):
//! order-details rows (payments, order lines) keyed by order id, and the
//! rows of an orders file whose order ids they name.

use super::{Rejected, RowHandler};
use crate::joins::JoinPart;
use crate::quality::RejectReason;
use crate::records::Record;
use crate::value::{parse_amount, trim};

impl RowHandler<'_> {
    /// Keeps an orders-file row as [`RowHandler::order_row`] does, and
    /// records a new order under its id for the details to find; an order of
    /// a file without amounts waits for them.
    pub(super) fn joined_order_row(&mut self, record: &Record, order_id: Option<u64>) -> Result<(), Rejected> {
        let before = self.builder.dataset.orders.len();
        self.order_row(record, order_id)?;
        let JoinPart::Orders { awaiting } = self.columns.join else {
            return Ok(());
        };
        if self.builder.dataset.orders.len() > before {
            let row = self.state.row_number(self.state.report.rows_read);
            let id = self.columns.order_id.map_or(&b""[..], |i| trim(record.get(i)));
            let waiting = awaiting.map(|file| (file, row, id));
            self.builder.add_joined_order(order_id, before as u32, waiting);
        } else if let (Some(_), Some(key)) = (awaiting, order_id) {
            self.builder.add_joined_line(key);
        }
        Ok(())
    }

    /// Keeps an order-details row whose order id names an order: its amount
    /// goes to that order when the file gives amounts and the order waits for
    /// them, and its category when the order has none. A row whose id is
    /// empty or names no order is rejected as [`RejectReason::UnknownOrder`].
    pub(super) fn detail_row(&mut self, record: &Record, order_id: Option<u64>) -> Result<(), Rejected> {
        let c = self.columns;
        let target = order_id
            .and_then(|key| self.builder.detail_target(key))
            .ok_or((RejectReason::UnknownOrder, c.order_id))?;
        if matches!(c.join, JoinPart::Details { amounts: true }) {
            let amount = self.detail_amount(record)?;
            if amount < 0.0 {
                self.state.report.negative_amounts += 1;
            }
            self.builder.add_detail_amount(target, amount);
        }
        if let Some(i) = c.category {
            self.builder.set_detail_category(target, trim(record.get(i)));
        }
        Ok(())
    }

    /// A detail row's amount: its amount cell (a payment, a line total), else
    /// unit price × quantity (1 without a quantity column), plus freight.
    /// Empty cells count as 0; a cell that is no number rejects the row.
    fn detail_amount(&self, record: &Record) -> Result<f64, Rejected> {
        let c = self.columns;
        let number = |column: Option<usize>, empty: f64| match column {
            Some(i) => parse_amount(record.get(i))
                .map(|v| v.unwrap_or(empty))
                .map_err(|_| (RejectReason::BadAmount, Some(i))),
            None => Ok(empty),
        };
        if c.amount.is_some() {
            return number(c.amount, 0.0);
        }
        let line = number(c.unit_price, 0.0)? * number(c.quantity, 1.0)?;
        Ok(line + number(c.freight, 0.0)?)
    }
}
