//! Texts of the leads, engagement, interest and demographics pages.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("lead_step.ignore", "Not counted", "不计入"),
    ("tab.leads", "Leads", "线索"),
    ("tab.engagement", "Engagement", "互动度"),
    ("tab.interest", "Interest", "兴趣"),
    ("tab.demographics", "Demographics", "人口属性"),
    ("audience.show_list", "Show list", "查看名单"),
    ("audience.no_events", "No events file is loaded, so lead stages and engagement are not computed. Add an events export (customer, time, event type) to see them.", "未载入行为事件文件,因此无法计算购买阶段和互动度。请添加行为事件导出(客户、时间、事件类型)。"),
    ("leads.title", "Customers per lead stage", "各购买阶段客户"),
    ("leads.rules", "Decision: checkout started, coupon claimed or add-to-cart in the recent days. Consideration: enough product views, or compare, add to cart, trial, inquiry. Awareness: other events only. Unengaged: no events. Buyers are Purchased.", "决策:发起结算、领券或近期加购。考虑:商品浏览达到次数,或对比、加购、试用、咨询。认知:仅有其他行为。未互动:没有行为。已付款客户为“已购买”。"),
    ("leads.by_source", "Lead funnel by source", "各渠道线索漏斗"),
    ("leads.map", "Which stage each event reaches", "各类行为对应的阶段"),
    ("leads.views", "Product views for Consideration", "进入考虑阶段的商品浏览次数"),
    ("leads.cart_days", "Recent add-to-cart (days) for Decision", "进入决策阶段的近期加购天数"),
    ("engagement.title", "Customers per engagement level", "各互动度客户"),
    ("engagement.active_days", "Engaged: last interaction within (days)", "互动活跃:最近互动不超过(天)"),
    ("engagement.silent_days", "Silent: within (days)", "互动沉默:不超过(天)"),
    ("interest.title", "Interest per category", "各品类兴趣"),
    ("interest.how", "How the favourite category is chosen", "最爱品类如何确定"),
    ("interest.weights", "Each paid order and event adds its weight to its category, and the category with the highest total is the favourite. Weights:", "每笔已付款订单和每个行为事件都为其品类加上相应权重,总分最高的品类即为最爱品类。权重:"),
    ("interest.paid_order", "Paid order", "付款订单"),
    ("demo.dimension", "Dimension", "维度"),
    ("demo.known", "Known for {n} of {total} customers.", "{total} 位客户中 {n} 位有此信息。"),
    ("demo.income_bounds", "Income band boundaries", "收入分档分界"),
];
