//! Per-row work of a file read: duplicate detection, validation with reasons,
//! order lines merged into orders, customer attributes, and the accounting.

use super::builder::DatasetBuilder;
use super::date_order::{CellDay, DateDecision, DateOrderTracker};
use super::describe::KeyedBy;
use super::event_kind::classify_event;
use super::joins::JoinPart;
use super::key_map::{Digest, Key};
use super::line_items::{detect_line_structure, LineStructure};
use super::order_index::{order_key, LinePlace, OrderIndex, OrderLine, NO_ORDER};
use super::quality::{FileReport, RejectReason, Rejection};
use super::records::{Record, RecordSink, LINES_AHEAD};
use super::refunds::{is_refund_event, RefundFolds};
use super::schema::{header_score, FileKind, Role};
use super::sniff::FileSchema;
use super::status::classify_status;
use super::value::{parse_amount, trim};
use rustc_hash::{FxHashMap, FxHashSet};
use segscope_model::date::format_day;
use segscope_model::{ContactField, CustomerIdx, EventKind, OrderStatus};
use std::borrow::Cow;

mod detail_row;
mod event_row;
mod order_row;
mod person_row;
mod profile_row;
mod summary_row;
mod survey_row;

pub(super) use summary_row::RowTotals;

/// Distinct status and event type texts remembered per file; beyond this, they are
/// classified row by row (a free-text column, not a vocabulary).
const MAX_CACHED_CELL_KINDS: usize = 256;

/// Columns of a file resolved from its schema.
#[derive(Default)]
pub(super) struct Columns {
    pub key: Option<usize>,
    pub email: Option<usize>,
    pub phone: Option<usize>,
    pub date: Option<usize>,
    pub amount: Option<usize>,
    pub quantity: Option<usize>,
    pub unit_price: Option<usize>,
    pub order_id: Option<usize>,
    pub status: Option<usize>,
    pub currency: Option<usize>,
    pub source: Option<usize>,
    pub category: Option<usize>,
    pub points: Option<usize>,
    pub refunded_amount: Option<usize>,
    pub cancelled_at: Option<usize>,
    pub order_state: Option<usize>,
    pub event_type: Option<usize>,
    /// An orders file's event type column: its refund rows are folded into
    /// their orders (docs/ingest/orders.md#refund-rows).
    pub order_event: Option<usize>,
    pub partial_refund: Option<usize>,
    pub gender: Option<usize>,
    pub birth_date: Option<usize>,
    pub age: Option<usize>,
    pub income: Option<usize>,
    pub occupation: Option<usize>,
    pub region: Option<usize>,
    pub city: Option<usize>,
    pub country: Option<usize>,
    /// The contact columns of an orders, customers or summary file and the
    /// field each fills (docs/export/activation.md#contacts), listed once so
    /// that a file without them costs nothing per row.
    pub contacts: Vec<(usize, ContactField)>,
    /// Other columns whose header names a phone or an e-mail and that no
    /// role took (Shopify's `Default Address Phone` beside an often empty
    /// `Phone`): each fills its contact when the mapped column is blank.
    pub backup_contacts: Vec<(usize, ContactField)>,
    pub person: Option<usize>,
    pub freight: Option<usize>,
    /// A customer summary's lifetime spend, order count and first order date
    /// (its last order date is `date`).
    pub total_spent: Option<usize>,
    pub order_count: Option<usize>,
    pub first_order: Option<usize>,
    /// How the file takes part in joins (set once the builder's plan is known).
    pub join: JoinPart,
}

