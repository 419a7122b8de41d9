//! The full read of one file: chunks in, rows parsed, cleaned and accounted
//! into a [`DatasetBuilder`].

use super::builder::DatasetBuilder;
use super::decode::ChunkDecoder;
use super::error::{IngestError, Problem};
use super::quality::{FileReport, RejectReason, Rejection};
use super::records::hash64;
use super::records::{Record, RecordReader};
use super::schema::{required_roles, FileKind, Role};
use super::sniff::FileSchema;
use super::status::classify_status;
use super::value::{parse_amount, parse_date, trim};
use crate::date::format_day;
use crate::model::{Day, OrderStatus};
use rustc_hash::{FxHashMap, FxHashSet};

/// Columns of a file resolved from its schema.
struct Columns {
    key: Option<usize>,
    email: Option<usize>,
    phone: Option<usize>,
    date: Option<usize>,
    amount: Option<usize>,
    quantity: Option<usize>,
    unit_price: Option<usize>,
    order_id: Option<usize>,
    status: Option<usize>,
    currency: Option<usize>,
    source: Option<usize>,
}

/// Reads one file chunk by chunk.
pub struct FileParser {
    schema: FileSchema,
    columns: Columns,
    decoder: ChunkDecoder,
    records: RecordReader,
    header_seen: bool,
    report: FileReport,
    seen_rows: FxHashSet<u128>,
    order_lines: FxHashMap<u64, u32>,
    currencies: FxHashMap<String, u64>,
    date_range: Option<(Day, Day)>,
    error: Option<IngestError>,
}

impl FileParser {
    /// Prepares the read of a file whose schema the user confirmed; fails when
    /// a required role has no column.
    pub fn new(schema: FileSchema) -> Result<Self, IngestError> {
        let encoding = encoding_rs::Encoding::for_label(schema.encoding.as_bytes())
            .ok_or_else(|| IngestError::file(&schema.file_name, Problem::UnknownEncoding(schema.encoding.clone())))?;
        let col = |r| schema.column(r);
        let columns = Columns {
            key: col(Role::CustomerKey),
            email: col(Role::Email),
            phone: col(Role::Phone),
            date: col(match schema.kind {
                FileKind::Orders => Role::OrderDate,
                FileKind::Customers => Role::SignupDate,
                FileKind::Events => Role::Timestamp,
                FileKind::Summary => Role::LastOrderDate,
            }),
            amount: col(Role::Amount),
            quantity: col(Role::Quantity),
            unit_price: col(Role::UnitPrice),
            order_id: col(Role::OrderId),
            status: col(Role::Status),
            currency: col(Role::Currency),
            source: col(Role::Source),
        };
        for role in required_roles(schema.kind) {
            let present = match role {
                Role::CustomerKey => columns.key.or(columns.email).or(columns.phone).is_some(),
                Role::Amount => {
                    columns.amount.is_some() || (columns.quantity.is_some() && columns.unit_price.is_some())
                }
                other => col(*other).is_some(),
            };
            if !present {
                return Err(IngestError::file(&schema.file_name, Problem::MissingColumn(*role)));
            }
        }
        let report = FileReport {
            file: schema.file_name.clone(),
            kind: schema.kind,
            encoding: schema.encoding.clone(),
            rows_read: 0,
            rows_kept: 0,
            rows_rejected: 0,
            duplicates_removed: 0,
            rejected_by_reason: RejectReason::ALL.iter().map(|r| (*r, 0)).collect(),
            refunds: 0,
            cancellations: 0,
            negative_amounts: 0,
            lines_merged: 0,
            currencies: Vec::new(),
            first_date: None,
            last_date: None,
        };
        Ok(FileParser {
            records: RecordReader::new(schema.delimiter),
            decoder: ChunkDecoder::new(encoding),
            schema,
            columns,
            header_seen: false,
            report,
            seen_rows: FxHashSet::default(),
            order_lines: FxHashMap::default(),
            currencies: FxHashMap::default(),
            date_range: None,
            error: None,
        })
    }

    /// Parses the next chunk of raw file bytes.
    pub fn feed(&mut self, chunk: &[u8], builder: &mut DatasetBuilder) -> Result<(), IngestError> {
        self.push(chunk, false, builder)
    }

