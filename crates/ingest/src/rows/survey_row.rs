//! Rows of a survey export: one response, linked to a known customer by id,
//! e-mail or phone (never creating one), its answers read question by
//! question (docs/product.md#surveys-and-feedback).

use super::{Rejected, RowHandler};
use crate::quality::RejectReason;
use crate::records::Record;
use crate::survey::answer::read_answer;
use crate::survey::{clean, is_test_status, SurveyQuestion};
use crate::value::trim;
use segscope_model::{Answer, CustomerIdx};
use std::borrow::Cow;

impl RowHandler<'_> {
    /// Keeps one response; a preview, test or spam response is rejected.
    pub(super) fn survey_row(&mut self, record: &Record) -> Result<(), Rejected> {
        let Some(survey) = &self.schema.survey else {
            return Ok(());
        };
        if let Some(status) = survey.status.filter(|&i| is_test_status(&text(record, i))) {
            return Err((RejectReason::TestResponse, Some(status)));
        }
        let answers: Vec<Answer> = survey.questions.iter().map(|q| answer(record, q)).collect();
        let day = self
            .columns
            .date
            .and_then(|i| self.state.dates.read(record.get(i)))
            .map(|d| d.0);
        let customer = self.respondent(record);
        self.builder.push_response(customer, day, answers);
        Ok(())
    }

    /// The known customer who gave the response: by its id, else its
    /// e-mail, else its phone.
    fn respondent(&self, record: &Record) -> Option<CustomerIdx> {
        let c = self.columns;
        let id = c.key.map(|i| trim(record.get(i))).filter(|v| !v.is_empty());
        id.and_then(|id| self.builder.find_customer(id))
            .or_else(|| c.email(record).and_then(|e| self.builder.find_customer(&e)))
            .or_else(|| c.phone(record).and_then(|p| self.builder.find_customer(&p)))
    }
}

/// Cell `i` as text, borrowed when it is valid UTF-8 (the decoder made it so).
fn text<'r>(record: &Record<'r>, i: usize) -> Cow<'r, str> {
    String::from_utf8_lossy(record.get(i))
}

/// The response's answer to `question`: with a column per option, the
/// options whose cell is filled; else its one cell read as the kind says.
fn answer(record: &Record, question: &SurveyQuestion) -> Answer {
    if question.option_columns() {
        let filled = |&i: &usize| !clean(&text(record, i)).is_empty();
        let bits = question
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| filled(c))
            .filter(|(k, _)| *k < 64)
            .fold(0u64, |bits, (k, _)| bits | (1 << k));
        return if bits == 0 {
            Answer::Missing
        } else {
            Answer::Options(bits)
        };
    }
    read_answer(&text(record, question.columns[0]), question)
}
