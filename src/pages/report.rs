//! The printable report (SPEC S7): headline numbers, every chart and table,
//! the data-quality summary — one page laid out for print-to-PDF, what a
//! consultant hands a client.

use crate::charts;
use crate::components::chart_svg::ChartSvg;
use crate::components::kpi_cards::KpiCards;
use crate::components::segment_table::SegmentTable;
use crate::components::tier_table::TierTable;
use crate::state::use_app;
use leptos::prelude::*;
use segscope_core::format as number;
use segscope_core::i18n::t;

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
            <KpiCards/>
            <div class="grid-2">
                <figure class="card chart"><ChartSvg svg=tier_svg/></figure>
                <figure class="card chart"><ChartSvg svg=rf_svg/></figure>
            </div>
            <div class="grid-2">
                <TierTable/>
                <SegmentTable/>
            </div>
            <QualitySummary/>
        </article>
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
