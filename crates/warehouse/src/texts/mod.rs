//! The warehouse script's zh/en texts, looked up by key; a key this crate does not hold
//! falls through to the engine crate's texts.

use segscope_i18n::Entry;

/// This crate's entries: (key, English, Chinese).
const ENTRIES: &[Entry] = &[
    (
        "warehouse.missing_name",
        "The warehouse script needs a name for {name}: fill it in and download again.",
        "仓库 SQL 脚本需要填写 {name} 的名称:填好后再下载。",
    ),
    (
        "warehouse.gap.refunds",
        "refunded amounts and refund rows of the orders file",
        "订单文件中的退款金额和退款行",
    ),
    (
        "warehouse.gap.line_price",
        "amounts computed from quantity × unit price",
        "由数量 × 单价算出的金额",
    ),
    (
        "warehouse.gap.contact_keys",
        "customers matched by e-mail or phone",
        "按邮箱或电话匹配的客户",
    ),
    ("warehouse.gap.joined", "payments and order lines joined by order id", "按订单号关联的支付和订单明细"),
    ("warehouse.gap.summaries", "customer summary files", "客户汇总文件"),
    (
        "warehouse.gap.formats",
        "dates not written as YYYY-MM-DD or amounts that are not plain decimals (rewrite them in a view first)",
        "不是 YYYY-MM-DD 的日期或不是普通小数的金额(请先用视图转换)",
    ),
    ("warehouse.gap_separator", ", ", "、"),
    (
        "warehouse.gaps",
        "These files use what the script does not reproduce yet: {gaps}. For the customers concerned its labels can differ from the ones here.",
        "这些文件用到了脚本尚未重现的内容:{gaps}。相关客户的标签可能与这里不同。",
    ),
    ("warehouse.dialect.duckdb", "DuckDB", "DuckDB"),
    ("warehouse.dialect.postgres", "PostgreSQL", "PostgreSQL"),
    ("warehouse.dialect.spark", "Spark SQL", "Spark SQL"),
    ("warehouse.dialect.bigquery", "BigQuery", "BigQuery"),
];

segscope_i18n::texts!(tables: [ENTRIES], below: [segscope_engine::texts::text]);