impl Columns {
    /// The columns the schema chose for each role.
    pub fn of(schema: &FileSchema) -> Self {
        let col = |r| schema.column(r);
        let customers_col = |r| col(r).filter(|_| schema.kind == FileKind::Customers);
        // An orders file with no id, e-mail or phone is keyed by its person
        // key (a national id such as Mercado Libre's DNI).
        let orders_person = col(Role::PersonKey).filter(|_| {
            schema.kind == FileKind::Orders
                && [Role::CustomerKey, Role::Email, Role::Phone]
                    .iter()
                    .all(|r| col(*r).is_none())
        });
        let summary_col = |r| col(r).filter(|_| schema.kind == FileKind::Summary);
        let contact_col =
            |r| col(r).filter(|_| matches!(schema.kind, FileKind::Orders | FileKind::Customers | FileKind::Summary));
        Columns {
            key: col(Role::CustomerKey).or(orders_person),
            email: col(Role::Email),
            phone: col(Role::Phone),
            date: match schema.kind {
                FileKind::Orders => col(Role::OrderDate),
                FileKind::Customers => col(Role::SignupDate),
                FileKind::Events => col(Role::Timestamp),
                FileKind::Summary => col(Role::LastOrderDate),
                FileKind::OrderDetails => None,
                FileKind::Survey => col(Role::Timestamp),
                FileKind::Ignored => return Columns::default(),
            },
            amount: col(Role::Amount),
            quantity: col(Role::Quantity),
            unit_price: col(Role::UnitPrice),
            order_id: col(Role::OrderId).filter(|_| matches!(schema.kind, FileKind::Orders | FileKind::OrderDetails)),
            status: col(Role::Status),
            currency: col(Role::Currency),
            source: col(Role::Source),
            category: col(Role::Category).filter(|_| {
                matches!(
                    schema.kind,
                    FileKind::Orders | FileKind::Events | FileKind::OrderDetails
                )
            }),
            points: customers_col(Role::Points),
            refunded_amount: col(Role::RefundedAmount).filter(|_| schema.kind == FileKind::Orders),
            cancelled_at: col(Role::CancelledAt).filter(|_| schema.kind == FileKind::Orders),
            order_state: col(Role::OrderState).filter(|_| schema.kind == FileKind::Orders),
            event_type: col(Role::EventType).filter(|_| schema.kind == FileKind::Events),
            order_event: col(Role::EventType).filter(|_| schema.kind == FileKind::Orders),
            partial_refund: col(Role::PartialRefund).filter(|_| schema.kind == FileKind::Orders),
            gender: customers_col(Role::Gender),
            birth_date: customers_col(Role::BirthDate),
            age: customers_col(Role::Age),
            income: customers_col(Role::Income),
            occupation: customers_col(Role::Occupation),
            region: customers_col(Role::Region),
            city: customers_col(Role::City),
            country: customers_col(Role::Country),
            contacts: [
                (Role::Name, ContactField::Name),
                (Role::FirstName, ContactField::FirstName),
                (Role::LastName, ContactField::LastName),
                (Role::Email, ContactField::Email),
                (Role::Phone, ContactField::Phone),
                (Role::City, ContactField::City),
                (Role::Region, ContactField::State),
                (Role::Zip, ContactField::Zip),
                (Role::Country, ContactField::Country),
                (Role::WecomId, ContactField::WecomId),
                (Role::OpenId, ContactField::OpenId),
            ]
            .into_iter()
            // The e-mail and phone columns are the ones that key rows, in any file.
            .filter_map(|(role, field)| match role {
                Role::Email | Role::Phone => Some((col(role)?, field)),
                _ => Some((contact_col(role)?, field)),
            })
            .collect(),
            backup_contacts: [(Role::Email, ContactField::Email), (Role::Phone, ContactField::Phone)]
                .into_iter()
                .filter_map(|(role, field)| Some((backup_contact(schema, role)?, field)))
                .collect(),
            person: customers_col(Role::PersonKey),
            freight: col(Role::Freight).filter(|_| schema.kind == FileKind::OrderDetails),
            total_spent: summary_col(Role::TotalSpent),
            order_count: summary_col(Role::OrderCount),
            first_order: summary_col(Role::FirstOrderDate),
            join: JoinPart::None,
        }
    }
}

/// The first column no role took whose header names `role`, in an orders,
/// customers or summary file with a header row.
fn backup_contact(schema: &FileSchema, role: Role) -> Option<usize> {
    if schema.headerless || !matches!(schema.kind, FileKind::Orders | FileKind::Customers | FileKind::Summary) {
        return None;
    }
    let taken = |i: usize| schema.roles.iter().any(|r| r.column == Some(i));
    (0..schema.headers.len()).find(|&i| !taken(i) && header_score(&schema.headers[i], role) > 0.0)
}

