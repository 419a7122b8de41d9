//! Feedback themes (docs/product.md#feedback-and-reviews): how often each
//! theme is mentioned and in what tone, and which groups of customers
//! mention which themes.

use crate::summary_charts::Texts;
use crate::survey_charts::dimension_key;
use crate::texts::t;
use segscope_chart::heatmap::heatmap_with_hover;
use segscope_chart::{horizontal_bars, parts, Series, ValueFormat};
use segscope_engine::feedback::{FeedbackSummary, Sentiment};
use segscope_engine::names::survey_group_name;
use segscope_engine::survey::SurveyDimension;
use segscope_engine::{theme_display_name, Summary};
use segscope_i18n::Lang;

/// Mentions of each theme, one series per tone.
pub fn feedback_themes(s: &Summary, lang: Lang) -> String {
    let texts = Texts::of("feedback_themes", lang);
    let Some(f) = s.feedback.as_ref() else {
        return horizontal_bars(&texts.chart(), &[], &[], ValueFormat::Count, lang);
    };
    let names: Vec<String> = f.themes.iter().map(|th| theme_display_name(&th.name, lang)).collect();
    let series: Vec<Series> = [
        Sentiment::Negative,
        Sentiment::Neutral,
        Sentiment::Positive,
        Sentiment::Unknown,
    ]
    .into_iter()
    .filter(|tone| f.themes.iter().any(|th| th.sentiment[tone.index()] > 0))
    .map(|tone| {
        let values = f.themes.iter().map(|th| th.sentiment[tone.index()] as f64).collect();
        Series::new(t(lang, tone.i18n_key()), values)
    })
    .collect();
    horizontal_bars(&texts.chart(), &names, &series, ValueFormat::Count, lang)
}

/// Themes × the groups of `dimension`: the share of each group's texts
/// that mention each theme; hover adds the counts and how many are
/// negative. Groups without texts are left out.
pub fn feedback_heatmap(s: &Summary, dimension: SurveyDimension, lang: Lang) -> String {
    let texts = Texts::of("feedback_heatmap", lang).qualified(dimension_key(dimension), t(lang, dimension.i18n_key()));
    let empty = FeedbackSummary::default();
    let f = s.feedback.as_ref().unwrap_or(&empty);
    let groups: Vec<_> = f.by(dimension).iter().filter(|g| g.texts > 0).collect();
    let rows: Vec<String> = f.themes.iter().map(|th| theme_display_name(&th.name, lang)).collect();
    let cols: Vec<String> = groups
        .iter()
        .map(|g| survey_group_name(g.group, &s.tiers, lang))
        .collect();
    let cells: Vec<Option<f64>> = (0..rows.len())
        .flat_map(|r| groups.iter().map(move |g| Some(g.mentions[r] as f64 / g.texts as f64)))
        .collect();
    let hover = |r: usize, c: usize, shown: &str| {
        let g = groups[c];
        let detail = t(lang, "feedback.cell")
            .replace("{share}", shown)
            .replace("{mentions}", &g.mentions[r].to_string())
            .replace("{texts}", &g.texts.to_string())
            .replace("{negative}", &g.negative[r].to_string());
        parts::hover(lang, &format!("{} · {}", rows[r], cols[c]), &detail)
    };
    heatmap_with_hover(&texts.chart(), &rows, &cols, &cells, ValueFormat::Percent, lang, &hover)
}
