//! The dashboard: KPIs, charts, tables, data quality and exports.

use crate::components::chart_card::ChartCard;
use crate::components::kpi_cards::KpiCards;
use crate::components::segment_table::SegmentTable;
use crate::components::settings_bar::SettingsBar;
use crate::components::tier_table::TierTable;
use crate::format;
use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use segscope_core::chart;
use segscope_core::format as number;
use segscope_core::protocol::Request;

/// Dashboard screen.
#[component]
pub fn Dashboard() -> impl IntoView {
    let state = use_app();
    let tier_svg = Memo::new(move |_| {
        state
            .summary
            .with(|s| s.as_ref().map(|s| chart::tier_distribution(s, state.lang.get())))
            .unwrap_or_default()
    });
    let rf_svg = Memo::new(move |_| {
        state
            .summary
            .with(|s| s.as_ref().map(|s| chart::rf_heatmap(s, state.lang.get())))
            .unwrap_or_default()
    });
    let timing = move || {
        let t = state.timings.get();
        let lang = state.lang.get();
        format!(
            "{} {} · {} {}",
            state.tr("dash.parsed_in"),
            format::duration(t.parse_ms, lang),
            state.tr("dash.analyzed_in"),
            format::duration(t.analyze_ms, lang)
        )
    };
    view! {
        <section class="dashboard">
            <div class="dash-head">
                <h2>{move || state.tr("dash.overview")}</h2>
                <span class="muted" data-testid="timings">{timing}</span>
                <button class="btn btn-ghost" data-testid="export-analysis-json"
                    on:click=move |_| worker::send(&Request::ExportAnalysis, &[])>
                    {move || state.tr("action.export_json")}
                </button>
                <button class="btn btn-primary" data-testid="export-customers-csv"
                    on:click=move |_| worker::send(&Request::ExportCustomers, &[])>
                    {move || state.tr("action.export_csv")}
                </button>
            </div>
            <SettingsBar/>
            <KpiCards/>
            <div class="grid-2">
                <ChartCard testid="chart-tiers" file_stem="tiers" svg=tier_svg/>
                <ChartCard testid="chart-rf" file_stem="rfm-grid" svg=rf_svg/>
            </div>
            <div class="grid-2">
                <TierTable/>
                <SegmentTable/>
            </div>
            <crate::pages::dashboard::QualitySummary/>
        </section>
    }
}

/// Rows accounted for, per file, and the date range.
#[component]
pub fn QualitySummary() -> impl IntoView {
    let state = use_app();
    let rows = move || {
        let lang = state.lang.get();
        state.quality.get().map(|q| {
            q.files
                .into_iter()
                .map(|f| {
                    let range = match (&f.first_date, &f.last_date) {
                        (Some(a), Some(b)) => format!("{a} – {b}"),
                        _ => String::new(),
                    };
                    view! {
                        <tr>
                            <td>{f.file.clone()}</td>
                            <td>{segscope_core::i18n::t(lang, f.kind.i18n_key())}</td>
                            <td class="num">{number::count(f.rows_read)}</td>
                            <td class="num">{number::count(f.rows_kept)}</td>
                            <td class="num">{number::count(f.rows_rejected)}</td>
                            <td class="num">{number::count(f.duplicates_removed)}</td>
                            <td>{range}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="card" data-testid="quality-summary">
            <h3>{move || state.tr("quality.title")}</h3>
            <table class="table">
                <thead><tr>
                    <th>{move || state.tr("quality.file")}</th>
                    <th>{move || state.tr("quality.kind")}</th>
                    <th class="num">{move || state.tr("quality.read")}</th>
                    <th class="num">{move || state.tr("quality.kept")}</th>
                    <th class="num">{move || state.tr("quality.rejected")}</th>
                    <th class="num">{move || state.tr("quality.duplicates")}</th>
                    <th>{move || state.tr("quality.range")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
