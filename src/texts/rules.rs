//! Texts of the custom segments page.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("tab.segments", "Custom segments", "自定义分群"),
    ("rules.all", "All of (AND)", "全部满足(且)"),
    ("rules.any", "Any of (OR)", "任一满足(或)"),
    ("rules.not", "None of (NOT)", "都不满足(非)"),
    ("rules.add_condition", "+ Condition", "+ 条件"),
    ("rules.add_group", "+ Group", "+ 条件组"),
    ("rules.add_segment", "+ Segment", "+ 分群"),
    ("rules.remove", "Remove", "删除"),
    ("rules.up", "Move up", "上移"),
    ("rules.down", "Move down", "下移"),
    ("rules.apply", "Apply and save", "应用并保存"),
    ("rules.mode", "Mode", "模式"),
    ("rules.other_name", "Name of the rest", "其余客户名称"),
    ("rules.name", "Name", "名称"),
    ("rules.count", "{n} match this rule", "{n} 位客户符合此规则"),
    (
        "rules.assigned",
        "{n} in the segment after ordering",
        "排序后 {n} 位客户归入此分群",
    ),
    ("rules.other_count", "{name}: {n} customers", "{name}:{n} 位客户"),
    ("rules.unsaved", "Changes not applied yet.", "修改尚未应用。"),
    (
        "rules.empty",
        "No custom segments yet. Add one, build its rule from any metric or label, and apply.",
        "还没有自定义分群。添加一个分群,用任意指标或标签设置规则,然后应用。",
    ),
    ("rules.new_name", "Segment {n}", "分群 {n}"),
    ("rules.examples", "Start from three examples", "从三个示例开始"),
];
