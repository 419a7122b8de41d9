//! Whether a cell is an order status word, in any of the languages exports
//! use (docs/ingest/roles.md#value-evidence). Unknown words count as paid when
//! an order is read; here only known words are evidence.

use crate::status::classify_status;
use segscope_model::OrderStatus;

/// Words of completed or in-progress orders (the paid side of the vocabulary).
const PAID_WORDS: &[&str] = &[
    "paid",
    "complete",
    "completed",
    "processing",
    "delivered",
    "shipped",
    "fulfilled",
    "unfulfilled",
    "authorized",
    "success",
    "succeeded",
    "approved",
    "invoiced",
    "settled",
    "closed",
    "open",
    "pagado",
    "pago",
    "aprobado",
    "entregado",
    "enviado",
    "concluído",
    "entregue",
    "payé",
    "livré",
    "bezahlt",
    "versandt",
    "交易成功",
    "已付款",
    "已完成",
    "已发货",
    "待发货",
    "已签收",
    "完成",
    "支払済み",
    "결제완료",
];

/// True when `cell` is a known status word: a refund or cancellation word, or
/// one of [`PAID_WORDS`].
pub fn is_status_word(cell: &str) -> bool {
    let cell = cell.trim();
    if cell.is_empty() || cell.len() > 60 || cell.contains('@') {
        return false;
    }
    let lower = cell.to_lowercase();
    let word = lower.strip_prefix("wc-").unwrap_or(&lower);
    classify_status(word.as_bytes()) != OrderStatus::Paid || PAID_WORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_in_several_languages() {
        for s in [
            "completed",
            "Refunded",
            "wc-on-hold",
            "交易关闭",
            "pagado",
            "canceled",
            "delivered",
        ] {
            assert!(is_status_word(s), "{s}");
        }
        for s in ["apparel", "Ana Souza", "12.50", "C000001"] {
            assert!(!is_status_word(s), "{s}");
        }
    }
}
