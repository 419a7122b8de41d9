//! From the user's rows to typed orders: duplicates dropped, cells read as
//! the mapping reads them, statuses sorted by the import's own word lists,
//! lines merged into orders (docs/warehouse.md#staging).

use crate::cte::Steps;
use crate::dialect::Dialect;
use crate::source::{LineAmounts, SourceTables};
use segscope_ingest::status::{
    CANCEL_WORDS, NOT_SET, NO_REFUND_PHRASES, PARTIAL_REFUND_PHRASES, REFUND_WHOLE_WORDS, REFUND_WORDS,
};

/// Adds the staging steps; the last, `kept_orders`, has one row per order
/// (`customer_key`, `order_day`, `amount_cents`, `status`) and
/// `customer_keys` every customer of the orders and customers tables.
pub(crate) fn add(steps: &mut Steps, d: Dialect, source: &SourceTables) {
    let text = |column: &str| format!("NULLIF(TRIM({}), '')", d.text(&d.ident(column)));
    let mut columns = vec![
        format!("{} AS customer_key", text(&source.order_customer)),
        format!("{} AS order_day", d.day_of(&text(&source.order_date))),
        format!(
            "CASE WHEN {amount} IS NULL THEN 0 ELSE {} END AS amount_cents",
            d.cents(&text(&source.amount)),
            amount = text(&source.amount)
        ),
    ];
    let words = match &source.status {
        Some(status) => format!(
            "REPLACE(REPLACE(LOWER(COALESCE({}, '')), '_', ' '), '-', ' ')",
            text(status)
        ),
        None => "''".to_string(),
    };
    columns.push(format!("{words} AS status_words"));
    let cancelled_mark = match &source.cancelled_at {
        Some(column) => {
            let placeholders: Vec<String> = NOT_SET.iter().map(|p| d.string(p)).collect();
            format!(
                "COALESCE(LOWER({}) NOT IN ({}), FALSE)",
                text(column),
                placeholders.join(", ")
            )
        }
        None => "FALSE".to_string(),
    };
    columns.push(format!("{cancelled_mark} AS cancelled_mark"));
    if let Some(order_id) = &source.order_id {
        columns.push(format!("{} AS order_id", text(order_id)));
        columns.push(format!("{} AS row_no", d.row_id()));
    }
    steps.add(
        "source_rows",
        "1. The order rows as exported, exact duplicate rows removed.",
        format!("SELECT DISTINCT * FROM {}", d.table(&source.orders_table)),
    );
    steps.add(
        "order_rows",
        "2. Each row's cells as the import reads them: the key trimmed, the day the date\n   names (first ten characters, YYYY-MM-DD, no time-zone shift), the amount in whole\n   cents (six decimals, then half away from zero; a blank amount is 0), the status in lower case with\n   _ and - as spaces. A cell that does not parse is NULL.",
        format!("SELECT\n  {}\nFROM source_rows", columns.join(",\n  ")),
    );
    let stripped = NO_REFUND_PHRASES
        .iter()
        .fold("status_words".to_string(), |inner, phrase| {
            format!("REPLACE({inner}, {}, ' ')", d.string(phrase))
        });
    steps.add(
        "status_rows",
        "3. The status words with the phrases that deny a refund taken out.",
        format!("SELECT order_rows.*, {stripped} AS status_rest\nFROM order_rows"),
    );
    let any_of = |column: &str, words: &[&str]| {
        let tests: Vec<String> = words.iter().map(|w| d.contains(column, &d.string(w))).collect();
        format!("({})", tests.join("\n      OR "))
    };
    let whole_words: Vec<String> = REFUND_WHOLE_WORDS
        .iter()
        .map(|w| d.matches("status_rest", &d.string(&format!("(^|[^a-z0-9]){w}([^a-z0-9]|$)"))))
        .collect();
    let status = format!(
        "CASE\n    WHEN cancelled_mark THEN 'cancelled'\n    WHEN {} THEN 'paid'\n    WHEN {}\n      OR {} THEN 'refunded'\n    WHEN {} THEN 'cancelled'\n    ELSE 'paid'\n  END",
        any_of("status_words", PARTIAL_REFUND_PHRASES),
        any_of("status_rest", REFUND_WORDS),
        whole_words.join(" OR "),
        any_of("status_rest", CANCEL_WORDS),
    );
    let carried = if source.order_id.is_some() {
        ", order_id, row_no"
    } else {
        ""
    };
    steps.add(
        "classified_rows",
        "4. Paid, refunded or cancelled, by the import's word lists: a partial refund is paid;\n   refund words make it refunded, cancel and not-paid words cancelled, anything else\n   (an empty or unknown status) is paid. A cancellation date cancels whatever the status.",
        format!("SELECT customer_key, order_day, amount_cents, {status} AS word_status{carried}\nFROM status_rows"),
    );
    steps.add(
        "typed_rows",
        "A negative amount is a refund of a paid order; amounts are kept as positive cents.",
        format!(
            "SELECT customer_key, order_day, ABS(amount_cents) AS amount_cents,\n  CASE WHEN amount_cents < 0 AND word_status = 'paid' THEN 'refunded' ELSE word_status END AS status{carried}\nFROM classified_rows"
        ),
    );
    let complete = "customer_key IS NOT NULL AND order_day IS NOT NULL AND amount_cents IS NOT NULL";
    match source.order_id {
        Some(_) => {
            let amount = match source.lines {
                LineAmounts::Add => "SUM(amount_cents)",
                LineAmounts::OncePerOrder => "MAX(amount_cents)",
            };
            let row_ref = format!("CONCAT('row ', {})", d.text("row_no"));
            steps.add(
                "merged_orders",
                format!(
                    "5. One order per order id (a row without one is an order of its own): the first\n   customer and day of its rows, the amount {}, refunded when a row says so,\n   else cancelled when a row says so.",
                    match source.lines {
                        LineAmounts::Add => "added up over its lines",
                        LineAmounts::OncePerOrder => "counted once",
                    }
                ),
                format!(
                    "SELECT\n  MIN(customer_key) AS customer_key,\n  MIN(order_day) AS order_day,\n  {amount} AS amount_cents,\n  CASE\n    WHEN MAX(CASE WHEN status = 'refunded' THEN 1 ELSE 0 END) = 1 THEN 'refunded'\n    WHEN MAX(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) = 1 THEN 'cancelled'\n    ELSE 'paid'\n  END AS status\nFROM typed_rows\nGROUP BY COALESCE(order_id, {row_ref})"
                ),
            );
            steps.add_materialized(
                "kept_orders",
                "6. Orders with a customer, a date and an amount (the others are rejected rows).",
                format!("SELECT * FROM merged_orders\nWHERE {complete}"),
            );
        }
        None => steps.add_materialized(
            "kept_orders",
            "5. Rows with a customer, a date and an amount (the others are rejected rows);\n   each row is one order.",
            format!("SELECT customer_key, order_day, amount_cents, status FROM typed_rows\nWHERE {complete}"),
        ),
    }
    let mut keys = "SELECT customer_key FROM kept_orders".to_string();
    if let Some(table) = source.customers() {
        keys.push_str(&format!(
            "\nUNION DISTINCT\nSELECT {key} FROM {table}\nWHERE {key} IS NOT NULL",
            key = text(&source.customer_id),
            table = d.table(table)
        ));
    }
    let select_keys = format!("SELECT DISTINCT customer_key FROM (\n{keys}\n) AS all_keys");
    steps.add(
        "customer_keys",
        "Every customer: the keys of the kept orders (any status, any date) and of the customers table.",
        select_keys,
    );
    if let (Some(table), Some(points)) = (source.customers(), &source.points) {
        let value = d.safe_double(&text(points));
        steps.add(
            "file_points",
            "The points balance of the customers table, where it is a finite plain number.",
            format!(
                "SELECT {key} AS customer_key, MAX({value}) AS points\nFROM {table}\nGROUP BY {key}",
                key = text(&source.customer_id),
                table = d.table(table)
            ),
        );
    }
}
