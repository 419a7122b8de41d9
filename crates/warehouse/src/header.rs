//! The script's opening comment: what it computes, from which tables, under
//! which settings, and what it leaves out (docs/warehouse.md#header).

use crate::clv::series_terms;
use crate::custom::CustomSql;
use crate::dialect::Dialect;
use crate::source::{LineAmounts, SourceTables};
use segscope_engine::clv::ClvModel;
use segscope_engine::settings::{PointsSource, Settings};
use segscope_engine::{integer_weights, Analysis, Share};

/// The header comment, every line starting with `--`.
pub(crate) fn write(
    d: Dialect,
    source: &SourceTables,
    analysis: &Analysis,
    settings: &Settings,
    as_of: &str,
    clv: Option<&ClvModel>,
    custom: Option<&CustomSql>,
) -> String {
    let mut lines = vec![
        format!("Segscope warehouse script for {}.", d.name()),
        "Computes, for every customer, the labels Segscope computed in the browser: the metrics,".into(),
        "RFM scores and segment, value score and tier, membership level, lifecycle stage and".into(),
        "predicted lifetime value, with the column names of Segscope's per-customer CSV.".into(),
        String::new(),
        "Input".into(),
        format!(
            "  {}: one row per order or order line; customer {}, date {}, amount {}{}{}{}.",
            source.orders_table,
            source.order_customer,
            source.order_date,
            source.amount,
            source
                .status
                .as_ref()
                .map(|s| format!(", status {s}"))
                .unwrap_or_default(),
            source
                .order_id
                .as_ref()
                .map(|s| format!(", order id {s}"))
                .unwrap_or_default(),
            source
                .cancelled_at
                .as_ref()
                .map(|s| format!(", cancelled at {s}"))
                .unwrap_or_default(),
        ),
    ];
    if let Some(table) = source.customers() {
        lines.push(format!(
            "  {table}: customer {}{}.",
            source.customer_id,
            source
                .points
                .as_ref()
                .map(|p| format!(", points {p}"))
                .unwrap_or_default()
        ));
    }
    lines.extend([
        "  Cells are read as text: dates as YYYY-MM-DD (a date-time's first ten characters, in the".into(),
        "  time zone it is written in), amounts as plain decimals (12.50, no currency sign or".into(),
        "  thousands separator). Other formats: put a view in front that rewrites them so.".into(),
    ]);
    if source.order_id.is_some() {
        lines.push(format!(
            "  Rows of one order id are one order, its amount {}.",
            match source.lines {
                LineAmounts::Add => "the sum of its rows",
                LineAmounts::OncePerOrder => "counted once",
            }
        ));
    }
    let tiers = &settings.tiers;
    let [wa, wo, wr] = integer_weights(tiers);
    let cutoffs: Vec<String> = tiers
        .cutoffs
        .iter()
        .map(|c| {
            let s = Share::of(*c);
            format!("{}/{}", s.p, s.q)
        })
        .collect();
    let rfm = &settings.rfm;
    let membership = &settings.membership;
    let levels: Vec<String> = membership
        .levels
        .iter()
        .zip(&analysis.summary.membership)
        .map(|(l, stat)| format!("{} ≥ {}", stat.name, l.min_points))
        .collect();
    lines.extend([
        String::new(),
        "Settings".into(),
        format!("  As-of date {as_of}: orders after it are left out; recency counts whole days to it."),
        format!(
            "  RFM: {}-point scale, {}.",
            rfm.scale,
            match &rfm.fixed {
                None => "quantiles (1 + ⌊s × strictly worse buyers / buyers⌋)".to_string(),
                Some(f) => format!(
                    "fixed cut-offs: recency {:?}, orders {:?}, revenue {:?}",
                    f.recency_days, f.orders, f.revenue
                ),
            }
        ),
        format!(
            "  Value tiers: key {wa}·AOV + {wo}·orders + {wr}·revenue (buyers strictly below); cut-offs {}; names {}.",
            cutoffs.join(", "),
            analysis
                .summary
                .tiers
                .iter()
                .take(tiers.count())
                .map(|t| t.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        format!(
            "  Membership: points {}; levels {}.",
            match membership.points_source {
                PointsSource::FromColumnElseRevenue if source.points.is_some() => format!(
                    "from the points column, else revenue × {}",
                    membership.points_per_currency_unit
                ),
                _ => format!("revenue × {}", membership.points_per_currency_unit),
            },
            levels.join(", ")
        ),
        format!(
            "  Lifecycle: new window {} days; active window {}.",
            settings.lifecycle.new_days,
            match settings.lifecycle.active_window_days {
                Some(days) => format!("{days} days"),
                None => "automatic, max(90, 2 × median gap between orders)".into(),
            }
        ),
    ]);
    match clv {
        Some(model) => lines.push(format!(
            "  CLV: {} months, {} monthly discount, parameters fitted in the browser as of {as_of}; {} series terms.",
            model.settings.horizon_months,
            model.settings.monthly_discount,
            series_terms(model)
        )),
        None => lines
            .push("  CLV: no model was fitted in the browser, so p_alive, expected_purchases and clv are NULL.".into()),
    }
    match custom {
        Some(c) if c.left_out.is_empty() => lines.push(format!(
            "  Custom segments: {} rules, all translated.",
            settings.custom_segments.segments.len()
        )),
        Some(c) => {
            lines.push(format!(
                "  Custom segments: not exported, their fields are not in these tables (category, source,\n  favourite category, signup date): {}.",
                c.left_out.join(", ")
            ));
            if c.column.is_none() {
                lines.push("  Ordered segments need every rule, so custom_segments is NULL.".into());
            }
        }
        None => lines.push("  Custom segments: none in force, so custom_segments is NULL.".into()),
    }
    lines.extend([
        String::new(),
        "Not in this script: lead stages, engagement and favourite categories (they need the".into(),
        "events), clusters, customer-summary files, and customers known only from events.".into(),
    ]);
    lines
        .join("\n")
        .lines()
        .map(|l| {
            if l.is_empty() {
                "--".to_string()
            } else {
                format!("-- {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
