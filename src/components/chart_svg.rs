//! The one place the page inserts markup: chart SVG rendered by
//! `segscope-chart`'s SVG writer, which escapes every text it writes (file
//! values and setting names included; `crates/report/tests/summary_charts.rs`
//! and `chart_escaping.rs` check it). Nothing else may reach `inner_html`.

use leptos::prelude::*;

/// An inline chart drawn by segscope-chart's SVG writer (text escaped there).
#[component]
pub fn ChartSvg(svg: Memo<String>) -> impl IntoView {
    view! { <div class="chart-svg" inner_html=move || svg.get()></div> }
}
