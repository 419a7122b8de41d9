//! Texts of the export buttons and the box for marketing tools.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("explorer.export_localized", "CSV in this language", "当前语言 CSV"),
    (
        "explorer.export_xlsx",
        "Excel, a sheet per segment",
        "Excel(每个分群一个工作表)",
    ),
    ("activation.title", "Send to a marketing tool", "导出到营销工具"),
    ("activation.format", "Format", "格式"),
    ("activation.hash", "Hash contacts with SHA-256", "用 SHA-256 哈希联系方式"),
    (
        "activation.hash_unavailable",
        "This tool needs the contacts as written to reach customers, so its list is not hashed.",
        "该工具需要明文联系方式才能触达客户,因此名单不做哈希。",
    ),
    ("activation.country", "Country of phones written without a country code", "无国家区号的手机号所属国家"),
    ("activation.country_none", "— choose a country —", "— 请选择国家 —"),
    (
        "activation.country_ask",
        "The files name no country: choose the country of phones written without a country code, or those phones are left out.",
        "文件中没有国家信息:请为没有国家区号的手机号选择国家,否则这些手机号将被略去。",
    ),
    ("activation.export", "Download list", "下载名单"),
    (
        "activation.done",
        "{file}: {customers} customers; {left_out} without {key} left out.",
        "{file}:{customers} 位客户;{left_out} 位缺少{key},已略去。",
    ),
    (
        "activation.no_contacts",
        "The files hold no e-mail or phone: map a column that has them to export lists for marketing tools.",
        "文件中没有邮箱或手机号:请映射含有联系方式的列,才能导出营销工具名单。",
    ),
    ("activation.privacy", "Built in this tab: nothing is uploaded.", "在本页面内生成,不上传任何数据。"),
    ("pack.export", "Campaign pack (zip)", "营销活动包(zip)"),
    (
        "pack.help",
        "One customer list per segment, stage and tier, with its recommended action in a README.",
        "每个分群、生命周期阶段和价值层级一份客户名单,建议动作写在 README 中。",
    ),
];
