//! Texts of segment migration.

use segscope_i18n::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("chart.migration.title", "Segment migration", "分群迁移"),
    ("chart.migration.desc", "How many customers moved from each state at the first date (rows) to each state at the second date (columns); the diagonal is customers who stayed.", "各状态客户从起始日期(行)到结束日期(列)的迁移人数;对角线为保持不变的客户。"),
    ("chart.migration.x", "State at the second date", "结束日期时的状态"),
    ("chart.migration.y", "State at the first date", "起始日期时的状态"),
    ("chart.migration.cell_hover", "Customers {from} → {to}: {n} ({share} of {from})", "{from} → {to} 的客户:{n} 位(占{from}的 {share})"),
];
