//! The after-sales page: refund and return rates by RFM segment and value
//! tier, and the customers who return the most.

use crate::charts::summary_chart;
use crate::components::chart_card::ChartCard;
use crate::state::use_app;
use leptos::prelude::*;
use segscope_engine::tier_display_name;
use segscope_model::format as number;
use segscope_report as chart;

/// The after-sales page.
#[component]
pub fn AfterSalesPage() -> impl IntoView {
    let state = use_app();
    let tiers = move || {
        let lang = state.lang.get();
        state.summary.with(|s| {
            s.as_ref().map(|s| {
                s.after_sales
                    .by_tier
                    .iter()
                    .zip(&s.tiers)
                    .map(|(r, tier)| {
                        view! {
                            <tr data-testid="refund-tier-row">
                                <td>{tier_display_name(tier, lang)}</td>
                                <td class="num">{number::count(r.paid_orders)}</td>
                                <td class="num">{number::count(r.refunded_orders)}</td>
                                <td class="num">{number::percent(r.rate)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let returners = move || {
        state.summary.with(|s| {
            s.as_ref().map(|s| {
                s.after_sales
                    .high_returners
                    .iter()
                    .map(|r| {
                        view! {
                            <tr data-testid="returner-row">
                                <td>{r.key.clone()}</td>
                                <td class="num">{number::count(u64::from(r.refunded_orders))}</td>
                                <td class="num">{number::count(u64::from(r.paid_orders))}</td>
                                <td class="num">{number::percent(r.rate)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let overall = move || {
        state
            .summary
            .with(|s| s.as_ref().map(|s| number::percent(s.after_sales.overall.rate)))
    };
    view! {
        <div class="page" data-testid="page-after-sales">
            <p class="headline" data-testid="refund-rate">{move || state.tr("after.overall")}" "{overall}</p>
            <div class="grid-2">
                <ChartCard testid="chart-refunds" file_stem="refund-rate-by-segment"
                    svg=summary_chart(state, chart::refunds_by_segment)/>
                <section class="card">
                    <h3>{move || state.tr("after.by_tier")}</h3>
                    <table class="table">
                        <thead><tr>
                            <th>{move || state.tr("explorer.tier")}</th>
                            <th class="num">{move || state.tr("kpi.paid_orders")}</th>
                            <th class="num">{move || state.tr("kpi.refunded_orders")}</th>
                            <th class="num">{move || state.tr("after.rate")}</th>
                        </tr></thead>
                        <tbody>{tiers}</tbody>
                    </table>
                </section>
            </div>
            <section class="card">
                <h3>{move || state.tr("after.returners")}</h3>
                <p class="muted">{move || state.tr("after.returners_help")}</p>
                <table class="table">
                    <thead><tr>
                        <th>{move || state.tr("explorer.customer")}</th>
                        <th class="num">{move || state.tr("kpi.refunded_orders")}</th>
                        <th class="num">{move || state.tr("kpi.paid_orders")}</th>
                        <th class="num">{move || state.tr("after.rate")}</th>
                    </tr></thead>
                    <tbody>{returners}</tbody>
                </table>
            </section>
        </div>
    }
}
