//! A group of toggle chips that filter the customer explorer by the labels
//! of one scheme: a chip is pressed while its label is in the query.

use crate::state::use_app;
use leptos::prelude::*;
use segscope_engine::explore::CustomerQuery;

/// How a chip group reads and writes its labels in the explorer's query.
#[derive(Clone, Copy)]
pub struct ChipField<T: 'static> {
    /// The labels selected in a query.
    pub get: fn(&CustomerQuery) -> &Vec<T>,
    /// The same, to change.
    pub get_mut: fn(&mut CustomerQuery) -> &mut Vec<T>,
}

/// One chip per value of `values`, toggling it in `field` of `query`;
/// `changed` runs after each toggle (the table scrolls back to the top).
#[component]
pub fn FilterChips<T>(
    /// The labels offered, in display order (they may change with the
    /// analysis, as value tiers do).
    #[prop(into)]
    values: Signal<Vec<T>>,
    /// A label's name in the UI language.
    label: Callback<T, String>,
    /// The `data-testid` of a label's chip.
    testid: Callback<T, String>,
    /// Where the labels sit in the query.
    field: ChipField<T>,
    /// The explorer's query.
    query: RwSignal<CustomerQuery>,
    /// Runs after a chip was toggled.
    changed: Callback<()>,
    /// The i18n key of the group's title (shown before the chips, and the
    /// group's accessible name).
    group_key: &'static str,
    /// Hides the group (a scheme the data cannot fill).
    #[prop(optional, into)]
    hidden: Signal<bool>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let state = use_app();
    let chips = move || {
        values
            .get()
            .into_iter()
            .map(|value| {
                let active = move || query.with(|q| (field.get)(q).contains(&value));
                let toggle = move |_| {
                    query.update(|q| toggle_in((field.get_mut)(q), value));
                    changed.run(());
                };
                view! {
                    <button class="chip" class:chip-active=active aria-pressed=move || active().to_string()
                        data-testid=testid.run(value) on:click=toggle>
                        {move || label.run(value)}
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        <div class="chips" role="group" hidden=move || hidden.get() aria-label=move || state.tr(group_key)>
            <span class="chips-title" aria-hidden="true">{move || state.tr(group_key)}</span>
            {chips}
        </div>
    }
}

/// Chip names of a built-in scheme: each label's i18n key in the UI language.
pub fn translated<T: 'static>(key: fn(T) -> &'static str) -> Callback<T, String> {
    let state = use_app();
    Callback::new(move |value| state.tr(key(value)).to_string())
}

/// Adds `value` to `list`, or removes it when present.
pub fn toggle_in<T: PartialEq>(list: &mut Vec<T>, value: T) {
    match list.iter().position(|v| *v == value) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(value),
    }
}
