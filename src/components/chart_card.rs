//! A card holding one chart (SVG from core's renderer, text escaped there) and
//! its SVG and PNG downloads.

use crate::components::chart_svg::ChartSvg;
use crate::download::{download_png, download_text};
use leptos::prelude::*;

/// One chart with its download buttons.
#[component]
pub fn ChartCard(testid: &'static str, file_stem: &'static str, svg: Memo<String>) -> impl IntoView {
    let state = crate::state::use_app();
    let download = move |_| {
        download_text(
            &format!("segscope-{file_stem}.svg"),
            "image/svg+xml",
            &svg.get_untracked(),
        )
    };
    let download_png = move |_| download_png(&format!("segscope-{file_stem}.png"), &svg.get_untracked());
    view! {
        <figure class="card chart" data-testid=testid>
            <ChartSvg svg=svg/>
            <figcaption class="chart-actions">
                <button class="btn btn-small" data-testid="download-svg" on:click=download>
                    {move || state.tr("action.download_svg")}
                </button>
                <button class="btn btn-small" data-testid="download-png" on:click=download_png>
                    {move || state.tr("action.download_png")}
                </button>
            </figcaption>
        </figure>
    }
}
