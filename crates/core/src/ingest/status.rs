//! Order status words, in English and Chinese, sorted into paid, refunded and
//! cancelled (SPEC S1).

use crate::model::OrderStatus;

const REFUND_WORDS: &[&str] = &["refund", "return", "chargeback", "退款", "退货", "售后"];
const CANCEL_WORDS: &[&str] = &[
    "cancel",
    "void",
    "fail",
    "declin",
    "unpaid",
    "pending",
    "expired",
    "abandon",
    "取消",
    "关闭",
    "未付款",
    "待付款",
    "失败",
    "作废",
];

/// Classifies a status cell. Unknown or empty statuses count as paid, since
/// most exports list only completed orders.
pub fn classify_status(raw: &[u8]) -> OrderStatus {
    let text = String::from_utf8_lossy(raw).to_lowercase();
    if REFUND_WORDS.iter().any(|w| text.contains(w)) {
        OrderStatus::Refunded
    } else if CANCEL_WORDS.iter().any(|w| text.contains(w)) {
        OrderStatus::Cancelled
    } else {
        OrderStatus::Paid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_in_both_languages() {
        for paid in ["paid", "Completed", "交易成功", "已付款", ""] {
            assert_eq!(classify_status(paid.as_bytes()), OrderStatus::Paid, "{paid}");
        }
        for refund in ["refunded", "Returned", "已退款", "退货退款", "partially_refunded"] {
            assert_eq!(classify_status(refund.as_bytes()), OrderStatus::Refunded, "{refund}");
        }
        for cancel in ["cancelled", "Canceled", "已取消", "交易关闭", "voided"] {
            assert_eq!(classify_status(cancel.as_bytes()), OrderStatus::Cancelled, "{cancel}");
        }
    }
}
