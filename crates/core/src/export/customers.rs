//! The per-customer CSV (SPEC S7, S11): one row per customer, English labels
//! whatever the UI language, UTF-8 with a BOM so Excel reads it correctly.

use super::csv_cell::push_text;
use super::number_cell::{push_day, push_display, push_fixed};
use crate::analyze::{Analysis, NO_PURCHASE};
use crate::model::Dataset;

/// The header row, snake_case English.
pub const CUSTOMER_COLUMNS: [&str; 29] = [
    "customer_id",
    "first_order_date",
    "last_order_date",
    "orders",
    "revenue",
    "aov",
    "recency_days",
    "r_score",
    "f_score",
    "m_score",
    "rfm_segment",
    "value_score",
    "value_tier",
    "member_level",
    "lifecycle_stage",
    "lead_stage",
    "engagement",
    "favorite_category",
    "source",
    "cluster",
    "p_alive",
    "expected_purchases",
    "clv",
    "custom_segments",
    "age_band",
    "gender",
    "income_band",
    "occupation",
    "region",
];

/// Rough bytes per row besides the customer key, to size the output once.
const ROW_BYTES: usize = 120;

/// The per-customer CSV of `analysis` (computed from `dataset`): a BOM, the
/// header, then one LF-terminated row per customer. Cells that cannot be
/// computed (dates, AOV, recency and scores of non-buyers) are empty; money
/// has 2 decimals, value scores 4.
pub fn customers_csv(dataset: &Dataset, analysis: &Analysis) -> String {
    customers_csv_of(dataset, analysis, 0..dataset.customers.len())
}

/// The same CSV for the customers at `indices` only (a filtered selection),
/// in that order; indices out of range are skipped.
pub fn customers_csv_of(
    dataset: &Dataset,
    analysis: &Analysis,
    indices: impl ExactSizeIterator<Item = usize>,
) -> String {
    let customers = &dataset.customers;
    let mut out = String::with_capacity(indices.len() * (ROW_BYTES + 16) + 256);
    out.push('\u{feff}');
    out.push_str(&CUSTOMER_COLUMNS.join(","));
    out.push('\n');
    for i in indices {
        if let Some(key) = customers.key.get(i) {
            write_row(&mut out, dataset, analysis, i, key);
        }
    }
    out
}

/// Appends customer `i`'s row.
fn write_row(out: &mut String, dataset: &Dataset, analysis: &Analysis, i: usize, key: &str) {
    let metrics = &analysis.metrics;
    let labels = &analysis.labels;
    let orders = metrics.orders.get(i).copied().unwrap_or(0);
    let is_buyer = orders > 0;

    push_text(out, key);
    out.push(',');
    push_day(out, metrics.first_day.get(i).copied().flatten());
    out.push(',');
    push_day(out, metrics.last_day.get(i).copied().flatten());
    out.push(',');
    push_display(out, Some(orders));
    out.push(',');
    push_fixed(out, metrics.revenue.get(i).copied().or(Some(0.0)), 2);
    out.push(',');
    push_fixed(out, metrics.aov.get(i).copied().filter(|_| is_buyer), 2);
    out.push(',');
    push_display(out, metrics.recency_days.get(i).copied().flatten());
    for scores in [&labels.r, &labels.f, &labels.m] {
        out.push(',');
        push_display(out, scores.get(i).copied().filter(|&s| s > 0));
    }
    out.push(',');
    if let Some(segment) = labels.segment.get(i).copied().flatten() {
        out.push_str(segment.english_name());
    }
    out.push(',');
    push_fixed(out, labels.value_score.get(i).copied().flatten(), 4);
    out.push(',');
    push_text(out, tier_name(analysis, labels.tier.get(i).copied().flatten()));
    out.push(',');
    let level = labels.member_level.get(i).copied().unwrap_or(0);
    push_text(
        out,
        analysis
            .summary
            .membership
            .get(usize::from(level))
            .map_or("", |l| l.name.as_str()),
    );
    out.push(',');
    if let Some(stage) = labels.lifecycle.get(i) {
        out.push_str(stage.english_name());
    }
    out.push(',');
    if let Some(stage) = labels.lead_stage.get(i).filter(|_| labels.has_events) {
        out.push_str(stage.english_name());
    }
    out.push(',');
    if let Some(level) = labels.engagement.get(i).filter(|_| labels.has_events) {
        out.push_str(level.english_name());
    }
    out.push(',');
    let favorite = metrics.favorite_category.get(i).copied().flatten();
    push_text(
        out,
        favorite
            .and_then(|c| dataset.categories.get(usize::from(c)))
            .map_or("", String::as_str),
    );
    out.push(',');
    let source = dataset.customers.source.get(i).copied().flatten();
    push_text(
        out,
        source
            .and_then(|s| dataset.sources.get(usize::from(s)))
            .map_or("", String::as_str),
    );
    let models = analysis.models.as_ref();
    out.push(',');
    push_text(out, &models.and_then(|m| m.cluster_name(i)).unwrap_or_default());
    let [p_alive, expected, clv] = models.map_or([None; 3], |m| m.predictions(i));
    for (value, decimals) in [(p_alive, 4), (expected, 4), (clv, 2)] {
        out.push(',');
        push_fixed(out, value, decimals);
    }
    out.push(',');
    let custom = analysis.custom.as_ref().map(|a| a.names_of(i).join("; "));
    push_text(out, custom.as_deref().unwrap_or(""));
    for banding in &analysis.bands {
        out.push(',');
        push_text(out, &banding.english(i));
    }
    out.push('\n');
}

