//! The headline numbers (docs/product.md#analyses-and-charts overview KPIs).

use crate::state::use_app;
use leptos::prelude::*;
use segscope_model::format as number;

/// One KPI tile.
#[component]
fn Kpi(label: Signal<&'static str>, value: Signal<String>, testid: &'static str) -> impl IntoView {
    view! {
        <div class="kpi" data-testid=testid>
            <span class="kpi-value">{value}</span>
            <span class="kpi-label">{label}</span>
        </div>
    }
}

/// The KPI row and the "top 20 % bring X %" sentence.
#[component]
pub fn KpiCards() -> impl IntoView {
    let state = use_app();
    let kpis = move || state.summary.with(|s| s.as_ref().map(|s| s.kpis.clone()));
    let label = move |key: &'static str| Signal::derive(move || state.tr(key));
    let value = move |f: fn(&segscope_engine::Kpis) -> String| {
        Signal::derive(move || kpis().map(|k| f(&k)).unwrap_or_default())
    };
    let headline = move || {
        kpis().map(|k| {
            state
                .tr("kpi.top_sentence")
                .replace("{share}", &number::percent(k.top_share))
                .replace("{revenue}", &number::percent(k.top_revenue_share))
        })
    };
    // Buyers known only from a customer summary without order dates: say
    // which views need dated orders (docs/ingest/summaries.md).
    let undated = move || {
        let lang = state.lang.get();
        state
            .summary
            .with(|s| s.as_ref().and_then(|s| s.undated_notice(lang)))
            .map(|text| {
                view! { <p class="muted" role="note" data-testid="undated-notice">{text}</p> }
            })
    };
    view! {
        {undated}
        <div class="kpis">
            <Kpi testid="kpi-customers" label=label("kpi.customers") value=value(|k| number::count(k.customers))/>
            <Kpi testid="kpi-buyers" label=label("kpi.buyers") value=value(|k| number::count(k.buyers))/>
            <Kpi testid="kpi-revenue" label=label("kpi.revenue") value=value(|k| number::money(k.revenue))/>
            <Kpi testid="kpi-aov" label=label("kpi.aov") value=value(|k| number::money(k.aov))/>
            <Kpi testid="kpi-repeat" label=label("kpi.repeat_rate") value=value(|k| number::percent(k.repeat_rate))/>
            <Kpi testid="kpi-active" label=label("kpi.active_share") value=value(|k| number::percent(k.active_share))/>
        </div>
        <p class="headline" data-testid="kpi-top-share">{headline}</p>
    }
}
