//! The UI languages and the text lookup every crate shares. Texts live with
//! the crate that uses them (`texts/` in ingest, engine, chart, report,
//! export, warehouse, session; `src/texts/` in the app): each declares its
//! tables with [`texts!`], which looks a key up in the crate's own tables and
//! then in those of the crates it builds on. This crate holds only what every
//! crate needs: [`Lang`], the lookup, and how sentences are joined.

pub mod key_scan;

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
pub type Entry = (&'static str, &'static str, &'static str);

/// The text of `key` in `lang` in `tables`, if one holds it.
pub fn find(tables: &[&[Entry]], lang: Lang, key: &str) -> Option<&'static str> {
    tables
        .iter()
        .flat_map(|t| t.iter())
        .find(|(k, _, _)| *k == key)
        .map(|(_, en, zh)| match lang {
            Lang::En => *en,
            Lang::Zh => *zh,
        })
}

/// Declares a crate's texts: `TABLES`, and `text` (this crate's tables, then
/// each lookup of `below` in turn), `t` (the same, `??` for an unknown key),
/// `has` and `own_entries`; and a test that every key the crate's sources
/// name has a text and that its own entries are unique and filled.
#[macro_export]
macro_rules! texts {
    (tables: [$($table:expr),* $(,)?], below: [$($below:path),* $(,)?]) => {
        /// This crate's tables.
        const TABLES: &[&[$crate::Entry]] = &[$($table),*];

        /// The text of `key` in `lang`: this crate's tables first, then those
        /// of the crates it builds on.
        pub fn text(lang: $crate::Lang, key: &str) -> Option<&'static str> {
            $crate::find(TABLES, lang, key)$(.or_else(|| $below(lang, key)))*
        }

        /// The text of `key` in `lang`, or `??` for a key no table holds.
        pub fn t(lang: $crate::Lang, key: &str) -> &'static str {
            text(lang, key).unwrap_or("??")
        }

        /// True when `key` has a text here or in a crate below.
        pub fn has(key: &str) -> bool {
            text($crate::Lang::En, key).is_some()
        }

        /// The entries of this crate's own tables.
        pub fn own_entries() -> impl Iterator<Item = &'static $crate::Entry> {
            TABLES.iter().flat_map(|table| table.iter())
        }

        #[cfg(test)]
        mod key_test {
            #[test]
            fn every_key_this_crate_names_has_both_languages() {
                let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
                assert_eq!($crate::key_scan::unknown_keys(&src, super::has), Vec::<String>::new());
                assert_eq!($crate::key_scan::filling_problems(super::own_entries()), Vec::<String>::new());
            }
        }
    };
}

/// The texts every crate shares.
const SHARED: &[Entry] = &[("text.join", "{a} {b}", "{a}{b}")];

/// A shared text of `key` in `lang`, if there is one: the last lookup of
/// every crate's chain.
pub fn text(lang: Lang, key: &str) -> Option<&'static str> {
    find(&[SHARED], lang, key)
}

/// `a` then `b`, joined as `lang` joins sentences (a space in English, none
/// in Chinese).
pub fn join(lang: Lang, a: &str, b: &str) -> String {
    text(lang, "text.join")
        .unwrap_or("{a} {b}")
        .replace("{a}", a)
        .replace("{b}", b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_parse() {
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("EN-us"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn sentences_join_per_language() {
        assert_eq!(join(Lang::En, "One.", "Two."), "One. Two.");
        assert_eq!(join(Lang::Zh, "一。", "二。"), "一。二。");
        assert_eq!(find(&[SHARED], Lang::En, "nothing"), None);
    }
}
