//! Texts of the clusters and lifetime-value pages.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("tab.clusters", "Clusters", "聚类"),
    ("tab.clv", "Lifetime value", "客户终身价值"),
    ("models.computing", "Fitting the models…", "正在拟合模型……"),
    (
        "models.k_plain",
        "{k} groups of buyers who buy alike, found from how recently, how often and how much they buy.",
        "按最近购买时间、购买频次和消费金额,找出 {k} 组购买行为相近的客户。",
    ),
    ("models.details", "Details", "详细信息"),
    (
        "models.k_auto",
        "k = {k} chosen by silhouette {s} on a sample.",
        "在样本上按轮廓系数 {s} 选出 k = {k}。",
    ),
    (
        "models.k_set",
        "k = {k} as set; silhouette {s}.",
        "按设置 k = {k};轮廓系数 {s}。",
    ),
    (
        "models.k_setting",
        "Clusters (blank = automatic)",
        "聚类数(留空 = 自动)",
    ),
    ("models.cluster", "Cluster", "聚类"),
    ("models.size", "Buyers", "客户数"),
    (
        "models.recency",
        "Median days since last order",
        "距最近购买天数(中位数)",
    ),
    ("models.orders", "Median orders", "订单数(中位数)"),
    ("models.revenue", "Median revenue", "消费金额(中位数)"),
    ("models.show_cluster", "Show list", "查看名单"),
    (
        "models.historical_only",
        "Showing historical value only.",
        "仅显示历史价值。",
    ),
    ("models.params", "Fitted parameters", "拟合参数"),
    ("models.model", "Model", "模型"),
    ("models.log_likelihood", "Log-likelihood", "对数似然"),
    (
        "models.converged",
        "Converged after {n} iterations",
        "迭代 {n} 次后收敛",
    ),
    (
        "models.not_converged",
        "Did not converge ({n} iterations)",
        "未收敛({n} 次迭代)",
    ),
    (
        "models.buyers",
        "{n} buyers, {r} repeat buyers in the spend model.",
        "{n} 位购买客户,其中 {r} 位复购客户用于消费模型。",
    ),
    ("models.mean_clv", "Mean predicted CLV", "平均预测 CLV"),
    (
        "models.mean_p_alive",
        "Average chance still buying",
        "仍在购买的平均概率",
    ),
    ("models.expected_purchases", "Expected purchases", "预期购买次数"),
    ("models.time_unit", "Time unit", "时间单位"),
    ("models.days", "Days", "天"),
    ("models.weeks", "Weeks", "周"),
    ("models.horizon", "Horizon (months)", "预测期(月)"),
    ("models.discount", "Monthly discount", "月折现率"),
    ("models.holdout_days", "Holdout (days)", "留出期(天)"),
    ("models.run_holdout", "Check on holdout", "留出期检验"),
    (
        "models.holdout_result",
        "{customers} customers: {predicted} repeat purchases predicted, {actual} actual ({diff}).",
        "{customers} 位客户:预测复购 {predicted} 次,实际 {actual} 次({diff})。",
    ),
];
