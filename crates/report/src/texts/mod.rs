//! The dashboard charts' zh/en texts, looked up by key; a key this crate does not hold
//! falls through to the chart and engine crates' texts.

mod audience;
mod charts;
mod migration;
mod models;

segscope_i18n::texts!(tables: [audience::ENTRIES, charts::ENTRIES, migration::ENTRIES, models::ENTRIES], below: [segscope_chart::texts::text, segscope_engine::texts::text]);

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
