//! The RFM page: the R×F grid, average M per segment, the segment table with
//! each segment's recommended action, and the editable playbook.

use crate::charts::{rf_chart, summary_chart};
use crate::components::chart_card::ChartCard;
use crate::components::playbook::PlaybookCard;
use crate::components::segment_table::SegmentTable;
use crate::state::use_app;
use leptos::prelude::*;
use segscope_report as chart;

/// The RFM page.
#[component]
pub fn RfmPage() -> impl IntoView {
    let state = use_app();
    view! {
        <div class="page" data-testid="page-rfm">
            <div class="grid-2">
                <ChartCard testid="chart-rf" file_stem="rfm-grid" svg=rf_chart(state)/>
                <ChartCard testid="chart-segment-m" file_stem="segment-monetary"
                    svg=summary_chart(state, chart::segment_monetary)/>
            </div>
            <SegmentTable/>
            <PlaybookCard/>
        </div>
    }
}
