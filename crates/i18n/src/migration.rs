//! Texts of segment migration (docs/product.md#analyses-and-charts): scheme names, problems and the
//! transition-matrix chart.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(crate) const ENTRIES: &[Entry] = &[
    ("migration.scheme.rfm", "RFM segment", "RFM 分群"),
    ("migration.scheme.tier", "Value tier", "价值分级"),
    ("migration.scheme.lifecycle", "Lifecycle stage", "生命周期阶段"),
    ("migration.problem.dates_not_in_order", "The first date must be before the second date.", "起始日期必须早于结束日期。"),
    ("migration.problem.no_data_before", "No customer has a signup, order or event on or before the first date; pick a later one.", "起始日期当天及之前没有任何注册、订单或行为记录,请选择更晚的日期。"),
    ("chart.migration.title", "Segment migration", "分群迁移"),
    ("chart.migration.desc", "How many customers moved from each state at the first date (rows) to each state at the second date (columns); the diagonal is customers who stayed.", "各状态客户从起始日期(行)到结束日期(列)的迁移人数;对角线为保持不变的客户。"),
    ("chart.migration.x", "State at the second date", "结束日期时的状态"),
    ("chart.migration.y", "State at the first date", "起始日期时的状态"),
    ("chart.migration.cell_hover", "Customers {from} → {to}: {n} ({share} of {from})", "{from} → {to} 的客户:{n} 位(占{from}的 {share})"),

];
