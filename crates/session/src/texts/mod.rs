//! The session's zh/en texts: its failures, looked up by key; a key this crate does not hold
//! falls through to the export and warehouse crates' texts (and theirs below).

use segscope_i18n::Entry;

/// This crate's entries: (key, English, Chinese).
const ENTRIES: &[Entry] = &[
    ("finding.no_orders", "None of these files holds orders. Value tiers, RFM segments, lifecycle stages and lifetime value need an orders export (one row per order or order line, with the buyer, the date and the amount): add it and analyse again.", "这些文件里都没有订单。价值分级、RFM 分群、生命周期和客户终身价值都需要订单导出文件(每行一个订单或订单明细,含买家、日期和金额):请加入后重新分析。"),
    ("error.no_data", "No data is loaded yet. Drop files first.", "尚未载入数据。请先拖入文件。"),
    ("error.read_failed", "The browser could not read \"{file}\". Check that the file still exists and try again.", "浏览器无法读取「{file}」。请确认文件仍然存在后重试。"),
    ("error.worker_stopped", "The analysis stopped unexpectedly. Your files are untouched: drop them again, and if it happens again, save them as CSV UTF-8 first.", "分析意外中止。文件未受影响:请重新拖入;如仍出现,请先另存为 CSV UTF-8。"),
    ("error.bad_request", "Something went wrong inside Segscope. Reload the page and try again.", "Segscope 内部出错。请刷新页面后重试。"),
];

segscope_i18n::texts!(tables: [ENTRIES], below: [segscope_export::texts::text, segscope_warehouse::texts::text]);
