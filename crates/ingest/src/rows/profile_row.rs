//! The profile cells of a customers-file row: name and contacts (for search)
//! and demographics. The first non-empty value of each wins.

use super::RowHandler;
use crate::profile_value::{parse_age, parse_gender};
use crate::records::Record;
use crate::value::{parse_amount, trim};
use segscope_model::{CustomerIdx, Gender};

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
        let i = customer as usize;
        let profile = &mut self.builder.dataset.customers.profile;
        fill(&mut profile.name[i], text(c.name).map(String::into_boxed_str));
        fill(&mut profile.email[i], text(c.email).map(String::into_boxed_str));
        fill(&mut profile.phone[i], text(c.phone).map(String::into_boxed_str));
        fill(&mut profile.birth[i], birth);
        fill(&mut profile.age[i], c.age.and_then(|col| parse_age(record.get(col))));
        let income = c.income.and_then(|col| parse_amount(record.get(col)).ok().flatten());
        fill(&mut profile.income[i], income.filter(|v| v.is_finite() && *v >= 0.0));
        if profile.gender[i] == Gender::Unknown {
            if let Some(col) = c.gender {
                profile.gender[i] = parse_gender(record.get(col));
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

/// Puts `value` into an empty `slot`.
fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}
