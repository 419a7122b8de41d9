//! The demographics page (docs/product.md#analyses-and-charts): one dimension at a time (age, gender,
//! income, occupation, region), its bands crossed with value tier and
//! lifecycle stage; income bands editable.

use crate::components::chart_card::ChartCard;
use crate::components::enum_select::EnumSelect;
use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use segscope_engine::audience::Dimension;
use segscope_engine::Summary;
use segscope_i18n::Lang;
use segscope_report as chart;

/// The demographics page.
#[component]
pub fn DemographicsPage() -> impl IntoView {
    let state = use_app();
    let dimension = RwSignal::new(Dimension::Age);
    let known = move || {
        state.summary.with(|s| {
            let s = s.as_ref()?;
            let split = s
                .audience
                .demographics
                .iter()
                .find(|d| d.dimension == dimension.get())?;
            Some(
                state
                    .tr("demo.known")
                    .replace("{n}", &segscope_model::format::count(split.known))
                    .replace("{total}", &segscope_model::format::count(s.kpis.customers)),
            )
        })
    };
    let bands = dimension_chart(dimension, chart::demographic_bands);
    let tiers = dimension_chart(dimension, chart::demographic_by_tier);
    let stages = dimension_chart(dimension, chart::demographic_by_stage);
    view! {
        <div class="page" data-testid="page-demographics">
            <div class="card settings-bar">
                <label class="inline-field">
                    {move || state.tr("demo.dimension")}
                    <EnumSelect options=Dimension::ALL.to_vec() current=dimension label=Dimension::i18n_key
                        on_pick=Callback::new(move |d| dimension.set(d)) testid="demo-dimension"/>
                </label>
                <span class="muted" data-testid="demo-known">{known}</span>
                <IncomeBands/>
            </div>
            <div class="grid-2">
                <ChartCard testid="chart-demo-bands" file_stem="demographic-bands" svg=bands/>
                <ChartCard testid="chart-demo-tiers" file_stem="demographic-tiers" svg=tiers/>
            </div>
            <div class="grid-2">
                <ChartCard testid="chart-demo-stages" file_stem="demographic-stages" svg=stages/>
            </div>
        </div>
    }
}

/// A chart of the dimension in view, following it, the summary and the language.
fn dimension_chart(dimension: RwSignal<Dimension>, render: fn(&Summary, Dimension, Lang) -> String) -> Memo<String> {
    let state = use_app();
    Memo::new(move |_| {
        let d = dimension.get();
        let lang = state.lang.get();
        state
            .summary
            .with(|s| s.as_ref().map(|s| render(s, d, lang)))
            .unwrap_or_default()
    })
}

/// Income band boundaries: blank = the data's quartiles.
#[component]
fn IncomeBands() -> impl IntoView {
    let state = use_app();
    let problem = RwSignal::new(None::<String>);
    let current = move || {
        state.settings.with(|s| {
            s.demographics
                .income_bounds
                .as_ref()
                .map(|b| b.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", "))
                .unwrap_or_default()
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let mut settings = state.settings.get_untracked();
        settings.demographics.income_bounds = if text.trim().is_empty() {
            None
        } else {
            Some(
                text.split([',', '，', ' '])
                    .filter(|p| !p.trim().is_empty())
                    .map(|p| p.trim().parse().unwrap_or(f64::NAN))
                    .collect(),
            )
        };
        worker::offer_settings(state, problem, settings);
    };
    view! {
        <label class="inline-field">
            {move || state.tr("demo.income_bounds")}
            <input type="text" data-testid="setting-income-bounds" prop:value=current on:change=on_change
                placeholder=move || state.tr("life.auto")/>
        </label>
        {move || problem.get().map(|p| view! { <p class="notice notice-error" role="alert">{p}</p> })}
    }
}
