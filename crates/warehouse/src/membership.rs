//! Membership levels (docs/product.md#membership-levels): the file's points
//! balance or revenue × rate, against inclusive thresholds.

use crate::cte::Steps;
use crate::dialect::Dialect;
use segscope_engine::settings::{MembershipSettings, PointsSource};

/// Adds `membership` (points and level per customer); `names` are the
/// levels' export names; `file_points` says whether a `file_points` step exists.
pub(crate) fn add(steps: &mut Steps, d: Dialect, settings: &MembershipSettings, names: &[String], file_points: bool) {
    let rate = d.double_literal(settings.points_per_currency_unit.max(0.0));
    let from_revenue = format!("m.revenue * {rate}");
    let use_file = file_points && settings.points_source == PointsSource::FromColumnElseRevenue;
    let (points, join, comment) = if use_file {
        (
            format!("CASE WHEN ABS(p.points) < 1e308 THEN p.points ELSE {from_revenue} END"),
            "\nLEFT JOIN file_points p ON p.customer_key = m.customer_key",
            "Points: the customers table's balance where it is a finite number, else revenue × rate;\nthe level is the highest whose threshold the points reach (the first below every threshold).",
        )
    } else {
        (
            from_revenue,
            "",
            "Points: revenue × rate; the level is the highest whose threshold the points reach\n(the first below every threshold).",
        )
    };
    let mut arms: Vec<String> = settings
        .levels
        .iter()
        .zip(names)
        .skip(1)
        .rev()
        .map(|(level, name)| {
            format!(
                "    WHEN points >= {} THEN {}",
                d.double_literal(level.min_points),
                d.string(name)
            )
        })
        .collect();
    if arms.is_empty() {
        arms.push("    WHEN FALSE THEN NULL".into());
    }
    let first = names.first().map_or("", String::as_str);
    steps.add(
        "member_points",
        comment,
        format!("SELECT m.customer_key, {points} AS points\nFROM metrics m{join}"),
    );
    steps.add(
        "membership",
        "The membership level of every customer.",
        format!(
            "SELECT customer_key, points,\n  CASE\n{}\n    ELSE {}\n  END AS member_level\nFROM member_points",
            arms.join("\n"),
            d.string(first)
        ),
    );
}
