//! Exports: the per-customer CSV, with spreadsheet-safe cells.

pub mod csv_cell;
mod customers;
mod number_cell;

pub use customers::{customers_csv, CUSTOMER_COLUMNS};
