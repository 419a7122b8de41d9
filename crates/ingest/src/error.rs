//! Ingest errors that know where they happened (file, row, column) and say in
//! one sentence, in Chinese and English, what went wrong and what to do.

use super::schema::Role;
use crate::texts::t;
use segscope_i18n::{join, Lang};
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

    /// The message for the user in `lang`: where, what, and what to do
    /// (texts in the `error.*` entries of the i18n tables).
    pub fn message(&self, lang: Lang) -> String {
        let mut place = t(lang, "error.place.file").replace("{file}", &self.file);
        if let Some(row) = self.row {
            place += &t(lang, "error.place.row").replace("{row}", &row.to_string());
        }
        if let Some(column) = &self.column {
            place += &t(lang, "error.place.column").replace("{column}", column);
        }
        let what = match &self.problem {
            Problem::MissingColumn(role) => {
                t(lang, self.problem.i18n_key()).replace("{role}", t(lang, role.i18n_key()))
            }
            Problem::UnknownEncoding(name) => t(lang, self.problem.i18n_key()).replace("{name}", name),
            _ => t(lang, self.problem.i18n_key()).to_string(),
        };
        join(lang, &place, &what)
    }
}

impl Problem {
    /// The i18n key of the problem's sentence.
    pub fn i18n_key(&self) -> &'static str {
        match self {
            Problem::EmptyFile => "error.empty_file",
            Problem::Binary => "error.binary",
            Problem::Markup => "error.markup",
            Problem::UnreadableWorkbook => "error.unreadable_workbook",
            Problem::OldExcelFormat => "error.old_excel",
            Problem::WorkbookTooLarge => "error.workbook_too_large",
            Problem::NoHeader => "error.no_header",
            Problem::MissingColumn(Role::CustomerKey) => "error.no_buyer_column",
            Problem::MissingColumn(_) => "error.missing_column",
            Problem::RecordTooLong => "error.record_too_long",
            Problem::NoUsableRows => "error.no_usable_rows",
            Problem::DetailsMatchNoOrder => "error.details_match_no_order",
            Problem::UnknownEncoding(_) => "error.unknown_encoding",
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
