//! What sets a class apart: the answers whose probability in the class is
//! well above their share among all responses.

use super::em::Fit;
use super::items::ItemMatrix;
use segscope_model::{QuestionKind, Survey};
use serde::{Deserialize, Serialize};

/// Traits shown per class.
const MAX_TRAITS: usize = 3;
/// Least probability of the answer in the class for it to be a trait.
const MIN_SHARE: f64 = 0.3;
/// Least lead, in probability, over the answer's overall share.
const MIN_LEAD: f64 = 0.1;

/// An answer typical of a class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassTrait {
    /// The question's text.
    pub question: String,
    /// The answer: an option, or a point of a rating scale.
    pub answer: String,
    /// Its probability in the class (0–1).
    pub share: f64,
    /// Its probability over all responses (0–1).
    pub overall: f64,
}

/// The traits of class `k` under `fit`, most distinctive first.
pub(super) fn distinctive(survey: &Survey, matrix: &ItemMatrix, fit: &Fit, k: usize) -> Vec<ClassTrait> {
    let mut found: Vec<(f64, ClassTrait)> = Vec::new();
    for (j, item) in matrix.items.iter().enumerate() {
        let question = &survey.questions()[item.question];
        for c in 0..usize::from(item.categories) {
            // For an option item only "ticked" describes anyone.
            if item.option.is_some() && c == 0 {
                continue;
            }
            let i = fit.offset[j] + c;
            let share = fit.answer[k][i];
            let overall: f64 = (0..fit.k).map(|m| fit.share[m] * fit.answer[m][i]).sum();
            if share < MIN_SHARE || share - overall < MIN_LEAD {
                continue;
            }
            let answer = match (item.option, question.kind) {
                (Some(o), _) => question.options[usize::from(o)].clone(),
                (None, QuestionKind::Rating) => (usize::from(question.scale.0) + c).to_string(),
                (None, _) => question.options[c].clone(),
            };
            let description = ClassTrait {
                question: question.text.clone(),
                answer,
                share,
                overall,
            };
            found.push((share - overall, description));
        }
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0));
    found.into_iter().take(MAX_TRAITS).map(|(_, t)| t).collect()
}
