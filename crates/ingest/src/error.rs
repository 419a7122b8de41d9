//! Ingest errors that know where they happened (file, row, column) and say in
//! one sentence, in Chinese and English, what went wrong and what to do.

use super::schema::Role;
use segscope_i18n::{t, Lang};
use serde::{Deserialize, Serialize};

/// What is wrong with a file as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// The file has no bytes.
    EmptyFile,
    /// The file is not text (an image, archive, …).
    Binary,
    /// The file is a markup document (a web page, an SVG image, XML), not a table.
    Markup,
    /// A workbook (or zip) that could not be read: damaged, password-protected
    /// or not a spreadsheet.
    UnreadableWorkbook,
    /// A workbook sheet with more cells than are read in one piece.
    WorkbookTooLarge,
    /// An Excel 97–2003 `.xls` workbook.
    OldExcelFormat,
    /// The first row has no usable header names.
    NoHeader,
    /// A role the file's kind needs has no column.
    MissingColumn(Role),
    /// A record is longer than the reader accepts (broken quotes, or not CSV).
    RecordTooLong,
    /// No row of the file could be used.
    NoUsableRows,
    /// An order-details file (payments, order lines) none of whose order ids
    /// is in an orders file read with it.
    DetailsMatchNoOrder,
    /// The encoding name is unknown.
    UnknownEncoding(String),
}

/// An error with its position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestError {
    /// The file's name.
    pub file: String,
    /// The 1-based row as a spreadsheet shows it (header = row 1), if known.
    pub row: Option<u64>,
    /// The column header, if known.
    pub column: Option<String>,
    /// What is wrong.
    pub problem: Problem,
}

impl IngestError {
    /// An error about a whole file.
    pub fn file(file: &str, problem: Problem) -> Self {
        IngestError {
            file: file.to_string(),
            row: None,
            column: None,
            problem,
        }
    }

    /// The message for the user in `lang`: where, what, and what to do.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let mut place = if zh {
            format!("文件「{}」", self.file)
        } else {
            format!("File \"{}\"", self.file)
        };
        if let Some(row) = self.row {
            place += &if zh {
                format!("第 {row} 行")
            } else {
                format!(", row {row}")
            };
        }
        if let Some(col) = &self.column {
            place += &if zh {
                format!("「{col}」列")
            } else {
                format!(", column \"{col}\"")
            };
        }
        let what = match (&self.problem, zh) {
            (Problem::EmptyFile, false) => "is empty. Export the data again and drop the new file.".to_string(),
            (Problem::EmptyFile, true) => "是空的。请重新导出数据后再拖入。".to_string(),
            (Problem::Binary, false) => "is not a text table. Drop a CSV, TSV or TXT export.".to_string(),
            (Problem::Binary, true) => "不是文本表格。请拖入 CSV、TSV 或 TXT 导出文件。".to_string(),
            (Problem::Markup, false) => "is a web page or image (HTML, SVG or XML), not a table. Export the data as CSV \
                or Excel and drop that file."
                .to_string(),
            (Problem::Markup, true) => "是网页或图片(HTML、SVG 或 XML),不是表格。请把数据导出为 CSV 或 Excel 后再拖入。".to_string(),
            (Problem::UnreadableWorkbook, false) => "looks like a spreadsheet or zip but cannot be read (damaged, \
                password-protected, or not a workbook). Open it in Excel, save it as .xlsx or CSV UTF-8, and drop that."
                .to_string(),
            (Problem::UnreadableWorkbook, true) => {
                "像是表格或压缩包,但无法读取(已损坏、有密码或不是工作簿)。请用 Excel 打开,另存为 .xlsx 或 CSV UTF-8 后再拖入。"
                    .to_string()
            }
            (Problem::OldExcelFormat, false) => {
                "is an old Excel 97–2003 (.xls) workbook. Open it in Excel and save it as .xlsx or CSV UTF-8, then drop \
                 that."
                    .to_string()
            }
            (Problem::OldExcelFormat, true) => {
                "是旧版 Excel 97–2003(.xls)工作簿。请用 Excel 打开,另存为 .xlsx 或 CSV UTF-8 后再拖入。".to_string()
            }
            (Problem::WorkbookTooLarge, false) => {
                "has a sheet with more than 20 million cells. Save that sheet as CSV UTF-8 and drop the CSV: it is read \
                 in a stream."
                    .to_string()
            }
            (Problem::WorkbookTooLarge, true) => {
                "的工作表超过 2000 万个单元格。请把该工作表另存为 CSV UTF-8 后拖入 CSV 文件(CSV 可流式读取)。".to_string()
            }
            (Problem::NoHeader, false) => "has no header row. Add column names in the first row.".to_string(),
            (Problem::NoHeader, true) => "没有表头。请在第一行加上列名。".to_string(),
            (Problem::MissingColumn(Role::CustomerKey), false) => "has no buyer column (customer id, e-mail or phone): \
                per-customer analysis needs one. Choose it in the mapping step, or export the file again with the \
                buyer's id or e-mail."
                .to_string(),
            (Problem::MissingColumn(Role::CustomerKey), true) => {
                "没有买家列(客户 ID、邮箱或手机号),而按客户分析需要其中之一。请在字段映射步骤中选择,或重新导出带买家 ID 或邮箱的文件。"
                    .to_string()
            }
            (Problem::MissingColumn(role), false) => format!(
                "has no column for \"{}\". Choose one in the mapping step.",
                t(lang, role.i18n_key())
            ),
            (Problem::MissingColumn(role), true) => {
                format!("缺少「{}」列。请在字段映射步骤中选择一列。", t(lang, role.i18n_key()))
            }
            (Problem::RecordTooLong, false) => {
                "has a row longer than 64 MB, probably an unclosed quote. Check the quotes around that row.".to_string()
            }
            (Problem::RecordTooLong, true) => "有一行超过 64 MB,多半是引号没有闭合。请检查该行附近的引号。".to_string(),
            (Problem::NoUsableRows, false) => {
                "has no usable row. Check the column mapping and the data-quality page.".to_string()
            }
            (Problem::NoUsableRows, true) => "没有可用的数据行。请检查字段映射和数据质量页。".to_string(),
            (Problem::DetailsMatchNoOrder, false) => {
                "is keyed by order ID only (payments or order lines), and none of its order IDs is in an orders file. \
                 Drop it together with the orders file that has these order IDs and each order's customer, and check \
                 that both order ID columns are mapped."
                    .to_string()
            }
            (Problem::DetailsMatchNoOrder, true) => {
                "只有订单号(支付或订单明细),且其中没有一个订单号出现在订单文件中。请把它和含有这些订单号及下单客户的订单文件一起拖入,并确认两边的订单号列都已映射。"
                    .to_string()
            }
            (Problem::UnknownEncoding(name), false) => {
                format!("uses an unknown encoding \"{name}\". Choose UTF-8 or GBK.")
            }
            (Problem::UnknownEncoding(name), true) => format!("的编码「{name}」无法识别。请选择 UTF-8 或 GBK。"),
        };
        if zh {
            format!("{place}{what}")
        } else {
            format!("{place} {what}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_file_row_and_column() {
        let e = IngestError {
            file: "o.csv".into(),
            row: Some(12),
            column: Some("amount".into()),
            problem: Problem::RecordTooLong,
        };
        let en = e.message(Lang::En);
        assert!(
            en.contains("o.csv") && en.contains("row 12") && en.contains("amount"),
            "{en}"
        );
        let zh = e.message(Lang::Zh);
        assert!(zh.contains("第 12 行") && zh.contains("「amount」列"), "{zh}");
    }
}
