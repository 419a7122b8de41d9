//! The exports' zh/en texts: readable column headers, activation lists, the campaign pack, export errors, looked up by key; a key this crate does not hold
//! falls through to the engine and ingest crates' texts.

use segscope_i18n::Entry;

/// This crate's entries: (key, English, Chinese).
const ENTRIES: &[Entry] = &[
    ("export.col.customer_id", "Customer ID", "客户ID"),
    ("export.col.first_order_date", "First order date", "首次下单日期"),
    ("export.col.last_order_date", "Last order date", "最近下单日期"),
    ("export.col.orders", "Orders", "订单数"),
    ("export.col.revenue", "Revenue", "消费金额"),
    ("export.col.aov", "Average order value", "客单价"),
    ("export.col.recency_days", "Days since last order", "距最近下单天数"),
    ("export.col.r_score", "R score", "R 分"),
    ("export.col.f_score", "F score", "F 分"),
    ("export.col.m_score", "M score", "M 分"),
    ("export.col.rfm_segment", "RFM segment", "RFM 分群"),
    ("export.col.value_score", "Value score", "价值得分"),
    ("export.col.value_tier", "Value tier", "价值等级"),
    ("export.col.member_level", "Membership level", "会员等级"),
    ("export.col.lifecycle_stage", "Lifecycle stage", "生命周期阶段"),
    ("export.col.lead_stage", "Lead stage", "线索阶段"),
    ("export.col.engagement", "Engagement", "互动度"),
    ("export.col.favorite_category", "Favorite category", "偏好品类"),
    ("export.col.source", "Source", "来源渠道"),
    ("export.col.cluster", "Cluster", "聚类"),
    ("export.col.p_alive", "P(alive)", "存活概率"),
    ("export.col.expected_purchases", "Expected purchases", "预期购买次数"),
    ("export.col.clv", "Predicted CLV", "预测 CLV"),
    ("export.col.custom_segments", "Custom segments", "自定义分群"),
    ("export.col.nps_score", "NPS score", "NPS 评分"),
    ("export.col.nps_group", "NPS group", "NPS 分组"),
    ("export.col.csat", "Satisfaction", "满意度"),
    ("export.col.psycho_class", "Psychographic class", "心理特征类别"),
    ("export.col.themes", "Feedback themes", "反馈主题"),
    ("export.col.age_band", "Age band", "年龄段"),
    ("export.col.gender", "Gender", "性别"),
    ("export.col.income_band", "Income band", "收入区间"),
    ("export.col.occupation", "Occupation", "职业"),
    ("export.col.region", "Region", "地区"),
    ("export.col.name", "Name", "姓名"),
    ("export.col.email", "Email", "邮箱"),
    ("export.col.phone", "Phone", "手机号"),
    ("export.sheet.all", "All customers", "全部客户"),
    (
        "export.error.write",
        "The file could not be written ({reason}).",
        "无法生成文件({reason})。",
    ),
    (
        "export.error.too_large",
        "The file would be larger than 4 GB: export a smaller selection.",
        "文件将超过 4 GB,请导出较少的客户。",
    ),
    ("activation.format.meta", "Meta custom audience", "Meta 自定义受众"),
    (
        "activation.format.google",
        "Google Ads Customer Match",
        "Google Ads 客户匹配",
    ),
    (
        "activation.format.mailchimp",
        "Mailchimp audience, labels as tags",
        "Mailchimp 受众(分群作为标签)",
    ),
    (
        "activation.format.klaviyo",
        "Klaviyo list, labels as properties",
        "Klaviyo 列表(分群作为属性)",
    ),
    ("activation.format.shopify", "Shopify customer tags", "Shopify 客户标签"),
    (
        "activation.format.wecom",
        "WeCom / WeChat tag list",
        "企业微信 / 微信标签表",
    ),
    ("activation.key.email_or_phone", "an e-mail or phone", "邮箱或手机号"),
    ("activation.key.email", "an e-mail", "邮箱"),
    ("activation.key.wechat", "a WeCom or WeChat id", "企业微信或微信 ID"),
    (
        "pack.readme.title",
        "Segscope campaign pack: one customer list per group, with the action the playbook recommends.",
        "Segscope 营销活动包:每个客户群一份名单,附行动手册中的建议动作。",
    ),
    (
        "pack.readme.counts",
        "{customers} customers, {reachable} with an e-mail or phone.",
        "{customers} 位客户,其中 {reachable} 位有邮箱或手机号。",
    ),
    ("pack.readme.action", "Recommended action", "建议动作"),
];

segscope_i18n::texts!(tables: [ENTRIES], below: [segscope_engine::texts::text, segscope_ingest::texts::text]);