/// The English or user name of tier `index`; "No purchase" for `None`.
fn tier_name(analysis: &Analysis, index: Option<u32>) -> &str {
    index
        .and_then(|i| analysis.summary.tiers.get(i as usize))
        .map_or(NO_PURCHASE, |tier| tier.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::run;
    use crate::model::{Customers, OrderStatus, NO_CATEGORY};
    use crate::settings::Settings;

    fn dataset() -> Dataset {
        let mut d = Dataset {
            customers: Customers {
                source: vec![Some(0), None, Some(7)],
                ..Customers::with_keys(vec!["a,1".into(), "=cmd".into(), "c".into()])
            },
            sources: vec!["WeChat \"group\"".into()],
            categories: vec!["shoes".into(), "=bags".into()],
            ..Dataset::default()
        };
        // Day 19727 is 2024-01-05. Categories: a one order each (bags bring
        // more revenue, so they are the favourite); the refund does not count.
        d.orders.push(0, 19_727, 10.5, OrderStatus::Paid);
        d.orders.push(0, 19_730, 20.0, OrderStatus::Paid);
        d.orders.push(1, 19_730, 9.0, OrderStatus::Refunded);
        d.orders.push(2, 19_729, 30.0, OrderStatus::Paid);
        d.orders.category = vec![0, 1, 0, NO_CATEGORY];
        d
    }

    #[test]
    fn rows_by_hand() {
        let d = dataset();
        let csv = customers_csv(&d, &run(&d, &Settings::default()));
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "\u{feff}customer_id,first_order_date,last_order_date,orders,revenue,aov,recency_days,\
             r_score,f_score,m_score,rfm_segment,value_score,value_tier,member_level,lifecycle_stage,\
             lead_stage,engagement,favorite_category,source,cluster,p_alive,expected_purchases,clv,custom_segments,age_band,gender,income_band,occupation,region"
        );
        // As of 2024-01-09. a: recency 1, 2 orders; c: recency 2, 1 order.
        // R: a 1 + ⌊5·1/2⌋ = 3, c 1; F: a 3, c 1; M: a 30.5 > 30 → 3, c 1.
        // p(aov) a 0 (15.25 < 30), c 0.5; p(orders) a 0.5; p(revenue) a 0.5.
        // Scores: a 0.3·0 + 0.3·0.5 + 0.4·0.5 = 0.35, c 0.3·0.5 = 0.15. Two buyers:
        // High ends at ⌈0.4⌉ = 1, Medium at ⌈1⌉ = 1, so c is Low.
        assert_eq!(
            lines[1],
            "\"a,1\",2024-01-05,2024-01-08,2,30.50,15.25,1,3,3,3,Need Attention,0.3500,High,Bronze,New,,,'=bags,\"WeChat \"\"group\"\"\",,,,,,,,,,"
        );
        assert_eq!(
            lines[2],
            "'=cmd,,,0,0.00,,,,,,,,No purchase,Bronze,Potential,,,,,,,,,,,,,,"
        );
        assert_eq!(
            lines[3],
            "c,2024-01-07,2024-01-07,1,30.00,30.00,2,1,1,1,Lost,0.1500,Low,Bronze,New,,,,,,,,,,,,,,"
        );
        assert_eq!(lines.len(), 4);
        assert!(csv.ends_with('\n'));
    }

    #[test]
    fn empty_dataset_gives_the_header_only() {
        let d = Dataset::default();
        let csv = customers_csv(&d, &run(&d, &Settings::default()));
        assert_eq!(csv.lines().count(), 1);
    }
}
