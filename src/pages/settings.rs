//! The settings page (docs/product.md#settings): every setting with its default, applied to
//! the loaded data without re-parsing, remembered in the browser, exported
//! and imported as JSON; and "Clear", which forgets everything stored.

use crate::components::settings_bar::SettingsBar;
use crate::download::download_text;
use crate::prefs;
use crate::state::use_app;
use crate::texts::t;
use crate::worker;
use leptos::prelude::*;
use segscope_engine::settings::{FixedCutoffs, Settings, SettingsError, TIER_COUNTS};
use segscope_i18n::Lang;
use std::fmt;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app();
    let problem = RwSignal::new(None::<SettingsPageError>);
    let apply = move |settings: Settings| problem.set(worker::change_settings(state, settings).err().map(Into::into));
    view! {
        <div class="page" data-testid="page-settings">
            <SettingsBar/>
            <RfmSettingsCard apply=apply/>
            <TierSettingsCard apply=apply/>
            {move || problem.get().map(|e| {
                let text = e.message(state.lang.get());
                view! { <p class="notice notice-error" role="alert" data-testid="settings-error">{text}</p> }
            })}
            <ShareCard apply=apply problem=problem/>
        </div>
    }
}

/// RFM by quantiles or by fixed cut-offs.
#[component]
fn RfmSettingsCard(apply: impl Fn(Settings) + Copy + Send + Sync + 'static) -> impl IntoView {
    let state = use_app();
    let fixed = move || state.settings.with(|s| s.rfm.fixed.clone());
    let set_mode = move |ev: leptos::ev::Event| {
        let mut settings = state.settings.get_untracked();
        settings.rfm.fixed = (event_target_value(&ev) == "fixed").then(|| default_cutoffs(settings.rfm.scale));
        apply(settings);
    };
    let list_input = move |label: &'static str, testid: &'static str, slot: fn(&mut FixedCutoffs) -> &mut Vec<f64>| {
        let value = move || {
            fixed()
                .map(|mut f| {
                    slot(&mut f)
                        .iter()
                        .map(|v| number_text(*v))
                        .collect::<Vec<String>>()
                        .join(", ")
                })
                .unwrap_or_default()
        };
        let on_change = move |ev: leptos::ev::Event| {
            let mut settings = state.settings.get_untracked();
            if let Some(f) = settings.rfm.fixed.as_mut() {
                *slot(f) = parse_list(&event_target_value(&ev));
            }
            apply(settings);
        };
        view! {
            <label class="field">
                <span>{move || state.tr(label)}</span>
                <input type="text" data-testid=testid prop:value=value on:change=on_change/>
            </label>
        }
    };
    view! {
        <section class="card settings-card">
            <h3>{move || state.tr("settings.rfm")}</h3>
            <p class="muted">{move || state.tr("settings.rfm_help")}</p>
            <div class="field-row">
                <label class="field">
                    <span>{move || state.tr("settings.rfm_mode")}</span>
                    <select data-testid="setting-rfm-mode" on:change=set_mode>
                        <option value="quantile" selected=move || fixed().is_none()>{move || state.tr("settings.rfm_quantile")}</option>
                        <option value="fixed" selected=move || fixed().is_some()>{move || state.tr("settings.rfm_fixed")}</option>
                    </select>
                </label>
            </div>
            {move || fixed().is_some().then(|| view! {
                <div class="field-row">
                    {list_input("settings.rfm_r", "setting-rfm-r", |f| &mut f.recency_days)}
                    {list_input("settings.rfm_f", "setting-rfm-f", |f| &mut f.orders)}
                    {list_input("settings.rfm_m", "setting-rfm-m", |f| &mut f.revenue)}
                </div>
            })}
        </section>
    }
}

/// Starting cut-offs for `scale` levels (a common choice; the user edits them).
fn default_cutoffs(scale: u8) -> FixedCutoffs {
    let take = |all: &[f64]| all[..usize::from(scale.clamp(3, 5) - 1)].to_vec();
    FixedCutoffs {
        recency_days: take(&[30.0, 90.0, 180.0, 365.0]),
        orders: take(&[2.0, 3.0, 5.0, 10.0]),
        revenue: take(&[100.0, 300.0, 1000.0, 3000.0]),
    }
}

