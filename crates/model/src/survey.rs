//! Survey responses (docs/product.md#surveys-and-feedback): the questions of
//! one survey export and every response's answers, question by question.

use crate::{CustomerIdx, Day};
use serde::{Deserialize, Serialize};

/// What a question asks for, which decides how its answers are read and
/// summarised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Net Promoter Score: 0–10, promoters 9–10, detractors 0–6.
    Nps,
    /// A rating on a short scale (1–5, 1–7, 1–10): satisfaction, effort, a
    /// row of a Likert grid.
    Rating,
    /// One option out of several.
    SingleChoice,
    /// Any number of options (checkboxes).
    MultiChoice,
    /// Free text.
    FreeText,
}

impl QuestionKind {
    /// Every kind, in the order the mapping step offers them.
    pub const ALL: [QuestionKind; 5] = [
        QuestionKind::Nps,
        QuestionKind::Rating,
        QuestionKind::SingleChoice,
        QuestionKind::MultiChoice,
        QuestionKind::FreeText,
    ];
}

/// One question of a survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// The question as the export words it (with a grid row's label).
    pub text: String,
    /// How its answers are read.
    pub kind: QuestionKind,
    /// The options of a choice question, in the order first seen; empty for
    /// the other kinds.
    pub options: Vec<String>,
    /// The lowest and highest point of a rating or NPS scale.
    pub scale: (u8, u8),
}

/// One response's answer to one question.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Not answered (blank, skipped, not shown).
    Missing,
    /// A point on the question's scale.
    Score(u8),
    /// The index of the chosen option.
    Choice(u16),
    /// The chosen options as bits (option `i` is bit `i`; at most 64).
    Options(u64),
    /// A free-text answer.
    Text(String),
}

/// The answers to one question, one entry per response.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerColumn {
    /// NPS and rating answers.
    Scores(Vec<Option<u8>>),
    /// Single-choice answers as option indexes.
    Choices(Vec<Option<u16>>),
    /// Multiple-choice answers as option bits (0: none chosen or missing).
    Options(Vec<u64>),
    /// Free-text answers.
    Texts(Vec<Option<Box<str>>>),
}

impl AnswerColumn {
    /// An empty column for answers to a question of `kind`.
    fn for_kind(kind: QuestionKind) -> AnswerColumn {
        match kind {
            QuestionKind::Nps | QuestionKind::Rating => AnswerColumn::Scores(Vec::new()),
            QuestionKind::SingleChoice => AnswerColumn::Choices(Vec::new()),
            QuestionKind::MultiChoice => AnswerColumn::Options(Vec::new()),
            QuestionKind::FreeText => AnswerColumn::Texts(Vec::new()),
        }
    }

    /// Appends `answer`; one that does not fit the column's kind counts as
    /// missing.
    fn push(&mut self, answer: Answer) {
        match (self, answer) {
            (AnswerColumn::Scores(v), Answer::Score(s)) => v.push(Some(s)),
            (AnswerColumn::Scores(v), _) => v.push(None),
            (AnswerColumn::Choices(v), Answer::Choice(c)) => v.push(Some(c)),
            (AnswerColumn::Choices(v), _) => v.push(None),
            (AnswerColumn::Options(v), Answer::Options(bits)) => v.push(bits),
            (AnswerColumn::Options(v), _) => v.push(0),
            (AnswerColumn::Texts(v), Answer::Text(t)) => v.push(Some(t.into_boxed_str())),
            (AnswerColumn::Texts(v), _) => v.push(None),
        }
    }

    /// Number of entries.
    fn len(&self) -> usize {
        match self {
            AnswerColumn::Scores(v) => v.len(),
            AnswerColumn::Choices(v) => v.len(),
            AnswerColumn::Options(v) => v.len(),
            AnswerColumn::Texts(v) => v.len(),
        }
    }
}

