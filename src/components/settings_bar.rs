//! The settings in view on the dashboard: as-of date and RFM scale. Changes
//! re-segment the loaded data without re-parsing (docs/product.md#settings).

use crate::state::use_app;
use crate::worker;
use chrono::NaiveDate;
use leptos::prelude::*;
use segscope_engine::Summary;
use segscope_model::format as number;

/// As-of date and RFM scale, and a sentence when the as-of date lies outside
/// the orders.
#[component]
pub fn SettingsBar() -> impl IntoView {
    let state = use_app();
    // The bar offers only valid values, but other settings may be at fault.
    let problem = RwSignal::new(None::<String>);
    let apply = move |change: &dyn Fn(&mut segscope_engine::settings::Settings)| {
        worker::edit_settings(state, problem, change);
    };
    let on_scale = move |ev: leptos::ev::Event| {
        if let Ok(scale) = event_target_value(&ev).parse::<u8>() {
            apply(&|s| s.rfm.scale = scale);
        }
    };
    let scale = move || state.settings.with(|s| s.rfm.scale);
    let out_of_range = move || {
        state
            .summary
            .with(|s| s.as_ref().and_then(as_of_outside_orders))
            .map(|place| {
                let text = match place {
                    AsOfPlace::BeforeFirstOrder { first } => {
                        state.tr("settings.as_of_before_orders").replace("{first}", &first)
                    }
                    AsOfPlace::LongAfterLastOrder { last, days } => state
                        .tr("settings.as_of_after_orders")
                        .replace("{last}", &last)
                        .replace("{days}", &number::count(days)),
                };
                view! { <p class="notice notice-warn" role="status" data-testid="as-of-notice">{text}</p> }
            })
    };
    view! {
        <div class="settings-bar card">
            <AsOfField problem=problem/>
            <button class="btn btn-small btn-ghost" data-testid="setting-as-of-latest" on:click=move |_| apply(&|s| s.as_of = None)>
                {move || state.tr("settings.as_of_reset")}
            </button>
            <label class="inline-field">
                {move || state.tr("settings.rfm_scale")}
                <select data-testid="setting-rfm-scale" on:change=on_scale>
                    {[5u8, 4, 3].into_iter().map(|s| view! { <option value=s.to_string() selected=move || scale() == s>{s}</option> }).collect_view()}
                </select>
            </label>
            {out_of_range}
            {move || problem.get().map(|p| view! { <p class="notice notice-error" role="alert">{p}</p> })}
        </div>
    }
}

/// The as-of date field. A date picked from the calendar applies at once; a
/// date typed digit by digit applies on Enter or when the field loses focus,
/// so that a half-typed year (0002, 0020, 0202 on the way to 2023) never
/// starts an analysis.
#[component]
fn AsOfField(
    /// Where the bar shows a rejected change.
    problem: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app();
    let typing = StoredValue::new(false);
    let pending = StoredValue::new(None::<String>);
    let shown = move || {
        state
            .summary
            .with(|s| s.as_ref().map(|s| s.as_of.clone()).unwrap_or_default())
    };
    let commit = move |value: String| {
        typing.set_value(false);
        pending.set_value(None);
        // An emptied or half-typed field keeps the date in force.
        let Ok(date) = NaiveDate::parse_from_str(&value, "%Y-%m-%d") else {
            return;
        };
        if value != shown() {
            worker::edit_settings(state, problem, |s| s.as_of = Some(date));
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            let value = pending.get_value().unwrap_or_else(|| event_target_value(&ev));
            commit(value);
        } else if ev.key() != "Tab" {
            typing.set_value(true);
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if typing.get_value() {
            pending.set_value(Some(value));
        } else {
            commit(value);
        }
    };
    let on_blur = move |_| match pending.get_value() {
        Some(value) => commit(value),
        None => typing.set_value(false),
    };
    let first = move || {
        state
            .summary
            .with(|s| s.as_ref().and_then(|s| s.first_order_date.clone()))
    };
    view! {
        <label class="inline-field">
            {move || state.tr("settings.as_of")}
            <input type="date" data-testid="setting-as-of" prop:value=shown min=first
                on:keydown=on_keydown on:change=on_change on:blur=on_blur/>
        </label>
    }
}

/// Where an as-of date lies when it makes the analysis misleading.
#[derive(Debug, Clone, PartialEq, Eq)]
enum AsOfPlace {
    /// Before the first order: nobody has bought yet, every count is zero.
    BeforeFirstOrder {
        /// The first order's date.
        first: String,
    },
    /// More than a year after the last order: every customer looks lapsed.
    LongAfterLastOrder {
        /// The last order's date.
        last: String,
        /// Days from the last order to the as-of date.
        days: u64,
    },
}

/// Days after the last order from which the as-of date gets a warning.
const LONG_AFTER_DAYS: i64 = 365;

/// Whether the summary's as-of date lies outside its orders (the summary
/// writes its dates as ISO `YYYY-MM-DD`).
fn as_of_outside_orders(summary: &Summary) -> Option<AsOfPlace> {
    let as_of = NaiveDate::parse_from_str(&summary.as_of, "%Y-%m-%d").ok()?;
    let day = |text: &Option<String>| {
        text.as_deref()
            .and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
    };
    if let Some(first) = day(&summary.first_order_date).filter(|first| as_of < *first) {
        return Some(AsOfPlace::BeforeFirstOrder {
            first: first.to_string(),
        });
    }
    let last = day(&summary.last_order_date)?;
    let days = (as_of - last).num_days();
    (days > LONG_AFTER_DAYS).then(|| AsOfPlace::LongAfterLastOrder {
        last: last.to_string(),
        days: days as u64,
    })
}
