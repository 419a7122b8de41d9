//! Lifecycle stages (docs/product.md#lifecycle-stages), with the automatic
//! active window max(90, 2 × median gap) computed from the data.

use crate::cte::Steps;
use crate::dialect::Dialect;
use segscope_engine::settings::LifecycleSettings;
use segscope_engine::LifecycleStage;

/// Adds `lifecycle` (the stage of every customer); `as_of` is a date literal.
pub(crate) fn add(steps: &mut Steps, d: Dialect, settings: &LifecycleSettings, as_of: &str) {
    let window = match settings.active_window_days {
        Some(days) => {
            steps.add(
                "active_window",
                format!("The active window A, set to {days} days."),
                format!("SELECT {} AS days", d.double_literal(f64::from(days.max(1)))),
            );
            "active_window"
        }
        None => {
            steps.add(
                "order_gaps",
                "Days between consecutive paid orders of the same customer (0 for two on one day).",
                format!(
                    "SELECT {} AS gap\nFROM (\n  SELECT order_day, LAG(order_day) OVER (PARTITION BY customer_key ORDER BY order_day) AS previous_day\n  FROM paid_orders\n) AS consecutive\nWHERE previous_day IS NOT NULL",
                    d.days_between("order_day", "previous_day")
                ),
            );
            steps.add(
                "ranked_gaps",
                "The gaps in order, to find the median (the mean of the middle two for an even count).",
                "SELECT gap, ROW_NUMBER() OVER (ORDER BY gap) AS gap_rank, COUNT(*) OVER () AS gap_count\nFROM order_gaps",
            );
            steps.add(
                "active_window",
                "The automatic active window A = max(90, 2 × median gap) days; 90 without any gap.",
                format!(
                    "SELECT COALESCE(GREATEST({ninety}, 2 * AVG({gap})), {ninety}) AS days\nFROM ranked_gaps\nWHERE gap_rank IN ({lower}, {upper})",
                    ninety = d.double_literal(90.0),
                    gap = d.double("gap"),
                    lower = d.int_div("gap_count + 1", "2"),
                    upper = d.int_div("gap_count + 2", "2"),
                ),
            );
            "active_window"
        }
    };
    let name = |stage: LifecycleStage| d.string(stage.english_name());
    let new_days = settings.new_days.max(1);
    steps.add(
        "lifecycle",
        format!("Lifecycle stages, first match wins: no paid order → {}; first order at most {new_days} days\nbefore the as-of date → {}; recency ≤ A → {}; ≤ 2A → {}; else {}.",
            LifecycleStage::Potential.english_name(),
            LifecycleStage::New.english_name(),
            LifecycleStage::Active.english_name(),
            LifecycleStage::AtRisk.english_name(),
            LifecycleStage::Churned.english_name()),
        format!(
            "SELECT m.customer_key,\n  CASE\n    WHEN m.last_order_day IS NULL THEN {}\n    WHEN {} <= {new_days} THEN {}\n    WHEN m.recency_days <= w.days THEN {}\n    WHEN m.recency_days <= 2 * w.days THEN {}\n    ELSE {}\n  END AS lifecycle_stage\nFROM metrics m\nCROSS JOIN {window} w",
            name(LifecycleStage::Potential),
            d.days_between(as_of, "m.first_order_day"),
            name(LifecycleStage::New),
            name(LifecycleStage::Active),
            name(LifecycleStage::AtRisk),
            name(LifecycleStage::Churned),
        ),
    );
}
