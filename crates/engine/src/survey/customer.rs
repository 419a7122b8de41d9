//! Survey answers as customer attributes (docs/product.md#surveys-and-feedback):
//! each linked customer's latest NPS score and satisfaction rating, and the
//! NPS group the score puts them in.

use super::score_questions;
use segscope_model::{AnswerColumn, Dataset, Survey};
use serde::{Deserialize, Serialize};

/// Where an NPS answer puts a customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NpsGroup {
    /// Scored 9 or 10.
    Promoter,
    /// Scored 7 or 8.
    Passive,
    /// Scored 0 to 6.
    Detractor,
}

impl NpsGroup {
    /// Every group, best first.
    pub const ALL: [NpsGroup; 3] = [NpsGroup::Promoter, NpsGroup::Passive, NpsGroup::Detractor];

    /// The group of an NPS score.
    pub fn of(score: u8) -> NpsGroup {
        match score {
            9.. => NpsGroup::Promoter,
            7 | 8 => NpsGroup::Passive,
            _ => NpsGroup::Detractor,
        }
    }

    /// The i18n key of the group's name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            NpsGroup::Promoter => "nps.promoter",
            NpsGroup::Passive => "nps.passive",
            NpsGroup::Detractor => "nps.detractor",
        }
    }

    /// The fixed English name exports use.
    pub fn english_name(self) -> &'static str {
        match self {
            NpsGroup::Promoter => "Promoter",
            NpsGroup::Passive => "Passive",
            NpsGroup::Detractor => "Detractor",
        }
    }
}

/// Each customer's latest answers: `nps[i]` and `csat[i]` belong to
/// customer `i` (the satisfaction rating on its own scale).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct CustomerAnswers {
    /// The latest NPS score.
    pub nps: Vec<Option<u8>>,
    /// The latest satisfaction rating.
    pub csat: Vec<Option<u8>>,
}

/// The latest NPS and satisfaction answer of each of `customers` customers,
/// over every survey: later by submission day, and for equal or unknown
/// days the one read last.
pub(crate) fn customer_answers(dataset: &Dataset, customers: usize) -> CustomerAnswers {
    let mut answers = CustomerAnswers {
        nps: vec![None; customers],
        csat: vec![None; customers],
    };
    let mut nps_day = vec![i32::MIN; customers];
    let mut csat_day = vec![i32::MIN; customers];
    for survey in &dataset.surveys {
        let (nps, csat) = score_questions(survey);
        for (question, values, days) in [
            (nps, &mut answers.nps, &mut nps_day),
            (csat, &mut answers.csat, &mut csat_day),
        ] {
            let Some(AnswerColumn::Scores(scores)) = question.and_then(|q| survey.answers(q)) else {
                continue;
            };
            keep_latest(survey, scores, values, days);
        }
    }
    answers
}

/// Writes into `values` each linked customer's answer among `scores` (one
/// per response of `survey`) where it is at least as late as the one kept,
/// whose day `days` holds (`i32::MIN` for none or undated).
pub(crate) fn keep_latest(survey: &Survey, scores: &[Option<u8>], values: &mut [Option<u8>], days: &mut [i32]) {
    for ((score, customer), day) in scores.iter().zip(survey.customer()).zip(survey.day()) {
        let (Some(score), Some(c)) = (score, customer.map(|c| c as usize)) else {
            continue;
        };
        let day = day.unwrap_or(i32::MIN);
        if c < values.len() && day >= days[c] {
            values[c] = Some(*score);
            days[c] = day;
        }
    }
}
