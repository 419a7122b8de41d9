//! The mapping step's survey questions (docs/product.md#surveys-and-feedback):
//! each question as read, its kind (editable), its options or scale and a
//! few answers.

use crate::components::enum_select::EnumSelect;
use crate::state::use_app;
use leptos::prelude::*;
use segscope_ingest::survey::{clean, SurveyQuestion, SurveySchema};
use segscope_ingest::FileSchema;
use segscope_model::QuestionKind;

/// The questions of survey file `file`, with a kind select each.
#[component]
pub fn SurveyQuestions(file: usize, schema: FileSchema) -> impl IntoView {
    let state = use_app();
    let Some(survey) = schema.survey.clone() else {
        return ().into_any();
    };
    let rows = survey
        .questions
        .iter()
        .enumerate()
        .map(|(q, question)| {
            let current = question.kind;
            let samples = answers(&schema, &survey, question);
            let detail = match question.kind {
                QuestionKind::Nps | QuestionKind::Rating => format!("{}–{}", question.scale.0, question.scale.1),
                QuestionKind::SingleChoice | QuestionKind::MultiChoice => question.options.join(" · "),
                QuestionKind::FreeText => String::new(),
            };
            let pick = Callback::new(move |kind| {
                state.schemas.update(|s| {
                    let schema = &mut s[file];
                    let samples = schema.samples.clone();
                    if let Some(survey) = schema.survey.as_mut() {
                        survey.set_kind(q, kind, &samples);
                    }
                })
            });
            view! {
                <tr data-testid="mapping-question">
                    <td>{question.text.clone()}</td>
                    <td>
                        <EnumSelect options=QuestionKind::ALL.to_vec() current=Signal::stored(current) label=kind_key
                            on_pick=pick testid="question-kind"/>
                    </td>
                    <td class="samples">{detail}</td>
                    <td class="samples">{samples}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h4>{move || state.tr("mapping.questions")}</h4>
        <table class="table" data-testid="survey-questions">
            <thead><tr>
                <th>{move || state.tr("survey.question")}</th>
                <th>{move || state.tr("survey.kind")}</th>
                <th>{move || state.tr("mapping.options")}</th>
                <th>{move || state.tr("mapping.samples")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// The first three answers to `question` in the samples (after the header rows).
fn answers(schema: &FileSchema, survey: &SurveySchema, question: &SurveyQuestion) -> String {
    let column = question.columns[0];
    let values: Vec<String> = schema
        .samples
        .iter()
        .skip(survey.header_rows)
        .filter_map(|row| {
            if question.option_columns() {
                let chosen: Vec<&str> = question
                    .columns
                    .iter()
                    .zip(&question.options)
                    .filter(|(c, _)| row.get(**c).is_some_and(|v| !clean(v).is_empty()))
                    .map(|(_, o)| o.as_str())
                    .collect();
                (!chosen.is_empty()).then(|| chosen.join(", "))
            } else {
                row.get(column).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
            }
        })
        .take(3)
        .collect();
    values.join(" · ")
}

/// The i18n key of a question kind's name.
pub fn kind_key(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Nps => "qkind.nps",
        QuestionKind::Rating => "qkind.rating",
        QuestionKind::SingleChoice => "qkind.single_choice",
        QuestionKind::MultiChoice => "qkind.multi_choice",
        QuestionKind::FreeText => "qkind.free_text",
    }
}
