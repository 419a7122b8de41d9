//! Psychographic classes (docs/product.md#psychographic-classes): latent
//! class analysis of a survey's choice and rating answers. Models of 1 to
//! [`MAX_CLASSES`] classes are fitted by EM from several random starts, the
//! number of classes is the one with the lowest BIC, and the fit is redone
//! from other seeds to report how stable the classes are.

mod agreement;
mod em;
mod items;
mod traits;

pub use agreement::adjusted_rand_index;
pub use traits::ClassTrait;

use super::{score::Score, score_questions, NpsGroup};
use crate::rng::{sample, SplitMix64};
use crate::texts::t;
use em::{Fit, Patterns};
use items::{item_matrix, ItemMatrix};
use segscope_i18n::Lang;
use segscope_model::{AnswerColumn, Dataset, Survey};
use serde::{Deserialize, Serialize};

/// Most classes tried.
pub const MAX_CLASSES: usize = 6;
/// Fewest items (answers read) the analysis needs.
pub const MIN_ITEMS: usize = 3;
/// Fewest responses (with at least two items answered) it needs.
pub const MIN_RESPONSES: usize = 50;
/// Most responses the models are fitted on; every response is classified.
pub const MAX_FIT_ROWS: usize = 3_000;
/// Refits from other seeds that measure stability.
const RERUNS: u64 = 2;
/// The seed of the first fit.
const SEED: u64 = 0x5E65_C09E;

/// Why there are no psychographic classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LcaProblem {
    /// No survey was loaded.
    NoSurvey,
    /// The survey has too few choice or rating questions.
    TooFewItems {
        /// Items there are.
        items: usize,
    },
    /// Too few responses answered them.
    TooFewResponses {
        /// Responses there are.
        responses: usize,
    },
}

impl LcaProblem {
    /// The i18n key of the message (placeholders `{n}` and `{needed}`).
    pub fn i18n_key(self) -> &'static str {
        match self {
            LcaProblem::NoSurvey => "lca.problem.no_survey",
            LcaProblem::TooFewItems { .. } => "lca.problem.too_few_items",
            LcaProblem::TooFewResponses { .. } => "lca.problem.too_few_responses",
        }
    }

    /// The message in `lang`, with what was found and what is needed.
    pub fn message(self, lang: Lang) -> String {
        let (n, needed) = match self {
            LcaProblem::NoSurvey => (0, 1),
            LcaProblem::TooFewItems { items } => (items, MIN_ITEMS),
            LcaProblem::TooFewResponses { responses } => (responses, MIN_RESPONSES),
        };
        t(lang, self.i18n_key())
            .replace("{n}", &n.to_string())
            .replace("{needed}", &needed.to_string())
    }
}

/// One class: its size, what sets it apart and how it scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LatentClass {
    /// The model's share of the class (0–1).
    pub share: f64,
    /// Responses whose most likely class it is.
    pub responses: u64,
    /// Of them, customers linked to the other files.
    pub customers: u64,
    /// The answers far more common in the class than overall, most
    /// distinctive first.
    pub traits: Vec<ClassTrait>,
    /// The NPS of the class's responses, when the survey asks it.
    pub nps: Option<Score>,
}

/// The classes of one survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PsychoSummary {
    /// The survey export analysed.
    pub file: String,
    /// Items read (questions, and options of multiple-choice ones).
    pub items: usize,
    /// Responses classified.
    pub responses: u64,
    /// Responses the models were fitted on (a sample above
    /// [`MAX_FIT_ROWS`]).
    pub fitted: u64,
    /// BIC of each number of classes tried (lowest chosen).
    pub bic_by_k: Vec<(u8, f64)>,
    /// Agreement (adjusted Rand index) of refits from other seeds with the
    /// chosen fit: the lowest of them.
    pub stability: f64,
    /// The classes, largest first.
    pub classes: Vec<LatentClass>,
}

/// The classes and each customer's class.
#[derive(Debug, Clone, PartialEq)]
pub struct Psychographics {
    /// What the page shows.
    pub summary: PsychoSummary,
    /// Customer `c`'s class (from their latest classified response).
    pub customer_class: Vec<Option<u8>>,
}

