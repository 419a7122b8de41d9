//! The dashboard's charts as memos of SVG text, rendered by core's chart
//! module in the current language; shared by the pages and the report.

use crate::state::AppState;
use leptos::prelude::*;
use segscope_engine::Summary;
use segscope_i18n::Lang;
use segscope_report as chart;

/// A chart of the summary that follows the summary and the language.
pub fn summary_chart(
    state: AppState,
    render: impl Fn(&Summary, Lang) -> String + Send + Sync + 'static,
) -> Memo<String> {
    Memo::new(move |_| {
        state
            .summary
            .with(|s| s.as_ref().map(|s| render(s, state.lang.get())))
            .unwrap_or_default()
    })
}

/// Customers and revenue share per value tier.
pub fn tier_chart(state: AppState) -> Memo<String> {
    summary_chart(state, chart::tier_distribution)
}

/// The R×F grid heatmap.
pub fn rf_chart(state: AppState) -> Memo<String> {
    summary_chart(state, chart::rf_heatmap)
}
