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
];
