//! RFM segments as a table: customers, revenue share and averages.

use crate::state::use_app;
use crate::texts::t;
use leptos::prelude::*;
use segscope_engine::playbook::action;
use segscope_model::format as number;

/// The segment table.
#[component]
pub fn SegmentTable() -> impl IntoView {
    let state = use_app();
    let rows = move || {
        let lang = state.lang.get();
        state.summary.with(|s| {
            s.as_ref().map(|s| {
                s.segments
                    .iter()
                    .map(|seg| {
                        view! {
                            <tr>
                                <td>{t(lang, seg.segment.i18n_key())}</td>
                                <td class="num">{number::count(seg.customers)}</td>
                                <td class="num">{number::percent(seg.revenue_share)}</td>
                                <td class="num">{format!("{:.0}", seg.avg_recency_days)}</td>
                                <td class="num">{format!("{:.1}", seg.avg_orders)}</td>
                                <td class="num">{number::money(seg.avg_monetary)}</td>
                                <td class="action" data-testid="segment-action">
                                    {state.settings.with(|st| action(seg.segment.i18n_key(), lang, &st.playbook).to_string())}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <div class="card" data-testid="segment-table">
            <h3>{move || state.tr("segments.title")}</h3>
            <table class="table">
                <thead><tr>
                    <th>{move || state.tr("segments.segment")}</th>
                    <th class="num">{move || state.tr("kpi.customers")}</th>
                    <th class="num">{move || state.tr("table.revenue_share")}</th>
                    <th class="num">{move || state.tr("segments.avg_recency")}</th>
                    <th class="num">{move || state.tr("segments.avg_orders")}</th>
                    <th class="num">{move || state.tr("segments.avg_monetary")}</th>
                    <th>{move || state.tr("segments.action")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
