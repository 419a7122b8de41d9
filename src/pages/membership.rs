//! The membership page (docs/product.md#membership-levels): levels with customers and revenue share,
//! and the what-if editor: proposed thresholds show how many customers would
//! move before they are applied.

use crate::charts::summary_chart;
use crate::components::chart_card::ChartCard;
use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use segscope_engine::level_display_name;
use segscope_model::format as number;
use segscope_report as chart;
use segscope_session::protocol::SessionRequest;

/// The membership page.
#[component]
pub fn MembershipPage() -> impl IntoView {
    let state = use_app();
    let rows = move || {
        let lang = state.lang.get();
        state.summary.with(|s| {
            s.as_ref().map(|s| {
                s.membership
                    .iter()
                    .map(|l| {
                        view! {
                            <tr data-testid="level-row">
                                <td>{level_display_name(&l.name, lang)}</td>
                                <td class="num">{number::count(l.min_points as u64)}</td>
                                <td class="num">{number::count(l.customers)}</td>
                                <td class="num">{number::count(l.buyers)}</td>
                                <td class="num">{number::money(l.revenue)}</td>
                                <td class="num">{number::percent(l.revenue_share)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <div class="page" data-testid="page-membership">
            <div class="grid-2">
                <ChartCard testid="chart-levels" file_stem="membership-levels"
                    svg=summary_chart(state, chart::membership_levels)/>
                <section class="card">
                    <h3>{move || state.tr("member.title")}</h3>
                    <table class="table">
                        <thead><tr>
                            <th>{move || state.tr("member.level")}</th>
                            <th class="num">{move || state.tr("member.from_points")}</th>
                            <th class="num">{move || state.tr("kpi.customers")}</th>
                            <th class="num">{move || state.tr("kpi.buyers")}</th>
                            <th class="num">{move || state.tr("kpi.revenue")}</th>
                            <th class="num">{move || state.tr("table.revenue_share")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <p class="muted small">{move || state.tr("member.points_help")}</p>
                </section>
            </div>
            <WhatIfCard/>
        </div>
    }
}

/// Proposed thresholds, the moves they would cause, and "apply".
#[component]
fn WhatIfCard() -> impl IntoView {
    let state = use_app();
    let proposed = RwSignal::new(state.settings.with_untracked(|s| s.membership.levels.clone()));
    let ask = move || worker::ask(SessionRequest::WhatIf(proposed.get_untracked()));
    ask();
    let inputs = move || {
        let lang = state.lang.get();
        proposed
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, level)| {
                let on_change = move |ev: leptos::ev::Event| {
                    let value = event_target_value(&ev).parse().unwrap_or(f64::NAN);
                    proposed.update(|p| p[i].min_points = value);
                    ask();
                };
                view! {
                    <label class="field">
                        <span>{level_display_name(&level.name, lang)}</span>
                        <input type="number" min="0" step="100" data-testid=format!("whatif-{i}")
                            prop:value=level.min_points.to_string() disabled=i == 0 on:change=on_change/>
                    </label>
                }
            })
            .collect_view()
    };
    let moved = move || {
        state.what_if.get().map(|w| {
            state
                .tr("member.moved")
                .replace("{moved}", &number::count(w.moved))
                .replace("{up}", &number::count(w.up))
                .replace("{down}", &number::count(w.moved - w.up))
        })
    };
    let problem = RwSignal::new(None::<String>);
    let apply = move |_| {
        let mut settings = state.settings.get_untracked();
        settings.membership.levels = proposed.get_untracked();
        let lang = state.lang.get_untracked();
        problem.set(worker::change_settings(state, settings).err().map(|e| e.message(lang)));
    };
    view! {
        <section class="card" data-testid="what-if">
            <h3>{move || state.tr("member.whatif")}</h3>
            <p class="muted">{move || state.tr("member.whatif_help")}</p>
            <div class="field-row">{inputs}</div>
            <p class="headline" data-testid="what-if-moved">{moved}</p>
            {move || problem.get().map(|p| view! { <p class="notice notice-error" role="alert">{p}</p> })}
            <button class="btn btn-primary" data-testid="apply-what-if" on:click=apply>
                {move || state.tr("member.apply")}
            </button>
        </section>
    }
}
