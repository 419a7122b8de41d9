//! The warehouse script's zh/en texts, looked up by key; a key this crate does not hold
//! falls through to the engine crate's texts.

use segscope_i18n::Entry;

/// This crate's entries: (key, English, Chinese).
const ENTRIES: &[Entry] = &[
    (
        "warehouse.missing_name",
        "The warehouse script needs a name for {name}: fill it in and download again.",
        "仓库 SQL 脚本需要填写 {name} 的名称:填好后再下载。",
    ),
    ("warehouse.dialect.duckdb", "DuckDB", "DuckDB"),
    ("warehouse.dialect.postgres", "PostgreSQL", "PostgreSQL"),
    ("warehouse.dialect.spark", "Spark SQL", "Spark SQL"),
    ("warehouse.dialect.bigquery", "BigQuery", "BigQuery"),
];

segscope_i18n::texts!(tables: [ENTRIES], below: [segscope_engine::texts::text]);

/// The key finder every crate's key test shares.
#[cfg(test)]
#[path = "../../../i18n/tests/common/key_scan.rs"]
mod key_scan;

#[cfg(test)]
mod tests {
    use super::key_scan;

    #[test]
    fn every_key_this_crate_names_has_both_languages() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        assert_eq!(key_scan::unknown_keys(&src, super::has), Vec::<String>::new());
        assert_eq!(key_scan::filling_problems(super::own_entries()), Vec::<String>::new());
    }
}
