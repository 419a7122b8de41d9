//! Lifecycle stages (docs/product.md#lifecycle-stages) and the lifecycle funnel (S6): signed up →
//! first purchase → second purchase → 3+ purchases → still active.

pub mod settings;

use crate::metrics::CustomerMetrics;
use segscope_model::{Dataset, Day};
use serde::{Deserialize, Serialize};
use settings::LifecycleSettings;

/// A customer's lifecycle stage; the first that matches wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LifecycleStage {
    /// No paid order yet. A buyer known only from a customer summary without
    /// order dates also carries it (no stage can be told without a date) but
    /// is left out of the stage totals.
    Potential,
    /// First paid order within the "new" window before the as-of date.
    New,
    /// Last paid order within the active window A.
    Active,
    /// Last paid order within 2A.
    AtRisk,
    /// Last paid order longer ago.
    Churned,
}

impl LifecycleStage {
    /// Every stage, in funnel order.
    pub const ALL: [LifecycleStage; 5] = [
        LifecycleStage::Potential,
        LifecycleStage::New,
        LifecycleStage::Active,
        LifecycleStage::AtRisk,
        LifecycleStage::Churned,
    ];

    /// The i18n key of the stage's name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            LifecycleStage::Potential => "life.potential",
            LifecycleStage::New => "life.new",
            LifecycleStage::Active => "life.active",
            LifecycleStage::AtRisk => "life.at_risk",
            LifecycleStage::Churned => "life.churned",
        }
    }

    /// The stage's name in docs/product.md#lifecycle-stages (English, for exports).
    pub fn english_name(self) -> &'static str {
        match self {
            LifecycleStage::Potential => "Potential",
            LifecycleStage::New => "New",
            LifecycleStage::Active => "Active",
            LifecycleStage::AtRisk => "At risk",
            LifecycleStage::Churned => "Churned",
        }
    }

    /// Position in [`LifecycleStage::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// New or Active: buying as expected.
    pub fn is_active(self) -> bool {
        matches!(self, LifecycleStage::New | LifecycleStage::Active)
    }
}

/// The active window in force and how it was set.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ActiveWindow {
    /// A, in days.
    pub days: f64,
    /// True when A came from the data (max(90, 2 × median gap)).
    pub automatic: bool,
    /// The median gap between consecutive paid orders of the same customer.
    pub median_gap_days: Option<f64>,
}

/// The active window A under `settings`, given the median gap in days
/// between consecutive paid orders of the same customer over all customers.
pub(crate) fn active_window(median_gap_days: Option<f64>, settings: &LifecycleSettings) -> ActiveWindow {
    match settings.active_window_days {
        Some(days) => ActiveWindow {
            days: f64::from(days.max(1)),
            automatic: false,
            median_gap_days,
        },
        None => ActiveWindow {
            days: median_gap_days.map_or(90.0, |m| (2.0 * m).max(90.0)),
            automatic: true,
            median_gap_days,
        },
    }
}

/// Every customer's stage.
pub(crate) fn assign(
    metrics: &CustomerMetrics,
    window: &ActiveWindow,
    settings: &LifecycleSettings,
    as_of: Day,
) -> Vec<LifecycleStage> {
    let new_days = i64::from(settings.new_days.max(1));
    (0..metrics.len())
        .map(|i| match (metrics.first_day[i], metrics.recency_days[i]) {
            // A summary may date only the last order: no "new" test then.
            (first, Some(recency)) => {
                let recency = f64::from(recency);
                if first.is_some_and(|first| i64::from(as_of) - i64::from(first) <= new_days) {
                    LifecycleStage::New
                } else if recency <= window.days {
                    LifecycleStage::Active
                } else if recency <= 2.0 * window.days {
                    LifecycleStage::AtRisk
                } else {
                    LifecycleStage::Churned
                }
            }
            _ => LifecycleStage::Potential,
        })
        .collect()
}

/// Customers and revenue of one stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageStat {
    /// The stage.
    pub stage: LifecycleStage,
    /// Customers in it.
    pub customers: u64,
    /// Their revenue.
    pub revenue: f64,
}

/// The five steps of the lifecycle funnel, each a subset of the one before:
/// signed up = every customer in the dataset (from any file, with or without
/// a signup date); with a paid order; with 2+; with 3+; still active = with
/// 3+ and in the New or Active stage (so the funnel never widens).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Funnel {
    /// Whose funnel: a source name, or `None` for everyone (or an unknown source in `by_source`).
    pub source: Option<String>,
    /// Customers at each step.
    pub steps: [u64; 5],
}

/// Stage totals and funnels for the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LifecycleStats {
    /// The active window in force.
    pub window: ActiveWindow,
    /// The "new" window in days.
    pub new_days: u32,
    /// One row per stage, in [`LifecycleStage::ALL`] order.
    pub stages: Vec<StageStat>,
    /// The funnel over all customers.
    pub funnel: Funnel,
    /// The funnel per acquisition source, largest first (unknown source last).
    pub funnel_by_source: Vec<Funnel>,
}

