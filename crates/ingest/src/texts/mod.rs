//! The import's zh/en texts (mapping step, file descriptions, errors), looked up by key; a key this crate does not hold
//! falls through to the shared texts of `segscope_i18n`.

mod events;
mod mapping;
mod messages;

segscope_i18n::texts!(tables: [events::ENTRIES, mapping::ENTRIES, messages::ENTRIES], below: [segscope_i18n::text]);

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
