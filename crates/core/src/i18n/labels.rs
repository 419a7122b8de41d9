//! Texts for segment names, tier names, KPI names and chart titles.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(crate) const ENTRIES: &[Entry] = &[
    // RFM segments (SPEC S5.1), in table order.
    ("seg.champions", "Champions", "冠军客户"),
    ("seg.loyal_customers", "Loyal Customers", "忠诚客户"),
    ("seg.potential_loyalists", "Potential Loyalists", "潜力忠诚客户"),
    ("seg.new_customers", "New Customers", "新客户"),
    ("seg.promising", "Promising", "有潜力客户"),
    ("seg.need_attention", "Need Attention", "需要关注"),
    ("seg.about_to_sleep", "About To Sleep", "即将沉睡"),
    ("seg.at_risk", "At Risk", "有流失风险"),
    ("seg.cant_lose_them", "Can't Lose Them", "不能失去"),
    ("seg.hibernating", "Hibernating", "休眠客户"),
    ("seg.lost", "Lost", "已流失"),
    // Value tiers (SPEC S5.2); {n} is the tier's 1-based position.
    ("tier.high", "High", "高价值"),
    ("tier.medium", "Medium", "中价值"),
    ("tier.low", "Low", "低价值"),
    ("tier.none", "No purchase", "未购买"),
    ("tier.numbered", "Tier {n}", "第 {n} 级"),
    // Overview KPIs (SPEC S6); {share} and {revenue} are percentages.
    ("kpi.customers", "Customers", "客户数"),
    ("kpi.buyers", "Buyers", "购买客户"),
    ("kpi.paid_orders", "Paid orders", "已付款订单"),
    ("kpi.revenue", "Revenue", "收入"),
    ("kpi.aov", "AOV", "客单价"),
    ("kpi.repeat_rate", "Repeat rate", "复购率"),
    ("kpi.refunded_orders", "Refunded orders", "退款订单"),
    ("kpi.cancelled_orders", "Cancelled orders", "取消订单"),
    (
        "kpi.top_sentence",
        "The top {share} of buyers bring {revenue} of revenue",
        "前 {share} 的购买客户带来了 {revenue} 的收入",
    ),
    // Charts in general.
    ("chart.no_data", "No data", "暂无数据"),
    // Tier distribution chart; {tier} tier name, {n} count, {x} money, {share} percentage.
    ("chart.tiers.title", "Customers and revenue by value tier", "各价值等级的客户与收入占比"),
    (
        "chart.tiers.desc",
        "For each value tier, one bar shows its share of customers and one its share of revenue.",
        "每个价值等级用两根柱子分别显示客户占比与收入占比。",
    ),
    ("chart.tiers.x_axis", "Value tier", "价值等级"),
    ("chart.tiers.y_axis", "Share of total", "占总体的比例"),
    ("chart.tiers.customer_share", "Share of customers", "客户占比"),
    ("chart.tiers.revenue_share", "Share of revenue", "收入占比"),
    ("chart.tiers.customers_count", "{n} customers", "{n} 位客户"),
    (
        "chart.tiers.customers_hover",
        "{tier}: {n} customers ({share} of all customers)",
        "{tier}:{n} 位客户(占全部客户的 {share})",
    ),
    (
        "chart.tiers.revenue_hover",
        "{tier}: revenue {x} ({share} of total revenue)",
        "{tier}:收入 {x}(占总收入的 {share})",
    ),
    // R × F heatmap; {r} and {f} scores, {n} count, {x} money, {segment} segment name.
    ("chart.rf.title", "RFM grid: recency × frequency", "RFM 网格:近度 × 频次"),
    (
        "chart.rf.desc",
        "Each cell counts the buyers with that recency score (R) and frequency score (F); darker cells hold more buyers.",
        "每个格子统计具有该近度得分 (R) 与频次得分 (F) 的购买客户数,颜色越深人数越多。",
    ),
    ("chart.rf.x_axis", "Frequency score (F)", "频次得分 (F)"),
    ("chart.rf.y_axis", "Recency score (R)", "近度得分 (R)"),
    ("chart.rf.legend", "Buyers", "购买客户数"),
    (
        "chart.rf.cell_hover",
        "R {r} · F {f}: {n} buyers, average revenue {x} ({segment})",
        "R {r} · F {f}:{n} 位购买客户,平均收入 {x}({segment})",
    ),
];
