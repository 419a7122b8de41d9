//! The decision on a file's date order and its reason, in the order the cues
//! are tried (see `docs/ingest/date-order.md#decision`).

use super::convention::ConventionHint;
use super::plausibility::{judge, Plausibility, PlausibilityCue, ReadingShape};
use crate::texts::t;
use crate::value::DateOrder;
use segscope_i18n::Lang;
use serde::{Deserialize, Serialize};

/// Why a file's year-last dates (`05/01/2024`) are read in the order they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum DateOrderReason {
    /// Dates that read only one way decided: how many read only day-first
    /// and how many only month-first.
    Proven {
        /// Cells like `25/01/2024`.
        day_first: u64,
        /// Cells like `01/25/2024`.
        month_first: u64,
    },
    /// Every date read both ways (or the votes tied), and the dates are
    /// plausible under one reading only.
    Plausible(Plausibility),
    /// No date decided; the headers suggest the platform's convention.
    Convention(ConventionHint),
    /// Nothing decided: the default order (day-first unless an earlier look
    /// at the file decided otherwise) is kept.
    #[default]
    Default,
    /// The user chose the order.
    UserChoice,
}

impl DateOrderReason {
    /// The i18n key of the reason's sentence (see [`DateOrderReason::sentence`]).
    pub fn i18n_key(self) -> &'static str {
        match self {
            DateOrderReason::Proven { .. } => "date_order.reason.proven",
            DateOrderReason::Plausible(p) => match p.cue {
                PlausibilityCue::Span => "date_order.reason.span",
                PlausibilityCue::FileOrder => "date_order.reason.file_order",
            },
            DateOrderReason::Convention(ConventionHint::DayFirstLanguage) => "date_order.reason.language",
            DateOrderReason::Convention(ConventionHint::MonthFirstPlatform) => "date_order.reason.platform",
            DateOrderReason::Default => "date_order.reason.default",
            DateOrderReason::UserChoice => "date_order.reason.user",
        }
    }

    /// One sentence stating the decision (`order`) and its reason, e.g.
    /// "Read month first (05/01/2024 is 1 May): every date reads both ways;
    /// this way they span 4 days, the other way 121."
    pub fn sentence(self, order: DateOrder, lang: Lang) -> String {
        let order_text = match order {
            DateOrder::DayFirst => t(lang, "date_order.day_first"),
            DateOrder::MonthFirst => t(lang, "date_order.month_first"),
        };
        let (this_way, other_way) = match (self, order) {
            (DateOrderReason::Proven { day_first, month_first }, DateOrder::DayFirst) => (day_first, month_first),
            (DateOrderReason::Proven { day_first, month_first }, DateOrder::MonthFirst) => (month_first, day_first),
            (DateOrderReason::Plausible(p), _) => match p.cue {
                PlausibilityCue::Span => (p.chosen.span_days, p.other.span_days),
                PlausibilityCue::FileOrder => (p.chosen.steps_days, p.other.steps_days),
            },
            _ => (0, 0),
        };
        t(lang, self.i18n_key())
            .replace("{order}", order_text)
            .replace("{this_way}", &this_way.to_string())
            .replace("{other_way}", &other_way.to_string())
    }
}

/// How many cells must read two ways before their shape can decide: one
/// cell is no pattern.
const MIN_AMBIGUOUS: u64 = 2;

/// Decides from the `[day-first, month-first]` votes, the number of
/// `ambiguous` cells and the shapes of a file's dates: proof by votes, else
/// plausibility, else the headers' `convention`, else `fallback` with
/// [`DateOrderReason::Default`].
pub(crate) fn decide(
    [day_first, month_first]: [u64; 2],
    ambiguous: u64,
    shapes: [ReadingShape; 2],
    convention: Option<ConventionHint>,
    fallback: DateOrder,
) -> (DateOrder, DateOrderReason) {
    if day_first != month_first {
        let order = if day_first > month_first {
            DateOrder::DayFirst
        } else {
            DateOrder::MonthFirst
        };
        return (order, DateOrderReason::Proven { day_first, month_first });
    }
    if let Some((order, plausibility)) = judge(shapes).filter(|_| ambiguous >= MIN_AMBIGUOUS) {
        return (order, DateOrderReason::Plausible(plausibility));
    }
    match convention {
        Some(hint) => (hint.order(), DateOrderReason::Convention(hint)),
        None => (fallback, DateOrderReason::Default),
    }
}

#[cfg(test)]
mod tests {
    use super::super::evidence::DateEvidence;
    use super::*;
    use crate::texts::has;

    fn decide_from(
        e: &DateEvidence,
        hint: Option<ConventionHint>,
        fallback: DateOrder,
    ) -> (DateOrder, DateOrderReason) {
        decide(e.votes(), e.ambiguous, e.shapes(), hint, fallback)
    }

    #[test]
    fn votes_beat_plausibility_which_beats_convention() {
        let mut e = DateEvidence::default();
        let hint = Some(ConventionHint::MonthFirstPlatform);
        assert_eq!(
            decide_from(&e, hint, DateOrder::DayFirst),
            (
                DateOrder::MonthFirst,
                DateOrderReason::Convention(ConventionHint::MonthFirstPlatform)
            )
        );
        assert_eq!(
            decide_from(&e, None, DateOrder::MonthFirst),
            (DateOrder::MonthFirst, DateOrderReason::Default)
        );
        // 1/12/2010 … 3/12/2010 read day-first are 1–3 December.
        for (d, m) in [(14_944, 14_621), (14_945, 14_652), (14_946, 14_680)] {
            e.push(d, m);
        }
        let (order, reason) = decide_from(&e, hint, DateOrder::MonthFirst);
        assert_eq!(order, DateOrder::DayFirst);
        assert!(matches!(reason, DateOrderReason::Plausible(p) if p.chosen.span_days == 2));
        e.vote(DateOrder::MonthFirst);
        assert_eq!(
            decide_from(&e, hint, DateOrder::DayFirst),
            (
                DateOrder::MonthFirst,
                DateOrderReason::Proven {
                    day_first: 0,
                    month_first: 1
                }
            )
        );
    }

    #[test]
    fn every_reason_has_a_sentence_in_both_languages() {
        let mut e = DateEvidence::default();
        e.push(14_944, 14_621);
        e.push(14_946, 14_680);
        let Some((order, plausible)) = judge(e.shapes()).map(|(o, p)| (o, DateOrderReason::Plausible(p))) else {
            panic!("1–3 December is plausible day-first");
        };
        let reasons = [
            DateOrderReason::Proven {
                day_first: 3,
                month_first: 1,
            },
            plausible,
            DateOrderReason::Convention(ConventionHint::DayFirstLanguage),
            DateOrderReason::Convention(ConventionHint::MonthFirstPlatform),
            DateOrderReason::Default,
            DateOrderReason::UserChoice,
        ];
        for reason in reasons {
            assert!(has(reason.i18n_key()), "{reason:?}");
            for lang in [Lang::En, Lang::Zh] {
                let s = reason.sentence(order, lang);
                assert!(!s.contains('{') && !s.contains("??"), "{s}");
            }
        }
        assert_eq!(
            plausible.sentence(order, Lang::En),
            "Read day first (05/01/2024 is 5 January): every date reads both ways; this way they span 2 days, the other way 59."
        );
        assert_eq!(
            DateOrderReason::Proven {
                day_first: 3,
                month_first: 1
            }
            .sentence(DateOrder::DayFirst, Lang::En),
            "Read day first (05/01/2024 is 5 January): 3 dates read only this way, 1 only the other way."
        );
    }
}
