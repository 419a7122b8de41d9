//! The dashboard charts' zh/en texts, looked up by key; a key this crate does not hold
//! falls through to the chart and engine crates' texts.

mod audience;
mod charts;
mod migration;
mod models;

segscope_i18n::texts!(tables: [audience::ENTRIES, charts::ENTRIES, migration::ENTRIES, models::ENTRIES], below: [segscope_chart::texts::text, segscope_engine::texts::text]);
