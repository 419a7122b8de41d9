//! The "Show list" button: opens the customer explorer on the customers a
//! query selects (a label's, a move's, a custom segment's).

use crate::state::use_app;
use leptos::prelude::*;
use segscope_engine::explore::CustomerQuery;

/// A small button that opens the explorer on `narrow`'s customers: the
/// default query with `narrow` applied.
#[component]
pub fn ShowListButton(
    /// The button's `data-testid`.
    #[prop(into)]
    testid: String,
    /// Narrows the explorer's default query to the customers to list.
    narrow: Callback<(), CustomerQuery>,
    /// The i18n key of the button's text.
    #[prop(default = "audience.show_list")]
    label_key: &'static str,
    /// Disables the button (nothing to list).
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let state = use_app();
    view! {
        <button class="btn btn-ghost btn-small" data-testid=testid disabled=move || disabled.get()
            on:click=move |_| state.show_query(narrow.run(()))>
            {move || state.tr(label_key)}
        </button>
    }
}
