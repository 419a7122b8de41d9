//! The printable report (docs/product.md#report): a first page with who the customers are and the
//! three segments that matter most, then every chart and table, the playbook
//! and the data-quality summary — laid out for print-to-PDF, what a
//! consultant hands a client.

use crate::charts::{self, summary_chart};
use crate::components::chart_svg::ChartSvg;
use crate::components::report_summary::ReportSummary;
use crate::components::segment_table::SegmentTable;
use crate::components::tier_table::TierTable;
use crate::state::use_app;
use crate::texts::t;
use leptos::prelude::*;
use segscope_engine::audience::Dimension;
use segscope_engine::playbook::{action, playbook_keys};
use segscope_engine::survey::SurveyDimension;
use segscope_engine::Summary;
use segscope_i18n::Lang;
use segscope_model::format as number;
use segscope_report as chart;
use segscope_report::SurveyScore;

/// The report page.
#[component]
pub fn ReportPage() -> impl IntoView {
    let state = use_app();
    let tier_svg = charts::tier_chart(state);
    let rf_svg = charts::rf_chart(state);
    let period = move || {
        state.summary.with(|s| {
            s.as_ref().map(|s| {
                let first = s.first_order_date.clone().unwrap_or_default();
                let last = s.last_order_date.clone().unwrap_or_default();
                format!("{first} – {last} · {} {}", state.tr("settings.as_of"), s.as_of)
            })
        })
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <article class="page report" data-testid="page-report">
            <header class="report-head">
                <div>
                    <h2>{move || state.tr("report.title")}</h2>
                    <p class="muted" data-testid="report-period">{period}</p>
                </div>
                <button class="btn btn-primary no-print" data-testid="print-report" on:click=print>
                    {move || state.tr("report.print")}
                </button>
            </header>
            <ReportSummary/>
            <h3 class="report-details-title">{move || state.tr("briefing.details_title")}</h3>
            <div class="grid-2">
                <figure class="card chart"><ChartSvg svg=tier_svg/></figure>
                <figure class="card chart"><ChartSvg svg=rf_svg/></figure>
            </div>
            <TierTable/>
            <SegmentTable/>
            <PageCharts/>
            <ModelCharts/>
            <PlaybookList/>
            <QualitySummary/>
        </article>
    }
}

/// The charts of the dashboard pages; those of events only with events.
#[component]
fn PageCharts() -> impl IntoView {
    let state = use_app();
    let figure = move |render: fn(&Summary, Lang) -> String| {
        let svg = summary_chart(state, render);
        view! { <figure class="card chart" data-testid="report-chart"><ChartSvg svg=svg/></figure> }
    };
    let has_events = move || {
        state
            .summary
            .with(|s| s.as_ref().is_some_and(|s| s.audience.events > 0))
    };
    let has_surveys = move || {
        state.summary.with(|s| {
            s.as_ref()
                .and_then(|s| s.surveys.get(main(s)))
                .is_some_and(|v| v.nps.is_some() || v.csat.is_some())
        })
    };
    let has_feedback = move || state.summary.with(|s| s.as_ref().is_some_and(|s| s.feedback.is_some()));
    view! {
        <div class="grid-2">
            {figure(chart::lifecycle_stages)}
            {figure(|s, lang| chart::lifecycle_funnel(s, None, lang))}
            {figure(chart::source_revenue)}
            {figure(chart::source_tier_mix)}
            {figure(chart::cohort_retention)}
            {figure(chart::refunds_by_segment)}
            {figure(chart::membership_levels)}
            {figure(chart::category_interest)}
            {figure(|s, lang| chart::demographic_by_tier(s, Dimension::Age, lang))}
            {figure(|s, lang| chart::demographic_by_stage(s, Dimension::Region, lang))}
        </div>
        <Show when=has_events>
            <div class="grid-2">
                {figure(chart::lead_stages)}
                {figure(chart::journey)}
                {figure(chart::engagement_levels)}
                {figure(chart::affinity)}
            </div>
        </Show>
        <Show when=has_surveys>
            <div class="grid-2">
                {figure(|s, lang| chart::survey_scores(s, main(s), main_score(s), SurveyDimension::Tier, lang))}
                {figure(|s, lang| chart::survey_scores(s, main(s), main_score(s), SurveyDimension::Segment, lang))}
            </div>
        </Show>
        <Show when=has_feedback>
            <div class="grid-2">
                {figure(chart::feedback_themes)}
                {figure(|s, lang| chart::feedback_heatmap(s, SurveyDimension::Tier, lang))}
            </div>
        </Show>
    }
}

/// The survey the report draws: the one the survey page opens on.
fn main(s: &Summary) -> usize {
    s.main_survey().unwrap_or(0)
}

