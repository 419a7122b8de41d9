//! The data-quality report (docs/product.md#cleaning-and-data-quality): every row accounted for, per file.

use super::date_order::DateOrderReason;
use super::describe::KeyedBy;
use super::infer::Platform;
use super::line_items::LineStructure;
use super::schema::FileKind;
use super::value::DateOrder;
use serde::{Deserialize, Serialize};

/// Why a row was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RejectReason {
    /// No customer id, email or phone.
    MissingKey,
    /// The date cell is empty or not a date.
    BadDate,
    /// The amount cell is not a number.
    BadAmount,
    /// An order-details row whose order id is empty or matches no order.
    UnknownOrder,
    /// A paid order whose amount was to come from payments or order lines,
    /// none of which named it: its amount is unknown, so it is no revenue.
    NoOrderDetails,
    /// A survey tool's preview, test or spam response (Qualtrics' status),
    /// not a customer's answer.
    TestResponse,
}

impl RejectReason {
    /// The reasons any file can reject a row for (listed with 0 when none).
    pub const EVERY_FILE: [RejectReason; 3] =
        [RejectReason::MissingKey, RejectReason::BadDate, RejectReason::BadAmount];

    /// All reasons, in report order.
    pub const ALL: [RejectReason; 6] = [
        RejectReason::MissingKey,
        RejectReason::BadDate,
        RejectReason::BadAmount,
        RejectReason::UnknownOrder,
        RejectReason::NoOrderDetails,
        RejectReason::TestResponse,
    ];

    /// snake_case name used in exports.
    pub fn code(self) -> &'static str {
        match self {
            RejectReason::MissingKey => "missing_key",
            RejectReason::BadDate => "bad_date",
            RejectReason::BadAmount => "bad_amount",
            RejectReason::UnknownOrder => "unknown_order",
            RejectReason::NoOrderDetails => "no_order_details",
            RejectReason::TestResponse => "test_response",
        }
    }

    /// The i18n key of the reason's description.
    pub fn i18n_key(self) -> &'static str {
        match self {
            RejectReason::MissingKey => "reject.missing_key",
            RejectReason::BadDate => "reject.bad_date",
            RejectReason::BadAmount => "reject.bad_amount",
            RejectReason::UnknownOrder => "reject.unknown_order",
            RejectReason::NoOrderDetails => "reject.no_order_details",
            RejectReason::TestResponse => "reject.test_response",
        }
    }
}

/// One rejected row, with where and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rejection {
    /// File name.
    pub file: String,
    /// Spreadsheet row number (header = 1).
    pub row: u64,
    /// Column header of the offending cell.
    pub column: String,
    /// Why.
    pub reason: RejectReason,
    /// The offending cell's text (cut to 200 characters).
    pub value: String,
}

/// The accounting of one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    /// File name.
    pub file: String,
    /// What the file held.
    pub kind: FileKind,
    /// Encoding used to read it.
    pub encoding: String,
    /// Data rows read (header excluded; blank lines are not rows).
    pub rows_read: u64,
    /// Rows kept.
    pub rows_kept: u64,
    /// Rows rejected, all reasons.
    pub rows_rejected: u64,
    /// Exact duplicate rows removed.
    pub duplicates_removed: u64,
    /// Rejections per reason, in [`RejectReason::ALL`] order.
    pub rejected_by_reason: Vec<(RejectReason, u64)>,
    /// Orders that are refunds or returns (negative amounts included).
    pub refunds: u64,
    /// Paid orders with part of their amount refunded (the refund is taken off).
    #[serde(default)]
    pub partial_refunds: u64,
    /// Orders that are cancellations (a status word or a cancellation date).
    pub cancellations: u64,
    /// Kept rows with a negative amount.
    pub negative_amounts: u64,
    /// Order lines merged into an earlier row of the same order.
    pub lines_merged: u64,
    /// Refund rows (an event type such as Square's `Refund`) folded into the
    /// order whose id they carry (docs/ingest/orders.md#refund-rows).
    #[serde(default)]
    pub refund_rows: u64,
    /// Order ids of refund rows with no kept order in the file (a payment
    /// before the export's dates, a walk-in sale): they changed nothing.
    #[serde(default)]
    pub refunds_without_order: u64,
    /// How the file laid out orders with several items, which decided whether
    /// merged lines added their amounts or the order's total counted once.
    #[serde(default)]
    pub line_structure: LineStructure,
    /// Rows per currency code, most frequent first.
    pub currencies: Vec<(String, u64)>,
    /// Earliest kept date (YYYY-MM-DD).
    pub first_date: Option<String>,
    /// Latest kept date (YYYY-MM-DD).
    pub last_date: Option<String>,
    /// How dates like `05/01/2024` were read, when the file had any.
    #[serde(default)]
    pub date_order: Option<DateOrder>,
    /// Why `date_order` was chosen (see `docs/ingest/date-order.md`).
    #[serde(default)]
    pub date_order_reason: Option<DateOrderReason>,
    /// The platform that wrote the export, when its headers tell.
    #[serde(default)]
    pub platform: Option<Platform>,
    /// Orders made from the kept rows (order lines merged).
    #[serde(default)]
    pub orders: u64,
    /// What the rows were matched to customers by.
    #[serde(default)]
    pub keyed_by: Option<KeyedBy>,
}

