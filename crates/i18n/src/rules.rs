//! Texts of custom segments and tags (docs/product.md#custom-segments-and-tags): field and test names for
//! the rule builder, problems and warnings.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(crate) const ENTRIES: &[Entry] = &[
    // Fields a condition can test.
    ("rules.field.orders", "Orders", "订单数"),
    ("rules.field.revenue", "Revenue", "收入"),
    ("rules.field.aov", "Average order value", "客单价"),
    ("rules.field.max_order", "Largest order", "最大单笔金额"),
    ("rules.field.recency_days", "Days since last order", "距最近购买天数"),
    ("rules.field.tenure_days", "Days since first order", "距首次购买天数"),
    (
        "rules.field.mean_interpurchase_days",
        "Mean days between orders",
        "平均购买间隔天数",
    ),
    ("rules.field.refunds", "Refunds and returns", "退款退货数"),
    ("rules.field.distinct_categories", "Categories bought", "购买品类数"),
    ("rules.field.r_score", "R score", "R 分值"),
    ("rules.field.f_score", "F score", "F 分值"),
    ("rules.field.m_score", "M score", "M 分值"),
    ("rules.field.value_score", "Value score", "价值得分"),
    ("rules.field.points", "Points", "积分"),
    ("rules.field.customer_id", "Customer ID", "客户 ID"),
    ("rules.field.source", "Source", "获客渠道"),
    ("rules.field.favorite_category", "Favourite category", "偏好品类"),
    ("rules.field.rfm_segment", "RFM segment", "RFM 分群"),
    ("rules.field.value_tier", "Value tier", "价值等级"),
    ("rules.field.member_level", "Membership level", "会员等级"),
    ("rules.field.lifecycle_stage", "Lifecycle stage", "生命周期阶段"),
    ("rules.field.first_order_date", "First order date", "首次购买日期"),
    ("rules.field.last_order_date", "Last order date", "最近购买日期"),
    ("rules.field.signup_date", "Signup date", "注册日期"),
    ("rules.field.segment", "Custom segment", "自定义分群"),
    // Tests.
    ("rules.test.cmp", "compare", "比较"),
    ("rules.test.between", "between", "介于"),
    ("rules.test.equals", "equals", "等于"),
    ("rules.test.contains", "contains", "包含"),
    ("rules.test.in_list", "is one of", "属于"),
    ("rules.test.before", "before", "早于"),
    ("rules.test.after", "after", "晚于"),
    ("rules.test.within_days", "within the last N days", "最近 N 天内"),
    ("rules.test.is_empty", "is empty / not in", "为空 / 不属于"),
    ("rules.test.is_set", "is set / in", "有值 / 属于"),
    // Modes.
    (
        "rules.mode.tags",
        "Tags (a customer can have several)",
        "标签(一个客户可有多个)",
    ),
    (
        "rules.mode.exclusive",
        "Ordered segments (first match wins)",
        "有序分群(按顺序首个匹配)",
    ),
    ("rules.other_default", "Other", "其他"),
    // Punctuation of names in sentences.
    ("rules.quoted", "“{name}”", "「{name}」"),
    ("rules.list_sep", ", ", "、"),
    // Problems that keep a rule set from being saved or imported.
    (
        "rules.problem.bad_json",
        "The rules file could not be read: {detail}",
        "无法读取规则文件:{detail}",
    ),
    (
        "rules.problem.too_many",
        "There are {count} custom segments; at most {max} are allowed.",
        "共有 {count} 个自定义分群,最多只能有 {max} 个。",
    ),
    (
        "rules.problem.empty_name",
        "Custom segment #{n} needs a name.",
        "第 {n} 个自定义分群需要名称。",
    ),
    (
        "rules.problem.duplicate_name",
        "Two custom segments are called {name}; names must differ.",
        "有多个自定义分群都叫{name},名称不能重复。",
    ),
    (
        "rules.problem.empty_other",
        "Name the customers no segment takes (for example “Other”).",
        "请为不属于任何分群的客户命名(例如「其他」)。",
    ),
    (
        "rules.problem.other_taken",
        "{name} is both a segment and the name of the rest; use another name.",
        "{name}既是分群名称又是其余客户的名称,请换一个名称。",
    ),
    (
        "rules.problem.too_deep",
        "The rule of {segment} nests groups more than {max} levels deep.",
        "{segment}的规则分组嵌套超过 {max} 层。",
    ),
    (
        "rules.problem.unknown_segment",
        "The rule of {segment} refers to {target}, which is not a custom segment.",
        "{segment}的规则引用了{target},但没有这个自定义分群。",
    ),
    (
        "rules.problem.cycle",
        "These segments refer to each other in a loop: {names}.",
        "这些分群相互引用,形成了循环:{names}。",
    ),
    (
        "rules.problem.min_above_max",
        "In {segment}, the range of {field} has its minimum above its maximum.",
        "{segment}中{field}的范围下限大于上限。",
    ),
    (
        "rules.problem.not_a_number",
        "In {segment}, {field} is compared with something that is not a number.",
        "{segment}中{field}的比较值不是有效数字。",
    ),
    (
        "rules.problem.wrong_test",
        "In {segment}, “{test}” cannot be used on {field}.",
        "{segment}中的{field}不能使用「{test}」条件。",
    ),
    (
        "rules.problem.empty_list",
        "In {segment}, the list of {field} values is empty.",
        "{segment}中{field}的取值列表为空。",
    ),
    // Warnings about rules that are valid but suspicious.
    (
        "rules.warn.unsatisfiable",
        "{name} can never match: its conditions contradict each other.",
        "{name}永远不会匹配:其条件相互矛盾。",
    ),
    (
        "rules.warn.no_matches",
        "{name} matches no customer in this data.",
        "{name}在当前数据中没有匹配的客户。",
    ),
    (
        "rules.warn.shadowed",
        "{name} gets no customer: everyone it matches is already in {by}.",
        "{name}分不到任何客户:它匹配的客户都已归入{by}。",
    ),
    // The rule builder page.
    ("rules.in_segment", "is in", "属于"),
    ("rules.not_in_segment", "is not in", "不属于"),
    (
        "rules.example.slipping",
        "Big spenders slipping away",
        "流失中的高消费客户",
    ),
    (
        "rules.example.one_time",
        "Recent one-time buyers",
        "近期只买过一次的客户",
    ),
    ("rules.example.regulars", "Loyal regulars", "忠实常客"),
];
