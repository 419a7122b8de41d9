//! Feedback texts gathered from every survey and review file: one per
//! response with written answers, with its tone and its themes.

use super::sentiment::Sentiment;
use super::themes::ThemeSettings;
use crate::survey::score_questions;
use segscope_model::{AnswerColumn, Dataset, QuestionKind, Survey};

/// One response's written feedback.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FeedbackText {
    /// The survey it is in (index into the dataset's surveys).
    pub survey: usize,
    /// The response (index into that survey's responses).
    pub response: usize,
    /// The customer who wrote it, if linked.
    pub customer: Option<u32>,
    /// Its tone, from the rating given with it.
    pub sentiment: Sentiment,
    /// The themes it mentions, as bits.
    pub themes: u32,
}

/// Every feedback text of `dataset` under the dictionary `themes`.
pub(crate) fn collect(dataset: &Dataset, themes: &ThemeSettings) -> Vec<FeedbackText> {
    let mut texts = Vec::new();
    for (s, survey) in dataset.surveys.iter().enumerate() {
        let written = written_columns(survey);
        if written.is_empty() {
            continue;
        }
        let (nps, rating) = score_questions(survey);
        let scores = |q: Option<usize>| match q.and_then(|q| survey.answers(q)) {
            Some(AnswerColumn::Scores(v)) => Some(v.as_slice()),
            _ => None,
        };
        let (nps, stars) = (scores(nps), scores(rating));
        let scale = rating.map_or((1, 5), |q| survey.questions()[q].scale);
        for r in 0..survey.len() {
            let Some(text) = response_text(&written, r) else {
                continue;
            };
            let sentiment = match (stars.and_then(|v| v[r]), nps.and_then(|v| v[r])) {
                (Some(star), _) => Sentiment::of_rating(star, scale),
                (None, Some(score)) => Sentiment::of_nps(score),
                (None, None) => Sentiment::Unknown,
            };
            texts.push(FeedbackText {
                survey: s,
                response: r,
                customer: survey.customer()[r],
                sentiment,
                themes: themes.mentions(&text),
            });
        }
    }
    texts
}

/// The free-text answer columns of a survey.
fn written_columns(survey: &Survey) -> Vec<&[Option<Box<str>>]> {
    (0..survey.questions().len())
        .filter(|&q| survey.questions()[q].kind == QuestionKind::FreeText)
        .filter_map(|q| match survey.answers(q) {
            Some(AnswerColumn::Texts(v)) => Some(v.as_slice()),
            _ => None,
        })
        .collect()
}

/// Response `r`'s written answers joined by " / ", if it wrote any.
pub(crate) fn response_text(written: &[&[Option<Box<str>>]], r: usize) -> Option<String> {
    let parts: Vec<&str> = written
        .iter()
        .filter_map(|column| column.get(r).and_then(|a| a.as_deref()))
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" / "))
}

/// Response `r` of `survey`'s written answers (for a quote).
pub(crate) fn quote(survey: &Survey, r: usize) -> Option<String> {
    response_text(&written_columns(survey), r)
}
