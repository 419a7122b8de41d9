//! Texts of the migration page.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("tab.migration", "Migration", "分群迁移"),
    ("migration.scheme", "Compare", "比较"),
    ("migration.from", "From", "起始日期"),
    ("migration.to", "To", "结束日期"),
    (
        "migration.totals",
        "{stayed} customers kept their label, {moved} moved.",
        "{stayed} 位客户标签未变,{moved} 位发生迁移。",
    ),
    ("migration.top_moves", "Largest moves", "最大的迁移"),
];
