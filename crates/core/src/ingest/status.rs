//! Order status words, in English and Chinese, sorted into paid, refunded and
//! cancelled (SPEC S1).

use crate::model::OrderStatus;

/// Phrases saying that no refund happened ("无退款", a refund request closed),
/// removed before the refund and cancel words are looked for.
const NO_REFUND_PHRASES: &[&str] = &["no refund", "not refunded", "无退款", "未退款", "没有退款", "退款关闭"];
/// A partly refunded order is still a paid order; its refunded amount, when a
/// column gives it, is taken off.
const PARTIAL_REFUND_PHRASES: &[&str] = &["partially_refunded", "partially refunded", "partial refund", "部分退款"];
const REFUND_WORDS: &[&str] = &["refund", "return", "chargeback", "退款", "退货", "售后"];
/// Cancelled or never paid: Shopify `pending`/`voided`, WooCommerce
/// `on-hold`/`failed`/`checkout-draft`, Taobao 等待买家付款/交易关闭, Youzan
/// 待付款/已关闭.
const CANCEL_WORDS: &[&str] = &[
    "cancel",
    "void",
    "fail",
    "declin",
    "unpaid",
    "pending",
    "on-hold",
    "on hold",
    "draft",
    "expired",
    "abandon",
    "取消",
    "关闭",
    "未付款",
    "待付款",
    "等待买家付款",
    "未支付",
    "待支付",
    "失败",
    "作废",
];

/// Classifies a status cell. Unknown or empty statuses count as paid, since
/// most exports list only completed orders.
pub fn classify_status(raw: &[u8]) -> OrderStatus {
    let mut text = String::from_utf8_lossy(raw).to_lowercase();
    if PARTIAL_REFUND_PHRASES.iter().any(|p| text.contains(p)) {
        return OrderStatus::Paid;
    }
    for phrase in NO_REFUND_PHRASES {
        if text.contains(phrase) {
            text = text.replace(phrase, " ");
        }
    }
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
        for refund in ["refunded", "Returned", "已退款", "退货退款"] {
            assert_eq!(classify_status(refund.as_bytes()), OrderStatus::Refunded, "{refund}");
        }
        for cancel in ["cancelled", "Canceled", "已取消", "交易关闭", "voided"] {
            assert_eq!(classify_status(cancel.as_bytes()), OrderStatus::Cancelled, "{cancel}");
        }
    }

    #[test]
    fn platform_statuses() {
        // Shopify financial status, WooCommerce order status, Taobao and Youzan 订单状态.
        for paid in [
            "authorized",
            "partially_paid",
            "processing",
            "卖家已发货，等待买家确认",
            "买家已付款，等待卖家发货",
            "待发货",
            "已发货",
            "partially_refunded",
            "部分退款",
        ] {
            assert_eq!(classify_status(paid.as_bytes()), OrderStatus::Paid, "{paid}");
        }
        for cancel in [
            "pending",
            "voided",
            "expired",
            "on-hold",
            "failed",
            "checkout-draft",
            "等待买家付款",
            "待付款",
            "已关闭",
        ] {
            assert_eq!(classify_status(cancel.as_bytes()), OrderStatus::Cancelled, "{cancel}");
        }
        for refund in ["退款成功", "退款中", "Refunded"] {
            assert_eq!(classify_status(refund.as_bytes()), OrderStatus::Refunded, "{refund}");
        }
    }

    #[test]
    fn refund_columns_saying_no_refund_are_paid() {
        for paid in ["无退款", "No refund", "not refunded", "退款关闭"] {
            assert_eq!(classify_status(paid.as_bytes()), OrderStatus::Paid, "{paid}");
        }
    }
}