    /// Parses what is left and returns the file's accounting.
    pub fn finish(mut self, builder: &mut DatasetBuilder) -> Result<FileReport, IngestError> {
        self.push(b"", true, builder)?;
        let mut report = self.report;
        let mut currencies: Vec<(String, u64)> = self.currencies.into_iter().collect();
        currencies.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        report.currencies = currencies;
        if let Some((first, last)) = self.date_range {
            report.first_date = Some(format_day(first));
            report.last_date = Some(format_day(last));
        }
        if report.rows_read > 0 && report.rows_kept == 0 {
            return Err(IngestError::file(&report.file, Problem::NoUsableRows));
        }
        builder.report.files.push(report.clone());
        Ok(report)
    }

    fn push(&mut self, chunk: &[u8], last: bool, builder: &mut DatasetBuilder) -> Result<(), IngestError> {
        let text = self.decoder.decode(chunk, last);
        // Split borrows: the record reader and the row handler are separate fields.
        let mut rows = RowHandler {
            schema: &self.schema,
            columns: &self.columns,
            header_seen: &mut self.header_seen,
            report: &mut self.report,
            seen_rows: &mut self.seen_rows,
            order_lines: &mut self.order_lines,
            currencies: &mut self.currencies,
            date_range: &mut self.date_range,
            builder,
        };
        let mut handle = |record: &Record| {
            rows.row(record);
            true
        };
        let outcome = self.records.feed(text, &mut handle).and_then(|_| {
            if last {
                self.records.feed(b"", &mut handle)
            } else {
                Ok(true)
            }
        });
        if outcome.is_err() {
            let mut err = IngestError::file(&self.schema.file_name, Problem::RecordTooLong);
            err.row = Some(self.report.rows_read + 2);
            self.error = Some(err.clone());
            return Err(err);
        }
        if let Some(err) = &self.error {
            return Err(err.clone());
        }
        Ok(())
    }
}

/// Per-row work, borrowing the parser's state.
struct RowHandler<'a> {
    schema: &'a FileSchema,
    columns: &'a Columns,
    header_seen: &'a mut bool,
    report: &'a mut FileReport,
    seen_rows: &'a mut FxHashSet<u128>,
    order_lines: &'a mut FxHashMap<u64, u32>,
    currencies: &'a mut FxHashMap<String, u64>,
    date_range: &'a mut Option<(Day, Day)>,
    builder: &'a mut DatasetBuilder,
}

