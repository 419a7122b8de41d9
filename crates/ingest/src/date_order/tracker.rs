//! Day-first or month-first, decided from every date of a file while it is
//! read: cells that read only one way vote; when the votes do not decide,
//! the shape of the ambiguous dates under each reading does, then the
//! headers' convention (see `docs/ingest/date-order.md#decision`). Ambiguous
//! cells are read in the sampled guess and re-read at the end if the
//! decision goes the other way.

use super::convention::{convention, ConventionHint};
use super::evidence::DateEvidence;
use super::reason::{decide, DateOrderReason};
use crate::sniff::FileSchema;
use crate::value::{parse_date, read_date, DateOrder};
use segscope_model::Day;
use serde::{Deserialize, Serialize};

/// An ambiguous date that was kept: where it went, and its two readings.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(crate) struct AmbiguousDate {
    /// The order index (orders files) or customer index (customers files).
    pub target: u32,
    /// The day as read in the guessed order.
    pub guessed: Day,
    /// The day in the other order.
    pub other: Day,
}

/// The file-wide decision once every row is read.
pub(crate) struct DateDecision {
    /// The order the file's year-last dates were read in, if it had any.
    pub order: Option<DateOrder>,
    /// Why, when the file had year-last dates.
    pub reason: Option<DateOrderReason>,
    /// Ambiguous dates to re-read in the other order (empty when the guess held).
    pub reread: Vec<AmbiguousDate>,
    /// Earliest and latest kept date after the decision.
    pub range: Option<(Day, Day)>,
}

/// Tracks a file's date cells during its read.
pub(crate) struct DateOrderTracker {
    guess: DateOrder,
    /// The user chose the order: cells are read that way only.
    fixed: bool,
    convention: Option<ConventionHint>,
    evidence: DateEvidence,
    ambiguous: Vec<AmbiguousDate>,
}

/// The dates of one range of a file: its evidence and kept ambiguous dates.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct DatesPart {
    evidence: DateEvidence,
    ambiguous: Vec<AmbiguousDate>,
}

impl DatesPart {
    /// True when every kept ambiguous date points below `targets`.
    pub fn targets_below(&self, targets: u32) -> bool {
        self.ambiguous.iter().all(|a| a.target < targets)
    }
}

/// A date cell as read: its day and, when ambiguous, the other reading.
pub(crate) type CellDay = (Day, Option<Day>);

impl DateOrderTracker {
    /// Starts with the order the sniff decided for `schema` (fixed when the
    /// user set it), and the convention its headers suggest.
    pub fn new(schema: &FileSchema) -> Self {
        Self::with(schema.date_order, schema.date_order_fixed, convention(&schema.headers))
    }

    /// Starts with `guess` (fixed when the user set it) and the headers'
    /// `convention`.
    pub(super) fn with(guess: DateOrder, fixed: bool, convention: Option<ConventionHint>) -> Self {
        DateOrderTracker {
            guess,
            fixed,
            convention,
            evidence: DateEvidence::default(),
            ambiguous: Vec::new(),
        }
    }

    /// Reads a date cell; `None` when it is not a date in any allowed order.
    pub fn read(&mut self, raw: &[u8]) -> Option<CellDay> {
        if self.fixed {
            return parse_date(raw, self.guess).map(|day| (day, None));
        }
        let read = read_date(raw, self.guess)?;
        if let Some(order) = read.proves {
            self.evidence.vote(order);
        }
        Some((read.day, read.alternative))
    }

    /// Notes a kept cell's date; `target` is where an ambiguous date went
    /// (`None` when nothing stored needs re-reading, e.g. a merged order line).
    pub fn keep(&mut self, (day, other): CellDay, target: Option<u32>) {
        let other_day = other.unwrap_or(day);
        match self.guess {
            DateOrder::DayFirst => self.evidence.push(day, other_day),
            DateOrder::MonthFirst => self.evidence.push(other_day, day),
        }
        if let (Some(other), Some(target)) = (other, target) {
            self.ambiguous.push(AmbiguousDate {
                target,
                guessed: day,
                other,
            });
        }
    }

