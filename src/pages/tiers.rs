//! The value-tier page: distribution and revenue share, and the tier mix of
//! each acquisition source.

use crate::charts::{summary_chart, tier_chart};
use crate::components::chart_card::ChartCard;
use crate::components::tier_table::TierTable;
use crate::state::use_app;
use leptos::prelude::*;
use segscope_report as chart;

/// The tiers page.
#[component]
pub fn TiersPage() -> impl IntoView {
    let state = use_app();
    view! {
        <div class="page" data-testid="page-tiers">
            <div class="grid-2">
                <ChartCard testid="chart-tiers" file_stem="tiers" svg=tier_chart(state)/>
                <TierTable/>
            </div>
            <ChartCard testid="chart-tier-mix" file_stem="tier-mix-by-source"
                svg=summary_chart(state, chart::source_tier_mix)/>
        </div>
    }
}
