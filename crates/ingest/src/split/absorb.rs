//! Merging a range read on its own into the sequential reader, exactly as
//! if its rows had been read there (docs/ingest/speed.md#parallel-read).

use super::part::RangePart;
use crate::builder::DatasetBuilder;
use crate::key_map::Key;
use crate::order_index::{OrderLine, NO_ORDER};
use crate::parse::FileParser;
use crate::quality::Rejection;
use crate::records::LINES_AHEAD;
use rustc_hash::FxHashSet;
use segscope_model::{CustomerIdx, NO_CATEGORY};

/// The outcome of offering a range to the sequential reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absorbed {
    /// The range's rows now count as read.
    Merged,
    /// The range could not be merged exactly (its start was not where a
    /// record starts, or its rows meet rows read before it): feed its bytes
    /// to the reader instead.
    ReadAgain,
}

impl FileParser {
    /// Merges `part`, the range that starts where the bytes fed so far end,
    /// or says to read it again.
    pub fn absorb(&mut self, part: &RangePart, builder: &mut DatasetBuilder) -> Absorbed {
        if !self.mergeable(part) {
            return Absorbed::ReadAgain;
        }
        // Resolving keys changes only what the sequential read would have
        // changed on their first rows: a range read again after it finds
        // them known. Nothing else changes before the last check passed.
        let Some(locals): Option<Vec<_>> = (0..part.keys.len()).map(|i| part.keys.get(i)).collect() else {
            return Absorbed::ReadAgain;
        };
        let keys: Vec<Key> = locals.iter().map(|local| Key::new(local.key)).collect();
        let mut customers: Vec<CustomerIdx> = Vec::with_capacity(keys.len());
        for (locals, keys) in locals.chunks(LINES_AHEAD).zip(keys.chunks(LINES_AHEAD)) {
            builder.fetch_resolve_ahead(keys);
            customers.extend(locals.iter().zip(keys).map(|(local, key)| builder.resolve(local, key)));
        }
        // Two of the range's keys naming one customer (an e-mail-only row and
        // an id row with that e-mail): the range's rows treated them as two,
        // for line merging and first values alike.
        let mut distinct = FxHashSet::default();
        if !customers.iter().all(|c| distinct.insert(*c)) {
            return Absorbed::ReadAgain;
        }
        let offset = builder.dataset.orders.len() as u32;
        let order_lines = part.order_keys.iter().zip(&part.order_of_key).zip(&part.first_rows);
        let order_lines = order_lines.map(|((&key, &order), &first_row)| {
            let order = if order == NO_ORDER { order } else { order + offset };
            (key, OrderLine { order, first_row })
        });
        if !self.state.order_lines.insert_all_new(order_lines) {
            return Absorbed::ReadAgain;
        }
        part.cards
            .fill(&customers, builder.dataset.customers.profile_mut().contacts_mut());
        self.append_orders(part, &customers, builder);
        self.state.seen_rows.reserve(part.seen_rows.len());
        self.state.seen_rows.extend(part.seen_rows.iter().copied());
        self.state.dates.absorb(&part.dates, offset);
        for (code, n) in &part.currencies {
            *self.state.currencies.entry(code.as_slice().into()).or_insert(0) += n;
        }
        let rows_before = self.state.report.rows_read;
        self.state.report.add_counts(&part.counts);
        for rejection in &part.rejections {
            builder.reject(|| Rejection {
                row: rejection.row + rows_before,
                ..rejection.clone()
            });
        }
        builder.count_unkept_rejections(part.rejected.saturating_sub(part.rejections.len() as u64));
        Absorbed::Merged
    }

    /// Appends `part`'s orders, its customers now `customers` and its
    /// categories the builder's.
    fn append_orders(&self, part: &RangePart, customers: &[CustomerIdx], builder: &mut DatasetBuilder) {
        let categories: Vec<_> = part
            .categories
            .iter()
            .map(|name| builder.category(name.as_bytes()))
            .collect();
        let orders = &mut builder.dataset.orders;
        for i in 0..part.customer.len() {
            orders.push(
                customers[part.customer[i] as usize],
                part.day[i],
                part.amount[i],
                part.status[i],
            );
            let category = part.category[i];
            if category != NO_CATEGORY {
                orders.set_last_category(categories[category as usize]);
            }
        }
    }

    /// True when `part` can be merged as far as can be told before its keys
    /// are resolved: the bytes fed so far ended a record past the header,
    /// the range ended one too, its columns fit together, and none of its
    /// compared rows was met before it (its order ids are checked as they
    /// are recorded).
    fn mergeable(&self, part: &RangePart) -> bool {
        let state = &self.state;
        self.records.at_record_start()
            && state.started
            && state.to_skip == 0
            && part.ends_record
            && part.is_consistent()
            && part
                .seen_rows
                .iter()
                .all(|fingerprint| !state.seen_rows.contains(fingerprint))
    }
}
