//! What a column's dates say about their order, gathered in O(1) state per
//! cell: votes of the cells that read one way only, and the shape of the
//! dates under each reading (see `docs/ingest/date-order.md#plausibility`).

use super::plausibility::ReadingShape;
use crate::value::DateOrder;
use segscope_model::Day;
use serde::{Deserialize, Serialize};

/// The dates of a column in file order under one reading: where they start
/// and end, and how far they move from one cell to the next.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub(crate) struct Path {
    first: Option<Day>,
    prev: Option<Day>,
    min: Day,
    max: Day,
    steps: u64,
    backward: u64,
}

impl Path {
    /// Adds the next date in file order.
    fn push(&mut self, day: Day) {
        match self.prev {
            None => (self.first, self.min, self.max) = (Some(day), day, day),
            Some(prev) => {
                self.steps += u64::from(day.abs_diff(prev));
                self.backward += u64::from(day < prev);
                self.min = self.min.min(day);
                self.max = self.max.max(day);
            }
        }
        self.prev = Some(day);
    }

    /// This path followed by `later`, the path of the dates after it (a
    /// file read in ranges: docs/ingest/speed.md#parallel-read).
    fn then(self, later: Path) -> Path {
        let (Some(prev), Some(next)) = (self.prev, later.first) else {
            return if self.prev.is_some() { self } else { later };
        };
        Path {
            first: self.first,
            prev: later.prev,
            min: self.min.min(later.min),
            max: self.max.max(later.max),
            steps: self.steps + later.steps + u64::from(next.abs_diff(prev)),
            backward: self.backward + later.backward + u64::from(next < prev),
        }
    }

    /// Earliest and latest date, if there was any.
    pub fn range(&self) -> Option<(Day, Day)> {
        self.prev.map(|_| (self.min, self.max))
    }

    /// The path's summary for the plausibility judgement.
    fn shape(&self) -> ReadingShape {
        ReadingShape {
            span_days: u64::from(self.max.abs_diff(self.min)),
            steps_days: self.steps,
            backward: self.backward,
        }
    }
}

/// Votes and paths of one date column.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub(crate) struct DateEvidence {
    day_first_votes: u64,
    month_first_votes: u64,
    /// Cells whose two readings are different real dates.
    pub ambiguous: u64,
    day_first: Path,
    month_first: Path,
}

impl DateEvidence {
    /// Counts a cell that reads only in `order`.
    pub fn vote(&mut self, order: DateOrder) {
        match order {
            DateOrder::DayFirst => self.day_first_votes += 1,
            DateOrder::MonthFirst => self.month_first_votes += 1,
        }
    }

    /// Adds a kept cell's two readings (equal when it reads one way only).
    pub fn push(&mut self, day_first: Day, month_first: Day) {
        self.ambiguous += u64::from(day_first != month_first);
        self.day_first.push(day_first);
        self.month_first.push(month_first);
    }

    /// Adds the evidence of the cells after these (`later`), as if they had
    /// been read in one go.
    pub fn absorb(&mut self, later: &DateEvidence) {
        self.day_first_votes += later.day_first_votes;
        self.month_first_votes += later.month_first_votes;
        self.ambiguous += later.ambiguous;
        self.day_first = self.day_first.then(later.day_first);
        self.month_first = self.month_first.then(later.month_first);
    }

    /// How many cells read only day-first (`25/01/2024`) and only
    /// month-first (`01/25/2024`).
    pub fn votes(&self) -> [u64; 2] {
        [self.day_first_votes, self.month_first_votes]
    }

    /// The path under `order`.
    pub fn path(&self, order: DateOrder) -> &Path {
        match order {
            DateOrder::DayFirst => &self.day_first,
            DateOrder::MonthFirst => &self.month_first,
        }
    }

    /// The shapes of the day-first and the month-first reading.
    pub fn shapes(&self) -> [ReadingShape; 2] {
        [self.day_first.shape(), self.month_first.shape()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_read_in_two_parts_equals_one_read() {
        let cells = [(10, 100), (12, 160), (11, 130), (11, 130), (40, 9), (3, 300)];
        let mut whole = DateEvidence::default();
        whole.vote(DateOrder::DayFirst);
        for (d, m) in cells {
            whole.push(d, m);
        }
        for cut in 0..=cells.len() {
            let (mut a, mut b) = (DateEvidence::default(), DateEvidence::default());
            a.vote(DateOrder::DayFirst);
            cells[..cut].iter().for_each(|(d, m)| a.push(*d, *m));
            cells[cut..].iter().for_each(|(d, m)| b.push(*d, *m));
            a.absorb(&b);
            assert_eq!(a.votes(), whole.votes(), "cut {cut}");
            assert_eq!(a.ambiguous, whole.ambiguous);
            assert_eq!(a.shapes(), whole.shapes(), "cut {cut}");
            assert_eq!(
                a.path(DateOrder::MonthFirst).range(),
                whole.path(DateOrder::MonthFirst).range()
            );
        }
    }

    #[test]
    fn a_path_sums_its_moves_and_counts_steps_back() {
        let mut e = DateEvidence::default();
        for (d, m) in [(10, 100), (12, 160), (11, 130), (11, 130)] {
            e.push(d, m);
        }
        let [d, m] = e.shapes();
        assert_eq!((d.span_days, d.steps_days, d.backward), (2, 3, 1));
        assert_eq!((m.span_days, m.steps_days, m.backward), (60, 90, 1));
        assert_eq!(e.path(DateOrder::MonthFirst).range(), Some((100, 160)));
        assert_eq!(e.ambiguous, 4);
        assert_eq!(DateEvidence::default().path(DateOrder::DayFirst).range(), None);
    }
}
