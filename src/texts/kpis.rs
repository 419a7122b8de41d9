//! Texts of the headline-number tiles.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("kpi.buyers", "Buyers", "购买客户"),
    ("kpi.paid_orders", "Paid orders", "已付款订单"),
    ("kpi.aov", "AOV", "客单价"),
    ("kpi.repeat_rate", "Repeat rate", "复购率"),
    ("kpi.refunded_orders", "Refunded orders", "退款订单"),
    ("kpi.active_share", "Active buyers", "活跃购买客户占比"),
];