/// The responses of one survey export, stored column by column.
///
/// Columns are private so that every question has one answer per response:
/// responses are only added by [`Survey::push_response`].
#[derive(Debug, Clone, PartialEq)]
pub struct Survey {
    /// The file the responses came from.
    file: String,
    /// The tool that wrote the export, as it is named to the user.
    tool: String,
    /// The questions, in the file's order.
    questions: Vec<Question>,
    /// Per question, every response's answer.
    answers: Vec<AnswerColumn>,
    /// The customer each response is linked to, when one matches.
    customer: Vec<Option<CustomerIdx>>,
    /// The day each response was submitted, when the export says.
    day: Vec<Option<Day>>,
}

impl Survey {
    /// A survey of `questions` from `file`, written by `tool`, without responses.
    pub fn new(file: impl Into<String>, tool: impl Into<String>, questions: Vec<Question>) -> Survey {
        let answers = questions.iter().map(|q| AnswerColumn::for_kind(q.kind)).collect();
        Survey {
            file: file.into(),
            tool: tool.into(),
            questions,
            answers,
            customer: Vec::new(),
            day: Vec::new(),
        }
    }

    /// Adds a response: its customer, day and one answer per question (a
    /// short list is padded with missing answers, extra ones are ignored).
    pub fn push_response(&mut self, customer: Option<CustomerIdx>, day: Option<Day>, answers: Vec<Answer>) {
        let mut answers = answers.into_iter();
        for column in &mut self.answers {
            column.push(answers.next().unwrap_or(Answer::Missing));
        }
        self.customer.push(customer);
        self.day.push(day);
        debug_assert!(self.answers.iter().all(|c| c.len() == self.customer.len()));
    }

    /// Links response `i` to `customer` (no-op out of range).
    pub fn set_customer(&mut self, i: usize, customer: Option<CustomerIdx>) {
        if let Some(slot) = self.customer.get_mut(i) {
            *slot = customer;
        }
    }

    /// The file the responses came from.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The tool that wrote the export.
    pub fn tool(&self) -> &str {
        &self.tool
    }

    /// The questions, in the file's order.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// The answers to question `q`, one per response.
    pub fn answers(&self, q: usize) -> Option<&AnswerColumn> {
        self.answers.get(q)
    }

    /// The customer of each response, when linked.
    pub fn customer(&self) -> &[Option<CustomerIdx>] {
        &self.customer
    }

    /// The submission day of each response, when known.
    pub fn day(&self) -> &[Option<Day>] {
        &self.day
    }

    /// Number of responses.
    pub fn len(&self) -> usize {
        self.customer.len()
    }

    /// True without responses.
    pub fn is_empty(&self) -> bool {
        self.customer.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: QuestionKind) -> Question {
        Question {
            text: "q".into(),
            kind,
            options: vec!["a".into(), "b".into()],
            scale: (0, 10),
        }
    }

    #[test]
    fn every_question_keeps_one_answer_per_response() {
        let kinds = QuestionKind::ALL.map(question).to_vec();
        let mut s = Survey::new("f.csv", "Google Forms", kinds);
        s.push_response(Some(3), Some(100), vec![Answer::Score(9), Answer::Score(4)]);
        s.push_response(
            None,
            None,
            vec![
                Answer::Choice(1),
                Answer::Missing,
                Answer::Choice(0),
                Answer::Options(0b11),
                Answer::Text("ok".into()),
                Answer::Score(1),
            ],
        );
        assert_eq!(s.len(), 2);
        assert_eq!(s.answers(0), Some(&AnswerColumn::Scores(vec![Some(9), None])));
        assert_eq!(s.answers(2), Some(&AnswerColumn::Choices(vec![None, Some(0)])));
        assert_eq!(s.answers(3), Some(&AnswerColumn::Options(vec![0, 3])));
        assert_eq!(s.answers(4), Some(&AnswerColumn::Texts(vec![None, Some("ok".into())])));
        s.set_customer(1, Some(7));
        assert_eq!(s.customer(), &[Some(3), Some(7)]);
    }
}
