//! The repeat-buying page: repurchase rate, time to the second order, the
//! gaps between orders and monthly cohort retention.

use crate::charts::summary_chart;
use crate::components::chart_card::ChartCard;
use crate::state::use_app;
use leptos::prelude::*;
use segscope_model::format as number;
use segscope_report as chart;

/// The repeat-buying page.
#[component]
pub fn RepeatPage() -> impl IntoView {
    let state = use_app();
    let facts = move || {
        state.summary.with(|s| {
            s.as_ref().map(|s| {
                let r = &s.repeat;
                let days = |d: Option<f64>| d.map_or_else(|| "—".to_string(), |d| format!("{d:.0}"));
                view! {
                    <div class="kpis">
                        <div class="kpi" data-testid="repeat-rate">
                            <span class="kpi-value">{number::percent(r.repurchase_rate)}</span>
                            <span class="kpi-label">{state.tr("repeat.rate")}</span>
                        </div>
                        <div class="kpi" data-testid="repeat-buyers">
                            <span class="kpi-value">{number::count(r.repeat_buyers)}</span>
                            <span class="kpi-label">{state.tr("repeat.buyers")}</span>
                        </div>
                        <div class="kpi" data-testid="repeat-median-second">
                            <span class="kpi-value">{days(r.time_to_second.median_days)}</span>
                            <span class="kpi-label">{state.tr("repeat.median_second")}</span>
                        </div>
                        <div class="kpi" data-testid="repeat-median-gap">
                            <span class="kpi-value">{days(r.gaps.median_days)}</span>
                            <span class="kpi-label">{state.tr("repeat.median_gap")}</span>
                        </div>
                    </div>
                }
            })
        })
    };
    view! {
        <div class="page" data-testid="page-repeat">
            {facts}
            <div class="grid-2">
                <ChartCard testid="chart-second" file_stem="days-to-second-order"
                    svg=summary_chart(state, chart::time_to_second)/>
                <ChartCard testid="chart-gaps" file_stem="days-between-orders"
                    svg=summary_chart(state, chart::purchase_gaps)/>
            </div>
            <ChartCard testid="chart-cohorts" file_stem="cohort-retention"
                svg=summary_chart(state, chart::cohort_retention)/>
        </div>
    }
}
