//! The playbook card (docs/product.md#acting-on-segments): the recommended action per RFM segment,
//! lifecycle stage and value tier (core's playbook), editable; the user's
//! text replaces the built-in one and is saved with the settings.

use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use segscope_engine::playbook::{action, playbook_keys};
use segscope_session::protocol::SessionRequest;

/// Editable actions for every segment, stage and tier.
#[component]
pub fn PlaybookCard() -> impl IntoView {
    let state = use_app();
    let problem = RwSignal::new(None::<String>);
    let rows = playbook_keys()
        .into_iter()
        .map(|key| {
            let text = move || {
                let lang = state.lang.get();
                state.settings.with(|s| action(key, lang, &s.playbook).to_string())
            };
            let save = move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                worker::edit_settings(state, problem, |settings| {
                    if value.trim().is_empty() {
                        settings.playbook.remove(key);
                    } else {
                        settings.playbook.insert(key.to_string(), value);
                    }
                });
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
            <div class="card-head">
                <h3>{move || state.tr("playbook.title")}</h3>
                <button class="btn btn-secondary" data-testid="export-campaign-pack" title=move || state.tr("pack.help")
                    on:click=move |_| worker::ask(SessionRequest::CampaignPack(state.lang.get_untracked()))>
                    {move || state.tr("pack.export")}
                </button>
            </div>
            <p class="muted">{move || state.tr("playbook.help")}</p>
            <p class="muted">{move || state.tr("pack.help")}</p>
            {move || problem.get().map(|p| view! { <p class="notice notice-error" role="alert">{p}</p> })}
            <table class="table playbook"><tbody>{rows}</tbody></table>
        </section>
    }
}
