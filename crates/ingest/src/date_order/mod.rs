//! Day-first or month-first for dates like `05/01/2024`: decided from the
//! cells that read one way only, else from which reading makes the dates
//! plausible, else from the platform's convention, else the default; the
//! decision carries its reason for the mapping step and the quality page
//! (see `docs/ingest/date-order.md`).

mod convention;
mod evidence;
mod plausibility;
mod reason;
mod sample;
mod tracker;

pub use convention::{convention, ConventionHint};
pub use plausibility::{Plausibility, PlausibilityCue, ReadingShape};
pub use reason::DateOrderReason;
pub use sample::{decide_date_order, has_year_last_dates};
pub(crate) use tracker::{AmbiguousDate, CellDay, DateDecision, DateOrderTracker, DatesPart};

#[cfg(test)]
mod tests;
