//! The profile cells of a row: name and contacts (from any file that maps
//! them: customers, orders, summaries; for search and the exports) and, in a
//! customers file, demographics. The first non-empty value of each wins.

use super::RowHandler;
use crate::profile_value::{parse_age, parse_gender};
use crate::records::Record;
use crate::value::{parse_amount, trim};
use segscope_model::{ContactField, CustomerIdx, Gender};

impl RowHandler<'_> {
    /// Stores the row's profile cells for `customer`.
    pub(super) fn profile_cells(&mut self, record: &Record, customer: CustomerIdx) {
        let c = self.columns;
        let text = |column: Option<usize>| {
            column
                .map(|i| String::from_utf8_lossy(trim(record.get(i))).into_owned())
                .filter(|t| !t.is_empty())
        };
        let birth = c
            .birth_date
            .and_then(|i| self.state.dates.read(record.get(i)))
            .map(|d| d.0);
        self.contact_cells(record, customer);
        let i = customer as usize;
        let profile = self.builder.dataset.customers.profile_mut();
        profile.fill_birth(i, birth);
        profile.fill_age(i, c.age.and_then(|col| parse_age(record.get(col))));
        let income = c.income.and_then(|col| parse_amount(record.get(col)).ok().flatten());
        profile.fill_income(i, income.filter(|v| v.is_finite() && *v >= 0.0));
        if let Some(col) = c.gender {
            if profile.gender().get(i) == Some(&Gender::Unknown) {
                profile.fill_gender(i, parse_gender(record.get(col)));
            }
        }
        if let Some(occupation) = text(c.occupation) {
            self.builder.set_occupation(customer, &occupation);
        }
        if let Some(region) = text(c.region).or_else(|| text(c.city)).or_else(|| text(c.country)) {
            self.builder.set_region(customer, &region);
        }
    }
}

impl RowHandler<'_> {
    /// Stores the row's contact cells (name, e-mail, phone, address parts,
    /// messaging ids) for `customer` where it has none yet, as written
    /// (trimmed); a cell is read only for an empty slot, so an orders file
    /// with a million rows costs one look per contact column and row.
    pub(super) fn contact_cells(&mut self, record: &Record, customer: CustomerIdx) {
        let c = self.columns;
        let i = customer as usize;
        let contacts = self.builder.dataset.customers.profile_mut().contacts_mut();
        // The row's values for the fields still empty, written to the card at
        // once (a customers file fills most of them on the customer's row).
        let mut values = Vec::new();
        for &(column, field) in &c.contacts {
            if !contacts.has(i, field) {
                let cell = without_text_marker(trim(record.get(column)));
                if !cell.is_empty() {
                    values.push((field, String::from_utf8_lossy(cell)));
                }
            }
        }
        // A backup column counts only with a value that is what it says:
        // `Accepts Email Marketing` names an e-mail but holds yes/no.
        let looks_like = |field, cell: &[u8]| match field {
            ContactField::Email => cell.contains(&b'@'),
            _ => cell.iter().filter(|b| b.is_ascii_digit()).count() >= 5,
        };
        for &(column, field) in &c.backup_contacts {
            if !contacts.has(i, field) {
                let cell = without_text_marker(trim(record.get(column)));
                if looks_like(field, cell) {
                    values.push((field, String::from_utf8_lossy(cell)));
                }
            }
        }
        if !values.is_empty() {
            contacts.fill_all(i, values.iter().map(|(field, value)| (*field, value.as_ref())));
        }
    }
}

/// `cell` without the apostrophe that keeps spreadsheets from reading a
/// number (Shopify writes phones and zips as `'+14155550101`, `'02100`).
fn without_text_marker(cell: &[u8]) -> &[u8] {
    match cell {
        [b'\'', rest @ ..] if rest.first().is_some_and(|b| b.is_ascii_digit() || *b == b'+') => rest,
        _ => cell,
    }
}
