//! The rejected rows as CSV (docs/product.md#cleaning-and-data-quality): where each one was and why, so the
//! user can fix the source export.

use super::csv_cell::push_text;
use segscope_ingest::QualityReport;
use std::fmt::Write;

/// The rejected rows kept in `report`, one per line: file, spreadsheet row,
/// column, reason code, the offending value. UTF-8 with BOM for Excel.
pub fn rejections_csv(report: &QualityReport) -> String {
    let mut out = String::with_capacity(64 + report.rejections.len() * 64);
    out.push('\u{feff}');
    out.push_str("file,row,column,reason,value\n");
    for r in &report.rejections {
        push_text(&mut out, &r.file);
        let _ = write!(out, ",{},", r.row);
        push_text(&mut out, &r.column);
        out.push(',');
        out.push_str(r.reason.code());
        out.push(',');
        push_text(&mut out, &r.value);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use segscope_ingest::quality::{RejectReason, Rejection};

    #[test]
    fn lists_each_rejection_with_place_and_reason() {
        let report = QualityReport {
            rejections: vec![Rejection {
                file: "o.csv".into(),
                row: 7,
                column: "amount".into(),
                reason: RejectReason::BadAmount,
                value: "=1+2, \"x\"".into(),
            }],
            ..QualityReport::default()
        };
        assert_eq!(
            rejections_csv(&report),
            "\u{feff}file,row,column,reason,value\no.csv,7,amount,bad_amount,\"'=1+2, \"\"x\"\"\"\n"
        );
    }
}
