//! The interest page (docs/product.md#interest): favourite categories from orders and
//! weighted events, the segment × category affinity heatmap, and per
//! category the customers who browsed it but never bought it, as lists.

use crate::charts::summary_chart;
use crate::components::chart_card::ChartCard;
use crate::components::show_list::ShowListButton;
use crate::state::use_app;
use leptos::prelude::*;
use segscope_engine::explore::CustomerQuery;
use segscope_model::format as number;
use segscope_model::EventKind;
use segscope_report as chart;

/// The interest page.
#[component]
pub fn InterestPage() -> impl IntoView {
    let state = use_app();
    let rows = move || {
        let categories = state
            .summary
            .with(|s| s.as_ref().map(|s| s.audience.categories.clone()).unwrap_or_default());
        categories
            .into_iter()
            .map(|c| {
                let index = c.index;
                view! {
                    <tr data-testid="interest-row">
                        <td>{c.name.clone()}</td>
                        <td class="num">{number::count(c.favourite)}</td>
                        <td class="num">{number::count(c.browsed_not_bought)}</td>
                        <td>
                            <ShowListButton testid="browsed-list" disabled=c.browsed_not_bought == 0
                                narrow=Callback::new(move |()| CustomerQuery { browsed_not_bought: Some(index), ..CustomerQuery::default() })/>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let weights = move || {
        state.settings.with(|s| {
            let mut parts = vec![format!(
                "{} {}",
                state.tr("interest.paid_order"),
                s.interest.order_weight
            )];
            parts.extend(
                EventKind::ALL
                    .iter()
                    .filter(|k| s.interest.weight(**k) > 0.0)
                    .map(|k| format!("{} {}", state.tr(k.i18n_key()), s.interest.weight(*k))),
            );
            parts.join(" · ")
        })
    };
    view! {
        <div class="page" data-testid="page-interest">
            <section class="card">
                <h3>{move || state.tr("interest.title")}</h3>
                <details class="details" data-testid="interest-weights">
                    <summary>{move || state.tr("interest.how")}</summary>
                    <p class="muted">{move || state.tr("interest.weights")}" "{weights}</p>
                </details>
                <table class="table">
                    <thead><tr>
                        <th>{move || state.tr("chart.interest.y")}</th>
                        <th class="num">{move || state.tr("interest.favourite")}</th>
                        <th class="num">{move || state.tr("interest.browsed_not_bought")}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </section>
            <div class="grid-2">
                <ChartCard testid="chart-interest" file_stem="interest" svg=summary_chart(state, chart::category_interest)/>
                <ChartCard testid="chart-affinity" file_stem="affinity" svg=summary_chart(state, chart::affinity)/>
            </div>
        </div>
    }
}
