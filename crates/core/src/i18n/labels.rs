//! Texts for segment names, tier names, KPI names and chart titles.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(crate) const ENTRIES: &[Entry] = &[
    // RFM segments (SPEC S5.1), in table order.
    ("seg.champions", "Champions", "冠军客户"),
    ("seg.loyal_customers", "Loyal Customers", "忠诚客户"),
    ("seg.potential_loyalists", "Potential Loyalists", "潜力忠诚客户"),
    ("seg.new_customers", "New Customers", "新客户"),
    ("seg.promising", "Promising", "有潜力客户"),
    ("seg.need_attention", "Need Attention", "需要关注"),
    ("seg.about_to_sleep", "About To Sleep", "即将沉睡"),
    ("seg.at_risk", "At Risk", "有流失风险"),
    ("seg.cant_lose_them", "Can't Lose Them", "不能失去"),
    ("seg.hibernating", "Hibernating", "休眠客户"),
    ("seg.lost", "Lost", "已流失"),
    // Value tiers (SPEC S5.2); {n} is the tier's 1-based position.
    ("tier.high", "High", "高价值"),
    ("tier.medium", "Medium", "中价值"),
    ("tier.low", "Low", "低价值"),
    ("tier.none", "No purchase", "未购买"),
    ("tier.numbered", "Tier {n}", "第 {n} 级"),
    // Lifecycle stages (SPEC S5.4).
    ("life.potential", "Potential", "潜在客户"),
    ("life.new", "New", "新客户"),
    ("life.active", "Active", "活跃客户"),
    ("life.at_risk", "At risk", "流失风险"),
    ("life.churned", "Churned", "已流失"),
    // Built-in membership levels (SPEC S5.3).
    ("level.bronze", "Bronze", "青铜"),
    ("level.silver", "Silver", "白银"),
    ("level.gold", "Gold", "黄金"),
    ("level.diamond", "Diamond", "钻石"),
    // The lifecycle funnel (SPEC S6).
    ("funnel.signed_up", "Signed up", "注册"),
    ("funnel.first", "First purchase", "首次购买"),
    ("funnel.second", "Second purchase", "第二次购买"),
    ("funnel.third", "3+ purchases", "3 次及以上购买"),
    ("funnel.active", "Still active", "仍然活跃"),
    ("funnel.of_first", "of first step", "占首步"),
    ("funnel.of_previous", "of previous step", "占上一步"),
    // Playbook (SPEC S7): a recommended action per segment and stage.
    ("play.seg.champions", "Reward them: early access to new products, a referral programme, no discounts needed.", "回馈他们:新品优先体验、推荐有礼计划,无需打折。"),
    ("play.seg.loyal_customers", "Upsell and ask for reviews; invite them to the membership's next level.", "推荐更高价值商品并邀请评价;引导升级到更高会员等级。"),
    ("play.seg.potential_loyalists", "Offer a membership or a bundle to turn a few orders into a habit.", "提供会员权益或组合套装,把几次购买变成习惯。"),
    ("play.seg.new_customers", "Welcome series and a second-purchase offer within 30 days.", "发送欢迎系列,并在 30 天内提供第二单优惠。"),
    ("play.seg.promising", "Build the relationship: content about what they bought, a small incentive for the next order.", "加强联系:推送与所购商品相关的内容,给下一单一个小激励。"),
    ("play.seg.need_attention", "Time-limited offer on their favourite category before they drift away.", "在其偏好品类上推出限时优惠,防止流失。"),
    ("play.seg.about_to_sleep", "Reactivate with popular products and a reminder of what they liked.", "用热销商品和他们喜欢过的商品提醒,重新激活。"),
    ("play.seg.at_risk", "Win-back campaign: personalised email or SMS with a meaningful coupon.", "发起召回活动:个性化邮件或短信,附上有吸引力的优惠券。"),
    ("play.seg.cant_lose_them", "Personal outreach from the team; find out what went wrong and make it right.", "由专人联系,了解问题所在并及时补救。"),
    ("play.seg.hibernating", "Low-cost reminders only; offer your best sellers at a discount.", "只做低成本提醒;以折扣推荐最畅销商品。"),
    ("play.seg.lost", "One last win-back attempt, then stop spending on them.", "做最后一次召回尝试,之后不再投入。"),
    ("play.life.potential", "Convert: first-order coupon, show best sellers and reviews.", "促成首单:首单优惠券、展示热销商品与好评。"),
    ("play.life.new", "Onboard and aim for the second purchase within the active window.", "做好新客引导,争取在活跃窗口内完成第二次购买。"),
    ("play.life.active", "Keep them engaged: new arrivals, loyalty points, membership perks.", "保持互动:上新提醒、积分与会员权益。"),
    ("play.life.at_risk", "Win back now: a reminder and a time-limited offer.", "立即挽回:提醒加限时优惠。"),
    ("play.life.churned", "Low-cost reactivation, or leave them out of paid campaigns.", "低成本唤醒,或不再纳入付费推广。"),
    // Overview KPIs (SPEC S6); {share} and {revenue} are percentages.
    ("kpi.customers", "Customers", "客户数"),
    ("kpi.buyers", "Buyers", "购买客户"),
    ("kpi.paid_orders", "Paid orders", "已付款订单"),
    ("kpi.revenue", "Revenue", "收入"),
    ("kpi.aov", "AOV", "客单价"),
    ("kpi.repeat_rate", "Repeat rate", "复购率"),
    ("kpi.refunded_orders", "Refunded orders", "退款订单"),
    ("kpi.cancelled_orders", "Cancelled orders", "取消订单"),
    ("kpi.active_share", "Active buyers", "活跃购买客户占比"),
    (
        "kpi.top_sentence",
        "The top {share} of buyers bring {revenue} of revenue",
        "前 {share} 的购买客户带来了 {revenue} 的收入",
    ),
    // Charts in general.
    ("chart.no_data", "No data", "暂无数据"),
    // Tier distribution chart; {tier} tier name, {n} count, {x} money, {share} percentage.
    ("chart.tiers.title", "Customers and revenue by value tier", "各价值等级的客户与收入占比"),
    (
        "chart.tiers.desc",
        "For each value tier, one bar shows its share of customers and one its share of revenue.",
        "每个价值等级用两根柱子分别显示客户占比与收入占比。",
    ),
    ("chart.tiers.x_axis", "Value tier", "价值等级"),
    ("chart.tiers.y_axis", "Share of total", "占总体的比例"),
    ("chart.tiers.customer_share", "Share of customers", "客户占比"),
    ("chart.tiers.revenue_share", "Share of revenue", "收入占比"),
    ("chart.tiers.customers_count", "{n} customers", "{n} 位客户"),
    (
        "chart.tiers.customers_hover",
        "{tier}: {n} customers ({share} of all customers)",
        "{tier}:{n} 位客户(占全部客户的 {share})",
    ),
    (
        "chart.tiers.revenue_hover",
        "{tier}: revenue {x} ({share} of total revenue)",
        "{tier}:收入 {x}(占总收入的 {share})",
    ),
    // R × F heatmap; {r} and {f} scores, {n} count, {x} money, {segment} segment name.
    ("chart.rf.title", "RFM grid: recency × frequency", "RFM 网格:近度 × 频次"),
    (
        "chart.rf.desc",
        "Each cell counts the buyers with that recency score (R) and frequency score (F); darker cells hold more buyers.",
        "每个格子统计具有该近度得分 (R) 与频次得分 (F) 的购买客户数,颜色越深人数越多。",
    ),
    ("chart.rf.x_axis", "Frequency score (F)", "频次得分 (F)"),
    ("chart.rf.y_axis", "Recency score (R)", "近度得分 (R)"),
    ("chart.rf.legend", "Buyers", "购买客户数"),
    (
        "chart.rf.cell_hover",
        "R {r} · F {f}: {n} buyers, average revenue {x} ({segment})",
        "R {r} · F {f}:{n} 位购买客户,平均收入 {x}({segment})",
    ),
];