    /// The evidence and kept ambiguous dates gathered so far, handed out
    /// (a range of a file read in parts: docs/ingest/speed.md#parallel-read).
    pub fn take_part(&mut self) -> DatesPart {
        DatesPart {
            evidence: std::mem::take(&mut self.evidence),
            ambiguous: std::mem::take(&mut self.ambiguous),
        }
    }

    /// Adds the dates of the range read after everything tracked so far;
    /// its ambiguous dates' targets move up by `target_offset` (the orders
    /// kept before the range).
    pub fn absorb(&mut self, part: &DatesPart, target_offset: u32) {
        self.evidence.absorb(&part.evidence);
        self.ambiguous.extend(part.ambiguous.iter().map(|a| AmbiguousDate {
            target: a.target + target_offset,
            ..*a
        }));
    }

    /// Decides: the user's order when fixed; else the order more cells prove;
    /// else the plausible reading, the convention, or the guess.
    pub fn decide(self) -> DateDecision {
        let votes = self.evidence.votes();
        let saw_year_last = votes.iter().sum::<u64>() > 0 || self.evidence.ambiguous > 0;
        let (order, reason) = if self.fixed {
            (self.guess, DateOrderReason::UserChoice)
        } else {
            decide(
                votes,
                self.evidence.ambiguous,
                self.evidence.shapes(),
                self.convention,
                self.guess,
            )
        };
        let flip = order != self.guess;
        DateDecision {
            order: (saw_year_last || self.fixed).then_some(order),
            reason: (saw_year_last || self.fixed).then_some(reason),
            reread: if flip { self.ambiguous } else { Vec::new() },
            range: self.evidence.path(order).range(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn track(guess: DateOrder, fixed: bool, cells: &[&str]) -> (Vec<Option<CellDay>>, DateDecision) {
        let mut t = DateOrderTracker::with(guess, fixed, None);
        let mut read = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            let r = t.read(cell.as_bytes());
            if let Some(r) = r {
                t.keep(r, Some(i as u32));
            }
            read.push(r);
        }
        (read, t.decide())
    }

    #[test]
    fn later_month_first_evidence_rereads_early_ambiguous_dates() {
        // UCI Online Retail starts with `12/1/2010` (1 December) for thousands of rows.
        let (read, d) = track(DateOrder::DayFirst, false, &["12/1/2010", "12/1/2010", "12/13/2010"]);
        assert_eq!(d.order, Some(DateOrder::MonthFirst));
        // Day-first reads 12 January; the re-read gives 1 December.
        assert_eq!(read[0], Some((14_621, Some(14_944))));
        assert_eq!(read[2], Some((14_956, None)));
        assert_eq!(
            d.reread.iter().map(|a| (a.target, a.other)).collect::<Vec<_>>(),
            vec![(0, 14_944), (1, 14_944)]
        );
        assert_eq!(d.range, Some((14_944, 14_956)));
    }

    #[test]
    fn a_tie_or_no_evidence_keeps_the_guess() {
        let (_, d) = track(DateOrder::DayFirst, false, &["13/1/2010", "1/13/2010", "2/3/2010"]);
        assert_eq!(d.order, Some(DateOrder::DayFirst));
        assert!(d.reread.is_empty());
        let (_, d) = track(DateOrder::DayFirst, false, &["2010-01-05"]);
        assert_eq!(d.order, None);
        assert_eq!(d.range, Some((14_614, 14_614)));
    }

    #[test]
    fn a_fixed_order_rejects_dates_that_only_read_the_other_way() {
        let (read, d) = track(DateOrder::DayFirst, true, &["12/13/2010", "12/1/2010"]);
        assert_eq!(read[0], None);
        assert_eq!(read[1], Some((14_621, None)));
        assert_eq!(d.order, Some(DateOrder::DayFirst));
        assert!(d.reread.is_empty());
    }
}
