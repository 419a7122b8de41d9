//! Segscope's warehouse SQL (docs/warehouse.md): one self-contained script
//! per dialect that computes, inside DuckDB, PostgreSQL, Spark SQL or
//! BigQuery, the labels the browser computed — every customer the same
//! RFM scores and segment, value tier, membership level, lifecycle stage and
//! predicted lifetime value — from the user's own orders and customers tables.

mod clv;
mod cte;
mod custom;
pub mod dialect;
mod header;
mod lifecycle;
mod membership;
mod metrics;
mod rfm;
mod select;
pub mod source;
mod staging;
pub mod texts;
mod tiers;

pub use dialect::Dialect;
pub use source::{unreproduced, LineAmounts, SourceTables};

use segscope_engine::custom::rules::RuleContext;
use segscope_engine::settings::Settings;
use segscope_engine::Analysis;
use segscope_model::date::format_day;
use segscope_model::Dataset;

/// Why no script could be written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum WarehouseError {
    /// A required table or column name is blank.
    MissingName(String),
}

impl WarehouseError {
    /// One sentence for the user in `lang`.
    pub fn message(&self, lang: segscope_i18n::Lang) -> String {
        match self {
            WarehouseError::MissingName(name) => {
                crate::texts::t(lang, "warehouse.missing_name").replace("{name}", name)
            }
        }
    }
}

impl std::fmt::Display for WarehouseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(segscope_i18n::Lang::En))
    }
}

impl std::error::Error for WarehouseError {}

/// The script for `dialect` that computes `analysis`'s labels (made from
/// `dataset` under `settings`) from the tables in `source`.
pub fn script(
    dialect: Dialect,
    source: &SourceTables,
    dataset: &Dataset,
    analysis: &Analysis,
    settings: &Settings,
) -> Result<String, WarehouseError> {
    if let Some(name) = source.missing() {
        return Err(WarehouseError::MissingName(name.to_string()));
    }
    let source = &source.normalized();
    let d = dialect;
    let as_of_iso = format_day(analysis.as_of);
    let as_of = d.date_literal(&as_of_iso);
    // The summary lists the tiers, then "No purchase".
    let tier_names: Vec<String> = analysis
        .summary
        .tiers
        .iter()
        .take(settings.tiers.count())
        .map(|t| t.name.clone())
        .collect();
    let level_names: Vec<String> = analysis.summary.membership.iter().map(|l| l.name.clone()).collect();
    let clv = analysis.models.as_ref().and_then(|m| m.clv.as_ref().ok());

    let mut steps = cte::Steps::default();
    staging::add(&mut steps, d, source);
    metrics::add(&mut steps, d, &as_of);
    rfm::add(&mut steps, d, &settings.rfm);
    tiers::add(&mut steps, d, &settings.tiers, &tier_names);
    let file_points = source.customers().is_some() && source.points.is_some();
    membership::add(&mut steps, d, &settings.membership, &level_names, file_points);
    lifecycle::add(&mut steps, d, &settings.lifecycle, &as_of);
    if let Some(model) = clv {
        clv::add(&mut steps, d, model, &as_of);
    }
    // The rules in force: those the analysis applied (valid ones).
    let custom = analysis.custom.as_ref().map(|_| {
        let ctx = RuleContext::new(dataset, analysis, &settings.custom_segments);
        custom::translate(d, &ctx, &as_of)
    });
    let head = header::write(d, source, analysis, settings, &as_of_iso, clv, custom.as_ref());
    let custom_column = custom.as_ref().and_then(|c| c.column.as_deref());
    let body = steps.render(d, &select::final_select(d, clv.is_some(), custom_column));
    Ok(format!("{head}\n{body}"))
}
