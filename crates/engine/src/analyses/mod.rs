//! The analyses the dashboard shows beside the schemes
//! (docs/product.md#analyses-and-charts): overview KPIs, sources, repeat
//! buying and cohorts, after-sales, and the migration of labels between two
//! as-of dates.

pub mod after_sales;
pub mod day_histogram;
pub mod kpis;
pub mod migration;
pub mod repeat;
pub mod sources;
