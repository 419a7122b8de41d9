//! The feedback page (docs/product.md#feedback-and-reviews): every written
//! comment of the survey and review files, its tone from the stars, the
//! themes of the dictionary it mentions — by theme with quotes and a list of
//! who wrote them, and by value tier, RFM segment or lifecycle stage.

use crate::components::chart_card::ChartCard;
use crate::components::enum_select::EnumSelect;
use crate::components::show_list::ShowListButton;
use crate::components::theme_dictionary::ThemeDictionary;
use crate::state::use_app;
use leptos::prelude::*;
use segscope_engine::explore::CustomerQuery;
use segscope_engine::feedback::{FeedbackSummary, Sentiment, ThemeStat};
use segscope_engine::survey::SurveyDimension;
use segscope_engine::theme_display_name;
use segscope_i18n::Lang;
use segscope_model::format as number;
use segscope_report::{feedback_heatmap, feedback_themes};

/// The feedback page.
#[component]
pub fn FeedbackPage() -> impl IntoView {
    let state = use_app();
    let dimension = RwSignal::new(SurveyDimension::Tier);
    let has_feedback = move || state.summary.with(|s| s.as_ref().is_some_and(|s| s.feedback.is_some()));
    let headline = move || {
        let lang = state.lang.get();
        state
            .summary
            .with(|s| s.as_ref().and_then(|s| s.feedback.as_ref()).map(|f| headline(f, lang)))
    };
    let themes_chart = Memo::new(move |_| {
        let lang = state.lang.get();
        state
            .summary
            .with(|s| s.as_ref().map(|s| feedback_themes(s, lang)))
            .unwrap_or_default()
    });
    let heatmap = Memo::new(move |_| {
        let (d, lang) = (dimension.get(), state.lang.get());
        state
            .summary
            .with(|s| s.as_ref().map(|s| feedback_heatmap(s, d, lang)))
            .unwrap_or_default()
    });
    view! {
        <div class="page" data-testid="page-feedback">
            <Show when=has_feedback fallback=move || view! {
                <p class="card muted" data-testid="feedback-empty">{move || state.tr("feedback.empty")}</p>
            }>
                <p class="headline" data-testid="feedback-headline">{headline}</p>
                <ChartCard testid="chart-feedback-themes" file_stem="feedback-themes" svg=themes_chart/>
                <ThemeTable/>
                <div class="card settings-bar">
                    <label class="inline-field">
                        {move || state.tr("survey.dimension")}
                        <EnumSelect options=SurveyDimension::ALL.to_vec() current=dimension label=SurveyDimension::i18n_key
                            on_pick=Callback::new(move |d| dimension.set(d)) testid="feedback-dimension"/>
                    </label>
                </div>
                <ChartCard testid="chart-feedback-heatmap" file_stem="feedback-by-group" svg=heatmap/>
            </Show>
            <ThemeDictionary/>
        </div>
    }
}

/// "24 written comments (reviews.csv): 20 by linked customers. By their stars: …"
fn headline(f: &FeedbackSummary, lang: Lang) -> String {
    let tone = |s: Sentiment| number::count(f.sentiment[s.index()]);
    crate::texts::t(lang, "feedback.headline")
        .replace("{texts}", &number::count(f.texts))
        .replace("{files}", &f.files.join(", "))
        .replace("{linked}", &number::count(f.linked))
        .replace("{positive}", &tone(Sentiment::Positive))
        .replace("{neutral}", &tone(Sentiment::Neutral))
        .replace("{negative}", &tone(Sentiment::Negative))
        .replace("{unknown}", &tone(Sentiment::Unknown))
        .replace("{untagged}", &number::count(f.untagged))
}

/// One row per theme: mentions, share of the texts, who, tones, quotes and
/// the list of those who mentioned it.
#[component]
fn ThemeTable() -> impl IntoView {
    let state = use_app();
    let rows = move || {
        let lang = state.lang.get();
        state.summary.with(|s| {
            let f = s.as_ref()?.feedback.as_ref()?;
            Some(
                f.themes
                    .iter()
                    .enumerate()
                    .map(|(i, theme)| theme_row(i, theme, f.texts, lang))
                    .collect_view(),
            )
        })
    };
    view! {
        <section class="card">
            <h3>{move || state.tr("feedback.themes")}</h3>
            <p class="muted">{move || state.tr("feedback.themes_help")}</p>
            <table class="table" data-testid="feedback-table">
                <thead><tr>
                    <th>{move || state.tr("feedback.theme")}</th>
                    <th class="num">{move || state.tr("feedback.mentions")}</th>
                    <th class="num">{move || state.tr("feedback.share")}</th>
                    <th class="num">{move || state.tr("kpi.customers")}</th>
                    <th class="num">{move || state.tr("sentiment.negative")}</th>
                    <th class="num">{move || state.tr("sentiment.neutral")}</th>
                    <th class="num">{move || state.tr("sentiment.positive")}</th>
                    <th>{move || state.tr("feedback.quotes")}</th>
                    <th></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

fn theme_row(i: usize, theme: &ThemeStat, texts: u64, lang: Lang) -> impl IntoView {
    let share = theme.mentions as f64 / texts.max(1) as f64;
    let tone = |s: Sentiment| number::count(theme.sentiment[s.index()]);
    let quotes = theme
        .quotes
        .iter()
        .map(|q| {
            let class = if q.sentiment == Sentiment::Negative {
                "quote negative"
            } else {
                "quote"
            };
            view! { <li class=class data-testid="feedback-quote">{q.text.clone()}</li> }
        })
        .collect_view();
    let nobody = theme.customers == 0;
    view! {
        <tr data-testid="feedback-row">
            <td>{theme_display_name(&theme.name, lang)}</td>
            <td class="num">{number::count(theme.mentions)}</td>
            <td class="num">{number::percent(share)}</td>
            <td class="num">{number::count(theme.customers)}</td>
            <td class="num">{tone(Sentiment::Negative)}</td>
            <td class="num">{tone(Sentiment::Neutral)}</td>
            <td class="num">{tone(Sentiment::Positive)}</td>
            <td><ul class="trait-list">{quotes}</ul></td>
            <td>
                <ShowListButton testid="feedback-list" disabled=Signal::stored(nobody)
                    narrow=Callback::new(move |()| CustomerQuery { theme: Some(i as u8), ..CustomerQuery::default() })/>
            </td>
        </tr>
    }
}
