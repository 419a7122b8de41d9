//! Day-first or month-first, decided from every date of a file while it is
//! read: cells that read only one way vote, ambiguous cells are read in the
//! sampled guess and re-read at the end if the votes say otherwise.

use super::value::{read_date, DateOrder};
use crate::model::Day;

/// An ambiguous date that was kept: where it went, and its two readings.
#[derive(Debug, Clone, Copy)]
pub(super) struct AmbiguousDate {
    /// The order index (orders files) or customer index (customers files).
    pub target: u32,
    /// The day as read in the guessed order.
    pub guessed: Day,
    /// The day in the other order.
    pub other: Day,
}

/// The file-wide decision once every row is read.
pub(super) struct DateDecision {
    /// The order the file's year-last dates were read in, if it had any.
    pub order: Option<DateOrder>,
    /// Ambiguous dates to re-read in the other order (empty when the guess held).
    pub reread: Vec<AmbiguousDate>,
    /// Earliest and latest kept date after the decision.
    pub range: Option<(Day, Day)>,
}

/// Tracks a file's date cells during its read.
pub(super) struct DateOrderTracker {
    guess: DateOrder,
    /// The user chose the order: cells are read that way only.
    fixed: bool,
    votes_day_first: u64,
    votes_month_first: u64,
    ambiguous: Vec<AmbiguousDate>,
    range_certain: Option<(Day, Day)>,
    range_guessed: Option<(Day, Day)>,
    range_other: Option<(Day, Day)>,
}

/// A date cell as read: its day and, when ambiguous, the other reading.
pub(super) type CellDay = (Day, Option<Day>);

impl DateOrderTracker {
    /// Starts with the order guessed from the samples; `fixed` when the user set it.
    pub fn new(guess: DateOrder, fixed: bool) -> Self {
        DateOrderTracker {
            guess,
            fixed,
            votes_day_first: 0,
            votes_month_first: 0,
            ambiguous: Vec::new(),
            range_certain: None,
            range_guessed: None,
            range_other: None,
        }
    }

    /// Reads a date cell; `None` when it is not a date in any allowed order.
    pub fn read(&mut self, raw: &[u8]) -> Option<CellDay> {
        if self.fixed {
            return super::value::parse_date(raw, self.guess).map(|day| (day, None));
        }
        let read = read_date(raw, self.guess)?;
        match read.proves {
            Some(DateOrder::DayFirst) => self.votes_day_first += 1,
            Some(DateOrder::MonthFirst) => self.votes_month_first += 1,
            None => {}
        }
        Some((read.day, read.alternative))
    }

    /// Notes a kept cell's date; `target` is where an ambiguous date went
    /// (`None` when nothing stored needs re-reading, e.g. a merged order line).
    pub fn keep(&mut self, (day, other): CellDay, target: Option<u32>) {
        match other {
            None => widen(&mut self.range_certain, day),
            Some(other) => {
                widen(&mut self.range_guessed, day);
                widen(&mut self.range_other, other);
                if let Some(target) = target {
                    self.ambiguous.push(AmbiguousDate {
                        target,
                        guessed: day,
                        other,
                    });
                }
            }
        }
    }

    /// Decides: the other order wins when more cells prove it than prove the
    /// guess; a tie keeps the guess.
    pub fn decide(self) -> DateDecision {
        let (for_guess, against) = match self.guess {
            DateOrder::DayFirst => (self.votes_day_first, self.votes_month_first),
            DateOrder::MonthFirst => (self.votes_month_first, self.votes_day_first),
        };
        let saw_year_last = for_guess + against > 0 || self.range_guessed.is_some();
        let flip = !self.fixed && against > for_guess;
        let order = match (flip, self.guess) {
            (false, order) => order,
            (true, DateOrder::DayFirst) => DateOrder::MonthFirst,
            (true, DateOrder::MonthFirst) => DateOrder::DayFirst,
        };
        let ambiguous_range = if flip { self.range_other } else { self.range_guessed };
        let range = match (self.range_certain, ambiguous_range) {
            (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
            (one, other) => one.or(other),
        };
        DateDecision {
            order: (saw_year_last || self.fixed).then_some(order),
            reread: if flip { self.ambiguous } else { Vec::new() },
            range,
        }
    }
}

fn widen(range: &mut Option<(Day, Day)>, day: Day) {
    *range = Some(range.map_or((day, day), |(a, b)| (a.min(day), b.max(day))));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn track(guess: DateOrder, fixed: bool, cells: &[&str]) -> (Vec<Option<CellDay>>, DateDecision) {
        let mut t = DateOrderTracker::new(guess, fixed);
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
