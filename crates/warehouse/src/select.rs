//! The final query: one row per customer with the per-customer CSV's column
//! names (docs/product.md#automation-hooks), in customer-key byte order.

use crate::dialect::Dialect;
use segscope_engine::NO_PURCHASE;

/// The `SELECT` over every step; `with_clv` adds the three prediction
/// columns, `custom` is the custom segments' expression (NULL without one).
pub(crate) fn final_select(d: Dialect, with_clv: bool, custom: Option<&str>) -> String {
    let mut columns = vec![
        "m.customer_key AS customer_id".to_string(),
        "m.first_order_day AS first_order_date".into(),
        "m.last_order_day AS last_order_date".into(),
        "m.orders".into(),
        "m.revenue".into(),
        "m.aov".into(),
        "m.recency_days".into(),
        "rfm.r_score".into(),
        "rfm.f_score".into(),
        "rfm.m_score".into(),
        "rfm.rfm_segment".into(),
        "t.value_score".into(),
        format!("COALESCE(t.value_tier, {}) AS value_tier", d.string(NO_PURCHASE)),
        "ms.member_level".into(),
        "lc.lifecycle_stage".into(),
    ];
    if with_clv {
        columns.extend(["clv.p_alive".into(), "clv.expected_purchases".into(), "clv.clv".into()]);
    } else {
        for name in ["p_alive", "expected_purchases", "clv"] {
            columns.push(format!("CAST(NULL AS {}) AS {name}", d.double_type()));
        }
    }
    columns.push(match custom {
        Some(expression) => format!("{expression} AS custom_segments"),
        None => format!("CAST(NULL AS {}) AS custom_segments", d.text_type()),
    });
    let mut joins = vec![
        "LEFT JOIN rfm ON rfm.customer_key = m.customer_key",
        "LEFT JOIN value_tiers t ON t.customer_key = m.customer_key",
        "JOIN membership ms ON ms.customer_key = m.customer_key",
        "JOIN lifecycle lc ON lc.customer_key = m.customer_key",
    ];
    if with_clv {
        joins.push("LEFT JOIN clv ON clv.customer_key = m.customer_key");
    }
    format!(
        "-- One row per customer, the columns of Segscope's per-customer CSV.\nSELECT\n  {}\nFROM metrics m\n{}\nORDER BY {}",
        columns.join(",\n  "),
        joins.join("\n"),
        d.byte_order("m.customer_key")
    )
}
