//! Which reading of all-ambiguous dates is plausible: real dates of one file
//! sit close together and, when rows are in time order, move forward in small
//! steps; the wrong reading of the same cells scatters them over months
//! (see `docs/ingest/date-order.md#plausibility`).

use crate::value::DateOrder;
use serde::{Deserialize, Serialize};

/// How the dates of a file look under one reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ReadingShape {
    /// Days from the earliest date to the latest.
    pub span_days: u64,
    /// Days moved from each date to the next in file order, summed.
    pub steps_days: u64,
    /// How many times the next date in file order is earlier.
    pub backward: u64,
}

impl ReadingShape {
    /// The measures of two columns added up.
    pub fn plus(self, other: ReadingShape) -> ReadingShape {
        ReadingShape {
            span_days: self.span_days + other.span_days,
            steps_days: self.steps_days + other.steps_days,
            backward: self.backward + other.backward,
        }
    }
}

/// The cue that decided between the two readings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlausibilityCue {
    /// The dates span at most half as many days under the chosen reading.
    Span,
    /// In file order the dates move at most half as far, and go back no more
    /// often, under the chosen reading.
    FileOrder,
}

/// Why one reading of all-ambiguous dates was found plausible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plausibility {
    /// The cue that decided.
    pub cue: PlausibilityCue,
    /// The dates under the chosen reading.
    pub chosen: ReadingShape,
    /// The dates under the other reading.
    pub other: ReadingShape,
}

/// Judges the day-first and month-first shapes of the same cells: a reading
/// wins when its span is less than half the other's, or else when its steps
/// in file order are less than half the other's without going back more
/// often; `None` when neither reading stands out or the cues disagree.
pub(crate) fn judge([day_first, month_first]: [ReadingShape; 2]) -> Option<(DateOrder, Plausibility)> {
    let by_span = smaller_by_half(day_first.span_days, month_first.span_days);
    let by_order = smaller_by_half(day_first.steps_days, month_first.steps_days).filter(|order| {
        let (chosen, other) = pick(*order, day_first, month_first);
        chosen.backward <= other.backward
    });
    let (order, cue) = match (by_span, by_order) {
        (Some(a), Some(b)) if a != b => return None,
        (Some(a), _) => (a, PlausibilityCue::Span),
        (None, Some(b)) => (b, PlausibilityCue::FileOrder),
        (None, None) => return None,
    };
    let (chosen, other) = pick(order, day_first, month_first);
    Some((order, Plausibility { cue, chosen, other }))
}

/// The order whose measure is less than half the other's.
fn smaller_by_half(day_first: u64, month_first: u64) -> Option<DateOrder> {
    if day_first.saturating_mul(2) < month_first {
        Some(DateOrder::DayFirst)
    } else if month_first.saturating_mul(2) < day_first {
        Some(DateOrder::MonthFirst)
    } else {
        None
    }
}

fn pick(order: DateOrder, day_first: ReadingShape, month_first: ReadingShape) -> (ReadingShape, ReadingShape) {
    match order {
        DateOrder::DayFirst => (day_first, month_first),
        DateOrder::MonthFirst => (month_first, day_first),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(span_days: u64, steps_days: u64, backward: u64) -> ReadingShape {
        ReadingShape {
            span_days,
            steps_days,
            backward,
        }
    }

    #[test]
    fn a_compact_span_wins() {
        let (order, p) = judge([shape(120, 120, 0), shape(4, 4, 0)]).unwrap();
        assert_eq!(order, DateOrder::MonthFirst);
        assert_eq!(p.cue, PlausibilityCue::Span);
        assert_eq!(p.chosen.span_days, 4);
    }

    #[test]
    fn small_forward_steps_win_when_the_spans_are_alike() {
        let (order, p) = judge([shape(345, 345, 0), shape(345, 4000, 30)]).unwrap();
        assert_eq!((order, p.cue), (DateOrder::DayFirst, PlausibilityCue::FileOrder));
        // Smaller steps that go back more often do not count.
        assert_eq!(judge([shape(345, 345, 31), shape(345, 4000, 30)]), None);
    }

    #[test]
    fn alike_or_contradicting_shapes_decide_nothing() {
        assert_eq!(judge([shape(0, 0, 0), shape(0, 0, 0)]), None);
        assert_eq!(judge([shape(93, 100, 1), shape(63, 120, 1)]), None);
        assert_eq!(judge([shape(10, 500, 20), shape(30, 30, 0)]), None);
    }
}
