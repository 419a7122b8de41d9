//! The status line (docs/product.md#automation-hooks `app-status`): state, progress, message, cancel.

use crate::state::{use_app, Phase};
use crate::worker;
use leptos::prelude::*;

/// Status with `data-state` and `data-progress`, a progress bar and cancel.
#[component]
pub fn StatusBar() -> impl IntoView {
    let state = use_app();
    let busy = move || matches!(state.phase.get(), Phase::Reading | Phase::Analyzing);
    let message = move || match state.failure.get() {
        Some(failure) => failure.message(state.lang.get()),
        None => state.tr(state.stage_key.get()).to_string(),
    };
    let fill = move || format!("transform: scaleX({:.3})", state.progress.get().clamp(0.0, 1.0));
    view! {
        <div class="status" class:status-error=move || state.phase.get() == Phase::Error
            class:status-busy=busy
            data-testid="app-status"
            data-state=move || state.phase.get().as_str()
            data-progress=move || format!("{:.3}", state.progress.get())
            data-warm=move || state.worker_warm.get().to_string()
            role="status" aria-live="polite">
            <span class="status-text">{message}</span>
            <Show when=busy>
                <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100"
                    aria-valuenow=move || format!("{:.0}", state.progress.get() * 100.0)>
                    <div class="progress-fill" style=fill></div>
                </div>
                <button class="btn btn-small" data-testid="cancel-button" on:click=move |_| worker::cancel(state)>
                    {move || state.tr("action.cancel")}
                </button>
            </Show>
        </div>
    }
}
