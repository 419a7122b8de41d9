//! Rows of an orders file: one order, or one more line of an order already
//! seen, with its status from every column that carries one
//! (docs/ingest/orders.md#status) and its amount counted as the file's line
//! structure says (docs/ingest/orders.md#line-items).

use super::{Rejected, RowHandler};
use crate::joins::JoinPart;
use crate::order_index::NO_ORDER;
use crate::quality::RejectReason;
use crate::records::Record;
use crate::status::is_cancellation_mark;
use crate::value::{parse_amount, trim};
use segscope_model::{CustomerIdx, Day, OrderStatus};

impl RowHandler<'_> {
    /// Keeps one order row, or rejects it with its column. A row without a
    /// customer or date whose order id already has an order is a further line
    /// of that order (exports that fill order fields on the first line only).
    pub(super) fn order_row(&mut self, record: &Record, order_id: Option<u64>) -> Result<(), Rejected> {
        let c = self.columns;
        if let Some(order_key) = order_id.filter(|_| self.is_refund_row(record)) {
            // Folded into its order once the file is read: no order, no
            // order date, whoever the row names.
            let amount = self.amount(record)?;
            self.state.refunds.refund_row(order_key, amount);
            self.state.report.refund_rows += 1;
            return Ok(());
        }
        let key = match self.key(record) {
            Ok(key) => key,
            Err(missing) => return self.continued_line(record, order_id, missing),
        };
        let day = match self.required_day(record) {
            Ok(day) => day,
            Err(bad) => return self.continued_line(record, order_id, bad),
        };
        let mut amount = self.amount(record)?;
        let (mut status, carries_status) = self.line_status(record);
        if c.amount.is_none() && c.order_id.is_some_and(|i| is_uci_cancellation(record.get(i))) {
            status = OrderStatus::Cancelled;
        }
        let refunded = c
            .refunded_amount
            .and_then(|i| parse_amount(record.get(i)).ok().flatten())
            .map_or(0.0, f64::abs);
        let mut partly_refunded = false;
        if status == OrderStatus::Paid && refunded > 0.0 && amount > 0.0 {
            if refunded >= amount {
                status = OrderStatus::Refunded;
            } else {
                partly_refunded = true;
                amount -= refunded;
            }
        }
        if amount < 0.0 {
            self.state.report.negative_amounts += 1;
            if status == OrderStatus::Paid {
                status = OrderStatus::Refunded;
            }
        }
        if let Some(i) = c.currency {
            self.state.count_currency(trim(record.get(i)));
        }
        let customer = self.customer(record, key);
        self.contact_cells(record, customer);
        // Exports like Shopify's fill the status only on an order's first line.
        let has_status_columns = c.status.is_some() || c.cancelled_at.is_some();
        let inherits_status = has_status_columns && !carries_status && amount >= 0.0;
        let new_order = self.add_order_line(order_id, customer, day.0, amount.abs(), status, inherits_status);
        self.state.report.orders += u64::from(new_order);
        let order = self.builder.dataset.orders.len().saturating_sub(1) as u32;
        self.state.dates.keep(day, new_order.then_some(order));
        self.stated_partial_refund(record, order_id, new_order.then_some(order));
        if !new_order {
            return Ok(());
        }
        if let Some(i) = c.category {
            let category = self.builder.category(trim(record.get(i)));
            self.builder.dataset.orders.set_last_category(category);
        }
        let report = &mut self.state.report;
        match status {
            OrderStatus::Paid if partly_refunded => report.partial_refunds += 1,
            OrderStatus::Paid => {}
            OrderStatus::Refunded => report.refunds += 1,
            OrderStatus::Cancelled => report.cancellations += 1,
        }
        Ok(())
    }

    /// True when the row is a refund of the order id it carries: its event
    /// type cell says refund (Square `Event Type` `Refund`). Not in an orders
    /// file whose amounts come from joined order details.
    fn is_refund_row(&mut self, record: &Record) -> bool {
        let c = self.columns;
        if matches!(c.join, JoinPart::Orders { awaiting: Some(_) }) {
            return false;
        }
        let Some(i) = c.order_event else {
            return false;
        };
        let cell = trim(record.get(i));
        !cell.is_empty() && self.state.is_refund_event(cell)
    }

    /// Remembers the partial refund a kept row states (Square `Partial
    /// Refunds`) for its order: `new_order` when the row made one, else the
    /// order its id already has.
    fn stated_partial_refund(&mut self, record: &Record, order_id: Option<u64>, new_order: Option<u32>) {
        let Some(i) = self.columns.partial_refund else {
            return;
        };
        let Some(amount) = parse_amount(record.get(i)).ok().flatten() else {
            return;
        };
        let order = new_order.or_else(|| {
            order_id
                .and_then(|id| self.state.order_lines.get_mut(id))
                .map(|line| line.order)
                .filter(|order| *order != NO_ORDER)
        });
        if let Some(order) = order {
            self.state.refunds.stated_partial(order, amount);
        }
    }

    /// The status a line's own cells give, and whether it has any: a set
    /// cancellation date cancels the order whatever the status word says.
    fn line_status(&mut self, record: &Record) -> (OrderStatus, bool) {
        let c = self.columns;
        if c.cancelled_at.is_some_and(|i| is_cancellation_mark(record.get(i))) {
            return (OrderStatus::Cancelled, true);
        }
        let state = c
            .order_state
            .map(|i| trim(record.get(i)))
            .filter(|cell| !cell.is_empty())
            .map(|cell| self.state.status(cell))
            .filter(|s| *s != OrderStatus::Paid);
        match c.status.map(|i| trim(record.get(i))).filter(|cell| !cell.is_empty()) {
            Some(cell) => (state.unwrap_or(self.state.status(cell)), true),
            None => state.map_or((OrderStatus::Paid, false), |s| (s, true)),
        }
    }

    /// A row whose customer cells (or date cell) are blank, of an order id
    /// that already has an order, is one more line of it; any other row is
    /// rejected as `rejected` says.
    fn continued_line(&mut self, record: &Record, order_id: Option<u64>, rejected: Rejected) -> Result<(), Rejected> {
        let c = self.columns;
        let blank = |col: Option<usize>| col.is_none_or(|i| trim(record.get(i)).is_empty());
        let cells_blank = match rejected.0 {
            RejectReason::MissingKey => blank(c.key) && blank(c.email) && blank(c.phone),
            _ => blank(c.date),
        };
        let order = order_id
            .filter(|_| cells_blank)
            .and_then(|id| self.state.order_lines.get_mut(id))
            .map(|line| line.order)
            .filter(|order| *order != NO_ORDER);
        let Some(order) = order else {
            return Err(rejected);
        };
        let amount = self.amount(record)?;
        if amount < 0.0 {
            return Err(rejected);
        }
        if self.state.lines.sums_lines() {
            let orders = &mut self.builder.dataset.orders;
            if (order as usize) < orders.len() {
                orders.add_to_amount(order as usize, amount);
            }
        }
        self.state.report.lines_merged += 1;
        Ok(())
    }

    /// Adds a kept order row: a new order, or one more line of an order seen
    /// before (same id and customer, and same status unless the line has none
    /// and `inherits_status`, or the file's lines share their order's fields).
    /// A line adds its amount only when the file's lines carry line amounts;
    /// an order total on the first or every line is counted once. True when a
    /// new order was added.
    fn add_order_line(
        &mut self,
        order_id: Option<u64>,
        customer: CustomerIdx,
        day: Day,
        amount: f64,
        status: OrderStatus,
        inherits_status: bool,
    ) -> bool {
        let sums_lines = self.state.lines.sums_lines();
        let orders = &mut self.builder.dataset.orders;
        let line = match order_id {
            Some(id) => self.state.order_line(id),
            None => None,
        };
        if let Some(line) = line {
            let existing = line.order as usize;
            let same_status = inherits_status || !sums_lines || orders.status().get(existing) == Some(&status);
            if line.order != NO_ORDER && orders.customer()[existing] == customer && same_status {
                if sums_lines {
                    orders.add_to_amount(existing, amount);
                }
                self.state.report.lines_merged += 1;
                return false;
            }
            if line.order == NO_ORDER {
                line.order = orders.len() as u32;
            }
        }
        orders.push(customer, day, amount, status);
        true
    }

    /// The row's amount: its amount cell (blank = 0), else quantity × unit
    /// price.
    fn amount(&self, record: &Record) -> Result<f64, Rejected> {
        let c = self.columns;
        // An order whose amount the order details give starts at 0
        // (docs/ingest/joins.md#several-tables-of-one-shop).
        if matches!(c.join, JoinPart::Orders { awaiting: Some(_) }) {
            return Ok(0.0);
        }
        if let Some(i) = c.amount {
            return parse_amount(record.get(i))
                .map(|v| v.unwrap_or(0.0))
                .map_err(|_| (RejectReason::BadAmount, Some(i)));
        }
        let (q, p) = (c.quantity.unwrap_or(0), c.unit_price.unwrap_or(0));
        let quantity = parse_amount(record.get(q))
            .map_err(|_| (RejectReason::BadAmount, Some(q)))?
            .unwrap_or(0.0);
        let price = parse_amount(record.get(p))
            .map_err(|_| (RejectReason::BadAmount, Some(p)))?
            .unwrap_or(0.0);
        Ok(quantity * price)
    }
}

/// UCI Online Retail marks cancellations with invoice numbers like `C536379`
/// (files with quantity × unit price and no amount column).
fn is_uci_cancellation(invoice: &[u8]) -> bool {
    let invoice = trim(invoice);
    invoice.len() > 1 && invoice[0] == b'C' && invoice[1..].iter().all(u8::is_ascii_digit)
}
