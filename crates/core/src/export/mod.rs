//! Exports: the per-customer CSV, with spreadsheet-safe cells, and the analysis JSON.

mod analysis_json;
pub mod csv_cell;
mod customers;
mod number_cell;
mod rejections_csv;

pub use analysis_json::analysis_json;
pub use customers::{customers_csv, customers_csv_of, CUSTOMER_COLUMNS};
pub use rejections_csv::rejections_csv;
