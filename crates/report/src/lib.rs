//! The dashboard's charts: engine summaries (tiers, segments, stages,
//! audience, models, migration) turned into the generic chart kinds of
//! `segscope-chart`, with localized titles, and the display names of the
//! labels they show.

mod audience_charts;
mod feedback_charts;
mod migration_chart;
mod model_charts;
mod rf_heatmap;
mod scatter;
mod summary_charts;
mod survey_charts;
pub mod texts;
mod tier_chart;

pub use audience_charts::{
    affinity, category_interest, demographic_bands, demographic_by_stage, demographic_by_tier, engagement_levels,
    engagement_trend, event_kinds, journey, lead_funnel, lead_stages,
};
pub use feedback_charts::{feedback_heatmap, feedback_themes};
pub use migration_chart::migration_matrix;
pub use model_charts::{clv_by_source, clv_distribution, holdout_by_frequency, silhouette_by_k};
pub use rf_heatmap::rf_heatmap;
pub use scatter::cluster_scatter;
pub use summary_charts::{
    cohort_retention, lifecycle_funnel, lifecycle_stages, membership_levels, purchase_gaps, refunds_by_segment,
    segment_monetary, source_revenue, source_tier_mix, time_to_second,
};
pub use survey_charts::{class_nps, survey_scores, SurveyScore};
pub use tier_chart::tier_distribution;
