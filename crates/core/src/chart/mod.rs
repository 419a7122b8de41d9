//! Charts as deterministic SVG strings, rendered without any external crate so
//! they run in a Web Worker: every mark carries a `<title>` for hover, every
//! chart an accessible name and description, and all text comes from the
//! i18n table or is escaped user text.

mod frame;
mod palette;
mod rf_heatmap;
mod svg;
mod tier_chart;

pub use rf_heatmap::rf_heatmap;
pub use tier_chart::tier_distribution;
