//! The leads page (docs/product.md#lead-stages, docs/product.md#analyses-and-charts): customers per lead stage with a list per
//! stage, the lead funnel overall and per source, the whole customer
//! journey, and the event → stage map.

use crate::charts::summary_chart;
use crate::components::chart_card::ChartCard;
use crate::components::enum_select::EnumSelect;
use crate::components::events_empty::EventsEmpty;
use crate::components::label_counts::LabelCountTable;
use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use segscope_engine::audience::LeadStage;
use segscope_engine::explore::CustomerQuery;
use segscope_engine::settings::LeadStep;
use segscope_model::EventKind;
use segscope_report as chart;

/// The leads page.
#[component]
pub fn LeadsPage() -> impl IntoView {
    let state = use_app();
    let source_count = move || {
        state
            .summary
            .with(|s| s.as_ref().map_or(0, |s| s.audience.lead_funnel_by_source.len()))
    };
    let per_source = move || {
        (0..source_count())
            .map(|i| {
                let svg = summary_chart(state, move |s, lang| chart::lead_funnel(s, Some(i), lang));
                view! { <ChartCard testid="chart-lead-funnel-source" file_stem="lead-funnel-source" svg=svg/> }
            })
            .collect_view()
    };
    view! {
        <div class="page" data-testid="page-leads">
            <EventsEmpty/>
            <div class="grid-2">
                <ChartCard testid="chart-leads" file_stem="lead-stages" svg=summary_chart(state, chart::lead_stages)/>
                <StageTable/>
            </div>
            <div class="grid-2">
                <ChartCard testid="chart-lead-funnel" file_stem="lead-funnel"
                    svg=summary_chart(state, |s, lang| chart::lead_funnel(s, None, lang))/>
                <ChartCard testid="chart-journey" file_stem="journey" svg=summary_chart(state, chart::journey)/>
            </div>
            <h3>{move || state.tr("leads.by_source")}</h3>
            <div class="grid-2">{per_source}</div>
            <StageMap/>
        </div>
    }
}

/// Customers per stage, each with a button opening its list in the explorer.
#[component]
fn StageTable() -> impl IntoView {
    let state = use_app();
    let counts = Signal::derive(move || {
        state
            .summary
            .with(|s| s.as_ref().map(|s| s.audience.leads.clone()).unwrap_or_default())
    });
    view! {
        <LabelCountTable title_key="leads.title" column_key="reason.scheme.lead"
            labels=LeadStage::ALL.to_vec() counts=counts label_key=LeadStage::i18n_key
            row_testid="lead-row"
            list_testid=|stage| format!("lead-list-{}", stage.english_name().to_lowercase())
            narrow=|stage| CustomerQuery { lead_stages: vec![stage], ..CustomerQuery::default() }>
            <p class="muted">{move || state.tr("leads.rules")}</p>
        </LabelCountTable>
    }
}

/// The event → stage map and the two special rules, editable.
#[component]
fn StageMap() -> impl IntoView {
    let state = use_app();
    let problem = RwSignal::new(None::<String>);
    let apply = move |edit: Box<dyn FnOnce(&mut segscope_engine::settings::Settings)>| {
        worker::edit_settings(state, problem, edit)
    };
    let steps = [
        LeadStep::Ignore,
        LeadStep::Awareness,
        LeadStep::Consideration,
        LeadStep::Decision,
    ];
    let step_key: fn(LeadStep) -> &'static str = |step| match step {
        LeadStep::Ignore => "lead_step.ignore",
        LeadStep::Awareness => "lead.awareness",
        LeadStep::Consideration => "lead.consideration",
        LeadStep::Decision => "lead.decision",
    };
    let rows = EventKind::ALL
        .into_iter()
        .map(|kind| {
            view! {
                <label class="inline-field">
                    {move || state.tr(kind.i18n_key())}
                    <EnumSelect options=steps.to_vec() label=step_key
                        current=Signal::derive(move || state.settings.with(|s| s.leads.step(kind)))
                        on_pick=Callback::new(move |step| {
                            apply(Box::new(move |s| {
                                s.leads.stage_of.insert(kind, step);
                            }))
                        })
                        testid=format!("lead-map-{}", kind.english_name())/>
                </label>
            }
        })
        .collect_view();
    let views = move || {
        state
            .settings
            .with(|s| s.leads.product_views_for_consideration.to_string())
    };
    let cart = move || state.settings.with(|s| s.leads.recent_cart_days.to_string());
    let on_views = move |ev: leptos::ev::Event| {
        let n = event_target_value(&ev).trim().parse().unwrap_or(0);
        apply(Box::new(move |s| s.leads.product_views_for_consideration = n));
    };
    let on_cart = move |ev: leptos::ev::Event| {
        let n = event_target_value(&ev).trim().parse().unwrap_or(0);
        apply(Box::new(move |s| s.leads.recent_cart_days = n));
    };
    view! {
        <section class="card" data-testid="lead-map">
            <h3>{move || state.tr("leads.map")}</h3>
            <div class="field-grid">{rows}</div>
            <label class="inline-field">
                {move || state.tr("leads.views")}
                <input type="number" min="1" data-testid="setting-lead-views" prop:value=views on:change=on_views/>
            </label>
            <label class="inline-field">
                {move || state.tr("leads.cart_days")}
                <input type="number" min="0" data-testid="setting-lead-cart-days" prop:value=cart on:change=on_cart/>
            </label>
            {move || problem.get().map(|p| view! { <p class="notice notice-error" role="alert">{p}</p> })}
        </section>
    }
}
