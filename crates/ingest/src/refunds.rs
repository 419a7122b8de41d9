//! Refund rows folded into their orders (docs/ingest/orders.md#refund-rows).
//!
//! Some exports write a refund as a row of its own — Square's `Event Type`
//! `Refund`, with the payment's Transaction ID, negative money and a later
//! date — rather than as a status of the order. Such a row is no order: it is
//! remembered by its order id and, once the whole file is read (refund rows
//! may come before their payment, as exports list the newest first), taken
//! off that order. Refunds covering the order's whole amount make it
//! refunded, unless the export calls them partial (`Role::PartialRefund`).

use super::order_index::{OrderIndex, NO_ORDER};
use super::quality::FileReport;
use super::status::{classify_status, is_partial_refund};
use rustc_hash::FxHashMap;
use segscope_model::{OrderStatus, Orders};

/// Amounts closer than this (half a cent) are equal: a refund of every line
/// is the order's whole amount whatever the float sums say.
const CENT_TOLERANCE: f64 = 0.005;

/// True when an event type cell (Square `Event Type`, a transaction type)
/// says the row is a refund of its order: a refund, return or chargeback
/// word, partial or not (`Refund`, `Partial refund`, `Reembolso`, `退款`,
/// `Return`). `Payment`, `Sale`, `Charge` and other words are not.
pub fn is_refund_event(cell: &[u8]) -> bool {
    is_partial_refund(cell) || classify_status(cell) == OrderStatus::Refunded
}

/// What became of a paid order once its refunds were folded in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Folded {
    /// No refund to take off: unchanged.
    Unchanged,
    /// Refunded in full: the order is refunded (its amount kept).
    Refunded,
    /// Part of it refunded: the order stays paid with this amount left.
    Partial(f64),
}

/// Folds refunds into a paid order of `amount`: `refund_rows` is the sum of
/// its refund rows (as positive money), `stated_partial` the partial refund
/// its own row states, if any. The larger is taken off (the two describe the
/// same refund when both are there); refunds covering the whole amount
/// refund the order, unless the export stated them as partial.
pub fn fold(amount: f64, refund_rows: f64, stated_partial: f64) -> Folded {
    let taken = refund_rows.max(stated_partial);
    if !taken.is_finite() || taken <= 0.0 {
        return Folded::Unchanged;
    }
    if stated_partial <= 0.0 && taken + CENT_TOLERANCE >= amount {
        return Folded::Refunded;
    }
    Folded::Partial((amount - taken).max(0.0))
}

/// The refunds of one file's orders, gathered during the read.
#[derive(Default)]
pub(super) struct RefundFolds {
    /// Order id key → the sum of its refund rows (positive).
    rows: FxHashMap<u64, f64>,
    /// Order index → the partial refund its row states (the largest seen).
    stated: FxHashMap<u32, f64>,
}

impl RefundFolds {
    /// Remembers a refund row of `order_key` refunding `amount`.
    pub fn refund_row(&mut self, order_key: u64, amount: f64) {
        if amount.is_finite() {
            *self.rows.entry(order_key).or_insert(0.0) += amount.abs();
        }
    }

    /// Remembers the partial refund `amount` stated on a row of order `order`.
    pub fn stated_partial(&mut self, order: u32, amount: f64) {
        let amount = amount.abs();
        if amount > 0.0 && amount.is_finite() {
            let slot = self.stated.entry(order).or_insert(0.0);
            *slot = slot.max(amount);
        }
    }

    /// Folds every refund into its order once the file is read, counting
    /// refunded and partly refunded orders on `report`. Refund rows whose
    /// order id has no kept order in the file (a payment outside the
    /// export's dates, a walk-in sale) change nothing and are counted as
    /// such. Only paid orders are changed.
    pub fn settle(self, lines: &mut OrderIndex, orders: &mut Orders, report: &mut FileReport) {
        let mut by_order: FxHashMap<u32, (f64, f64)> = FxHashMap::default();
        for (key, refunded) in self.rows {
            match lines.get_mut(key).map(|line| line.order) {
                Some(order) if order != NO_ORDER => by_order.entry(order).or_default().0 += refunded,
                _ => report.refunds_without_order += 1,
            }
        }
        for (order, stated) in self.stated {
            by_order.entry(order).or_default().1 = stated;
        }
        for (order, (refunded, stated)) in by_order {
            let i = order as usize;
            if orders.status().get(i) != Some(&OrderStatus::Paid) {
                continue;
            }
            let Some(&amount) = orders.amount().get(i) else {
                continue;
            };
            match fold(amount, refunded, stated) {
                Folded::Unchanged => {}
                Folded::Refunded => {
                    orders.set_status(i, OrderStatus::Refunded);
                    report.refunds += 1;
                }
                Folded::Partial(left) => {
                    orders.set_amount(i, left);
                    report.partial_refunds += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What is left of a partly refunded order, in cents.
    fn left_cents(folded: Folded) -> Option<i64> {
        match folded {
            Folded::Partial(left) => Some((left * 100.0).round() as i64),
            _ => None,
        }
    }

    #[test]
    fn refund_words_mark_refund_rows() {
        for word in [
            "Refund",
            "refund",
            "REFUND",
            "Partial Refund",
            "Reembolso",
            "退款",
            "Return",
            "Chargeback",
        ] {
            assert!(is_refund_event(word.as_bytes()), "{word}");
        }
        for word in ["Payment", "Sale", "Charge", "", "支付", "Pago", "No refund"] {
            assert!(!is_refund_event(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn refunds_covering_the_order_refund_it_smaller_ones_are_taken_off() {
        assert_eq!(fold(45.75, 45.75, 0.0), Folded::Refunded);
        // Line sums in floats: within half a cent is the whole amount.
        assert_eq!(fold(0.1 + 0.2, 0.3, 0.0), Folded::Refunded);
        assert_eq!(left_cents(fold(81.98, 59.98, 0.0)), Some(2200));
        assert_eq!(fold(20.0, 0.0, 0.0), Folded::Unchanged);
        assert_eq!(fold(20.0, f64::NAN, 0.0), Folded::Unchanged);
    }

    #[test]
    fn a_refund_the_export_calls_partial_leaves_the_order_paid() {
        // Square: `Partial Refunds` -$42.22 on the payment, a Refund row of
        // -$42.22: one refund, taken off once, the payment stays paid.
        assert_eq!(left_cents(fold(42.22, 42.22, 42.22)), Some(0));
        // Without the refund row (an export of payments only) the stated
        // partial refund is still taken off.
        assert_eq!(left_cents(fold(76.74, 0.0, 20.0)), Some(5674));
    }
}
