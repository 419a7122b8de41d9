//! The top bar: product name, new-analysis and language switch.

use crate::prefs;
use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use segscope_i18n::Lang;

/// The top bar.
#[component]
pub fn Header() -> impl IntoView {
    let state = use_app();
    let switch_lang = move |_| {
        let next = if state.lang.get_untracked() == Lang::Zh {
            Lang::En
        } else {
            Lang::Zh
        };
        prefs::save_lang(next);
        state.lang.set(next);
    };
    let has_data = move || state.summary.with(Option::is_some);
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true"></span>
                <span class="brand-name">"Segscope"</span>
                <span class="brand-tag">{move || state.tr("app.tagline")}</span>
            </div>
            <nav class="topbar-actions">
                <Show when=has_data>
                    <button class="btn btn-ghost" data-testid="new-analysis" on:click=move |_| worker::cancel(state)>
                        {move || state.tr("action.new_analysis")}
                    </button>
                </Show>
                <button class="btn btn-ghost" data-testid="lang-switch" on:click=switch_lang
                    aria-label=move || state.tr("action.switch_lang_label")>
                    {move || state.tr("action.switch_lang")}
                </button>
            </nav>
        </header>
    }
}