impl RowHandler<'_> {
    fn row(&mut self, record: &Record) {
        if !*self.header_seen {
            *self.header_seen = true;
            if self.schema.kind == FileKind::Customers {
                self.builder.any_customer_file = true;
            }
            return;
        }
        self.report.rows_read += 1;
        let row_number = self.report.rows_read + 1;
        if !self.seen_rows.insert(record.fingerprint()) {
            self.report.duplicates_removed += 1;
            return;
        }
        let outcome = match self.schema.kind {
            FileKind::Orders => self.order_row(record),
            _ => self.customer_row(record),
        };
        match outcome {
            Ok(()) => self.report.rows_kept += 1,
            Err((reason, column)) => {
                self.report.rows_rejected += 1;
                if let Some(slot) = self.report.rejected_by_reason.iter_mut().find(|(r, _)| *r == reason) {
                    slot.1 += 1;
                }
                let file = &self.schema.file_name;
                let header = column
                    .and_then(|c| self.schema.headers.get(c))
                    .cloned()
                    .unwrap_or_default();
                let value: String = column
                    .map(|c| String::from_utf8_lossy(record.get(c)).chars().take(200).collect())
                    .unwrap_or_default();
                self.builder.reject(|| Rejection {
                    file: file.clone(),
                    row: row_number,
                    column: header,
                    reason,
                    value,
                });
            }
        }
    }

    /// The customer key of a row: id, else normalised email, else phone digits.
    fn key(&self, record: &Record) -> Option<Vec<u8>> {
        let c = self.columns;
        if let Some(id) = c.key.map(|i| trim(record.get(i))).filter(|v| !v.is_empty()) {
            return Some(id.to_vec());
        }
        if let Some(email) = c.email.map(|i| trim(record.get(i))).filter(|v| v.contains(&b'@')) {
            return Some(email.to_ascii_lowercase());
        }
        c.phone
            .map(|i| {
                record
                    .get(i)
                    .iter()
                    .filter(|b| b.is_ascii_digit())
                    .copied()
                    .collect::<Vec<u8>>()
            })
            .filter(|digits| digits.len() >= 5)
    }

    fn note_date(&mut self, day: Day) {
        *self.date_range = Some(match *self.date_range {
            Some((a, b)) => (a.min(day), b.max(day)),
            None => (day, day),
        });
    }

    fn order_row(&mut self, record: &Record) -> Result<(), (RejectReason, Option<usize>)> {
        let c = self.columns;
        let key_column = c.key.or(c.email).or(c.phone);
        let key = self.key(record).ok_or((RejectReason::MissingKey, key_column))?;
        let date_col = c.date.unwrap_or(0);
        let day =
            parse_date(record.get(date_col), self.schema.date_order).ok_or((RejectReason::BadDate, Some(date_col)))?;
        let amount = self.amount(record)?;
        let mut status = c.status.map_or(OrderStatus::Paid, |i| classify_status(record.get(i)));
        if c.order_id.is_some_and(|i| record.get(i).first() == Some(&b'C')) && c.unit_price.is_some() {
            status = OrderStatus::Cancelled; // UCI Online Retail: invoices starting with C are cancellations
        }
        if amount < 0.0 {
            self.report.negative_amounts += 1;
            if status == OrderStatus::Paid {
                status = OrderStatus::Refunded;
            }
        }
        match status {
            OrderStatus::Paid => {}
            OrderStatus::Refunded => self.report.refunds += 1,
            OrderStatus::Cancelled => self.report.cancellations += 1,
        }
        if let Some(i) = c.currency {
            let code = trim(record.get(i));
            if !code.is_empty() {
                let code = String::from_utf8_lossy(code).to_uppercase();
                *self.currencies.entry(code).or_insert(0) += 1;
            }
        }
        self.note_date(day);
        let customer = self.builder.customer(&key);
        let orders = &mut self.builder.dataset.orders;
        if let Some(i) = c.order_id {
            let id = trim(record.get(i));
            if !id.is_empty() {
                let line_key = hash64(id) ^ u64::from(customer).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                if let Some(&existing) = self.order_lines.get(&line_key) {
                    let e = existing as usize;
                    if orders.status[e] == status {
                        orders.amount[e] += amount.abs();
                        self.report.lines_merged += 1;
                        return Ok(());
                    }
                } else {
                    self.order_lines.insert(line_key, orders.len() as u32);
                }
            }
        }
        orders.push(customer, day, amount.abs(), status);
        Ok(())
    }

    fn amount(&self, record: &Record) -> Result<f64, (RejectReason, Option<usize>)> {
        let c = self.columns;
        if let Some(i) = c.amount {
            return match parse_amount(record.get(i)) {
                Ok(v) => Ok(v.unwrap_or(0.0)),
                Err(_) => Err((RejectReason::BadAmount, Some(i))),
            };
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

    fn customer_row(&mut self, record: &Record) -> Result<(), (RejectReason, Option<usize>)> {
        let c = self.columns;
        let key = self
            .key(record)
            .ok_or((RejectReason::MissingKey, c.key.or(c.email).or(c.phone)))?;
        let day = match (self.schema.kind, c.date) {
            (FileKind::Events, Some(i)) => {
                Some(parse_date(record.get(i), self.schema.date_order).ok_or((RejectReason::BadDate, Some(i)))?)
            }
            (_, Some(i)) => parse_date(record.get(i), self.schema.date_order),
            (_, None) => None,
        };
        let customer = self.builder.customer(&key);
        if self.schema.kind != FileKind::Customers {
            return Ok(());
        }
        if self.builder.mark_in_customer_file(customer) {
            self.builder.report.duplicate_customers_merged += 1;
        }
        if let Some(day) = day {
            self.note_date(day);
            self.builder.set_signup(customer, day);
        }
        if let Some(i) = c.source {
            let source = String::from_utf8_lossy(trim(record.get(i))).into_owned();
            self.builder.set_source(customer, &source);
        }
        Ok(())
    }
}

/// Reads a whole in-memory file in one go (tests, benchmarks, small files).
pub fn read_file(schema: FileSchema, bytes: &[u8], builder: &mut DatasetBuilder) -> Result<FileReport, IngestError> {
    let mut parser = FileParser::new(schema)?;
    for chunk in bytes.chunks(8 << 20) {
        parser.feed(chunk, builder)?;
    }
    parser.finish(builder)
}