/// Finds the psychographic classes of the dataset's richest survey (the one
/// with most items; on ties the one with most responses).
pub fn psychographics(dataset: &Dataset) -> Result<Psychographics, LcaProblem> {
    let (survey, matrix) = dataset
        .surveys
        .iter()
        .map(|s| (s, item_matrix(s)))
        .max_by_key(|(s, m)| (m.items.len(), m.rows(), std::cmp::Reverse(s.file().to_string())))
        .ok_or(LcaProblem::NoSurvey)?;
    if matrix.items.len() < MIN_ITEMS {
        return Err(LcaProblem::TooFewItems {
            items: matrix.items.len(),
        });
    }
    if matrix.rows() < MIN_RESPONSES {
        return Err(LcaProblem::TooFewResponses {
            responses: matrix.rows(),
        });
    }
    let fitted = fit_rows(&matrix);
    let patterns = Patterns::of(
        matrix.items.iter().map(|i| i.categories).collect(),
        fitted.iter().map(|&r| matrix.row(r)),
    );
    let (chosen, bic_by_k) = choose_k(&patterns);
    let classes: Vec<usize> = classify(&chosen, &matrix);
    let stability = (1..=RERUNS)
        .map(|s| {
            let refit = em::fit(&patterns, chosen.k, &mut SplitMix64::new(SEED + s));
            adjusted_rand_index(&classes, &classify(&refit, &matrix))
        })
        .fold(1.0, f64::min);
    let customer_class = customer_classes(survey, &matrix, &classes, dataset.customers.len());
    let summary = PsychoSummary {
        file: survey.file().to_string(),
        items: matrix.items.len(),
        responses: matrix.rows() as u64,
        fitted: fitted.len() as u64,
        bic_by_k,
        stability: if chosen.k == 1 { 1.0 } else { stability },
        classes: describe(survey, &matrix, &chosen, &classes),
    };
    Ok(Psychographics {
        summary,
        customer_class,
    })
}

/// The rows the models are fitted on: every row, or a seeded sample of
/// [`MAX_FIT_ROWS`] drawn from the rows sorted by their answers, so the
/// sample does not depend on the order of the responses.
fn fit_rows(matrix: &ItemMatrix) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..matrix.rows()).collect();
    if rows.len() <= MAX_FIT_ROWS {
        return rows;
    }
    rows.sort_by(|&a, &b| matrix.row(a).cmp(matrix.row(b)));
    let picked = sample(rows.len(), MAX_FIT_ROWS, &mut SplitMix64::new(SEED));
    picked.into_iter().map(|i| rows[i]).collect()
}

/// Fits 1 to [`MAX_CLASSES`] classes (fewer when the rows cannot support
/// the parameters, or once the BIC has risen twice in a row past its
/// lowest) and keeps the fit with the lowest BIC.
fn choose_k(patterns: &Patterns) -> (Fit, Vec<(u8, f64)>) {
    let mut rng = SplitMix64::new(SEED);
    let mut best: Option<(f64, Fit)> = None;
    let mut bic_by_k = Vec::new();
    for k in 1..=MAX_CLASSES {
        if k > 1 && patterns.parameters(k) as f64 >= patterns.total() {
            break;
        }
        let fit = em::fit(patterns, k, &mut rng);
        let bic = fit.bic(patterns);
        bic_by_k.push((k as u8, bic));
        if best.as_ref().is_none_or(|(b, _)| bic < *b) {
            best = Some((bic, fit));
        }
        let best_k = best.as_ref().map_or(k, |(_, f)| f.k);
        if k >= best_k + 2 {
            break;
        }
    }
    (best.expect("one class is always fitted").1, bic_by_k)
}

/// Every row's most likely class under `fit`.
fn classify(fit: &Fit, matrix: &ItemMatrix) -> Vec<usize> {
    let classifier = fit.classifier();
    (0..matrix.rows()).map(|r| classifier.class_of(matrix.row(r))).collect()
}

/// Each customer's class from their latest classified response (by day; on
/// equal or unknown days the one read last).
fn customer_classes(survey: &Survey, matrix: &ItemMatrix, classes: &[usize], customers: usize) -> Vec<Option<u8>> {
    let mut class = vec![None; customers];
    let mut day = vec![i32::MIN; customers];
    for (&response, &k) in matrix.response.iter().zip(classes) {
        let Some(c) = survey.customer()[response]
            .map(|c| c as usize)
            .filter(|&c| c < customers)
        else {
            continue;
        };
        let d = survey.day()[response].unwrap_or(i32::MIN);
        if d >= day[c] {
            class[c] = Some(k as u8);
            day[c] = d;
        }
    }
    class
}

/// The classes with their sizes, traits and NPS.
fn describe(survey: &Survey, matrix: &ItemMatrix, fit: &Fit, classes: &[usize]) -> Vec<LatentClass> {
    let nps = score_questions(survey).0.and_then(|q| match survey.answers(q) {
        Some(AnswerColumn::Scores(scores)) => Some(scores),
        _ => None,
    });
    (0..fit.k)
        .map(|k| {
            let members: Vec<usize> = (0..matrix.rows()).filter(|&r| classes[r] == k).collect();
            let responses = members.iter().map(|&r| matrix.response[r]);
            let mut linked: Vec<u32> = responses.clone().filter_map(|r| survey.customer()[r]).collect();
            linked.sort_unstable();
            linked.dedup();
            let nps = nps.map(|scores| {
                let answers: Vec<u8> = responses.clone().filter_map(|r| scores[r]).collect();
                let count = |g: NpsGroup| answers.iter().filter(|&&s| NpsGroup::of(s) == g).count() as u64;
                let (promoters, detractors) = (count(NpsGroup::Promoter), count(NpsGroup::Detractor));
                Score::nps(answers.len() as u64, promoters, detractors)
            });
            LatentClass {
                share: fit.share[k],
                responses: members.len() as u64,
                customers: linked.len() as u64,
                traits: traits::distinctive(survey, matrix, fit, k),
                nps,
            }
        })
        .collect()
}