/// Who a row belongs to, as the row says it.
enum RowKey<'r> {
    /// The customer id cell.
    Id(&'r [u8]),
    /// A normalised email or phone, for rows without an id.
    Contact(Cow<'r, [u8]>),
}

impl Columns {
    /// The row's email, trimmed and lowercased, if it looks like one;
    /// borrowed from the row when it is lowercase already.
    fn email<'r>(&self, record: &Record<'r>) -> Option<Cow<'r, [u8]>> {
        let cell = trim(record.get(self.email?));
        // One pass without branches over the bytes, for both questions.
        let (at_sign, upper) = (cell.iter()).fold((false, false), |(a, u), b| {
            (a | (*b == b'@'), u | b.is_ascii_uppercase())
        });
        if !at_sign {
            return None;
        }
        Some(match upper {
            true => Cow::Owned(cell.to_ascii_lowercase()),
            false => Cow::Borrowed(cell),
        })
    }

    /// The row's normalised e-mail and phone, those it has.
    fn contacts(&self, record: &Record) -> Vec<Vec<u8>> {
        self.email(record)
            .into_iter()
            .chain(self.phone(record))
            .map(Cow::into_owned)
            .collect()
    }

    /// The row's phone as digits only, if it has at least five; borrowed
    /// from the row when the cell is digits only.
    fn phone<'r>(&self, record: &Record<'r>) -> Option<Cow<'r, [u8]>> {
        let cell = record.get(self.phone?);
        let digits = cell.iter().filter(|b| b.is_ascii_digit()).count();
        if digits < 5 {
            return None;
        }
        Some(match digits == cell.len() {
            true => Cow::Borrowed(cell),
            false => Cow::Owned(cell.iter().filter(|b| b.is_ascii_digit()).copied().collect()),
        })
    }
}

/// A row's rejection: why, and which column.
type Rejected = (RejectReason, Option<usize>);

/// What looking ahead at a line worked out for its row.
#[derive(Clone, Copy)]
struct NotedLine {
    line: u64,
    order_id: Option<u64>,
    /// Where the row's customer key lies, when it is the row's own bytes.
    key_at: Option<KeyAt>,
    /// The digest of the row's customer key, when noting it needed one.
    key_digest: Option<Digest>,
}

/// Where a row's customer key lies in the row ([`Record::range_of`]), and
/// whether it is a contact.
#[derive(Clone, Copy)]
struct KeyAt {
    start: u32,
    end: u32,
    by_contact: bool,
}

impl KeyAt {
    /// Where `key` lies in `record`, unless it is bytes of its own (an
    /// e-mail lowercased, a phone's digits picked out).
    fn of(record: &Record, key: &RowKey) -> Option<Self> {
        let (bytes, by_contact) = match key {
            RowKey::Id(id) => (*id, false),
            RowKey::Contact(Cow::Borrowed(contact)) => (*contact, true),
            RowKey::Contact(Cow::Owned(_)) => return None,
        };
        let range = record.range_of(bytes)?;
        Some(KeyAt {
            start: u32::try_from(range.start).ok()?,
            end: u32::try_from(range.end).ok()?,
            by_contact,
        })
    }

    /// The key in `record`, the row it was found in.
    fn key<'r>(self, record: &Record<'r>) -> RowKey<'r> {
        let bytes = record.bytes_at(self.start as usize..self.end as usize);
        match self.by_contact {
            true => RowKey::Contact(Cow::Borrowed(bytes)),
            false => RowKey::Id(bytes),
        }
    }
}

