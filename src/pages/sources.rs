//! The source page: per acquisition source, customers, buyers, conversion,
//! revenue, AOV, repeat rate and tier mix.

use crate::charts::summary_chart;
use crate::components::chart_card::ChartCard;
use crate::state::use_app;
use leptos::prelude::*;
use segscope_engine::source_display_name;
use segscope_model::format as number;
use segscope_report as chart;

/// The sources page.
#[component]
pub fn SourcesPage() -> impl IntoView {
    let state = use_app();
    let rows = move || {
        let lang = state.lang.get();
        state.summary.with(|s| {
            s.as_ref().map(|s| {
                s.sources
                    .iter()
                    .map(|r| {
                        view! {
                            <tr data-testid="source-row">
                                <td>{source_display_name(r.source.as_deref(), lang)}</td>
                                <td class="num">{number::count(r.customers)}</td>
                                <td class="num">{number::count(r.buyers)}</td>
                                <td class="num">{number::percent(r.conversion)}</td>
                                <td class="num">{number::money(r.revenue)}</td>
                                <td class="num">{number::money(r.aov)}</td>
                                <td class="num">{number::percent(r.repeat_rate)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <div class="page" data-testid="page-sources">
            <section class="card">
                <h3>{move || state.tr("sources.title")}</h3>
                <table class="table">
                    <thead><tr>
                        <th>{move || state.tr("sources.source")}</th>
                        <th class="num">{move || state.tr("kpi.customers")}</th>
                        <th class="num">{move || state.tr("kpi.buyers")}</th>
                        <th class="num">{move || state.tr("sources.conversion")}</th>
                        <th class="num">{move || state.tr("kpi.revenue")}</th>
                        <th class="num">{move || state.tr("kpi.aov")}</th>
                        <th class="num">{move || state.tr("kpi.repeat_rate")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </section>
            <div class="grid-2">
                <ChartCard testid="chart-sources" file_stem="revenue-by-source"
                    svg=summary_chart(state, chart::source_revenue)/>
                <ChartCard testid="chart-source-tiers" file_stem="tier-mix-by-source"
                    svg=summary_chart(state, chart::source_tier_mix)/>
            </div>
        </div>
    }
}
