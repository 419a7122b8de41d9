//! Charts as deterministic SVG strings, rendered without any external crate so
//! they run in a Web Worker: every mark carries a `<title>` for hover, every
//! chart an accessible name and description, and all text comes from the
//! i18n table or is escaped user text.
//!
//! Besides the analysis charts there are generic kinds that take plain,
//! already-localized data ([`ChartText`], [`Series`], [`ValueFormat`]), so
//! any page can draw bars, shares, funnels, histograms and heatmaps.

mod audience_charts;
mod bars;
mod frame;
mod funnel;
mod heatmap;
mod histogram;
mod inputs;
mod migration_chart;
mod model_charts;
mod palette;
mod parts;
mod rf_heatmap;
mod scale;
mod scatter;
mod stacked;
mod summary_charts;
mod svg;
mod tier_chart;

pub use audience_charts::{
    affinity, band_display_name, category_interest, demographic_bands, demographic_by_stage, demographic_by_tier,
    engagement_levels, engagement_trend, event_kinds, journey, lead_funnel, lead_stages,
};
pub use bars::{bar_chart, horizontal_bars};
pub use funnel::{funnel, FunnelColumns};
pub use heatmap::heatmap;
pub use histogram::histogram;
pub use inputs::{ChartText, Series, ValueFormat};
pub use migration_chart::migration_matrix;
pub use model_charts::{clv_by_source, clv_distribution, holdout_by_frequency, silhouette_by_k};
pub use rf_heatmap::rf_heatmap;
pub use scatter::{cluster_scatter, MAX_POINTS};
pub use stacked::stacked_share_bars;
pub use summary_charts::{
    cohort_retention, level_display_name, lifecycle_funnel, lifecycle_stages, membership_levels, purchase_gaps,
    refunds_by_segment, segment_monetary, source_display_name, source_revenue, source_tier_mix, time_to_second,
};
pub use tier_chart::tier_distribution;
