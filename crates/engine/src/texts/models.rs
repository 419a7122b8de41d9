//! Texts of the clusters and lifetime-value models.

use segscope_i18n::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("kmeans.like", "Like {segment}", "类{segment}"),
    ("kmeans.numbered", "{cluster} {n}", "{cluster} {n}"),
    ("kmeans.problem.too_few_buyers", "Clustering needs at least {needed} buyers; there are {n}.", "聚类至少需要 {needed} 位购买客户,目前只有 {n} 位。"),
    ("kmeans.problem.too_few_distinct", "Clustering into {needed} groups needs at least {needed} buyers who differ in recency, orders or revenue; there are {n}.", "分成 {needed} 个群组至少需要 {needed} 位在最近购买、订单数或消费金额上不同的购买客户,目前只有 {n} 位。"),
    ("clv.problem.no_buyers", "CLV needs buyers; there are none before the as-of date.", "计算 CLV 需要购买客户,分析日期前没有。"),
    ("clv.problem.too_few_repeat", "CLV needs at least {needed} repeat buyers; there are {n}.", "计算 CLV 至少需要 {needed} 位复购客户,目前只有 {n} 位。"),
    ("clv.problem.not_converged", "The {part} model did not converge on this data.", "{part}模型在此数据上未收敛。"),
    ("clv.problem.degenerate", "The {part} model has no finite best fit on this data (for example, the same dropout for everyone).", "{part}模型在此数据上没有有限的最优解(例如所有人流失概率相同)。"),
    ("clv.part.purchases", "purchase (BG/NBD)", "购买(BG/NBD)"),
    ("clv.part.spend", "spend (Gamma-Gamma)", "消费(Gamma-Gamma)"),
];
