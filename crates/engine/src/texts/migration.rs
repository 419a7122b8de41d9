//! Texts of segment migration.

use segscope_i18n::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("migration.scheme.rfm", "RFM segment", "RFM 分群"),
    ("migration.scheme.tier", "Value tier", "价值分级"),
    ("migration.scheme.lifecycle", "Lifecycle stage", "生命周期阶段"),
    (
        "migration.problem.dates_not_in_order",
        "The first date must be before the second date.",
        "起始日期必须早于结束日期。",
    ),
    (
        "migration.problem.no_data_before",
        "No customer has a signup, order or event on or before the first date; pick a later one.",
        "起始日期当天及之前没有任何注册、订单或行为记录,请选择更晚的日期。",
    ),
];
