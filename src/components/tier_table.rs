//! Value tiers as a table: customers, share and revenue share per tier.

use crate::state::use_app;
use crate::texts::t;
use leptos::prelude::*;
use segscope_model::format as number;

/// The tier table.
#[component]
pub fn TierTable() -> impl IntoView {
    let state = use_app();
    let rows = move || {
        let lang = state.lang.get();
        state.summary.with(|s| {
            s.as_ref().map(|s| {
                s.tiers
                    .iter()
                    .map(|tier| {
                        let name = segscope_engine::tier_display_name(tier, lang);
                        view! {
                            <tr>
                                <td>{name}</td>
                                <td class="num">{number::count(tier.customers)}</td>
                                <td class="num">{number::percent(tier.customer_share)}</td>
                                <td class="num">{number::money(tier.revenue)}</td>
                                <td class="num">{number::percent(tier.revenue_share)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let explain = move || {
        let tiers = state.settings.with(|s| s.tiers.clone());
        let total = tiers.weight_aov + tiers.weight_orders + tiers.weight_revenue;
        let share = |w: f64| number::percent(if total > 0.0 { w / total } else { 0.0 });
        let cutoffs: Vec<String> = tiers.cutoffs.iter().map(|c| number::percent(*c)).collect();
        t(state.lang.get(), "tiers.explain")
            .replace("{aov}", &share(tiers.weight_aov))
            .replace("{orders}", &share(tiers.weight_orders))
            .replace("{revenue}", &share(tiers.weight_revenue))
            .replace("{cutoffs}", &cutoffs.join(", "))
    };
    view! {
        <div class="card" data-testid="tier-table">
            <h3>{move || state.tr("tiers.title")}</h3>
            <table class="table">
                <thead><tr>
                    <th>{move || state.tr("tiers.tier")}</th>
                    <th class="num">{move || state.tr("kpi.customers")}</th>
                    <th class="num">{move || state.tr("table.share")}</th>
                    <th class="num">{move || state.tr("kpi.revenue")}</th>
                    <th class="num">{move || state.tr("table.revenue_share")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="muted small">{explain}</p>
        </div>
    }
}
