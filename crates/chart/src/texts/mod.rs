//! The generic charts' zh/en texts, looked up by key; a key this crate does not hold
//! falls through to the shared texts of `segscope_i18n`.

use segscope_i18n::Entry;

/// This crate's entries: (key, English, Chinese).
const ENTRIES: &[Entry] = &[("chart.no_data", "No data", "暂无数据")];

segscope_i18n::texts!(tables: [ENTRIES], below: [segscope_i18n::text]);

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
