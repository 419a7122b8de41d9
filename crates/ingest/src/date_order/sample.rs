//! The date order the mapping step shows, decided from the sample rows the
//! same way the full read decides it (see `docs/ingest/date-order.md#decision`).

use super::convention::convention;
use super::evidence::DateEvidence;
use super::plausibility::ReadingShape;
use super::reason::{decide, DateOrderReason};
use crate::schema::Role;
use crate::sniff::FileSchema;
use crate::value::{read_date, DateOrder};

/// The roles whose columns hold dates read with a day/month order.
const DATE_ROLES: [Role; 5] = [
    Role::OrderDate,
    Role::SignupDate,
    Role::Timestamp,
    Role::FirstOrderDate,
    Role::LastOrderDate,
];

/// Decides day-first vs month-first from the sample values of the schema's
/// date columns (each column in file order; votes and shapes added up over
/// columns), then the headers' convention, then day-first.
pub fn decide_date_order(schema: &FileSchema) -> (DateOrder, DateOrderReason) {
    let mut votes = [0u64; 2];
    let mut ambiguous = 0;
    let mut shapes = [ReadingShape::default(); 2];
    for col in DATE_ROLES.iter().filter_map(|role| schema.column(*role)) {
        let mut column = DateEvidence::default();
        for cell in schema.samples.iter().filter_map(|row| row.get(col)) {
            let Some(read) = read_date(cell.as_bytes(), DateOrder::DayFirst) else {
                continue;
            };
            if let Some(order) = read.proves {
                column.vote(order);
            }
            column.push(read.day, read.alternative.unwrap_or(read.day));
        }
        ambiguous += column.ambiguous;
        for (sum, n) in votes.iter_mut().zip(column.votes()) {
            *sum += n;
        }
        for (sum, shape) in shapes.iter_mut().zip(column.shapes()) {
            *sum = sum.plus(shape);
        }
    }
    decide(
        votes,
        ambiguous,
        shapes,
        convention(&schema.headers),
        DateOrder::DayFirst,
    )
}

/// True when a sample date of the schema's date columns puts the year last
/// (`05/01/2024`), so that its day/month order matters and the mapping step
/// states the decision.
pub fn has_year_last_dates(schema: &FileSchema) -> bool {
    DATE_ROLES.iter().filter_map(|role| schema.column(*role)).any(|col| {
        schema.samples.iter().filter_map(|row| row.get(col)).any(|cell| {
            let date = cell.trim().split([' ', 'T']).next().unwrap_or("");
            let fields: Vec<&str> = date.split(['/', '.', '-']).collect();
            fields.len() == 3
                && fields[0].len() <= 2
                && matches!(fields[2].len(), 2 | 4)
                && fields
                    .iter()
                    .all(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
        })
    })
}
