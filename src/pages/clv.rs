//! The lifetime-value page (docs/product.md#predicted-lifetime-value): predicted CLV by band and by
//! source, the BG/NBD + Gamma-Gamma fits (parameters, log-likelihood,
//! convergence) under Details, the settings (time unit, horizon, discount) and a holdout check;
//! when no fit can be made, why — and that only historical value is shown.

use crate::components::chart_card::ChartCard;
use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use segscope_engine::clv::TimeUnit;
use segscope_engine::models::ClvSummary;
use segscope_model::format as number;
use segscope_report as chart;
use segscope_session::protocol::SessionRequest;

/// The CLV page.
#[component]
pub fn ClvPage() -> impl IntoView {
    let state = use_app();
    Effect::new(move |_| {
        state.summary.track();
        worker::ensure_models(state);
    });
    let clv = move || state.models.with(|m| m.as_ref().map(|m| m.clv.clone()));
    let body = move || match clv() {
        None => view! { <p class="notice" data-testid="models-computing">{move || state.tr("models.computing")}</p> }
            .into_any(),
        Some(Err(problem)) => view! {
            <p class="notice" data-testid="clv-problem">
                {move || problem.message(state.lang.get())}" "{move || state.tr("models.historical_only")}
            </p>
        }
        .into_any(),
        Some(Ok(summary)) => view! { <Fits summary=summary/> }.into_any(),
    };
    view! {
        <div class="page" data-testid="page-clv">
            <ClvSettingsBar/>
            {body}
            <Holdout/>
        </div>
    }
}

#[component]
fn Fits(summary: ClvSummary) -> impl IntoView {
    let state = use_app();
    let b = summary.bgnbd;
    let g = summary.gamma_gamma;
    let iterations = move |converged: bool, n: u32| {
        let key = if converged {
            "models.converged"
        } else {
            "models.not_converged"
        };
        state.tr(key).replace("{n}", &n.to_string())
    };
    let buyers = {
        let (n, r) = (summary.buyers, summary.repeat_buyers);
        move || {
            state
                .tr("models.buyers")
                .replace("{n}", &number::count(u64::from(n)))
                .replace("{r}", &number::count(u64::from(r)))
        }
    };
    let distribution = {
        let s = summary.clone();
        Memo::new(move |_| chart::clv_distribution(&s, state.lang.get()))
    };
    let by_source = {
        let s = summary.clone();
        Memo::new(move |_| chart::clv_by_source(&s, state.lang.get()))
    };
    view! {
        <div class="kpis">
            <div class="kpi" data-testid="kpi-mean-clv"><span class="kpi-value">{number::money(summary.mean_clv)}</span>
                <span class="kpi-label">{move || state.tr("models.mean_clv")}</span></div>
            <div class="kpi" data-testid="kpi-total-clv"><span class="kpi-value">{number::money(summary.total_clv)}</span>
                <span class="kpi-label">{move || state.tr("models.total_clv")}</span></div>
            <div class="kpi" data-testid="kpi-p-alive"><span class="kpi-value">{number::percent(summary.mean_p_alive)}</span>
                <span class="kpi-label">{move || state.tr("models.mean_p_alive")}</span></div>
            <div class="kpi" data-testid="kpi-expected"><span class="kpi-value">{number::count(summary.expected_purchases.round().max(0.0) as u64)}</span>
                <span class="kpi-label">{move || state.tr("models.expected_purchases")}</span></div>
        </div>
        <div class="grid-2">
            <ChartCard testid="chart-clv-distribution" file_stem="clv-distribution" svg=distribution/>
            <ChartCard testid="chart-clv-sources" file_stem="clv-by-source" svg=by_source/>
        </div>
        <details class="card details" data-testid="clv-params">
            <summary>{move || state.tr("models.details")}</summary>
            <p class="muted">{buyers}</p>
            <table class="table">
                <thead><tr><th>{move || state.tr("models.model")}</th><th>{move || state.tr("models.params")}</th>
                    <th class="num">{move || state.tr("models.log_likelihood")}</th><th></th></tr></thead>
                <tbody>
                    <tr data-testid="fit-bgnbd">
                        <td>"BG/NBD"</td>
                        <td>{format!("r = {:.4}, α = {:.4}, a = {:.4}, b = {:.4}", b.r, b.alpha, b.a, b.b)}</td>
                        <td class="num">{format!("{:.2}", b.log_likelihood)}</td>
                        <td>{move || iterations(b.converged, b.iterations)}</td>
                    </tr>
                    <tr data-testid="fit-gamma-gamma">
                        <td>"Gamma-Gamma"</td>
                        <td>{format!("p = {:.4}, q = {:.4}, γ = {:.4}", g.p, g.q, g.gamma)}</td>
                        <td class="num">{format!("{:.2}", g.log_likelihood)}</td>
                        <td>{move || iterations(g.converged, g.iterations)}</td>
                    </tr>
                </tbody>
            </table>
        </details>
    }
}

