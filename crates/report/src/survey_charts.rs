//! Survey scores by segment (docs/product.md#surveys-and-feedback): NPS or
//! CSAT of each value tier, RFM segment or lifecycle stage with its 95 %
//! interval, small groups noted and the smallest faded.

use crate::summary_charts::Texts;
use crate::texts::t;
use segscope_chart::{interval_rows, IntervalRow, ValueFormat};
use segscope_engine::class_display_name;
use segscope_engine::names::survey_group_name;
use segscope_engine::survey::lca::PsychoSummary;
use segscope_engine::survey::{GroupScore, GroupSize, Score, ScoreTable, SurveyDimension};
use segscope_engine::Summary;
use segscope_i18n::Lang;

/// Which score of a survey a chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurveyScore {
    /// Net Promoter Score, −100 to 100.
    Nps,
    /// Share satisfied, 0–100 %.
    Csat,
    /// Share who found it easy, 0–100 %.
    Ces,
}

/// The score of survey `survey` (an index into the summary's surveys) by
/// `dimension`: one row per group with answers, the groups' names in `lang`.
pub fn survey_scores(s: &Summary, survey: usize, score: SurveyScore, dimension: SurveyDimension, lang: Lang) -> String {
    let key = match score {
        SurveyScore::Nps => "nps",
        SurveyScore::Csat => "csat",
        SurveyScore::Ces => "ces",
    };
    let dimension_name = t(lang, dimension.i18n_key());
    let texts = Texts::of(key, lang).qualified(&format!("{survey}-{}", dimension_key(dimension)), dimension_name);
    let table: Option<&ScoreTable> = s.surveys.get(survey).and_then(|stats| match score {
        SurveyScore::Nps => stats.nps.as_ref(),
        SurveyScore::Csat => stats.csat.as_ref(),
        SurveyScore::Ces => stats.ces.as_ref(),
    });
    let rows: Vec<IntervalRow> = table
        .map(|table| {
            table
                .by(dimension)
                .iter()
                .filter(|g| g.score.n > 0)
                .map(|g| row(g, s, lang))
                .collect()
        })
        .unwrap_or_default();
    interval_rows(&texts.chart(), &rows, ValueFormat::Count, lang)
}

/// The id part of a survey dimension in chart ids.
pub(crate) fn dimension_key(dimension: SurveyDimension) -> &'static str {
    match dimension {
        SurveyDimension::Tier => "tier",
        SurveyDimension::Segment => "segment",
        SurveyDimension::Stage => "stage",
    }
}

/// The NPS of each psychographic class (`names`: the user's class names)
/// with its interval, the class's share of the responses in the note.
pub fn class_nps(classes: &PsychoSummary, names: &[String], lang: Lang) -> String {
    let texts = Texts::of("class_nps", lang);
    let rows: Vec<IntervalRow> = classes
        .classes
        .iter()
        .enumerate()
        .filter_map(|(i, class)| {
            let score = class.nps.filter(|s| s.n > 0)?;
            let share = format!("{:.0} %", class.share * 100.0);
            let mut row = score_row(class_display_name(i, names, lang), &score, lang);
            row.note = format!("{share} · {}", row.note);
            Some(row)
        })
        .collect();
    interval_rows(&texts.chart(), &rows, ValueFormat::Count, lang)
}

/// A group's row: its name, score and interval, answers and size note.
fn row(group: &GroupScore, s: &Summary, lang: Lang) -> IntervalRow {
    score_row(survey_group_name(group.group, &s.tiers, lang), &group.score, lang)
}

/// The row of a score under `label`.
fn score_row(label: String, score: &Score, lang: Lang) -> IntervalRow {
    let size = match score.size {
        GroupSize::Enough => "",
        GroupSize::Small => t(lang, "survey.small"),
        GroupSize::Tiny => t(lang, "survey.tiny"),
    };
    let answers = t(lang, "survey.answers").replace("{n}", &score.n.to_string());
    IntervalRow {
        label,
        value: score.value,
        low: score.low,
        high: score.high,
        note: if size.is_empty() {
            answers
        } else {
            format!("{answers}, {size}")
        },
        faded: score.size == GroupSize::Tiny,
    }
}
