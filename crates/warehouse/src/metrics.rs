//! Per-customer metrics from the paid orders up to the as-of date
//! (docs/product.md#per-customer-metrics).

use crate::cte::Steps;
use crate::dialect::Dialect;

/// Adds `paid_orders`, `after_sales`, `order_totals` and `metrics` (one row
/// per customer key); `as_of` is a date literal.
pub(crate) fn add(steps: &mut Steps, d: Dialect, as_of: &str) {
    steps.add(
        "paid_orders",
        "Paid orders dated on or before the as-of date: the only ones that count as value.",
        format!("SELECT customer_key, order_day, amount_cents FROM kept_orders\nWHERE status = 'paid' AND order_day <= {as_of}"),
    );
    steps.add(
        "after_sales",
        "Refunded and cancelled orders up to the as-of date, counted in their own columns.",
        format!(
            "SELECT customer_key,\n  SUM(CASE WHEN status = 'refunded' THEN 1 ELSE 0 END) AS refunds,\n  SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) AS cancellations\nFROM kept_orders\nWHERE order_day <= {as_of}\nGROUP BY customer_key"
        ),
    );
    steps.add(
        "order_totals",
        "Each buyer's paid orders, revenue and largest order in cents, first and last order day.",
        "SELECT customer_key,\n  COUNT(*) AS orders,\n  SUM(amount_cents) AS revenue_cents,\n  MAX(amount_cents) AS max_order_cents,\n  MIN(order_day) AS first_order_day,\n  MAX(order_day) AS last_order_day\nFROM paid_orders\nGROUP BY customer_key",
    );
    let revenue = format!("{} / 100", d.double("t.revenue_cents"));
    let span = d.days_between("t.last_order_day", "t.first_order_day");
    let max_order = format!("{} / 100", d.double("t.max_order_cents"));
    let body = format!(
        "SELECT k.customer_key,\n  COALESCE(t.orders, 0) AS orders,\n  COALESCE(t.revenue_cents, 0) AS revenue_cents,\n  COALESCE({revenue}, 0) AS revenue,\n  CASE WHEN t.orders > 0 THEN {revenue} / t.orders END AS aov,\n  {max_order} AS max_order,\n  t.first_order_day,\n  t.last_order_day,\n  {recency} AS recency_days,\n  {tenure} AS tenure_days,\n  CASE WHEN t.orders >= 2 THEN {span_double} / (t.orders - 1) END AS mean_days_between_orders,\n  COALESCE(a.refunds, 0) AS refunds,\n  COALESCE(a.cancellations, 0) AS cancellations\nFROM customer_keys k\nLEFT JOIN order_totals t ON t.customer_key = k.customer_key\nLEFT JOIN after_sales a ON a.customer_key = k.customer_key",
        recency = d.days_between(as_of, "t.last_order_day"),
        tenure = d.days_between(as_of, "t.first_order_day"),
        span_double = d.double(&span),
    );
    steps.add_materialized(
        "metrics",
        "Per-customer metrics; revenue = cents / 100, AOV = revenue / orders, recency and tenure\nin whole days to the as-of date. Customers without a paid order have 0 orders and no dates.",
        body,
    );
}
