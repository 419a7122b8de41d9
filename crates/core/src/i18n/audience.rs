//! Texts of the event- and profile-based schemes: event kinds, lead stages,
//! engagement, the journey, demographics, and their pages and charts.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(crate) const ENTRIES: &[Entry] = &[
    // Column roles of events and customer profiles.
    ("role.gender", "Gender", "性别"),
    ("role.birth_date", "Birth date", "出生日期"),
    ("role.age", "Age", "年龄"),
    ("role.income", "Income", "收入"),
    ("role.occupation", "Occupation", "职业"),
    ("role.region", "Province / state", "省份/地区"),
    ("role.city", "City", "城市"),
    ("role.country", "Country", "国家"),
    // Event kinds (SPEC S1).
    ("event.page_view", "Page view", "页面浏览"),
    ("event.product_view", "Product view", "商品浏览"),
    ("event.like", "Like", "点赞/收藏"),
    ("event.comment", "Comment", "评论"),
    ("event.share", "Share", "分享"),
    ("event.add_to_cart", "Add to cart", "加购"),
    ("event.compare", "Compare", "对比"),
    ("event.trial", "Trial", "试用"),
    ("event.inquiry", "Inquiry", "咨询"),
    ("event.checkout_started", "Checkout started", "发起结算"),
    ("event.coupon_claimed", "Coupon claimed", "领券"),
    ("event.service_request", "Service request", "客服请求"),
    ("event.return_request", "Return request", "退货申请"),
    ("event.purchase", "Purchase", "购买"),
    ("event.other", "Other", "其他"),
    // Lead purchase stages (SPEC S5.5).
    ("lead.unengaged", "Unengaged", "未互动"),
    ("lead.awareness", "Awareness", "认知"),
    ("lead.consideration", "Consideration", "考虑"),
    ("lead.decision", "Decision", "决策"),
    ("lead.purchased", "Purchased", "已购买"),
    ("lead.first_purchase", "First purchase", "首次购买"),
    ("lead_step.ignore", "Not counted", "不计入"),
    // Engagement (SPEC S5.6).
    ("engagement.active", "Active", "活跃"),
    ("engagement.silent", "Silent", "沉默"),
    ("engagement.dormant", "Dormant", "休眠"),
    // Journey (SPEC S6).
    ("journey.awareness", "Awareness", "认知"),
    ("journey.consideration", "Consideration", "考虑"),
    ("journey.decision", "Decision", "决策"),
    ("journey.purchase", "Purchase", "购买"),
    ("journey.repeat", "Repeat", "复购"),
    ("journey.loyal", "Loyal", "忠诚"),
    // Demographics (SPEC S6).
    ("demo.age", "Age", "年龄"),
    ("demo.gender", "Gender", "性别"),
    ("demo.income", "Income", "收入"),
    ("demo.occupation", "Occupation", "职业"),
    ("demo.region", "Region", "地区"),
    ("demo.unknown", "Unknown", "未知"),
    ("demo.other", "Other", "其他"),
    ("gender.female", "Female", "女"),
    ("gender.male", "Male", "男"),
    ("gender.other", "Other", "其他"),
    ("gender.unknown", "Unknown", "未知"),
];
