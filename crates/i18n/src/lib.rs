//! The zh-CN / en texts of the engine crates: label names (segments, stages,
//! tiers, levels), chart titles, ingest and export messages, settings
//! problems, looked up by key. Entries live in per-area files. The page's own
//! texts (screens, buttons, page sentences) live with the app, in `src/texts/`,
//! which falls back to these.

mod audience;
mod exports;
mod ingest;
mod labels;
mod migration;
mod models;
mod report;
mod rules;
mod settings;
mod ui;

use serde::{Deserialize, Serialize};

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Parses `en`, `zh`, `zh-CN`, `en-US`, … (case-insensitive); `None` otherwise.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag.starts_with("zh") {
            Some(Lang::Zh)
        } else if tag.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }
}

/// One table entry: key, English, Chinese.
pub(crate) type Entry = (&'static str, &'static str, &'static str);

fn all_tables() -> [&'static [Entry]; 10] {
    [
        ui::ENTRIES,
        labels::ENTRIES,
        audience::ENTRIES,
        rules::ENTRIES,
        models::ENTRIES,
        migration::ENTRIES,
        exports::ENTRIES,
        ingest::ENTRIES,
        report::ENTRIES,
        settings::ENTRIES,
    ]
}

/// The text for `key` in `lang`. An unknown key returns the key itself, and a
/// test (`every_key_is_known`) keeps that from ever reaching a user.
pub fn t(lang: Lang, key: &str) -> &'static str {
    for table in all_tables() {
        if let Some((_, en, zh)) = table.iter().find(|(k, _, _)| *k == key) {
            return match lang {
                Lang::En => en,
                Lang::Zh => zh,
            };
        }
    }
    // Leak-free fallback: a static marker; tests assert it never happens.
    "??"
}

/// `a` then `b`, joined as `lang` joins sentences (a space in English, none
/// in Chinese).
pub fn join(lang: Lang, a: &str, b: &str) -> String {
    t(lang, "text.join").replace("{a}", a).replace("{b}", b)
}

/// True when `key` has an entry.
pub fn has(key: &str) -> bool {
    all_tables().iter().any(|table| table.iter().any(|(k, _, _)| *k == key))
}

/// Every key in every table (for completeness tests).
pub fn keys() -> impl Iterator<Item = &'static str> {
    all_tables().into_iter().flat_map(|t| t.iter().map(|(k, _, _)| *k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The labels a customer carries, one scheme per prefix: a name must not
    /// mean two things (lifecycle "Active" and engagement "Active", RFM
    /// 新客户 and lifecycle 新客户 did), in either language.
    #[test]
    fn label_names_mean_one_thing_per_language() {
        const SCHEMES: [&str; 6] = ["seg.", "life.", "engagement.", "lead.", "tier.", "level."];
        let labels: Vec<&Entry> = all_tables()
            .into_iter()
            .flatten()
            .filter(|(k, ..)| SCHEMES.iter().any(|p| k.starts_with(p)) && !k.ends_with("numbered"))
            .collect();
        assert!(labels.len() > 30);
        for lang in [Lang::En, Lang::Zh] {
            let mut seen = std::collections::HashMap::new();
            for (key, en, zh) in &labels {
                let name = if lang == Lang::En { en } else { zh };
                if let Some(other) = seen.insert(name.to_lowercase(), *key) {
                    panic!("{name:?} names both {other} and {key} ({lang:?})");
                }
            }
        }
    }

    #[test]
    fn keys_are_unique_and_both_languages_are_filled() {
        let mut seen = HashSet::new();
        for table in all_tables() {
            for (k, en, zh) in table.iter() {
                assert!(seen.insert(*k), "duplicate i18n key {k}");
                assert!(!en.trim().is_empty(), "missing English for {k}");
                assert!(!zh.trim().is_empty(), "missing Chinese for {k}");
            }
        }
    }

    #[test]
    fn language_tags_parse() {
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("EN-us"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
    }
}