/// The mutable state of one file's read.
pub(super) struct FileState {
    /// A record was seen (a customers file counts once its header is read).
    pub(super) started: bool,
    /// Lines still to hand on without looking ahead, after a group whose
    /// customers were nearly all the remembered one.
    skip_ahead: u32,
    /// What was worked out for the lines of the group looked ahead at, and
    /// how many of them the rows have taken: worked out once per row.
    noted: Vec<NotedLine>,
    noted_taken: usize,
    /// What looking ahead worked out for the current row, when it did.
    row_note: Option<NotedLine>,
    /// Records still to skip before the data: title rows and the header.
    pub(super) to_skip: usize,
    /// The line the header ends on; data row `n` is row `n + header_line`.
    header_line: u64,
    pub(super) report: FileReport,
    /// Fingerprints of rows without an order id, and of later lines of orders.
    pub(super) seen_rows: FxHashSet<u128>,
    /// Where a row's fields are joined to fingerprint it ([`Record::fingerprint`]).
    joined_row: Vec<u8>,
    /// Order id → its order, for line merging and duplicate detection.
    pub(super) order_lines: OrderIndex,
    /// Where the current row's order id has its line in `order_lines`.
    order_at: Option<LinePlace>,
    pub(super) currencies: FxHashMap<Box<[u8]>, u64>,
    statuses: FxHashMap<Box<[u8]>, OrderStatus>,
    event_kinds: FxHashMap<Box<[u8]>, EventKind>,
    /// Event type cells of an orders file: true for a refund.
    refund_events: FxHashMap<Box<[u8]>, bool>,
    /// Refund rows and stated partial refunds, folded in once the file is read.
    refunds: RefundFolds,
    pub(super) dates: DateOrderTracker,
    /// Whether further lines of an order add their amounts.
    lines: LineStructure,
}

impl FileState {
    /// A fresh state for `schema`'s file.
    pub fn new(schema: &FileSchema) -> Self {
        // Decided again here: the mapping step may have changed the roles.
        let lines = detect_line_structure(schema);
        FileState {
            started: false,
            skip_ahead: 0,
            noted: Vec::with_capacity(LINES_AHEAD),
            noted_taken: 0,
            row_note: None,
            to_skip: schema.records_before_data(),
            header_line: schema.header_line,
            report: FileReport {
                file: schema.file_name.clone(),
                kind: schema.kind,
                encoding: schema.encoding.clone(),
                platform: schema.platform,
                orders: 0,
                keyed_by: KeyedBy::of(schema),
                rows_read: 0,
                rows_kept: 0,
                rows_rejected: 0,
                duplicates_removed: 0,
                // Every file can lack a key, a date or an amount; the join
                // reasons are listed once a row is rejected for them.
                rejected_by_reason: RejectReason::EVERY_FILE.iter().map(|r| (*r, 0)).collect(),
                refunds: 0,
                partial_refunds: 0,
                cancellations: 0,
                negative_amounts: 0,
                lines_merged: 0,
                refund_rows: 0,
                refunds_without_order: 0,
                line_structure: lines,
                currencies: Vec::new(),
                first_date: None,
                last_date: None,
                date_order: None,
                date_order_reason: None,
            },
            seen_rows: FxHashSet::default(),
            joined_row: Vec::new(),
            order_lines: OrderIndex::default(),
            order_at: None,
            currencies: FxHashMap::default(),
            statuses: FxHashMap::default(),
            event_kinds: FxHashMap::default(),
            refund_events: FxHashMap::default(),
            refunds: RefundFolds::default(),
            dates: DateOrderTracker::new(schema),
            lines,
        }
    }

    /// Makes room for about `rows` rows in the lookup tables.
    pub fn reserve(&mut self, rows: usize) {
        if matches!(self.report.kind, FileKind::Orders | FileKind::OrderDetails) {
            self.order_lines.reserve(rows);
        } else {
            self.seen_rows.reserve(rows);
        }
    }

    /// The line of the current row's order id `id`, where the duplicate
    /// check found or put it.
    pub(super) fn order_line(&mut self, id: u64) -> Option<&mut OrderLine> {
        match self.order_at {
            Some(place) => self.order_lines.line_at(id, place),
            None => self.order_lines.get_mut(id),
        }
    }

    /// Data rows read so far.
    pub fn rows_read(&self) -> u64 {
        self.report.rows_read
    }

    /// The row number of the data row `n` (1-based) as a spreadsheet shows
    /// the file: the header's row plus `n`.
    pub fn row_number(&self, n: u64) -> u64 {
        self.header_line + n
    }

