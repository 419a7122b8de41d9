//! How an export lays out an order with several items: one row per order, or
//! one row per item with the order's total on its first row only (Shopify),
//! repeated on every row (WooCommerce order-export plugins), or with amounts
//! that belong to each line (docs/ingest/orders.md#line-items).

use super::refunds::is_refund_event;
use super::schema::{FileKind, Role};
use super::sniff::FileSchema;
use super::value::parse_amount;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// The line-item structure of an orders file, decided from its sample rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum LineStructure {
    /// No order spans several sample rows; rows of one order id that turn up
    /// later are added up.
    #[default]
    OneRowPerOrder,
    /// One row per item; the order's amount is on its first row, blank on the
    /// others (Shopify).
    OrderTotalOnFirstLine,
    /// One row per item; the order's total is repeated on every row and
    /// counted once.
    OrderTotalRepeated,
    /// One row per item, each with its own amount (a line total, or
    /// quantity × unit price); an order's amount is their sum.
    LineAmounts,
}

impl LineStructure {
    /// The i18n key of the structure's description on the quality page.
    pub fn i18n_key(self) -> &'static str {
        match self {
            LineStructure::OneRowPerOrder => "lines.one_row_per_order",
            LineStructure::OrderTotalOnFirstLine => "lines.total_on_first_line",
            LineStructure::OrderTotalRepeated => "lines.total_repeated",
            LineStructure::LineAmounts => "lines.line_amounts",
        }
    }

    /// True when a further line of an order adds its amount to the order's;
    /// false when the amount is the order's and counted once.
    pub fn sums_lines(self) -> bool {
        matches!(self, LineStructure::OneRowPerOrder | LineStructure::LineAmounts)
    }
}

/// The columns that tell lines apart and carry amounts.
struct LineColumns {
    order_id: usize,
    amount: Option<usize>,
    quantity: Option<usize>,
    unit_price: Option<usize>,
    /// Columns describing the item of a line (product, quantity, price).
    items: Vec<usize>,
    /// The event type column: its refund rows are no lines of their order
    /// (docs/ingest/orders.md#refund-rows).
    event: Option<usize>,
}

/// One multi-line sample order's testimony.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Vote {
    FirstLine,
    Repeated,
    Lines,
}

/// Decides the line structure of `schema`'s file from its sample rows and the
/// columns chosen for order id, amount, quantity, unit price and product. The
/// structure most of the multi-line sample orders show wins: an amount only on
/// the first line, the same amount on lines for different items, or amounts
/// that differ (or equal quantity × unit price) — line amounts, also on a tie.
pub fn detect_line_structure(schema: &FileSchema) -> LineStructure {
    if schema.kind != FileKind::Orders {
        return LineStructure::OneRowPerOrder;
    }
    let Some(order_id) = schema.column(Role::OrderId) else {
        return LineStructure::OneRowPerOrder;
    };
    let (quantity, unit_price) = (schema.column(Role::Quantity), schema.column(Role::UnitPrice));
    let columns = LineColumns {
        order_id,
        amount: schema.column(Role::Amount),
        quantity,
        unit_price,
        items: [schema.column(Role::Category), quantity, unit_price]
            .into_iter()
            .flatten()
            .collect(),
        event: schema.column(Role::EventType),
    };
    decide(&schema.samples, &columns)
}

fn decide(samples: &[Vec<String>], columns: &LineColumns) -> LineStructure {
    let orders = multi_line_orders(samples, columns);
    if orders.is_empty() {
        return LineStructure::OneRowPerOrder;
    }
    if columns.amount.is_none() {
        return LineStructure::LineAmounts;
    }
    let votes: Vec<Vote> = orders.iter().filter_map(|lines| vote(lines, columns)).collect();
    let count = |v: Vote| votes.iter().filter(|x| **x == v).count();
    if count(Vote::FirstLine) * 2 > votes.len() {
        LineStructure::OrderTotalOnFirstLine
    } else if count(Vote::Repeated) * 2 > votes.len() {
        LineStructure::OrderTotalRepeated
    } else {
        LineStructure::LineAmounts
    }
}

/// The sample orders with two or more distinct rows (exact duplicate rows are
/// one row, refund rows none), each as its rows in file order.
fn multi_line_orders<'s>(samples: &'s [Vec<String>], columns: &LineColumns) -> Vec<Vec<&'s [String]>> {
    let mut by_id: FxHashMap<&str, usize> = FxHashMap::default();
    let mut orders: Vec<Vec<&[String]>> = Vec::new();
    let is_refund = |row: &[String]| {
        columns
            .event
            .and_then(|c| row.get(c))
            .is_some_and(|cell| is_refund_event(cell.trim().as_bytes()))
    };
    for row in samples {
        let Some(id) = row.get(columns.order_id).map(|s| s.trim()).filter(|s| !s.is_empty()) else {
            continue;
        };
        if is_refund(row) {
            continue;
        }
        let slot = *by_id.entry(id).or_insert_with(|| {
            orders.push(Vec::new());
            orders.len() - 1
        });
        if !orders[slot].contains(&row.as_slice()) {
            orders[slot].push(row);
        }
    }
    orders.retain(|lines| lines.len() > 1);
    orders
}

