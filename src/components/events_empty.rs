//! The empty state of the event-based pages: what to add to see them.

use crate::state::use_app;
use leptos::prelude::*;

/// A notice shown when the loaded files hold no events.
#[component]
pub fn EventsEmpty() -> impl IntoView {
    let state = use_app();
    let no_events = move || {
        state
            .summary
            .with(|s| s.as_ref().is_some_and(|s| s.audience.events == 0))
    };
    view! {
        <Show when=no_events>
            <p class="notice" data-testid="events-empty">{move || state.tr("audience.no_events")}</p>
        </Show>
    }
}
