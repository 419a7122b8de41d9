//! Survey exports as their tools write them (docs/product.md#surveys-and-feedback):
//! which tool, which rows under the header are more header, which columns
//! are questions and what kind each is. The mapping step shows the
//! questions and lets the user change a kind; the read then turns every
//! response row into answers (`rows/survey_row.rs`).

pub mod answer;
mod identity;
mod layout;
pub mod tools;
pub mod typing;

pub use identity::prepare as prepare_survey;
pub use layout::describe_survey;
pub use tools::SurveyTool;

use segscope_model::{Question, QuestionKind};
use serde::{Deserialize, Serialize};

/// How a survey export is laid out and what its questions are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveySchema {
    /// The tool that wrote it.
    pub tool: SurveyTool,
    /// Rows right under the header that belong to it (Qualtrics' question
    /// texts and import ids, SurveyMonkey's sub-labels): not responses.
    pub header_rows: usize,
    /// The questions, in the file's order.
    pub questions: Vec<SurveyQuestion>,
    /// Qualtrics' `Status` column: previews, tests and spam are not responses.
    pub status: Option<usize>,
}

/// Qualtrics' statuses of responses that are no customer's: survey preview
/// and test, spam, preview spam, offline preview — as words and as codes.
const NOT_RESPONSES: &[&str] = &[
    "Survey Preview",
    "Survey Test",
    "Spam",
    "Preview Spam",
    "Offline Preview",
    "1",
    "2",
    "8",
    "9",
    "17",
];

/// True when a Qualtrics status cell marks a preview, test or spam response.
pub fn is_test_status(cell: &str) -> bool {
    NOT_RESPONSES.contains(&cell.trim())
}

/// One question and the column or columns that hold its answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyQuestion {
    /// Its columns: one, or one per option when the tool writes a
    /// multiple-choice question as a column per option.
    pub columns: Vec<usize>,
    /// The question as the export words it.
    pub text: String,
    /// How its answers are read.
    pub kind: QuestionKind,
    /// The options of a choice question (with one column per option: the
    /// option of each column).
    pub options: Vec<String>,
    /// The scale of an NPS or rating question.
    pub scale: (u8, u8),
    /// What joins the options of one multiple-choice answer (`, `, `┋`,
    /// `,`); empty with one column per option.
    pub separator: String,
}

/// A cell without surrounding blanks or the NUL bytes some exports pad with.
pub fn clean(cell: &str) -> &str {
    cell.trim_matches(|c: char| c.is_whitespace() || c == '\0')
}

impl SurveyQuestion {
    /// The question as the dataset keeps it.
    pub fn question(&self) -> Question {
        Question {
            text: self.text.clone(),
            kind: self.kind,
            options: self.options.clone(),
            scale: self.scale,
        }
    }

    /// True when each option has its own column.
    pub fn option_columns(&self) -> bool {
        self.columns.len() > 1
    }
}

impl SurveySchema {
    /// Changes question `q`'s kind, as the user chose in the mapping step,
    /// and finds its options or scale again from the sample answers
    /// (`samples`: the rows after the header, header rows included).
    pub fn set_kind(&mut self, q: usize, kind: QuestionKind, samples: &[Vec<String>]) {
        let header_rows = self.header_rows;
        let Some(question) = self.questions.get_mut(q) else {
            return;
        };
        if question.option_columns() {
            // A column per option is read as chosen or not whatever the kind.
            question.kind = if kind == QuestionKind::FreeText {
                kind
            } else {
                QuestionKind::MultiChoice
            };
            return;
        }
        let column = question.columns[0];
        let answers: Vec<&str> = samples
            .iter()
            .skip(header_rows)
            .filter_map(|row| row.get(column).map(String::as_str))
            .collect();
        let typed = typing::retype(kind, &answers, &question.separator);
        question.kind = typed.kind;
        question.options = typed.options;
        question.scale = typed.scale;
    }
}
