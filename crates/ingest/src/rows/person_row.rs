//! The customer of a customers-file row that names a person key
//! (`docs/ingest/joins.md#one-customer-per-person`): order-level customer ids
//! of one person become one customer, displayed by the person key.

use super::{RowHandler, RowKey};
use crate::records::Record;
use crate::value::trim;
use segscope_model::CustomerIdx;

impl RowHandler<'_> {
    /// The person's customer and whether the row's order-level id merged into
    /// a person already known by another id; `None` when the file has no
    /// person key column or the row's cell is empty.
    pub(super) fn person_customer(&mut self, record: &Record) -> Option<(CustomerIdx, bool)> {
        let person = trim(record.get(self.columns.person?));
        if person.is_empty() {
            return None;
        }
        let id = match self.key(record) {
            Ok(RowKey::Id(id)) => Some(id),
            _ => None,
        };
        let c = self.columns;
        Some(self.builder.person_customer(person, id, || c.contacts(record)))
    }
}
