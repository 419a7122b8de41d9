//! The generic charts' zh/en texts, looked up by key; a key this crate does not hold
//! falls through to the shared texts of `segscope_i18n`.

use segscope_i18n::Entry;

/// This crate's entries: (key, English, Chinese).
const ENTRIES: &[Entry] = &[("chart.no_data", "No data", "暂无数据")];

segscope_i18n::texts!(tables: [ENTRIES], below: [segscope_i18n::text]);
