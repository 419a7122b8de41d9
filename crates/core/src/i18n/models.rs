//! Texts of the statistical models: K-means clusters and their chart.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(crate) const ENTRIES: &[Entry] = &[
    // K-means clusters (SPEC S5.8); {segment} is an RFM segment name.
    ("kmeans.numbered", "{segment} {n}", "{segment} {n}"),
    ("kmeans.problem.too_few_buyers", "Clustering needs at least {needed} buyers; there are {n}.", "聚类至少需要 {needed} 位购买客户,目前只有 {n} 位。"),
    ("kmeans.problem.too_few_distinct", "Clustering into {needed} groups needs at least {needed} buyers who differ in recency, orders or revenue; there are {n}.", "分成 {needed} 个群组至少需要 {needed} 位在最近购买、订单数或消费金额上不同的购买客户,目前只有 {n} 位。"),
    ("chart.clusters.title", "Customer clusters", "客户聚类"),
    ("chart.clusters.desc", "A sample of buyers by days since their latest order and revenue, coloured by K-means cluster; diamonds mark the cluster centres.", "按距最近一次购买的天数与消费金额展示的购买客户样本,颜色表示 K-means 聚类,菱形为各聚类中心。"),
    ("chart.clusters.x", "Days since the latest order", "距最近一次购买天数"),
    ("chart.clusters.y", "Revenue (log scale)", "消费金额(对数刻度)"),
    ("chart.clusters.point_hover", "{cluster}: recency {days} d, orders {orders}, revenue {revenue}", "{cluster}:距今 {days} 天,{orders} 单,消费 {revenue}"),
    ("chart.clusters.centre_hover", "Centre of {cluster} (buyers: {n}): recency {days} d, orders {orders}, revenue {revenue}", "{cluster} 中心({n} 位客户):距今 {days} 天,{orders} 单,消费 {revenue}"),
];
