//! Why an export could not be produced.

use crate::texts::t;
use segscope_i18n::Lang;
use serde::{Deserialize, Serialize};

/// An export that failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ExportError {
    /// The workbook could not be written (the reason, in English, from the
    /// compressor).
    Write(String),
    /// The workbook would pass the 4 GiB a zip file without zip64 can hold.
    TooLarge,
}

impl ExportError {
    /// The message for the user in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::Write(reason) => t(lang, "export.error.write").replace("{reason}", reason),
            ExportError::TooLarge => t(lang, "export.error.too_large").to_string(),
        }
    }
}

impl From<std::io::Error> for ExportError {
    fn from(e: std::io::Error) -> Self {
        ExportError::Write(e.to_string())
    }
}