    /// The finished accounting of the file, and the dates to re-read now
    /// that the file's date order is known.
    pub fn into_report(self) -> (FileReport, DateDecision) {
        let mut report = self.report;
        let mut merged: FxHashMap<String, u64> = FxHashMap::default();
        for (code, n) in self.currencies {
            *merged.entry(String::from_utf8_lossy(&code).to_uppercase()).or_insert(0) += n;
        }
        let mut currencies: Vec<(String, u64)> = merged.into_iter().collect();
        currencies.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        report.currencies = currencies;
        let decision = self.dates.decide();
        if let Some((first, last)) = decision.range {
            report.first_date = Some(format_day(first));
            report.last_date = Some(format_day(last));
        }
        report.date_order = decision.order;
        report.date_order_reason = decision.reason;
        (report, decision)
    }

    /// The status of a cell, classified once per distinct value.
    fn status(&mut self, raw: &[u8]) -> OrderStatus {
        if let Some(status) = self.statuses.get(raw) {
            return *status;
        }
        let status = classify_status(raw);
        if self.statuses.len() < MAX_CACHED_CELL_KINDS {
            self.statuses.insert(raw.into(), status);
        }
        status
    }

    /// Folds the refunds gathered during the read into their orders
    /// (docs/ingest/orders.md#refund-rows); called once the last row is read.
    pub fn settle_refunds(&mut self, builder: &mut DatasetBuilder) {
        let refunds = std::mem::take(&mut self.refunds);
        refunds.settle(&mut self.order_lines, &mut builder.dataset.orders, &mut self.report);
    }

    /// Whether an orders file's event type cell marks a refund row,
    /// classified once per distinct value.
    fn is_refund_event(&mut self, raw: &[u8]) -> bool {
        if let Some(refund) = self.refund_events.get(raw) {
            return *refund;
        }
        let refund = is_refund_event(raw);
        if self.refund_events.len() < MAX_CACHED_CELL_KINDS {
            self.refund_events.insert(raw.into(), refund);
        }
        refund
    }

    /// The kind of an event type cell, classified once per distinct value.
    fn event_kind(&mut self, raw: &[u8]) -> EventKind {
        if let Some(kind) = self.event_kinds.get(raw) {
            return *kind;
        }
        let kind = classify_event(raw);
        if self.event_kinds.len() < MAX_CACHED_CELL_KINDS {
            self.event_kinds.insert(raw.into(), kind);
        }
        kind
    }

    fn count_currency(&mut self, code: &[u8]) {
        if let Some(n) = self.currencies.get_mut(code) {
            *n += 1;
        } else if !code.is_empty() {
            self.currencies.insert(code.into(), 1);
        }
    }
}

/// Handles the rows of one chunk, borrowing the parser's parts.
pub(super) struct RowHandler<'a> {
    pub schema: &'a FileSchema,
    pub columns: &'a Columns,
    pub state: &'a mut FileState,
    pub builder: &'a mut DatasetBuilder,
}

impl RecordSink for RowHandler<'_> {
    /// A file whose rows come in runs of one customer (a lookup the table
    /// never sees) stops looking ahead for a while: the notes would cost
    /// more than they save.
    fn look_ahead(&mut self) -> bool {
        self.state.noted.clear();
        self.state.noted_taken = 0;
        if self.state.skip_ahead > 0 {
            self.state.skip_ahead -= 1;
            return false;
        }
        true
    }

    /// Notes where the lookups of the row's customer key and order id will
    /// start (only reads the row).
    fn ahead(&mut self, record: &Record) {
        let key = self.read_key(record).ok();
        let key_digest = match &key {
            Some(RowKey::Id(id)) => self.builder.note_ahead(&Key::new(id), false),
            Some(RowKey::Contact(contact)) => self.builder.note_ahead(&Key::new(contact), true),
            None => None,
        };
        let key_at = key.and_then(|key| KeyAt::of(record, &key));
        let order_id = self.order_id(record);
        if let Some(id) = order_id {
            self.state.order_lines.note_ahead(id);
        }
        self.state.noted.push(NotedLine {
            line: record.line(),
            order_id,
            key_at,
            key_digest,
        });
    }

    /// Reads the noted places together, so that the rows cut together wait
    /// for memory at once rather than one after another
    /// (docs/ingest/speed.md#looking-ahead).
    fn fetch_ahead(&mut self) {
        let noted = self.builder.fetch_ahead();
        self.state.order_lines.fetch_ahead();
        if noted < FEW_NOTED {
            self.state.skip_ahead = LINES_SKIPPED;
        }
    }

    fn record(&mut self, record: &Record) -> bool {
        self.row(record);
        true
    }
}

