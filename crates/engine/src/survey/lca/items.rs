//! The answers latent class analysis reads (docs/product.md#psychographic-classes):
//! every single-choice question, every rating question that does not ask
//! about satisfaction or effort, and every option of a multiple-choice question as a
//! yes/no item, one row per response that answered at least two of them.

use super::super::{names_effort, names_satisfaction};
use segscope_model::{AnswerColumn, QuestionKind, Survey};

/// Most categories an item may have (longer option lists are left out).
pub(crate) const MAX_CATEGORIES: usize = 12;

/// A cell with no answer.
pub(crate) const MISSING: u8 = u8::MAX;

/// One item of the analysis: a question, or one option of a
/// multiple-choice question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Item {
    /// The question, as an index into the survey's questions.
    pub question: usize,
    /// For a multiple-choice option item, the option's index.
    pub option: Option<u16>,
    /// Categories the answers fall in.
    pub categories: u8,
}

/// The answers as categories: `cells[row * items.len() + j]` is row's
/// category on item `j` or [`MISSING`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ItemMatrix {
    /// The items, in question order.
    pub items: Vec<Item>,
    /// The category cells, row by row.
    pub cells: Vec<u8>,
    /// The response each row is, as an index into the survey's responses.
    pub response: Vec<usize>,
}

impl ItemMatrix {
    /// Rows (responses kept).
    pub fn rows(&self) -> usize {
        self.response.len()
    }

    /// Row `r`'s cells.
    pub fn row(&self, r: usize) -> &[u8] {
        let j = self.items.len();
        &self.cells[r * j..(r + 1) * j]
    }
}

/// Reads `survey`'s items (see the module doc).
pub(crate) fn item_matrix(survey: &Survey) -> ItemMatrix {
    let mut items = Vec::new();
    let mut columns: Vec<Box<dyn Fn(usize) -> u8 + '_>> = Vec::new();
    for (q, question) in survey.questions().iter().enumerate() {
        match (question.kind, survey.answers(q)) {
            (QuestionKind::Rating, Some(AnswerColumn::Scores(scores)))
                if !names_satisfaction(&question.text) && !names_effort(&question.text) =>
            {
                let (low, high) = question.scale;
                let categories = usize::from(high.saturating_sub(low)) + 1;
                if !(2..=MAX_CATEGORIES).contains(&categories) {
                    continue;
                }
                items.push(item(q, None, categories));
                columns.push(Box::new(move |r| match scores[r] {
                    Some(s) if (low..=high).contains(&s) => s - low,
                    _ => MISSING,
                }));
            }
            (QuestionKind::SingleChoice, Some(AnswerColumn::Choices(choices))) => {
                let categories = question.options.len();
                if !(2..=MAX_CATEGORIES).contains(&categories) {
                    continue;
                }
                items.push(item(q, None, categories));
                columns.push(Box::new(move |r| match choices[r] {
                    Some(c) if usize::from(c) < categories => c as u8,
                    _ => MISSING,
                }));
            }
            (QuestionKind::MultiChoice, Some(AnswerColumn::Options(bits))) => {
                let options = question.options.len().min(64);
                if !(2..=MAX_CATEGORIES).contains(&options) {
                    continue;
                }
                for o in 0..options {
                    items.push(item(q, Some(o as u16), 2));
                    // No option ticked reads as not answered.
                    columns.push(Box::new(move |r| match bits[r] {
                        0 => MISSING,
                        b => ((b >> o) & 1) as u8,
                    }));
                }
            }
            _ => {}
        }
    }
    let mut cells = Vec::new();
    let mut response = Vec::new();
    let mut row = vec![MISSING; items.len()];
    for r in 0..survey.len() {
        for (cell, column) in row.iter_mut().zip(&columns) {
            *cell = column(r);
        }
        if row.iter().filter(|&&c| c != MISSING).count() >= 2 {
            cells.extend_from_slice(&row);
            response.push(r);
        }
    }
    ItemMatrix { items, cells, response }
}

fn item(question: usize, option: Option<u16>, categories: usize) -> Item {
    Item {
        question,
        option,
        categories: categories as u8,
    }
}