/// The score the report draws for that survey: NPS when it asks it, else
/// satisfaction.
fn main_score(s: &Summary) -> SurveyScore {
    match s.surveys.get(main(s)) {
        Some(v) if v.nps.is_none() && v.csat.is_some() => SurveyScore::Csat,
        _ => SurveyScore::Nps,
    }
}

/// The cluster scatter and the CLV distribution, once the models are fitted.
#[component]
fn ModelCharts() -> impl IntoView {
    let state = use_app();
    Effect::new(move |_| {
        state.summary.track();
        crate::worker::ensure_models(state);
    });
    let scatter = Memo::new(move |_| {
        let lang = state.lang.get();
        state.models.with(|m| {
            m.as_ref()
                .and_then(|m| m.clusters.as_ref().ok())
                .map(|c| chart::cluster_scatter(&c.clusters, &c.dots, lang))
                .unwrap_or_default()
        })
    });
    let clv = Memo::new(move |_| {
        let lang = state.lang.get();
        state.models.with(|m| {
            m.as_ref()
                .and_then(|m| m.clv.as_ref().ok())
                .map(|c| chart::clv_distribution(c, lang))
                .unwrap_or_default()
        })
    });
    let classes = Memo::new(move |_| {
        let lang = state.lang.get();
        let names = state.settings.with(|s| s.class_names.clone());
        state.models.with(|m| {
            m.as_ref()
                .and_then(|m| m.psychographics.as_ref().ok())
                .filter(|p| p.classes.len() > 1 && p.classes.iter().any(|c| c.nps.is_some()))
                .map(|p| chart::class_nps(p, &names, lang))
                .unwrap_or_default()
        })
    });
    view! {
        <div class="grid-2">
            <Show when=move || !classes.get().is_empty()>
                <figure class="card chart" data-testid="report-chart"><ChartSvg svg=classes/></figure>
            </Show>
            <Show when=move || !scatter.get().is_empty()>
                <figure class="card chart" data-testid="report-chart"><ChartSvg svg=scatter/></figure>
            </Show>
            <Show when=move || !clv.get().is_empty()>
                <figure class="card chart" data-testid="report-chart"><ChartSvg svg=clv/></figure>
            </Show>
        </div>
    }
}

/// The playbook: the action for every segment, stage and tier, in one table
/// per scheme.
#[component]
fn PlaybookList() -> impl IntoView {
    let state = use_app();
    let group = move |title: &'static str, prefix: &'static str| {
        let rows = move || {
            let lang = state.lang.get();
            state.settings.with(|s| {
                playbook_keys()
                    .into_iter()
                    .filter(|key| key.starts_with(prefix))
                    .map(|key| {
                        let action = action(key, lang, &s.playbook).to_string();
                        view! { <tr><th scope="row">{t(lang, key)}</th><td>{action}</td></tr> }
                    })
                    .collect_view()
            })
        };
        view! {
            <h4>{move || state.tr(title)}</h4>
            <table class="table playbook"><tbody>{rows}</tbody></table>
        }
    };
    view! {
        <section class="card" data-testid="report-playbook">
            <h3>{move || state.tr("playbook.title")}</h3>
            {group("briefing.playbook_segments", "seg.")}
            {group("briefing.playbook_stages", "life.")}
            {group("briefing.playbook_tiers", "tier.")}
        </section>
    }
}

/// One line per file: rows read, kept, rejected and duplicates removed.
#[component]
fn QualitySummary() -> impl IntoView {
    let state = use_app();
    let rows = move || {
        let lang = state.lang.get();
        state.quality.with(|q| {
            q.as_ref().map(|q| {
                q.files
                    .iter()
                    .map(|f| {
                        view! {
                            <tr>
                                <td>{f.file.clone()}</td>
                                <td>{t(lang, f.kind.i18n_key())}</td>
                                <td class="num">{number::count(f.rows_read)}</td>
                                <td class="num">{number::count(f.rows_kept)}</td>
                                <td class="num">{number::count(f.rows_rejected)}</td>
                                <td class="num">{number::count(f.duplicates_removed)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="card" data-testid="report-quality">
            <h3>{move || state.tr("quality.title")}</h3>
            <table class="table">
                <thead><tr>
                    <th>{move || state.tr("report.file")}</th>
                    <th>{move || state.tr("mapping.kind")}</th>
                    <th class="num">{move || state.tr("quality.read")}</th>
                    <th class="num">{move || state.tr("quality.kept")}</th>
                    <th class="num">{move || state.tr("quality.rejected")}</th>
                    <th class="num">{move || state.tr("quality.duplicates")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
