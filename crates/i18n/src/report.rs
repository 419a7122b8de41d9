//! Texts of the report's first page (docs/product.md#report).

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(crate) const ENTRIES: &[Entry] = &[
    ("briefing.protect", "Protect", "守护"),
    ("briefing.win_back", "Win back", "挽回"),
    ("briefing.grow", "Grow", "培养"),
];
