//! Texts of the report's first page (docs/product.md#report).

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("briefing.who_title", "Who your customers are", "客户画像"),
    ("briefing.who", "{buyers} of your {customers} customers bought between {first} and {last}: {orders} paid orders worth {revenue}, {aov} per order. {repeat} of them came back for another order, and the best {top_share} of buyers brought {top_revenue} of the revenue.", "在 {customers} 位客户中,有 {buyers} 位在 {first} 至 {last} 期间购买:共 {orders} 笔已付款订单,金额 {revenue},客单价 {aov}。其中 {repeat} 的客户再次下单,价值最高的 {top_share} 客户贡献了 {top_revenue} 的收入。"),
    ("briefing.who_source", "The largest source of revenue is {source} ({share}).", "收入最大的来源渠道是{source}({share})。"),
    ("briefing.focus_title", "Three segments that matter most", "最值得关注的三个分群"),
    ("briefing.focus_help", "The best customers to protect, the most revenue slipping away, and the most recent buyers to grow — each with what to do next.", "需要守护的最佳客户、正在流失的最大收入、最值得培养的新近客户——以及各自的下一步行动。"),
    ("briefing.buyers", "buyers", "位客户"),
    ("briefing.of_revenue", "of revenue", "的收入"),
    ("briefing.trend", "{change} since {date} ({before} then)", "较 {date} {change}(当时 {before} 位)"),
    ("briefing.trend_new", "New since {date}", "{date} 之后新出现"),
    ("briefing.trend_unknown", "No trend: nothing was dated 90 days earlier", "无趋势:90 天前尚无数据"),
    ("briefing.none", "No buyer falls in a segment to protect, win back or grow yet.", "目前没有客户落在需要守护、挽回或培养的分群中。"),
    ("briefing.details_title", "Details by page", "各页面详情"),
    ("briefing.playbook_segments", "RFM segments", "RFM 分群"),
    ("briefing.playbook_stages", "Lifecycle stages", "生命周期阶段"),
    ("briefing.playbook_tiers", "Value tiers", "价值分级"),
];
