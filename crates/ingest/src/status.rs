//! Order status words sorted into paid, refunded and cancelled, and the
//! cancellation-date cells that cancel an order whatever its status says
//! (docs/ingest/orders.md#status).

use segscope_model::OrderStatus;

/// Phrases saying that no refund happened ("无退款", a refund request closed),
/// removed before the refund and cancel words are looked for.
/// After-sales columns (拼多多, 抖音小店 `售后状态`) say the same with 无售后,
/// 售后取消, 售后关闭 and 售后处理中: no after-sales case, one withdrawn or
/// closed, or one still open (not refunded yet).
pub const NO_REFUND_PHRASES: &[&str] = &[
    "no refund",
    "not refunded",
    "无退款",
    "未退款",
    "没有退款",
    "退款关闭",
    "无售后",
    "售后取消",
    "售后关闭",
    "退款取消",
    "售后处理中",
];
/// A partly refunded order is still a paid order; its refunded amount, when a
/// column gives it, is taken off.
pub const PARTIAL_REFUND_PHRASES: &[&str] = &[
    "partially refunded",
    "partial refund",
    "部分退款",
    "reembolso parcial",
    "reembolsado parcialmente",
    "parcialmente reembolsado",
    "remboursement partiel",
    "partiellement rembours",
    "teilweise erstattet",
    "teilrückerstatt",
];
/// Money given back: refunds, returns, chargebacks and disputes (Stripe,
/// Square), in English, Spanish, Portuguese, French, German, Italian,
/// Chinese, Japanese and Korean.
pub const REFUND_WORDS: &[&str] = &[
    "refund",
    "return",
    "chargeback",
    "charged back",
    "chargedback",
    "disput",
    "reversed",
    "reembols",
    "devuel",
    "devolu",
    "devolv",
    "estorn",
    "rembours",
    "erstatt",
    "rimbors",
    "退款",
    "退货",
    "售后",
    "返金",
    "返品",
    "환불",
    "반품",
];
/// Refund words that count only as a whole word: Magento's `closed` is an
/// order refunded by credit memo, but "disclosed" is not.
pub const REFUND_WHOLE_WORDS: &[&str] = &["closed"];
/// Cancelled or never paid: Shopify `pending`/`voided`/`expired`, WooCommerce
/// `pending`/`on-hold`/`failed`/`checkout-draft` (and `wc-` slugs), Magento
/// `holded`/`pending_payment`/`fraud`, BigCommerce `Awaiting Payment`/
/// `Declined`/`Incomplete`, Olist `unavailable`, Mercado Pago `rejected`,
/// Taobao 等待买家付款/交易关闭, Youzan 待付款/已关闭, and the same in
/// Spanish, Portuguese, French, German, Italian, Japanese and Korean.
pub const CANCEL_WORDS: &[&str] = &[
    "cancel",
    "void",
    "fail",
    "declin",
    "reject",
    "refus",
    "denied",
    "unpaid",
    "not paid",
    "pending",
    "on hold",
    "holded",
    "awaiting payment",
    "incomplete",
    "draft",
    "expir",
    "abandon",
    "unavailable",
    "fraud",
    "pendiente",
    "pendente",
    "aguardando pagamento",
    "no pagado",
    "não pago",
    "nao pago",
    "rechaz",
    "recusad",
    "anulad",
    "fallid",
    "annul",
    "impayé",
    "non payé",
    "en attente",
    "storn",
    "abgebrochen",
    "fehlgeschlagen",
    "ausstehend",
    "unbezahlt",
    "nicht bezahlt",
    "取消",
    "关闭",
    "未付款",
    "待付款",
    "等待买家付款",
    "未支付",
    "待支付",
    "失败",
    "作废",
    "キャンセル",
    "未払",
    "未入金",
    "취소",
    "미결제",
];

/// The text of a cell as the word lists match it: lowercase, `_` and `-` as
/// spaces.
fn words_of(raw: &[u8]) -> String {
    String::from_utf8_lossy(raw)
        .to_lowercase()
        .chars()
        .map(|c| if c == '_' || c == '-' { ' ' } else { c })
        .collect()
}

/// True when a cell says part of an order was refunded (`partially_refunded`,
/// `Partial refund`, `部分退款`).
pub fn is_partial_refund(raw: &[u8]) -> bool {
    let text = words_of(raw);
    PARTIAL_REFUND_PHRASES.iter().any(|p| text.contains(p))
}

/// Classifies a status cell. Unknown or empty statuses count as paid, since
/// most exports list only completed orders; `_` and `-` read as spaces, so
/// `on-hold`, `wc-on-hold` and `On hold` are one word.
pub fn classify_status(raw: &[u8]) -> OrderStatus {
    let mut text = words_of(raw);
    if PARTIAL_REFUND_PHRASES.iter().any(|p| text.contains(p)) {
        return OrderStatus::Paid;
    }
    for phrase in NO_REFUND_PHRASES {
        if text.contains(phrase) {
            text = text.replace(phrase, " ");
        }
    }
    let whole_word = |w: &&str| text.split(|c: char| !c.is_alphanumeric()).any(|t| t == *w);
    if REFUND_WORDS.iter().any(|w| text.contains(w)) || REFUND_WHOLE_WORDS.iter().any(whole_word) {
        OrderStatus::Refunded
    } else if CANCEL_WORDS.iter().any(|w| text.contains(w)) {
        OrderStatus::Cancelled
    } else {
        OrderStatus::Paid
    }
}

