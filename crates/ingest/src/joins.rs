//! The joins between the tables of one shop exported as several files
//! (`docs/ingest/joins.md#several-tables-of-one-shop`): which order-details
//! files give order amounts, the order id → order index across files, and the
//! orders still waiting for their amounts.

use super::quality::{QualityReport, RejectReason, Rejection};
use super::schema::{FileKind, Role};
use super::sniff::FileSchema;
use rustc_hash::FxHashMap;
use segscope_model::{Dataset, OrderStatus};

/// How one file takes part in the joins of its set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum JoinPart {
    /// Not joined: the set has no order-details file (nothing is paid for joins).
    #[default]
    None,
    /// An orders file whose order ids details may name; `awaiting` is its
    /// index among the files whose amounts come from the details.
    Orders { awaiting: Option<u32> },
    /// An order-details file; `amounts` when its amounts make up order amounts.
    Details { amounts: bool },
}

/// The rank of an order-details file as a source of order amounts, lower
/// first: payments (an amount and no product), line totals (an amount and a
/// product), prices (unit price, times quantity when given, plus freight).
/// `None` when the file has no money column (it gives categories only).
fn amount_rank(schema: &FileSchema) -> Option<u8> {
    let has = |role| schema.column(role).is_some();
    if has(Role::Amount) {
        Some(if has(Role::Category) { 1 } else { 0 })
    } else if has(Role::UnitPrice) {
        Some(2)
    } else {
        None
    }
}

/// True when `schema` is an orders file with no amount of its own (no amount
/// column, and not both quantity and unit price).
pub(super) fn lacks_amount(schema: &FileSchema) -> bool {
    let has = |role| schema.column(role).is_some();
    !(has(Role::Amount) || (has(Role::Quantity) && has(Role::UnitPrice)))
}

/// True when `schema`, an orders file without an amount of its own, gets
/// its amounts from another file of `all` (payments or order lines joined by
/// order id: docs/ingest/joins.md#several-tables-of-one-shop), so the
/// mapping step need not ask for an amount column.
pub fn amount_from_other_files(schema: &FileSchema, all: &[FileSchema]) -> bool {
    schema.kind == FileKind::Orders
        && lacks_amount(schema)
        && schema.column(Role::OrderId).is_some()
        && JoinPlan::of(all).is_some_and(|plan| plan.gives_amounts())
}

/// What is decided about a set of files before any is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct JoinPlan {
    /// The rank of the details files that give amounts (see [`amount_rank`]).
    amount_rank: Option<u8>,
}

impl JoinPlan {
    /// The plan for reading `schemas`; `None` when no file is order details.
    pub fn of(schemas: &[FileSchema]) -> Option<Self> {
        let details = || schemas.iter().filter(|s| s.kind == FileKind::OrderDetails);
        let best = details().filter_map(amount_rank).min();
        let any = details().next().is_some();
        any.then_some(JoinPlan { amount_rank: best })
    }

    /// True when some details file gives order amounts.
    pub fn gives_amounts(&self) -> bool {
        self.amount_rank.is_some()
    }

    /// True when `schema`, an order-details file, gives order amounts.
    pub fn details_give_amounts(&self, schema: &FileSchema) -> bool {
        amount_rank(schema).is_some() && amount_rank(schema) == self.amount_rank
    }
}

/// "No waiting-order slot": the order has an amount of its own.
const NO_SLOT: u32 = u32::MAX;

/// One order whose amount comes from the details.
#[derive(Debug, Clone, Copy)]
pub(super) struct Awaiting {
    /// The order's index in the dataset.
    pub order: u32,
    /// Index into [`Joins::files`].
    pub file: u32,
    /// Spreadsheet row of the order's first row (header = 1).
    pub row: u64,
    /// Rows of the file merged into this order (its lines).
    pub rows: u32,
    /// The order id's text, as a range of [`Joins::ids`].
    pub id: (u32, u32),
    /// True once an amount-giving detail row named the order.
    pub matched: bool,
}

