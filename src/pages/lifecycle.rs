//! The lifecycle page (docs/product.md#lifecycle-stages, docs/product.md#analyses-and-charts): stages, the active window in force and
//! its settings, and the lifecycle funnel overall and per source.

use crate::charts::summary_chart;
use crate::components::chart_card::ChartCard;
use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use segscope_report as chart;

/// How many per-source funnels are drawn (the largest sources).
const SOURCE_FUNNELS: usize = 4;

/// The lifecycle page.
#[component]
pub fn LifecyclePage() -> impl IntoView {
    let state = use_app();
    let window = move || {
        state.summary.with(|s| {
            s.as_ref().map(|s| {
                let w = &s.lifecycle.window;
                let key = if w.automatic {
                    "life.window_auto"
                } else {
                    "life.window_fixed"
                };
                state
                    .tr(key)
                    .replace("{a}", &format!("{:.0}", w.days))
                    .replace("{median}", &w.median_gap_days.map_or("—".into(), |m| format!("{m:.0}")))
                    .replace("{new}", &s.lifecycle.new_days.to_string())
            })
        })
    };
    let source_count = move || {
        state
            .summary
            .with(|s| s.as_ref().map_or(0, |s| s.lifecycle.funnel_by_source.len()))
    };
    let per_source = move || {
        (0..source_count().min(SOURCE_FUNNELS))
            .map(|i| {
                let svg = summary_chart(state, move |s, lang| chart::lifecycle_funnel(s, Some(i), lang));
                view! { <ChartCard testid="chart-funnel-source" file_stem="lifecycle-funnel-source" svg=svg/> }
            })
            .collect_view()
    };
    view! {
        <div class="page" data-testid="page-lifecycle">
            <WindowSettings/>
            <p class="muted" data-testid="active-window">{window}</p>
            <div class="grid-2">
                <ChartCard testid="chart-stages" file_stem="lifecycle-stages"
                    svg=summary_chart(state, chart::lifecycle_stages)/>
                <ChartCard testid="chart-funnel" file_stem="lifecycle-funnel"
                    svg=summary_chart(state, |s, lang| chart::lifecycle_funnel(s, None, lang))/>
            </div>
            <h3>{move || state.tr("life.by_source")}</h3>
            <div class="grid-2">{per_source}</div>
        </div>
    }
}

/// The "new" window and the active window (blank = automatic).
#[component]
fn WindowSettings() -> impl IntoView {
    let state = use_app();
    let problem = RwSignal::new(None::<String>);
    let apply =
        move |edit: &dyn Fn(&mut segscope_engine::settings::Settings)| worker::edit_settings(state, problem, edit);
    let on_new = move |ev: leptos::ev::Event| {
        let days = event_target_value(&ev).parse().unwrap_or(0);
        apply(&|s| s.lifecycle.new_days = days);
    };
    let on_active = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let days = if text.trim().is_empty() {
            None
        } else {
            Some(text.trim().parse().unwrap_or(0))
        };
        apply(&|s| s.lifecycle.active_window_days = days);
    };
    let new_days = move || state.settings.with(|s| s.lifecycle.new_days.to_string());
    let active = move || {
        state.settings.with(|s| {
            s.lifecycle
                .active_window_days
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
    };
    view! {
        <div class="card settings-bar">
            <label class="inline-field">
                {move || state.tr("life.new_days")}
                <input type="number" min="1" data-testid="setting-new-days" prop:value=new_days on:change=on_new/>
            </label>
            <label class="inline-field">
                {move || state.tr("life.active_days")}
                <input type="number" min="1" data-testid="setting-active-days" prop:value=active
                    placeholder=move || state.tr("life.auto") on:change=on_active/>
            </label>
            {move || problem.get().map(|p| view! { <p class="notice notice-error" role="alert">{p}</p> })}
        </div>
    }
}