impl LifecycleStats {
    /// Totals up the stages.
    pub(crate) fn build(
        dataset: &Dataset,
        metrics: &CustomerMetrics,
        stages: &[LifecycleStage],
        window: ActiveWindow,
        settings: &LifecycleSettings,
    ) -> LifecycleStats {
        let mut rows: Vec<StageStat> = LifecycleStage::ALL
            .iter()
            .map(|&stage| StageStat {
                stage,
                customers: 0,
                revenue: 0.0,
            })
            .collect();
        let sources = dataset.sources.len();
        // Index `sources` holds customers without a known source.
        let mut by_source = vec![[0u64; 5]; sources + 1];
        let mut overall = [0u64; 5];
        for (i, &stage) in stages.iter().enumerate() {
            let orders = metrics.orders[i];
            // A buyer without order dates (a customer summary's) has no stage:
            // it is in the funnel's purchase steps but in no stage row.
            let undated = orders > 0 && metrics.last_day.get(i).is_some_and(Option::is_none);
            if !undated {
                rows[stage.index()].customers += 1;
                rows[stage.index()].revenue += metrics.revenue[i];
            }
            let reached = [
                true,
                orders >= 1,
                orders >= 2,
                orders >= 3,
                orders >= 3 && stage.is_active(),
            ];
            let source = dataset.customers.source()[i].map_or(sources, usize::from).min(sources);
            for (step, &hit) in reached.iter().enumerate() {
                overall[step] += u64::from(hit);
                by_source[source][step] += u64::from(hit);
            }
        }
        let mut funnel_by_source: Vec<Funnel> = by_source
            .into_iter()
            .enumerate()
            .filter(|(_, steps)| steps[0] > 0)
            .map(|(s, steps)| Funnel {
                source: dataset.sources.get(s).cloned(),
                steps,
            })
            .collect();
        funnel_by_source.sort_by(|a, b| {
            a.source
                .is_none()
                .cmp(&b.source.is_none())
                .then(b.steps[0].cmp(&a.steps[0]))
                .then(a.source.cmp(&b.source))
        });
        LifecycleStats {
            window,
            new_days: settings.new_days,
            stages: rows,
            funnel: Funnel {
                source: None,
                steps: overall,
            },
            funnel_by_source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::analyses::day_histogram::DayHistogram;
    use crate::metrics::customer_orders::CustomerOrders;

    fn median_gap(d: &Dataset, as_of: Day) -> Option<f64> {
        DayHistogram::of(CustomerOrders::collect(d, as_of).gaps()).median_days
    }

    #[test]
    fn auto_window_is_twice_the_median_gap_but_at_least_90_days() {
        // Gaps: a 100, 200 · b 60 → median 100 → A = 200.
        let d = fixture::paid(
            &["a", "b"],
            &[(0, 0, 1.0), (0, 100, 1.0), (0, 300, 1.0), (1, 10, 1.0), (1, 70, 1.0)],
        );
        let w = active_window(median_gap(&d, 400), &LifecycleSettings::default());
        assert_eq!((w.days, w.automatic, w.median_gap_days), (200.0, true, Some(100.0)));
        // Short gaps: the floor of 90 days holds.
        let d = fixture::paid(&["a"], &[(0, 0, 1.0), (0, 5, 1.0)]);
        assert_eq!(
            active_window(median_gap(&d, 10), &LifecycleSettings::default()).days,
            90.0
        );
        let fixed = LifecycleSettings {
            active_window_days: Some(30),
            ..LifecycleSettings::default()
        };
        assert_eq!(active_window(median_gap(&d, 10), &fixed).days, 30.0);
    }

    #[test]
    fn first_match_wins_at_each_boundary() {
        // as-of 1000, A = 100 (fixed), new = 90 days.
        let settings = LifecycleSettings {
            new_days: 90,
            active_window_days: Some(100),
        };
        let d = fixture::paid(
            &[
                "new",
                "new_edge",
                "active",
                "active_edge",
                "risk_edge",
                "churned",
                "none",
            ],
            &[
                (0, 950, 1.0),
                (1, 910, 1.0),
                (2, 500, 1.0),
                (2, 950, 1.0),
                (3, 500, 1.0),
                (3, 900, 1.0),
                (4, 500, 1.0),
                (4, 800, 1.0),
                (5, 500, 1.0),
                (5, 799, 1.0),
            ],
        );
        let m = CustomerMetrics::compute(&d, 1000);
        let w = active_window(median_gap(&d, 1000), &settings);
        use LifecycleStage::*;
        assert_eq!(
            assign(&m, &w, &settings, 1000),
            vec![New, New, Active, Active, AtRisk, Churned, Potential]
        );
    }

    #[test]
    fn funnel_steps_nest() {
        let d = fixture::paid(
            &["a", "b", "c", "d"],
            &[
                (0, 990, 1.0),
                (0, 995, 1.0),
                (0, 999, 1.0),
                (1, 10, 1.0),
                (1, 20, 1.0),
                (1, 30, 1.0),
                (2, 5, 1.0),
            ],
        );
        let m = CustomerMetrics::compute(&d, 1000);
        let settings = LifecycleSettings::default();
        let w = active_window(median_gap(&d, 1000), &settings);
        let stages = assign(&m, &w, &settings, 1000);
        let s = LifecycleStats::build(&d, &m, &stages, w, &settings);
        assert_eq!(s.funnel.steps, [4, 3, 2, 2, 1]);
        assert_eq!(s.funnel_by_source.len(), 1);
        assert_eq!(s.stages.iter().map(|r| r.customers).sum::<u64>(), 4);
    }
}