/// An orders file whose amounts come from the details.
#[derive(Debug, Clone)]
pub(super) struct AwaitingFile {
    /// Header of its order id column (for rejections).
    pub column: String,
    /// Its position in the quality report's files, once read.
    pub report: Option<usize>,
}

/// The cross-file join state of a [`super::DatasetBuilder`].
#[derive(Debug)]
pub(super) struct Joins {
    /// What was decided before reading.
    pub plan: JoinPlan,
    /// Order key → (order index, slot in `awaiting` or [`NO_SLOT`]).
    orders: FxHashMap<u64, (u32, u32)>,
    /// Orders waiting for their amounts.
    pub awaiting: Vec<Awaiting>,
    /// Orders files whose amounts come from the details.
    pub files: Vec<AwaitingFile>,
    /// The texts of waiting orders' ids, back to back.
    pub ids: Vec<u8>,
}

/// An order that an order-details row named.
#[derive(Debug, Clone, Copy)]
pub(super) struct Target {
    /// The order's index in the dataset.
    pub order: u32,
    slot: u32,
}

impl Joins {
    /// Join state for `plan`, nothing read yet.
    pub fn new(plan: JoinPlan) -> Self {
        Joins {
            plan,
            orders: FxHashMap::default(),
            awaiting: Vec::new(),
            files: Vec::new(),
            ids: Vec::new(),
        }
    }

    /// How `schema`'s file takes part; registers an orders file that awaits
    /// its amounts.
    pub fn part(&mut self, schema: &FileSchema, order_id_column: Option<usize>) -> JoinPart {
        match schema.kind {
            FileKind::Orders => {
                let awaits = self.plan.gives_amounts() && order_id_column.is_some() && lacks_amount(schema);
                let awaiting = awaits.then(|| {
                    let column = order_id_column.and_then(|c| schema.headers.get(c)).cloned();
                    self.files.push(AwaitingFile {
                        column: column.unwrap_or_default(),
                        report: None,
                    });
                    (self.files.len() - 1) as u32
                });
                JoinPart::Orders { awaiting }
            }
            FileKind::OrderDetails => JoinPart::Details {
                amounts: self.plan.details_give_amounts(schema),
            },
            _ => JoinPart::None,
        }
    }

    /// Records a new order; `waiting` gives the file, row and id text of an
    /// order whose amount comes from the details. The first order of an id
    /// is the one its details join.
    pub fn add_order(&mut self, key: Option<u64>, order: u32, waiting: Option<(u32, u64, &[u8])>) {
        let slot = match waiting {
            Some((file, row, id)) => {
                let start = self.ids.len() as u32;
                self.ids.extend_from_slice(id);
                self.awaiting.push(Awaiting {
                    order,
                    file,
                    row,
                    rows: 1,
                    id: (start, id.len() as u32),
                    matched: false,
                });
                (self.awaiting.len() - 1) as u32
            }
            None => NO_SLOT,
        };
        if let Some(key) = key {
            self.orders.entry(key).or_insert((order, slot));
        }
    }

    /// Counts one more row merged into the waiting order of `key`.
    pub fn add_line(&mut self, key: u64) {
        if let Some(&(_, slot)) = self.orders.get(&key) {
            if let Some(waiting) = self.awaiting.get_mut(slot as usize) {
                waiting.rows += 1;
            }
        }
    }

    /// The order an order-details row's id names, if any.
    pub fn target(&self, key: u64) -> Option<Target> {
        self.orders.get(&key).map(|&(order, slot)| Target { order, slot })
    }

    /// Marks that an amount-giving row named `target`; true when the order
    /// waits for its amount (so the row's amount is added to it).
    pub fn take_amount(&mut self, target: Target) -> bool {
        match self.awaiting.get_mut(target.slot as usize) {
            Some(waiting) => {
                waiting.matched = true;
                true
            }
            None => false,
        }
    }

