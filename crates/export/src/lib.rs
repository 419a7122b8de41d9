//! Exports: the per-customer CSV (English or localized) and workbook, with
//! spreadsheet-safe cells, the analysis JSON, and lists for marketing tools
//! with the campaign pack.

mod activation;
mod analysis_json;
pub mod csv_cell;
mod customer_row;
mod customers;
mod error;
mod number_cell;
mod rejections_csv;
pub mod texts;
mod xlsx;
mod zip_out;

pub use activation::{
    activation_file, campaign_pack, contact_coverage, country_codes, ActivationFile, ActivationFormat,
    ActivationOptions, ContactCoverage,
};
pub use analysis_json::analysis_json;
pub use customer_row::CUSTOMER_COLUMNS;
pub use customers::{customers_csv, customers_csv_localized, customers_csv_of, write_customers_csv, CsvWording};
pub use error::ExportError;
pub use rejections_csv::rejections_csv;
pub use xlsx::customers_xlsx;
