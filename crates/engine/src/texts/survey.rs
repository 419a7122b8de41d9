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
    ("lca.class_numbered", "Class {n}", "第 {n} 类"),
    ("lca.problem.no_survey", "Psychographic classes need a survey export.", "心理特征分类需要一份问卷导出文件。"),
    ("lca.problem.too_few_items", "Psychographic classes need at least {needed} choice or rating questions (not counting NPS and satisfaction); this survey has {n}.", "心理特征分类至少需要 {needed} 道选择题或评分题(NPS 与满意度题除外),这份问卷只有 {n} 道。"),
    ("lca.problem.too_few_responses", "Psychographic classes need at least {needed} responses that answered two or more of those questions; there are {n}.", "心理特征分类至少需要 {needed} 份回答了其中两道及以上题目的答卷,目前只有 {n} 份。"),
];
