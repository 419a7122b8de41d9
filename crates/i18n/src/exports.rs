//! Texts of the per-customer exports: readable column headers (localized CSV
//! and workbook), sheet names and export errors.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(crate) const ENTRIES: &[Entry] = &[
    // Column headers, in the order of the per-customer CSV.
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
    ("export.col.engagement", "Engagement", "活跃度"),
    ("export.col.favorite_category", "Favorite category", "偏好品类"),
    ("export.col.source", "Source", "来源渠道"),
    ("export.col.cluster", "Cluster", "聚类"),
    ("export.col.p_alive", "P(alive)", "存活概率"),
    ("export.col.expected_purchases", "Expected purchases", "预期购买次数"),
    ("export.col.clv", "Predicted CLV", "预测 CLV"),
    ("export.col.custom_segments", "Custom segments", "自定义分群"),
    ("export.col.age_band", "Age band", "年龄段"),
    ("export.col.gender", "Gender", "性别"),
    ("export.col.income_band", "Income band", "收入区间"),
    ("export.col.occupation", "Occupation", "职业"),
    ("export.col.region", "Region", "地区"),
    ("export.col.name", "Name", "姓名"),
    ("export.col.email", "Email", "邮箱"),
    ("export.col.phone", "Phone", "手机号"),
    // Workbook sheets and errors.
    ("export.sheet.all", "All customers", "全部客户"),
    (
        "export.error.write",
        "The workbook could not be written ({reason}).",
        "无法生成工作簿({reason})。",
    ),
    (
        "export.error.too_large",
        "The workbook would be larger than 4 GB: export a smaller selection.",
        "工作簿将超过 4 GB,请导出较少的客户。",
    ),
    ("explorer.export_localized", "CSV in this language", "当前语言 CSV"),
    (
        "explorer.export_xlsx",
        "Excel, a sheet per segment",
        "Excel(每个分群一个工作表)",
    ),
];
