//! The playbook (SPEC S7): a recommended action per RFM segment and lifecycle
//! stage, editable; the user's text replaces the built-in one and is saved
//! with the settings.

use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use segscope_core::analyze::{LifecycleStage, RfmSegment};
use segscope_core::i18n::t;

/// The action for `key` (e.g. `seg.champions`): the user's text, else the built-in one.
pub fn action_for(key: &str, custom: Option<&String>, lang: segscope_core::i18n::Lang) -> String {
    match custom.filter(|text| !text.trim().is_empty()) {
        Some(text) => text.clone(),
        None => {
            let builtin = format!("play.{key}");
            segscope_core::i18n::keys()
                .find(|k| *k == builtin)
                .map(|k| t(lang, k).to_string())
                .unwrap_or_default()
        }
    }
}

/// Editable actions for every segment and stage.
#[component]
pub fn PlaybookCard() -> impl IntoView {
    let state = use_app();
    let keys: Vec<&'static str> = RfmSegment::ALL
        .iter()
        .map(|s| s.i18n_key())
        .chain(LifecycleStage::ALL.iter().map(|s| s.i18n_key()))
        .collect();
    let rows = keys
        .into_iter()
        .map(|key| {
            let text = move || {
                let lang = state.lang.get();
                state.settings.with(|s| action_for(key, s.playbook.get(key), lang))
            };
            let save = move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                let mut settings = state.settings.get_untracked();
                if value.trim().is_empty() {
                    settings.playbook.remove(key);
                } else {
                    settings.playbook.insert(key.to_string(), value);
                }
                let _ = worker::change_settings(state, settings);
            };
            view! {
                <tr>
                    <th scope="row">{move || state.tr(key)}</th>
                    <td>
                        <textarea rows="2" class="playbook-text" data-testid=format!("playbook-{key}")
                            aria-label=move || state.tr(key) prop:value=text on:change=save></textarea>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card" data-testid="playbook">
            <h3>{move || state.tr("playbook.title")}</h3>
            <p class="muted">{move || state.tr("playbook.help")}</p>
            <table class="table playbook"><tbody>{rows}</tbody></table>
        </section>
    }
}
