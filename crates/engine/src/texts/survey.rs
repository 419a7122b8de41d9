//! Texts of survey scores by segment.

use segscope_i18n::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("survey.everyone", "Everyone who answered", "全部答卷"),
    ("survey.by_tier", "By value tier", "按价值分级"),
    ("survey.by_segment", "By RFM segment", "按 RFM 分群"),
    ("survey.by_stage", "By lifecycle stage", "按生命周期阶段"),
    ("nps.promoter", "Promoter (9–10)", "推荐者(9–10)"),
    ("nps.passive", "Passive (7–8)", "被动者(7–8)"),
    ("nps.detractor", "Detractor (0–6)", "贬损者(0–6)"),
    ("sentiment.positive", "Positive (4–5 stars)", "好评(4–5 星)"),
    ("sentiment.neutral", "Neutral (3 stars)", "中评(3 星)"),
    ("sentiment.negative", "Negative (1–2 stars)", "差评(1–2 星)"),
    ("sentiment.unknown", "No rating", "无评分"),
    ("theme.delivery", "Delivery", "物流快递"),
    ("theme.service", "Service", "客服"),
    ("theme.quality", "Quality", "质量"),
    ("theme.price", "Price", "价格优惠"),
    ("theme.size", "Size", "尺码"),
    ("theme.packaging", "Packaging", "包装"),
    ("theme.after_sales", "After-sales", "售后退换"),
    ("themes.problem.too_many", "The theme dictionary holds at most {max} themes.", "主题词典最多包含 {max} 个主题。"),
    ("themes.problem.blank_name", "Every theme needs a name: write it before the colon.", "每个主题都需要名称:写在冒号前面。"),
    ("themes.problem.no_words", "Every theme needs at least one word after the colon.", "每个主题在冒号后至少需要一个词。"),
    ("lca.class_numbered", "Class {n}", "第 {n} 类"),
    ("lca.problem.no_survey", "Psychographic classes need a survey export.", "心理特征分类需要一份问卷导出文件。"),
    ("lca.problem.too_few_items", "Psychographic classes need at least {needed} choice or rating questions (not counting NPS and satisfaction); this survey has {n}.", "心理特征分类至少需要 {needed} 道选择题或评分题(NPS 与满意度题除外),这份问卷只有 {n} 道。"),
    ("lca.problem.too_few_responses", "Psychographic classes need at least {needed} responses that answered two or more of those questions; there are {n}.", "心理特征分类至少需要 {needed} 份回答了其中两道及以上题目的答卷,目前只有 {n} 份。"),
];
