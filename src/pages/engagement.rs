//! The engagement page (docs/product.md#engagement): levels with their windows, the monthly
//! trend of customers interacting, and events per type.

use crate::charts::summary_chart;
use crate::components::chart_card::ChartCard;
use crate::components::events_empty::EventsEmpty;
use crate::components::label_counts::LabelCountTable;
use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use segscope_engine::audience::Engagement;
use segscope_engine::explore::CustomerQuery;
use segscope_report as chart;

/// The engagement page.
#[component]
pub fn EngagementPage() -> impl IntoView {
    let state = use_app();
    let counts = Signal::derive(move || {
        state
            .summary
            .with(|s| s.as_ref().map(|s| s.audience.engagement.clone()).unwrap_or_default())
    });
    view! {
        <div class="page" data-testid="page-engagement">
            <EventsEmpty/>
            <Windows/>
            <div class="grid-2">
                <ChartCard testid="chart-engagement" file_stem="engagement" svg=summary_chart(state, chart::engagement_levels)/>
                <LabelCountTable title_key="engagement.title" column_key="reason.scheme.engagement"
                    labels=Engagement::ALL.to_vec() counts=counts label_key=Engagement::i18n_key
                    row_testid="engagement-row"
                    list_testid=|level| format!("engagement-list-{}", level.english_name().to_lowercase())
                    narrow=|level| CustomerQuery { engagement: vec![level], ..CustomerQuery::default() }/>
            </div>
            <div class="grid-2">
                <ChartCard testid="chart-engagement-trend" file_stem="engagement-trend"
                    svg=summary_chart(state, chart::engagement_trend)/>
                <ChartCard testid="chart-event-kinds" file_stem="event-kinds" svg=summary_chart(state, chart::event_kinds)/>
            </div>
        </div>
    }
}

/// The active and silent windows.
#[component]
fn Windows() -> impl IntoView {
    let state = use_app();
    let problem = RwSignal::new(None::<String>);
    let apply = move |active: Option<u32>, silent: Option<u32>| {
        let mut settings = state.settings.get_untracked();
        if let Some(a) = active {
            settings.engagement.active_days = a;
        }
        if let Some(s) = silent {
            settings.engagement.silent_days = s;
        }
        worker::offer_settings(state, problem, settings);
    };
    let number = |ev: &leptos::ev::Event| event_target_value(ev).trim().parse().unwrap_or(0);
    let active = move || state.settings.with(|s| s.engagement.active_days.to_string());
    let silent = move || state.settings.with(|s| s.engagement.silent_days.to_string());
    view! {
        <div class="card settings-bar">
            <label class="inline-field">
                {move || state.tr("engagement.active_days")}
                <input type="number" min="1" data-testid="setting-engagement-active" prop:value=active
                    on:change=move |ev| apply(Some(number(&ev)), None)/>
            </label>
            <label class="inline-field">
                {move || state.tr("engagement.silent_days")}
                <input type="number" min="1" data-testid="setting-engagement-silent" prop:value=silent
                    on:change=move |ev| apply(None, Some(number(&ev)))/>
            </label>
            {move || problem.get().map(|p| view! { <p class="notice notice-error" role="alert">{p}</p> })}
        </div>
    }
}
