//! Texts of the settings page.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[(
    "settings.problem.not_settings_file",
    "\"{file}\" is not a Segscope settings file. Export one from this page and import that.",
    "「{file}」不是 Segscope 设置文件。请从本页导出设置文件后再导入。",
)];
