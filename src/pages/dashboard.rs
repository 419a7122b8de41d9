//! The dashboard: KPIs, charts, tables, data quality and exports.

use crate::charts;
use crate::components::chart_card::ChartCard;
use crate::components::kpi_cards::KpiCards;
use crate::components::segment_table::SegmentTable;
use crate::components::settings_bar::SettingsBar;
use crate::components::tier_table::TierTable;
use crate::components::warehouse_sql::WarehouseSql;
use crate::pages::after_sales::AfterSalesPage;
use crate::pages::clusters::ClustersPage;
use crate::pages::clv::ClvPage;
use crate::pages::demographics::DemographicsPage;
use crate::pages::engagement::EngagementPage;
use crate::pages::explorer::ExplorerPage;
use crate::pages::feedback::FeedbackPage;
use crate::pages::interest::InterestPage;
use crate::pages::leads::LeadsPage;
use crate::pages::lifecycle::LifecyclePage;
use crate::pages::membership::MembershipPage;
use crate::pages::migration::MigrationPage;
use crate::pages::quality::QualityPage;
use crate::pages::repeat::RepeatPage;
use crate::pages::report::ReportPage;
use crate::pages::rfm::RfmPage;
use crate::pages::segments::SegmentsPage;
use crate::pages::settings::SettingsPage;
use crate::pages::sources::SourcesPage;
use crate::pages::survey::SurveyPage;
use crate::pages::tiers::TiersPage;
use crate::state::{use_app, Tab};
use crate::worker;
use leptos::prelude::*;
use segscope_session::protocol::SessionRequest;
use wasm_bindgen::JsCast;

/// Dashboard screen: tabs over the pages of the analysis.
#[component]
pub fn Dashboard() -> impl IntoView {
    let state = use_app();
    let page = move || match state.tab.get() {
        Tab::Overview => view! { <Overview/> }.into_any(),
        Tab::Quality => view! { <QualityPage/> }.into_any(),
        Tab::Settings => view! { <SettingsPage/> }.into_any(),
        Tab::Customers => view! { <ExplorerPage/> }.into_any(),
        Tab::Report => view! { <ReportPage/> }.into_any(),
        Tab::Tiers => view! { <TiersPage/> }.into_any(),
        Tab::Rfm => view! { <RfmPage/> }.into_any(),
        Tab::Membership => view! { <MembershipPage/> }.into_any(),
        Tab::Lifecycle => view! { <LifecyclePage/> }.into_any(),
        Tab::Sources => view! { <SourcesPage/> }.into_any(),
        Tab::Leads => view! { <LeadsPage/> }.into_any(),
        Tab::Engagement => view! { <EngagementPage/> }.into_any(),
        Tab::Interest => view! { <InterestPage/> }.into_any(),
        Tab::Demographics => view! { <DemographicsPage/> }.into_any(),
        Tab::Clusters => view! { <ClustersPage/> }.into_any(),
        Tab::Clv => view! { <ClvPage/> }.into_any(),
        Tab::Segments => view! { <SegmentsPage/> }.into_any(),
        Tab::Migration => view! { <MigrationPage/> }.into_any(),
        Tab::Repeat => view! { <RepeatPage/> }.into_any(),
        Tab::AfterSales => view! { <AfterSalesPage/> }.into_any(),
        Tab::Survey => view! { <SurveyPage/> }.into_any(),
        Tab::Feedback => view! { <FeedbackPage/> }.into_any(),
    };
    view! {
        <section class="dashboard">
            <div class="dash-head">
                <Tabs/>
                <WarehouseSql/>
                <button class="btn btn-ghost" data-testid="export-analysis-json"
                    on:click=move |_| worker::ask(SessionRequest::ExportAnalysis)>
                    {move || state.tr("action.export_json")}
                </button>
                <button class="btn btn-primary" data-testid="export-customers-csv"
                    on:click=move |_| worker::ask(SessionRequest::ExportCustomers)>
                    {move || state.tr("action.export_csv")}
                </button>
            </div>
            <div role="tabpanel" id="tab-panel" tabindex="-1"
                aria-labelledby=move || state.tab.get().testid()>
                <p class="page-intro" data-testid="page-intro">{move || state.tr(state.tab.get().intro_key())}</p>
                {page}
            </div>
        </section>
    }
}

/// The tab buttons: a WAI-ARIA tablist. Only the selected tab is in the Tab
/// order; arrow keys, Home and End move between tabs (selecting them), and
/// when the dashboard appears (after the demo or an analysis) focus lands on
/// the selected tab instead of dropping to the page body.
#[component]
fn Tabs() -> impl IntoView {
    let state = use_app();
    let list = NodeRef::<leptos::html::Div>::new();
    // By id, so that it does not wait for the selection to reach the DOM.
    let focus_tab = move |tab: Tab| {
        if let Some(button) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(tab.testid()))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = button.focus();
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let current = state.tab.get_untracked() as usize;
        let last = Tab::ALL.len() - 1;
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (current + 1) % Tab::ALL.len(),
            "ArrowLeft" | "ArrowUp" => current.checked_sub(1).unwrap_or(last),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        state.tab.set(Tab::ALL[next]);
        focus_tab(Tab::ALL[next]);
    };
    Effect::new(move |_| {
        let body_has_focus = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
        if list.get().is_some() && body_has_focus {
            // In the next frame: focusing lays the page out at once, and the
            // dashboard just built is large (a task of its own, not a longer one).
            let tab = state.tab.get_untracked();
            request_animation_frame(move || focus_tab(tab));
        }
    });
    let buttons = Tab::ALL
        .into_iter()
        .map(|tab| {
            let selected = move || state.tab.get() == tab;
            view! {
                <button role="tab" class="tab" data-testid=tab.testid() id=tab.testid()
                    aria-selected=move || selected().to_string() aria-controls="tab-panel"
                    tabindex=move || if selected() { "0" } else { "-1" }
                    class:tab-active=selected
                    on:click=move |_| state.tab.set(tab)>
                    {move || state.tr(tab.i18n_key())}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="tabs" role="tablist" node_ref=list on:keydown=on_keydown
            aria-label=move || state.tr("tab.list")>{buttons}</div>
    }
}

/// The overview page: settings, KPIs, charts and tables.
#[component]
fn Overview() -> impl IntoView {
    let state = use_app();
    let tier_svg = charts::tier_chart(state);
    let rf_svg = charts::rf_chart(state);
    // The charts follow a frame after the settings and KPIs, and the tables a
    // frame after the charts: the page is built and laid out in three tasks
    // rather than one (docs/product.md#budgets).
    let charts_shown = RwSignal::new(false);
    let tables_shown = RwSignal::new(false);
    request_animation_frame(move || {
        charts_shown.set(true);
        request_animation_frame(move || tables_shown.set(true));
    });
    view! {
        <div class="page" data-testid="page-overview">
            <SettingsBar/>
            <KpiCards/>
            <Show when=move || charts_shown.get()>
                <div class="grid-2">
                    <ChartCard testid="chart-tiers" file_stem="tiers" svg=tier_svg/>
                    <ChartCard testid="chart-rf" file_stem="rfm-grid" svg=rf_svg/>
                </div>
            </Show>
            <Show when=move || tables_shown.get()>
                <TierTable/>
                <SegmentTable/>
            </Show>
        </div>
    }
}