/// Tier weights, cut-offs and names.
#[component]
fn TierSettingsCard(apply: impl Fn(Settings) + Copy + 'static) -> impl IntoView {
    let state = use_app();
    let tiers = move || state.settings.with(|s| s.tiers.clone());
    let change = move |edit: &dyn Fn(&mut Settings, &str), value: String| {
        let mut settings = state.settings.get_untracked();
        edit(&mut settings, &value);
        apply(settings);
    };
    let weight = move |label: &'static str, testid: &'static str, slot: fn(&mut Settings) -> &mut f64| {
        let value = move || number_text(*slot(&mut state.settings.get()));
        view! {
            <label class="field">
                <span>{move || state.tr(label)}</span>
                <input type="number" step="0.05" min="0" data-testid=testid prop:value=value
                    on:change=move |ev| change(&|s, v| *slot(s) = v.parse().unwrap_or(f64::NAN), event_target_value(&ev))/>
            </label>
        }
    };
    let cutoffs = move || {
        let texts: Vec<String> = tiers().cutoffs.iter().map(|c| number_text(*c)).collect();
        texts.join(", ")
    };
    let names = move || tiers().names.join(", ");
    // A new number of cut-offs resizes the names, so the two fields never
    // disagree (docs/product.md#value-tiers).
    let set_cutoffs = move |ev| {
        change(
            &|s, v| s.tiers = s.tiers.with_cutoffs(parse_list(v)),
            event_target_value(&ev),
        )
    };
    let set_count = move |ev| {
        change(
            &|s, v| s.tiers = s.tiers.with_tier_count(v.parse().unwrap_or(3)),
            event_target_value(&ev),
        )
    };
    let count = move || tiers().count();
    let set_names = move |ev| {
        change(
            &|s, v| s.tiers.names = v.split([',', '，']).map(|n| n.trim().to_string()).collect(),
            event_target_value(&ev),
        )
    };
    view! {
        <section class="card settings-card">
            <h3>{move || state.tr("settings.tiers")}</h3>
            <p class="muted">{move || state.tr("settings.tiers_help")}</p>
            <div class="field-row">
                {weight("settings.weight_aov", "setting-weight-aov", |s| &mut s.tiers.weight_aov)}
                {weight("settings.weight_orders", "setting-weight-orders", |s| &mut s.tiers.weight_orders)}
                {weight("settings.weight_revenue", "setting-weight-revenue", |s| &mut s.tiers.weight_revenue)}
            </div>
            <div class="field-row">
                <label class="field">
                    <span>{move || state.tr("settings.tier_count")}</span>
                    <select data-testid="setting-tier-count" on:change=set_count>
                        {TIER_COUNTS.map(|n| view! { <option value=n.to_string() selected=move || count() == n>{n}</option> }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{move || state.tr("settings.tier_cutoffs")}</span>
                    <input type="text" data-testid="setting-tier-cutoffs" prop:value=cutoffs on:change=set_cutoffs/>
                </label>
                <label class="field">
                    <span>{move || state.tr("settings.tier_names")}</span>
                    <input type="text" data-testid="setting-tier-names" prop:value=names on:change=set_names/>
                </label>
            </div>
        </section>
    }
}

/// Export, import, reset and clear.
#[component]
fn ShareCard(apply: impl Fn(Settings) + Copy + 'static, problem: RwSignal<Option<SettingsPageError>>) -> impl IntoView {
    let state = use_app();
    let export = move |_| {
        let json = serde_json::to_string_pretty(&state.settings.get_untracked()).unwrap_or_default();
        download_text("segscope-settings.json", "application/json", &json);
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            match text.as_deref().map(serde_json::from_str::<Settings>) {
                Some(Ok(settings)) => apply(settings),
                _ => problem.set(Some(SettingsPageError::NotSettingsFile { file: file.name() })),
            }
        });
    };
    view! {
        <section class="card settings-card">
            <h3>{move || state.tr("settings.share")}</h3>
            <p class="muted">{move || state.tr("settings.share_help")}</p>
            <div class="field-row">
                <button class="btn btn-secondary" data-testid="export-settings" on:click=export>
                    {move || state.tr("settings.export")}
                </button>
                <label class="btn btn-secondary">
                    {move || state.tr("settings.import")}
                    <input type="file" accept=".json,application/json" class="visually-hidden"
                        data-testid="import-settings" on:change=import/>
                </label>
                <button class="btn btn-ghost" data-testid="reset-settings" on:click=move |_| apply(Settings::default())>
                    {move || state.tr("settings.reset")}
                </button>
                <button class="btn btn-ghost" data-testid="clear-storage" on:click=move |_| clear(apply)>
                    {move || state.tr("settings.clear")}
                </button>
            </div>
        </section>
    }
}

/// Forgets everything stored and returns to the defaults.
fn clear(apply: impl Fn(Settings)) {
    apply(Settings::default());
    prefs::clear_all();
}

/// Why the settings page could not apply what it was given.
#[derive(Debug, Clone, PartialEq)]
enum SettingsPageError {
    /// The settings are not valid.
    Invalid(SettingsError),
    /// An imported file is not a Segscope settings file.
    NotSettingsFile {
        /// The file's name.
        file: String,
    },
}

impl SettingsPageError {
    /// The problem as a sentence in `lang`.
    fn message(&self, lang: Lang) -> String {
        match self {
            SettingsPageError::Invalid(e) => e.message(lang),
            SettingsPageError::NotSettingsFile { file } => {
                t(lang, "settings.problem.not_settings_file").replace("{file}", file)
            }
        }
    }
}

impl fmt::Display for SettingsPageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SettingsPageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SettingsPageError::Invalid(e) => Some(e),
            SettingsPageError::NotSettingsFile { .. } => None,
        }
    }
}

impl From<SettingsError> for SettingsPageError {
    fn from(e: SettingsError) -> Self {
        SettingsPageError::Invalid(e)
    }
}

/// A number as an input shows it: no trailing zeros.
fn number_text(value: f64) -> String {
    format!("{value}")
}

/// `0.2, 0.5` → `[0.2, 0.5]`; an unreadable entry becomes NaN, which
/// validation then names.
fn parse_list(text: &str) -> Vec<f64> {
    text.split([',', ';', ' ', '，'])
        .filter(|part| !part.trim().is_empty())
        .map(|part| part.trim().parse().unwrap_or(f64::NAN))
        .collect()
}