/// Fewer customer lookups than this in a group of lines looked ahead, and
/// the next [`LINES_SKIPPED`] lines are handed on one at a time.
const FEW_NOTED: usize = 4;

/// Lines handed on without looking ahead after a group with few lookups
/// (32 groups' worth).
const LINES_SKIPPED: u32 = 32 * LINES_AHEAD as u32;

/// An id cell as a key: trimmed, without a leading `'` (Excel's text
/// marker, as in Shopify exports).
fn id_cell(cell: &[u8]) -> &[u8] {
    let cell = trim(cell);
    cell.strip_prefix(b"'").unwrap_or(cell)
}

impl RowHandler<'_> {
    /// Handles one record: title rows and the header first, then data rows.
    pub fn row(&mut self, record: &Record) {
        if !self.state.started {
            self.state.started = true;
            if self.schema.kind == FileKind::Customers {
                self.builder.any_customer_file = true;
            }
        }
        if self.state.to_skip > 0 {
            self.state.to_skip -= 1;
            return;
        }
        if self.schema.kind == FileKind::Ignored {
            return;
        }
        self.state.report.rows_read += 1;
        self.state.row_note = self.noted(record);
        let order_id = (self.state.row_note).map_or_else(|| self.order_id(record), |n| n.order_id);
        self.state.order_at = None;
        if self.is_duplicate(record, order_id) {
            self.state.report.duplicates_removed += 1;
            return;
        }
        let outcome = match self.schema.kind {
            FileKind::Orders if self.columns.join == JoinPart::None => self.order_row(record, order_id),
            FileKind::Orders => self.joined_order_row(record, order_id),
            FileKind::OrderDetails => self.detail_row(record, order_id),
            FileKind::Events => self.event_row(record),
            FileKind::Customers | FileKind::Summary => self.customer_row(record),
            FileKind::Survey => self.survey_row(record),
            FileKind::Ignored => return,
        };
        match outcome {
            Ok(()) => self.state.report.rows_kept += 1,
            Err(rejected) => self.reject(record, rejected),
        }
    }

    /// What [`RecordSink::ahead`] worked out for the row, when it looked at
    /// this line.
    fn noted(&mut self, record: &Record) -> Option<NotedLine> {
        let state = &mut *self.state;
        let noted = *state.noted.get(state.noted_taken)?;
        state.noted_taken += 1;
        (noted.line == record.line()).then_some(noted)
    }

    /// The key of the row's order id, when it has one.
    #[inline]
    fn order_id(&self, record: &Record) -> Option<u64> {
        let c = self.columns;
        c.order_id
            .map(|i| trim(record.get(i)))
            .filter(|id| !id.is_empty())
            .map(order_key)
    }

    /// Exact duplicate rows share their order id, so with an order id only
    /// that order's rows are compared; without one, every row's fingerprint.
    /// The row's order line is left in [`FileState::order_at`].
    fn is_duplicate(&mut self, record: &Record, order_id: Option<u64>) -> bool {
        let fingerprint = record.fingerprint(&mut self.state.joined_row);
        let state = &mut *self.state;
        let Some(id) = order_id else {
            return !state.seen_rows.insert(fingerprint);
        };
        let line = OrderLine {
            order: NO_ORDER,
            first_row: fingerprint as u64,
        };
        let (place, new) = state.order_lines.find_or_insert(id, line);
        state.order_at = Some(place);
        if new {
            return false;
        }
        let first_row = state.order_lines.line_at(id, place).map(|line| line.first_row);
        first_row == Some(fingerprint as u64) || !state.seen_rows.insert(fingerprint)
    }

    fn reject(&mut self, record: &Record, (reason, column): Rejected) {
        let report = &mut self.state.report;
        report.rows_rejected += 1;
        report.count_rejections(reason, 1);
        let row = self.state.header_line + report.rows_read;
        let schema = self.schema;
        self.builder.reject(|| Rejection {
            file: schema.file_name.clone(),
            row,
            column: column.and_then(|c| schema.headers.get(c)).cloned().unwrap_or_default(),
            reason,
            value: column
                .map(|c| String::from_utf8_lossy(record.get(c)).chars().take(200).collect())
                .unwrap_or_default(),
        });
    }

    /// The customer key of the current row: as looked ahead at, when it
    /// was, else [`Self::read_key`].
    fn key<'r>(&self, record: &Record<'r>) -> Result<RowKey<'r>, Rejected> {
        match self.state.row_note.and_then(|n| n.key_at) {
            Some(at) => Ok(at.key(record)),
            None => self.read_key(record),
        }
    }

    /// The customer key of a row: its id ([`id_cell`]), else its normalised
    /// email, else its phone digits; an id of `0` is a guest (WooCommerce)
    /// and falls back to email or phone.
    fn read_key<'r>(&self, record: &Record<'r>) -> Result<RowKey<'r>, Rejected> {
        let c = self.columns;
        let id = c.key.map(|i| id_cell(record.get(i)));
        if let Some(id) = id.filter(|v| !v.is_empty() && *v != b"0") {
            return Ok(RowKey::Id(id));
        }
        c.email(record)
            .or_else(|| c.phone(record))
            .map(RowKey::Contact)
            .ok_or((RejectReason::MissingKey, c.key.or(c.email).or(c.phone)))
    }

    /// The customer a row belongs to, matching ids with emails and phones
    /// across files.
    fn customer(&mut self, record: &Record, key: RowKey) -> CustomerIdx {
        let digest = self.state.row_note.and_then(|n| n.key_digest);
        let c = self.columns;
        if self.builder.local_keys.is_some() {
            return match key {
                RowKey::Id(id) => self
                    .builder
                    .local_customer(&Key::with_digest(id, digest), false, || c.contacts(record)),
                RowKey::Contact(contact) => {
                    self.builder
                        .local_customer(&Key::with_digest(&contact, digest), true, Vec::new)
                }
            };
        }
        match key {
            RowKey::Id(id) if c.email.is_none() && c.phone.is_none() => {
                self.builder.customer(&Key::with_digest(id, digest))
            }
            RowKey::Id(id) => (self.builder).customer_with_id(&Key::with_digest(id, digest), || c.contacts(record)),
            RowKey::Contact(contact) => self.builder.customer_by_contact(&Key::with_digest(&contact, digest)),
        }
    }

    /// The row's date (order date or event time), which it cannot do
    /// without: a cell that is no date rejects the row with its column.
    #[inline]
    fn required_day(&mut self, record: &Record) -> Result<CellDay, Rejected> {
        let date_col = self.columns.date.unwrap_or(0);
        self.state
            .dates
            .read(record.get(date_col))
            .ok_or((RejectReason::BadDate, Some(date_col)))
    }

    fn customer_row(&mut self, record: &Record) -> Result<(), Rejected> {
        let c = self.columns;
        let (customer, merged_by_person) = match self.person_customer(record) {
            Some(found) => found,
            None => {
                let key = self.key(record)?;
                (self.customer(record, key), false)
            }
        };
        if self.schema.kind == FileKind::Summary {
            self.contact_cells(record, customer);
            return self.summary_totals(record, customer);
        }
        let day = c.date.and_then(|i| self.state.dates.read(record.get(i)));
        if self.schema.kind != FileKind::Customers {
            return Ok(());
        }
        if self.builder.mark_in_customer_file(customer) && !merged_by_person {
            self.builder.report.duplicate_customers_merged += 1;
        }
        if let Some(day) = day {
            self.state.dates.keep(day, Some(customer));
            self.builder.set_signup(customer, day.0);
        }
        if let Some(i) = c.source {
            let source = String::from_utf8_lossy(trim(record.get(i)));
            self.builder.set_source(customer, &source);
        }
        if let Some(Ok(Some(points))) = c.points.map(|i| parse_amount(record.get(i))) {
            if points.is_finite() {
                self.builder.set_points(customer, points);
            }
        }
        self.profile_cells(record, customer);
        Ok(())
    }
}
