//! The date order a file's platform or header language suggests, used only
//! when no date of the file decides (see `docs/ingest/date-order.md#convention`).

use crate::schema::normalise_header;
use crate::value::DateOrder;
use serde::{Deserialize, Serialize};

/// A hint in the header row about how the exporting platform writes dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConventionHint {
    /// Headers in Spanish, Portuguese, French, German, Italian or Dutch,
    /// whose dates are written day first.
    DayFirstLanguage,
    /// Headers of an export that writes dates month first: UCI Online Retail
    /// and US store or payment platforms (Shopify, Square, Stripe).
    MonthFirstPlatform,
}

impl ConventionHint {
    /// The order the hint stands for.
    pub fn order(self) -> DateOrder {
        match self {
            ConventionHint::DayFirstLanguage => DateOrder::DayFirst,
            ConventionHint::MonthFirstPlatform => DateOrder::MonthFirst,
        }
    }
}

/// Whole header words of day-first languages that English headers do not use.
const DAY_FIRST_WORDS: &[&str] = &[
    "fecha",
    "pedido",
    "cliente",
    "importe",
    "monto",
    "cantidad",
    "número",
    "numero",
    "correo",
    "precio",
    "estado",
    "valor",
    "quantidade",
    "preço",
    "compra",
    "commande",
    "montant",
    "quantité",
    "prix",
    "achat",
    "courriel",
    "datum",
    "kunde",
    "betrag",
    "menge",
    "preis",
    "rechnung",
    "bestellung",
    "ordine",
    "importo",
    "quantità",
    "prezzo",
    "klant",
    "bedrag",
    "bestelling",
];

/// Stems that mark a day-first language inside compound words (`Bestelldatum`).
const DAY_FIRST_STEMS: &[&str] = &["datum", "bestell", "fecha", "kunden", "rechnungs"];

/// Normalised headers that only month-first exports write.
const MONTH_FIRST_HEADERS: &[&str] = &[
    "invoicedate",
    "invoiceno",
    "stockcode",
    "financialstatus",
    "fulfillmentstatus",
    "lineitemname",
    "grosssales",
    "netsales",
    "createdutc",
    "amountrefunded",
    "statementdescriptor",
];

/// The convention the headers suggest; `None` when they suggest none, or
/// both (a header row mixing languages is no evidence).
pub fn convention(headers: &[String]) -> Option<ConventionHint> {
    let day_first = headers.iter().any(|h| is_day_first_language(h));
    let month_first = headers
        .iter()
        .any(|h| MONTH_FIRST_HEADERS.contains(&normalise_header(h).as_str()));
    match (day_first, month_first) {
        (true, false) => Some(ConventionHint::DayFirstLanguage),
        (false, true) => Some(ConventionHint::MonthFirstPlatform),
        _ => None,
    }
}

fn is_day_first_language(header: &str) -> bool {
    let lower = header.to_lowercase();
    lower.split(|c: char| !c.is_alphanumeric()).any(|word| {
        DAY_FIRST_WORDS.contains(&word)
            || DAY_FIRST_STEMS
                .iter()
                .any(|stem| word.len() > stem.len() && word.contains(stem))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(headers: &[&str]) -> Option<ConventionHint> {
        convention(&headers.iter().map(|h| h.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn platform_and_language_headers_suggest_an_order() {
        let uci = [
            "InvoiceNo",
            "StockCode",
            "Description",
            "Quantity",
            "InvoiceDate",
            "UnitPrice",
            "CustomerID",
            "Country",
        ];
        assert_eq!(hint(&uci), Some(ConventionHint::MonthFirstPlatform));
        assert_eq!(
            hint(&["Número de orden", "Email", "Fecha", "Total"]),
            Some(ConventionHint::DayFirstLanguage)
        );
        assert_eq!(
            hint(&["Kundennummer", "Bestelldatum", "Summe"]),
            Some(ConventionHint::DayFirstLanguage)
        );
        assert_eq!(
            hint(&["Data do pedido", "Valor"]),
            Some(ConventionHint::DayFirstLanguage)
        );
        assert_eq!(ConventionHint::DayFirstLanguage.order(), DateOrder::DayFirst);
    }

    #[test]
    fn plain_english_chinese_or_mixed_headers_suggest_nothing() {
        assert_eq!(hint(&["customer_id", "order_date", "amount", "Client Email"]), None);
        assert_eq!(hint(&["客户ID", "下单时间", "实付金额"]), None);
        assert_eq!(hint(&["InvoiceDate", "Fecha"]), None);
    }
}
