//! Analysis: per-customer metrics, RFM scores and segments, value tiers,
//! membership levels, lifecycle stages, the playbook and the dashboard
//! summary, as small pure functions over the columnar dataset.

pub mod analyses;
mod as_of;
pub mod audience;
pub mod briefing;
pub mod clv;
pub mod custom;
pub mod explore;
pub mod feedback;
#[cfg(test)]
mod fixture;
pub mod kmeans;
mod labels;
mod lifecycle;
mod membership;
mod metrics;
pub mod models;
pub mod names;
pub mod plan;
pub mod playbook;
mod rank;
mod rfm;
mod rng;
pub mod settings;
mod summary;
pub mod survey;
pub mod texts;
mod tiers;

pub use analyses::after_sales::{AfterSales, RefundRate, Returner};
pub use analyses::day_histogram::{DayHistogram, GAP_BINS};
pub use analyses::kpis::Kpis;
pub use analyses::repeat::{CohortTable, RepeatStats};
pub use analyses::sources::SourceStat;
pub use as_of::{default_as_of, latest_dated_day, resolve_as_of};
pub use labels::Labels;
pub use lifecycle::{ActiveWindow, Funnel, LifecycleStage, LifecycleStats, StageStat};
pub use membership::{level_of, what_if, LevelStat, WhatIf};
pub use metrics::{CustomerMetrics, Headline};
pub use names::{
    band_display_name, class_display_name, level_display_name, source_display_name, theme_display_name,
    tier_display_name,
};
pub use rfm::segment::RfmSegment;
pub use rfm::stats::{RfCell, SegmentStat};
pub use summary::Summary;
pub use tiers::stats::{TierStat, NO_PURCHASE};
pub use tiers::{integer_weights, Share, DECIMAL_SCALE};

use crate::settings::Settings;
use audience::{AudienceLabels, AudienceSummary};
use labels::LifecycleInput;
use metrics::customer_events::CustomerEvents;
use metrics::customer_orders::CustomerOrders;
use segscope_model::{Dataset, Day};
use serde::{Deserialize, Serialize};
use summary::SummaryInput;

/// The result of one analysis run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The as-of day in force; later orders were left out.
    pub as_of: Day,
    /// Per-customer metrics.
    pub metrics: CustomerMetrics,
    /// Per-customer labels.
    pub labels: Labels,
    /// Per-customer membership points (for the what-if view).
    pub points: Vec<f64>,
    /// Dashboard totals.
    pub summary: Summary,
    /// Per-customer demographic bands, in [`audience::Dimension::ALL`] order.
    pub bands: Vec<audience::Banding>,
    /// The fitted models, once fitted (see [`models`]).
    #[serde(skip)]
    pub models: Option<models::Models>,
    /// The custom segments, once applied (see [`custom`]).
    #[serde(skip)]
    pub custom: Option<custom::rules::SegmentAssignment>,
    /// The settings the analysis ran under (the explorer's migration filter
    /// compares labels under the same settings).
    pub settings: Settings,
}

