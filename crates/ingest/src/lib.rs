//! Ingest (docs/product.md#inputs, docs/product.md#cleaning-and-data-quality): sniff a file (encoding, delimiter, header, kind,
//! roles), then stream it chunk by chunk through parsing and cleaning into a
//! [`segscope_model::Dataset`] and a data-quality report.

pub mod builder;
pub mod date_order;
pub mod decode;
pub mod describe;
pub mod encoding_choice;
pub mod error;
pub mod event_kind;
pub mod infer;
mod interner;
mod joins;
mod key_map;
pub mod line_items;
mod local_keys;
pub(crate) mod month_names;
mod order_index;
mod order_table;
pub mod parse;
mod plain_line;
pub mod profile_value;
pub mod quality;
pub mod records;
pub mod refunds;
mod role_synonyms;
mod row_fingerprint;
mod rows;
pub mod schema;
pub mod sniff;
pub mod split;
pub mod status;
pub mod structure;
pub mod survey;
pub mod texts;
pub mod value;
pub mod workbook;
pub mod xlsx;

pub use builder::DatasetBuilder;
pub use error::{IngestError, Problem};
pub use joins::amount_from_other_files;
pub use parse::{read_file, FileParser};
pub use quality::QualityReport;
pub use schema::{FileKind, Role};
pub use sniff::{sniff, sniff_as, FileSchema, SNIFF_BYTES};