/// What one multi-line order says, if anything: lines for the same item with
/// the same amount say nothing.
fn vote(lines: &[&[String]], columns: &LineColumns) -> Option<Vote> {
    let amount_col = columns.amount?;
    let amounts: Vec<Option<f64>> = lines.iter().map(|row| amount(row, amount_col)).collect();
    let (first, rest) = amounts.split_first()?;
    if first.is_some() && rest.iter().all(Option::is_none) {
        return Some(Vote::FirstLine);
    }
    let all_equal = first.is_some() && rest.iter().all(|a| a == first);
    if !all_equal {
        return Some(Vote::Lines);
    }
    if amounts_are_line_totals(lines, columns, amount_col) {
        return Some(Vote::Lines);
    }
    items_differ(lines, &columns.items).then_some(Vote::Repeated)
}

/// The amount in a cell, blank (or unreadable) as none.
fn amount(row: &[String], col: usize) -> Option<f64> {
    row.get(col)
        .and_then(|cell| parse_amount(cell.as_bytes()).ok().flatten())
}

/// True when every line's amount is its quantity × unit price.
fn amounts_are_line_totals(lines: &[&[String]], columns: &LineColumns, amount_col: usize) -> bool {
    let (Some(q), Some(p)) = (columns.quantity, columns.unit_price) else {
        return false;
    };
    lines
        .iter()
        .all(|row| match (amount(row, amount_col), amount(row, q), amount(row, p)) {
            (Some(a), Some(q), Some(p)) => (a - q * p).abs() < 0.005,
            _ => false,
        })
}

/// True when the lines describe different items: an item cell differs, or,
/// with no item columns, any cell.
fn items_differ(lines: &[&[String]], items: &[usize]) -> bool {
    let first = lines[0];
    if items.is_empty() {
        return lines.iter().any(|row| *row != first);
    }
    lines.iter().any(|row| {
        items
            .iter()
            .any(|&c| row.get(c).map(|s| s.trim()) != first.get(c).map(|s| s.trim()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        text.lines()
            .map(|l| l.split(',').map(str::to_string).collect())
            .collect()
    }

    /// Columns: order id, amount, product, quantity, unit price.
    fn columns() -> LineColumns {
        LineColumns {
            order_id: 0,
            amount: Some(1),
            quantity: Some(3),
            unit_price: Some(4),
            items: vec![2, 3, 4],
            event: None,
        }
    }

    #[test]
    fn single_rows_and_exact_duplicates_are_one_row_per_order() {
        let samples = rows("1,10,a,1,10\n2,20,b,1,20\n2,20,b,1,20\n3,5,c,1,5");
        assert_eq!(decide(&samples, &columns()), LineStructure::OneRowPerOrder);
    }

    #[test]
    fn total_on_the_first_line_only() {
        let samples = rows("1,30,a,1,10\n1,,b,2,10\n2,20,c,1,20\n3,9,d,1,4\n3,,e,1,5");
        assert_eq!(decide(&samples, &columns()), LineStructure::OrderTotalOnFirstLine);
    }

    #[test]
    fn total_repeated_on_lines_for_different_items() {
        let samples = rows("1,30,a,1,10\n1,30,b,2,10\n2,20,c,1,20\n3,9,d,1,4\n3,9,e,1,5");
        assert_eq!(decide(&samples, &columns()), LineStructure::OrderTotalRepeated);
    }

    #[test]
    fn differing_amounts_and_quantity_times_price_are_line_amounts() {
        let samples = rows("1,10,a,1,10\n1,20,b,2,10\n2,20,c,1,20");
        assert_eq!(decide(&samples, &columns()), LineStructure::LineAmounts);
        // Equal line totals that are quantity × unit price are still lines.
        let samples = rows("1,10,a,1,10\n1,10,b,2,5");
        assert_eq!(decide(&samples, &columns()), LineStructure::LineAmounts);
        // Without an amount column the amount is quantity × unit price.
        let no_amount = LineColumns {
            amount: None,
            ..columns()
        };
        assert_eq!(
            decide(&rows("1,,a,1,10\n1,,b,2,10"), &no_amount),
            LineStructure::LineAmounts
        );
    }

    #[test]
    fn most_orders_decide_and_ties_sum() {
        let repeated_twice = "1,30,a,1,10\n1,30,b,2,10\n2,9,d,1,4\n2,9,e,1,5\n";
        let samples = rows(&format!("{repeated_twice}3,10,f,1,10\n3,20,g,2,10"));
        assert_eq!(decide(&samples, &columns()), LineStructure::OrderTotalRepeated);
        let samples = rows("1,30,a,1,10\n1,30,b,2,10\n3,10,f,1,10\n3,20,g,2,10");
        assert_eq!(decide(&samples, &columns()), LineStructure::LineAmounts);
    }

    #[test]
    fn refund_rows_are_no_lines() {
        // Column 5: the event type. Order 1's refund row is not a second line.
        let with_event = LineColumns {
            event: Some(5),
            ..columns()
        };
        let samples = rows("1,30,a,1,30,Payment\n1,-30,a,-1,30,Refund\n2,9,d,1,9,Payment");
        assert_eq!(decide(&samples, &with_event), LineStructure::OneRowPerOrder);
        let samples = rows("1,30,a,1,10,Payment\n1,30,b,2,10,Payment\n1,-30,a,-1,10,Refund");
        assert_eq!(decide(&samples, &with_event), LineStructure::OrderTotalRepeated);
    }

    #[test]
    fn same_item_twice_with_the_same_amount_says_nothing() {
        let samples = rows("1,30,a,1,10,x\n1,30,a,1,10,y\n2,9,d,1,4\n2,,e,1,5");
        assert_eq!(decide(&samples, &columns()), LineStructure::OrderTotalOnFirstLine);
    }
}
