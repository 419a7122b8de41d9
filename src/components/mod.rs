//! Reusable pieces of the page, one component per file.

pub mod activation_export;
pub mod chart_card;
pub mod chart_svg;
pub mod customer_detail;
pub mod enum_select;
pub mod events_empty;
pub mod filter_chips;
pub mod header;
pub mod kpi_cards;
pub mod label_counts;
pub mod playbook;
pub mod psycho_classes;
pub mod report_summary;
pub mod rule_node;
pub mod segment_table;
pub mod settings_bar;
pub mod show_list;
pub mod status_bar;
pub mod survey_questions;
pub mod survey_waves;
pub mod theme_dictionary;
pub mod tier_table;
pub mod warehouse_sql;