impl FileReport {
    /// Adds `rows` to the count of `reason`; a reason the file could not
    /// produce until now (a join's) gets its entry then.
    pub fn count_rejections(&mut self, reason: RejectReason, rows: u64) {
        match self.rejected_by_reason.iter_mut().find(|(r, _)| *r == reason) {
            Some(slot) => slot.1 += rows,
            None => self.rejected_by_reason.push((reason, rows)),
        }
    }

    /// The row and order counts, as a range of the file hands them over
    /// (docs/ingest/speed.md#parallel-read).
    pub fn counts(&self) -> RowCounts {
        RowCounts {
            rows_read: self.rows_read,
            rows_kept: self.rows_kept,
            rows_rejected: self.rows_rejected,
            duplicates_removed: self.duplicates_removed,
            rejected_by_reason: self.rejected_by_reason.clone(),
            refunds: self.refunds,
            partial_refunds: self.partial_refunds,
            cancellations: self.cancellations,
            negative_amounts: self.negative_amounts,
            lines_merged: self.lines_merged,
            refund_rows: self.refund_rows,
            refunds_without_order: self.refunds_without_order,
            orders: self.orders,
        }
    }

    /// Adds `later`, the counts of a range read after this accounting's rows.
    pub fn add_counts(&mut self, later: &RowCounts) {
        self.rows_read += later.rows_read;
        self.rows_kept += later.rows_kept;
        self.rows_rejected += later.rows_rejected;
        self.duplicates_removed += later.duplicates_removed;
        for &(reason, n) in later.rejected_by_reason.iter().filter(|(_, n)| *n > 0) {
            self.count_rejections(reason, n);
        }
        self.refunds += later.refunds;
        self.partial_refunds += later.partial_refunds;
        self.cancellations += later.cancellations;
        self.negative_amounts += later.negative_amounts;
        self.lines_merged += later.lines_merged;
        self.refund_rows += later.refund_rows;
        self.refunds_without_order += later.refunds_without_order;
        self.orders += later.orders;
    }

    /// True when rows read = kept + rejected + duplicates removed.
    pub fn balances(&self) -> bool {
        self.rows_read == self.rows_kept + self.rows_rejected + self.duplicates_removed
    }
}

/// The counts of a [`FileReport`] that add up over the ranges of a file
/// (the fields of the same names there).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct RowCounts {
    /// Data rows read.
    pub rows_read: u64,
    /// Rows kept.
    pub rows_kept: u64,
    /// Rows rejected.
    pub rows_rejected: u64,
    /// Exact duplicate rows removed.
    pub duplicates_removed: u64,
    /// Rejections per reason.
    pub rejected_by_reason: Vec<(RejectReason, u64)>,
    /// Refunded orders.
    pub refunds: u64,
    /// Partly refunded paid orders.
    pub partial_refunds: u64,
    /// Cancelled orders.
    pub cancellations: u64,
    /// Kept rows with a negative amount.
    pub negative_amounts: u64,
    /// Order lines merged into an earlier row.
    pub lines_merged: u64,
    /// Refund rows folded into their orders.
    pub refund_rows: u64,
    /// Refund rows without a kept order.
    pub refunds_without_order: u64,
    /// Orders made.
    pub orders: u64,
}

/// The whole data-quality report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct QualityReport {
    /// One entry per file, in the order read.
    pub files: Vec<FileReport>,
    /// Customer-file rows whose key was already seen, merged into one customer.
    pub duplicate_customers_merged: u64,
    /// Customers that appear only in orders although a customers file was given
    /// (kept; the customer is created).
    pub orphan_customers: u64,
    /// Customers keyed by id in one place and by email or phone in another
    /// (e.g. a Shopify customers export and its orders), matched into one.
    #[serde(default)]
    pub customers_matched_by_contact: u64,
    /// Customers whose customer-summary totals were set aside because they
    /// have order rows (orders win; `docs/ingest/summaries.md`).
    #[serde(default)]
    pub summary_totals_set_aside: u64,
    /// Up to [`MAX_KEPT_REJECTIONS`] rejected rows, for display and download.
    pub rejections: Vec<Rejection>,
    /// True when there were more rejections than kept in `rejections`.
    pub rejections_truncated: bool,
    /// How the tables of a shop exported as several files were joined.
    #[serde(default)]
    pub joins: JoinReport,
}

/// The joins between files (`docs/ingest/joins.md#several-tables-of-one-shop`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct JoinReport {
    /// One entry per order-details file, in the order read.
    pub details: Vec<DetailJoin>,
    /// Orders whose amount was to come from order details that never named
    /// them (the paid ones are rejected, the others kept at amount 0).
    pub orders_without_details: u64,
    /// Order-level customer ids that joined a person already known by its
    /// person key (one customer per person).
    pub customers_merged_by_person: u64,
}

impl JoinReport {
    /// True when any file was joined to another.
    pub fn is_empty(&self) -> bool {
        self.details.is_empty() && self.customers_merged_by_person == 0
    }
}

/// How one order-details file joined its orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetailJoin {
    /// File name.
    pub file: String,
    /// True when the file's amounts make up order amounts (payments win over
    /// order lines); false when it gives categories only.
    pub gives_amounts: bool,
    /// Rows whose order id matched an order.
    pub rows_matched: u64,
    /// Rows whose order id was empty or matched no order (rejected).
    pub rows_unmatched: u64,
}

/// How many rejected rows are kept for display and download.
pub const MAX_KEPT_REJECTIONS: usize = 10_000;
