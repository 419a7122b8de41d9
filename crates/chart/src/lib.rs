//! Charts as deterministic SVG strings, rendered without any external crate so
//! they run in a Web Worker: every mark carries a `<title>` for hover, every
//! chart an accessible name and description, and all text comes from the
//! i18n table or is escaped user text.
//!
//! The kinds here take plain, already-localized data ([`ChartText`],
//! [`Series`], [`ValueFormat`]) and know nothing of the engine, so any page
//! can draw bars, shares, funnels, histograms, heatmaps and intervals; the building
//! blocks (frame, axes, scales, palette, SVG writer) are public for the
//! dashboard charts of `segscope-report`.

mod bars;
pub mod frame;
mod funnel;
pub mod heatmap;
mod histogram;
pub mod inputs;
mod intervals;
pub mod palette;
pub mod parts;
pub mod scale;
mod stacked;
pub mod svg;
pub mod texts;

pub use bars::{bar_chart, horizontal_bars};
pub use funnel::{funnel, FunnelColumns};
pub use heatmap::heatmap;
pub use histogram::histogram;
pub use inputs::{ChartText, Series, ValueFormat};
pub use intervals::{interval_rows, IntervalRow};
pub use stacked::stacked_share_bars;