    /// The id text of a waiting order.
    pub fn id_text(&self, waiting: &Awaiting) -> String {
        let (start, len) = (waiting.id.0 as usize, waiting.id.1 as usize);
        String::from_utf8_lossy(self.ids.get(start..start + len).unwrap_or_default()).into_owned()
    }

    /// Once every file is read: a waiting order that no detail named has no
    /// amount, so a paid one is taken out and its rows rejected (its file's
    /// accounting still balances); an unpaid one stays at amount 0. A joined
    /// amount below zero makes the order a refund, as in an orders file.
    pub fn settle(&self, dataset: &mut Dataset, report: &mut QualityReport, mut reject: impl FnMut(Rejection)) {
        let orders = &mut dataset.orders;
        let mut keep: Vec<bool> = Vec::new();
        for waiting in &self.awaiting {
            let i = waiting.order as usize;
            let file = self.files.get(waiting.file as usize);
            let file_report = file.and_then(|f| f.report).and_then(|r| report.files.get_mut(r));
            let (Some(&amount), Some(&status)) = (orders.amount().get(i), orders.status().get(i)) else {
                continue;
            };
            if waiting.matched {
                if amount < 0.0 {
                    orders.set_amount(i, -amount);
                    if status.is_paid() {
                        orders.set_status(i, OrderStatus::Refunded);
                        if let Some(file_report) = file_report {
                            file_report.refunds += 1;
                        }
                    }
                }
                continue;
            }
            report.joins.orders_without_details += 1;
            if !status.is_paid() {
                continue;
            }
            if keep.is_empty() {
                keep = vec![true; orders.len()];
            }
            keep[i] = false;
            if let Some(file_report) = file_report {
                let rows = u64::from(waiting.rows);
                file_report.rows_kept = file_report.rows_kept.saturating_sub(rows);
                file_report.rows_rejected += rows;
                file_report.count_rejections(RejectReason::NoOrderDetails, rows);
                reject(Rejection {
                    file: file_report.file.clone(),
                    row: waiting.row,
                    column: file.map(|f| f.column.clone()).unwrap_or_default(),
                    reason: RejectReason::NoOrderDetails,
                    value: self.id_text(waiting),
                });
            }
        }
        if !keep.is_empty() {
            orders.retain(&keep);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sniff;

    fn schema(name: &str, text: &str) -> FileSchema {
        sniff(name, text.as_bytes(), true).expect("sniff")
    }

    #[test]
    fn payments_give_amounts_over_order_lines() {
        let payments = schema("p.csv", "order_id,payment_sequential,payment_value\na,1,10\n");
        let items = schema(
            "i.csv",
            "order_id,order_item_id,product_id,price,freight_value\na,1,x,8,2\n",
        );
        let orders = schema("o.csv", "order_id,customer_id,order_date\na,c,2024-01-01\n");
        let plan = JoinPlan::of(&[items.clone(), payments.clone(), orders.clone()]).expect("plan");
        assert!(plan.details_give_amounts(&payments));
        assert!(!plan.details_give_amounts(&items));
        let alone = JoinPlan::of(std::slice::from_ref(&items)).expect("plan");
        assert!(alone.details_give_amounts(&items));
        assert_eq!(JoinPlan::of(&[orders]), None);
    }

    #[test]
    fn the_first_order_of_an_id_is_joined() {
        let mut joins = Joins::new(JoinPlan { amount_rank: Some(0) });
        joins.add_order(Some(7), 0, Some((0, 2, b"A7")));
        joins.add_order(Some(7), 1, Some((0, 3, b"A7")));
        joins.add_line(7);
        let target = joins.target(7).expect("joined");
        assert_eq!(target.order, 0);
        assert!(joins.take_amount(target));
        assert_eq!(joins.awaiting[0].rows, 2);
        assert!(joins.awaiting[0].matched && !joins.awaiting[1].matched);
        assert_eq!(joins.id_text(&joins.awaiting[1]), "A7");
        assert!(joins.target(8).is_none());
    }
}
