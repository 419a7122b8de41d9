//! The page's own texts in zh-CN and en — screens, buttons, page sentences,
//! the report's first page — looked up by key, in per-area files. Keys the
//! crates below hold (label names, chart titles, messages) fall through to
//! their lookups, so the page reads all of them with one [`t`].

mod audience;
mod exports;
mod intro;
mod kpis;
mod mapping;
mod migration;
mod models;
mod report;
mod rules;
mod settings;
mod survey;
mod ui;

use segscope_i18n::Lang;

/// One table entry: key, English, Chinese.
type Entry = (&'static str, &'static str, &'static str);

/// Every table of the page.
const TABLES: [&[Entry]; 12] = [
    ui::ENTRIES,
    intro::ENTRIES,
    kpis::ENTRIES,
    mapping::ENTRIES,
    audience::ENTRIES,
    exports::ENTRIES,
    migration::ENTRIES,
    models::ENTRIES,
    report::ENTRIES,
    rules::ENTRIES,
    settings::ENTRIES,
    survey::ENTRIES,
];

/// The text for `key` in `lang`: the page's own, else the crates' below it
/// (the charts', then the session's, which reaches export, warehouse,
/// engine and ingest); `??` for an unknown key, which a test keeps from
/// ever reaching a user.
pub fn t(lang: Lang, key: &str) -> &'static str {
    segscope_i18n::find(&TABLES, lang, key)
        .or_else(|| segscope_report::texts::text(lang, key))
        .or_else(|| segscope_session::texts::text(lang, key))
        .unwrap_or("??")
}

#[cfg(test)]
mod tests {
    use super::*;
    use segscope_i18n::key_scan;
    use std::collections::HashSet;
    use std::path::Path;

    #[test]
    fn keys_are_unique_across_the_page_and_every_crate_and_both_languages_are_filled() {
        let mut seen = HashSet::new();
        let below = [
            segscope_ingest::texts::own_entries().collect::<Vec<_>>(),
            segscope_engine::texts::own_entries().collect(),
            segscope_report::texts::own_entries().collect(),
            segscope_export::texts::own_entries().collect(),
            segscope_warehouse::texts::own_entries().collect(),
            segscope_session::texts::own_entries().collect(),
        ];
        for (key, _, _) in below.into_iter().flatten() {
            assert!(seen.insert(*key), "{key} is in two crates");
        }
        for (key, en, zh) in TABLES.into_iter().flatten() {
            assert!(seen.insert(key), "{key} is in two tables");
            assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{key} lacks a language");
        }
    }

    /// Every key the page's sources look up (found as the engine crates'
    /// key test finds them) has a text.
    #[test]
    fn every_key_the_page_names_is_known() {
        let mut files = Vec::new();
        key_scan::rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
        let mut checked = 0;
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap_or_default();
            for key in key_scan::keys_in(&text) {
                assert_ne!(t(Lang::En, &key), "??", "unknown key {key} in {}", file.display());
                checked += 1;
            }
        }
        assert!(checked > 250, "only {checked} keys found");
    }
}
