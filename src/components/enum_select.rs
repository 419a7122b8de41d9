//! A `<select>` over the values of an enum (docs/product.md#automation-hooks):
//! each option's value is the enum value's stable id, its serde name (the
//! name saved settings use), never its `Debug` text.

use crate::state::use_app;
use leptos::prelude::*;
use serde::Serialize;

/// The stable id of an enum value in markup and test ids: its serde name.
pub fn stable_id<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// A select of `options`, each shown by the text of the i18n key
/// `label(option)`, with `current` selected; `on_pick` gets the chosen value.
#[component]
pub fn EnumSelect<T>(
    /// The values offered, in display order.
    options: Vec<T>,
    /// The value selected.
    #[prop(into)]
    current: Signal<T>,
    /// The i18n key of a value's name.
    label: fn(T) -> &'static str,
    /// Called with the value the user picks.
    on_pick: Callback<T>,
    /// The select's `data-testid`.
    #[prop(into)]
    testid: String,
) -> impl IntoView
where
    T: Copy + PartialEq + Serialize + Send + Sync + 'static,
{
    let state = use_app();
    let ids: Vec<(T, String)> = options.iter().map(|o| (*o, stable_id(o))).collect();
    let option_views = ids
        .iter()
        .map(|(value, id)| {
            let value = *value;
            view! {
                <option value=id.clone() selected=move || current.get() == value>{move || state.tr(label(value))}</option>
            }
        })
        .collect_view();
    let on_change = move |ev: leptos::ev::Event| {
        let picked = event_target_value(&ev);
        if let Some((value, _)) = ids.iter().find(|(_, id)| *id == picked) {
            on_pick.run(*value);
        }
    };
    view! { <select data-testid=testid on:change=on_change>{option_views}</select> }
}