/// Cells of a cancellation-date column that mean "not cancelled".
pub const NOT_SET: &[&str] = &[
    "0",
    "-",
    "--",
    "null",
    "none",
    "nan",
    "n/a",
    "false",
    "no",
    "0000-00-00",
    "0000-00-00 00:00:00",
];

/// True when a cancellation-date cell (Shopify `Cancelled at`, 取消时间) says
/// the order was cancelled: any non-blank text but a placeholder such as `0`,
/// `null` or `0000-00-00`.
pub fn is_cancellation_mark(cell: &[u8]) -> bool {
    let cell = super::value::trim(cell);
    !cell.is_empty() && !NOT_SET.iter().any(|n| n.as_bytes().eq_ignore_ascii_case(cell))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_all(words: &[&str], expected: OrderStatus) {
        for word in words {
            assert_eq!(classify_status(word.as_bytes()), expected, "{word}");
        }
    }

    #[test]
    fn statuses_in_both_languages() {
        assert_all(&["paid", "Completed", "交易成功", "已付款", ""], OrderStatus::Paid);
        assert_all(&["refunded", "Returned", "已退款", "退货退款"], OrderStatus::Refunded);
        assert_all(
            &["cancelled", "Canceled", "已取消", "交易关闭", "voided"],
            OrderStatus::Cancelled,
        );
    }

    #[test]
    fn platform_statuses() {
        // Shopify financial status, WooCommerce order status, Taobao and Youzan 订单状态.
        assert_all(
            &[
                "authorized",
                "partially_paid",
                "processing",
                "卖家已发货，等待买家确认",
                "买家已付款，等待卖家发货",
                "待发货",
                "已发货",
                "partially_refunded",
                "部分退款",
            ],
            OrderStatus::Paid,
        );
        assert_all(
            &[
                "pending",
                "voided",
                "expired",
                "on-hold",
                "failed",
                "checkout-draft",
                "等待买家付款",
                "待付款",
                "已关闭",
            ],
            OrderStatus::Cancelled,
        );
        assert_all(&["退款成功", "退款中", "Refunded"], OrderStatus::Refunded);
    }

    #[test]
    fn woocommerce_slugs_and_display_names() {
        assert_all(
            &[
                "processing",
                "completed",
                "wc-processing",
                "wc-completed",
                "Processing",
                "Completed",
            ],
            OrderStatus::Paid,
        );
        assert_all(
            &[
                "pending",
                "on-hold",
                "failed",
                "cancelled",
                "checkout-draft",
                "wc-pending",
                "wc-on-hold",
                "wc-failed",
                "wc-cancelled",
                "wc-checkout-draft",
                "Pending payment",
                "On hold",
                "Failed",
                "Cancelled",
                "Draft",
            ],
            OrderStatus::Cancelled,
        );
        assert_all(&["refunded", "wc-refunded", "Refunded"], OrderStatus::Refunded);
    }

    #[test]
    fn olist_magento_bigcommerce_and_payment_processors() {
        assert_all(
            &[
                "created",
                "approved",
                "invoiced",
                "processing",
                "shipped",
                "delivered",
                "complete",
                "Awaiting Fulfillment",
                "Awaiting Shipment",
                "Shipped",
                "Succeeded",
            ],
            OrderStatus::Paid,
        );
        assert_all(
            &[
                "canceled",
                "unavailable",
                "holded",
                "pending_payment",
                "Awaiting Payment",
                "Declined",
                "Incomplete",
                "Cancelled",
                "Failed",
                "rejected",
            ],
            OrderStatus::Cancelled,
        );
        assert_all(
            &["closed", "Closed", "Refunded", "Disputed", "chargedback"],
            OrderStatus::Refunded,
        );
        assert_all(&["Partially Refunded", "partially_refunded"], OrderStatus::Paid);
    }

    #[test]
    fn statuses_in_other_languages() {
        assert_all(
            &[
                "pagado",
                "pago",
                "aprobado",
                "Pago aprobado",
                "bezahlt",
                "payé",
                "entregado",
                "abgeschlossen",
            ],
            OrderStatus::Paid,
        );
        assert_all(
            &[
                "cancelado",
                "Cancelada",
                "pendiente",
                "Pendente",
                "rechazado",
                "Pago rechazado",
                "annulé",
                "Annulée",
                "storniert",
                "Zahlung ausstehend",
                "no pagado",
                "Não pago",
                "キャンセル",
                "취소",
            ],
            OrderStatus::Cancelled,
        );
        assert_all(
            &[
                "reembolsado",
                "Devuelto",
                "devolvido",
                "estornado",
                "remboursé",
                "erstattet",
                "Rückerstattet",
                "返金済み",
                "환불",
            ],
            OrderStatus::Refunded,
        );
        assert_all(&["reembolso parcial", "teilweise erstattet"], OrderStatus::Paid);
    }

    #[test]
    fn refund_columns_saying_no_refund_are_paid() {
        assert_all(&["无退款", "No refund", "not refunded", "退款关闭"], OrderStatus::Paid);
    }

    #[test]
    fn cancellation_dates_are_marks_unless_placeholders() {
        for set in ["2024-03-05 10:00:00 -0500", "2024/3/5", "yes"] {
            assert!(is_cancellation_mark(set.as_bytes()), "{set}");
        }
        for unset in ["", "  ", "0", "NULL", "n/a", "0000-00-00 00:00:00"] {
            assert!(!is_cancellation_mark(unset.as_bytes()), "{unset}");
        }
    }
}
