//! What one range of a file leaves behind once read on its own: its
//! customers by key, orders, order ids, row fingerprints, dates and
//! accounting, in a form a worker can send (docs/ingest/speed.md#parallel-read).

use super::cards::PartCards;
use crate::builder::DatasetBuilder;
use crate::date_order::DatesPart;
use crate::decode::ChunkDecoder;
use crate::local_keys::LocalKeys;
use crate::order_index::{OrderLine, NO_ORDER};
use crate::parse::FileParser;
use crate::quality::{Rejection, RowCounts};
use crate::rows::FileState;
use crate::sniff::FileSchema;
use crate::IngestError;
use segscope_model::{CategoryIdx, CustomerIdx, Day, OrderStatus, NO_CATEGORY};
use serde::{Deserialize, Serialize};

/// One range of a file, read on its own.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RangePart {
    /// The range's customers: one per distinct key, in order of first row.
    pub(super) keys: LocalKeys,
    /// Per customer: the contact cells its rows filled, first value first.
    pub(super) cards: PartCards,
    /// The kept orders, by column (customers and categories are the range's own).
    #[serde(with = "super::packed")]
    pub(super) customer: Vec<CustomerIdx>,
    #[serde(with = "super::packed")]
    pub(super) day: Vec<Day>,
    #[serde(with = "super::packed")]
    pub(super) amount: Vec<f64>,
    pub(super) status: Vec<OrderStatus>,
    #[serde(with = "super::packed")]
    pub(super) category: Vec<CategoryIdx>,
    /// The range's category names, indexed by `category`.
    pub(super) categories: Vec<String>,
    /// Every order id the range met, by column: its key, its order (or
    /// none) and the fingerprint of its first row.
    #[serde(with = "super::packed")]
    pub(super) order_keys: Vec<u64>,
    #[serde(with = "super::packed")]
    pub(super) order_of_key: Vec<u32>,
    #[serde(with = "super::packed")]
    pub(super) first_rows: Vec<u64>,
    /// Fingerprints of the rows checked against each other for duplicates.
    #[serde(with = "super::packed")]
    pub(super) seen_rows: Vec<u128>,
    /// The range's counts.
    pub(super) counts: RowCounts,
    /// Rows per raw currency cell.
    pub(super) currencies: Vec<(Vec<u8>, u64)>,
    pub(super) dates: DatesPart,
    /// The rejections kept (at most the report's limit) and how many there were.
    pub(super) rejections: Vec<Rejection>,
    pub(super) rejected: u64,
    /// The range's last byte ended a record (always true for the last range).
    pub(super) ends_record: bool,
}

impl RangePart {
    /// True when every column has one entry per order (or per key, per
    /// order id) and every index points inside its table: a part that came
    /// through a message is checked before it is merged.
    pub(super) fn is_consistent(&self) -> bool {
        let orders = self.customer.len();
        let same = |n: usize| n == orders;
        same(self.day.len())
            && same(self.amount.len())
            && same(self.status.len())
            && same(self.category.len())
            && self.keys.is_consistent()
            && self.cards.is_consistent()
            && self.cards.len() == self.keys.len()
            && self.order_of_key.len() == self.order_keys.len()
            && self.first_rows.len() == self.order_keys.len()
            && self.customer.iter().all(|&c| (c as usize) < self.keys.len())
            && self
                .category
                .iter()
                .all(|&c| c == NO_CATEGORY || (c as usize) < self.categories.len())
            && self
                .order_of_key
                .iter()
                .all(|&o| o == NO_ORDER || (o as usize) < orders)
            && self.dates.targets_below(orders as u32)
    }
}

impl FileParser {
    /// Prepares the read of one range of a file (after its header, starting
    /// at a record's first byte) into a range builder.
    pub(super) fn for_range(schema: FileSchema, builder: &mut DatasetBuilder) -> Result<Self, IngestError> {
        let mut parser = FileParser::for_builder(schema, builder)?;
        parser.state.started = true;
        parser.state.to_skip = 0;
        parser.decoder = ChunkDecoder::continuing(parser.decoder.encoding());
        Ok(parser)
    }

    /// Finishes a range read (`last`: the range runs to the end of the file)
    /// and hands out what it read.
    pub(super) fn into_part(mut self, mut builder: DatasetBuilder, last: bool) -> Result<RangePart, IngestError> {
        if last {
            self.push(b"", true, &mut builder)?;
        }
        let ends_record = last || self.records.at_record_start();
        let FileState {
            report,
            seen_rows,
            order_lines,
            currencies,
            mut dates,
            ..
        } = self.state;
        let dataset = &builder.dataset;
        let cards = PartCards::of(dataset.customers.profile().contacts());
        let orders = &dataset.orders;
        let rejected = builder.rejection_count;
        let rejections = std::mem::take(&mut builder.report.rejections);
        let ids = order_lines.entries();
        let (mut order_keys, mut order_of_key, mut first_rows) = (Vec::new(), Vec::new(), Vec::new());
        for (key, OrderLine { order, first_row }) in ids {
            order_keys.push(key);
            order_of_key.push(order);
            first_rows.push(first_row);
        }
        Ok(RangePart {
            keys: builder.local_keys.take().unwrap_or_default(),
            cards,
            customer: orders.customer().to_vec(),
            day: orders.day().to_vec(),
            amount: orders.amount().to_vec(),
            status: orders.status().to_vec(),
            category: orders.category().to_vec(),
            categories: dataset.categories.clone(),
            order_keys,
            order_of_key,
            first_rows,
            seen_rows: seen_rows.into_iter().collect(),
            counts: report.counts(),
            currencies: currencies.into_iter().map(|(code, n)| (code.into_vec(), n)).collect(),
            dates: dates.take_part(),
            rejections,
            rejected,
            ends_record,
        })
    }
}
