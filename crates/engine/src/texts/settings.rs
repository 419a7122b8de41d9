//! Settings problems.

use segscope_i18n::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    (
        "settings.problem.rfm_scale",
        "RFM scale must be 3, 4 or 5, not {scale}.",
        "RFM 分值档数必须是 3、4 或 5,而不是 {scale}。",
    ),
    (
        "settings.problem.fixed_cutoffs",
        "Fixed RFM cut-offs need {wanted} rising numbers of 0 or more for each of R, F and M.",
        "固定 RFM 分界需要为 R、F、M 各给出 {wanted} 个递增的非负数。",
    ),
    (
        "settings.problem.tier_weights",
        "Tier weights must be numbers from 0 to 1,000,000, not all zero (six decimals count).",
        "分级权重必须是 0 到 1,000,000 之间的数,且不能全为 0(计入六位小数)。",
    ),
    (
        "settings.problem.tier_cutoffs",
        "Tier cut-offs must rise strictly between 0 and 1 (for example 0.2, 0.5).",
        "分级分界必须在 0 和 1 之间严格递增(例如 0.2、0.5)。",
    ),
    (
        "settings.problem.tier_names",
        "There are {cutoffs} tier cut-offs, so give {names} tier names.",
        "共有 {cutoffs} 个分界,请给出 {names} 个等级名称。",
    ),
    (
        "settings.problem.points_rate",
        "Points per currency unit must be a number of 0 or more.",
        "每单位金额积分必须是大于等于 0 的数。",
    ),
    (
        "settings.problem.member_levels",
        "Membership levels need the first at 0 points and rising thresholds (at most {max} levels).",
        "会员等级的第一级须从 0 积分开始,门槛逐级递增(最多 {max} 级)。",
    ),
    (
        "settings.problem.member_level_name",
        "Every membership level needs a name.",
        "每个会员等级都需要名称。",
    ),
    (
        "settings.problem.lifecycle_window",
        "Lifecycle windows must be at least 1 day.",
        "生命周期窗口至少为 1 天。",
    ),
    (
        "settings.problem.product_views",
        "Product views for Consideration must be at least 1.",
        "进入考虑阶段的商品浏览次数至少为 1。",
    ),
    (
        "settings.problem.engagement_windows",
        "Engagement windows need engaged ≥ 1 day and silent longer than engaged.",
        "互动度窗口要求互动活跃至少 1 天,互动沉默窗口长于互动活跃窗口。",
    ),
    (
        "settings.problem.interest_weights",
        "Interest weights must be numbers of 0 or more.",
        "兴趣权重必须是大于等于 0 的数。",
    ),
    (
        "settings.problem.income_bands",
        "Income bands need 1 to {max} rising positive boundaries.",
        "收入分档需要 1 到 {max} 个递增的正数分界。",
    ),
    (
        "settings.problem.cluster_count",
        "The number of clusters must be from {min} to {max}, not {k}.",
        "聚类数必须在 {min} 到 {max} 之间,而不是 {k}。",
    ),
    (
        "settings.problem.cluster_sample",
        "The clustering sample must hold {min} to {max} buyers.",
        "聚类样本必须包含 {min} 到 {max} 位购买客户。",
    ),
    (
        "settings.problem.clv_horizon",
        "The CLV horizon must be 1 to {max} months.",
        "CLV 预测期必须为 1 到 {max} 个月。",
    ),
    (
        "settings.problem.clv_discount",
        "The monthly discount rate must be at least 0 % and below 100 %.",
        "月折现率必须大于等于 0%,且小于 100%。",
    ),
    (
        "settings.problem.clv_repeat_buyers",
        "A CLV fit needs at least {min} repeat buyers.",
        "CLV 拟合至少需要 {min} 位复购客户。",
    ),
];
