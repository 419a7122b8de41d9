//! Rows of an events file: who did what, when, about which category.

use super::{Rejected, RowHandler};
use crate::records::Record;
use crate::value::trim;
use segscope_model::{EventKind, NO_CATEGORY};

impl RowHandler<'_> {
    /// Keeps one event row; a row without a customer key or a readable
    /// timestamp is rejected with its column. An empty or unknown type is
    /// [`EventKind::Other`].
    pub(super) fn event_row(&mut self, record: &Record) -> Result<(), Rejected> {
        let c = self.columns;
        let key = self.key(record)?;
        let day = self.required_day(record)?;
        let kind = c
            .event_type
            .map_or(EventKind::Other, |i| self.state.event_kind(trim(record.get(i))));
        let customer = self.customer(record, key);
        let category = c.category.map(|i| self.builder.category(trim(record.get(i))));
        let events = &mut self.builder.dataset.events;
        events.push_with_category(customer, day.0, kind, category.unwrap_or(NO_CATEGORY));
        let target = (events.len() - 1) as u32;
        self.state.dates.keep(day, Some(target));
        Ok(())
    }
}
