//! Everything the dashboard shows, small enough to send from the Web Worker to
//! the page as JSON.

use crate::analyses::after_sales::AfterSales;
use crate::analyses::day_histogram::DayHistogram;
use crate::analyses::kpis::{ratio, Kpis};
use crate::analyses::repeat::RepeatStats;
use crate::analyses::sources::{source_stats, SourceStat};
use crate::audience::AudienceSummary;
use crate::custom::CustomSummary;
use crate::labels::Labels;
use crate::lifecycle::{ActiveWindow, LifecycleStats};
use crate::membership::{level_stats, LevelStat};
use crate::metrics::customer_orders::CustomerOrders;
use crate::metrics::CustomerMetrics;
use crate::rfm::stats::{rfm_stats, RfCell, SegmentStat};
use crate::settings::Settings;
use crate::survey::{self, SurveyStats};
use crate::texts::t;
use crate::tiers::stats::{tier_stats, TierStat};
use segscope_i18n::Lang;
use segscope_model::date::format_day;
use segscope_model::{CustomerIdx, Dataset, Day};
use serde::{Deserialize, Serialize};

/// The dashboard's data: dates, KPIs, tier, grid and segment totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The as-of date in force (`YYYY-MM-DD`); empty when neither the
    /// settings nor the data date it (a customer summary without dates).
    pub as_of: String,
    /// The default as-of date: the day after the latest order (`YYYY-MM-DD`);
    /// empty like [`Summary::as_of`].
    pub default_as_of: String,
    /// Earliest order date in the dataset, any status (bounds the as-of input).
    pub first_order_date: Option<String>,
    /// Latest order date in the dataset, any status.
    pub last_order_date: Option<String>,
    /// Buyers whose orders are undated lifetime totals from a customer
    /// summary: counted in the KPIs, value tiers and membership, left out of
    /// recency, RFM, lifecycle stages, repeat cohorts, clusters and CLV,
    /// which need order dates. The page shows [`Summary::undated_notice`].
    #[serde(default)]
    pub undated_buyers: u64,
    /// Headline numbers.
    pub kpis: Kpis,
    /// One row per value tier, best first, then "No purchase".
    pub tiers: Vec<TierStat>,
    /// RFM scale in force (3, 4 or 5).
    pub rfm_scale: u8,
    /// `rfm_scale²` cells: R from best (first row) to worst, F ascending in a row.
    pub rf_grid: Vec<RfCell>,
    /// One row per named segment, in table order, empty segments included.
    pub segments: Vec<SegmentStat>,
    /// One row per membership level, lowest first.
    pub membership: Vec<LevelStat>,
    /// Lifecycle stages and funnels.
    pub lifecycle: LifecycleStats,
    /// One row per acquisition source.
    pub sources: Vec<SourceStat>,
    /// Repeat buying.
    pub repeat: RepeatStats,
    /// Refunds and returns by label.
    pub after_sales: AfterSales,
    /// Leads, engagement, interest, demographics and the journey.
    pub audience: AudienceSummary,
    /// The custom segments' counts, warnings and problems.
    pub custom: CustomSummary,
    /// Each survey export with NPS and CSAT by segment.
    #[serde(default)]
    pub surveys: Vec<SurveyStats>,
    /// The written feedback of every survey and review file, by theme.
    #[serde(default)]
    pub feedback: Option<crate::feedback::FeedbackSummary>,
    /// NPS groups between consecutive survey waves.
    #[serde(default)]
    pub nps_waves: Vec<crate::survey::WaveMoves>,
}

/// What [`Summary::build`] summarises.
pub(crate) struct SummaryInput<'a> {
    /// The dataset analysed.
    pub dataset: &'a Dataset,
    /// Settings in force.
    pub settings: &'a Settings,
    /// Per-customer metrics.
    pub metrics: &'a CustomerMetrics,
    /// Customers with a paid order.
    pub buyers: &'a [CustomerIdx],
    /// Per-customer labels.
    pub labels: &'a Labels,
    /// The as-of day in force.
    pub as_of: Day,
    /// The default as-of day.
    pub default_as_of: Day,
    /// True when the settings or the data date the as-of day; when neither
    /// does, the as-of dates are shown blank rather than as 1970-01-01.
    pub dated: bool,
    /// Orders grouped by customer.
    pub orders: &'a CustomerOrders,
    /// Gaps between consecutive paid orders of the same customer.
    pub gaps: DayHistogram,
    /// The active window in force.
    pub window: ActiveWindow,
}

impl Summary {
    /// The survey pages open on: the first that is not a review file, else
    /// the first (`None` without surveys).
    pub fn main_survey(&self) -> Option<usize> {
        let reviews = |s: &SurveyStats| s.tool == "Reviews";
        self.surveys
            .iter()
            .position(|s| !reviews(s))
            .or((!self.surveys.is_empty()).then_some(0))
    }

    /// The sentence for the dashboard when some buyers have no order dates
    /// (from a customer summary), `None` otherwise.
    pub fn undated_notice(&self, lang: Lang) -> Option<String> {
        if self.undated_buyers == 0 {
            return None;
        }
        let key = if self.undated_buyers >= self.kpis.buyers {
            "finding.undated_all"
        } else {
            "finding.undated_some"
        };
        Some(
            t(lang, key)
                .replace("{n}", &self.undated_buyers.to_string())
                .replace("{buyers}", &self.kpis.buyers.to_string()),
        )
    }

    /// Totals up metrics and labels.
    pub(crate) fn build(input: SummaryInput<'_>) -> Summary {
        let days = input.dataset.orders.day();
        let (rf_grid, segments) = rfm_stats(input.metrics, input.labels);
        let tiers = input.settings.tiers.cutoffs.len() + 1;
        let mut kpis = Kpis::compute(input.metrics, input.buyers, &input.settings.tiers);
        let active = input.labels.lifecycle.iter().filter(|s| s.is_active()).count();
        kpis.active_share = ratio(active as f64, input.buyers.len() as f64);
        Summary {
            as_of: if input.dated {
                format_day(input.as_of)
            } else {
                String::new()
            },
            default_as_of: if input.dated {
                format_day(input.default_as_of)
            } else {
                String::new()
            },
            first_order_date: days
                .iter()
                .copied()
                .min()
                .into_iter()
                .chain(input.dataset.totals.earliest_day())
                .min()
                .map(format_day),
            last_order_date: input.dataset.last_order_day().map(format_day),
            undated_buyers: input.metrics.undated_buyers() as u64,
            kpis,
            tiers: tier_stats(input.metrics, input.labels, &input.settings.tiers),
            rfm_scale: input.labels.rfm_scale,
            rf_grid,
            segments,
            membership: level_stats(&input.labels.member_level, input.metrics, &input.settings.membership),
            lifecycle: LifecycleStats::build(
                input.dataset,
                input.metrics,
                &input.labels.lifecycle,
                input.window,
                &input.settings.lifecycle,
            ),
            sources: source_stats(input.dataset, input.metrics, input.labels, tiers),
            repeat: RepeatStats::build(input.orders, input.gaps, input.as_of),
            after_sales: AfterSales::build(input.dataset, input.metrics, input.labels, tiers),
            audience: AudienceSummary::default(),
            custom: CustomSummary::default(),
            surveys: survey::summarize(input.dataset, input.labels, tiers + 1),
            feedback: None,
            nps_waves: survey::wave_moves(input.dataset, input.metrics.len()),
        }
    }
}
