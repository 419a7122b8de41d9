//! Texts of the clusters and lifetime-value models.

use segscope_i18n::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("chart.clusters.title", "Customer clusters", "客户聚类"),
    ("chart.clusters.desc", "A sample of buyers by days since their latest order and revenue, coloured by K-means cluster; diamonds mark the cluster centres.", "按距最近一次购买的天数与消费金额展示的购买客户样本,颜色表示 K-means 聚类,菱形为各聚类中心。"),
    ("chart.clusters.x", "Days since the latest order", "距最近一次购买天数"),
    ("chart.clusters.y", "Revenue (log scale)", "消费金额(对数刻度)"),
    ("chart.clusters.point_hover", "{cluster}: recency {days} d, orders {orders}, revenue {revenue}", "{cluster}:距今 {days} 天,{orders} 单,消费 {revenue}"),
    ("chart.clusters.centre_hover", "Centre of {cluster} (buyers: {n}): recency {days} d, orders {orders}, revenue {revenue}", "{cluster} 中心({n} 位客户):距今 {days} 天,{orders} 单,消费 {revenue}"),
    ("chart.silhouette.title", "Silhouette per number of clusters", "各聚类数的轮廓系数"),
    ("chart.silhouette.desc", "How well separated the clusters are for each k tried on a sample (higher is better).", "在样本上尝试的每个 k 的聚类分离程度(越高越好)。"),
    ("chart.silhouette.x", "Clusters (k)", "聚类数 k"),
    ("chart.silhouette.y", "Silhouette", "轮廓系数"),
    ("chart.clv_distribution.title", "Predicted CLV per buyer", "购买客户预测 CLV 分布"),
    ("chart.clv_distribution.desc", "Buyers by predicted discounted value over the horizon; the last band holds everything above it.", "按预测期内折现价值划分的购买客户数;最后一档包含更高的值。"),
    ("chart.clv_distribution.x", "Predicted CLV", "预测 CLV"),
    ("chart.clv_distribution.y", "Buyers", "购买客户数"),
    ("chart.clv_sources.title", "Predicted CLV per source", "各渠道预测 CLV"),
    ("chart.clv_sources.desc", "The sum of the buyers' predicted CLV for each acquisition source.", "各获客渠道购买客户的预测 CLV 之和。"),
    ("chart.clv_sources.x", "Predicted CLV", "预测 CLV"),
    ("chart.clv_sources.y", "Source", "渠道"),
    ("chart.holdout.title", "Holdout: predicted vs actual purchases", "留出期:预测与实际购买次数"),
    ("chart.holdout.desc", "Mean repeat purchases per customer in the holdout period, predicted by the model fitted before it and actual, by repeat purchases before it.", "按校准期内复购次数分组,每位客户在留出期内的平均复购次数:模型预测与实际。"),
    ("chart.holdout.x", "Repeat purchases in calibration", "校准期复购次数"),
    ("chart.holdout.y", "Purchases per customer", "人均购买次数"),
    ("models.silhouette", "Silhouette", "轮廓系数"),
    ("models.total_clv", "Total predicted CLV", "预测 CLV 合计"),
    ("models.predicted", "Predicted", "预测"),
    ("models.actual", "Actual", "实际"),
];
