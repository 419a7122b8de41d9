//! The playbook (docs/product.md#acting-on-segments): a recommended action per RFM segment, lifecycle
//! stage and value tier, in zh and en, which the user may replace with their
//! own text (saved in [`crate::settings::Settings::playbook`]).
//!
//! A playbook key is the i18n key of the group's name (`seg.champions`,
//! `life.at_risk`, `tier.high`, …); its built-in action is the i18n entry
//! `play.<key>`.

use crate::lifecycle::LifecycleStage;
use crate::rfm::segment::RfmSegment;
use crate::texts::{has, t};
use segscope_i18n::Lang;
use std::collections::BTreeMap;

/// Playbook keys of the value tiers: best, middle, lowest, no purchase.
pub const TIER_KEYS: [&str; 4] = ["tier.high", "tier.medium", "tier.low", "tier.none"];

/// The playbook key of value tier `tier` (an index, best first, among `tiers`
/// tiers; `None` is "No purchase"): the first tier is `tier.high`, the last
/// `tier.low` and any tier between them `tier.medium`, whatever their names.
pub fn tier_key(tier: Option<u32>, tiers: usize) -> &'static str {
    match tier.map(|t| t as usize) {
        None => TIER_KEYS[3],
        Some(0) => TIER_KEYS[0],
        Some(t) if t + 1 >= tiers => TIER_KEYS[2],
        Some(_) => TIER_KEYS[1],
    }
}

/// Every playbook key: the 11 RFM segments, the 5 lifecycle stages, then the
/// tiers, in display order.
pub fn playbook_keys() -> Vec<&'static str> {
    RfmSegment::ALL
        .iter()
        .map(|s| s.i18n_key())
        .chain(LifecycleStage::ALL.iter().map(|s| s.i18n_key()))
        .chain(TIER_KEYS)
        .collect()
}

/// The built-in action for `key` in `lang`; `None` for an unknown key.
pub fn default_action(key: &str, lang: Lang) -> Option<&'static str> {
    let entry = format!("play.{key}");
    has(&entry).then(|| t(lang, &entry))
}

/// The action in force for `key`: the user's text from `overrides` when it is
/// not blank, else the built-in one (empty for an unknown key).
pub fn action<'a>(key: &str, lang: Lang, overrides: &'a BTreeMap<String, String>) -> &'a str {
    match overrides.get(key).filter(|text| !text.trim().is_empty()) {
        Some(text) => text,
        None => default_action(key, lang).unwrap_or(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_a_distinct_action_in_both_languages() {
        let keys = playbook_keys();
        assert_eq!(keys.len(), 11 + 5 + 4);
        for lang in [Lang::En, Lang::Zh] {
            let mut seen = std::collections::HashSet::new();
            for key in &keys {
                let text = default_action(key, lang).unwrap_or_default();
                assert!(!text.trim().is_empty(), "{key} has no {lang:?} action");
                assert!(seen.insert(text), "{key} repeats another action");
            }
        }
    }

    #[test]
    fn overrides_replace_the_default_unless_blank() {
        let mut overrides = BTreeMap::new();
        overrides.insert("seg.champions".to_string(), "VIP dinner".to_string());
        overrides.insert("life.new".to_string(), "  ".to_string());
        assert_eq!(action("seg.champions", Lang::Zh, &overrides), "VIP dinner");
        assert_eq!(
            action("life.new", Lang::En, &overrides),
            default_action("life.new", Lang::En).unwrap_or("x")
        );
        assert_eq!(action("seg.unknown", Lang::En, &overrides), "");
        assert_eq!(default_action("seg.unknown", Lang::En), None);
    }

    #[test]
    fn tier_keys_follow_position() {
        assert_eq!(tier_key(None, 3), "tier.none");
        assert_eq!(
            [0, 1, 2].map(|t| tier_key(Some(t), 3)),
            ["tier.high", "tier.medium", "tier.low"]
        );
        assert_eq!([0, 1].map(|t| tier_key(Some(t), 2)), ["tier.high", "tier.low"]);
        assert_eq!(tier_key(Some(2), 5), "tier.medium");
        assert_eq!(tier_key(Some(0), 1), "tier.high");
    }
}
