//! The settings in view on the dashboard: as-of date and RFM scale. Changes
//! re-segment the loaded data without re-parsing.

use crate::state::use_app;
use crate::worker;
use chrono::NaiveDate;
use leptos::prelude::*;

/// As-of date and RFM scale.
#[component]
pub fn SettingsBar() -> impl IntoView {
    let state = use_app();
    // The bar offers only valid values, but other settings may be at fault.
    let problem = RwSignal::new(None::<String>);
    let apply = move |change: &dyn Fn(&mut segscope_engine::settings::Settings)| {
        worker::edit_settings(state, problem, change);
    };
    let on_as_of = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let date = NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok();
        apply(&|s| s.as_of = date);
    };
    let on_scale = move |ev: leptos::ev::Event| {
        if let Ok(scale) = event_target_value(&ev).parse::<u8>() {
            apply(&|s| s.rfm.scale = scale);
        }
    };
    let as_of = move || {
        state
            .summary
            .with(|s| s.as_ref().map(|s| s.as_of.clone()).unwrap_or_default())
    };
    let scale = move || state.settings.with(|s| s.rfm.scale);
    view! {
        <div class="settings-bar card">
            <label class="inline-field">
                {move || state.tr("settings.as_of")}
                <input type="date" data-testid="setting-as-of" prop:value=as_of on:change=on_as_of/>
            </label>
            <button class="btn btn-small btn-ghost" on:click=move |_| apply(&|s| s.as_of = None)>
                {move || state.tr("settings.as_of_reset")}
            </button>
            <label class="inline-field">
                {move || state.tr("settings.rfm_scale")}
                <select data-testid="setting-rfm-scale" on:change=on_scale>
                    {[5u8, 4, 3].into_iter().map(|s| view! { <option value=s.to_string() selected=move || scale() == s>{s}</option> }).collect_view()}
                </select>
            </label>
            {move || problem.get().map(|p| view! { <p class="notice notice-error" role="alert">{p}</p> })}
        </div>
    }
}
