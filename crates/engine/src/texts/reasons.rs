//! Why each label: the reasons the customer detail gives, and findings about undated buyers.

use segscope_i18n::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("finding.undated_all", "These buyers' orders come from a customer summary, as lifetime totals without order dates: orders, spend, value tiers and membership are theirs; recency, RFM segments, lifecycle stages, repeat cohorts, clusters and lifetime value need dated orders. Add an orders export (or a summary with first and last order dates) to see them.", "这些买家的订单来自客户汇总,只有累计总数,没有下单日期:订单数、消费额、价值分级和会员等级都已计入;最近购买、RFM 分群、生命周期、复购同期群、聚类和客户终身价值需要带日期的订单。请加入订单导出文件(或带首单和末单日期的客户汇总)后查看。"),
    ("finding.undated_some", "{n} of {buyers} buyers are known only from a customer summary, as lifetime totals without order dates: they count in the orders, spend, value tiers and membership, but not in recency, RFM segments, lifecycle stages, repeat cohorts, clusters or lifetime value, which need dated orders.", "{buyers} 个买家中有 {n} 个只出现在客户汇总里,只有累计总数,没有下单日期:他们计入订单数、消费额、价值分级和会员等级,但不计入需要下单日期的最近购买、RFM 分群、生命周期、复购同期群、聚类和客户终身价值。"),
    ("reason.scheme.r", "Recency score (R)", "最近购买得分(R)"),
    ("reason.scheme.f", "Frequency score (F)", "购买频次得分(F)"),
    ("reason.scheme.m", "Monetary score (M)", "消费金额得分(M)"),
    ("reason.scheme.rfm", "RFM", "RFM"),
    ("reason.scheme.segment", "RFM segment", "RFM 分群"),
    ("reason.scheme.tier", "Value tier", "价值等级"),
    ("reason.scheme.category", "Favourite category", "偏好品类"),
    ("reason.category", "Most paid orders are in this category (of {n} categories bought).", "已付款订单最多的品类(共购买过 {n} 个品类)。"),
    ("reason.no_purchase", "No paid order on or before the as-of date, so no RFM scores or value tier.", "分析基准日前没有已付款订单,因此没有 RFM 得分和价值等级。"),
    ("reason.r", "R {score} of {scale} because the last paid order was {value} days before the as-of date.", "R 为 {score}(满分 {scale}),因为最近一笔已付款订单距基准日 {value} 天。"),
    ("reason.f", "F {score} of {scale} because of {value} paid orders.", "F 为 {score}(满分 {scale}),因为共有 {value} 笔已付款订单。"),
    ("reason.m", "M {score} of {scale} because paid orders add up to {value}.", "M 为 {score}(满分 {scale}),因为已付款订单合计 {value}。"),
    ("reason.segment", "R {r} and F {f} fall in this cell of the RFM grid.", "R 为 {r}、F 为 {f},落在 RFM 网格的这一格。"),
    ("reason.tier", "Value score {value} (0–1: weighted share of buyers with a smaller AOV, order count and revenue) ranks in this tier.", "价值得分 {value}(0–1:客单价、订单数、消费额低于该客户的购买客户占比的加权和),排名落在这一级。"),
];
