//! Texts of the export buttons and the box for marketing tools.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("warehouse.open", "Warehouse SQL", "仓库 SQL"),
    ("warehouse.title", "Compute these labels in your warehouse", "在数据仓库中计算同样的标签"),
    (
        "warehouse.intro",
        "Download one SQL script that gives every customer the labels shown here, read from your own orders and customers tables: for data too large for a browser tab. It carries the settings in force and the fitted CLV parameters.",
        "下载一个 SQL 脚本,直接读取你自己的订单表和客户表,为每位客户算出与这里相同的标签,适合浏览器装不下的数据量。脚本写入了当前的设置和已拟合的 CLV 参数。",
    ),
    ("warehouse.dialect", "Engine", "数据库"),
    ("warehouse.tables", "Tables and columns in your warehouse", "仓库中的表和列"),
    ("warehouse.orders_table", "Orders table", "订单表"),
    ("warehouse.order_customer", "Customer column", "客户列"),
    ("warehouse.order_date", "Order date column", "下单日期列"),
    ("warehouse.amount", "Amount column", "金额列"),
    ("warehouse.order_id", "Order ID column (optional)", "订单号列(可选)"),
    ("warehouse.status", "Status column (optional)", "状态列(可选)"),
    ("warehouse.customers_table", "Customers table (optional)", "客户表(可选)"),
    ("warehouse.customer_id", "Customer ID column of the customers table", "客户表的客户 ID 列"),
    ("warehouse.points", "Points column (optional)", "积分列(可选)"),
    (
        "warehouse.formats",
        "The script reads dates written as YYYY-MM-DD (a time after them is ignored) and plain decimal amounts; for other formats, put a view in front of the table that rewrites them.",
        "脚本按 YYYY-MM-DD 读取日期(其后的时间忽略),金额按普通小数读取;其他格式请先建一个视图转换。",
    ),
    ("warehouse.close", "Close", "关闭"),
    ("warehouse.download", "Download SQL", "下载 SQL"),
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