/// Time unit, horizon and discount.
#[component]
fn ClvSettingsBar() -> impl IntoView {
    let state = use_app();
    let problem = RwSignal::new(None::<String>);
    let apply = move |edit: Box<dyn FnOnce(&mut segscope_engine::settings::Settings)>| {
        worker::edit_settings(state, problem, edit)
    };
    let unit = move || state.settings.with(|s| s.clv.time_unit);
    let horizon = move || state.settings.with(|s| s.clv.horizon_months.to_string());
    let discount = move || state.settings.with(|s| format!("{}", s.clv.monthly_discount));
    let on_unit = move |ev: leptos::ev::Event| {
        let unit = if event_target_value(&ev) == "days" {
            TimeUnit::Days
        } else {
            TimeUnit::Weeks
        };
        apply(Box::new(move |s| s.clv.time_unit = unit));
    };
    let on_horizon = move |ev: leptos::ev::Event| {
        let months = event_target_value(&ev).trim().parse().unwrap_or(0);
        apply(Box::new(move |s| s.clv.horizon_months = months));
    };
    let on_discount = move |ev: leptos::ev::Event| {
        let d = event_target_value(&ev).trim().parse().unwrap_or(f64::NAN);
        apply(Box::new(move |s| s.clv.monthly_discount = d));
    };
    view! {
        <div class="card settings-bar">
            <label class="inline-field">
                {move || state.tr("models.time_unit")}
                <select data-testid="setting-clv-unit" on:change=on_unit>
                    <option value="weeks" selected=move || unit() == TimeUnit::Weeks>{move || state.tr("models.weeks")}</option>
                    <option value="days" selected=move || unit() == TimeUnit::Days>{move || state.tr("models.days")}</option>
                </select>
            </label>
            <label class="inline-field">
                {move || state.tr("models.horizon")}
                <input type="number" min="1" data-testid="setting-clv-horizon" prop:value=horizon on:change=on_horizon/>
            </label>
            <label class="inline-field">
                {move || state.tr("models.discount")}
                <input type="number" min="0" step="0.005" data-testid="setting-clv-discount" prop:value=discount on:change=on_discount/>
            </label>
            {move || problem.get().map(|p| view! { <p class="notice notice-error" role="alert">{p}</p> })}
        </div>
    }
}

/// The calibration/holdout check for a holdout length the user picks.
#[component]
fn Holdout() -> impl IntoView {
    let state = use_app();
    let days = RwSignal::new(90u32);
    let run = move |_| {
        worker::ask(SessionRequest::Holdout {
            days: days.get_untracked(),
        })
    };
    let result = move || {
        let lang = state.lang.get();
        state.holdout.with(|h| match h {
            None => None,
            Some(Err(problem)) => {
                Some(view! { <p class="notice" data-testid="holdout-result">{problem.message(lang)}</p> }.into_any())
            }
            Some(Ok(check)) => {
                let diff = if check.actual == 0 {
                    0.0
                } else {
                    check.predicted / check.actual as f64 - 1.0
                };
                let text = state
                    .tr("models.holdout_result")
                    .replace("{customers}", &number::count(u64::from(check.customers)))
                    .replace("{predicted}", &number::count(check.predicted.round().max(0.0) as u64))
                    .replace("{actual}", &number::count(check.actual))
                    .replace("{diff}", &format!("{:+.1}%", diff * 100.0));
                let check = check.clone();
                let svg = Memo::new(move |_| chart::holdout_by_frequency(&check, state.lang.get()));
                Some(
                    view! {
                        <p data-testid="holdout-result">{text}</p>
                        <ChartCard testid="chart-holdout" file_stem="clv-holdout" svg=svg/>
                    }
                    .into_any(),
                )
            }
        })
    };
    view! {
        <section class="card settings-bar" data-testid="holdout">
            <label class="inline-field">
                {move || state.tr("models.holdout_days")}
                <input type="number" min="7" data-testid="setting-holdout-days" prop:value=move || days.get().to_string()
                    on:change=move |ev| days.set(event_target_value(&ev).trim().parse().unwrap_or(90))/>
            </label>
            <button class="btn btn-secondary" data-testid="run-holdout" on:click=run>{move || state.tr("models.run_holdout")}</button>
            {result}
        </section>
    }
}
