//! The dashboard: KPIs, charts, tables, data quality and exports.

use crate::charts;
use crate::components::chart_card::ChartCard;
use crate::components::kpi_cards::KpiCards;
use crate::components::segment_table::SegmentTable;
use crate::components::settings_bar::SettingsBar;
use crate::components::tier_table::TierTable;
use crate::format;
use crate::pages::after_sales::AfterSalesPage;
use crate::pages::clusters::ClustersPage;
use crate::pages::clv::ClvPage;
use crate::pages::demographics::DemographicsPage;
use crate::pages::engagement::EngagementPage;
use crate::pages::explorer::ExplorerPage;
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
use crate::pages::tiers::TiersPage;
use crate::state::{use_app, Tab};
use crate::worker;
use leptos::prelude::*;
use segscope_session::protocol::SessionRequest;

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
    };
    view! {
        <section class="dashboard">
            <div class="dash-head">
                <Tabs/>
                <span class="muted" data-testid="timings">{timing_text}</span>
                <button class="btn btn-ghost" data-testid="export-analysis-json"
                    on:click=move |_| worker::ask(SessionRequest::ExportAnalysis)>
                    {move || state.tr("action.export_json")}
                </button>
                <button class="btn btn-primary" data-testid="export-customers-csv"
                    on:click=move |_| worker::ask(SessionRequest::ExportCustomers)>
                    {move || state.tr("action.export_csv")}
                </button>
            </div>
            {page}
        </section>
    }
}

/// "read in … · segmented in …" for the last load.
fn timing_text() -> String {
    let state = use_app();
    let t = state.timings.get();
    let lang = state.lang.get();
    format!(
        "{} {} · {} {}",
        state.tr("dash.parsed_in"),
        format::duration(t.parse_ms, lang),
        state.tr("dash.analyzed_in"),
        format::duration(t.analyze_ms, lang)
    )
}

/// The tab buttons.
#[component]
fn Tabs() -> impl IntoView {
    let state = use_app();
    let buttons = Tab::ALL
        .into_iter()
        .map(|tab| {
            view! {
                <button role="tab" class="tab" data-testid=tab.testid()
                    aria-selected=move || (state.tab.get() == tab).to_string()
                    class:tab-active=move || state.tab.get() == tab
                    on:click=move |_| state.tab.set(tab)>
                    {move || state.tr(tab.i18n_key())}
                </button>
            }
        })
        .collect_view();
    view! { <div class="tabs" role="tablist">{buttons}</div> }
}

/// The overview page: settings, KPIs, charts and tables.
#[component]
fn Overview() -> impl IntoView {
    let state = use_app();
    let tier_svg = charts::tier_chart(state);
    let rf_svg = charts::rf_chart(state);
    view! {
        <div class="page" data-testid="page-overview">
            <SettingsBar/>
            <KpiCards/>
            <div class="grid-2">
                <ChartCard testid="chart-tiers" file_stem="tiers" svg=tier_svg/>
                <ChartCard testid="chart-rf" file_stem="rfm-grid" svg=rf_svg/>
            </div>
            <div class="grid-2">
                <TierTable/>
                <SegmentTable/>
            </div>
        </div>
    }
}
