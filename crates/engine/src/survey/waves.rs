//! Survey waves (docs/product.md#surveys-and-feedback): when two or more
//! surveys ask NPS, each next wave is compared with the one before — how
//! many customers who answered both moved from one NPS group to another.

use super::customer::keep_latest;
use super::{score_questions, NpsGroup};
use segscope_model::{AnswerColumn, Dataset, Survey};
use serde::{Deserialize, Serialize};

/// Two waves compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WaveMoves {
    /// The earlier wave (an index into the summary's surveys).
    pub from: usize,
    /// The later wave.
    pub to: usize,
    /// `moves[a][b]`: customers in NPS group `a` in the earlier wave and `b`
    /// in the later one ([`NpsGroup::ALL`] order), by their latest answer in
    /// each.
    pub moves: [[u64; 3]; 3],
    /// Customers who answered NPS only in the earlier wave.
    pub only_from: u64,
    /// Customers who answered NPS only in the later wave.
    pub only_to: u64,
}

/// Each customer's latest NPS group in `survey`, if it asks NPS.
pub(crate) fn wave_groups(survey: &Survey, customers: usize) -> Option<Vec<Option<NpsGroup>>> {
    let q = score_questions(survey).0?;
    let Some(AnswerColumn::Scores(scores)) = survey.answers(q) else {
        return None;
    };
    let mut latest = vec![None; customers];
    keep_latest(survey, scores, &mut latest, &mut vec![i32::MIN; customers]);
    Some(latest.into_iter().map(|s| s.map(NpsGroup::of)).collect())
}

/// The surveys with NPS answers, as waves in time order: by their earliest
/// dated response (undated surveys last), ties in reading order.
pub(crate) fn waves(dataset: &Dataset) -> Vec<usize> {
    let mut asked: Vec<(i32, usize)> = dataset
        .surveys
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            let column = score_questions(s).0.and_then(|q| s.answers(q));
            matches!(column, Some(AnswerColumn::Scores(v)) if v.iter().any(Option::is_some))
        })
        .map(|(i, s)| (s.day().iter().flatten().copied().min().unwrap_or(i32::MAX), i))
        .collect();
    asked.sort_unstable();
    asked.into_iter().map(|(_, i)| i).collect()
}

/// Each wave against the one before it.
pub(crate) fn wave_moves(dataset: &Dataset, customers: usize) -> Vec<WaveMoves> {
    let order = waves(dataset);
    let groups: Vec<Vec<Option<NpsGroup>>> = order
        .iter()
        .filter_map(|&i| wave_groups(&dataset.surveys[i], customers))
        .collect();
    order
        .windows(2)
        .zip(groups.windows(2))
        .map(|(pair, g)| {
            let mut moves = WaveMoves {
                from: pair[0],
                to: pair[1],
                moves: [[0; 3]; 3],
                only_from: 0,
                only_to: 0,
            };
            for (a, b) in g[0].iter().zip(&g[1]) {
                match (a, b) {
                    (Some(a), Some(b)) => moves.moves[*a as usize][*b as usize] += 1,
                    (Some(_), None) => moves.only_from += 1,
                    (None, Some(_)) => moves.only_to += 1,
                    (None, None) => {}
                }
            }
            moves
        })
        .collect()
}

/// A move between NPS groups from one wave to another, to list its
/// customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NpsMove {
    /// The earlier wave (an index into the dataset's surveys).
    pub from_survey: usize,
    /// The later wave.
    pub to_survey: usize,
    /// The group in the earlier wave.
    pub from: NpsGroup,
    /// The group in the later wave.
    pub to: NpsGroup,
}

impl NpsMove {
    /// Whether each of `customers` customers made the move.
    pub fn mask(&self, dataset: &Dataset, customers: usize) -> Vec<bool> {
        let groups = |i: usize| dataset.surveys.get(i).and_then(|s| wave_groups(s, customers));
        match (groups(self.from_survey), groups(self.to_survey)) {
            (Some(a), Some(b)) => a
                .iter()
                .zip(&b)
                .map(|(x, y)| *x == Some(self.from) && *y == Some(self.to))
                .collect(),
            _ => vec![false; customers],
        }
    }
}
