//! Value tiers (docs/product.md#value-tiers): the integer value key, buyers
//! ordered by key, revenue and key bytes, cut at ⌈p · n / q⌉ in integers.

use crate::cte::Steps;
use crate::dialect::Dialect;
use segscope_engine::settings::TierSettings;
use segscope_engine::{integer_weights, Share, NO_PURCHASE};

/// Adds `value_tiers` (value score and tier per buyer); `names` are the
/// tiers' export names, best first.
pub(crate) fn add(steps: &mut Steps, d: Dialect, settings: &TierSettings, names: &[String]) {
    let [w_aov, w_orders, w_revenue] = integer_weights(settings);
    let total = w_aov + w_orders + w_revenue;
    steps.add(
        "value_keys",
        format!(
            "The value key: {w_aov} × (buyers with a lower AOV) + {w_orders} × (fewer orders) + {w_revenue} × (less revenue),\nthe weights as the smallest integers in their proportion; buyers in tier order\n(key, then revenue, highest first, then the customer key in byte order)."
        ),
        format!(
            "SELECT r.customer_key, r.buyers,\n  {w_aov} * r.aov_below + {w_orders} * r.orders_below + {w_revenue} * r.revenue_below AS value_key,\n  ROW_NUMBER() OVER (\n    ORDER BY {w_aov} * r.aov_below + {w_orders} * r.orders_below + {w_revenue} * r.revenue_below DESC,\n      m.revenue_cents DESC, {}\n  ) AS tier_position\nFROM buyer_ranks r\nJOIN metrics m ON m.customer_key = r.customer_key",
            d.byte_order("r.customer_key")
        ),
    );
    let mut arms = Vec::new();
    for (cutoff, name) in settings.cutoffs.iter().zip(names) {
        let share = Share::of(*cutoff);
        let end = d.int_div(&format!("{} * buyers + {}", share.p, share.q - 1), &share.q.to_string());
        arms.push(format!(
            "    WHEN tier_position <= {end} THEN {}  -- top {}/{}",
            d.string(name),
            share.p,
            share.q
        ));
    }
    let last = names.get(settings.cutoffs.len()).map_or("", String::as_str);
    steps.add(
        "value_tiers",
        format!(
            "Value score = key / ({total} × buyers); tier i ends at position ⌈cᵢ × buyers⌉ (cut-offs as fractions).\nCustomers without a paid order are \"{NO_PURCHASE}\" in the final query."
        ),
        format!(
            "SELECT customer_key,\n  {} / {} AS value_score,\n  CASE\n{}\n    ELSE {}\n  END AS value_tier\nFROM value_keys",
            d.double("value_key"),
            d.double(&format!("{total} * buyers")),
            arms.join("\n"),
            d.string(last)
        ),
    );
}
