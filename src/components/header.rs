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
    // Discarding an analysis asks first (the data would have to be loaded again).
    let confirming = RwSignal::new(false);
    let discard = move |_| {
        confirming.set(false);
        worker::start_over(state);
    };
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true"></span>
                <span class="brand-name">"Segscope"</span>
                <span class="brand-tag">{move || state.tr("app.tagline")}</span>
            </div>
            <nav class="topbar-actions">
                <Show when=has_data>
                    <button class="btn btn-ghost" data-testid="new-analysis" aria-expanded=move || confirming.get().to_string()
                        on:click=move |_| confirming.update(|c| *c = !*c)>
                        {move || state.tr("action.new_analysis")}
                    </button>
                    <Show when=move || confirming.get()>
                        <div class="confirm-pop" role="alertdialog" aria-labelledby="discard-question" data-testid="discard-confirm">
                            <p id="discard-question">{move || state.tr("action.discard_question")}</p>
                            <button class="btn btn-primary btn-small" data-testid="discard-analysis" on:click=discard>
                                {move || state.tr("action.discard")}
                            </button>
                            <button class="btn btn-ghost btn-small" data-testid="keep-analysis" on:click=move |_| confirming.set(false)>
                                {move || state.tr("action.keep")}
                            </button>
                        </div>
                    </Show>
                </Show>
                <button class="btn btn-ghost" data-testid="lang-switch" on:click=switch_lang
                    aria-label=move || state.tr("action.switch_lang_label")>
                    {move || state.tr("action.switch_lang")}
                </button>
            </nav>
        </header>
    }
}
