//! The explorer's "Send to a marketing tool" box (docs/export/activation.md):
//! the tool, whether to hash, the country of phones written without a
//! country code, and the download of the current selection's list; after a
//! download, how many customers went in and how many were left out.

use crate::components::enum_select::EnumSelect;
use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use segscope_engine::explore::CustomerQuery;
use segscope_export::{country_codes, ActivationFormat, ActivationOptions, ContactCoverage};
use segscope_session::protocol::SessionRequest;

/// The activation box for the selection `query`.
#[component]
pub fn ActivationExport(query: RwSignal<CustomerQuery>) -> impl IntoView {
    let state = use_app();
    // Which contacts the data holds, asked again for each new data set.
    Effect::new(move |_| {
        if state.summary.with(Option::is_some) && state.contacts.with_untracked(Option::is_none) {
            worker::ask(SessionRequest::Contacts);
        }
    });
    move || {
        state.contacts.with(|coverage| {
            coverage.as_ref().map(|coverage| {
                if coverage.emails + coverage.phones + coverage.wechat_ids == 0 {
                    view! {
                        <section class="activation" data-testid="activation">
                            <p class="muted" data-testid="activation-no-contacts">{move || state.tr("activation.no_contacts")}</p>
                        </section>
                    }
                    .into_any()
                } else {
                    view! { <ActivationForm query=query coverage=coverage.clone()/> }.into_any()
                }
            })
        })
    }
}

/// The form, once the data is known to hold contacts.
#[component]
fn ActivationForm(query: RwSignal<CustomerQuery>, coverage: ContactCoverage) -> impl IntoView {
    let state = use_app();
    let formats: Vec<ActivationFormat> = ActivationFormat::ALL
        .into_iter()
        .filter(|f| *f != ActivationFormat::Wecom || coverage.wechat_ids > 0)
        .collect();
    let format = RwSignal::new(formats[0]);
    let hash = RwSignal::new(true);
    let country = RwSignal::new(coverage.main_country.clone().unwrap_or_default());
    // The country is asked only when some phone has no country code and no
    // country cell of its own.
    let needs_country = coverage.phones_without_country > 0;
    let ask_country = needs_country && coverage.main_country.is_none();
    let download = move |_| {
        let options = ActivationOptions {
            format: format.get_untracked(),
            hash: hash.get_untracked(),
            phone_country: Some(country.get_untracked()).filter(|c| !c.is_empty()),
            lang: state.lang.get_untracked(),
        };
        state.activation_done.set(None);
        worker::ask(SessionRequest::ExportActivation(query.get_untracked(), options));
    };
    let countries = country_codes()
        .map(|(code, calling)| {
            view! { <option value=code selected=move || country.get() == code>{format!("{code} (+{calling})")}</option> }
        })
        .collect_view();
    view! {
        <section class="activation" data-testid="activation" aria-labelledby="activation-title">
            <h4 id="activation-title">{move || state.tr("activation.title")}</h4>
            <div class="activation-fields">
                <label class="inline-field">
                    {move || state.tr("activation.format")}
                    <EnumSelect options=formats current=format label=ActivationFormat::i18n_key
                        on_pick=Callback::new(move |f| format.set(f)) testid="activation-format"/>
                </label>
                <label class="inline-field" class:muted=move || !format.get().can_hash()>
                    <input type="checkbox" data-testid="activation-hash" prop:checked=move || hash.get() && format.get().can_hash()
                        prop:disabled=move || !format.get().can_hash()
                        on:change=move |ev| hash.set(event_target_checked(&ev))/>
                    {move || state.tr("activation.hash")}
                </label>
                {needs_country.then(|| view! {
                    <label class="inline-field">
                        {move || state.tr("activation.country")}
                        <select data-testid="activation-country" on:change=move |ev| country.set(event_target_value(&ev))>
                            <option value="" selected=move || country.get().is_empty()>{move || state.tr("activation.country_none")}</option>
                            {countries}
                        </select>
                    </label>
                })}
                <button class="btn btn-secondary" data-testid="export-activation" on:click=download>
                    {move || state.tr("activation.export")}
                </button>
            </div>
            {move || (!format.get().can_hash()).then(|| view! { <p class="muted">{state.tr("activation.hash_unavailable")}</p> })}
            {move || (ask_country && country.get().is_empty()).then(|| view! {
                <p class="notice notice-warn" data-testid="activation-country-ask">{state.tr("activation.country_ask")}</p>
            })}
            {move || state.activation_done.get().map(|done| {
                let text = state
                    .tr("activation.done")
                    .replace("{file}", &done.file_name)
                    .replace("{customers}", &done.customers.to_string())
                    .replace("{left_out}", &done.left_out.to_string())
                    .replace("{key}", state.tr(done.format.key_i18n_key()));
                view! { <p class="muted" role="status" data-testid="activation-result">{text}</p> }
            })}
            <p class="muted small">{move || state.tr("activation.privacy")}</p>
        </section>
    }
}