/// Analyses `dataset` under `settings` (already checked by
/// [`Settings::validate`]; out-of-range values are clamped, never a panic).
pub fn run(dataset: &Dataset, settings: &Settings) -> Analysis {
    let default_as_of = default_as_of(dataset);
    let as_of = resolve_as_of(dataset, settings);
    let orders = CustomerOrders::collect(dataset, as_of);
    let events = CustomerEvents::collect(dataset, as_of);
    let mut metrics = CustomerMetrics::from_orders(&orders, dataset.categories.len(), as_of);
    metrics.add_totals(&dataset.totals, as_of);
    if !events.is_empty() {
        metrics.favorite_category = audience::weighted_favourites(&orders, &events, dataset.categories.len(), settings);
    }
    let buyers = metrics.buyers();
    let gaps = DayHistogram::of(orders.gaps());
    let window = lifecycle::active_window(gaps.median_days, &settings.lifecycle);
    let points = membership::points(dataset, &metrics, &settings.membership);
    let mut labels = Labels::assign(
        dataset,
        &metrics,
        &buyers,
        settings,
        &LifecycleInput {
            as_of,
            window: &window,
            points: &points,
        },
    );
    let audience = AudienceLabels::assign(dataset, &metrics, &events, as_of, settings);
    labels.add_audience(audience, !events.is_empty());
    let feedback = feedback::collect(dataset, &settings.themes);
    labels.add_survey(
        survey::customer_answers(dataset, metrics.len()),
        feedback::customer_themes(&feedback, metrics.len()),
    );
    let mut summary = Summary::build(SummaryInput {
        dataset,
        settings,
        metrics: &metrics,
        buyers: &buyers,
        labels: &labels,
        as_of,
        default_as_of,
        dated: settings.as_of.is_some() || latest_dated_day(dataset).is_some(),
        orders: &orders,
        gaps,
        window,
    });
    summary.feedback = feedback::summarize(dataset, &feedback, &labels, summary.tiers.len(), &settings.themes);
    let bands = audience::bandings(dataset, as_of, &settings.demographics);
    summary.audience = AudienceSummary::build(&audience::AudienceInput {
        dataset,
        settings,
        metrics: &metrics,
        labels: &labels,
        orders: &orders,
        events: &events,
        as_of,
        bands: &bands,
    });
    Analysis {
        as_of,
        metrics,
        labels,
        points,
        summary,
        bands,
        models: None,
        custom: None,
        settings: settings.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use segscope_model::OrderStatus;

    #[test]
    fn empty_dataset_gives_an_empty_analysis() {
        let a = run(&Dataset::default(), &Settings::default());
        assert_eq!(a.as_of, 0);
        // Nothing is dated, so no as-of date is claimed.
        assert_eq!(a.summary.as_of, "");
        assert_eq!(a.summary.first_order_date, None);
        assert_eq!(a.summary.kpis.customers, 0);
        assert_eq!(a.summary.tiers.len(), 4);
        assert!(a.summary.tiers.iter().all(|t| t.customers == 0));
        assert_eq!(a.summary.rf_grid.len(), 25);
        assert_eq!(a.summary.segments.len(), 11);
        assert!(a.labels.tier.is_empty());
    }

    #[test]
    fn as_of_leaves_later_orders_out_of_everything() {
        // Day 19727 is 2024-01-05.
        let mut d = fixture::paid(&["a", "b"], &[(0, 19_720, 10.0), (0, 19_730, 99.0), (1, 19_729, 5.0)]);
        d.orders.push(0, 19_731, 3.0, OrderStatus::Refunded);
        let settings = Settings {
            as_of: chrono::NaiveDate::from_ymd_opt(2024, 1, 5),
            ..Settings::default()
        };
        let a = run(&d, &settings);
        assert_eq!(a.as_of, 19_727);
        assert_eq!(a.summary.as_of, "2024-01-05");
        assert_eq!(a.summary.default_as_of, "2024-01-10");
        assert_eq!(a.summary.last_order_date.as_deref(), Some("2024-01-09"));
        assert_eq!(a.metrics.revenue, vec![10.0, 0.0]);
        assert_eq!(a.metrics.recency_days, vec![Some(7), None]);
        assert_eq!(a.summary.kpis.buyers, 1);
        assert_eq!(a.summary.kpis.refunded_orders, 0);
        assert_eq!(a.labels.tier, vec![Some(0), None]);
        assert_eq!(a.labels.segment[1], None);
    }

    #[test]
    fn one_buyer_is_high_value_and_lost() {
        let a = run(&fixture::paid(&["solo"], &[(0, 3, 12.5)]), &Settings::default());
        assert_eq!(a.as_of, 4);
        assert_eq!((a.labels.r[0], a.labels.f[0], a.labels.m[0]), (1, 1, 1));
        assert_eq!(a.labels.segment[0], Some(RfmSegment::Lost));
        assert_eq!(a.summary.tiers[0].customers, 1);
        assert_eq!(a.summary.segments[RfmSegment::Lost.index()].customers, 1);
        assert_eq!(a.summary.kpis.top_revenue_share, 1.0);
    }

    #[test]
    fn summary_round_trips_through_json() {
        let d = fixture::one_order_each(&[(1, 5.0), (2, 7.0), (3, 9.0)]);
        let summary = run(&d, &Settings::default()).summary;
        let json = serde_json::to_string(&summary).unwrap_or_default();
        let back: Option<Summary> = serde_json::from_str(&json).ok();
        assert_eq!(back.as_ref(), Some(&summary));
    }

    #[test]
    fn scale_three_gives_a_three_by_three_grid() {
        let mut settings = Settings::default();
        settings.rfm.scale = 3;
        let d = fixture::one_order_each(&[(1, 5.0), (2, 7.0), (3, 9.0)]);
        let a = run(&d, &settings);
        assert_eq!(a.summary.rf_grid.len(), 9);
        assert_eq!(a.labels.r, vec![1, 2, 3]);
        let grid_total: u64 = a.summary.rf_grid.iter().map(|c| c.customers).sum();
        assert_eq!(grid_total, 3);
    }
}
